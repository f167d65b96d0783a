import lexicon from 'wink-lexicon/src/lexicon.js';
import { tokenize } from '../match/analyzer.js';

/**
 * A claim's clauses: "Coldplay headlined the show and released a live album of it" states two
 * things, and evidence for the first says nothing about the second. Split only where a new verb
 * follows the connective, so lists ("Brazil, Russia, India and South Africa") stay whole.
 */

export interface Clause {
  text: string;
  start: number;
  end: number;
}

const CONNECTIVE = /,?\s+(?:and|but|which|that|who|whom|where|when|while|whereas|so that|to)\s+|,\s+(?=\p{Ll}+(?:ed|ing)\b)/gu;
const VERB_TAG = /^(?:VB|MD)/;
/** A clause needs at least this many content words to be checked on its own. */
const MIN_WORDS = 2;

// Capitalised words are names or months ("May"), never the verb of a new clause.
const isVerb = (word: string | undefined) => word !== undefined && /^\p{Ll}/u.test(word) && VERB_TAG.test(lexicon[word]?.[0] ?? '');

const hasVerb = (text: string) => text.split(/[^\p{L}'’-]+/u).some((word) => isVerb(word));

/** Where the claim may be cut: a connective followed (within two words) by a verb. */
function cutPoints(claim: string): Array<{ at: number; next: number }> {
  const cuts: Array<{ at: number; next: number }> = [];
  for (const match of claim.matchAll(CONNECTIVE)) {
    const next = match.index + match[0].length;
    const following = claim.slice(next).split(/\s+/, 3);
    const viaInfinitive = /\bto\s+$/.test(match[0]);
    const verbFollows = viaInfinitive ? isVerb(following[0]) : following.slice(0, 2).some((word) => isVerb(word.replace(/[^\p{L}'’-]/gu, '')));
    if (verbFollows) cuts.push({ at: match.index, next });
  }
  return cuts;
}

/** The claim's clauses, each with enough words and a verb; a single clause when it cannot be cut. */
export function clauses(claim: string): Clause[] {
  const result: Clause[] = [];
  let start = 0;
  let end = claim.length;
  for (const cut of [...cutPoints(claim), { at: claim.length, next: claim.length }]) {
    end = cut.at;
    const text = claim.slice(start, end).trim();
    if (tokenize(text).length >= MIN_WORDS && hasVerb(text)) {
      result.push({ text, start, end });
      start = cut.next;
    } else if (result.length > 0 && cut.at === claim.length) {
      // A short tail belongs to the clause before it.
      const last = result.at(-1)!;
      result[result.length - 1] = { text: claim.slice(last.start, end).trim(), start: last.start, end };
    }
  }
  return result.length > 0 ? result : [{ text: claim.trim(), start: 0, end: claim.length }];
}
