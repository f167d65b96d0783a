import fs from 'node:fs';
import { dataFile, lineAt, parseSynset } from './synsets.js';

/**
 * The places behind src/match/places.ts: each named place of WordNet (a noun synset whose words are
 * capitalised) with the named places it is part of (`#p`, part holonym: "Rotterdam" #p
 * "Netherlands", "Jacksonville" #p "Florida"), one level; the reader follows the chain. Keys and
 * values are lower-case words joined by spaces, every single- or multi-word name of the synset.
 */
export function placesFromWordNet(): Record<string, string[]> {
  const data = fs.readFileSync(dataFile('data.noun'), 'latin1');
  const places = new Map<string, Set<string>>();
  const namesOf = (written: readonly string[]) => written.filter((word) => /^\p{Lu}/u.test(word)).map((word) => word.toLowerCase().replace(/_/g, ' '));
  for (const line of data.split('\n')) {
    if (!/^\d{8} \d\d n /.test(line) || !line.includes(' #p ')) continue;
    const { written, pointers } = parseSynset(line, '#p');
    const names = namesOf(written);
    if (names.length === 0) continue;
    const wholes = pointers.flatMap((pointer) => namesOf(parseSynset(lineAt(data, pointer.targetOffset), '#p').written));
    if (wholes.length === 0) continue;
    for (const name of names) {
      const entry = places.get(name) ?? new Set<string>();
      for (const whole of wholes) if (whole !== name) entry.add(whole);
      places.set(name, entry);
    }
  }
  return Object.fromEntries([...places].filter(([, wholes]) => wholes.size > 0).map(([name, wholes]) => [name, [...wholes].sort()]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}
