/**
 * The nouns of KeyFigures. Pure data: no behaviour, no I/O.
 * Every stage of the pipeline takes and returns these shapes.
 */

/** What a figure measures. `range` carries `valueMax`; `ratio` is e.g. "1,000-for-1,000". */
export type FigureKind = 'count' | 'money' | 'percent' | 'measure' | 'range' | 'ratio' | 'duration' | 'other';

/**
 * A quantity found in an article, traceable to its source.
 * Invariant: `text === articleText.slice(start, end)`.
 * @example { text: "971", value: 971, kind: "count", unit: null, label: "Russian soldiers captured", ... }
 */
export interface Figure {
  /** The exact source characters, e.g. "$4.5bn", "almost 1,000", "1,000-for-1,000". */
  text: string;
  /** The number `text` denotes (for a range, its lower bound; for a ratio, its left side). */
  value: number;
  /** Upper bound of a range (e.g. 30 for "20-30"); absent otherwise. */
  valueMax?: number;
  kind: FigureKind;
  /** Currency code (USD, GBP, EUR…), "%", "pp", a measure unit (km, tonnes, MW) or a time unit (years); null for bare counts. */
  unit: string | null;
  /** What the number counts, in a few words from the sentence: "Russian soldiers captured". */
  label: string;
  /** The whole sentence the figure came from, as it stands in the text. */
  sentence: string;
  /** UTF-16 offsets into the plain article text. */
  start: number;
  end: number;
  /** The qualifier when the number is approximate ("almost", "more than", "about"), else null. */
  approx: string | null;
  /** Ranking score; higher is more important. Set by ranking, absent on raw mentions. */
  score?: number;
  /** How the figure moved since earlier reports of the same thing, in words ("was 2.8% in October"); set on digest figures by src/series when confident. */
  change?: string;
}

/** One article reduced to what a digest needs. Offsets in `figures` are into `text`. */
export interface ArticleSummary {
  title: string;
  /** One or two sentences from the article, at most 280 characters. */
  summary: string;
  /** The plain article text the figures point into. */
  text: string;
  /** Ranked key figures, best first. */
  figures: Figure[];
}

/** One entry of a feed, normalized across RSS 2.0, RSS 1.0 (RDF) and Atom. */
export interface FeedItem {
  guid: string | null;
  link: string | null;
  title: string;
  publishedAt: Date | null;
  author: string | null;
  /** Full HTML content when the feed carries it (content:encoded, atom content), else null. */
  contentHtml: string | null;
  /** The short description/summary, as HTML or text. */
  snippet: string | null;
}

/** A parsed feed document. */
export interface ParsedFeed {
  title: string | null;
  link: string | null;
  items: FeedItem[];
  /** RSS <ttl>: minutes the publisher asks readers to cache the feed; null or absent when not given. */
  ttlMinutes?: number | null;
}

/** A feed an operator added. */
export interface Feed {
  id: number;
  url: string;
  title: string | null;
  addedAt: Date;
  lastFetchedAt: Date | null;
  lastError: string | null;
  errorCount: number;
  /** Validators from the last 200, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  /** When the feed is due again; null means now. */
  nextCheckAt: Date | null;
  /** Last fetch that worked (200 or 304); null until the first. */
  lastSuccessAt: Date | null;
  /** When `lastError` happened. */
  lastErrorAt: Date | null;
  /** The site's home page, from the feed (OPML htmlUrl). */
  siteUrl: string | null;
}

/** A stored article with its summary and figures. */
export interface Article {
  id: number;
  feedId: number | null;
  /** Dedupe identity: guid, else normalized link, else content hash. */
  key: string;
  link: string | null;
  title: string;
  /** Feed title (or host) shown as the source. */
  source: string;
  publishedAt: Date | null;
  /** When KeyFigures first saw the article. */
  fetchedAt: Date;
  text: string;
  summary: string;
  figures: Figure[];
}

/** One story of a digest. Numbered from 1 in digest order. */
export interface Story {
  number: number;
  articleId: number | null;
  /** The feed the story came from (for per-chat source filters); null or absent when unknown. */
  feedId?: number | null;
  title: string;
  link: string | null;
  source: string;
  publishedAt: Date | null;
  summary: string;
  figures: Figure[];
  /** Every source that reported this story, the lead first; set only when more than one source did. */
  sources?: StorySource[];
  /** Figures the sources state differently for the same thing ("303 vs 300"); absent when they agree. */
  conflicts?: FigureConflict[];
}

/** One source of a story reported by several feeds. */
export interface StorySource {
  source: string;
  link: string | null;
  articleId: number | null;
}

/** One quantity stated differently by different sources of a story: the lead's value first. */
export interface FigureConflict {
  /** What is counted, from the lead's figure label. */
  label: string;
  values: Array<{ text: string; source: string; articleId: number | null }>;
}

/** A dated edition: the stories of one digest window, ranked. */
export interface Digest {
  id?: number;
  /** Edition date in the digest timezone, YYYY-MM-DD. */
  date: string;
  /** When the edition was built. */
  createdAt: Date;
  timezone: string;
  stories: Story[];
}

/** The kind of Telegram chat, as the Bot API names it. */
export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';

/** A Telegram chat that receives digests. */
export interface Subscriber {
  chatId: number;
  chatType: ChatType;
  title: string | null;
  active: boolean;
  subscribedAt: Date;
  /** Why the chat was deactivated (e.g. "blocked by the user"), else null. */
  deactivatedReason: string | null;
  /** The chat's own IANA time zone; null means the configured default. */
  timezone: string | null;
  /** Local time of the daily digest, "HH:MM"; null means the configured default schedule. */
  digestTime: string | null;
  /** Paused with /pause: kept active, receives nothing until /resume. */
  paused: boolean;
  /** When this chat last received (was queued) a digest, or null. */
  lastDigestAt: Date | null;
  /** The chat's language ("en", "uk"); null until the chat first talks to the bot after subscribing. */
  language: string | null;
}
