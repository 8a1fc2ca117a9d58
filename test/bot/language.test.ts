/**
 * The bot in the chat's language, through the fake Bot API: a Ukrainian-speaking user is answered
 * in Ukrainian from the first message, switches with /language en (replies and the chat's command
 * menu follow), and groups keep their own language, changed by their admins only.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { startHarness, buttons, PRIVATE, GROUP, type Harness } from './bot-harness.js';
import { COMMANDS } from '../../src/bot/command-list.js';

const UK = { id: PRIVATE.id, language_code: 'uk' };
/** Cyrillic letters, and no English sentence: the reply is in Ukrainian. */
const ukrainian = (text: string) => /[а-яіїєґ]{3}/i.test(text) && !/\b(the|your|you|is|are|send|with)\b/i.test(text.replace(/\/\w+/g, ''));

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
});
