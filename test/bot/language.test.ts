/**
 * The bot in the chat's language, through the fake Bot API: a Ukrainian-speaking user is answered
 * in Ukrainian from the first message, switches with /language en (replies and the chat's command
 * menu follow), and groups keep their own language, changed by their admins only.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Telegram } from 'telegraf';
import { startHarness, seedArticle, buttons, KURSK, BRIDGE, PRIVATE, GROUP, type Harness } from './bot-harness.js';
import { COMMANDS } from '../../src/bot/command-list.js';
import { queueDigestNow } from '../../src/delivery/queue-digests.js';
import { drainOutbox } from '../../src/delivery/outbox.js';
import { TelegrafSender } from '../../src/delivery/telegraf-sender.js';
import { FloodLimiter } from '../../src/delivery/flood-limiter.js';
import { createLogger } from '../../src/support/logger.js';

const UK = { id: PRIVATE.id, language_code: 'uk' };
/** Cyrillic letters, and no English sentence: the reply is in Ukrainian. */
const ukrainian = (text: string) => /[а-яіїєґ]{3}/i.test(text) && !/\b(the|your|you|is|are|send|with)\b/i.test(text.replace(/\/\w+/g, ''));

const logger = createLogger({ level: 'silent' });

/** Queue the digest for one chat now and deliver it through the outbox, as the schedule does. */
async function scheduledDigest(chatId: number): Promise<void> {
  await queueDigestNow({ store: h.store, logger, settings: h.deps.settings, chatId });
  const sender = new TelegrafSender(new Telegram(h.api.token, { apiRoot: h.api.apiRoot }));
  await drainOutbox({ store: h.store, sender, logger, limiter: new FloodLimiter({ globalPerSecond: 1000, privateIntervalMs: 0, groupPerMinute: 1000, groupIntervalMs: 0 }), pollMs: 10 });
}

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.stop();
});

describe('the chat language', () => {
  it('registers the command menu per language: English by default, Ukrainian for language_code uk', () => {
    const calls = h.api.calls('setMyCommands').map((c) => c.params.language_code ?? null);
    expect(calls).toEqual([null, 'uk']);
    expect(h.api.myCommands().map((c) => c.command)).toEqual(COMMANDS.map((c) => c.command));
    const uk = h.api.myCommands(undefined, 'uk');
    expect(uk.map((c) => c.command)).toEqual(COMMANDS.map((c) => c.command));
    expect(uk.find((c) => c.command === 'digest')!.description).toBe('Дайджест зараз: нові історії та їхні ключові числа');
    expect(h.api.myCommands().find((c) => c.command === 'digest')!.description).toBe('The digest now: new stories and their key figures');
  });

  it('answers a Ukrainian-speaking user in Ukrainian, stores the language, and follows /language en — replies and menu', async () => {
    const [start] = await h.say(PRIVATE, '/start', UK);
    expect(start!.text).toContain('Ви підписалися на KeyFigures');
    expect(start!.text).toMatch(/Наступний дайджест: \d+ [а-яі]+ о 08:00 \(UTC\)/);
    expect(start!.text).toContain('971 російських військових');
    expect(await h.store.getSubscriber(PRIVATE.id)).toMatchObject({ language: 'uk' });

    const [help] = await h.say(PRIVATE, '/help', UK);
    expect(help!.text).toContain('/why <число> — речення і стаття');
    expect(ukrainian(help!.text)).toBe(true);

    const [settings] = await h.say(PRIVATE, '/settings', UK);
    expect(settings!.text).toContain('Налаштування');
    expect(settings!.text).toContain('Стан: підписано');
    expect(settings!.text).toContain('Мова: Українська');
    expect(buttons(settings!).map((b) => b.text)).toEqual(expect.arrayContaining(['✓ Типовий час', '⏸ Пауза', '✓ Типовий пояс', 'English', '✓ Українська']));

    const errors = [
      await h.say(PRIVATE, '/time 25:99', UK),
      await h.say(PRIVATE, '/nonsense', UK),
      await h.say(PRIVATE, '/timezone Atlantis/Nowhere', UK),
    ].map((r) => r[0]!.text);
    expect(errors).toEqual([
      'Використання: /time ГГ:ХХ — час щоденного дайджесту (24 год) або /time default',
      'Невідома команда /nonsense. Надішліть /help, щоб побачити список.',
      'Невідомий часовий пояс «Atlantis/Nowhere». Використання: /timezone Europe/Kyiv, /timezone Київ або /timezone UTC+3.',
    ]);
    expect((await h.say(PRIVATE, '/timezone Київ', UK))[0]!.text).toMatch(/^Часовий пояс: Europe\/Kyiv\. Ваш дайджест надходить за типовим розкладом — наступний \d+ [а-яі]+ о 08:00 \(Europe\/Kyiv\)\.$/);

    // The stored language wins over the app's language from now on, and the chat's menu follows.
    const [switched] = await h.say(PRIVATE, '/language en', UK);
    expect(switched!.text).toBe("Language: English. Replies, digests and this chat's command menu now use it.");
    expect(await h.store.getSubscriber(PRIVATE.id)).toMatchObject({ language: 'en' });
    const menu = h.api.myCommands({ type: 'chat', chat_id: PRIVATE.id });
    expect(menu.find((c) => c.command === 'digest')!.description).toBe('The digest now: new stories and their key figures');
    expect((await h.say(PRIVATE, '/pause', UK))[0]!.text).toBe('Paused: no digests until you send /resume. /digest still works any time.');
    expect((await h.say(PRIVATE, '/help', UK))[0]!.text).toMatch(/^KeyFigures turns news feeds/);

    // …and back with the button under /language.
    const [shown] = await h.say(PRIVATE, '/language', UK);
    expect(shown!.text).toBe('Language: English. Change it with /language en, /language uk or the buttons below.');
    const uk = buttons(shown!).find((b) => b.text === 'Українська')!;
    await h.press(PRIVATE, shown!.message_id, uk.callback_data!, UK);
    expect(h.api.message(PRIVATE.id, shown!.message_id)!.text).toMatch(/^Мова: Українська\./);
    expect(h.api.myCommands({ type: 'chat', chat_id: PRIVATE.id }).find((c) => c.command === 'digest')!.description).toMatch(/^Дайджест зараз/);
    expect((await h.say(PRIVATE, '/resume', UK))[0]!.text).toMatch(/^Відновлено: ваш дайджест надходить/);
  });

  it('/settings has language buttons that redraw the settings in the new language', async () => {
    await h.say(PRIVATE, '/start');
    const [settings] = await h.say(PRIVATE, '/settings');
    expect(settings!.text).toContain('Language: English — /language');
    const uk = buttons(settings!).find((b) => b.text === 'Українська')!;
    await h.press(PRIVATE, settings!.message_id, uk.callback_data!);
    const redrawn = h.api.message(PRIVATE.id, settings!.message_id)!;
    expect(redrawn.text).toContain('Мова: Українська — /language');
    expect(buttons(redrawn).map((b) => b.text)).toContain('✓ Українська');
    expect((await h.say(PRIVATE, '/stop'))[0]!.text).toMatch(/^Ви відписалися\./);
  });

  it("a group has its own language: set by the admin who subscribes it, changed by admins only", async () => {
    h.api.setChatMember(GROUP.id, 501, 'administrator');
    await h.say(GROUP, '/start', { id: 501, language_code: 'uk' });
    expect(await h.store.getSubscriber(GROUP.id)).toMatchObject({ language: 'uk' });
    // An English-speaking member is answered in the group's language, and may not change it.
    const [refused] = await h.say(GROUP, '/language en', { id: 502, language_code: 'en' });
    expect(refused!.text).toBe('Вибачте — змінювати налаштування групи можуть лише її адміністратори.');
    expect((await h.say(GROUP, '/language xx', { id: 501 }))[0]!.text).toBe('Невідома мова «xx». Оберіть /language en, /language uk.');
    expect((await h.say(GROUP, '/language English', { id: 501 }))[0]!.text).toMatch(/^Language: English\./);
    expect((await h.say(GROUP, '/help', { id: 502, language_code: 'uk' }))[0]!.text).toMatch(/^KeyFigures turns news feeds/);
  });

  it('a chat that has not subscribed is answered in the sender\'s language; /language asks it to subscribe first', async () => {
    expect((await h.say(PRIVATE, '/language en', UK))[0]!.text).toBe('Цей чат ще не підписаний. Спершу надішліть /start.');
    expect((await h.say(PRIVATE, '/help', { id: PRIVATE.id, language_code: 'de' }))[0]!.text).toMatch(/^KeyFigures turns news feeds/);
  });

  it('/digest, its buttons, the scheduled digest, /story, /search and /sources in the chat\'s language', async () => {
    const { feed } = await h.store.addFeed('https://wire.test/rss');
    await seedArticle(h.store, { ...KURSK, feedId: feed.id, minutesAgo: 40 });
    await seedArticle(h.store, { ...BRIDGE, feedId: feed.id, minutesAgo: 50 });
    await h.say(PRIVATE, '/start', UK);

    const [digest] = await h.say(PRIVATE, '/digest', UK);
    expect(digest!.text).toMatch(/^KeyFigures · \d+ [а-яі]+ \d{4} р\.\n2 історії · \d+ (число|числа|чисел)/);
    expect(buttons(digest!).map((b) => b.text)).toEqual(['Історія 1', 'Історія 2']);
    const [story] = await h.press(PRIVATE, digest!.message_id, buttons(digest!)[0]!.callback_data!, UK, 1);
    expect(story!.text).toMatch(/Test Wire · \d+ [а-яі]+ \d{4} р\./);
    expect(story!.text).toContain('джерело');
    expect((await h.say(PRIVATE, '/story 9', UK))[0]!.text).toBe('У вашому останньому дайджесті історії 1–2. Спробуйте /story 1.');

    const [search] = await h.say(PRIVATE, '/search bridge', UK);
    expect(search!.text).toContain('Пошук · bridge');
    expect(search!.text).toContain('1 історія · сторінка 1 з 1');
    expect(buttons(search!).map((b) => b.text)).toEqual(['Відкрити 1']);
    expect((await h.say(PRIVATE, '/search zebras', UK))[0]!.text).toBe('За останні 30 днів ніщо не згадує zebras.');
    const [sources] = await h.say(PRIVATE, '/sources', UK);
    expect(sources!.text).toContain('Джерела · ви отримуєте 1 з 1');
    expect(sources!.text).toContain('ще не отримано');

    // The schedule renders this chat's digest in Ukrainian; an English chat gets the English edition.
    const EN = { id: 7301, type: 'private' as const, first_name: 'Eve' };
    await h.say(EN, '/start');
    for (const chatId of [PRIVATE.id, EN.id]) {
      await h.store.markDigestGiven(chatId, new Date(Date.now() - 86_400_000));
      await h.store.saveChatView(chatId, { at: new Date(0), stories: [] });
    }
    const before = { uk: h.api.sent(PRIVATE.id).length, en: h.api.sent(EN.id).length };
    await scheduledDigest(PRIVATE.id);
    await scheduledDigest(EN.id);
    const [ukEdition] = h.api.sent(PRIVATE.id).slice(before.uk);
    const [enEdition] = h.api.sent(EN.id).slice(before.en);
    expect(ukEdition!.text).toMatch(/^KeyFigures · \d+ [а-яі]+ \d{4} р\.\n2 історії/);
    expect(buttons(ukEdition!).map((b) => b.text)).toEqual(['Історія 1', 'Історія 2']);
    expect(enEdition!.text).toMatch(/^KeyFigures · \d+ \w{3} \d{4}\n2 stories/);
    expect(buttons(enEdition!).map((b) => b.text)).toEqual(['Story 1', 'Story 2']);
  });

  it('offers a pasted link in the chat\'s language, and the offer\'s button still works', async () => {
    await h.say(PRIVATE, '/start', UK);
    const [offer] = await h.say(PRIVATE, 'https://example.invalid/feed.xml', UK);
    expect(offer!.text).toBe('Підписатися на цю стрічку чи сайт? https://example.invalid/feed.xml');
    expect(buttons(offer!).map((b) => b.text)).toEqual(['Підписатися']);
    const [checking] = await h.press(PRIVATE, offer!.message_id, buttons(offer!)[0]!.callback_data!, UK, 1);
    expect(checking!.text).toBe('Перевіряю https://example.invalid/feed.xml…');
    // The check runs as a background job that edits the "checking" message when done.
    const edited = () => h.api.message(PRIVATE.id, checking!.message_id)!.text ?? '';
    for (let i = 0; i < 500 && edited().startsWith('Перевіряю'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(edited()).toMatch(/^Не вдалося додати цю стрічку: /);
  });
});
