import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/figures/find-figures.js';
import { isBaseline, rankFigures } from '../../src/figures/rank-figures.js';
import { chromeEnd, summarizeArticle } from '../../src/figures/summarize.js';

const texts = (s: string) => findFigures(s).map((f) => f.text);

describe('findFigures: rules added for the gold set', () => {
  it.each([
    ['a vote tally is one ratio', 'Councillors voted 41 to 19 on Sunday.', ['41 to 19']],
    ['a tally with "votes"', 'They backed it by 41 votes to 19.', ['41 votes to 19']],
    ['a rise "to" a larger number stays two figures', 'Staff rose from 19 to 41 people.', ['19', '41']],
    ['"five of the eight" is a share', 'Five of the eight critics tipped him.', ['Five of the eight']],
    ['"one of the 10" is not a share', 'He is one of the 10 best players.', ['10']],
    ['"four other accolades" counts', 'It picked up four other accolades.', ['four']],
    ['a scaled number ends the sentence', 'The book sold over one million.', ['over one million']],
    ['an age in apposition is not a figure', 'Stallone, 71, appeared tired.', []],
    ['a weekday before a count is not a model name', 'On Friday 15 protesters were arrested.', ['15']],
    ['a set-by-set score is one figure', 'Rochus beat Kiefer 6-7 (4-7) 7-6 (8-6) 7-5 in 3 hours.', ['6-7 (4-7) 7-6 (8-6) 7-5', '3 hours']],
    ['sets after a comma, a tie-break with a slash', 'Mirza lost 1-6,4-6 and Moya won 6-1 7-6 (7/5).', ['1-6,4-6', '6-1 7-6 (7/5)']],
    ['a compound duration is one figure', 'Nadal, at 18 years and 185 days, won; she ran 14 minutes 32.93 seconds.', ['18 years and 185 days', '14 minutes 32.93 seconds']],
    ['two durations of one unit stay two', 'It took 12 months and 18 months.', ['12 months', '18 months']],
    ['two results in two clauses stay two', 'Chelsea won 2-1 on Sunday and 3-0 last week.', ['2-1', '3-0']],
    ['a sum on a poster is no figure', 'A poster read "2+2=5" beside 40 others.', ['40']],
    ['a leading zero is a code or a clock time', 'He will play 007 again, said 12 critics at 0200 local time.', ['12']],
    ['"at one point" is a moment, "by one point" a margin', 'At one point they led, and at one point trailed, but won by one point.', ['one point']],
  ])('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});

describe('findFigures: chart positions, race names and match moments', () => {
  it.each([
    ['a chart position is the news', 'The single went straight in at number one in the UK singles chart.', ['number one']],
    ['"No 3" and a move between positions', 'The album rose to No 3 in the chart, from number eight to number five.', ['No 3', 'number eight', 'number five']],
    ['"the number one spot" at the box office', 'The thriller held on to the number one spot at the box office.', ['number one']],
    ['a player\'s position is no chart', 'He plays at number eight for Ireland and scored 2 tries.', ['2']],
    ['a chart-topper is a thing, not a position', "It could be Elvis' 1000th number one single.", []],
    ['a race named by its distance', 'Kipchoge won the 9.2km race and the six kilometre event, 12 seconds clear.', ['12 seconds']],
    ['a distance run is a length', 'She ran 9.2km in the rain.', ['9.2km']],
    ['a moment of a match after "just"', 'They scored after just four minutes, with 13 minutes on the clock left.', []],
    ['a match won in so many minutes is how long', 'She won in just 56 minutes.', ['56 minutes']],
    ['a race run over its distance is the event', 'Holmes will compete over 1500m and won over 800m in 2:01.5, 12 seconds clear.', ['12 seconds']],
    ['more than a distance that names no event is a length', 'The wave reached over 30m.', ['over 30m']],
    ['where a shot was struck', 'Crawford restored the lead from 18 yards and Mendes shot from 50 yards.', []],
    ['a length in yards is a figure', 'The pitch is 100 yards long.', ['100 yards']],
    ['a goal that puts a side ahead marks a moment', 'Archibald prodded United ahead in 19 minutes, then went level in 80 minutes.', []],
  ])('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});

describe('findFigures: a number that heads a name is not a figure', () => {
  it.each([
    ['a name after the number', 'US rapper 50 Cent topped the poll with 3 million votes.', ['3 million']],
    ['a possessive name', 'Police confronted 50 Cent\'s entourage of 12 men.', ['12']],
    ['a model before a singular noun', 'Its much-anticipated 787 Dreamliner plane will seat 250 people.', ['250']],
    ['a company that acts', 'Its US offspring 19 Management runs the careers of 40 acts.', ['40']],
    ['the same name, then the bare number', 'Its 787 Dreamliner plane flies soon. Orders for the 787 reached 52 this year.', ['52']],
    ['the same name in a headline that reads like a count', 'Rapper 50 Cent scores chart first\n\nRapper 50 Cent has three singles in the top ten.', ['three']],
    ['a name ends in the number and a verb follows', 'Windows 95 was launched with a $300m campaign.', ['$300m']],
    ["a possessive name's model", "Boeing's 747 carried 416 passengers.", ['416']],
    ['a name ends the sentence in the number', 'The film was shown on Channel 4. Over 2 million watched.', ['Over 2 million']],
    ['a letter glued to the number of a name', 'Sales of the iPhone 5C rose 4%.', ['4%']],
  ])('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
  it.each([
    ['a plural name counts a group', 'Some 120 Gurkhas marched and 2 Oscars were won.', ['Some 120', '2']],
    ['a name before a plural noun', 'They won 11 Grammy awards and 40 Labour MPs rebelled.', ['11', '40']],
    ['a longer noun phrase ends in a plural', 'The 12 Euro zone countries and 300 Department of Health posts.', ['12', '300']],
    ['a list of counts', 'It included about 100 Muslim, 100 Evangelical Christian and 50 Jewish schools.', ['about 100', '100', '50']],
    ['a hyphenated modifier before the plural', 'It ordered 10 Airbus A380 freight-carrying jets and 20 Serie A players.', ['10', '20']],
    ['a determiner or an adverb before the number, not a name', 'Some 300 were killed, only 12 remain, and Labour won 355 seats.', ['Some 300', '12', '355']],
  ])('%s stays a figure', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });
});

describe('labels', () => {
  const label = (s: string, t: string) => findFigures(s).find((f) => f.text === t)?.label;
  it.each([
    ['Negotiators freed 240 detainees on Monday in Geneva.', '240', 'detainees freed by Negotiators in Geneva'],
    ['A second phase, covering at least 300 more people, is due.', 'at least 300', 'more people'],
    ['Profits jumped 76% to $1.13bn, from $639m year-earlier.', '$639m', 'Profits year-earlier'],
    ['Councillors voted 41 to 19 on Sunday.', '41 to 19', 'Councillors voted'],
  ])('%s → %s', (sentence, figure, expected) => {
    expect(label(sentence, figure)).toBe(expected);
  });
});

describe('ranking baselines and restatements', () => {
  const rank = (text: string, title = '') => rankFigures(findFigures(text), { title, text }).map((f) => f.text);
  it.each([
    ['a year-earlier baseline ranks below the new level', 'Sales rose to $5bn, compared with $4bn a year earlier.', ['$5bn', '$4bn']],
    ['a from-baseline ranks below the new level', 'Sales rose from $4bn to $5bn.', ['$5bn', '$4bn']],
  ])('%s', (_name, text, expected) => {
    expect(rank(text)).toEqual(expected);
  });

  it('a tie-break in brackets is part of the set score, not a second figure', () => {
    expect(rank('Moya won 6-2 7-6 (7-1) to win the tie.')).toEqual(['6-2 7-6 (7-1)']);
  });

  it('two set-by-set scores with the same first set stay two results', () => {
    expect(rank('Moya won 6-4 6-3 and Nadal won 6-2 6-1.')).toEqual(['6-4 6-3', '6-2 6-1']);
  });

  it('a round restatement merges into the precise number', () => {
    const got = rank('Five million Germans are out of work.\nThe jobless total reached 5.037 million, or 12.1%.');
    expect([...got].sort()).toEqual(['12.1%', '5.037 million']);
  });

  it.each([
    ['from $639m', true],
    ['£125m a year earlier', true],
    ['to $1.13bn', false],
  ])('isBaseline(%s) → %s', (text, expected) => {
    const f = findFigures(text)[0]!;
    expect(isBaseline(text, f)).toBe(expected);
  });
});

describe('page chrome before the headline', () => {
  const TEXT = 'date 2026-01-02 Support independent journalism. Help us reach 20,000 members.\n\nPort reopens after 12-day strike\n\nDockers ended a 12-day strike on Friday after a 4% pay rise, the union said.';
  it('starts the article after the chrome lines', () => {
    expect(TEXT.slice(chromeEnd(TEXT))).toMatch(/^\nPort reopens|^Port reopens/);
    expect(chromeEnd('Dockers ended a strike.\nHelp us reach 20,000 members.')).toBe(0);
  });
  it('yields no figure from chrome and takes the headline as title', () => {
    const s = summarizeArticle({ title: TEXT.split('\n')[0]!, text: TEXT });
    expect(s.figures.map((f) => f.text)).not.toContain('20,000');
    expect(s.figures.map((f) => f.text)).toContain('4%');
    expect(s.title).toBe('Port reopens after 12-day strike');
    for (const f of s.figures) expect(TEXT.slice(f.start, f.end)).toBe(f.text);
  });
});
