import lexicon from 'wink-lexicon/src/lexicon.js';
import type { Token } from './analyzer.js';
import { opposedBounds } from './bounds.js';
import { comparePlace, placeRelation } from './places.js';
import { comparable as sameKind, MONTHS, type AnalysedText, type Fact } from './facts.js';
import type { NameMatcher } from './names.js';
import { perFact, perPair, vocabularies } from './fact-memo.js';
import { compareUnits } from './units.js';

/**
 * Compares the facts of a claim (or a question) with those of a piece of evidence, each in its own
 * context: a claim's number is supported by the same number about the same thing ("90 countries"),
 * contradicted by a different number about the same thing ("10 countries" against "90 countries"),
 * and merely missing when the evidence says nothing about it.
 */

export interface FactConflict {
  claim: Fact;
  evidence: Fact;
}

export interface FactComparison {
  supported: Fact[];
  conflicts: FactConflict[];
  missing: Fact[];
}

export interface CompareOptions {
  names: NameMatcher;
  /** Word similarity (0–1) for context words that differ ("nations" ~ "countries"). */
  similarity: (a: string, b: string) => number;
  /** Where a name may also be found: the document's title and headings. */
  context?: readonly AnalysedText[];
}

/** How many content words on each side make a fact's context. */
const WINDOW = 4;
/** A different value counts as a conflict only when its context is at least this close to the claim's. */
export const CONFLICT_CONTEXT = 0.45;
/** The same value supports when its context is not clearly worse than a different value's. */
const SAME_MARGIN = 0.15;
/** Names are contradicted only by a rival whose context is this close and that fills the same slot. */
const NAME_CONFLICT_CONTEXT = 0.6;
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

const tagOf = (token: Token) => lexicon[token.word]?.[0];
const isNoun = (token: Token) => {
  const tag = tagOf(token);
  return tag ? tag.startsWith('NN') : /^\p{Ll}/u.test(token.text) && !/^\d/.test(token.word);
};

/**
 * What a number counts: the head of the noun phrase after it ("90 countries", "10 international and
 * regional organizations", "ten international peacekeeping events").
 */
const unitOf = perFact(function countedNoun(text: AnalysedText, fact: Fact): Token | undefined {
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

function wordMatch(a: Token, b: Token, similarity: CompareOptions['similarity'], floor = CONTEXT_SOFT_FLOOR): number {
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
function matchesSomeWord(token: Token, evidence: AnalysedText, similarity: CompareOptions['similarity']): boolean {
  const { terms, words, plainWords } = vocabularyOf(evidence);
  if (terms.has(token.term) || words.has(token.word)) return true;
  return isPlainWord(token) && plainWords.some((word) => similarity(token.word, word) >= CONTEXT_SOFT_FLOOR);
}

/** How alike the surroundings of a claim fact and an evidence fact are (0–1; below 0 when they count different things). */
function contextSimilarity(claim: AnalysedText, claimFact: Fact, evidence: AnalysedText, evidenceFact: Fact, similarity: CompareOptions['similarity']): number {
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
function sameSlot(claim: AnalysedText, claimFact: Fact, evidence: AnalysedText, evidenceFact: Fact, similarity: CompareOptions['similarity']): boolean {
  const neighbours = (text: AnalysedText, fact: Fact) => [text.tokens[fact.first - 1], text.tokens[fact.last + 1]].filter((token): token is Token => token !== undefined);
  const theirs = neighbours(evidence, evidenceFact);
  return neighbours(claim, claimFact).some((token) => theirs.some((other) => wordMatch(token, other, similarity) > 0));
}

/** A number next to a month ("15 June", "June 15") is the day of a date, never a count. */
function isDayOfMonth(text: AnalysedText, fact: Fact): boolean {
  return fact.kind === 'number' && text.facts.some((other) => other.kind === 'month' && (other.last === fact.first - 1 || other.first === fact.last + 1));
}

export function compareFacts(claim: AnalysedText, evidence: AnalysedText, options: CompareOptions): FactComparison {
  const { names, similarity } = options;
  // Days are compared with days and counts with counts: "sixty days" is not contradicted by "15 June".
  const comparable = (a: Fact, b: Fact) => sameKind(a, b) && isDayOfMonth(claim, a) === isDayOfMonth(evidence, b);
  const same = perPair((a: Fact, b: Fact) => comparable(a, b) && (a.kind === 'name' ? names.same(a, b) : a.value === b.value));
  const context = perPair((fact: Fact, candidate: Fact) => contextSimilarity(claim, fact, evidence, candidate, similarity));
  const unitMatch = (fact: Fact, candidate: Fact) => {
    const [a, b] = [unitOf(claim, fact), unitOf(evidence, candidate)];
    return a && b ? wordMatch(a, b, similarity, UNIT_SOFT_FLOOR) > 0 : undefined;
  };
  const unitsDiffer = (fact: Fact, candidate: Fact) => unitMatch(fact, candidate) === false;
  const unitsAgree = (fact: Fact, candidate: Fact) => unitMatch(fact, candidate) === true;
  const measuredAlike = (fact: Fact, candidate: Fact) => compareUnits(unitOf(claim, fact)?.word ?? '', unitOf(evidence, candidate)?.word ?? '') === 'same';
  // Each claim fact takes the evidence fact of the same value that sits in the closest context; that one is nobody's rival.
  const taken = new Map<Fact, Fact>();
  for (const fact of claim.facts) {
    const own = evidence.facts.filter((candidate) => same(fact, candidate)).sort((a, b) => context(fact, b) - context(fact, a))[0];
    if (own) taken.set(fact, own);
  }
  const result: FactComparison = { supported: [], conflicts: [], missing: [] };
  for (const fact of claim.facts) {
    const takenByOthers = new Set([...taken].filter(([other]) => other !== fact && !same(fact, taken.get(other)!)).map(([, candidate]) => candidate));
    const candidates = evidence.facts.filter((candidate) => comparable(fact, candidate) && !takenByOthers.has(candidate));
    const scored = candidates.map((candidate) => ({ candidate, context: context(fact, candidate) }));
    const sameScores = scored.filter(({ candidate }) => same(fact, candidate)).map(({ context }) => context);
    const rivals = scored.filter(({ candidate }) => !same(fact, candidate)).sort((a, b) => b.context - a.context);
    // A value the evidence already set against another of the claim's ("five or six" against "three or four") is not the next one's rival when another is there.
    const rival = rivals.find(({ candidate }) => !result.conflicts.some((conflict) => conflict.evidence === candidate)) ?? rivals[0];
    const sameBest = sameScores.length ? Math.max(...sameScores) : undefined;
    if (fact.kind === 'name') {
      // Names rarely repeat with another meaning: found anywhere (or in the title and headings) is enough.
      if (sameBest !== undefined || names.found(fact, claim.text, evidence) || options.context?.some((text) => names.found(fact, claim.text, text))) {
        result.supported.push(fact);
        continue;
      }
      // A name the claim states elsewhere ("Luther" again) is a rival only when no other name fills the slot.
      const statesAnother = (candidate: Fact) => claim.facts.some((other) => other !== fact && same(other, candidate));
      // A place is supported by one inside it and contradicted by another in the same slot; one containing it is no rival.
      const place = comparePlace(claim, fact, evidence);
      const placeRival = place?.kind === 'conflict' && !statesAnother(place.evidence) ? place.evidence : undefined;
      if (place?.kind === 'supported' || placeRival) {
        if (placeRival) result.conflicts.push({ claim: fact, evidence: placeRival });
        else result.supported.push(fact);
        continue;
      }
      const nested = (candidate: Fact) => placeRelation(fact.text, candidate.text) === 'inside';
      const slotRivals = rivals.filter(({ candidate, context }) => context >= NAME_CONFLICT_CONTEXT && !nested(candidate) && sameSlot(claim, fact, evidence, candidate, similarity));
      const nameRival = slotRivals.find(({ candidate }) => !statesAnother(candidate)) ?? slotRivals[0];
      if (nameRival) result.conflicts.push({ claim: fact, evidence: nameRival.candidate });
      else result.missing.push(fact);
      continue;
    }
    // A number counts something: the same value counting another thing ("10 organizations" for
    // "10 countries") does not support it, and another value counting the same thing contradicts it.
    const counted = scored.filter(({ candidate }) => same(fact, candidate) && !unitsDiffer(fact, candidate)).map(({ context }) => context);
    const sameCount = counted.length ? Math.max(...counted) : undefined;
    const countRival = rivals.find(({ candidate, context }) => context >= 0 && unitsAgree(fact, candidate));
    // The same measure in the same unit ("37 miles", "(37 mi)") is the claim's, wherever the evidence puts it.
    const sameMeasure = scored.some(({ candidate }) => same(fact, candidate) && measuredAlike(fact, candidate));
    if (sameMeasure) {
      result.supported.push(fact);
      continue;
    }
    if (sameScores.length > 0 && sameCount === undefined && countRival) {
      result.conflicts.push({ claim: fact, evidence: countRival.candidate });
      continue;
    }
    // The same number bounded from the other side ("fewer than ten" against "over ten") is another quantity.
    const sameBestFact = scored.filter(({ candidate }) => same(fact, candidate)).sort((a, b) => b.context - a.context)[0]?.candidate;
    const opposed = sameBestFact && opposedBounds(claim, fact, evidence, sameBestFact);
    if (opposed) {
      result.conflicts.push(opposed);
      continue;
    }
    const inContext = options.context?.some((text) => text.facts.some((other) => same(fact, other))) ?? false;
    if ((sameBest !== undefined && (!rival || sameBest >= rival.context - SAME_MARGIN)) || (inContext && (!rival || rival.context < CONFLICT_CONTEXT))) {
      result.supported.push(fact);
      continue;
    }
    // The only date (or count) of the claim against the only one of the evidence: the statement's own, whatever the wording around it.
    const onlyOnes = sameBest === undefined && rivals.length === 1 && claim.facts.filter((other) => other.kind === fact.kind).length === 1 && rival!.context >= 0;
    if (rival && (rival.context >= CONFLICT_CONTEXT || onlyOnes)) result.conflicts.push({ claim: fact, evidence: rival.candidate });
    else if (sameBest !== undefined && sameBest > 0) result.supported.push(fact);
    else result.missing.push(fact);
  }
  return result;
}
