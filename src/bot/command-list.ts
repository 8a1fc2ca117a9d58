/** The commands subscribers see in Telegram's menu (setMyCommands) and in /help: one table for both. */

/** A command with its menu description and usage line. */
export interface CommandInfo {
  command: string;
  description: string;
  usage: string;
}

/** Every public command, in menu order. */
export const COMMANDS: readonly CommandInfo[] = [
  { command: 'digest', description: 'The latest key-figure digest', usage: '/digest — the latest digest now' },
  { command: 'start', description: 'Subscribe to the daily digest', usage: '/start — subscribe to the daily digest' },
  { command: 'stop', description: 'Unsubscribe', usage: '/stop — unsubscribe (send /start to come back)' },
  { command: 'help', description: 'What this bot can do', usage: '/help — this list' },
];
