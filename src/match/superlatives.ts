import lexicon from 'wink-lexicon/src/lexicon.js';
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
interface Ranked {
  word: WordAt;
  /** The ordinal and the superlative, as written ("second-most"), or the superlative alone. */
  text: WordAt;
  rank: number;
  key: string;
}

const isSuperlative = (word: string) => {
  const tags = lexicon[word];
  return tags ? tags.some((tag) => tag === 'JJS' || tag === 'RBS') : /^\p{L}{3,}est$/u.test(word);
};
/** "most" and "least" say nothing alone: what they are said of is the next content word ("most populous"). */
const MODIFIERS = new Set(['most', 'least']);
const ORDINAL_BEFORE = /(\p{L}+|\d+(?:st|nd|rd|th))[\s-]+$/u;

function superlatives(text: string): Ranked[] {
  const words = wordsOf(text);
  const found: Ranked[] = [];
  words.forEach((word, i) => {
    const lower = normalizeWord(word.text);
    if (!isSuperlative(lower)) return;
    const next = MODIFIERS.has(lower) ? words.slice(i + 1).find((other) => !isStopWord(normalizeWord(other.text))) : undefined;
    if (MODIFIERS.has(lower) && (!next || /[,;:()]/.test(text.slice(word.end, next.start)))) return;
    const before = ORDINAL_BEFORE.exec(text.slice(Math.max(0, word.start - 20), word.start));
    const ordinal = before ? numberMentions(before[1]!)[0] : undefined;
    const rank = ordinal?.ordinal ? Number(ordinal.value) : 1;
    const start = rank === 1 ? word.start : word.start - before![0].length;
    found.push({ word, text: { ...word, text: text.slice(start, word.end), start }, rank, key: `${word.term} ${next?.term ?? ''}` });
  });
  return found;
}

/** The claim's superlatives that the evidence states only at another rank, each with the evidence's. */
export function rankedSuperlatives(claim: string, evidence: string): AntonymPair[] {
  const ours = superlatives(claim);
  // Most claims have none: the evidence is not read.
  if (ours.length === 0) return [];
  const theirs = superlatives(evidence);
  const pairs: AntonymPair[] = [];
  for (const own of ours) {
    const same = theirs.filter((other) => other.key === own.key);
    if (same.length > 0 && same.every((other) => other.rank !== own.rank)) pairs.push({ claim: own.text, evidence: same[0]!.text });
  }
  return pairs;
}
