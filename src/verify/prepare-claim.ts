import { tagsOf } from '../match/word-tags.js';
import { isStopWord, normalizeWord, termOf, type Token } from '../match/analyzer.js';
import { weightedTerms, type WeightedTerm } from '../match/coverage.js';
import { analyse } from '../match/facts.js';
import { cueWords, hedges, isNegationWord, negations } from '../match/polarity.js';
import { PERCENT_AFTER_NUMBER, unitNeedsNumber, unitSpellings } from '../match/units.js';
import type { CorpusIndex } from '../index/store.js';
import type { PreparedClaim } from './assess.js';

/** A claim read once per check: its weighted words, facts and names, and whether it is negated or hedged. */
export function prepareClaim(claim: string, index: CorpusIndex): PreparedClaim {
  // A term the corpus never uses would otherwise outweigh all others together; cap it at the weight of the rarest seen term.
  const chunks = index.chunks.length;
  const cap = Math.log(1 + (chunks - 1 + 0.5) / 1.5);
  const all = weightedTerms(claim, (term) => Math.min(index.lexical.idf(term), cap));
  const hedgeCues = hedges(claim);
  const negationCues = negations(claim);
  const cues = new Set([...hedgeCues, ...negationCues].flatMap(cueWords));
  // Numbers are checked as facts, negation and hedging as polarity: neither counts as wording to cover.
  const words = all.filter((term) => !term.numeric && !cues.has(term.word) && !(PERCENT_WORDS.has(term.word) && PERCENT_AFTER_NUMBER.test(claim))).map((term) => withUnitSpellings(term, claim));
  return {
    analysed: analyse(claim, { isNameAtStart: (token) => isNameAtStart(token, index) }),
    terms: words.length > 0 ? words : all,
    negated: negationCues.length > 0,
    hedged: hedgeCues.length > 0,
    hedgeWords: hedgeCues.map((cue) => cue.text),
  };
}

/** "per cent" after a number is the number's unit, which evidence writes as "%": part of the value, no wording to cover. */
const PERCENT_WORDS: ReadonlySet<string> = new Set(['per', 'cent', 'percent', 'pct']);

/** A unit's other spellings count as the word itself ("hectares" for "ha", "mi" for "miles"); an ambiguous abbreviation only right after a number. */
function withUnitSpellings(term: WeightedTerm, claim: string): WeightedTerm {
  const spellings = unitSpellings(term.word).filter((spelling) => !unitNeedsNumber(spelling) || new RegExp(String.raw`\d\s*${term.word}\b`, 'iu').test(claim));
  if (spellings.length === 0) return term;
  return { ...term, aliases: [...new Set([...term.aliases, ...spellings.map((spelling) => termOf(normalizeWord(spelling)))])] };
}

/**
 * Whether the capitalised first word of a claim is a name ("China held…") rather than grammar
 * ("Since 2012…"): a word the corpus never uses, or one the English lexicon does not list as a common word.
 */
function isNameAtStart(token: Token, index: CorpusIndex): boolean {
  // "None of …", "Never …", "Nobody …" open a negated statement, not a name.
  if (isStopWord(token.word) || isNegationWord(token.text)) return false;
  return !index.lexical.has(token.term) || tagsOf(token.word) === undefined;
}
