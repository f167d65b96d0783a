import { describe, expect, it } from 'vitest';
import { antonymsOf, antonymTable } from '../../src/match/antonyms.js';
import { termOf } from '../../src/match/analyzer.js';
import { kindTable } from '../../src/match/noun-kinds.js';
import { wholesOf } from '../../src/match/places.js';
import { preloadTables } from '../../src/match/preload-tables.js';
import { relationsTable, synonymsTable } from '../../src/match/word-relations.js';

const tables = () => [kindTable(), relationsTable(), synonymsTable(), wholesOf(), antonymTable()];

describe('preloadTables', () => {
  it('reads every table, yielding after each, and later look-ups use what it read', async () => {
    let yields = 0;
    await preloadTables(async () => void yields++);
    expect(yields).toBe(7);
    const read = tables();
    // Read once: a second preload (another version's warm-up) and a question's look-ups get the same objects.
    await preloadTables(async () => undefined);
    tables().forEach((table, i) => expect(table).toBe(read[i]));
    expect(antonymsOf(termOf('least')).has(termOf('most'))).toBe(true);
  });
});
