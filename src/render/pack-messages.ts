/** Packing rendered lines into Telegram messages of at most `max` UTF-16 units. Pure. */

/**
 * Blocks (e.g. stories) of rendered lines packed into messages: a block stays whole when it
 * fits, otherwise it is split between its lines (each line must already fit). With
 * `oversizedStartsMessage`, a split block opens a fresh message so its first line (the title)
 * leads it.
 * @example packBlocks([['<b>1. A</b>', '• 3 x'], ['<b>2. B</b>']], 4096) // ['<b>1. A</b>\n• 3 x\n\n<b>2. B</b>']
 */
export function packBlocks(
  blocks: ReadonlyArray<readonly string[]>,
  max: number,
  opts: { oversizedStartsMessage?: boolean } = {},
): string[] {
  const messages: string[] = [];
  let current = '';
  const add = (text: string, separator: string): void => {
    if (current === '') current = text;
    else if (current.length + separator.length + text.length <= max) current += separator + text;
    else {
      messages.push(current);
      current = text;
    }
  };
  for (const block of blocks) {
    const lines = block.filter((l) => l !== '');
    if (lines.length === 0) continue;
    const text = lines.join('\n');
    if (text.length <= max) {
      add(text, '\n\n');
      continue;
    }
    if (opts.oversizedStartsMessage && current !== '') {
      messages.push(current);
      current = '';
    }
    lines.forEach((line, i) => add(line, i === 0 ? '\n\n' : '\n'));
  }
  if (current !== '') messages.push(current);
  return messages;
}
