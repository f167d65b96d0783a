import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import table from '../../src/match/noun-kinds.json' with { type: 'json' };
import { isKnownNoun, nounRelation } from '../../src/match/noun-kinds.js';
import { nounKindsFromWordNet } from '../../tools/wordnet-tables/noun-kinds.js';

describe('WordNet kinds of common nouns', () => {
  it('reads a table that is current with the installed WordNet (rebuild: npx tsx tools/wordnet-tables/build.ts)', () => {
    expect(table).toEqual(nounKindsFromWordNet());
  });

  it('tells two kinds of one thing apart from the thing said in other words', () => {
    expect(nounRelation('plums', 'pears')).toBe('sibling');
    expect(nounRelation('violin', 'cello')).toBe('sibling');
    expect(nounRelation('quakes', 'earthquake')).toBe('same');
    expect(nounRelation('drills', 'exercises')).toBe('same');
    expect(nounRelation('handbook', 'manual')).toBe('kind');
    expect(nounRelation('manual', 'handbook')).toBe('kind');
  });

  it('keeps a rarer sense that a compound ending in the noun means ("motion picture": "picture" is a film)', () => {
    expect(nounRelation('film', 'picture')).toBe('same');
    expect(nounRelation('movies', 'pictures')).toBe('same');
    expect(nounRelation('picture', 'song')).toBe('unrelated');
  });

  it('relates the labelled noun pairs as labelled (tests/match/noun-pairs.jsonl)', () => {
    const labelled = fs.readFileSync(new URL('noun-pairs.jsonl', import.meta.url), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { a: string; b: string; relation: string });
    expect(labelled.map((pair) => `${pair.a}/${pair.b} ${nounRelation(pair.a, pair.b)}`)).toEqual(labelled.map((pair) => `${pair.a}/${pair.b} ${pair.relation}`));
  });

  it('compares the usual senses for siblings, under a kind narrower than "person"', () => {
    // "instruction" is education only in its third sense, where "training" is too.
    expect(nounRelation('instruction', 'training')).toBe('unrelated');
    // A fighter and a warrior are both kinds of person, and so is nearly every noun for someone.
    expect(nounRelation('fighters', 'warriors')).toBe('unrelated');
  });

  it('knows only common nouns', () => {
    expect(isKnownNoun('pears')).toBe(true);
    expect(isKnownNoun('quickly')).toBe(false);
    expect(nounRelation('quickly', 'pears')).toBe('unknown');
  });
});
