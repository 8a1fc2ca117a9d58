/**
 * Cost of drawing one edition's picture card (satori layout + resvg PNG), budget 300 ms.
 * The first card of a process also loads the fonts and the layout engine: reported apart.
 * CPU time is printed beside wall time: on a shared machine it is the steadier of the two.
 *
 * Usage: npm run bench:card -- [--runs 20]
 */
import { renderCard } from '../../src/app/picture/render-card-png.js';
import { CARD_DIGEST } from '../render/card/card-digest.js';

const BUDGET_MS = 300;

async function main(argv: string[]): Promise<void> {
  const i = argv.indexOf('--runs');
  const runs = i >= 0 ? Number(argv[i + 1]) : 20;
  let t = performance.now();
  const first = await renderCard(CARD_DIGEST);
  const cold = performance.now() - t;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c = process.cpuUsage();
    t = performance.now();
    await renderCard(CARD_DIGEST);
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const quantile = (xs: number[], q: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
  const at = (q: number) => quantile(times, q);
  const median = at(0.5);
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  process.stdout.write([
    `card: ${CARD_DIGEST.stories.length} stories, 6 figures, ${Math.round(first.length / 1024)} KB PNG`,
    `first card (fonts + layout engine load): ${ms(cold)}`,
    `per edition over ${runs} runs: median ${ms(median)}, p95 ${ms(at(0.95))}, max ${ms(at(1))} (CPU median ${ms(quantile(cpu, 0.5))})`,
    `budget ${BUDGET_MS} ms per edition: ${median <= BUDGET_MS ? 'within' : 'OVER'}`,
    '',
  ].join('\n'));
}

await main(process.argv.slice(2));
