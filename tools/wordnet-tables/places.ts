import fs from 'node:fs';
import { dataFile, lineAt, parseSynset } from './synsets.js';

/**
 * The places behind src/match/places.ts: each named place of WordNet (a noun synset whose words are
 * capitalised) with every named place it lies inside, following part holonyms (`#p`: "Rotterdam"
 * #p "Netherlands" #p "Europe") up to MAX_DEPTH levels. The chain is followed from synset to synset,
 * never through a name: "Europe" is part of the West (the Occident), and the West of the United
 * States is another synset of the same word, so a chain through names put France inside the US.
 * Keys and values are lower-case words joined by spaces, every single- or multi-word name of a synset.
 */

/** Levels of holonyms followed (city → state → country → continent → hemisphere). */
const MAX_DEPTH = 5;

const namesOf = (written: readonly string[]) => written.filter((word) => /^\p{Lu}/u.test(word)).map((word) => word.toLowerCase().replace(/_/g, ' '));

export function placesFromWordNet(): Record<string, string[]> {
  const data = fs.readFileSync(dataFile('data.noun'), 'latin1');
  const synsets = new Map<number, { names: string[]; wholes: number[] }>();
  const synsetAt = (offset: number) => {
    let synset = synsets.get(offset);
    if (!synset) {
      const { written, pointers } = parseSynset(lineAt(data, offset), '#p');
      synsets.set(offset, (synset = { names: namesOf(written), wholes: pointers.map((pointer) => pointer.targetOffset) }));
    }
    return synset;
  };
  const places = new Map<string, Set<string>>();
  for (const line of data.split('\n')) {
    if (!/^\d{8} \d\d n /.test(line) || !line.includes(' #p ')) continue;
    const { names } = synsetAt(Number(line.slice(0, 8)));
    if (names.length === 0) continue;
    const wholes = new Set<string>();
    const seen = new Set<number>();
    let frontier = synsetAt(Number(line.slice(0, 8))).wholes;
    for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
      const next: number[] = [];
      for (const offset of frontier) {
        if (seen.has(offset)) continue;
        seen.add(offset);
        const whole = synsetAt(offset);
        for (const name of whole.names) wholes.add(name);
        next.push(...whole.wholes);
      }
      frontier = next;
    }
    for (const name of names) {
      const entry = places.get(name) ?? new Set<string>();
      for (const whole of wholes) if (whole !== name) entry.add(whole);
      places.set(name, entry);
    }
  }
  return Object.fromEntries([...places].filter(([, wholes]) => wholes.size > 0).map(([name, wholes]) => [name, [...wholes].sort()]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}
