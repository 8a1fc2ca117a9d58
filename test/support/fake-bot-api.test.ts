import { Telegraf, Telegram, TelegramError } from 'telegraf';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeBotApi, type FakeBotApiOptions } from './fake-bot-api.js';

interface Answer {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

const open: FakeBotApi[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

async function start(opts: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const fake = await FakeBotApi.start(opts);
  open.push(fake);
  return fake;
}

/** Plain fetch call, JSON body, like any HTTP client would do. */
async function call(fake: FakeBotApi, method: string, body: object = {}, token = fake.token): Promise<Answer & { status: number }> {
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as Answer) };
}

const USER = { id: 42, type: 'private' as const, first_name: 'Ada' };
const html = (text: string, chat_id = USER.id) => ({ chat_id, text, parse_mode: 'HTML' });
const ENTITY_ERROR = "Bad Request: can't parse entities: ";

describe('transport and auth', () => {
  it('rejects a wrong token with 401 and an unknown method with 404', async () => {
    const fake = await start();
    expect(await call(fake, 'getMe', {}, '987:WRONG')).toEqual({ status: 401, ok: false, error_code: 401, description: 'Unauthorized' });
    expect(await call(fake, 'sendMassage')).toMatchObject({ status: 404, error_code: 404, description: 'Not Found: method not found' });
  });

  it('answers getMe with the bot user, method names being case-insensitive like Telegram', async () => {
    const fake = await start({ token: '555:abc', username: 'DigestBot' });
    const me = await call(fake, 'getme');
    expect(me).toMatchObject({ status: 200, ok: true, result: { id: 555, is_bot: true, username: 'DigestBot' } });
  });

  it('accepts urlencoded and multipart bodies, decoding JSON fields', async () => {
    const fake = await start();
    fake.addChat(USER);
    const form = new URLSearchParams({ chat_id: '42', text: '<b>x</b>', parse_mode: 'HTML' });
    const r1 = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, { method: 'POST', body: form });
    expect(r1.status).toBe(200);
    const multipart = new FormData();
    multipart.set('chat_id', '42');
    multipart.set('text', 'pick');
    multipart.set('reply_markup', JSON.stringify({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] }));
    multipart.set('photo', new Blob([new Uint8Array(3)]), 'p.jpg');
    const r2 = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, { method: 'POST', body: multipart });
    expect(r2.status).toBe(200);
    expect(fake.sent(42).map((m) => [m.text, m.entities.length])).toEqual([['x', 1], ['pick', 0]]);
    expect(fake.sent(42)[1]?.reply_markup).toEqual({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] });
    expect(fake.calls('sendMessage')[1]?.files).toMatchObject([{ field: 'photo', filename: 'p.jpg', size: 3 }]);
  });
});

describe('getUpdates long polling', () => {
  it('holds the request until an update is pushed, then confirms it via offset', async () => {
    const fake = await start();
    const t0 = Date.now();
    const pending = call(fake, 'getUpdates', { timeout: 10 });
    await new Promise((r) => setTimeout(r, 150));
    const pushed = fake.sendText(USER, '/start');
    const answer = await pending;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(answer.result).toEqual([pushed]);
    expect(pushed.message).toMatchObject({ text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] });
    expect((await call(fake, 'getUpdates')).result).toEqual([pushed]); // not confirmed yet
    expect((await call(fake, 'getUpdates', { offset: pushed.update_id + 1 })).result).toEqual([]);
  });

  it('takes raw updates, learns their chats and honours allowed_updates', async () => {
    const fake = await start();
    fake.pushUpdate({ message: { message_id: 1, date: 0, chat: { id: -77, type: 'group', title: 'G' }, text: 'hi' } });
    const press = fake.pressButton(USER, 5, 'x');
    const answer = await call(fake, 'getUpdates', { allowed_updates: ['callback_query'] });
    expect(answer.result).toEqual([press]); // the message update is discarded, not just hidden
    expect((await call(fake, 'getWebhookInfo')).result).toMatchObject({ pending_update_count: 1 });
    expect((await call(fake, 'sendMessage', { chat_id: -77, text: 'hello group' })).status).toBe(200);
  });

  it('returns [] when the timeout passes', async () => {
    const fake = await start();
    const t0 = Date.now();
    const answer = await call(fake, 'getUpdates', { timeout: 1 });
    expect(answer).toMatchObject({ status: 200, ok: true, result: [] });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('terminates a held getUpdates with 409 when another one arrives', async () => {
    const fake = await start();
    const first = call(fake, 'getUpdates', { timeout: 10 });
    await new Promise((r) => setTimeout(r, 100));
    const second = call(fake, 'getUpdates', { timeout: 0 });
    expect(await first).toMatchObject({
      status: 409,
      description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    expect((await second).status).toBe(200);
  });

  it('refuses getUpdates while a webhook is set, and close() releases a held poll at once', async () => {
    const fake = await start();
    await call(fake, 'setWebhook', { url: 'https://example.com/hook' });
    expect((await call(fake, 'getUpdates')).status).toBe(409);
    await call(fake, 'deleteWebhook');
    const held = call(fake, 'getUpdates', { timeout: 30 });
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    await fake.close();
    expect((await held).result).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(500);
  });
});

describe('with a real telegraf bot', () => {
  it('launches, receives /start, replies in HTML and stops cleanly', async () => {
    const fake = await start();
    const bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
    bot.command('start', (ctx) => ctx.reply('Welcome, <b>Ada</b> &amp; co', { parse_mode: 'HTML' }));
    const launched = bot.launch();
    fake.sendText(USER, '/start');
    fake.sendText({ id: -100123, type: 'supergroup', title: 'News' }, '/start@KeyFiguresTestBot');
    const [reply] = await fake.waitForMessages(42, 1, 3000);
    await fake.waitForMessages(-100123, 1, 3000);
    bot.stop('test done');
    await launched;
    expect(reply).toMatchObject({ text: 'Welcome, Ada & co', html: 'Welcome, <b>Ada</b> &amp; co', parse_mode: 'HTML' });
    expect(reply?.entities).toEqual([{ type: 'bold', offset: 9, length: 3 }]);
    expect(fake.rejected()).toEqual([]);
    expect(fake.calls('getMe')).toHaveLength(1);
    // telegraf confirms the processed updates on stop, so nothing is left pending
    expect((await call(fake, 'getWebhookInfo')).result).toMatchObject({ url: '', pending_update_count: 0 });
  });

  it('delivers a button press; the bot answers it and edits the message', async () => {
    const fake = await start();
    const bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
    bot.action('more', async (ctx) => {
      await ctx.answerCbQuery();
      await ctx.editMessageText('Expanded <i>digest</i>', { parse_mode: 'HTML' });
    });
    fake.addChat(USER);
    const sent = await bot.telegram.sendMessage(42, 'Digest', { reply_markup: { inline_keyboard: [[{ text: 'More', callback_data: 'more' }]] } });
    const launched = bot.launch();
    fake.pressButton(USER, sent.message_id, 'more');
    const deadline = Date.now() + 3000;
    while (!fake.message(42, sent.message_id)?.edit_date && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    bot.stop();
    await launched;
    expect(fake.message(42, sent.message_id)).toMatchObject({ text: 'Expanded digest', entities: [{ type: 'italic', offset: 9, length: 6 }] });
    expect(fake.calls('answerCallbackQuery').map((c) => c.status)).toEqual([200]);
    expect(fake.rejected()).toEqual([]);
  });

  it('surfaces 403, 429 and migration as TelegramError with code, description and parameters', async () => {
    const fake = await start();
    const tg = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    fake.addChat(USER);
    fake.addChat({ id: -5, type: 'group', title: 'Old group' });
    fake.blockChat(42);
    fake.migrateChat(-5, -1009999);
    const blocked = await tg.sendMessage(42, 'hi').catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(TelegramError);
    expect(blocked).toMatchObject({ code: 403, description: 'Forbidden: bot was blocked by the user' });
    const migrated = await tg.sendMessage(-5, 'hi').catch((e: unknown) => e);
    expect(migrated).toMatchObject({
      code: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: -1009999 },
    });
    await tg.sendMessage(-1009999, 'hi again'); // the supergroup is known now
    fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 7', retry_after: 7 });
    expect(await tg.sendMessage(-1009999, 'x').catch((e: unknown) => e)).toMatchObject({ code: 429, parameters: { retry_after: 7 } });
    fake.failNext('sendMessage', { error_code: 500, description: 'Internal Server Error' });
    fake.unblockChat(42);
    expect(await tg.sendMessage(42, 'x').catch((e: unknown) => e)).toMatchObject({ code: 500, description: 'Internal Server Error' });
  });
});

describe('HTML parse_mode like Telegram', () => {
  it.each([
    ['<script>', 'Digest for: <script>alert(1)</script>', 'Unsupported start tag "script" at byte offset 12'],
    ['unclosed <b>', '<b>Revenue up', `Can't find end tag corresponding to start tag "b"`],
    ['bare <', 'a < b', 'Unsupported start tag "" at byte offset 2'],
    ['stray end tag', 'x</b>', 'Unexpected end tag at byte offset 1'],
    ['mismatched end tag', '<b>x</i>', 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'],
    ['span without tg-spoiler', '<span>x</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
    ['byte offsets count UTF-8 bytes', '📈 <x>', 'Unsupported start tag "x" at byte offset 5'],
    ['unquoted attribute ending badly', '<a href=x/>y</a>', 'Unexpected end of name token at byte offset 8'],
  ])('rejects %s', async (_name, text, reason) => {
    const fake = await start({ permissive: true });
    const answer = await call(fake, 'sendMessage', html(text));
    expect(answer).toMatchObject({ status: 400, ok: false, error_code: 400, description: ENTITY_ERROR + reason });
    expect(fake.rejected()).toEqual([expect.objectContaining({ method: 'sendMessage', error_code: 400, description: ENTITY_ERROR + reason })]);
    expect(fake.sent()).toEqual([]);
  });

  it('accepts every supported tag, nested, and reports Bot API entities', async () => {
    const fake = await start({ permissive: true });
    const text =
      '<b>bold <i>both</i></b> <a href="https://example.com/?a=1&amp;b=2">link</a> <code>c</code> ' +
      '<pre><code class="language-ts">x</code></pre> <tg-spoiler>s</tg-spoiler> <span class="tg-spoiler">t</span> ' +
      '<u>u</u><ins>i</ins><s>s</s><strike>k</strike><del>d</del><em>e</em><strong>g</strong> ' +
      '<blockquote expandable>q</blockquote><blockquote>r</blockquote> <tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>';
    const answer = await call(fake, 'sendMessage', html(text));
    expect(answer.status).toBe(200);
    const msg = answer.result as { text: string; entities: Array<{ type: string; url?: string; language?: string }> };
    expect(msg.text).toBe('bold both link c x s t uiskdeg qr 👍');
    expect(msg.entities.map((e) => e.type)).toEqual([
      'bold', 'italic', 'text_link', 'code', 'pre', 'spoiler', 'spoiler', 'underline', 'underline', 'strikethrough',
      'strikethrough', 'strikethrough', 'italic', 'bold', 'expandable_blockquote', 'blockquote', 'custom_emoji',
    ]);
    expect(msg.entities[2]?.url).toBe('https://example.com/?a=1&b=2');
    expect(msg.entities[4]?.language).toBe('ts');
    // entity offsets are UTF-16: the emoji before the bold word counts twice
    const emoji = await call(fake, 'sendMessage', html('📈 <b>+4.2%</b>'));
    expect((emoji.result as { entities: unknown[] }).entities).toEqual([{ type: 'bold', offset: 3, length: 5 }]);
  });

  it('decodes the supported entities and, like Telegram, keeps unknown ones as text', async () => {
    const fake = await start({ permissive: true });
    const ok = await call(fake, 'sendMessage', html('a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &#39;s &#x1F4C8; &foo; AT&T'));
    expect((ok.result as { text: string }).text).toBe('a < b && c > d "q" \'s 📈 &foo; AT&T');
    const strict = await start({ permissive: true, strictEntities: true });
    const refused = await call(strict, 'sendMessage', html('R&D &foo;'));
    expect(refused.description).toMatch(/^Bad Request: can't parse entities: Unsupported HTML entity "&foo;" at byte offset 4/);
  });

  it('counts length after parsing, in UTF-16 code units', async () => {
    const fake = await start({ permissive: true, floodLimits: false });
    const status = async (text: string, mode?: string) =>
      (await call(fake, 'sendMessage', { chat_id: 1, text, ...(mode ? { parse_mode: mode } : {}) })).description ?? 'ok';
    expect(await status('a'.repeat(4096))).toBe('ok');
    expect(await status('a'.repeat(4097))).toBe('Bad Request: message is too long');
    // 📈 is one code point but two UTF-16 units: 2048 of them fill the limit exactly
    expect(await status('📈'.repeat(2048))).toBe('ok');
    expect(await status('📈'.repeat(2048) + 'a')).toBe('Bad Request: message is too long');
    // markup and escapes do not count: &amp; is one character, tags are zero
    expect(await status('&amp;'.repeat(4096), 'HTML')).toBe('ok');
    expect(await status(`<b>${'&amp;'.repeat(4096)}</b>`, 'HTML')).toBe('ok');
    expect(await status('&amp;'.repeat(4097), 'HTML')).toBe('Bad Request: message is too long');
  });

  it('rejects empty text, before or after parsing', async () => {
    const fake = await start({ permissive: true });
    for (const body of [{ chat_id: 1 }, { chat_id: 1, text: '' }, html('<b></b>', 1), html('  \n ', 1)]) {
      expect((await call(fake, 'sendMessage', body)).description).toBe('Bad Request: message text is empty');
    }
  });
});

describe('chats', () => {
  it('knows only chats that wrote to the bot or were added, unless permissive', async () => {
    const fake = await start();
    expect(await call(fake, 'sendMessage', { chat_id: 7, text: 'hi' })).toMatchObject({ status: 400, description: 'Bad Request: chat not found' });
    fake.sendText({ id: 7 }, 'hello');
    expect((await call(fake, 'sendMessage', { chat_id: 7, text: 'hi' })).status).toBe(200);
    const loose = await start({ permissive: true });
    expect((await call(loose, 'sendMessage', { chat_id: 8, text: 'hi' })).status).toBe(200);
  });

  it('answers 403 with the wording for each kind of block, until unblocked', async () => {
    const fake = await start();
    fake.addChat(USER);
    fake.addChat({ id: -10, type: 'group' });
    fake.addChat({ id: -1000000000010, type: 'supergroup' });
    fake.blockChat(42, 'deactivated');
    fake.blockChat(-10, 'kicked');
    fake.blockChat(-1000000000010, 'kicked');
    const description = async (chat_id: number) => (await call(fake, 'sendMessage', { chat_id, text: 'x' })).description;
    expect(await description(42)).toBe('Forbidden: user is deactivated');
    expect(await description(-10)).toBe('Forbidden: bot was kicked from the group chat');
    expect(await description(-1000000000010)).toBe('Forbidden: bot was kicked from the supergroup chat');
    expect(fake.rejected().map((r) => r.error_code)).toEqual([403, 403, 403]);
    fake.unblockChat(42);
    expect(await description(42)).toBeUndefined();
  });
});

describe('flood control and faults', () => {
  it('allows a short burst to a private chat, then 429 with retry_after', async () => {
    const fake = await start();
    fake.addChat(USER);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await call(fake, 'sendMessage', { chat_id: 42, text: `m${i}` }));
    expect(results.slice(0, 3).map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results[3]).toMatchObject({ status: 429, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    expect(fake.sent(42)).toHaveLength(3);
  });

  it('limits a group to 20 messages per minute and can be switched off', async () => {
    const fake = await start();
    fake.addChat({ id: -20, type: 'group' });
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await call(fake, 'sendMessage', { chat_id: -20, text: 'x' })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses[20]).toBe(429);
    const free = await start({ floodLimits: false });
    free.addChat(USER);
    for (let i = 0; i < 10; i++) expect((await call(free, 'sendMessage', { chat_id: 42, text: 'x' })).status).toBe(200);
  });

  it('records and refuses a send that comes before retry_after elapsed; edits count against the limits', async () => {
    const fake = await start({ floodLimits: { privateBurst: 1, privatePerSecond: 1 } });
    fake.addChat(USER);
    const first = await call(fake, 'sendMessage', { chat_id: 42, text: 'a' });
    const limited = await call(fake, 'editMessageText', { chat_id: 42, message_id: (first.result as { message_id: number }).message_id, text: 'b' });
    expect(limited).toMatchObject({ status: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    const early = await call(fake, 'sendMessage', { chat_id: 42, text: 'c' });
    expect(early.status).toBe(429);
    expect(fake.earlySends()).toMatchObject([{ method: 'sendMessage', chat_id: '42' }]);
    expect(fake.floodCount()).toBe(2);
  });

  it('injects scripted failures for a number of calls', async () => {
    const fake = await start();
    fake.addChat(USER);
    fake.failNext('sendMessage', { error_code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', migrate_to_chat_id: -100, count: 2 });
    const a = await call(fake, 'sendMessage', { chat_id: 42, text: 'x' });
    const b = await call(fake, 'sendMessage', { chat_id: 42, text: 'x' });
    const c = await call(fake, 'sendMessage', { chat_id: 42, text: 'x' });
    expect([a.status, b.status, c.status]).toEqual([400, 400, 200]);
    expect(a.parameters).toEqual({ migrate_to_chat_id: -100 });
  });

  it('fails calls at random, identically for the same seed', async () => {
    const pattern = async () => {
      const fake = await start({ floodLimits: false, permissive: true, faults: { rate: 0.3, seed: 7 } });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await call(fake, 'sendMessage', { chat_id: 1, text: 'x' })).status);
      return statuses;
    };
    const first = await pattern();
    expect(first).toEqual(await pattern());
    expect(first.filter((s) => s === 500).length).toBeGreaterThan(2);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(10);
  });
});

describe('commands, keyboards and other methods', () => {
  it('stores commands per scope and language and validates them', async () => {
    const fake = await start();
    const tg = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    await tg.setMyCommands([{ command: 'digest', description: 'Latest key figures' }]);
    await tg.setMyCommands([{ command: 'digest', description: 'Kennzahlen' }], { language_code: 'de' });
    expect(await tg.getMyCommands()).toEqual([{ command: 'digest', description: 'Latest key figures' }]);
    expect(fake.myCommands(undefined, 'de')).toEqual([{ command: 'digest', description: 'Kennzahlen' }]);
    const desc = async (commands: object[]) => (await call(fake, 'setMyCommands', { commands })).description;
    expect(await desc([{ command: 'Digest', description: 'x' }])).toBe('Bad Request: BOT_COMMAND_INVALID');
    expect(await desc([{ command: '/digest', description: 'x' }])).toBe('Bad Request: BOT_COMMAND_INVALID');
    expect(await desc([{ command: 'a'.repeat(33), description: 'x' }])).toBe('Bad Request: BOT_COMMAND_INVALID');
    expect(await desc([{ command: 'digest', description: '' }])).toBe('Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
    expect(await desc([{ command: 'digest', description: 'x'.repeat(257) }])).toBe('Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
    await tg.deleteMyCommands();
    expect(fake.myCommands()).toEqual([]);
  });

  it('limits callback_data to 64 bytes', async () => {
    const fake = await start({ permissive: true, floodLimits: false });
    const send = async (callback_data: string) =>
      (await call(fake, 'sendMessage', { chat_id: 1, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'b', callback_data }]] } })).description;
    expect(await send('d'.repeat(64))).toBeUndefined();
    expect(await send('d'.repeat(65))).toBe('Bad Request: BUTTON_DATA_INVALID');
    expect(await send('é'.repeat(33))).toBe('Bad Request: BUTTON_DATA_INVALID'); // 66 bytes, 33 characters
  });

  it('numbers messages per chat and supports chat action, getChat and deleteMessage', async () => {
    const fake = await start();
    fake.sendText(USER, 'hello'); // message 1 is the user's
    const a = await call(fake, 'sendMessage', { chat_id: 42, text: 'one' });
    expect(a.result).toMatchObject({ message_id: 2, chat: { id: 42, type: 'private' }, from: { is_bot: true } });
    expect((await call(fake, 'sendChatAction', { chat_id: 42, action: 'typing' })).result).toBe(true);
    expect((await call(fake, 'getChat', { chat_id: 42 })).result).toMatchObject({ id: 42, type: 'private', first_name: 'Ada' });
    expect((await call(fake, 'deleteMessage', { chat_id: 42, message_id: 2 })).result).toBe(true);
    expect((await call(fake, 'deleteMessage', { chat_id: 42, message_id: 2 })).description).toBe('Bad Request: message to delete not found');
  });

  it('rejects waitFor on timeout with what was sent and rejected', async () => {
    const fake = await start();
    fake.addChat(USER);
    await call(fake, 'sendMessage', { chat_id: 42, text: 'Weekly digest' });
    await call(fake, 'sendMessage', html('<b>oops'));
    const err = await fake.waitFor((m) => m.text.includes('Monthly'), 100).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain('chat 42 #1: "Weekly digest"');
    expect((err as Error).message).toContain(`sendMessage 400 ${ENTITY_ERROR}Can't find end tag corresponding to start tag "b"`);
    await expect(fake.waitFor((m) => m.text === 'Weekly digest', 100)).resolves.toMatchObject({ chat_id: 42 });
  });

  it('waitFor tests each message once, however many arrive while it waits', async () => {
    const fake = await start({ floodLimits: false });
    fake.addChat(USER);
    await call(fake, 'sendMessage', { chat_id: 42, text: 'before' });
    let tests = 0;
    // A whole-log condition, as tests waiting for "n messages sent" write it.
    const waiting = fake.waitFor(() => (tests++, fake.sent().length >= 6), 5000);
    for (let i = 1; i <= 5; i++) await call(fake, 'sendMessage', { chat_id: 42, text: `after ${i}` });
    await expect(waiting).resolves.toBeDefined();
    // Once for the message logged before, once per arrival: 6 (retesting the whole log at each arrival took 1 + 1 + 2 + 3 + 4 + 5 = 16).
    expect(tests).toBe(6);
  });
});

describe('documents, files and chat members', () => {
  it('sendDocument takes a multipart upload, records it, and the file comes back through getFile and /file/', async () => {
    const fake = await start();
    fake.addChat(USER);
    const form = new FormData();
    form.set('chat_id', '42');
    form.set('caption', '<b>2</b> feeds');
    form.set('parse_mode', 'HTML');
    form.set('document', new Blob(['<opml version="2.0"/>'], { type: 'text/x-opml' }), 'feeds.opml');
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/sendDocument`, { method: 'POST', body: form });
    const answer = (await res.json()) as Answer;
    expect(answer.result).toMatchObject({
      chat: { id: 42 }, caption: '2 feeds',
      document: { file_name: 'feeds.opml', mime_type: 'text/x-opml', file_size: 21 },
    });
    const [doc] = fake.documents(42);
    expect(doc).toMatchObject({ file_name: 'feeds.opml', caption: '2 feeds' });
    expect(doc!.content.toString()).toBe('<opml version="2.0"/>');
    expect(fake.sent()).toEqual([]); // documents are not text messages

    const file = (await call(fake, 'getFile', { file_id: doc!.file_id })).result as { file_path: string; file_size: number };
    expect(file).toMatchObject({ file_id: doc!.file_id, file_size: 21, file_path: expect.stringMatching(/\.opml$/) });
    const bytes = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`);
    expect(await bytes.text()).toBe('<opml version="2.0"/>');
    expect(fake.rejected()).toEqual([]);
    // the same file again by file_id; unknown ids, no document, wrong token and unknown paths are refused like Telegram
    expect((await call(fake, 'sendDocument', { chat_id: 42, document: doc!.file_id })).ok).toBe(true);
    expect(fake.documents(42)).toHaveLength(2);
    expect((await call(fake, 'sendDocument', { chat_id: 42, document: 'nope' })).description).toBe('Bad Request: wrong file identifier/HTTP URL specified');
    expect((await call(fake, 'sendDocument', { chat_id: 42 })).description).toBe('Bad Request: there is no document in the request');
    expect((await call(fake, 'getFile', { file_id: 'nope' })).description).toBe('Bad Request: invalid file_id');
    expect((await fetch(`${fake.apiRoot}/file/bot1:WRONG/${file.file_path}`)).status).toBe(401);
    expect((await fetch(`${fake.apiRoot}/file/bot${fake.token}/documents/missing.opml`)).status).toBe(404);
    expect(fake.rejected().map((r) => r.error_code)).toEqual([400, 400, 400, 401, 404]);
  });

  it('a user can send a document that a real telegraf bot downloads', async () => {
    const fake = await start();
    const bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
    bot.on('document', async (ctx) => {
      const link = await ctx.telegram.getFileLink(ctx.message.document.file_id);
      const text = await (await fetch(link)).text();
      await ctx.reply(`${ctx.message.document.file_name}: ${text}`);
    });
    void bot.launch();
    fake.sendDocument(USER, { fileName: 'a.xml', content: '<x/>', mimeType: 'text/xml' });
    expect((await fake.waitForMessages(42, 1))[0]!.text).toBe('a.xml: <x/>');
    bot.stop('test');
    expect(fake.rejected()).toEqual([]);
  });

  it('getChatMember answers a member by default and the status a test set', async () => {
    const fake = await start();
    const GROUP = { id: -500, type: 'group' as const, title: 'G' };
    fake.addChat(GROUP);
    fake.setChatMember(GROUP.id, 7, 'administrator');
    fake.setChatMember(GROUP.id, 8, 'creator');
    const member = async (user_id: number | string) => (await call(fake, 'getChatMember', { chat_id: GROUP.id, user_id })).result as { status: string; user: { id: number } };
    expect(await member(7)).toMatchObject({ status: 'administrator', user: { id: 7, is_bot: false }, can_manage_chat: true });
    expect(await member(8)).toMatchObject({ status: 'creator', user: { id: 8 } });
    expect(await member('9')).toEqual({ status: 'member', user: { id: 9, is_bot: false, first_name: 'User 9' } });
    fake.setChatMember(GROUP.id, 7);
    expect((await member(7)).status).toBe('member');
    expect(fake.rejected()).toEqual([]);
    expect((await call(fake, 'getChatMember', { chat_id: GROUP.id, user_id: 'x' })).description).toBe('Bad Request: invalid user_id specified');
    expect((await call(fake, 'getChatMember', { chat_id: -999, user_id: 7 })).description).toBe('Bad Request: chat not found');
  });
});
