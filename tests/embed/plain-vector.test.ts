import { describe, expect, it } from 'vitest';
import { plainVector } from '../../src/embed/types.js';

describe('plainVector', () => {
  it('holds exactly the numbers Array.from gives, as a plain array', () => {
    const vector = Float32Array.from({ length: 768 }, (_, i) => Math.sin(i) / (i + 1));
    const plain = plainVector(vector);
    expect(Array.isArray(plain)).toBe(true);
    expect(plain).toEqual(Array.from(vector));
    expect(plainVector(new Float32Array(0))).toEqual([]);
  });
});
