import type { AnalysedText, Fact } from './facts.js';
import table from './places.json' with { type: 'json' };

/**
 * Places inside places: "the Netherlands" is supported by "Rotterdam" (it is in the Netherlands),
 * "London" is merely more than "the UK" states, and "Amsterdam" where the evidence says "in
 * Rotterdam" is another place — the same country or not. WordNet's part holonyms of named places
 * (`npx tsx tools/wordnet-tables/build.ts` writes places.json), followed up the chain.
 */

const wholesOf = table as Record<string, string[]>;
/** How many steps up the chain a place is looked for (city → state → country → continent). */
const MAX_DEPTH = 5;

/** Lower case, accents and a leading "the" dropped: "Kraków" is "krakow", "The Netherlands" "netherlands". */
const placeKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ');

const isKnown = (key: string) => wholesOf[key] !== undefined;

/** Whether `part` lies inside `whole`. */
function inside(part: string, whole: string): boolean {
  let frontier = [part];
  const seen = new Set(frontier);
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const place of frontier) {
      for (const up of wholesOf[place] ?? []) {
        const key = placeKey(up);
        if (key === whole) return true;
        if (!seen.has(key)) seen.add(key), next.push(key);
      }
    }
    frontier = next;
  }
  return false;
}

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
