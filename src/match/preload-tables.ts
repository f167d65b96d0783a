import { antonymTable } from './antonyms.js';
import { lemmatizer } from './lemmatizer.js';
import { wordnetAliases } from './name-aliases.js';
import { kindTable } from './noun-kinds.js';
import { wholesOf } from './places.js';
import { relationsTable, synonymsTable } from './word-relations.js';

/** Each table of src/match that is read on first use (see tables.ts), and wink-lemmatizer's word lists. */
const TABLES: ReadonlyArray<() => unknown> = [lemmatizer, kindTable, relationsTable, synonymsTable, wholesOf, antonymTable, wordnetAliases];

/**
 * Reads every table now, one at a time with `between()` after each, so that no question pays for
 * them: read on the first questions' path they cost those questions ≈ 250 ms of CPU (the first
 * question of a 100k-chunk worker took 430–450 ms of CPU), which was the tail of a fresh worker's
 * latencies. A serving process's warm-up calls this; a process that never answers (the indexer, a
 * cluster's primary) still reads them only on first use.
 */
export async function preloadTables(between: () => Promise<unknown>): Promise<void> {
  for (const load of TABLES) {
    load();
    await between();
  }
}
