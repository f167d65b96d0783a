import fs from 'node:fs';

/**
 * A table of src/match built from WordNet (tools/wordnet-tables), read on first use rather than
 * imported: the bundle would hold each table twice from the start (its source text and the parsed
 * object), and many processes never consult some of them. The path is taken two levels below the
 * repository, where this module and the bundle's files both are.
 */
export function readTable<T>(name: 'antonyms.json' | 'name-aliases.json' | 'noun-kinds.json' | 'places.json' | 'synonyms.json' | 'word-relations.json'): T {
  return JSON.parse(fs.readFileSync(new URL(`../../src/match/${name}`, import.meta.url), 'utf8')) as T;
}
