/** Migration 4: reserved for subscribers' feeds and topics (issue: commands). Shipped: never edit once filled. */
export const subscriberPreferences = `SELECT 1;`;
