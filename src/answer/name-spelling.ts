import type { Token } from '../match/analyzer.js';
import { perObject } from '../match/fact-memo.js';
import type { AnalysedText, Fact } from '../match/facts.js';

/**
 * Questions are typed by people: "Gospic" for "Gospić", "Hatmanis" for "Hartmanis", "Sentanta" for
 * "Setanta", "Lionheart" for "Lion-Heart". A name of the question whose every word is in the evidence up to
 * accents, one slip of the keyboard and a hyphen or space between its parts is the evidence's name, not
 * another one. Swapped specifics are different words ("Canada" for "Vietnam", "Shanghai" for "Beijing"),
 * never one letter apart.
 */

/** Words shorter than this must match exactly once accents are removed: short names differ by one letter ("Iran", "Iraq"). */
const MIN_TYPO_LENGTH = 6;

/** Letters NFD does not decompose into a base letter and a mark. */
const UNDECOMPOSED: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

/** Plain ASCII has no accents to fold: most words, and the common case is spared the Unicode normalisation. */
const ASCII = /^[\x00-\x7f]*$/;

export function foldAccents(word: string): string {
  if (ASCII.test(word)) return word;
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łøđßæœı]/g, (letter) => UNDECOMPOSED[letter]!);
}

/** Optimal string alignment distance, stopping early once it exceeds 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const rest = (x: number, y: number) => a.slice(x) === b.slice(y);
  // A substitution, an insertion, a deletion or two neighbouring letters swapped.
  return rest(i + 1, i + 1) || rest(i, i + 1) || rest(i + 1, i) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2, i + 2));
}

/** Whether two words are one name's spelling: equal without accents, or one slip apart when long enough. */
export function sameSpelling(a: string, b: string): boolean {
  return sameFolded(foldAccents(a), foldAccents(b));
}

const sameFolded = (x: string, y: string) => x === y || (Math.min(x.length, y.length) >= MIN_TYPO_LENGTH && x[0] === y[0] && withinOneEdit(x, y));

/** Two words joined by a hyphen or written apart may be one word written whole ("Lion-Heart", "Lionheart"). */
const JOINABLE = /^[-\s]$/;

/**
 * A text's distinct words without accents, and each two neighbouring words joined by a hyphen or a space
 * written as one, once per analysis (evidence and context analyses are kept across questions).
 */
const foldedWordsOf = perObject((text: AnalysedText) => {
  const words = text.tokens.map((token) => foldAccents(token.word));
  const joined = text.tokens.slice(1).flatMap((token, i) => (JOINABLE.test(text.text.slice(text.tokens[i]!.end, token.start)) ? [words[i]! + words[i + 1]!] : []));
  return [...new Set([...words, ...joined])];
});

/** Whether every word of the name, or the name written as one word, is spelled (see sameSpelling) by a word of the text. */
export function spelledIn(name: Fact, text: AnalysedText): boolean {
  if (name.kind !== 'name') return false;
  const words = foldedWordsOf(text);
  const spelled = (word: string) => words.some((other) => sameFolded(word, other));
  return name.words.every((word: Token) => spelled(foldAccents(word.word))) || (name.words.length > 1 && spelled(name.words.map((word: Token) => foldAccents(word.word)).join('')));
}
