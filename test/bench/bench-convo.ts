/**
 * A crowd talking to the bot: N chats (every tenth a group) each send a quick run of commands and
 * story-button taps through the fake Bot API enforcing Telegram's limits (30 msg/s overall,
 * 1 msg/s per private chat after a burst of 3, 20 msg/min per group) plus some scripted 429s.
 * Prints answers lost, sends before retry_after, chats out of order, 429s and time to drain.
 *
 *   npm run bench:convo -- [--chats 50] [--steps 20] [--rate 25] [--inject429 12]
 */
import { parseArgs } from 'node:util';
import { runConversationLoad } from '../bot/conversation-load.js';

const { values } = parseArgs({ options: { chats: { type: 'string' }, steps: { type: 'string' }, rate: { type: 'string' }, inject429: { type: 'string' } } });
const chats = Number(values.chats ?? 50);
const steps = Number(values.steps ?? 20);
const rate = Number(values.rate ?? 25);

const report = await runConversationLoad({
  chats,
  steps,
  floodLimits: { globalPerSecond: 30, privatePerSecond: 1, privateBurst: 3, groupPerMinute: 20 },
  pacer: { globalPerSecond: rate, privateIntervalMs: 1000, groupPerMinute: 20 },
  inject429: Number(values.inject429 ?? 12),
  timeoutMs: 15 * 60_000,
});
const { harness, ...numbers } = report;
await harness.stop();
console.log(
  [
    `chats ${numbers.chats} × ${numbers.stepsPerChat} commands/taps, bot rate ${rate}/s`,
    `answers: ${numbers.arrived}/${numbers.expected} (lost ${numbers.expected - numbers.arrived})`,
    `chats out of order: ${numbers.outOfOrder.length}`,
    `sends before retry_after: ${numbers.early}`,
    `429 answers: ${numbers.flood429} (of them scripted: ${values.inject429 ?? 12})`,
    `time to drain: ${(numbers.drainMs / 1000).toFixed(1)} s`,
    `handler errors: ${numbers.errors.length}`,
  ].join('\n'),
);
process.exit(numbers.arrived === numbers.expected && numbers.early === 0 && numbers.outOfOrder.length === 0 ? 0 : 1);
