import { describe, expect, it } from 'vitest';
import { removeInvalidMarkers } from '../../src/answer/markers.js';
import { citedClaims, claimText } from '../../src/verify/answer.js';
import { checkFacts, evidenceFacts, keyFacts } from '../../src/match/facts.js';
import { InvalidSpanError } from '../../src/verify/types.js';
import { DEFAULT_SOURCE, makeCorpus, openTestDocent } from '../helpers/fixtures.js';

const missing = (claim: string, evidence: string) => checkFacts(keyFacts(claim), evidenceFacts(evidence)).missing;

describe('strict facts', () => {
  it('extracts numbers, number words, ordinals, months and names', () => {
    const facts = keyFacts('In May 2010, the first China-US consultation with over ten countries was held in Beijing on the 21st.');
    expect([...facts.numbers].sort()).toEqual(['10', '2010']);
    expect([...facts.ordinals].sort()).toEqual(['1', '21']);
    expect([...facts.months]).toEqual(['may']);
    expect(facts.names.map((name) => name.map((token) => token.text).join(' '))).toEqual(['China US', 'Beijing']);
  });

  it('does not take the grammatical capital of a sentence or the modal "may" for a fact', () => {
    const facts = keyFacts('Peacekeepers may train abroad.');
    expect(facts.names).toEqual([]);
    expect(facts.months.size).toBe(0);
  });

  it('finds names as adjectives, acronyms and inside compounds', () => {
    const evidence = 'The German defense minister visited the United Nations and the UNPKOs of the US.';
    expect(missing('Germany sent its minister to the UN.', evidence)).toEqual([]);
    expect(missing('He met the United States envoy.', 'The US envoy met him.')).toEqual([]);
    expect(missing('China and Thailand met in 2009.', 'China and Mongolia met in 2009.')).toEqual(['Thailand']);
    expect(missing('It happened in June 2012.', 'It happened in June 2009.')).toEqual(['2012']);
    expect(missing('It happened in March 2009.', 'It happened in June 2009.')).toEqual(['march']);
    expect(missing('The second meeting was held.', 'The first meeting between the two was held.')).toEqual(['#2']);
    expect(missing('Over 90 countries took part.', 'More than ninety countries took part.')).toEqual([]);
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
    expect(result.verdict).toBe('partially_supported');
    expect(result.evidence[0]!.source).toBe(DEFAULT_SOURCE);
  });
});
