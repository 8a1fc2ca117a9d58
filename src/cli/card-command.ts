/** `keyfigures card`: an edition's "day in numbers" picture card as a PNG file. */
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CliCommand } from './commands.js';
import { UsageError } from '../domain/errors.js';
import type { Digest } from '../domain/types.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { renderCard } from '../app/picture/render-card-png.js';
import { pickCardFigures } from '../render/card/pick-card-figures.js';
import { CARD_HEIGHT, CARD_WIDTH } from '../render/card/card-layout.js';
import { isLocale, LOCALES } from '../i18n/translator.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Write the card of the latest edition, or of `--edition DATE`, to `--out FILE` (or stdout with `-`). */
export const cardCommand: CliCommand = {
  name: 'card',
  usage: 'card [--edition YYYY-MM-DD] [--out FILE|-] [--lang en|uk]',
  summary: 'Draw an edition\'s "day in numbers" picture card (PNG, 1080×1350) from the database.',
  details: [
    '--edition DATE   the edition of that date (its last, as in the archive); default: the latest edition',
    '--out FILE       where to write the PNG (default ./card-DATE.png); - writes it to stdout',
    `--lang LANG      the card's language: ${LOCALES.join(', ')} (default LANGUAGE from the configuration)`,
    'The card shows the edition\'s 4–6 most important figures with their labels and sources.',
    'The archive (DIGESTS_DIR) gets the same card as YYYY-MM-DD.png whenever an edition is archived.',
  ],
  async run(args, { config }) {
    const { values } = parse(args);
    if (values.edition !== undefined && !DATE.test(values.edition)) throw new UsageError(`--edition takes a date like 2026-11-24, got "${values.edition}"`);
    if (values.lang !== undefined && !isLocale(values.lang)) throw new UsageError(`--lang takes one of ${LOCALES.join(', ')}, got "${values.lang}"`);
    const store = await openStore(config.database, { readOnly: true });
    let digest: Digest | string;
    try {
      digest = await findEdition(store, values.edition);
    } finally {
      await store.close();
    }
    if (typeof digest === 'string') {
      process.stderr.write(`keyfigures card: ${digest}\n`);
      return 1;
    }
    const figures = pickCardFigures(digest).length;
    if (figures === 0) {
      process.stderr.write(`keyfigures card: the edition of ${digest.date} has no figures, so there is nothing to draw.\n`);
      return 1;
    }
    const png = await renderCard(digest, { locale: values.lang ?? config.language });
    const out = values.out ?? `card-${digest.date}.png`;
    const what = `${CARD_WIDTH}×${CARD_HEIGHT}, ${Math.round(png.length / 1024)} KB: ${figures} figure(s) of the ${digest.date} edition`;
    if (out === '-') {
      process.stdout.write(png);
      process.stderr.write(`Card written to stdout (${what})\n`);
    } else {
      await fs.writeFile(out, png);
      process.stdout.write(`Wrote ${out} (${what})\n`);
    }
    return 0;
  },
};

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: { edition: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' } }, allowPositionals: false });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** The stored edition of `date` (its last) or the latest; a sentence saying why not when there is none. */
async function findEdition(store: Store, date: string | undefined): Promise<Digest | string> {
  const all = await store.listDigests();
  if (all.length === 0) return 'no editions in the database yet: build one with `keyfigures digest` (or let the bot reach its digest time).';
  const candidates = date === undefined ? all : all.filter((d) => d.date === date);
  const last = candidates[candidates.length - 1];
  if (!last) {
    const recent = [...new Set(all.map((d) => d.date))].reverse().slice(0, 5);
    return `no edition on ${date}; the latest: ${recent.join(', ')} (see \`keyfigures archive list\`).`;
  }
  const stored = await store.getDigest(last.id);
  return stored ?? `edition ${last.id} disappeared while reading it; try again.`;
}
