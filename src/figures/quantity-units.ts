/**
 * The unit vocabulary of figures: currencies, scale suffixes, percent forms, measures and
 * durations, each as one sticky regex plus a lookup to a canonical unit.
 */

const SP = '[ \\t\\u00a0\\u202f]';

const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD', US$: 'USD', A$: 'AUD', AU$: 'AUD', C$: 'CAD', CA$: 'CAD', NZ$: 'NZD', HK$: 'HKD', S$: 'SGD', R$: 'BRL',
  '£': 'GBP', '€': 'EUR', '¥': 'JPY', '₹': 'INR', '₽': 'RUB', '₴': 'UAH', '₩': 'KRW', '₺': 'TRY', '₦': 'NGN', Rs: 'INR', 'Rs.': 'INR',
};
/** ISO codes we read before or after amounts ("USD 5bn", "5bn EUR"). */
export const CURRENCY_CODES = 'USD|GBP|EUR|JPY|CNY|RMB|CHF|INR|AUD|CAD|NZD|HKD|SGD|RUB|UAH|KRW|BRL|ZAR|SEK|NOK|DKK|MXN|TRY|PLN|NGN|KES|EGP|SAR|AED|ILS';

/** Currency written before the number: "$", "US$", "£", "€", "USD ", "Rs ". */
export const CURRENCY_PREFIX = new RegExp(`(?:(?:US|AU?|CA?|NZ|HK|S|R)?\\$|[£€¥₹₽₴₩₺₦]|(?:${CURRENCY_CODES}|Rs\\.?)${SP}?(?=\\d))`, 'y');

/** Map a prefix match to its ISO code. */
export function currencyOfPrefix(prefix: string): string {
  const p = prefix.trim();
  return CURRENCY_SYMBOLS[p] ?? p.toUpperCase().replace('RMB', 'CNY');
}

const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', 'us dollars': 'USD', pound: 'GBP', pounds: 'GBP', sterling: 'GBP', 'pounds sterling': 'GBP',
  euro: 'EUR', euros: 'EUR', yen: 'JPY', yuan: 'CNY', renminbi: 'CNY', rupee: 'INR', rupees: 'INR', rouble: 'RUB',
  roubles: 'RUB', ruble: 'RUB', rubles: 'RUB', hryvnia: 'UAH', hryvnias: 'UAH', franc: 'CHF', francs: 'CHF',
  'swiss francs': 'CHF', naira: 'NGN', rand: 'ZAR', cents: 'USD', cent: 'USD',
};

/** Currency written after the number: "dollars", "euros", " USD", "50p", "20 cents". */
export const CURRENCY_SUFFIX = new RegExp(
  `(?:${SP}?(?:(${CURRENCY_CODES})\\b)|${SP}(US${SP}dollars|[Ss]wiss${SP}francs|pounds${SP}sterling|dollars?|pounds?|sterling|euros?|yen|yuan|renminbi|rupees?|roubles?|rubles?|hryvnias?|francs?|naira|rand|pence|cents?)\\b|(p)(?![\\p{L}\\d]))`,
  'uy',
);

/**
 * Pence as a unit of their own (the exchanges' code for pence sterling): "79p" is 79 GBX, not £0.79,
 * because British prices and share prices are quoted and compared in pence.
 */
export const PENCE = 'GBX';

/** Map a suffix match to its ISO code and the factor for subunits (cents; pence keep their own unit, see PENCE). */
export function currencyOfSuffix(m: RegExpExecArray): { unit: string; factor: number } {
  if (m[1] !== undefined) return { unit: m[1].replace('RMB', 'CNY'), factor: 1 };
  const w = (m[2] ?? m[3] ?? '').toLowerCase().replace(/[ \t\u00a0\u202f]+/g, ' ');
  if (w === 'pence' || w === 'p') return { unit: PENCE, factor: 1 };
  const sub = w === 'cent' || w === 'cents';
  return { unit: CURRENCY_WORDS[w] ?? 'USD', factor: sub ? 0.01 : 1 };
}

/**
 * A money amount in its main currency, for comparing amounts written in different units: 79 GBX is £0.79.
 * @example inMainCurrency(79, 'GBX') // { value: 0.79, unit: 'GBP' }
 */
export function inMainCurrency(value: number, unit: string | null): { value: number; unit: string | null } {
  return unit === PENCE ? { value: Number((value / 100).toPrecision(12)), unit: 'GBP' } : { value, unit };
}

/** Scale after a number: spelled out or abbreviated ("million", "bn", "m", "k"); some writers pluralise it ("£22 billions"). */
export const SCALE = new RegExp(`(?:${SP}?(thousand|million|billion|trillion|bn|mn|mln|tn|trn)s?|(m|k|b))(?![\\p{L}\\d])`, 'uy');
const SCALE_VALUES: Record<string, number> = {
  thousand: 3, million: 6, billion: 9, trillion: 12, bn: 9, mn: 6, mln: 6, tn: 12, trn: 12, m: 6, k: 3, b: 9,
};

/** Power of ten of a scale word ("bn" → 9). */
export function scaleExponent(word: string): number {
  return SCALE_VALUES[word.toLowerCase()] ?? 0;
}

/** Percent forms; group 1 or 2 set means percentage points ("percentage points", "pp"), group 3 basis points. */
export const PERCENT = new RegExp(
  `(?:${SP}?%|${SP}?(?:per${SP}?cent|percent)\\b|${SP}(percentage${SP}points?)\\b|(pp|${SP}?ppts?)\\b|${SP}?(basis${SP}points?|bps?)\\b)`,
  'uy',
);

const MEASURES: Array<[string, string]> = [
  ['km/h|kph|kmh', 'km/h'], ['mph|miles per hour', 'mph'], ['sq(?:uare)?\\.?[ -]?(?:km|kilomet(?:re|er)s?)|km2|km²', 'km²'],
  ['sq(?:uare)?\\.?[ -]?miles?', 'sq mi'], ['sq(?:uare)?\\.?[ -]?(?:ft|feet|foot)', 'sq ft'], ['sq(?:uare)?\\.?[ -]?met(?:re|er)s?|m2|m²', 'm²'],
  ['km|kms|kilomet(?:re|er)s?', 'km'], ['miles?', 'miles'], ['cm|centimet(?:re|er)s?', 'cm'], ['mm|millimet(?:re|er)s?', 'mm'],
  ['met(?:re|er)s?', 'm'], ['ft|feet|foot', 'ft'], ['yards?|yds?', 'yd'], ['inch(?:es)?', 'in'], ['kg|kgs|kilos?|kilogram(?:me)?s?', 'kg'], ['grams?|grammes?', 'g'],
  ['tonnes?|tons?', 'tonnes'], ['lbs?', 'lb'], ['ounces?|oz', 'oz'], ['MWh', 'MWh'], ['GWh', 'GWh'], ['TWh', 'TWh'], ['kWh', 'kWh'],
  ['MW|megawatts?', 'MW'], ['GW|gigawatts?', 'GW'], ['kW|kilowatts?', 'kW'], ['acres?', 'acres'], ['hectares?|ha', 'ha'],
  ['litres?|liters?', 'l'], ['gallons?', 'gallons'], ['barrels?|bpd', 'barrels'], ['°C|ºC|degrees? (?:Celsius|centigrade|C)\\b|(?<=\\d)C', '°C'],
  ['°F|degrees? Fahrenheit|(?<=\\d)F', '°F'], ['degrees?', 'degrees'], ['knots?', 'knots'], ['TB|terabytes?', 'TB'], ['GB|gigabytes?', 'GB'],
  ['MB|megabytes?', 'MB'], ['Mbps|Mbit/s', 'Mbps'], ['Gbps', 'Gbps'], ['GHz', 'GHz'], ['MHz', 'MHz'], ['calories|kcal', 'kcal'],
  ['points?|pts', 'points'],
];
const DURATIONS: Array<[string, string]> = [
  ['years?|yrs?', 'years'], ['months?', 'months'], ['weeks?|wks?', 'weeks'], ['days?', 'days'], ['hours?|hrs?', 'hours'],
  ['minutes?|mins?', 'minutes'], ['seconds?|secs?', 'seconds'], ['decades?', 'decades'], ['centur(?:y|ies)', 'centuries'],
];

// One plain capture group per unit, in list order (the patterns above capture nothing): group i + 1 is unit i, found
// by index, where named groups cost an object of fifty names per match and a name built per look-up.
const UNIT_ALTS = [...MEASURES, ...DURATIONS].map(([re]) => `(${re})`).join('|');
/**
 * A measure or time unit after the number, attached, spaced or hyphenated ("5km", "5 km", "a 5-km run").
 * A bare "C" or "F" is a temperature only glued to its digits, as British papers write it ("30C (86F)").
 */
export const UNIT = new RegExp(`(?:${SP}|-)?(?:${UNIT_ALTS})(?![\\p{L}\\d])`, 'uy');

const ALL_UNITS = [...MEASURES, ...DURATIONS];

/** Canonical unit of a UNIT match and whether it is a time unit. */
export function unitOf(m: RegExpExecArray): { unit: string; duration: boolean } {
  for (let i = 0; i < ALL_UNITS.length; i++) {
    if (m[i + 1] !== undefined) return { unit: ALL_UNITS[i]?.[1] ?? '', duration: i >= MEASURES.length };
  }
  return { unit: '', duration: false };
}
