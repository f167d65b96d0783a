import { describe, expect, it } from 'vitest';
import { LexicalIndex, type LexicalEntry } from '../../src/index/lexical-index.js';
import { terms } from '../../src/match/analyzer.js';

const entries: LexicalEntry[] = [
  { id: 'a', text: 'Tables are stored in heap files; every table has one.', context: 'Storage — Tables' },
  { id: 'b', text: 'An index speeds up lookups on a table.', context: 'Storage — Indexes' },
  { id: 'c', text: 'Vacuum reclaims space held by dead rows.', context: 'Maintenance' },
];

describe('lexical index', () => {
  it('counts in how many chunk texts (not contexts) each term appears, and uncounts removed chunks', () => {
    const index = LexicalIndex.build(entries);
    const idf = (df: number, n: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const [table, vacuum, maintenance] = ['table', 'vacuum', 'maintenance'].map((word) => terms(word)[0]!);
    expect(index.idf(table!)).toBeCloseTo(idf(2, 3), 12);
    expect(index.idf(vacuum!)).toBeCloseTo(idf(1, 3), 12);
    expect(index.has(maintenance!)).toBe(false);
    index.remove([entries[0]!]);
    expect(index.idf(table!)).toBeCloseTo(idf(1, 2), 12);
  });

  it('after additions and removals, searches as an index built from the remaining chunks does', () => {
    const changed = LexicalIndex.build(entries.slice(0, 2));
    changed.remove([entries[0]!]);
    changed.add([entries[2]!]);
    const fresh = LexicalIndex.build(entries.slice(1));
    for (const query of ['table index', 'dead rows space', 'storage']) {
      expect(changed.search(query, 5).map((hit) => hit.id)).toEqual(fresh.search(query, 5).map((hit) => hit.id));
      expect(changed.search(query, 5).length).toBeGreaterThan(0);
    }
  });
});

describe('lexical index file', () => {
  it('reads back what it wrote, and refuses a file that is not one or is cut short, naming it', () => {
    const bytes = Buffer.concat(LexicalIndex.build(entries).encode());
    const read = LexicalIndex.decode(bytes, 'lexical.bin');
    expect(read.search('table index', 5)).toEqual(LexicalIndex.build(entries).search('table index', 5));
    expect(read.idf(terms('vacuum')[0]!)).toBe(LexicalIndex.build(entries).idf(terms('vacuum')[0]!));
    expect(() => LexicalIndex.decode(Buffer.from('{"search":{}}'), 'lexical.bin')).toThrow(/lexical.bin is not a lexical index/);
    expect(() => LexicalIndex.decode(bytes.subarray(0, bytes.length - 8), 'lexical.bin')).toThrow(/lexical.bin is shorter than its header says/);
    expect(() => LexicalIndex.decode(Buffer.concat([bytes, Buffer.alloc(8)]), 'lexical.bin')).toThrow(/lexical.bin is longer than its header says/);
  });

  it('refuses to add a chunk twice or remove one it does not hold', () => {
    const index = LexicalIndex.build(entries);
    expect(() => index.add([entries[0]!])).toThrow(/already holds chunk a/);
    expect(() => index.remove([{ id: 'z' }])).toThrow(/holds no chunk z/);
  });
});
