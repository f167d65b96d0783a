import { describe, expect, it } from 'vitest';
import { removeInvalidMarkers } from '../../src/answer/markers.js';
import { citedClaims, claimText } from '../../src/verify/answer.js';
import { compareFacts } from '../../src/match/fact-compare.js';
import { analyse } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';
import { InvalidSpanError } from '../../src/verify/types.js';
import { DEFAULT_SOURCE, makeCorpus, openTestDocent } from '../helpers/fixtures.js';

const compare = (claim: string, evidence: string) => {
  const result = compareFacts(analyse(claim, { isNameAtStart: () => true }), analyse(evidence, { isNameAtStart: () => true }), { names: nameMatcher(), similarity: () => 0 });
  return { missing: result.missing.map((fact) => fact.text), conflicts: result.conflicts.map((c) => `${c.claim.text}≠${c.evidence.text}`) };
};

describe('facts in context', () => {
  it('extracts numbers (digits and words), years, ordinals, months and names', () => {
    const { facts } = analyse('In May 2010, the first China-US consultation with over ten countries was held in Beijing on the 21st.');
    expect(facts.map((fact) => `${fact.kind}:${fact.value}`)).toEqual(['month:may', 'year:2010', 'ordinal:#1', 'name:china', 'name:us', 'number:10', 'name:beijing', 'ordinal:#21']);
  });

  it('does not take the grammatical capital of a sentence or the modal "may" for a fact', () => {
    const { facts } = analyse('Peacekeepers may train abroad.');
    expect(facts).toEqual([]);
  });

  it('finds names as adjectives, acronyms, WordNet aliases and inside compounds', () => {
    expect(compare('Germany sent its minister to the UN.', 'The German defense minister visited the United Nations and the UNPKOs of the US.').missing).toEqual([]);
    expect(compare('He met the United States envoy.', 'The US envoy met him.').missing).toEqual([]);
    expect(compare('Britain sent an envoy.', 'The UK sent an envoy.').missing).toEqual([]);
    expect(compare('Over 90 countries took part.', 'More than ninety countries took part.').missing).toEqual([]);
    expect(compare('A dozen ships and one hundred men sailed.', '12 ships and 100 men sailed.').missing).toEqual([]);
  });

  it('names the value the evidence states instead, in the same context', () => {
    expect(compare('China and Thailand met in 2009.', 'China and Mongolia met in 2009.').conflicts).toEqual(['Thailand≠Mongolia']);
    expect(compare('It happened in June 2012.', 'It happened in June 2009.').conflicts).toEqual(['2012≠2009']);
    expect(compare('It happened in March 2009.', 'It happened in June 2009.').conflicts).toEqual(['March≠June']);
    expect(compare('The second meeting was held.', 'The first meeting between the two was held.').conflicts).toEqual(['second≠first']);
  });

  it('counts a number only in its own context', () => {
    const evidence = "China's armed forces have cooperated on peacekeeping with over 90 countries and 10 international and regional organizations.";
    expect(compare("China's armed forces have cooperated on peacekeeping with 10 countries.", evidence).conflicts).toEqual(['10≠90']);
    expect(compare("China's armed forces have cooperated with 10 regional organizations.", evidence)).toEqual({ missing: [], conflicts: [] });
    const listing = 'Exercises were held in the Philippines in February 2014, in India in March 2016 and in Brazil in April 2018.';
    expect(compare('The exercise in the Philippines took place in February 2016.', listing).conflicts).toEqual(['2016≠2014']);
  });
});

describe('answer sentences and markers', () => {
  it('gives markers written after the full stop to the sentence before them', () => {
    const answer = 'Alpha was founded in 2009. [1] Beta followed in 2010. [2]';
    const claims = citedClaims(answer);
    expect(claims.map((claim) => [answer.slice(claim.start, claim.end), claim.markers])).toEqual([
      ['Alpha was founded in 2009. [1]', [1]],
      ['Beta followed in 2010. [2]', [2]],
    ]);
  });

  it('cuts a sentence that cites twice mid-way, and keeps uncited sentences', () => {
    const answer = 'Alpha came first [1] and Beta came second [2, 3]. Nobody knows why.';
    const claims = citedClaims(answer);
    expect(claims.map((claim) => [claimText(answer, claim), claim.markers])).toEqual([
      ['Alpha came first', [1]],
      ['and Beta came second.', [2, 3]],
      ['Nobody knows why.', []],
    ]);
  });

  it('removes invalid marker numbers', () => {
    expect(removeInvalidMarkers('A [1][7]. B [2, 9]. C [8].', (n) => n <= 3)).toBe('A [1]. B [2]. C.');
  });
});

describe('CitationChecker', () => {
  it('validates spans', async () => {
    const docent = await openTestDocent(await makeCorpus({ 'a.md': 'Alpha was founded in 2009 in Lisbon.' }));
    expect(() => docent.checker.validateSpans([{ source: 'a.md', start: 0, end: 5 }])).not.toThrow();
    expect(() => docent.checker.validateSpans([{ source: 'b.md', start: 0, end: 5 }])).toThrow(InvalidSpanError);
    expect(() => docent.checker.validateSpans([{ source: 'a.md', start: 0, end: 500 }])).toThrow(/out of range/);
    await expect(docent.verify('Alpha was founded in Lisbon.', { citations: [{ source: 'a.md', start: 3, end: 2 }] })).rejects.toThrow(InvalidSpanError);
  });

  it('takes names and dates from the sentence before one that points back, and the document name as context', async () => {
    const docent = await openTestDocent(
      await makeCorpus({
        'lisbon.md': 'The harbour opened in April 2015. That same year, the first ferry line began to run. Trams were added here in 2019.',
      }),
    );
    expect((await docent.verify('The first ferry line began to run in 2015.')).verdict).toBe('supported');
    expect((await docent.verify('Trams were added in Lisbon in 2019.')).verdict).toBe('supported');
    expect((await docent.verify('Trams were added in Porto in 2019.')).verdict).not.toBe('supported');
  });

  it('does not borrow a name from a neighbouring sentence that does not point back', async () => {
    const docent = await openTestDocent();
    const result = await docent.verify('In June and July 2009, China and Thailand held a joint exercise codenamed Peacekeeping Mission-2009 in Beijing.');
    expect(result.verdict).toBe('contradicted');
    expect(result.conflicts?.map((c) => [c.claim, c.evidence])).toEqual([['Thailand', 'Mongolia']]);
    const conflict = result.conflicts![0]!;
    expect(docent.index.documents.get(conflict.source)!.slice(conflict.start, conflict.end)).toBe('Mongolia');
    expect(result.evidence[0]!.source).toBe(DEFAULT_SOURCE);
  });

  it('contradicts a changed number or a negation, and lists what a partial claim adds', async () => {
    const docent = await openTestDocent();
    const changed = await docent.verify('The ADMM-Plus table-top exercise in the Philippines took place in February 2016.');
    expect(changed).toMatchObject({ verdict: 'contradicted', conflicts: [{ claim: '2016', evidence: '2014' }] });
    expect((await docent.verify('The PLA has never run international training programs for UN peacekeepers.')).verdict).toBe('contradicted');
    const partial = await docent.verify('China and Mongolia held the joint exercise Peacekeeping Mission-2009 in Beijing and signed a trade agreement.');
    expect(partial.verdict).toBe('partially_supported');
    expect(partial.missing?.join(' ')).toContain('trade agreement');
  });
});
