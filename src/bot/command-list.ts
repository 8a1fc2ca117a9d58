/**
 * The commands subscribers see in Telegram's menu (setMyCommands) and in /help: one table for both.
 * Descriptions and usage lines are message ids (src/i18n/locales/*.ftl), so both follow the chat's language.
 */

/** A command with the ids of its menu description and usage line. */
export interface CommandInfo {
  command: string;
  /** Message id of the menu description. */
  description: string;
  /** Message id of the one-line usage shown by /help and after bad arguments. */
  usage: string;
}

/** Every public command, in menu order. */
export const COMMANDS: readonly CommandInfo[] = [
  { command: 'digest', description: 'menu-digest', usage: 'usage-digest' },
  { command: 'story', description: 'menu-story', usage: 'usage-story' },
  { command: 'why', description: 'menu-why', usage: 'usage-why' },
  { command: 'trend', description: 'menu-trend', usage: 'usage-trend' },
  { command: 'figures', description: 'menu-figures', usage: 'usage-figures' },
  { command: 'search', description: 'menu-search', usage: 'usage-search' },
  { command: 'sources', description: 'menu-sources', usage: 'usage-sources' },
  { command: 'subscribe', description: 'menu-subscribe', usage: 'usage-subscribe' },
  { command: 'unsubscribe', description: 'menu-unsubscribe', usage: 'usage-unsubscribe' },
  { command: 'topics', description: 'menu-topics', usage: 'usage-topics' },
  { command: 'time', description: 'menu-time', usage: 'usage-time' },
  { command: 'timezone', description: 'menu-timezone', usage: 'usage-timezone' },
  { command: 'language', description: 'menu-language', usage: 'usage-language' },
  { command: 'settings', description: 'menu-settings', usage: 'usage-settings' },
  { command: 'card', description: 'menu-card', usage: 'usage-card' },
  { command: 'digest_here', description: 'menu-digest-here', usage: 'usage-digest-here' },
  { command: 'pause', description: 'menu-pause', usage: 'usage-pause' },
  { command: 'resume', description: 'menu-resume', usage: 'usage-resume' },
  { command: 'start', description: 'menu-start', usage: 'usage-start' },
  { command: 'stop', description: 'menu-stop', usage: 'usage-stop' },
  { command: 'help', description: 'menu-help', usage: 'usage-help' },
];
