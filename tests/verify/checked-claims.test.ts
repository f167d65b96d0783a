import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckedClaims } from '../../src/verify/checked-claims.js';
import { makeCorpus, openTestDocent } from '../helpers/fixtures.js';

const span = (start: number, end: number) => ({ source: 'a.md', start, end });

describe('CheckedClaims', () => {
  it('checks each claim and spans once, shares a running check, and drops the least recently used beyond its limit', async () => {
    const checked: string[] = [];
    const memo = new CheckedClaims(async ({ claim, spans, clip }) => (checked.push(claim), `${claim}@${spans.map((s) => `${s.start}-${s.end}`).join(',')}${clip ? '' : '!'}`), 2);
    const [first, concurrent] = [memo.get({ claim: 'a', spans: [span(0, 5)], clip: true }), memo.get({ claim: 'a', spans: [span(0, 5)], clip: true })];
    expect(concurrent).toBe(first);
    expect(await first).toBe('a@0-5');
    // Another span, or the same span unclipped, is another check; a passage's other fields are not part of it.
    expect(await memo.get({ claim: 'a', spans: [span(0, 6)], clip: true })).toBe('a@0-6');
    expect(await memo.get({ claim: 'a', spans: [{ ...span(0, 6), score: 0.5 } as ReturnType<typeof span>], clip: false })).toBe('a@0-6!');
    expect(memo.size).toBe(2);
    expect(checked).toEqual(['a', 'a', 'a']);
    await memo.get({ claim: 'a', spans: [span(0, 5)], clip: true }); // dropped as the least recently used
    expect(checked).toHaveLength(4);
  });

  it('forgets a check that failed', async () => {
    let calls = 0;
    const memo = new CheckedClaims(async () => {
      if (++calls === 1) throw new Error('embedder unavailable');
      return 'ok';
    });
    await expect(memo.get({ claim: 'a', spans: [], clip: true })).rejects.toThrow('embedder unavailable');
    expect(await memo.get({ claim: 'a', spans: [], clip: true })).toBe('ok');
    expect(memo.size).toBe(1);
  });
});

describe('remembered checks in the checker', () => {
  const text = 'China has sent peacekeepers to Lebanon. Engineers were trained in 2019. The base opened in 2015.';

  it('give the result a fresh checker of the same index gives, and are made again for a new index version', async () => {
    const corpus = await makeCorpus({ 'a.md': text });
    const docent = await openTestDocent(corpus);
    const claim = 'Engineers were trained in 2019.';
    const spans = [span(40, 71)];
    const remembered = docent.checker;
    const result = await remembered.checkAgainstSpans(claim, spans);
    expect(await remembered.checkAgainstSpans(claim, spans)).toBe(result);
    expect(result.verdict).toBe('supported');
    // A checker that has remembered nothing yet (another Docent over the same corpus) finds the same.
    expect(await (await openTestDocent(corpus)).checker.checkAgainstSpans(claim, spans)).toEqual(result);

    await fs.writeFile(path.join(corpus, 'a.md'), text.replace('2019', '2018'));
    await docent.refresh();
    expect(docent.checker).not.toBe(remembered);
    expect((await docent.checker.checkAgainstSpans(claim, spans)).verdict).toBe('contradicted');
  });
});
