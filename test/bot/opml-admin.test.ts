/** /admin export and OPML uploads: the real bot on the fake Bot API, feeds served on 127.0.0.1. */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import { startHarness, PRIVATE, GROUP, ADMIN_ID, ADMIN_CHAT, type Harness } from './bot-harness.js';
import { startFixtureServer, type FixtureServer } from '../support/http-fixture-server.js';
import { parseOpml } from '../../src/feeds/opml.js';
import { importSummary } from '../../src/bot/opml-upload.js';

const rss = (title: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://${title.toLowerCase()}.example/</link></channel></rss>`;
const opml = (base: string) => `<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
  <outline text="News"><outline type="rss" text="Alpha" xmlUrl="${base}/a.xml"/><outline type="rss" text="Beta" xmlUrl="${base}/b.xml"/></outline>
  <outline type="rss" text="Broken &lt;one&gt;" xmlUrl="${base}/gone.xml"/>
</body></opml>`;

let server: FixtureServer;
let h: Harness;
beforeAll(async () => {
  server = await startFixtureServer();
  server.route('/a.xml', { body: rss('Alpha') });
  server.route('/b.xml', { body: rss('Beta') });
  server.route('/gone.xml', { status: 404, body: 'no' });
});
afterAll(() => server.close());
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  expect(h.api.rejected()).toEqual([]);
  expect(h.errors).toEqual([]);
  await h.stop();
});

/** Upload a document and wait for `count` replies in that chat. */
async function upload(chat: { id: number; type: 'private' | 'group' }, fileName: string, content: string, from?: { id: number }, count = 1) {
  const before = h.api.sent(chat.id).length;
  h.api.sendDocument(chat, { fileName, content, mimeType: 'text/x-opml' }, from);
  return (await h.api.waitForMessages(chat.id, before + count, 10_000)).slice(before);
}

/** Wait until the bot has made no API call for 200 ms (telegraf handles a batch of updates concurrently). */
async function settle(): Promise<void> {
  for (let last = -1; last !== h.api.calls().length; ) {
    last = h.api.calls().length;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('/admin export', () => {
  it('sends the stored feeds as an OPML 2.0 file that parses back to them', async () => {
    await h.store.addFeed('https://world.test/rss', { title: 'World & Co', siteUrl: 'https://world.test/' });
    await h.store.addFeed('https://tech.test/atom');
    h.api.sendText(ADMIN_CHAT, '/admin export');
    const doc = await h.api.waitForDocument(ADMIN_ID, 0, 5000);
    expect(doc).toMatchObject({ file_name: 'keyfigures-feeds.opml', caption: expect.stringContaining('2 feeds') });
    const xml = doc.content.toString('utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/);
    expect(parseOpml(xml)).toEqual({
      feeds: [
        { url: 'https://world.test/rss', title: 'World & Co', siteUrl: 'https://world.test/' },
        { url: 'https://tech.test/atom', title: null, siteUrl: null },
      ].map((f) => ({ ...f, title: f.title ?? f.url })), // the title falls back to the URL, as `feeds export` writes it
      problems: [],
    });
  });

  it('is refused for anyone not in ADMIN_IDS and listed in the operators’ /help', async () => {
    expect((await h.say(PRIVATE, '/admin export'))[0]!.text).toBe('Sorry — /admin is only for the operators of this bot.');
    expect(h.api.documents()).toEqual([]);
    expect((await h.say(ADMIN_CHAT, '/help'))[0]!.text).toContain('export (OPML file; send an .opml file to import)');
    expect((await h.say(PRIVATE, '/help'))[0]!.text).not.toContain('/admin');
  });
});

describe('OPML upload', () => {
  it('an operator’s file is imported: 2 added, 1 failed with its reason, and a second upload finds them there', async () => {
    const [ack, reply] = await upload(ADMIN_CHAT, 'mine.opml', opml(server.url), undefined, 2);
    expect(ack!.text).toMatch(/^Importing feeds from mine\.opml/);
    expect(reply!.text).toContain('Imported mine.opml');
    expect(reply!.text).toContain('3 entries: 2 added, 0 already there, 1 failed');
    expect(reply!.text).toMatch(/gone\.xml — fetch: 404/);
    expect(reply!.html).toContain(`<code>${server.url}/gone.xml</code>`);
    expect((await h.store.listFeeds()).map((f) => [f.url, f.title])).toEqual([
      [`${server.url}/a.xml`, 'Alpha'],
      [`${server.url}/b.xml`, 'Beta'],
    ]);
    const [, again] = await upload(ADMIN_CHAT, 'mine.xml', opml(server.url), undefined, 2);
    expect(again!.text).toContain('3 entries: 0 added, 2 already there, 1 failed');
    expect(await h.store.listFeeds()).toHaveLength(2);
    // the bot fetched the file the Telegram way: getFile, then the file URL
    expect(h.api.calls('getFile')).toHaveLength(2);
    expect(h.api.calls('file').map((c) => c.status)).toEqual([200, 200]);
  });

  it('a file that is not OPML is reported, nothing changes', async () => {
    const [, reply] = await upload(ADMIN_CHAT, 'notes.xml', '<rss version="2.0"><channel/></rss>', undefined, 2);
    expect(reply!.text).toBe('Could not import notes.xml: opml: not an OPML document (no <opml> element)');
    expect(await h.store.listFeeds()).toEqual([]);
  });

  it('a non-operator’s upload changes nothing: a polite refusal in private, silence in a group', async () => {
    const fetchedBefore = server.requests.length;
    const [reply] = await upload(PRIVATE, 'mine.opml', opml(server.url));
    expect(reply!.text).toBe('Sorry — importing feeds is only for the operators of this bot.');
    // an operator's file in a group is not imported either (admin work is private)
    h.api.sendDocument(GROUP, { fileName: 'mine.opml', content: opml(server.url) }, { id: ADMIN_ID });
    h.api.sendDocument(GROUP, { fileName: 'mine.opml', content: opml(server.url) });
    await settle();
    expect(h.api.sent(GROUP.id)).toEqual([]);
    expect(await h.store.listFeeds()).toEqual([]);
    expect(h.api.calls('getFile')).toEqual([]);
    expect(server.requests.slice(fetchedBefore)).toEqual([]);
  });

  it('other documents and oversized files are not downloaded', async () => {
    expect((await upload(ADMIN_CHAT, 'photo.jpg', 'x'))[0]!.text).toBe('To import feeds, send an OPML file (.opml or .xml).');
    const big = `<opml>${' '.repeat(1024 * 1024)}</opml>`;
    expect((await upload(ADMIN_CHAT, 'big.opml', big))[0]!.text).toMatch(/^That file is too large to import \(1025 KB; at most 1024 KB\)/);
    expect(h.api.calls('getFile')).toEqual([]);
  });
});

describe('importSummary', () => {
  it('escapes feed text and keeps every message within 4,096 units, listing at most 20 failures', () => {
    const failures = Array.from({ length: 50 }, (_, i) => ({ url: `https://x.test/${i}?a=<b>&c=${'y'.repeat(500)}`, reason: `fetch: 404 <nope> ${'z'.repeat(400)}` }));
    const parts = importSummary('<evil>.opml', { entries: 52, added: 2, existing: 0, failures });
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    const all = parts.join('\n');
    expect(all).toContain('<b>Imported &lt;evil&gt;.opml</b>');
    expect(all).not.toMatch(/<nope>|<evil>|a=<b>/);
    expect(all.match(/^• /gm)).toHaveLength(20);
    expect(all).toContain('…and 30 more failed.');
  });
});
