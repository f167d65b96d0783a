import { describe, expect, it } from 'vitest';
import { readByClause, type ClauseUnit } from '../../src/verify/by-clause.js';
import type { Clause } from '../../src/verify/clauses.js';
import type { Verdict } from '../../src/verify/types.js';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

/** A claim whose added detail drags the whole below what a statement needs is still partly stated. */
describe('CitationChecker: a claim read part by part', async () => {
  const text = [
    'A French church in Portarlington dates back to 1696, and was built to serve the new Huguenot community in the town.',
    'The town market was held every Thursday on the square beside the river.',
  ].join(' ');
  // Other documents, so that the words of the added detail weigh what rare words weigh.
  const others = Object.fromEntries(['Dublin', 'Cork', 'Galway'].map((town, i) => [`${town.toLowerCase()}.md`, `${town} had a market square in ${1700 + i}. The church of ${town} was rebuilt and the town grew.`]));
  const docent = await openTestDocent(await makeCorpus({ 'portarlington.md': text, ...others }));

  it('is partially supported when its first part is stated and an added part is not, naming the missing part', async () => {
    const result = await docent.verify('The French church in Portarlington dates back to 1696 and was designed by an architect from Amsterdam.');
    expect(result.verdict).toBe('partially_supported');
    expect(result.evidence[0]!.quote).toContain('dates back to 1696');
    expect(result.missing?.join(' ')).toContain('architect from Amsterdam');
  });

  it('is partially supported when an absolute phrase adds what the evidence lacks', async () => {
    const result = await docent.verify('The French church in Portarlington dates back to 1696, with 400 families attending its first service.');
    expect(result.verdict).toBe('partially_supported');
    expect(result.missing?.join(' ')).toContain('400 families');
  });
});

describe('readByClause: parts read apart', () => {
  const unit = (start: number, verdict: Verdict): ClauseUnit => ({
    source: 'a.md',
    start,
    end: start + 10,
    score: 0.5,
    verdict,
    coverage: 0.5,
    facts: { supported: [], conflicts: [], missing: [] },
    negationMismatch: false,
    replaced: [],
    verbMissing: false,
    roleSwap: undefined,
    hedgeMismatch: false,
    largestGap: 0.5,
    conflictShare: 0,
    statesOpposite: false,
    missing: [],
  });
  const parts: Clause[] = [
    { text: 'The bishop ordered the settlers', start: 0, end: 31 },
    { text: 'hold the market on Thursdays.', start: 35, end: 64 },
  ];
  const [whole, other] = [unit(0, 'not_found'), unit(100, 'not_found')];
  /** Which part each piece of evidence states. */
  const reading = (states: Record<number, number>) => (part: Clause, evidence: ClauseUnit) => ({ ...evidence, verdict: states[evidence.start] === part.start ? ('supported' as const) : ('not_found' as const) });

  it('is partially supported by the evidence that states its first part, the other part missing', () => {
    const result = readByClause(parts, [whole, other], reading({ 100: 0 }));
    expect(result.best.verdict).toBe('partially_supported');
    expect(result.best.start).toBe(100);
    expect(result.best.missing).toEqual(['hold the market on Thursdays']);
  });

  it('is supported when each part is stated by a sentence of its own', () => {
    const result = readByClause(parts, [whole, other, unit(200, 'not_found')], reading({ 100: 0, 200: 35 }));
    expect(result.best.verdict).toBe('supported');
    expect([result.best.start, ...result.others.map((o) => o.start)]).toEqual([100, 200]);
  });

  it('states nothing when only a later part, without the claim\'s subject, is stated elsewhere', () => {
    expect(readByClause(parts, [whole, other], reading({ 100: 35 })).best).toBe(whole);
  });
});
