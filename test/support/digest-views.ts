/**
 * Digest views for tests that queue editions by hand: `textView(['one', 'two'])` is a view whose
 * messages are one story each, titled by the given words, so a test can tell its parts apart in
 * what was sent (each story's title fills most of a Telegram message, so no two share one).
 */
import type { DigestView } from '../../src/store/delivery-store.js';
import type { Story } from '../../src/domain/types.js';
import { renderDigestView, viewPart } from '../../src/delivery/digest-view.js';

/** A story titled `title`, long enough to take a Telegram message of its own. */
export function longStory(number: number, title: string, extra: Partial<Story> = {}): Story {
  return {
    number, articleId: null, feedId: null, title: `${title} — ${'the figures of the day, told at length; '.repeat(70)}`, link: `https://news.example/${number}`,
    source: 'Wire', publishedAt: new Date('2026-11-24T06:00:00.000Z'), summary: title, figures: [], ...extra,
  };
}

/**
 * A view of one long story per title, in `locale` (English by default).
 * @example await store.enqueueEdition(digest.id, [viewGroup(textView(['one', 'two']), [1, 2])], null)
 */
export function textView(titles: string[], opts: Partial<DigestView> = {}): DigestView {
  return { date: '2026-11-24', timezone: 'UTC', stories: titles.map((t, i) => longStory(i + 1, t)), more: false, card: false, locale: 'en', ...opts };
}

/** The enqueueEdition group that queues `view`'s messages for `chatIds`. */
export function viewGroup(view: DigestView, chatIds: number[]): { view: DigestView; messages: number; chatIds: number[] } {
  return { view, messages: renderDigestView(view).length, chatIds };
}

/** Which of the view's titles a sent message is (the first it mentions), or null. */
export function titleIn(html: string, titles: readonly string[]): string | null {
  return titles.find((t) => html.includes(t)) ?? null;
}

/** The message a claimed row sends, as the outbox renders it. */
export function messageOf(row: { view: DigestView | null; part: number; html: string | null }): string | null {
  return row.view ? viewPart(row.view, row.part) : row.html;
}
