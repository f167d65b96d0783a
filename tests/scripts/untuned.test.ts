import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isUntuned, UNTUNED_ROUND } from '../../scripts/fit/untuned.js';

describe('the untuned round no fitting script reads', () => {
  it('is every question set of the round and its claims, and nothing of earlier rounds', () => {
    expect(isUntuned(`near-miss${UNTUNED_ROUND}.heldout.jsonl`)).toBe(true);
    expect(isUntuned(`near-miss-squad${UNTUNED_ROUND}.heldout.jsonl`)).toBe(true);
    expect(isUntuned(`paraphrase-squad${UNTUNED_ROUND}.heldout.jsonl`)).toBe(true);
    expect(isUntuned(`claims-heldout${UNTUNED_ROUND - 1}.jsonl`)).toBe(true);
    expect(isUntuned(`conversations${UNTUNED_ROUND - 4}.heldout.jsonl`)).toBe(true);
    expect(isUntuned(`conversations-squad${UNTUNED_ROUND - 4}.heldout.jsonl`)).toBe(true);
    expect(isUntuned(`conversations${UNTUNED_ROUND - 5}.heldout.jsonl`)).toBe(false);
    expect(isUntuned(`conversations${UNTUNED_ROUND}.heldout.jsonl`)).toBe(false);
    expect(isUntuned(`near-miss${UNTUNED_ROUND - 10}.heldout.jsonl`)).toBe(false);
    expect(isUntuned(`near-miss1${UNTUNED_ROUND}.heldout.jsonl`)).toBe(false);
    expect(isUntuned('near-miss.heldout.jsonl')).toBe(false);
    expect(isUntuned('paraphrase-more3.jsonl')).toBe(false);
    expect(isUntuned(`claims-heldout${UNTUNED_ROUND - 2}.jsonl`)).toBe(false);
  });

  it('names a round whose sets are in the repository', () => {
    const files = [...fs.readdirSync('tests/eval'), ...fs.readdirSync('tests/verify')];
    expect(files.filter(isUntuned).length).toBeGreaterThanOrEqual(7);
  });
});
