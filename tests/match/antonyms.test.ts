import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { antonymPairs, antonymsOf } from '../../src/match/antonyms.js';
import table from '../../src/match/antonyms.json' with { type: 'json' };
import { termOf } from '../../src/match/analyzer.js';
import { antonymTableFromWordNet } from '../../tools/wordnet-tables/antonyms.js';

const pairs = (claim: string, evidence: string) => antonymPairs(claim, evidence).map((pair) => `${pair.claim.text}≠${pair.evidence.text}`);

describe('antonyms', () => {
  it('reads a table of pairs that is current with the installed WordNet (rebuild: npx tsx tools/wordnet-tables/build.ts)', () => {
    expect(table).toEqual(antonymTableFromWordNet());
  });

  it("reads WordNet's antonym pointers, keyed by matching form so inflections meet", () => {
    expect(antonymsOf(termOf('included'))).toContain(termOf('exclude'));
    expect(antonymsOf(termOf('increase'))).toContain(termOf('decreased'));
    expect(antonymsOf(termOf('forbid'))).toContain(termOf('permit'));
    expect(antonymsOf(termOf('before'))).toContain(termOf('after'));
    expect(antonymsOf(termOf('peacekeeping')).size).toBe(0);
  });

  it('opposes every word of a sense to every word of the opposite sense, and a satellite adjective to the opposite of its head', () => {
    // WordNet links "permit" ! "forbid" and "accept" ! "reject" lemma to lemma; "allow" and "prohibit" share those senses.
    expect(antonymsOf(termOf('allowed'))).toContain(termOf('forbid'));
    expect(antonymsOf(termOf('permitted'))).toContain(termOf('prohibited'));
    // "numerous" is only similar to "many" (&), whose opposite is "few".
    expect(antonymsOf(termOf('numerous'))).toContain(termOf('few'));
    expect(antonymsOf(termOf('few'))).toContain(termOf('numerous'));
  });

  it('opposes the members of two opposed clusters, which WordNet links only through their heads', () => {
    // "extensive" & "comprehensive" ! "noncomprehensive" & "limited"; "vast" & "large" ! "small" & "tiny".
    expect(antonymsOf(termOf('extensive'))).toContain(termOf('limited'));
    expect(antonymsOf(termOf('vast'))).toContain(termOf('tiny'));
    // "ban" @ "forbid" ! "permit"; "decline" @ "decrease" ! "increase"; "shrink" @ "decrease", "grow" @ "increase".
    expect(antonymsOf(termOf('banned'))).toContain(termOf('allowed'));
    expect(antonymsOf(termOf('declined'))).toContain(termOf('increase'));
    expect(antonymsOf(termOf('shrank'))).toContain(termOf('grew'));
    // Members of one cluster stay alike, and a word joins through its usual senses only.
    expect(antonymsOf(termOf('vast'))).not.toContain(termOf('huge'));
    expect(antonymsOf(termOf('ban'))).not.toContain(termOf('prohibit'));
    expect(antonymsOf(termOf('be'))).not.toContain(termOf('change'));
  });

  it('links the labelled opposites and none of the labelled synonyms, cousins and related words (tests/match/antonym-pairs.jsonl)', () => {
    const labelled = fs.readFileSync(new URL('antonym-pairs.jsonl', import.meta.url), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { a: string; b: string; label: 'antonym' | 'not' });
    const linked = (pair: { a: string; b: string }) => antonymsOf(termOf(pair.a)).has(termOf(pair.b));
    expect(labelled.filter((pair) => pair.label === 'not' && linked(pair)).map((pair) => `${pair.a}/${pair.b}`)).toEqual([]);
    const opposites = labelled.filter((pair) => pair.label === 'antonym');
    // 64/86 with WordNet's direct pointers and satellites alone, 75/86 with the clusters.
    expect(opposites.filter(linked).length / opposites.length).toBeGreaterThanOrEqual(0.85);
  });

  it('pairs a claim word with its opposite in the same context', () => {
    expect(pairs('The execution time of setup is included in the timed run.', 'The execution time of setup is excluded from the overall timed run.')).toEqual(['included≠excluded']);
    expect(pairs('Victoria is the least densely populated state.', 'Victoria is the most densely populated state.')).toEqual(['least≠most']);
    expect(pairs('They have weakened bilateral relations.', 'They have strengthened bilateral and multilateral relations.')).toEqual(['weakened≠strengthened']);
  });

  it('reads a word joined into an identifier as a name, not an opposite', () => {
    expect(pairs('insort_left first runs bisect_left to locate an insertion point.', 'This function first runs bisect_right() to locate an insertion point.')).toEqual([]);
    expect(pairs('The left subtree is searched first.', 'The right subtree is searched first.')).toEqual(['left≠right']);
  });

  it('finds no pair when the evidence states the claim word too, or the opposite sits in another phrase', () => {
    expect(pairs('Monday is the first day of the week.', 'Monday is the first day of the week and Sunday the last.')).toEqual([]);
    expect(pairs('A small garden lies in the north.', 'The city has a large airport; a small garden lies in the north.')).toEqual([]);
    expect(pairs('The small garden was closed.', 'The large airport was built in 1990.')).toEqual([]);
  });

  it('opposes a word the evidence states of something else only ("increased its efficiency" does not cancel "reduced the weight")', () => {
    const claim = 'Using high-pressure steam increased the weight of the engine and increased its efficiency.';
    const evidence = 'Using high-pressure steam reduced the weight of the engine and increased its efficiency.';
    expect(pairs(claim, evidence)).toEqual(['increased≠reduced']);
    expect(pairs('Using high-pressure steam increased its efficiency.', evidence)).toEqual([]);
  });

  it('reads a capitalised word inside a sentence as part of a name, not as an opposite', () => {
    expect(pairs('The PLA organised international courses.', 'The PLA organised courses at the National Defense University.')).toEqual([]);
    expect(pairs('The PLA organised international courses.', 'The PLA organised national courses.')).toEqual(['international≠national']);
  });
});
