import { tagsOf } from './word-tags.js';
import { isStopWord, normalizeWord } from './analyzer.js';
import { wordsOf, type AntonymPair, type WordAt } from './antonyms.js';
import { numberMentions } from './numbers.js';

/**
 * A superlative's rank: "the most populous city" is the first, "the second-most populous" is not.
 * The evidence states the claim's superlative only at another rank ("Victoria is Australia's most
 * populous state" against "… its second-most populous state") is an opposite, like an antonym: the
 * same words, the other statement.
 */

/** A superlative with its rank (1 unless an ordinal stands right before it) and what it is said of. */
export interface RankedSuperlative {
  word: WordAt;
  /** The ordinal and the superlative, as written ("second-most"), or the superlative alone. */
  text: WordAt;
  rank: number;
  /** The superlative's matching form. */
  term: string;
  /** The content word it is said of ("busiest [airport]"), when one follows in its phrase. */
  of: string | undefined;
  /** Inside brackets: an aside ("(see World's busiest airports …)"), not the statement. */
  aside: boolean;
}

const isSuperlative = (word: string) => {
  const tags = tagsOf(word);
  return tags ? tags.some((tag) => tag === 'JJS' || tag === 'RBS') : /^\p{L}{3,}est$/u.test(word);
};
/** "most" and "least" say nothing alone: what they are said of is the next content word ("most populous"). */
const MODIFIERS = new Set(['most', 'least']);
const ORDINAL_BEFORE = /(\p{L}+|\d+(?:st|nd|rd|th))[\s-]+$/u;

export function superlativesOf(text: string): RankedSuperlative[] {
  const words = wordsOf(text);
  const found: RankedSuperlative[] = [];
  words.forEach((word, i) => {
    const lower = normalizeWord(word.text);
    if (!isSuperlative(lower)) return;
    // What it is said of follows it at once ("busiest airport"); past a preposition ("busiest in the United States") it says where, not what.
    const following = words[i + 1];
    const next = following && !isStopWord(normalizeWord(following.text)) && !/[,;:()]/.test(text.slice(word.end, following.start)) ? following : undefined;
    if (MODIFIERS.has(lower) && !next) return;
    const before = ORDINAL_BEFORE.exec(text.slice(Math.max(0, word.start - 20), word.start));
    const ordinal = before ? numberMentions(before[1]!)[0] : undefined;
    const rank = ordinal?.ordinal ? Number(ordinal.value) : 1;
    const start = rank === 1 ? word.start : word.start - before![0].length;
    found.push({ word, text: { ...word, text: text.slice(start, word.end), start }, rank, term: word.term, of: next?.term, aside: insideBrackets(text, word.start) });
  });
  return found;
}

/**
 * The claim's superlatives that the evidence states only at another rank, each with the evidence's. A claim read against
 * many texts (a question against its candidate sentences) passes its superlatives, read once.
 */
export function rankedSuperlatives(claim: string, evidence: string, ours: readonly RankedSuperlative[] = superlativesOf(claim)): AntonymPair[] {
  // Most claims have none: the evidence is not read.
  if (ours.length === 0) return [];
  const theirs = superlativesOf(evidence);
  const pairs: AntonymPair[] = [];
  for (const own of ours) {
    // The same superlative of the same thing ("most populous" is never "most visited"; "busiest airport" not "busiest single runway").
    const same = theirs.filter((other) => !other.aside && other.term === own.term && (other.of === own.of || (!MODIFIERS.has(own.word.text.toLowerCase()) && (other.of === undefined || own.of === undefined))));
    if (same.length > 0 && same.every((other) => other.rank !== own.rank)) pairs.push({ claim: own.text, evidence: same[0]!.text });
  }
  return pairs;
}

/** Whether an opening bracket before `at` is not closed before it. */
function insideBrackets(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return before.lastIndexOf('(') > before.lastIndexOf(')');
}
