/** `keyfigures schedule show|set|reset`: the fetch schedule and the default digest time, changed at run time. */
import { parseArgs } from 'node:util';
import type { CliCommand } from './commands.js';
import { UsageError } from '../domain/errors.js';
import { openStore } from '../store/open-store.js';
import { effectiveSchedule, setDefaultSchedule, type ScheduleChange } from '../jobs/schedule-settings.js';
import { nextRun, describeTime } from '../jobs/next-run.js';
import { nextDigestAt } from '../jobs/due-chats.js';
import { scheduleDefaults } from '../main.js';

/** Show or change the schedule kept in the database; the running bot applies changes within a tick. */
export const scheduleCommand: CliCommand = {
  name: 'schedule',
  usage: 'schedule show [--json] | set [--fetch CRON] [--digest HH:MM|CRON] [--timezone TZ] | reset [--fetch] [--digest] [--timezone]',
  summary: 'Show or change when feeds are fetched and the default digest time; the running bot applies it without restart.',
  details: [
    'show [--json]          the schedule in force, where each value comes from (config or database), next runs',
    'set --fetch CRON       fetch cycles, e.g. "*/15 * * * *"',
    'set --digest HH:MM     default digest time for chats without their own (/time); a cron expression also works',
    'set --timezone TZ      default IANA time zone for chats without their own (/timezone), e.g. Europe/Kyiv',
    'reset [--fetch] [--digest] [--timezone]   back to the .env values (all three without options)',
    'Invalid values are refused (exit 2) with the reason; nothing is changed then.',
  ],
  async run(args, { config }) {
    const [action = 'show', ...rest] = args;
    const values = parseOptions(rest, action === 'reset');
    const store = await openStore(config.database);
    try {
      if (action === 'set') {
        const change: ScheduleChange = {};
        if (typeof values.fetch === 'string') change.fetchCron = values.fetch;
        if (typeof values.digest === 'string') change.digest = values.digest;
        if (typeof values.timezone === 'string') change.timezone = values.timezone;
        if (Object.keys(change).length === 0) throw new UsageError('say what to set: --fetch CRON, --digest HH:MM|CRON and/or --timezone TZ');
        await setDefaultSchedule(store, change);
      } else if (action === 'reset') {
        const all = values.fetch === undefined && values.digest === undefined && values.timezone === undefined;
        const change: ScheduleChange = {};
        if (all || values.fetch !== undefined) change.fetchCron = null;
        if (all || values.digest !== undefined) change.digest = null;
        if (all || values.timezone !== undefined) change.timezone = null;
        await setDefaultSchedule(store, change);
      } else if (action !== 'show') {
        throw new UsageError('say show, set or reset');
      }
      const s = await effectiveSchedule(store, scheduleDefaults(config));
      const nextFetch = nextRun(s.fetchCron, s.timezone);
      const nextDigest = nextDigestAt({ timezone: null, digestTime: null }, s);
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ ...s, nextFetch: nextFetch?.toISOString() ?? null, nextDigest: nextDigest?.toISOString() ?? null })}\n`);
      } else {
        const from = (field: 'fetchCron' | 'digest' | 'timezone') => (s.overridden.includes(field) ? 'database' : '.env');
        const when = (at: Date | null) => (at ? describeTime(at, s.timezone) : 'never');
        process.stdout.write(
          [
            `fetch     ${s.fetchCron.padEnd(16)} (${from('fetchCron')}) next: ${when(nextFetch)}`,
            `digest    ${s.digest.padEnd(16)} (${from('digest')}) next: ${when(nextDigest)}, for chats without their own time`,
            `timezone  ${s.timezone.padEnd(16)} (${from('timezone')})`,
            action === 'show' ? '' : 'Saved. A running bot applies it within SCHEDULE_CHECK_SECONDS.',
            '',
          ]
            .filter((line, i, all) => line !== '' || i === all.length - 1)
            .join('\n'),
        );
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};

function parseOptions(args: string[], flagsOnly: boolean): { fetch?: string | boolean; digest?: string | boolean; timezone?: string | boolean; json?: boolean } {
  const type = flagsOnly ? ('boolean' as const) : ('string' as const);
  try {
    return parseArgs({
      args,
      options: { fetch: { type }, digest: { type }, timezone: { type }, json: { type: 'boolean' } },
      allowPositionals: false,
      strict: true,
    }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}
