import type { AnalysedText, Fact } from './facts.js';
import { readTable } from './tables.js';

/**
 * Places inside places: "the Netherlands" is supported by "Rotterdam" (it is in the Netherlands),
 * "London" is merely more than "the UK" states, and "Amsterdam" where the evidence says "in
 * Rotterdam" is another place — the same country or not. WordNet's part holonyms of named places
 * (`npx tsx tools/wordnet-tables/build.ts` writes places.json, the chain followed from synset to synset).
 */

/** Lower case, accents and a leading "the" dropped: "Kraków" is "krakow", "The Netherlands" "netherlands". */
const placeKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ');

/**
 * Each known place → the keys of every place it lies inside, keyed once when the table is read (not
 * at every comparison). A map, not the parsed object: a name such as "constructor" must not find
 * Object's own properties.
 */
let wholes: Map<string, ReadonlySet<string>> | undefined;
export const wholesOf = () =>
  (wholes ??= new Map(Object.entries(readTable<Record<string, string[]>>('places.json')).map(([place, ups]) => [place, new Set(ups.map(placeKey))])));

const isKnown = (key: string) => wholesOf().has(key);

/** Whether `part` lies inside `whole` (the table lists every place a place lies inside, not only the next). */
const inside = (part: string, whole: string) => wholesOf().get(part)?.has(whole) ?? false;

/** Whether the place `part` lies inside `whole`, which need not be a part of anything itself ("Mali" inside "Africa"). */
export const liesInside = (part: string, whole: string) => inside(placeKey(part), placeKey(whole));

/** Whether WordNet knows the name as a place inside another. */
export const isPlace = (name: string) => isKnown(placeKey(name));

export type PlaceRelation = 'inside' | 'contains' | 'apart';

/** How the place `a` stands to the place `b`; undefined when either is no known place or they are one. */
export function placeRelation(a: string, b: string): PlaceRelation | undefined {
  const [ka, kb] = [placeKey(a), placeKey(b)];
  if (ka === kb || !isKnown(ka) || !isKnown(kb)) return undefined;
  if (inside(ka, kb)) return 'inside';
  if (inside(kb, ka)) return 'contains';
  return 'apart';
}

/** The preposition right before a name ("in Hanoi"): two places after the same one fill the same slot. */
const LOCATIVE = /\b(in|at|near|from|to|into|outside)\s+(?:the\s+)?$/iu;
const prepositionOf = (text: AnalysedText, fact: Fact) => LOCATIVE.exec(text.text.slice(Math.max(0, fact.start - 16), fact.start))?.[1]?.toLowerCase();

export type PlaceComparison = { kind: 'supported' } | { kind: 'conflict'; evidence: Fact } | { kind: 'broader'; evidence: Fact };

/**
 * The claim's place against the evidence's places: supported by a place inside it, contradicted
 * by another place in the same slot that neither contains it nor lies inside it ("in Hanoi"
 * against "in Beijing"), or only less specific in the evidence ("London" against "the UK").
 */
export function comparePlace(claim: AnalysedText, fact: Fact, evidence: AnalysedText): PlaceComparison | undefined {
  const names = evidence.facts.filter((other) => other.kind === 'name');
  const related = names.map((other) => ({ other, relation: placeRelation(fact.text, other.text) }));
  if (related.some(({ relation }) => relation === 'contains')) return { kind: 'supported' };
  const slot = prepositionOf(claim, fact);
  const rival = slot && related.find(({ other, relation }) => relation === 'apart' && prepositionOf(evidence, other) === slot);
  if (rival) return { kind: 'conflict', evidence: rival.other };
  const broader = related.find(({ relation }) => relation === 'inside');
  return broader ? { kind: 'broader', evidence: broader.other } : undefined;
}
