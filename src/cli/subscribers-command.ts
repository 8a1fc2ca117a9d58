/** `keyfigures subscribers list|stats`: who receives digests. */
import type { CliCommand } from './commands.js';
import { openStore } from '../store/open-store.js';
import { UsageError } from '../domain/errors.js';
import { formatTable } from './format-table.js';

/** List subscribers or count them by state and chat type. */
export const subscribersCommand: CliCommand = {
  name: 'subscribers',
  usage: 'subscribers list|stats [--json]',
  summary: 'List subscribers, or count them by state and chat type.',
  details: [
    'list     every chat: id, type, state (active, paused, inactive with the reason), digest time, time zone, since, title',
    'stats    counts by state and by chat type',
    '--json   either as JSON for scripts',
  ],
  async run(args, { config }) {
    const [action] = args;
    if (action !== 'list' && action !== 'stats') throw new UsageError('say list or stats');
    const json = args.includes('--json');
    const store = await openStore(config.database, { readOnly: true });
    try {
      const subscribers = await store.listSubscribers();
      if (action === 'list') {
        if (json) process.stdout.write(`${JSON.stringify(subscribers, null, 2)}\n`);
        else if (subscribers.length === 0) process.stdout.write('No subscribers yet: they join by sending /start to the bot.\n');
        else
          process.stdout.write(
            formatTable(
              ['chat', 'type', 'state', 'time', 'timezone', 'since', 'title'],
              subscribers.map((s) => [
                s.chatId,
                s.chatType,
                !s.active ? `inactive: ${s.deactivatedReason ?? ''}` : s.paused ? 'paused' : 'active',
                s.digestTime ?? 'default',
                s.timezone ?? 'default',
                s.subscribedAt.toISOString().slice(0, 10),
                s.title,
              ]),
            ),
          );
        return 0;
      }
      const stats: Record<string, number> = { total: subscribers.length, active: 0, paused: 0, inactive: 0 };
      for (const s of subscribers) {
        const state = !s.active ? 'inactive' : s.paused ? 'paused' : 'active';
        stats[state]!++;
        stats[`type:${s.chatType}`] = (stats[`type:${s.chatType}`] ?? 0) + 1;
      }
      if (json) process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
      else process.stdout.write(formatTable(['count', 'what'], Object.entries(stats).map(([k, v]) => [v, k])));
      return 0;
    } finally {
      await store.close();
    }
  },
};
