/**
 * What a chat chose about feeds, and the feeds that follow from it. A chat's choice is stored, not
 * the list it leads to: the list is worked out from the current feeds each time it is needed, so a
 * feed an operator adds later reaches every chat that did not choose "only these".
 */

/**
 * How a chat picked its feeds.
 * - 'all': every public feed except `optOuts`, plus `optIns` (private feeds it added or chose:
 *   a feed a subscriber added reaches only the chats that choose it).
 * - 'only': exactly `optIns` ("only these"); feeds added later do not reach it.
 */
export interface FeedChoice {
  mode: 'all' | 'only';
  /** Feeds the chat chose to get (in 'all': private feeds only matter). */
  optIns: number[];
  /** Public feeds the chat chose not to get (only meaningful in 'all'). */
  optOuts: number[];
}

/** A chat that chose nothing: every public feed. */
export const EVERY_FEED: FeedChoice = { mode: 'all', optIns: [], optOuts: [] };

/**
 * The feeds a chat receives now, ascending: its choice applied to the current feed list.
 * @example receivedFeedIds({ mode: 'all', optIns: [], optOuts: [2] }, { publicIds: [1, 2, 3], privateIds: [] }) // [1, 3]
 */
export function receivedFeedIds(choice: FeedChoice, feeds: { publicIds: readonly number[]; privateIds: readonly number[] }): number[] {
  const existing = new Set([...feeds.publicIds, ...feeds.privateIds]);
  const optIns = choice.optIns.filter((id) => existing.has(id));
  if (choice.mode === 'only') return [...new Set(optIns)].sort((a, b) => a - b);
  const out = new Set(choice.optOuts);
  const privateIds = new Set(feeds.privateIds);
  const chosen = [...feeds.publicIds.filter((id) => !out.has(id)), ...optIns.filter((id) => privateIds.has(id))];
  return [...new Set(chosen)].sort((a, b) => a - b);
}

/**
 * The choice after the chat asks to receive (or stop receiving) one feed: "every feed" stays
 * "every feed but these", so it still gets what operators add later.
 * @example chooseOneFeed(EVERY_FEED, 3, false) // { mode: 'all', optIns: [], optOuts: [3] }
 */
export function chooseOneFeed(choice: FeedChoice, feedId: number, receive: boolean): FeedChoice {
  const without = (ids: readonly number[]) => ids.filter((id) => id !== feedId);
  const withIt = (ids: readonly number[]) => [...without(ids), feedId].sort((a, b) => a - b);
  if (receive) return { mode: choice.mode, optIns: withIt(choice.optIns), optOuts: without(choice.optOuts) };
  if (choice.mode === 'only') return { mode: 'only', optIns: without(choice.optIns), optOuts: [] };
  return { mode: 'all', optIns: without(choice.optIns), optOuts: withIt(choice.optOuts) };
}

/**
 * "Only these feeds": feeds added later do not reach the chat.
 * @example onlyFeeds([3, 1]) // { mode: 'only', optIns: [1, 3], optOuts: [] }
 */
export function onlyFeeds(feedIds: readonly number[]): FeedChoice {
  return { mode: 'only', optIns: [...new Set(feedIds)].sort((a, b) => a - b), optOuts: [] };
}

/**
 * Back to every public feed, keeping the private feeds the chat chose.
 * @example everyFeed(choice, privateIds)
 */
export function everyFeed(choice: FeedChoice, privateIds: readonly number[]): FeedChoice {
  const own = new Set(privateIds);
  return { mode: 'all', optIns: choice.optIns.filter((id) => own.has(id)), optOuts: [] };
}
