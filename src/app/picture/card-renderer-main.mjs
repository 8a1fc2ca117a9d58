/**
 * The card renderer's own process, forked on demand by card-renderer-process.ts: satori, resvg and
 * the Inter fonts weigh about 120 MB once loaded, for a card drawn once an edition — so they live
 * here, not in the bot's process, and are given back when this process exits (idle, or with its parent).
 *
 * Plain JavaScript so that it starts with bare `node`, without the TypeScript loader.
 * In:  { id, layout, width, height, fonts: [{ name, file, weight, style }] }
 * Out: { id, png: Uint8Array } or { id, error: string }
 */
import fs from 'node:fs/promises';

/** Font bytes by file, read once per process. */
const fontBytes = new Map();
/** The two libraries, imported on the first card. */
let libraries = null;

function readFont(file) {
  let bytes = fontBytes.get(file);
  if (!bytes) {
    bytes = fs.readFile(file).catch((err) => {
      fontBytes.delete(file);
      throw new Error(`card: cannot read the Inter font from @fontsource/inter (run npm install): ${err.message}`);
    });
    fontBytes.set(file, bytes);
  }
  return bytes;
}

async function draw({ layout, width, height, fonts }) {
  libraries ??= Promise.all([import('satori'), import('@resvg/resvg-js')]);
  const [{ default: satori }, { Resvg }] = await libraries;
  const data = await Promise.all(fonts.map(async (f) => ({ name: f.name, weight: f.weight, style: f.style, data: await readFont(f.file) })));
  const svg = await satori(layout, { width, height, fonts: data });
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}

process.on('message', (job) => {
  draw(job).then(
    (png) => process.send({ id: job.id, png }),
    (err) => process.send({ id: job.id, error: err instanceof Error ? err.message : String(err) }),
  );
});
// The parent let go (it went idle, or it exited): nothing more will be asked.
process.on('disconnect', () => process.exit(0));
