/** `npx tsx tools/word-relations/build.ts`: rewrites src/match/word-relations.json from WordNet (see from-wordnet.ts). */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { wordRelationsFromWordNet } from './from-wordnet.js';

const WORD_RELATIONS_FILE = fileURLToPath(new URL('../../src/match/word-relations.json', import.meta.url));

const table = wordRelationsFromWordNet();
fs.writeFileSync(WORD_RELATIONS_FILE, `${JSON.stringify(table)}\n`);
console.log(`${WORD_RELATIONS_FILE}: ${Object.keys(table.derived).length} derived lemmas, ${Object.keys(table.phrases).length} two-word verbs`);
