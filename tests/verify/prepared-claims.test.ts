import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../../src/bounded-memo.js';
import { prepareClaim } from '../../src/verify/prepare-claim.js';
import { PreparedClaims } from '../../src/verify/prepared-claims.js';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

describe('BoundedMemo', () => {
  it('computes each key once and drops the least recently used beyond its limit', () => {
    const computed: string[] = [];
    const memo = new BoundedMemo((key: string) => (computed.push(key), key.toUpperCase()), 2);
    expect([memo.get('a'), memo.get('b'), memo.get('a')]).toEqual(['A', 'B', 'A']);
    expect(computed).toEqual(['a', 'b']);
    memo.get('c'); // 'b' is the least recently used now
    expect(memo.size).toBe(2);
    memo.get('a');
    memo.get('b');
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });
});

describe('PreparedClaims', () => {
  const claim = 'China has sent peacekeepers to Lebanon and trained 200 engineers.';

  it('reads a claim once per text, exactly as prepareClaim does, and stays within its limit', async () => {
    const docent = await openTestDocent(await makeCorpus({ 'a.md': 'China has sent peacekeepers to Lebanon. Engineers were trained in 2019.' }));
    const claims = new PreparedClaims(docent.index, 2);
    const prepared = claims.prepare(claim);
    expect(claims.prepare(claim)).toBe(prepared);
    expect(prepared).toEqual(prepareClaim(claim, docent.index));
    claims.prepare('Engineers were trained.');
    claims.prepare('Peacekeepers went to Lebanon.');
    expect(claims.size).toBe(2);
    expect(claims.prepare(claim)).not.toBe(prepared);
    expect(claims.clauses(claim)).toEqual(claims.clauses(claim));
  });

  it('is one per index version: each weighs a claim by its own index', async () => {
    const first = await openTestDocent(await makeCorpus({ 'a.md': 'China has sent peacekeepers to Lebanon.' }));
    const second = await openTestDocent(await makeCorpus({ 'a.md': 'China has sent peacekeepers to Lebanon.', 'b.md': 'China trained engineers. China sent doctors.' }));
    const weights = (claims: PreparedClaims) => claims.prepare(claim).terms.map((term) => term.weight);
    expect(weights(new PreparedClaims(first.index))).toEqual(prepareClaim(claim, first.index).terms.map((term) => term.weight));
    expect(weights(new PreparedClaims(second.index))).toEqual(prepareClaim(claim, second.index).terms.map((term) => term.weight));
    expect(weights(new PreparedClaims(first.index))).not.toEqual(weights(new PreparedClaims(second.index)));
    // The checker of a version answers the same the second time it reads a claim.
    const verdict = await first.checker.verify(claim);
    expect(await first.checker.verify(claim)).toEqual(verdict);
  });
});
