/** The commands subscribers see in Telegram's menu (setMyCommands) and in /help: one table for both. */

/** A command with its menu description and usage line. */
export interface CommandInfo {
  command: string;
  description: string;
  usage: string;
}

/** Every public command, in menu order. */
export const COMMANDS: readonly CommandInfo[] = [
  { command: 'digest', description: 'The digest now: new stories and their key figures', usage: '/digest — stories since your last digest (or the last 24 h)' },
  { command: 'story', description: 'One story in full, each figure with its sentence', usage: '/story N — story N of your last digest, e.g. /story 1' },
  { command: 'why', description: 'Where a number came from', usage: '/why <number> — the sentence and article behind a figure, e.g. /why 971' },
  { command: 'trend', description: 'How a figure moved over time', usage: '/trend <words or figure> — earlier reports of the same figure, each with its source, e.g. /trend prisoners' },
  { command: 'figures', description: 'The latest key figures', usage: '/figures [words] — the latest key figures, optionally about some words' },
  { command: 'search', description: 'Search recent stories', usage: '/search <words> — recent stories mentioning the words, newest first' },
  { command: 'sources', description: 'Your feeds and their health', usage: '/sources — the feeds this chat gets, numbered' },
  { command: 'subscribe', description: 'Add a feed', usage: '/subscribe <n|url> — get feed n of /sources, or add a feed by URL; /subscribe only 2 5 — just those feeds; /subscribe all — every feed, new ones too' },
  { command: 'unsubscribe', description: 'Drop a feed', usage: '/unsubscribe <n> — stop getting feed n of /sources' },
  { command: 'topics', description: 'Topics to include or exclude', usage: '/topics [+word -word "a phrase" | remove word | clear] — show or edit topics' },
  { command: 'time', description: 'When the daily digest arrives', usage: '/time HH:MM — daily digest time (24 h), or /time default' },
  { command: 'timezone', description: 'Your time zone', usage: '/timezone <Europe/Kyiv | Kyiv | UTC+3 | default> — your time zone' },
  { command: 'settings', description: 'All settings, with buttons', usage: '/settings — everything this chat set, with buttons to change it' },
  { command: 'pause', description: 'Pause the daily digest', usage: '/pause — no digests until /resume' },
  { command: 'resume', description: 'Resume the daily digest', usage: '/resume — digests arrive again' },
  { command: 'start', description: 'Subscribe to the daily digest', usage: '/start — subscribe to the daily digest' },
  { command: 'stop', description: 'Unsubscribe', usage: '/stop — unsubscribe (send /start to come back)' },
  { command: 'help', description: 'What this bot can do', usage: '/help — this list' },
];
