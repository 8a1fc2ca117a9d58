/**
 * Run `fn` over `items` with at most `limit` in flight; resolves when all have settled.
 * Errors are the callback's to handle: an uncaught one rejects the whole run.
 * @example await mapLimit(feeds, 4, (feed) => ingest(feed))
 */
export async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
