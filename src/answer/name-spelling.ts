import type { Token } from '../match/analyzer.js';
import type { AnalysedText, Fact } from '../match/facts.js';

/**
 * Questions are typed by people: "Gospic" for "Gospić", "Hatmanis" for "Hartmanis", "Sentanta" for
 * "Setanta". A name of the question whose every word is in the evidence up to accents and one slip of
 * the keyboard is the evidence's name, not another one. Swapped specifics are different words
 * ("Canada" for "Vietnam", "Shanghai" for "Beijing"), never one letter apart.
 */

/** Words shorter than this must match exactly once accents are removed: short names differ by one letter ("Iran", "Iraq"). */
const MIN_TYPO_LENGTH = 6;

/** Letters NFD does not decompose into a base letter and a mark. */
const UNDECOMPOSED: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

export function foldAccents(word: string): string {
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
  const [x, y] = [foldAccents(a), foldAccents(b)];
  if (x === y) return true;
  return Math.min(x.length, y.length) >= MIN_TYPO_LENGTH && x[0] === y[0] && withinOneEdit(x, y);
}

/** Whether every word of the name is spelled (see sameSpelling) by a word of the text. */
export function spelledIn(name: Fact, text: AnalysedText): boolean {
  return name.kind === 'name' && name.words.every((word: Token) => text.tokens.some((token) => sameSpelling(word.word, token.word)));
}
