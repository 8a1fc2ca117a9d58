/**
 * Migration 11: a chat's feeds are what it chose, not a copy of the feed list. chat_feeds rows say
 * whether the chat opted in or out of a feed; in mode 'all' the chat gets every public feed but its
 * opt-outs, so feeds an operator adds later reach it.
 *
 * Until now leaving one feed turned 'all' into 'only' with a copy of every other feed (the UI had
 * no other way into 'only'), so every 'only' row is such a snapshot and becomes 'all' with
 * opt-outs. Which public feeds did the chat leave? Those missing from its copy that existed when
 * the copy was made. That moment is not stored, but two things bound it: a feed older (smaller id:
 * ids only grow) than a feed in the copy existed then, and so did a feed added before the chat
 * subscribed. Those become opt-outs; a feed newer than both (an operator added it after the copy)
 * now reaches the chat, as it should have. Private feeds in the copy stay opted in.
 * Shipped: never edit; add a new migration instead.
 */
export const feedChoices = `
  ALTER TABLE chat_feeds ADD COLUMN opted TEXT NOT NULL DEFAULT 'in' CHECK (opted IN ('in', 'out'));
  INSERT INTO chat_feeds (chat_id, feed_id, opted)
    SELECT c.chat_id, f.id, 'out'
    FROM chat_feed_choice c CROSS JOIN feeds f
    WHERE c.mode = 'only'
      AND f.id NOT IN (SELECT feed_id FROM user_feeds)
      AND NOT EXISTS (SELECT 1 FROM chat_feeds k WHERE k.chat_id = c.chat_id AND k.feed_id = f.id)
      AND (
        f.id < (SELECT MAX(k.feed_id) FROM chat_feeds k WHERE k.chat_id = c.chat_id AND k.feed_id NOT IN (SELECT feed_id FROM user_feeds))
        OR f.added_at <= (SELECT s.subscribed_at FROM subscribers s WHERE s.chat_id = c.chat_id)
      );
  -- Public feeds in the copy are simply "not opted out".
  DELETE FROM chat_feeds
    WHERE opted = 'in'
      AND feed_id NOT IN (SELECT feed_id FROM user_feeds)
      AND chat_id IN (SELECT chat_id FROM chat_feed_choice WHERE mode = 'only');
  UPDATE chat_feed_choice SET mode = 'all' WHERE mode = 'only';
`;

/** Migration 11 for PostgreSQL (the same steps). */
export const feedChoicesPostgres = feedChoices;
