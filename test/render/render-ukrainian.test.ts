/** The digest furniture in Ukrainian: Telegram, terminal, archive and card all speak the reader's language. */
import { describe, it, expect } from 'vitest';
import type { Digest, Story } from '../../src/domain/types.js';
import { renderStoryTelegram, renderTelegram } from '../../src/render/render-telegram.js';
import { renderText } from '../../src/render/render-text.js';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { renderArchiveIndex } from '../../src/render/render-archive-index.js';
import { cardText } from '../../src/render/card/render-card.js';
import { translator } from '../../src/i18n/translator.js';

const story: Story = {
  number: 1,
  articleId: 7,
  title: 'Україна повернула додому 303 військовополонених',
  link: 'https://news.example/obmin',
  source: 'Суспільне',
  publishedAt: new Date('2025-05-25T22:30:00Z'),
  summary: '',
  figures: [
    { text: '303', value: 303, kind: 'count', unit: null, label: 'військовополонених повернули', sentence: 'Додому повернули 303 військовополонених.', start: 17, end: 20, approx: null },
    { text: '1000', value: 1000, kind: 'count', unit: null, label: 'на 1000 — обмін', sentence: 'Обмін 1000 на 1000.', start: 6, end: 10, approx: null },
  ],
  sources: [{ source: 'Суспільне', link: null, articleId: 7 }, { source: 'Reuters', link: null, articleId: 8 }],
  conflicts: [{ label: 'полонених', values: [{ text: '303', source: 'Суспільне', articleId: 7 }, { text: '300', source: 'Reuters', articleId: 8 }] }],
};
const digest: Digest = { date: '2025-05-26', createdAt: new Date('2025-05-26T05:00:00Z'), timezone: 'Europe/Kyiv', stories: [story] };

describe('Ukrainian digest furniture', () => {
  it('Telegram: heading, counts, source and date, several sources, conflicts, link', () => {
    const [html] = renderTelegram(digest, { locale: 'uk' });
    expect(html).toBe([
      '<b>KeyFigures · 26 травня 2025 р.</b>',
      '1 історія · 2 числа',
      '',
      '<b>1. Україна повернула додому 303 військовополонених</b>',
      '<i>Суспільне · 26 травня 2025 р.</i>',
      '<i>Джерела (2): Суспільне, Reuters</i>',
      '• <b>303</b> військовополонених повернули',
      '• <b>1000</b> на 1000 — обмін',
      '⚠ 303 проти 300 полонених (Суспільне проти Reuters)',
      '<a href="https://news.example/obmin">джерело</a> · /story_1',
    ].join('\n'));
    expect(renderTelegram({ ...digest, stories: [] }, { locale: 'uk' })).toEqual(['<b>KeyFigures · 26 травня 2025 р.</b>\nВід минулого дайджесту нових історій із числами немає.']);
    expect(renderStoryTelegram({ ...story, title: '' }, { locale: 'uk-UA', timezone: 'UTC' })[0]).toMatch(/^<b>1\. \(без назви\)<\/b>\n<i>Суспільне · 25 травня 2025 р\.<\/i>/);
  });

  it('a Telegram language code picks the language; one we do not speak gets English', () => {
    expect(renderTelegram(digest, { locale: 'uk-UA' })[0]).toContain('1 історія · 2 числа');
    expect(renderTelegram(digest, { locale: 'de' })[0]).toContain('1 story · 2 figures');
  });

  it('terminal and archive', () => {
    expect(renderText(digest, { locale: 'uk' }).split('\n')[0]).toBe('KeyFigures · 26 травня 2025 р. — 1 історія, 2 числа');
    const md = renderMarkdown(digest, { locale: 'uk' });
    expect(md).toContain('# KeyFigures · 26 травня 2025 р.\n\n![День у цифрах](2025-05-26.png)');
    expect(md).toContain('*Суспільне · 26 травня 2025 р.* · *Джерела (2): Суспільне, Reuters*');
    const index = renderArchiveIndex([{ date: '2025-05-26', created: null, stories: 1, figures: 2, file: '2025-05-26.md' }], { locale: 'uk' });
    expect(index).toMatch(/^# Архів KeyFigures\n\nУсі випуски дайджесту, від найновішого \(усього 1\)/);
    expect(index).toContain('| випуск | історії | числа |\n|---|---:|---:|\n| [26 травня 2025 р.](2025-05-26.md) | 1 | 2 |');
  });

  it('the card\'s words', () => {
    expect(cardText(digest, translator('uk'))).toEqual({
      brand: 'KeyFigures',
      title: 'День у цифрах',
      date: '26 травня 2025 р.',
      footer: '1 історія · 2 числа · кожне число має своє речення',
      empty: 'У цьому випуску чисел немає.',
    });
  });
});
