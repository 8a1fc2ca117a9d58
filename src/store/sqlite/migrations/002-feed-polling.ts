/** Migration 2: reserved for feed polling state (issue: ingestion). Shipped: never edit once filled. */
export const feedPolling = `SELECT 1;`;
