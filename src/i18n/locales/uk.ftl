# KeyFigures, українська. Синтаксис Fluent: https://projectfluent.org/fluent/guide/
# Змінні приходять сирим текстом (не HTML); код сам екранує те, що вставляє в HTML Telegram.

## Оформлення дайджесту (Telegram, термінал, архів)

digest-heading = KeyFigures · { $date }
digest-counts = { $stories } · { $figures }
digest-counts-line = { $stories }, { $figures }
digest-empty = Від минулого дайджесту нових історій із числами немає.
# Українська має три форми множини: 1 історія, 2 історії, 5 історій (і дробові: 1,5 історії).
stories-count = { $count ->
    [one] { $count } історія
    [few] { $count } історії
    [many] { $count } історій
   *[other] { $count } історії
}
figures-count = { $count ->
    [one] { $count } число
    [few] { $count } числа
    [many] { $count } чисел
   *[other] { $count } числа
}
story-untitled = (без назви)
story-link = джерело
source-unknown = Невідоме джерело
source-dated = { $source } · { $date }
# Без узгодження дієслова з числом: «Джерела (3): Kyiv Independent, Reuters, AP».
sources-reported = Джерела ({ $count }): { $names }
story-sources = Джерела ({ $count }):
conflict-separator = { " " }проти{ " " }

## Картка «День у цифрах»

card-title = День у цифрах
card-footer = { $stories } · { $figures } · кожне число має своє речення
card-empty = У цьому випуску чисел немає.

## Архів (digests/index.md)

archive-title = Архів KeyFigures
archive-intro = Усі випуски дайджесту, від найновішого (усього { $count }). Кожен файл містить історії з ключовими числами та реченнями, з яких їх узято; поруч лежить двійник `.json`.
archive-column-edition = випуск
archive-column-stories = історії
archive-column-figures = числа
archive-empty = Випусків ще немає.

## Розмова з ботом. HTML для Telegram екранує код: тут лише звичайний текст.
## Мітка перед значенням («Стан:») без пробілу в кінці: пробіл додає код.

# Власна назва цієї мови, на кнопках вибору мови незалежно від мови чату.
language-name = Українська

# Меню команд (setMyCommands) і /help: опис і рядок використання для кожної команди.
menu-digest = Дайджест зараз: нові історії та їхні ключові числа
menu-story = Одна історія повністю, кожне число з його реченням
menu-why = Звідки взялося число
menu-trend = Як число змінювалося з часом
menu-figures = Найсвіжіші ключові числа
menu-search = Пошук серед нещодавніх історій
menu-sources = Ваші стрічки та їхній стан
menu-subscribe = Додати стрічку
menu-unsubscribe = Прибрати стрічку
menu-topics = Теми, які включати чи виключати
menu-time = Коли приходить щоденний дайджест
menu-timezone = Ваш часовий пояс
menu-language = Мова бота
menu-settings = Усі налаштування, з кнопками
menu-card = День у цифрах — картинкою
menu-digest-here = Групи з темами: дайджест надходить у цю тему
menu-pause = Призупинити щоденний дайджест
menu-resume = Відновити щоденний дайджест
menu-start = Підписатися на щоденний дайджест
menu-stop = Відписатися
menu-help = Що вміє цей бот
usage-digest = /digest — історії від вашого останнього дайджесту (або за останні 24 год)
usage-story = /story N — історія N з вашого останнього дайджесту, напр. /story 1
usage-why = /why <число> — речення і стаття, звідки взято число, напр. /why 971
usage-trend = /trend <слова або число> — попередні повідомлення про те саме число, кожне з джерелом, напр. /trend полонені
usage-figures = /figures [слова] — найсвіжіші ключові числа, за бажанням лише про певні слова
usage-search = /search <слова> — нещодавні історії з цими словами, від найновіших
usage-sources = /sources — стрічки, які отримує цей чат, з номерами
usage-subscribe = /subscribe <n|url> — отримувати стрічку n зі списку /sources або додати стрічку за адресою; /subscribe only 2 5 — лише ці стрічки; /subscribe all — усі стрічки, зокрема нові
usage-unsubscribe = /unsubscribe <n> — більше не отримувати стрічку n зі списку /sources
usage-topics = /topics [+слово -слово "фраза" | remove слово | clear] — показати або змінити теми
usage-time = /time ГГ:ХХ — час щоденного дайджесту (24 год) або /time default
usage-timezone = /timezone <Europe/Kyiv | Київ | UTC+3 | default> — ваш часовий пояс
usage-language = /language <en|uk> — мова бота в цьому чаті
usage-settings = /settings — усі налаштування цього чату, з кнопками, щоб їх змінити
usage-card = /card — картка останнього випуску; /card on|off — надсилати її перед кожним дайджестом
usage-digest-here = /digest_here — у групі з темами надішліть його в темі, куди має надходити дайджест (у загальній темі General — повернути дайджест туди)
usage-pause = /pause — жодних дайджестів до /resume
usage-resume = /resume — дайджести знову надходять
usage-start = /start — підписатися на щоденний дайджест
usage-stop = /stop — відписатися (надішліть /start, щоб повернутися)
usage-help = /help — цей список
usage = Використання: { $usage }
help-intro = KeyFigures перетворює стрічки новин на числа, які мають значення, і кожне з них можна простежити до його речення.
help-operators = Операторам: { $usage }
unknown-command = Невідома команда /{ $command }. Надішліть /help, щоб побачити список.
error-internal = Вибачте, у нас щось пішло не так. Спробуйте ще раз за хвилину.
admins-only = Вибачте — змінювати налаштування групи можуть лише її адміністратори.
admins-only-short = Змінювати налаштування групи можуть лише її адміністратори.
start-admins-only = Вибачте — підписати групу на KeyFigures можуть лише її адміністратори.
operators-only = Вибачте — /admin лише для операторів цього бота.
operators-only-import = Вибачте — імпортувати стрічки можуть лише оператори цього бота.
operators-only-button = Це можуть зробити лише оператори цього бота.
not-subscribed = Цей чат ще не підписаний. Спершу надішліть /start.
not-subscribed-short = Цей чат не підписаний. Спершу надішліть /start.

# Коли приходять дайджести. $time — «07:30», $zone — «Europe/Kyiv» або «UTC+3», $when — «25 лист., 08:00 (UTC)».
schedule-daily = щодня о { $time } ({ $zone })
schedule-default-next = за типовим розкладом — наступний { $when }
schedule-default = за типовим розкладом

start-already = Ви вже підписані.
start-back = З поверненням — ви знову підписані.
start-new = Ви підписалися на KeyFigures: числа, які мають значення в новинах, і кожне можна простежити до його речення.
start-paused = Дайджести призупинено — /resume, щоб отримувати їх знову.
start-next = Наступний дайджест: { $when }.
start-example = Кожна історія приходить кількома рядками, як-от:
start-example-label = російських військових взято в полон
start-digest = /digest — дайджест зараз
start-why = /why 971 — звідки взялося число
start-settings = /settings — час, часовий пояс, мова, пауза
start-help = /help — усі команди
stop-done = Ви відписалися. Дайджести більше не надходитимуть. Надішліть /start, щоб підписатися знову.
stop-not-subscribed = Ви не були підписані. Надішліть /start, щоб підписатися.
pause-already = Уже на паузі. Надішліть /resume, щоб знову отримувати дайджести.
pause-done = Пауза: дайджестів не буде, доки ви не надішлете /resume. /digest працює будь-коли.
resume-not-paused = Дайджести не на паузі: вони надходять { $schedule }.
resume-done = Відновлено: ваш дайджест надходить { $schedule }.
time-current = Ваш дайджест надходить { $schedule }. Змінити: /time ГГ:ХХ.
time-current-paused = Дайджести призупинено — /resume, щоб отримувати їх знову. Після цього ваш дайджест надходитиме { $schedule }.
time-done = Готово: ваш дайджест надходить { $schedule }.
time-done-paused = Готово: після /resume ваш дайджест надходитиме { $schedule }. До того дайджести призупинено.
timezone-current = Ваш часовий пояс: { $zone }. Змінити: /timezone Europe/Kyiv, /timezone Київ або /timezone UTC+3.
timezone-current-default = Ваш часовий пояс: { $zone } (типовий). Змінити: /timezone Europe/Kyiv, /timezone Київ або /timezone UTC+3.
timezone-unknown = Невідомий часовий пояс «{ $input }». Використання: /timezone Europe/Kyiv, /timezone Київ або /timezone UTC+3.
timezone-done = Часовий пояс: { $zone }. Ваш дайджест надходить { $schedule }.
timezone-done-paused = Часовий пояс: { $zone }. Після /resume ваш дайджест надходитиме { $schedule }; до того дайджести призупинено.
language-current = Мова: { $language }. Змінити: { $choices } або кнопки нижче.
language-unknown = Невідома мова «{ $input }». Оберіть { $choices }.
language-set = Мова: { $language }. Відповіді, дайджести й меню команд цього чату тепер нею.
language-already = Мова вже { $language }.

settings-title = Налаштування
settings-status = Стан:
settings-status-none = не підписано — /start, щоб підписатися
settings-status-paused = на паузі — /resume
settings-status-active = підписано
settings-digest = Дайджест:
settings-next = Наступний дайджест: { $when }
settings-next-none = не заплановано
settings-zone = Часовий пояс:
settings-zone-default = (типовий)
settings-feeds = Стрічки: { $chosen } з { $total } — /sources
settings-topics-none = Теми: немає (усі історії) — /topics
settings-topics = Теми: включено { $include }, виключено { $exclude } — /topics
settings-language = Мова: { $language } — /language
settings-card-on = Картка «День у цифрах»: увімкнено — перед кожним дайджестом
settings-card-off = Картка «День у цифрах»: вимкнено
settings-topic-general = Тема дайджесту: загальна (General)
settings-topic-here = Тема дайджесту: ця тема
settings-topic-other = Тема дайджесту: інша тема
settings-hint = Кнопки змінюють ці налаштування; або надішліть /time ГГ:ХХ, /timezone Київ, /language en.
button-default-time = Типовий час
button-default-zone = Типовий пояс
button-pause = ⏸ Пауза
button-resume = ▶ Відновити
button-card-on = 🖼 Увімкнути картку
button-card-off = 🖼 Вимкнути картку
button-topic-here = 📌 Дайджести в цю тему
button-topic-general = 📌 Дайджести в General
button-expired = Ця кнопка вже не діє.
button-saved = Збережено.
button-already-set = Уже встановлено.

digest-no-more = У цьому дайджесті більше немає історій. Надішліть /digest, щоб отримати найсвіжіші.
story-gone = Ця історія вже недоступна.
search-expired = Цей пошук уже застарів. Надішліть /search ще раз.
search-no-results = Результатів більше немає.



button-story = Історія { $number }
button-open = Відкрити { $number }
button-more = Більше історій ›
button-newer = ‹ Новіші
button-older = Старіші › ({ $page }/{ $pages })
button-subscribe = Підписатися
digest-nothing-new = Від вашого останнього дайджесту нічого нового — ось останні { $hours } год
digest-all-hidden = Жодна історія не відповідає вашим темам. { $hidden } Змінити їх: /topics.
topics-hidden = Приховано вашими темами — { $stories }: { $reasons }.
topics-hidden-mention = { $count ->
    [one] { $count } згадує
   *[other] { $count } згадують
} «{ $word }»
topics-hidden-none-of = { $count ->
    [one] { $count } не згадує
   *[other] { $count } не згадують
} жодного з: { $words }
digest-more-heading = Більше історій · { $numbers } з { $total }
story-no-digest = Тут ще не було дайджесту. Спершу надішліть /digest.
story-range = { $count ->
    [1] У вашому останньому дайджесті одна історія. Спробуйте /story 1.
   *[other] У вашому останньому дайджесті історії 1–{ $count }. Спробуйте /story 1.
}
story-gone-digest = Ця історія вже недоступна. Надішліть /digest, щоб отримати найсвіжіші.
why-none = Числа { $query } в історіях за останні { $days ->
    [one] { $days } день
    [few] { $days } дні
   *[many] { $days } днів
} немає. Спробуйте /figures, щоб побачити найсвіжіші.
why-same-value = те саме значення, що й { $query }
why-same-digits = ті самі цифри, що й { $query }, інше значення
trend-chart-brand = KeyFigures · динаміка
trend-chart-summary = від { $first } ({ $firstDate }) до { $last } ({ $lastDate })
trend-chart-footer = { $points } · { $sources } · кожна точка має своє речення
trend-chart-points = { $count ->
    [one] { $count } точка
    [few] { $count } точки
    [many] { $count } точок
   *[other] { $count } точки
}
trend-chart-sources = { $count ->
    [one] { $count } джерело
    [few] { $count } джерела
    [many] { $count } джерел
   *[other] { $count } джерела
}
trend-none = Про «{ $query }» ще ніхто не повідомляв більше одного разу. Спробуйте /figures, щоб побачити найсвіжіші.
figures-none = За останні { $hours } год нових чисел немає.
figures-none-about = За останні { $hours } год чисел про { $words } немає.
figures-heading = Ключові числа · найсвіжіші
figures-heading-about = Ключові числа · { $words }
search-heading = Пошук · { $query }
search-page = сторінка { $page } з { $pages }
search-none = За останні { $days ->
    [one] { $days } день
    [few] { $days } дні
   *[many] { $days } днів
} ніщо не згадує { $query }.
sources-title = Джерела
sources-gets = ви отримуєте { $chosen } з { $total }
sources-only-these = лише ці: стрічки, додані пізніше, не надходитимуть
sources-later-too = стрічки, додані пізніше, теж надходитимуть
subscribe-all = Тепер ви отримуєте всі стрічки, зокрема додані пізніше.
subscribe-only = Тепер ви отримуєте лише { $names }; стрічки, додані пізніше, не надходитимуть (/subscribe all, щоб отримувати всі).
sources-footer = /subscribe N або /subscribe URL, щоб додати · /unsubscribe N, щоб прибрати · /subscribe only N M — лише ці · /subscribe all — усі стрічки
feeds-none = Стрічок ще немає. Додайте: /subscribe <url>.
feeds-none-short = Стрічок ще немає.
no-such-feed = Стрічки { $asked } немає: у /sources є { $ids }.
feed-ok = гаразд · отримано { $date }
feed-not-fetched = ще не отримано
feed-failing-since = з { $date }
feed-failures = { $count ->
    [one] { $count } збій
    [few] { $count } збої
   *[many] { $count } збоїв
}
subscribe-already = Ви вже отримуєте { $name }.
subscribe-done = Ви підписалися на { $name }.
subscribe-checking = Перевіряю { $url }…
subscribe-failed = Не вдалося додати цю стрічку: { $reason }
subscribe-unreadable = стрічку не вдалося прочитати
subscribe-added = Додано { $name }. Її історії з’являться після наступного отримання стрічок.
subscribe-added-found = Додано { $name } (знайдено на тій сторінці). Її історії з’являться після наступного отримання стрічок.
unsubscribe-not-getting = Ви не отримували { $name }.
unsubscribe-done = Ви відписалися від { $name }. { $left ->
    [one] Залишилася { $left } стрічка.
    [few] Залишилися { $left } стрічки.
   *[many] Залишилося { $left } стрічок.
}
unsubscribe-done-none = Ви відписалися від { $name }. Тепер ви не отримуєте жодної стрічки — /subscribe N, щоб повернути.
topics-title = Теми
topics-updated = Теми оновлено
topics-include = Включати (будь-яку з):
topics-exclude = Виключати:
topics-no-filter = Без фільтра: ви отримуєте всі історії.
topics-matched = Збіг шукаємо цілими словами, без огляду на регістр, у назвах, підсумках і числах.
topics-edit = Змінити: /topics +слово -слово "фраза" · /topics remove слово · /topics clear
topics-too-long = Тема — щонайбільше { $max } символів.
topics-no-letters = «{ $topic }» не має літер чи цифр для пошуку.
topics-too-many = Щонайбільше { $max } тем для включення і { $max } для виключення.
offer-subscribe = Підписатися на цю стрічку чи сайт? { $url }
plain-text-hint = Я відповідаю на команди: /digest — найсвіжіші історії, /why 971 — знайти число, /help — усі команди. Вставте посилання на стрічку чи сайт, щоб підписатися.
## Forum topics and the picture card (bot)

digest-topic-gone = Тему для дайджестів видалено, тож тепер вони надходять у загальну тему (General). Щоб вибрати іншу тему, надішліть у ній /digest_here.
digest-here-set = Дайджести надходитимуть у цю тему.
digest-here-unchanged = Дайджести вже надходять у цю тему.
digest-here-general = Дайджести знову надходять у загальну тему (General). Щоб вибрати тему, надішліть /digest_here у ній.
digest-here-in-general = Надішліть /digest_here у тій темі, куди мають надходити дайджести; доти вони надходять у загальну тему (General).
digest-here-not-forum = У цьому чаті немає тем, тож дайджест надходить просто сюди. /digest_here — для груп із темами: надішліть його в темі, куди мають надходити дайджести.
digest-here-not-subscribed = Ця група ще не підписана: надішліть /start, щоб отримувати дайджест.
card-on = Картку ввімкнено: кожен дайджест починатиметься з «Дня в цифрах».
card-off = Картку вимкнено: дайджести надходитимуть лише текстом.
card-none = Ще немає випуску з числами, тож і картки немає.
card-usage = Як користуватися: /card — картка останнього випуску; /card on або /card off — надсилати її перед кожним дайджестом.
