import { firstTagOf } from './word-tags.js';
import type { Token } from './analyzer.js';
import { MONTHS, type AnalysedText, type Fact } from './facts.js';
import { perFact, vocabularies } from './fact-memo.js';
import { compareUnits } from './units.js';

/**
 * A fact's context, for fact-compare.ts: the content words around it, what a number counts, and how
 * alike two facts' surroundings are. Whether "10" supports or contradicts "90" is decided there; here
 * only whether the two are about the same thing ("countries" around both, not "organizations").
 */

/** Word similarity (0–1) of two words. */
export type Similarity = (a: string, b: string) => number;

/** How many content words on each side make a fact's context. */
const WINDOW = 4;
/** Taken off the context similarity of two numbers that count different things ("10 countries", "10 organizations"). */
const UNIT_MISMATCH = 0.6;
/** What two numbers count is the same only for near-synonyms ("nations" ~ "countries"), not for related words ("countries" ~ "organizations"). */
const UNIT_SOFT_FLOOR = 0.8;
/** The context similarity of two facts with nothing around them to compare. */
const NEUTRAL_CONTEXT = 0.5;
/** Below this a context word does not stand for another. */
const CONTEXT_SOFT_FLOOR = 0.75;

interface ContextWord {
  token: Token;
  weight: number;
  side: 'left' | 'right';
}

/**
 * The nearest content words on each side of a fact. For a number or a date, other values are not
 * context, they are what is compared; for a name they are its best anchor ("in Erfurt" and "in
 * Eisleben" after the same "10 November 1483" fill the same slot).
 */
const contextOf = perFact(function contextWords(text: AnalysedText, fact: Fact): ContextWord[] {
  const values = new Set(fact.kind === 'name' ? [] : text.facts.filter((other) => other.kind !== 'name').flatMap((other) => range(other.first, other.last)));
  const words: ContextWord[] = [];
  for (const [side, step, from] of [['left', -1, fact.first - 1], ['right', 1, fact.last + 1]] as const) {
    let rank = 0;
    for (let i = from; i >= 0 && i < text.tokens.length && rank < WINDOW; i += step) {
      // Context stays inside the phrase: a comma or a bracket ends it ("in India in March 2016, in Brazil in April 2018").
      const [a, b] = step < 0 ? [text.tokens[i]!, text.tokens[i + 1]!] : [text.tokens[i - 1]!, text.tokens[i]!];
      if (PHRASE_BREAK.test(text.text.slice(a.end, b.start))) break;
      if (values.has(i)) continue;
      rank++;
      words.push({ token: text.tokens[i]!, weight: 1 / rank, side });
    }
  }
  return words;
});

const PHRASE_BREAK = /[,;:()[\]]/;

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const tagOf = (token: Token) => firstTagOf(token.word);
const isNoun = (token: Token) => {
  const tag = tagOf(token);
  return tag ? tag.startsWith('NN') : /^\p{Ll}/u.test(token.text) && !/^\d/.test(token.word);
};

/**
 * What a number counts: the head of the noun phrase after it ("90 countries", "10 international and
 * regional organizations", "ten international peacekeeping events").
 */
export const unitOf = perFact(function countedNoun(text: AnalysedText, fact: Fact): Token | undefined {
  if (fact.kind !== 'number') return undefined;
  let head: Token | undefined;
  for (let i = fact.last + 1; i <= fact.last + 4 && i < text.tokens.length; i++) {
    const token = text.tokens[i]!;
    if (/^\d/.test(token.word) || /^\p{Lu}/u.test(token.text)) break;
    // A word left out between two tokens (a stop word: "10 countries on peacekeeping") ends the noun phrase.
    if (head && /\p{L}/u.test(text.text.slice(text.tokens[i - 1]!.end, token.start))) break;
    if (isNoun(token)) head = token;
    else if (head || !tagOf(token)?.startsWith('JJ')) break;
  }
  return head;
});

const MONTH_NAMES: ReadonlySet<string> = new Set(MONTHS);
/** A lower-case word that is not a month (ASCII answered without the Unicode regular expression: it runs for every word compared). */
const isPlainWord = (token: Token) => {
  const code = token.text.charCodeAt(0);
  const lowerCase = code >= 97 && code <= 122 ? true : code < 128 ? false : /^\p{Ll}/u.test(token.text);
  return lowerCase && !MONTH_NAMES.has(token.word);
};
const vocabularyOf = vocabularies(isPlainWord);

function wordMatch(a: Token, b: Token, similarity: Similarity, floor = CONTEXT_SOFT_FLOOR): number {
  if (a.term === b.term || a.word === b.word) return 1;
  // Two spellings of a unit are one word ("mi", "miles"); two units are never near-synonyms ("miles", "kilometres").
  const units = compareUnits(a.word, b.word);
  if (units !== undefined) return units === 'same' ? 1 : 0;
  // Values are never similar to one another: "February" does not stand for "May", nor "China" for "Vietnam".
  if (!isPlainWord(a) || !isPlainWord(b)) return 0;
  const soft = similarity(a.word, b.word);
  return soft >= floor ? soft : 0;
}

/** Whether `evidence.tokens.some((other) => wordMatch(token, other, similarity) > 0)`, from the evidence's vocabulary. */
function matchesSomeWord(token: Token, evidence: AnalysedText, similarity: Similarity): boolean {
  const { terms, words, plainWords } = vocabularyOf(evidence);
  if (terms.has(token.term) || words.has(token.word)) return true;
  return isPlainWord(token) && plainWords.some((word) => similarity(token.word, word) >= CONTEXT_SOFT_FLOOR);
}

/** How alike the surroundings of a claim fact and an evidence fact are (0–1; below 0 when they count different things). */
export function contextSimilarity(claim: AnalysedText, claimFact: Fact, evidence: AnalysedText, evidenceFact: Fact, similarity: Similarity): number {
  const claimUnit = unitOf(claim, claimFact);
  const evidenceUnit = unitOf(evidence, evidenceFact);
  const unitPenalty = claimUnit && evidenceUnit && wordMatch(claimUnit, evidenceUnit, similarity, UNIT_SOFT_FLOOR) === 0 ? UNIT_MISMATCH : 0;
  const theirs = contextOf(evidence, evidenceFact);
  // Only the sides where the evidence has words can agree or differ (a value that ends the sentence has no
  // right-hand context), and only words the evidence uses somewhere: a paraphrase's own wording ("took place") says nothing.
  const sides = new Set(theirs.map((word) => word.side));
  const anchors = contextOf(claim, claimFact).filter((word) => sides.has(word.side) && matchesSomeWord(word.token, evidence, similarity));
  const total = anchors.reduce((sum, word) => sum + word.weight, 0);
  if (total === 0) return NEUTRAL_CONTEXT - unitPenalty;
  let shared = 0;
  // A context word counts as much as it is near both facts: "held" right before one "UK" is not context of the other.
  for (const word of anchors) shared += Math.max(0, ...theirs.map((other) => Math.min(word.weight, other.weight) * wordMatch(word.token, other.token, similarity)));
  return shared / total - unitPenalty;
}

/** Whether a word right next to the claim's name matches one right next to the evidence's ("China and Nepal signed" ~ "China and Pakistan signed"). */
export function sameSlot(claim: AnalysedText, claimFact: Fact, evidence: AnalysedText, evidenceFact: Fact, similarity: Similarity): boolean {
  const neighbours = (text: AnalysedText, fact: Fact) => [text.tokens[fact.first - 1], text.tokens[fact.last + 1]].filter((token): token is Token => token !== undefined);
  const theirs = neighbours(evidence, evidenceFact);
  return neighbours(claim, claimFact).some((token) => theirs.some((other) => wordMatch(token, other, similarity) > 0));
}

/** A number next to a month ("15 June", "June 15") is the day of a date, never a count. */
export function isDayOfMonth(text: AnalysedText, fact: Fact): boolean {
  return fact.kind === 'number' && text.facts.some((other) => other.kind === 'month' && (other.last === fact.first - 1 || other.first === fact.last + 1));
}

/** Whether two numbers count the same thing (near-synonyms only: "nations" ~ "countries"); undefined when either counts nothing named. */
export function sameCountedThing(claim: AnalysedText, claimFact: Fact, evidence: AnalysedText, evidenceFact: Fact, similarity: Similarity): boolean | undefined {
  const [a, b] = [unitOf(claim, claimFact), unitOf(evidence, evidenceFact)];
  return a && b ? wordMatch(a, b, similarity, UNIT_SOFT_FLOOR) > 0 : undefined;
}
