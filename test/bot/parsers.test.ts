/** The bot's pure input readers: figure queries, time zones, digest times, topics, HTML lines. */
import { describe, it, expect } from 'vitest';
import { parseFigureQuery, figureMatch, figureMatches } from '../../src/bot/figure-query.js';
import { resolveTimeZone, timeZoneLabel } from '../../src/bot/time-zone-input.js';
import { parseDigestTime } from '../../src/bot/commands/time.js';
import { editTopics } from '../../src/bot/commands/topics.js';
import { htmlLine, packBlocks } from '../../src/bot/html.js';
import { parseCommand } from '../../src/bot/command-input.js';
import { firstTime } from '../../src/bot/plain-text.js';

describe('parseFigureQuery', () => {
  it.each([
    ['971', [971], '971'],
    ['1,000', [1000], '1000'],
    ['1 000 000', [1000000], '1000000'],
    ["1'000", [1000], '1000'],
    ['$4.5bn', [4.5e9], '4.5', 'money'],
    ['12%', [12], '12', 'percent'],
    ['48m', [48, 48e6], '48'],
    ['4 thousand', [4000], '4'],
    ['4p', [4], '4', 'money'],
    ['2.4km', [2.4], '2.4'],
    ['4 boats', [4], '4'],
  ])('%s', (text, values, digits, kind?: string) => {
    expect(parseFigureQuery(text)).toEqual({ values, digits, ...(kind ? { kind } : {}) });
  });
  it('null without a number', () => expect(parseFigureQuery('soldiers')).toBeNull());
  it('matches text or value', () => {
    expect(figureMatches({ text: 'almost 1,000', value: 1000 }, parseFigureQuery('1000')!)).toBe(true);
    expect(figureMatches({ text: '1,000-for-1,000', value: 1000 }, parseFigureQuery('1,000')!)).toBe(true);
    expect(figureMatches({ text: '20-30', value: 20, valueMax: 30 }, parseFigureQuery('30')!)).toBe(true);
    expect(figureMatches({ text: '9710', value: 9710 }, parseFigureQuery('971')!)).toBe(false);
  });
  it('matches the parsed value and kind before the text: "$4bn" is not "4p", "12%" is not 12 people', () => {
    expect(figureMatch({ text: '4p', value: 4, kind: 'money' }, parseFigureQuery('$4bn')!)).toBeNull();
    expect(figureMatch({ text: '$4bn', value: 4e9, kind: 'money' }, parseFigureQuery('$4bn')!)).toBe('value');
    expect(figureMatch({ text: '4 billion dollars', value: 4e9, kind: 'money' }, parseFigureQuery('4bn')!)).toBe('value');
    expect(figureMatch({ text: '12 people', value: 12, kind: 'count' }, parseFigureQuery('12%')!)).toBeNull();
    expect(figureMatch({ text: '648,000', value: 648000, kind: 'count' }, parseFigureQuery('648 thousand')!)).toBe('value');
    expect(figureMatch({ text: 'about 1000', value: 1000, kind: 'count' }, parseFigureQuery('1,000')!)).toBe('value');
    expect(figureMatch({ text: '971-strong', value: 97.1, kind: 'other' }, parseFigureQuery('971')!)).toBe('text');
  });
});

describe('resolveTimeZone', () => {
  it.each([
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['europe/kyiv', 'Europe/Kyiv'],
    ['Kyiv', 'Europe/Kyiv'],
    ['new york', 'America/New_York'],
    ['Tokyo', 'Asia/Tokyo'],
    ['UTC+3', 'Etc/GMT-3'],
    ['utc-5', 'Etc/GMT+5'],
    ['GMT+0', 'UTC'],
    ['UTC', 'UTC'],
    ['UTC+15', null],
    ['Atlantis', null],
    ['Mars/Base', null],
    ['', null],
  ])('%s → %s', (input, zone) => expect(resolveTimeZone(input)).toBe(zone));
});

describe('timeZoneLabel', () => {
  it.each([
    ['Etc/GMT-3', 'UTC+3'],
    ['Etc/GMT+5', 'UTC-5'],
    ['Etc/UTC', 'UTC'],
    ['UTC', 'UTC'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
  ])('%s → %s', (zone, label) => expect(timeZoneLabel(zone)).toBe(label));
});

describe('parseDigestTime', () => {
  it.each([['7:30', '07:30'], ['07:30', '07:30'], ['23:59', '23:59'], ['7.30', '07:30'], ['24:00', null], ['7:5', null], ['noon', null]])('%s', (t, e) =>
    expect(parseDigestTime(t)).toBe(e),
  );
});

describe('editTopics', () => {
  const none = { include: [], exclude: [] };
  it.each([
    ['+ukraine -football "interest rates"', { include: ['ukraine', 'interest rates'], exclude: ['football'] }],
    ['ukraine', { include: ['ukraine'], exclude: [] }],
    ['-“smart quotes”', { include: [], exclude: ['smart quotes'] }],
    ['clear', { include: [], exclude: [] }],
  ])('%s', (args, expected) => expect(editTopics(none, args)).toEqual(expected));
  it('moves a topic between lists and removes it', () => {
    expect(editTopics({ include: ['Ukraine'], exclude: [] }, '-ukraine')).toEqual({ include: [], exclude: ['ukraine'] });
    expect(editTopics({ include: ['a', 'b'], exclude: ['c'] }, 'remove A c')).toEqual({ include: ['b'], exclude: [] });
  });
  it('reports problems', () => {
    expect(editTopics(none, '+!!!')).toHaveProperty('problem');
    expect(editTopics(none, 'remove')).toEqual({ problem: 'usage' });
  });
});

describe('htmlLine and packBlocks', () => {
  it('escapes and cuts on whole characters within the budget', () => {
    expect(htmlLine([{ text: '971', style: 'b' }, ' <captured> & "x"'])).toBe('<b>971</b> &lt;captured&gt; &amp; &quot;x&quot;');
    const cut = htmlLine([{ text: '&'.repeat(100), style: 'i' }], 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/^<i>(&amp;)+…<\/i>$/);
    expect(htmlLine([{ text: 'x', href: 'javascript:alert(1)' }])).toBe('x');
  });
  it('packs blocks into messages ≤ max, splitting between blocks', () => {
    const blocks = Array.from({ length: 10 }, (_, i) => [htmlLine([`${i} `, 'y'.repeat(900)])]);
    const parts = packBlocks(blocks, 4096);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
    expect(parts.join('\n\n')).toBe(blocks.map((b) => b[0]).join('\n\n'));
  });
});

describe('parseCommand', () => {
  const e = (length: number) => [{ type: 'bot_command', offset: 0, length }];
  it('reads name and args; ignores other bots', () => {
    expect(parseCommand('/Why@KFBot 1,000', e(10), 'kfbot')).toEqual({ name: 'why', args: '1,000' });
    expect(parseCommand('/why@Other 1', e(10), 'kfbot')).toBeNull();
    expect(parseCommand('hello', undefined, 'kfbot')).toBeNull();
  });
});

describe('firstTime', () => {
  it('is true once per chat, and forgets the oldest past its bound', () => {
    const seen = new Set<number>();
    expect([1, 2, 1, 3].map((id) => firstTime(seen, id, 2))).toEqual([true, true, false, true]);
    expect([...seen]).toEqual([2, 3]);
    expect(firstTime(seen, 1, 2)).toBe(true);
  });
});
