/** Reading a time zone a user typed: IANA name, city, or UTC±h. Pure; validated with Intl. */
import { isValidTimeZone } from '../jobs/time-zone.js';

/** Common names Intl's zone list spells differently (or not at all). */
const ALIASES: Record<string, string> = {
  kyiv: 'Europe/Kyiv', kiev: 'Europe/Kyiv', washington: 'America/New_York', 'new york': 'America/New_York', nyc: 'America/New_York',
  'san francisco': 'America/Los_Angeles', 'los angeles': 'America/Los_Angeles', la: 'America/Los_Angeles', delhi: 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata', mumbai: 'Asia/Kolkata', kolkata: 'Asia/Kolkata', beijing: 'Asia/Shanghai', 'ho chi minh': 'Asia/Ho_Chi_Minh',
  київ: 'Europe/Kyiv', saigon: 'Asia/Ho_Chi_Minh', 'st petersburg': 'Europe/Moscow', 'tel aviv': 'Asia/Jerusalem', utc: 'UTC', gmt: 'UTC', z: 'UTC',
};

/**
 * The IANA zone for `input`, or null: "Europe/Kyiv" (any case), "Kyiv", "new york", "UTC+3" →
 * "Etc/GMT-3" (the Etc sign is inverted), "UTC-5:00", "UTC".
 * @example resolveTimeZone('UTC+3') // 'Etc/GMT-3'
 */
export function resolveTimeZone(input: string): string | null {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '' || text.length > 64) return null;
  const offset = /^(?:utc|gmt)\s*([+-−])\s*(\d{1,2})(?::?00)?$/i.exec(text);
  if (offset) {
    const hours = Number(offset[2]);
    if (hours === 0) return 'UTC';
    const east = offset[1] === '+';
    if ((east && hours > 14) || (!east && hours > 12)) return null;
    return `Etc/GMT${east ? '-' : '+'}${hours}`;
  }
  const key = text.toLowerCase().replace(/_/g, ' ');
  if (ALIASES[key]) return ALIASES[key]!;
  const zones = Intl.supportedValuesOf('timeZone');
  if (text.includes('/')) {
    const listed = zones.find((z) => z.toLowerCase() === text.toLowerCase());
    if (listed) return listed;
    // Intl accepts zones missing from its list (Europe/Kyiv); keep them with conventional casing.
    if (/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){1,2}$/.test(text) && isValidTimeZone(text)) return titleCaseZone(text);
    return null;
  }
  const city = key.replace(/ /g, '_');
  return zones.find((z) => z.toLowerCase().endsWith(`/${city}`)) ?? null;
}

function titleCaseZone(zone: string): string {
  return zone
    .split('/')
    .map((part) => part.split('_').map((w) => (w.length <= 2 && part === part.toUpperCase() ? w : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())).join('_'))
    .join('/');
}

/**
 * A zone as people write it: "Etc/GMT-3" (whose sign POSIX inverts) is "UTC+3", "Etc/UTC" is
 * "UTC"; named zones stay as they are.
 * @example timeZoneLabel('Etc/GMT-3') // 'UTC+3'
 */
export function timeZoneLabel(zone: string): string {
  const etc = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (etc) return `UTC${etc[1] === '-' ? '+' : '-'}${etc[2]}`;
  if (/^(Etc\/)?(UTC|GMT|Zulu|UCT|Universal)([+-]?0)?$/i.test(zone)) return 'UTC';
  return zone;
}
