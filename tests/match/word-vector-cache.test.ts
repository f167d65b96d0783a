import { describe, expect, it } from 'vitest';
import { WordVectorCache } from '../../src/match/word-vector-cache.js';

const vector = (value: number) => Float32Array.of(value);

describe('WordVectorCache', () => {
  it('keeps two generations: a word is dropped two rotations after it was last set or kept', () => {
    const cache = new WordVectorCache(2);
    cache.set('a', vector(1));
    cache.set('b', vector(2));
    expect(cache.generation).toBe(0);
    cache.set('c', vector(3)); // rotation: a, b are the previous generation
    expect(cache.generation).toBe(1);
    expect(cache.get('a')?.[0]).toBe(1);
    expect(cache.keep('a')).toBe(true); // a moves to the current generation: c, a
    cache.set('d', vector(4)); // rotation: b is dropped, c and a are previous
    expect(cache.generation).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.keep('b')).toBe(false);
    expect([cache.get('a')?.[0], cache.get('c')?.[0], cache.get('d')?.[0]]).toEqual([1, 3, 4]);
  });

  it('never holds more than two generations of words', () => {
    const cache = new WordVectorCache(100);
    for (let i = 0; i < 1000; i++) cache.set(`w${i}`, vector(i));
    const held = Array.from({ length: 1000 }, (_, i) => cache.get(`w${i}`)).filter(Boolean);
    expect(held).toHaveLength(200);
    expect(cache.get('w999')?.[0]).toBe(999);
    expect(cache.get('w799')).toBeUndefined();
  });
});
