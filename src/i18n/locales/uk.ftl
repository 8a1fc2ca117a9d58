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
