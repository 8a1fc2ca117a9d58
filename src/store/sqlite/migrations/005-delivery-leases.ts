/** Migration 5: reserved for outbox leases and delivery bookkeeping (issue: delivery). Shipped: never edit once filled. */
export const deliveryLeases = `SELECT 1;`;
