/** Send slots shared by every process on one database: Telegram's flood limits kept by a fleet. */

/** What a slot costs: the spacing it books globally and for its chat. */
export interface SlotSpacing {
  /** Time between any two sends of the bot (1000 / the global rate). */
  globalIntervalMs: number;
  /** Time between two sends to this chat (~1 s private; 3 s groups: 20 a minute). */
  chatIntervalMs: number;
}

/** The answer to a reservation. */
export interface SendSlot {
  booked: boolean;
  at: Date;
}

/** The fleet's flood budget, kept in the database. */
export interface SendSlotStore {
  /**
   * Book the earliest send time ≥ `now` that keeps every process's sends `globalIntervalMs` apart
   * and this chat's `chatIntervalMs` apart, and respects holds: `{ booked: true, at }`, send at
   * `at`. When the chat itself cannot send yet (its spacing or a hold), nothing is booked — a
   * waiting chat must not hold the global budget hostage — and `{ booked: false, at }` says when to ask again.
   */
  reserveSendSlot(chatId: number, now: Date, spacing: SlotSpacing): Promise<SendSlot>;
  /** Telegram said retry_after: nothing to `chatId` — or, with null, to any chat — before `until`. */
  holdSends(chatId: number | null, until: Date): Promise<void>;
}
