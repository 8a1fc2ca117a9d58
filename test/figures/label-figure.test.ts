import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/figures/find-figures.js';

/** The label of the figure whose text is `figure` in `sentence`. */
function labelOf(sentence: string, figure: string): string {
  const f = findFigures(sentence).find((x) => x.text === figure);
  if (f === undefined) throw new Error(`no figure "${figure}" in: ${sentence}`);
  return f.label;
}

describe('labelFigure', () => {
  const cases: Array<[string, string, string]> = [
    ['Ukrainian forces captured 971 Russian soldiers during a months-long offensive.', '971', 'Russian soldiers captured by Ukrainian forces'],
    ['Ukraine brought home 303 prisoners of war in the final phase.', '303', 'prisoners of war brought home by Ukraine'],
    ['Families welcomed the returnees, including 70 troops who had defended Mariupol during the siege.', '70', 'troops who had defended Mariupol'],
    ['Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.', '76%', 'rise in Quarterly profits at US TimeWarner'],
    ['Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.', '$1.13bn', 'Quarterly profits at US TimeWarner'],
    ['Quarterly profits jumped 76% to $1.13bn (£600m) for the year.', '£600m', 'Quarterly profits'],
    ['The firm said fourth quarter sales rose 2% to $11.1bn.', '2%', 'rise in fourth quarter sales'],
    ['It lost 464,000 subscribers in the fourth quarter.', '464,000', 'subscribers lost in fourth quarter'],
    ['The firm now owns 8% of search-engine Google.', '8%', 'share of search-engine Google'],
    ['The talks were agreed as part of a 1,000-for-1,000 exchange with Russia.', '1,000-for-1,000', 'exchange with Russia'],
    ['The buyer must pay back a $900m loan.', '$900m', 'loan buyer must pay back'],
    ['Last year the group posted a profit of $3.36bn.', '$3.36bn', 'group profit last year'],
    ['The operation cost €12.5 million, about 40% more than planned.', 'about 40%', 'more than planned'],
    ['It was the first direct talks between the two countries in three years.', 'three years', 'first direct talks between two countries'],
    ["AOL's underlying profit before exceptional items rose 8%.", '8%', "rise in AOL's underlying profit before exceptional items"],
    ['Shares in the firm fell by 6% on Monday.', '6%', 'fall in Shares in firm'],
    ['Sales are expected to rise 5% next year.', '5%', 'expected rise in Sales next year'],
    ['Profits could fall 10% this year.', '10%', 'possible fall in Profits this year'],
    ['Prices did not rise 3% as feared.', '3%', 'no rise in Prices'],
    ['Four people died in the Hatfield crash.', 'Four', 'people died in Hatfield crash'],
    ['Hearts could face action after three fans were arrested for throwing coins.', 'three', 'fans arrested for throwing coins'],
    ['In the UK 62% of searchers were unaware that some results are paid.', '62%', 'searchers unaware'],
    ['A third of staff called in sick.', 'A third', 'staff called in sick'],
    ['It is 16 times faster than the average broadband package.', '16', 'times faster than average broadband package'],
    ['Net income for 2004 was $3.5bn, the firm said.', '$3.5bn', 'Net income for 2004'],
    ['The market was worth just $20m in 2004.', '$20m', 'market worth in 2004'],
    ['Chelsea made a £35m bid for Steven Gerrard.', '£35m', 'bid for Steven Gerrard made by Chelsea'],
    ['He set his personal best of 10.04secs in 1998.', '10.04secs', 'personal best in 1998'],
    // Survey shares: the respondents and what they said.
    ['In one poll, 62% of those questioned said they would switch banks.', '62%', 'respondents who would switch banks'],
    ['Nearly 40% said they never read the terms.', 'Nearly 40%', 'respondents who never read terms'],
    // The sample's size and who asked are not who answered; "said" stays when others act in what was said.
    ['And 87% of the 1,000 adults quizzed by ICM said politicians did not deliver.', '87%', 'adults who said politicians did not deliver'],
    // A reflexive complement and a clause object complete the predicate.
    ['Only 11% regarded themselves as technically savvy enough to send a picture message.', '11%', 'share regarded technically savvy enough to send'],
    ['The report reveals that 87% of searchers usually find what they were looking for.', '87%', 'searchers usually find what they were looking'],
    // A year between a noun and its "of" says when; members of a list with nothing of their own share the first one's label.
    ['Asahi made a record profit in 2004 of 30.6bn yen.', '30.6bn yen', 'Asahi record profit'],
    ['Spurs had seen previous bids of £3m, £4m and £5m rejected.', '£4m', 'previous bids'],
    // An amount shares stand at is their price; a part of each single thing is a share of it.
    ['Shares in Umbro closed up 2p at 115.5 pence.', '115.5 pence', 'Umbro share price'],
    ["Cairn's shares closed up 64 pence, or 6%, at 1130p on Thursday.", '1130p', "Cairn's share price"],
    ['Up to 5% of each payment is kept by the bank.', 'Up to 5%', 'share of each payment kept by bank'],
    // A bare count borrows its neighbour's noun.
    ['Officials said 900 homes were flooded while 300 were damaged in the storm.', '300', 'homes damaged in storm'],
    ['The clubs have 14 and 9 players in the squad.', '14', 'players in squad'],
    // Adverbs that change the predicate stay; a short label takes the phrase that places it.
    ['Only 12% of voters regularly read manifestos.', '12%', 'voters regularly read manifestos'],
    ['The band sold 40,000 tickets in Leeds.', '40,000', 'tickets sold in Leeds by band'],
    // The object of a verb: what happened to the things, and who did it (a particle and "has" kept), not a participle or purpose after them.
    ['Vodafone has briefly cut off between eight and ten content sellers flouting the rules.', 'between eight and ten', 'content sellers cut off by Vodafone'],
    ['The villagers have created 60 films.', '60', 'films created by villagers'],
    // An infinitive completes the predicate; "are to" keeps it ahead.
    ['Information packs were sent to the 3,000 schools invited to take part.', '3,000', 'schools invited to take part'],
    ['At the Department for Work and Pensions, 30,000 jobs are to go.', '30,000', 'jobs to go'],
    // "have" before an object is the verb; a date after the predicate places it.
    ['About three million Britons have some sort of hand tremor condition.', 'About three million', 'Britons have sort of hand tremor condition'],
    ['Adults get a new mobile and 15 million handsets are replaced in total each year.', '15 million', 'handsets replaced each year'],
    // A parenthetical between commas and a relative pronoun do not hide the subject.
    ['The yen, meanwhile, dropped to 141.60 per euro.', '141.60', 'yen per euro'],
    ['IBM will produce the devices, which will cost about £70.', 'about £70', 'cost of devices'],
    // A range of percentages changes like a percentage; intent said before the subject hedges it.
    ['Absa expects to see earnings grow by 20-25% in its current financial year.', '20-25%', 'expected rise in earnings in current financial year'],
    ['Shares in casino operators fell by between 10 and 25% on Monday.', 'between 10 and 25%', 'fall in Shares in casino operators'],
    // A second verb phrase shares the subject of the first; a rate's unit is kept.
    ['Light crude oil futures fell $2.86 to $41.32 a barrel, and have now lost $4 in five days.', '$4', 'fall in Light crude oil futures'],
    ['Light crude oil futures fell $2.86 to $41.32 a barrel.', '$41.32', 'Light crude oil futures per barrel'],
    // Comparatives and particles give the direction of a change.
    ['Train tickets are 7% cheaper than last year.', '7%', 'fall in Train tickets'],
    ['Cold weather pushed gas prices up 6%.', '6%', 'rise in gas prices'],
    // Survey shares name the people asked when the sentence does.
    ['The report reveals that 84% of net users say they regularly use Google.', '84%', 'net users who regularly use Google'],
    // A conjunct without its own verb shares the label of the figure before it, with its own phrase.
    ['At Jessops the same image would cost £2.50 and at Snappy Snaps £9.99.', '£9.99', 'cost of same image at Snappy Snaps'],
    ['The single sold 750,000 copies in its first week and 3.5 million in total.', '3.5 million', 'copies sold in total'],
    // A verb in -s the tagger took for a noun before an amount.
    ['A print on an Epson printer costs £1.87.', '£1.87', 'cost of print on Epson printer'],
    // "after" followed by a name opens a clause: the name is the subject, not "day".
    ['The announcement came a day after Ukraine brought home 303 prisoners of war.', '303', 'prisoners of war brought home by Ukraine'],
    // "have" right before the figure owns it; a linking verb adds nothing to what is counted.
    ['Ireland have three wins under their belt.', 'three', 'Ireland wins'],
    ['That represents about 4.4 million households.', 'about 4.4 million', 'households'],
    // Compounds glued to the number: the noun after them, or the glued noun itself.
    ['Pape returns to the 22-man squad.', '22', 'squad'],
    ['Prutton was banned for 10-games on Wednesday.', '10', 'games'],
    // Adjectives between the article and the figure describe its noun; an owner's word and an ordinal do not hide the verb.
    ['Spain took an unassailable 3-1 lead.', '3-1', 'unassailable lead'],
    ['England have lost their first three matches in this year\'s Six Nations.', 'three', 'matches lost in this year\'s Six Nations'],
    // A share that is the subject says what it did; a part of a named whole counts the whole's things.
    ['Yet, only 15% are actually recycled.', '15%', 'share actually recycled'],
    // A share after another of the same sentence is of the same whole; a restatement in other terms says the same.
    ['Some 44% of searchers use just a single search engine, 48% use two or three.', '48%', 'searchers use'],
    ['Profits fell by $2m, or 10%, last year.', '10%', 'fall in Profits'],
    // A score between two names is that match's; a verb's object before "to" or "by" is what moved.
    ['Hereford 1-1 Doncaster', '1-1', 'score Hereford v Doncaster'],
    ["The defeat reduces Barca's lead to four points.", 'four points', "Barca's lead"],
    ['The firm raised prices by 5%.', '5%', 'rise in prices'],
    // "The figure" points back at the figure before it.
    ['More than 674 million mobiles were sold last year. The figure was 30% more than in 2003.', '30%', 'rise in mobiles sold last year'],
    ['Zambia recalled nine of their foreign-based players.', 'nine', 'foreign-based players recalled by Zambia'],
    ['England have lost four out of their six games since Robinson took over.', 'four out of their six', 'games lost by England'],
    // A clause between commas does not hide the subject; both ends of "from … to …" say the same thing.
    ['Shares in casino operators, who had been hoping for more, fell by between 10 and 25% on Monday.', 'between 10 and 25%', 'fall in Shares in casino operators'],
    // A list of names after a noun only gives examples of it: the noun's phrase is the subject past the relative clause.
    ['Shares in casino operators London Clubs, Rank Group and Stanley Leisure, who had hoped for more, fell by between 10 and 25%.', 'between 10 and 25%', 'fall in Shares in casino operators'],
    // A duration on an infinitive: the verbs it hangs on, and the noun a clause with no relative pronoun is about.
    ['To finally get the gold I\'ve been trying to get for 24 years was a big relief, said Campbell.', '24 years', 'trying to get gold'],
    ['It is the title she has wanted to win for 10 years.', '10 years', 'wanted to win title'],
    // A turn of phrase ("In contrast") or a day that owns a noun places nothing.
    ['In contrast, Sale are missing 14 players due to injuries.', '14', 'Sale players due to injuries'],
    ['Safin lost the first set 6-1 to Lleyton Hewitt in Sunday\'s final.', '6-1', 'Safin lost first set to Lleyton Hewitt'],
    ['The costs range from $2.5m (£1.33m) to $4m (£2.13m) of local taxpayers\' money.', '$4m', 'costs range'],
    // A possessive name before the figure says whose; a day's name does not.
    ['Rangers were awarded a penalty in Hearts\'s 2-1 defeat at Tynecastle.', '2-1', 'Hearts defeat at Tynecastle'],
    // A phrase opening the sentence (or the figure's clause) says where or when for its figures.
    ['At the Ministry of Defence, 900 posts will go.', '900', 'posts will go at Ministry of Defence'],
    ['Against the franc the pound was trading at $1.91.', '$1.91', 'pound trading against franc'],
    ['During the first nine months of the year, Acme made savings of $40m.', '$40m', 'Acme savings during first nine months'],
    // "its" is the name that speaks in the sentence; an apposition between dashes names the subject.
    ['The Institute of Supply Management said its index fell to 51.2.', '51.2', 'Supply Management index'],
    ['The survey\'s other gauge - the orders index - eased to 49.5 in June.', '49.5', 'orders index in June'],
    // Time words between sibling figures do not hide the verb; a count of days is a time.
    ['Its gauge of factory output rose to 55.1 last month from 53.9 in May.', '53.9', 'gauge of factory output in May'],
    ['Coffee futures have now lost 9% in three days.', '9%', 'fall in Coffee futures in three days'],
    // A change noun says its direction; a participle after the noun belongs to its phrase.
    ['Dealers saw a 12% increase in the number of bikes sold.', '12%', 'rise in number of bikes sold'],
    // A round ("quarter-finals") and an event ("this year\'s Open") are no times.
    ['Jones ran 11.02secs in the quarter-finals in Rome.', '11.02secs', 'Jones ran in quarter-finals in Rome'],
    // The agents of a passive did it to the subject; money a verb acted on says what was done and by whom.
    ['The shop was robbed by three men.', 'three', 'men who robbed shop'],
    ['The charity handed out $144m to famine relief projects.', '$144m', 'handed out to famine relief projects by charity'],
    ['The government will invest £20m in rural broadband.', '£20m', 'government will invest in rural broadband'],
    ['The group outlined plans to create more than 500 jobs in 2006.', 'more than 500', 'plans to create jobs in 2006'],
    // "versus" opens a phrase; "and" between nouns stays inside the subject.
    ['The pound rose to a record $1.95 versus the dollar.', '$1.95', 'pound rose to record versus dollar'],
    ['The cost of security and other needs has been estimated at $40,000.', '$40,000', 'cost of security and other needs estimated'],
    // A time that "saw" something is when; "N times" says how often who did what.
    ['Last year saw 300 shops closed across the country.', '300', 'shops closed last year'],
    ['The band has played 40 times in London this year.', '40', 'times band has played in London this year'],
    // A second verb phrase shares the first one's subject, copula included; modality makes it expected.
    ['The market was worth $20m in 2004, but is set to be worth $90m by 2009.', '$90m', 'expected market by 2009'],
    ['Officials cut the growth forecast, which they now expect to be 3.5% next year.', '3.5%', 'expected growth forecast next year'],
    // A relative clause and a clause between commas do not hide the subject of the verb.
    ['The Relief Fund which was set up in 1999, when the floods came, handed out $3m to farmers.', '$3m', 'handed out to farmers by Relief Fund'],
    // A year or "last …" earlier in the clause places the figure; a date between verb and figure hides neither.
    ['Last year profits at the firm rose 5%.', '5%', 'rise in profits at firm last year'],
    ['Exports in 2004 rose 7% to $9bn.', '7%', 'rise in Exports in 2004'],
    ['The plant, Nordwerk, was sold in May 2003 for $60m.', '$60m', 'Nordwerk plant sold in May 2003'],
    ['Profits rose in the third quarter by 5%.', '5%', 'rise in Profits'],
    // A duration before a noun is that thing's length; a duration before "after" runs from an event.
    ['The ex-England coach has been given a six-month contract.', 'six-month', 'length of contract'],
    ['The 93 minute film will see Michael discussing his early days.', '93 minute', 'length of film'],
    ["Edwards' sister makes an emotional TV appeal five years after the disappearance.", 'five years', 'time after disappearance'],
    // A label that names no thing takes what the figure is for, or the subject of its clause.
    ['He has earmarked £4 billion that will be used to reduce taxes.', '£4 billion', 'earmarked to reduce taxes'],
    ['The dollar slid to a record $1.3666, before bouncing back to $1.3636.', '$1.3636', 'dollar bouncing back'],
    // A second object shares the first one's verb.
    ['England have lost their first three matches and four out of their six games since Robinson took over.', 'four out of their six', 'games lost by England'],
    // Money paid for a thing is its price; a measure in a phrase is its subject's speed or weight.
    ['The handheld console will go on sale for $250 in March.', '$250', 'price of handheld console in March'],
    ['The firm sold the unit for $9.3bn.', '$9.3bn', 'price of unit'],
    ['The train was travelling at 115 mph.', '115 mph', 'speed of train'],
    // An amount in brackets after a noun phrase is that thing's price or share.
    ['Typical items sold include iron ingots ($5) and shogun armour ($1.70).', '$1.70', 'price of shogun armour'],
    ['Investors include Global Depository Receipts (32.8%).', '32.8%', 'Global Depository Receipts'],
    // A currency glued to another amount is no noun of this figure's label.
    ['Qantas net profit rose 28% to A$458.4m in the six months.', '28%', 'rise in Qantas net profit'],
    // A span of two dates is one time.
    ['More than 167 million handsets were sold globally between July and September 2004.', 'More than 167 million', 'handsets sold between July and September 2004'],
  ];
  it.each(cases)('%s → %s', (sentence, figure, expected) => {
    expect(labelOf(sentence, figure)).toBe(expected);
  });

  it('puts the headline owner before a present verb as its subject, not before the counted noun', () => {
    const text = 'Kevin Spacey makes Darin film\n\nThe film stars Kevin Spacey. "This is my tribute," said Spacey, who, as Darin, sings all 18 songs on the film soundtrack.';
    expect(findFigures(text).find((f) => f.text === '18')?.label).toBe('songs Kevin Spacey sings on film soundtrack');
  });

  it('gives a gapped conjunct the label of the figure before it, across a bracketed aside', () => {
    const sentence = 'I have got to run under 10 seconds (for 100m) and under 20 seconds (for 200m).';
    expect(labelOf(sentence, '20 seconds')).toBe(labelOf(sentence, '10 seconds'));
    expect(labelOf(sentence, '20 seconds')).not.toBe('20 seconds');
  });

  it('names the headline owner only where the text around the figure still speaks of it', () => {
    const filler = 'The season has been long and the weather has been poor at most of the meetings this year. '.repeat(4);
    const near = 'Qantas profit soars\n\nThe results show that Qantas had a good year. Net profit rose 20% to $500m.';
    const far = `Qantas profit soars\n\nThe results show that Qantas had a good year. ${filler}Rival airlines saw net profit rise 20%.`;
    expect(findFigures(near).find((f) => f.text === '20%')?.label).toMatch(/Qantas/);
    expect(findFigures(far).find((f) => f.text === '20%')?.label).not.toMatch(/Qantas/);
  });

  it.each([
    ['never takes a neighbouring number or its unit', 'Campbell set his 100m personal best of 10.04secs.', '10.04secs', /\bm\b|100/],
    ['never leaves a hole where the number was', 'Everyone under 18 from January must register.', 'under 18', /everyone from/i],
  ])('%s', (_name, sentence, figure, bad) => {
    const f = findFigures(sentence).find((x) => x.text === figure);
    expect(f).toBeDefined();
    expect(f?.label).not.toMatch(bad);
  });

  it('never repeats the number as its label: a bracketed restatement says what the amount before it does', () => {
    const sentence = 'Net income jumped to 3bn yuan in 2004 ($365m; £190m), the firm said.';
    const yuan = labelOf(sentence, '3bn yuan');
    expect(yuan).toMatch(/income/i);
    expect(labelOf(sentence, '$365m')).toBe(yuan);
    expect(labelOf(sentence, '£190m')).toBe(yuan);
  });

  it('is never empty, at most eight words, and made of words from the sentence', () => {
    const sentences = [
      '5%.',
      '$4bn',
      'Up 27% from its 2003 performance, the unit said it would hire 1,200 more staff across 14 sites in the next three years.',
      'And 40.',
    ];
    for (const s of sentences) {
      for (const f of findFigures(s)) {
        expect(f.label.length).toBeGreaterThan(0);
        expect(f.label.split(' ').length).toBeLessThanOrEqual(8);
        for (const word of f.label.split(' ')) expect(s).toContain(word);
      }
    }
  });
});
