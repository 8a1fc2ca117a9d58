import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/domain/types.js';
import { findFigures, findMentions, type Mention } from '../../src/figures/find-figures.js';

type Expected = Partial<Pick<Figure, 'text' | 'value' | 'valueMax' | 'kind' | 'unit' | 'approx'>>;

/** The single figure of a sentence, shown with the fields a test cares about. */
function only(input: string): Expected {
  const figures = findFigures(input);
  expect(figures.map((f) => f.text), input).toHaveLength(1);
  const f = figures[0] as Figure;
  return { text: f.text, value: f.value, valueMax: f.valueMax, kind: f.kind, unit: f.unit, approx: f.approx };
}

describe('findFigures: mention types', () => {
  const cases: Array<[string, Expected]> = [
    ['Ukrainian forces captured 971 soldiers.', { text: '971', value: 971, kind: 'count', unit: null, approx: null }],
    ['The firm employs 1,000 people.', { text: '1,000', value: 1000, kind: 'count' }],
    ['The index rose by 4.5 points.', { text: '4.5 points', value: 4.5, kind: 'measure', unit: 'points' }],
    ['The city has 1.2 million residents.', { text: '1.2 million', value: 1_200_000, kind: 'count' }],
    ['The deal is worth $4.5bn.', { text: '$4.5bn', value: 4_500_000_000, kind: 'money', unit: 'USD' }],
    ['He paid £20m for the club.', { text: '£20m', value: 20_000_000, kind: 'money', unit: 'GBP' }],
    ['A fine of €3 million was imposed.', { text: '€3 million', value: 3_000_000, kind: 'money', unit: 'EUR' }],
    ['Sony lost ¥20bn this year.', { text: '¥20bn', value: 20_000_000_000, kind: 'money', unit: 'JPY' }],
    ['It raised US$2bn from investors.', { text: 'US$2bn', value: 2_000_000_000, kind: 'money', unit: 'USD' }],
    ['It raised USD 5bn from investors.', { text: 'USD 5bn', value: 5_000_000_000, kind: 'money', unit: 'USD' }],
    ['They spent 5 million euros on it.', { text: '5 million euros', value: 5_000_000, kind: 'money', unit: 'EUR' }],
    ['Tickets cost 40 dollars each.', { text: '40 dollars', value: 40, kind: 'money', unit: 'USD' }],
    ['A stamp now costs 50p more.', { text: '50p', value: 50, kind: 'money', unit: 'GBX' }],
    ['Shares closed up 64 pence.', { text: '64 pence', value: 64, kind: 'money', unit: 'GBX' }],
    ['Sales rose 12% in May.', { text: '12%', value: 12, kind: 'percent', unit: '%' }],
    ['Sales rose 12 per cent last year.', { text: '12 per cent', value: 12, kind: 'percent', unit: '%' }],
    ['Sales rose 12 percent last year.', { text: '12 percent', value: 12, kind: 'percent', unit: '%' }],
    ['Support fell 3 percentage points.', { text: '3 percentage points', value: 3, kind: 'percent', unit: 'pp' }],
    ['Three soldiers were hurt.', { text: 'Three', value: 3, kind: 'count' }],
    ['Some twenty-five people waited.', { text: 'Some twenty-five', value: 25, kind: 'count', approx: 'Some' }],
    ['He bought a dozen eggs.', { text: 'a dozen', value: 12, kind: 'count' }],
    ['Half of voters stayed home.', { text: 'Half', value: 0.5, kind: 'other' }],
    ['Two-thirds of firms agreed.', { text: 'Two-thirds', value: 2 / 3, kind: 'other' }],
    ['Nearly half a million people fled.', { text: 'Nearly half a million', value: 500_000, approx: 'Nearly' }],
    ['A 5km road was built.', { text: '5km', value: 5, kind: 'measure', unit: 'km' }],
    ['The ship carried 300 tonnes of grain.', { text: '300 tonnes', value: 300, kind: 'measure', unit: 'tonnes' }],
    ['The plant makes 40 MW of power.', { text: '40 MW', value: 40, kind: 'measure', unit: 'MW' }],
    ['The wall is 12 miles long.', { text: '12 miles', value: 12, kind: 'measure', unit: 'miles' }],
    ['The pool is 100m long.', { text: '100m', value: 100, kind: 'measure', unit: 'm' }],
    ['Temperatures reached 30C on Monday.', { text: '30C', value: 30, kind: 'measure', unit: '°C' }],
    ['Overnight it fell to -5C in the north.', { text: '-5C', value: -5, kind: 'measure', unit: '°C' }],
    ['Lows of (-12C) are likely.', { text: '-12C', value: -12, kind: 'measure', unit: '°C' }],
    ['Expect 20-25C by day.', { text: '20-25C', value: 20, kind: 'range', unit: '°C' }],
    ['It felt like 86F in the sun.', { text: '86F', value: 86, kind: 'measure', unit: '°F' }],
    ['The service has 20m users.', { text: '20m', value: 20_000_000, kind: 'count' }],
    ['He served three years in jail.', { text: 'three years', value: 3, kind: 'duration', unit: 'years' }],
    ['The talks lasted 18 months.', { text: '18 months', value: 18, kind: 'duration', unit: 'months' }],
    ['He signed a three-year deal.', { text: 'three-year', value: 3, kind: 'duration', unit: 'years' }],
    ['Prices rose 20-30% last year.', { text: '20-30%', value: 20, valueMax: 30, kind: 'range', unit: '%' }],
    ['It will take 20 to 30 years.', { text: '20 to 30 years', value: 20, valueMax: 30, kind: 'range', unit: 'years' }],
    ['It costs between 20 and 30 dollars.', { text: 'between 20 and 30 dollars', value: 20, valueMax: 30, kind: 'range', unit: 'USD', approx: null }],
    ['Losses were £2-3bn.', { text: '£2-3bn', value: 2e9, valueMax: 3e9, kind: 'range', unit: 'GBP' }],
    ['It was a 1,000-for-1,000 exchange.', { text: '1,000-for-1,000', value: 1000, valueMax: 1000, kind: 'ratio' }],
    ['One in five adults smoke.', { text: 'One in five', value: 0.2, valueMax: undefined, kind: 'ratio' }],
    ['Nine out of 10 doctors agree.', { text: 'Nine out of 10', value: 0.9, valueMax: undefined, kind: 'ratio' }],
    ['Two out of every 10 firms failed.', { text: 'Two out of every 10', value: 0.2, kind: 'ratio' }],
    ['9 out of 10 doctors agree.', { text: '9 out of 10', value: 9, valueMax: 10, kind: 'ratio' }],
    ['Sales fell by a quarter.', { text: 'a quarter', value: 0.25, kind: 'other' }],
    ['Rail fares are a third cheaper.', { text: 'a third', value: 1 / 3, kind: 'other' }],
    ['Sales fell by a half.', { text: 'a half', value: 0.5, kind: 'other' }],
    ['One-twentieth of the budget went.', { text: 'One-twentieth', value: 0.05, kind: 'other' }],
    ['Police said "about a third" of orders were breached.', { text: 'about a third', value: 1 / 3, approx: 'about' }],
    ['He spent five and a half months in jail.', { text: 'five and a half months', value: 5.5, kind: 'duration', unit: 'months' }],
    ['Two and a half million people voted.', { text: 'Two and a half million', value: 2_500_000, kind: 'count' }],
    ['The bank lost £22 billions.', { text: '£22 billions', value: 22e9, kind: 'money', unit: 'GBP' }],
    ['Sales rose tenfold.', { text: 'tenfold', value: 10, kind: 'other', unit: 'times' }],
    ['Sales saw a 10-fold rise.', { text: '10-fold', value: 10, kind: 'other', unit: 'times' }],
    ['Profits were four times higher.', { text: 'four', value: 4, kind: 'other', unit: 'times' }],
    ['Broadband is 16 times faster.', { text: '16', value: 16, kind: 'other', unit: 'times' }],
    ['Sales more than tripled.', { text: 'more than tripled', value: 3, kind: 'other', unit: 'times', approx: 'more than' }],
    ['Pay is twice the minimum wage.', { text: 'twice', value: 2, kind: 'other', unit: 'times' }],
    ['Sales were twice as high.', { text: 'twice', value: 2, kind: 'other', unit: 'times' }],
    ['Three-quarters of staff left.', { text: 'Three-quarters', value: 0.75, kind: 'other' }],
    ['It was the 19th consecutive expansion.', { text: '19th', value: 19, kind: 'other' }],
    ['It was a third straight win.', { text: 'third', value: 3, kind: 'other' }],
    ['Wales beat England 21-19 in Cardiff.', { text: '21-19', value: 21, valueMax: 19, kind: 'ratio' }],
    ['The mugging was 100 yards away.', { text: '100 yards', value: 100, kind: 'measure', unit: 'yd' }],
    ['Chelsea won 2-1 at home.', { text: '2-1', value: 2, valueMax: 1, kind: 'ratio' }],
    ['It captured almost 1,000 soldiers.', { text: 'almost 1,000', value: 1000, approx: 'almost' }],
    ['It freed more than 300 prisoners.', { text: 'more than 300', value: 300, approx: 'more than' }],
    ['It freed about 40 prisoners.', { text: 'about 40', value: 40, approx: 'about' }],
    ['It freed nearly 40 prisoners.', { text: 'nearly 40', value: 40, approx: 'nearly' }],
    ['It freed over 40 prisoners.', { text: 'over 40', value: 40, approx: 'over' }],
    ['It will cut up to 400 jobs.', { text: 'up to 400', value: 400, approx: 'up to' }],
    ['It will cut at least 400 jobs.', { text: 'at least 400', value: 400, approx: 'at least' }],
    ['It will cut around 400 jobs.', { text: 'around 400', value: 400, approx: 'around' }],
    ['It will cut some 400 jobs.', { text: 'some 400', value: 400, approx: 'some' }],
    ['Talks ran over three days.', { text: 'three days', value: 3, kind: 'duration', approx: null }],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(only(input)).toMatchObject(expected);
  });

  it('finds every figure of a sentence in order', () => {
    const input = 'Profits jumped 76% to $1.13bn (£600m), from $639m.';
    expect(findFigures(input).map((f) => [f.text, f.value])).toEqual([
      ['76%', 76],
      ['$1.13bn', 1_130_000_000],
      ['£600m', 600_000_000],
      ['$639m', 639_000_000],
    ]);
  });

  it('keeps "rose 2% to $11.1bn" as two figures, not a range', () => {
    expect(findFigures('Sales rose 2% to $11.1bn from $10.9bn.').map((f) => f.kind)).toEqual(['percent', 'money', 'money']);
  });

  it('reads a change and the level it reached as two figures ("fell $2.86 to $41.32"), but "rose 5 to 10%" as a range', () => {
    expect(findFigures('Oil fell $2.86 to $41.32 a barrel.').map((f) => f.text)).toEqual(['$2.86', '$41.32']);
    expect(findFigures('Turnover rose $7.2bn to $170.8bn.').map((f) => f.value)).toEqual([7.2e9, 170.8e9]);
    expect(findFigures('Prices rose 5 to 10%.').map((f) => f.text)).toEqual(['5 to 10%']);
  });

  it('counts "Half the …", "nine of their …" and "four out of their six", never "half the time" or "one of their"', () => {
    expect(findFigures("Half the world's population has a phone.").map((f) => f.value)).toEqual([0.5]);
    expect(findFigures('Zambia recalled nine of their players.').map((f) => f.value)).toEqual([9]);
    expect(findFigures('England lost four out of their six games.').map((f) => [f.value, f.valueMax])).toEqual([[4, 6]]);
    expect(findFigures('Half the time it rains. One of their players left.')).toEqual([]);
  });

  it('does not read "from 5 to 10" as a range', () => {
    expect(findFigures('Staff numbers went from 5 to 10 workers.').map((f) => f.text)).toEqual(['5', '10']);
  });

  it('gives each figure its sentence', () => {
    const [f] = findFigures('Rain fell. Prices rose 12% in May. Then stopped.');
    expect(f?.sentence).toBe('Prices rose 12% in May.');
  });
});

describe('findFigures: not figures', () => {
  const cases: Array<[string, string]> = [
    ['month day', 'The statement came on May 25, after talks.'],
    ['day month year', 'It ended on 25 May 2025 in Kyiv.'],
    ['abbreviated month with year', 'They were held between Aug. 6, 2024, and the spring.'],
    ['month day with ordinal', 'It opens on March 3rd next year.'],
    ['day of month', 'It opens on the 3rd of March.'],
    ['time with minutes', 'It was posted at 8:59 AM on Monday.'],
    ['time with pm', 'The meeting starts at 3pm sharp.'],
    ['time with p.m.', 'The meeting starts at 3 p.m. sharp.'],
    ['bare year', 'The law changed in 2022 after protests.'],
    ['year as adjective', 'Troops defended the city in the 2022 siege.'],
    ['years in a list', 'It must restate 2000 and 2003 results.'],
    ['season', 'He scored often in the 2004-05 season.'],
    ['decade', 'Prices last fell like this in the 1990s.'],
    ['ordinal', 'It finished 3rd in the league.'],
    ['ordinal of a century', 'It is the 21st Century.'],
    ['ordinal of a match minute', 'He scored in the 59th minute.'],
    ['ordinal of an event', 'The 77th Academy Awards were held.'],
    ['ordinal first time', 'It was the first time he won.'],
    ['ordinal word that is no run', 'It happened in the third quarter.'],
    ['a quarter that is a period', 'Results for a quarter were good.'],
    ['reading time', 'by Jane Doe 2 min read'],
    ['phone number', 'Call the helpline on 020 7946 0958 today.'],
    ['international phone number', 'Call +44 20 7946 0958 today.'],
    ['street address', 'She lives at 10 Downing Street now.'],
    ['model name', 'The airline grounded its Boeing 747 fleet.'],
    ['hyphenated model', 'The air force flies F-16 jets.'],
    ['disease name', 'The COVID-19 pandemic hit trade.'],
    ['group name', 'Leaders of the G7 met in Rome.'],
    ['product name', 'Apple launched the iPhone 15 yesterday.'],
    ['aircraft code', 'The A320 is a popular plane.'],
    ['index name', 'Shares on the FTSE 100 index fell.'],
    ['list numbering', '1. Open the box\n2) Close the lid'],
    ['name opening a sentence, written as a name elsewhere', 'Halo 2 sells well. Fans queued for Halo 2 at midnight.'],
    ['last part of a hyphenated name', 'The game follows Half-Life 2 closely.'],
    ['numbered section of a law', 'It breaches section 404 of the act.'],
    ['numbered chapter', 'The firm filed for chapter 11 protection.'],
    ['pronoun one', 'It is one of the biggest firms.'],
    ['one another', 'They blamed one another.'],
    ['bare a', 'The announcement came a day after the vote.'],
    ['ordinal word', 'It was the first direct meeting.'],
    ['second half', 'He scored in the second half of the match.'],
    ['one-off', 'Profits were buoyed by one-off gains.'],
    ['proper noun with number word', 'He drives in Formula One races.'],
    ['fraction of a code', 'Open 24/7 all year.'],
    ['version number', 'Install version 2.1.3 today.'],
    ['No. 10', 'He walked into No 10 yesterday.'],
    ['numeric date', 'It was signed on 26/05/2025 in Kyiv.'],
    ['5G', 'The 5G network is live.'],
    ['event name', 'She won the 100m race.'],
    ['event name read as millions', 'He set his 100m personal best.'],
    ['event in a headline', 'Dibaba breaks 5,000m world record'],
    ["men's event", "He miscounted his laps in the men's 3,000m and lost."],
    ['hyphenated age', 'A 25-year-old man was held.'],
    ['age as a noun', 'The 47-year-old later returned to management.'],
    ['age with a spaced year-old', 'The 41 year-old striker is uncertain.'],
    ['age after a name at the end', '"We are a tribute band," said Hynde, 53.'],
    ['age after a noun in commas', 'The veteran film-maker, 68, won the prize.'],
    ['age with aged', 'Only Britons aged 65 have been online.'],
    ['years of a life', 'He plays on despite his 69 years.'],
    ['figure of speech', 'She is "100% certain" he is innocent.'],
    ['zero tolerance', 'Police promised zero tolerance.'],
    ['a rank', 'The song reached the top 10 again.'],
    ['a match minute', 'Rovers took the lead on 59 minutes.'],
    ['a match minute after', 'Williams equalised after 72 minutes.'],
    ['a relative time', 'More people signed up in the last three months than ever.'],
    ['a future time', 'In five years this will be the top festival.'],
    ['ago', 'The band split 11 days ago.'],
    ['a reporting period', 'Net profit in the six months ending 31 December was higher.'],
    ['a period it compares with', 'This was a slight increase on the previous three months.'],
    ['the first months of a year', 'During the first six months of the fiscal year it grew.'],
    ['a clock-time slot', 'He will go on air in the 2300 slot every Tuesday.'],
    ['a member of a duo', 'He rose as one half of pop duo Wham!'],
    ['a 400-digit number', `The key is ${'7'.repeat(400)}.`],
    ['a track distance in a race sentence', 'He ran 5,000m in a world record time.'],
    ['a track distance before its runner', 'He is a 400m runner.'],
    ['track distances in a champion sentence', 'Kelly Holmes, double Olympic champion at 800m and 1500m, retired.'],
    ['an age after "the age of"', 'He died at the age of 67.'],
    ['a span of ages', 'It polled people aged between 18 and 24.'],
    ['a span of ages ending in year-olds', 'It rewards 10 to 28-year-olds for phones.'],
    ['an age group', 'Sales fell in the 18-24 age group.'],
    ['a match moment before the end', 'He scored with 10 minutes left.'],
    ['a match moment into a half', 'Owen struck five minutes into the second half.'],
    ['a span of days', 'The festival runs 10-20 February in Berlin.'],
    ['a version after a name', 'The new Opera 8.0 browser is out.'],
    ['twice as an occurrence', 'He scored twice on his debut and Wales twice threatened.'],
    ['think twice', 'I did not have to think twice about it.'],
    ['half in a compound', 'They led by half-time with a half-step to spare.'],
    ['a rugby three-quarter', 'Dragons three-quarter Hal Luscombe takes the wing.'],
    ['a list of days', 'Shows will be held on 14, 20 and 27 April, and the sale on 22 and 23 June.'],
    ['a span of days with "to"', 'The show runs from 6 to 9 January in Las Vegas.'],
    ['a span of ages after "the ages of"', 'It covers children between the ages of 10 and 17.'],
    ['an old year after "the" or "back to"', 'The 1728 composition was found; records date back to 1834.'],
    ['a 24-hour clock time', 'The coach is due at the stadium at 1330.'],
    ['road events in a race', 'Carroll, Irish record holder at 3km, 5km and 10km, will race.'],
    ['a track distance before "victory"', 'He scored an impressive 3,000m victory over Webb.'],
  ];
  it.each(cases)('%s', (_name, input) => {
    expect(findFigures(input).map((f) => f.text)).toEqual([]);
  });

  it('keeps lengths in kilometres and counts "at" a level', () => {
    expect(findFigures('The tunnel is 10km long and a queue of 5km formed.').map((f) => f.text)).toEqual(['10km', '5km']);
    expect(findFigures('Shares closed at 1,330 points.').map((f) => f.text)).toEqual(['1,330 points']);
  });

  it('still finds real figures next to dates and years', () => {
    const input = 'On May 25, 2025, the 2022 law freed 971 soldiers by 8:59 AM.';
    expect(findFigures(input).map((f) => f.text)).toEqual(['971']);
  });

  it.each([
    ['first in three years is how long since', 'It was the first direct talks between the two countries in three years.', ['two', 'three years']],
    ['a duration over days', 'Talks ran over three days.', ['three days']],
    ['a time limit', 'Medals can only be stripped if caught within three years of the event.', ['three years']],
    ['a distance that is no event', 'The firm has 400m users and a 100m-long bridge.', ['400m', '100m']],
    ['a film length', 'The film runs 93 minutes.', ['93 minutes']],
    ['a rate without its base', 'It has 7.5 lines per 100 people, against 3 for every 1,000 elsewhere.', ['7.5', '3']],
  ])('keeps %s', (_name, input, expected) => {
    expect(findFigures(input).map((f) => f.text)).toEqual(expected);
  });

  it.each([
    ['an audience before "and"', 'The show peaked on Monday at 11.9m and 49% of the audience.', 11_900_000, 'count'],
    ['a total before its conversion', 'The film took $28.5m, making a total of 204.3m (£109m).', 204_300_000, 'count'],
    ['people before "of"', 'Approximately 1.1m of the country\'s voters are young.', 1_100_000, 'count'],
    ['a leap in a text about jumping', 'She took the long jump at 6.63m, a season best.', 6.63, 'measure'],
    ['a height beside its feet', 'The 1.3m (4.2ft) robot walked on stage.', 1.3, 'measure'],
    ['a speed', 'The lift climbs at 17m/s to the top.', 17, 'measure'],
    ['a length near a word of length', 'The longest trail stretches for about 300m and ends at the gate.', 300, 'measure'],
  ])('reads a bare "m" with no noun after it by its text: %s', (_name, input, value, kind) => {
    // The last figure written with a bare "m" (the film's total comes after its "$28.5m").
    const m = findFigures(input).filter((f) => /\dm\b/.test(f.text) && !/[$£€]/.test(f.text)).at(-1);
    expect(m?.value).toBe(value);
    expect(m?.kind).toBe(kind);
  });

  it('never yields a non-finite value, even from huge scaled numbers', () => {
    for (const input of [`$1${',000'.repeat(7)} trillion`, `${'9'.repeat(400)} people`, `£${'9'.repeat(30)}bn`, '1e400 people']) {
      for (const f of findFigures(input)) {
        expect(Number.isFinite(f.value)).toBe(true);
        if (f.valueMax !== undefined) expect(Number.isFinite(f.valueMax)).toBe(true);
      }
    }
  });

  it('keeps a year that is money or has a unit', () => {
    expect(findFigures('They paid $2000 for 2000 tonnes.').map((f) => f.text)).toEqual(['$2000', '2000 tonnes']);
  });
});

describe('findFigures: fidelity', () => {
  const piece = fc.constantFrom(
    ' ', '  ', '\n', '\n\n', '\t', '\u00a0', ',', '.', '-', '–', '%', '$', '£', '€', '¥', '(', ')', ':', '/', 'bn', 'm', 'k',
    'million', 'per cent', 'percent', 'almost', 'more than', 'between', 'and', 'to', 'for', 'in', 'out of', 'one', 'three',
    'twenty-five', 'a dozen', 'half', 'years', 'km', 'May', 'Aug.', 'USD', 'dollars', 'é', '😀', '日本', 'Mr.', 'No',
  );
  const digits = fc.stringMatching(/^[0-9]{1,4}([.,][0-9]{1,3})?$/);

  it('every figure is an exact, ordered, non-overlapping slice with a finite value', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, digits, fc.string({ maxLength: 4 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        let lastEnd = 0;
        for (const f of findFigures(text)) {
          expect(text.slice(f.start, f.end)).toBe(f.text);
          expect(f.start).toBeLessThan(f.end);
          expect(f.start).toBeGreaterThanOrEqual(lastEnd);
          expect(Number.isFinite(f.value)).toBe(true);
          if (f.valueMax !== undefined) expect(Number.isFinite(f.valueMax)).toBe(true);
          expect(f.label.length).toBeGreaterThan(0);
          expect(f.sentence.length).toBeGreaterThan(0);
          lastEnd = f.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});

const CORPUS = new URL('../../../shared/corpus/articles/bbc.jsonl', import.meta.url);

describe.skipIf(!existsSync(CORPUS))('findFigures on corpus text (../shared/corpus)', () => {
  const articles = existsSync(CORPUS)
    ? readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { title: string; text: string })
    : [];
  it('every figure of sampled articles is an exact slice with a finite value and a 1–8 word label', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Math.max(0, articles.length - 1) }), (i) => {
        const a = articles[i]!;
        const text = `${a.title}\n\n${a.text}`;
        for (const f of findFigures(text)) {
          expect(text.slice(f.start, f.end)).toBe(f.text);
          expect(Number.isFinite(f.value)).toBe(true);
          expect(f.sentence).toContain(f.text);
          const words = f.label.split(' ');
          expect(words.length).toBeGreaterThan(0);
          expect(words.length).toBeLessThanOrEqual(8);
        }
      }),
      { numRuns: 60 },
    );
  });
});
if (!existsSync(CORPUS)) console.warn('find-figures.test: ../shared/corpus is absent, corpus fidelity skipped');

describe('findMentions', () => {
  it('finds what findFigures finds, offsets, values and qualifiers alike, without labels', () => {
    const text = 'Profits jumped almost 76% to $1.13bn (£600m), from $639m; between 20 and 30 staff, one in five shops, 3-1.';
    const keep = (f: Mention) => ({ start: f.start, end: f.end, value: f.value, valueMax: f.valueMax, kind: f.kind, unit: f.unit, approx: f.approx });
    const mentions = findMentions(text);
    expect(mentions.length).toBeGreaterThan(4);
    expect(mentions.map(keep)).toEqual(findFigures(text).map(keep));
  });
});
