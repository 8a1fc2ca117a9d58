import { afterEach, describe, expect, it } from 'vitest';
import { headlineOwners, useOwnerWeights, withArticleOwner, type OwnerSite, type OwnerWeights } from '../../src/figures/labels/article-owner.js';
import { summarizeArticle } from '../../src/figures/summarize.js';

/** Weights that add the first placeable owner whatever the features say: what the step does, not what the fit says. */
const ALWAYS: OwnerWeights = { bias: 5, weights: {}, threshold: 0.5 };
const NEVER: OwnerWeights = { bias: -5, weights: {}, threshold: 0.5 };
const initial = useOwnerWeights(null);
useOwnerWeights(initial);
afterEach(() => {
  useOwnerWeights(initial);
});

const ARTICLE = 'Zorba phone hits shops in May\n\nShoppers will be able to buy the Zorba from Friday, its maker Quill said. The handheld phone will go on sale for $250 in Zorba stores.';
const site = (text: string, kind = 'money'): OwnerSite => {
  const start = text.indexOf('The handheld');
  return { text, sentenceStart: start, sentenceEnd: text.length, bodyStart: text.indexOf('\n'), kind };
};
const counts = (text: string) => (name: string): number => text.split(name).length - 1;

describe('headlineOwners', () => {
  it('takes the headline names the body also writes as names', () => {
    expect(headlineOwners('Zorba phone hits shops in May', ARTICLE.slice(ARTICLE.indexOf('\n')))).toEqual(['Zorba']);
  });

  it('takes no capitalised common word, month or name of a people', () => {
    const body = '\n\nIrish oil firm Petrel said on Monday that shares fell. Analysts at Petrel were surprised in May.';
    expect(headlineOwners('Global Irish Petrel shares fall in May', body)).toEqual(['Petrel']);
  });
});

describe('withArticleOwner', () => {
  it('puts the owner after a synthetic opener, before what it owns', () => {
    useOwnerWeights(ALWAYS);
    expect(withArticleOwner('price of handheld phone', ['Zorba'], site(ARTICLE), counts(ARTICLE))).toBe('price of Zorba handheld phone');
    expect(withArticleOwner('phones sold', ['Zorba'], site(ARTICLE, 'count'), counts(ARTICLE))).toBe('Zorba phones sold');
  });

  it('leaves a label alone when it already names the owner, opens with a name, has no room, or the model says no', () => {
    useOwnerWeights(ALWAYS);
    expect(withArticleOwner('Zorba phones sold', ['Zorba'], site(ARTICLE), counts(ARTICLE))).toBe('Zorba phones sold');
    expect(withArticleOwner('Quill phones sold', ['Zorba'], site(ARTICLE), counts(ARTICLE))).toBe('Quill phones sold');
    const long = 'phones sold in shops across the country last week';
    expect(withArticleOwner(long, ['Zorba'], site(ARTICLE), counts(ARTICLE))).toBe(long);
    useOwnerWeights(NEVER);
    expect(withArticleOwner('phones sold', ['Zorba'], site(ARTICLE), counts(ARTICLE))).toBe('phones sold');
  });
});

describe('withArticleOwners in summarizeArticle', () => {
  it('names the headline owner in a label whose sentence does not, without changing which figures are shown', () => {
    useOwnerWeights(NEVER);
    const plain = summarizeArticle({ title: 'Zorba phone hits shops in May', text: ARTICLE }).figures;
    useOwnerWeights(ALWAYS);
    const owned = summarizeArticle({ title: 'Zorba phone hits shops in May', text: ARTICLE }).figures;
    expect(owned.map((f) => f.text)).toEqual(plain.map((f) => f.text));
    const price = owned.find((f) => f.text === '$250');
    expect(price?.label).toMatch(/Zorba/);
    // Only the label changes: the figure still points at its own slice of the text.
    expect(ARTICLE.slice(price?.start, price?.end)).toBe('$250');
  });

  it('adds nothing when the text has no headline line', () => {
    useOwnerWeights(ALWAYS);
    const text = ARTICLE.replace('Zorba phone hits shops in May\n\n', '');
    const plain = summarizeArticle({ title: '', text }).figures;
    expect(plain.find((f) => f.text === '$250')?.label ?? '').not.toMatch(/^price of Zorba/);
  });
});
