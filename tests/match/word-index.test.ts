import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WordIndex } from '../../src/match/word-index.js';
import { wordVectorsDir } from '../../src/match/word-vectors.js';

/** What the table replaced: a Map filled in list order. */
function mapOver(words: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  words.forEach((word, i) => map.set(word, i));
  return map;
}

function expectSameLookups(words: readonly string[], probes: readonly string[]): void {
  const index = new WordIndex(words);
  const map = mapOver(words);
  expect(index.size).toBe(map.size);
  // One comparison of all answers: an expect per probe takes seconds over the real table.
  expect(probes.map((probe) => index.indexOf(probe))).toEqual(probes.map((probe) => map.get(probe)));
}

describe('WordIndex', () => {
  it('finds each word at its position and nothing else', () => {
    const words = ['the', 'of', 'and', 'café', 'naïve', 'co-operate', "o'clock", ''];
    expectSameLookups(words, [...words, 'The', 'cafe', 'a', 'ands', 'co', ' ']);
  });

  it('resolves a repeated word to its last position, as Map#set does', () => {
    expectSameLookups(['a', 'b', 'a', 'c', 'b'], ['a', 'b', 'c', 'd']);
  });

  it('holds an empty list', () => {
    expectSameLookups([], ['', 'a']);
  });

  it('answers like a Map for thousands of words and absent ones', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${(i * 7919) % 5003}`);
    const probes = Array.from({ length: 6000 }, (_, i) => `w${i}`);
    expectSameLookups(words, probes);
  });

  const realWords = path.join(wordVectorsDir(path.resolve('models')), 'words.txt');
  it.runIf(fs.existsSync(realWords))('answers like a Map over the installed word-vector table', () => {
    const words = fs.readFileSync(realWords, 'utf8').split('\n');
    // Each word, plus variants that are mostly absent (capitalised, suffixed, truncated).
    const probes = words.flatMap((word) => [word, word.toUpperCase(), `${word}s`, word.slice(1)]);
    expectSameLookups(words, probes);
  });
});
