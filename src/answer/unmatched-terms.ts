import { antonymsOf, wordsOf, type WordAt } from '../match/antonyms.js';
import { coverageDetail, isSaidIn, type WeightedTerm } from '../match/coverage.js';
import { rankedSuperlatives, superlativesOf, type RankedSuperlative } from '../match/superlatives.js';
import type { AnalysedText, Fact } from '../match/facts.js';
import type { TermSimilarity } from '../match/term-similarity.js';
import { askedValue, statesAskedValue, type AskedValue } from './asked-value.js';
import { wantedType } from './short-answer.js';

/**
 * What a candidate leaves of the question unsaid, as inputs of the decline model (decline.ts), not as
 * rules: which question words the quoted evidence itself does not match, which of those only its context
 * (title, headings, lead, sentences before, paragraph) names — context vouches less than the sentence
 * does ("Toyota" named in the paragraph, the sentence on Holden and Ford) — how rare the rarest of them is,
 * and whether the evidence has something of the same kind in its place (another name, number or year; an
 * opposite word: "oldest" for "youngest"), and whether it lacks the value the question asks for (asked-value.ts; a rule,
 * lacksAskedValue in decline.ts) or states its superlative at another rank (a rule, declinedByRule).
 */

/** A word of the question counts as said by the evidence when it matches at least this well (1 exact, else a cosine). */
const SAID = 0.5;

export interface UnmatchedTerms {
  /** IDF-weighted share of the question's terms the evidence does not say. */
  unsaid: number;
  /** The share of them that the context names (exactly): vouched for, not stated. */
  vouched: number;
  /** The weight of the rarest term the evidence does not say, relative to the question's rarest term (0–1). */
  rarestUnsaid: number;
  /** The same for terms neither the evidence nor its context names. */
  rarestUnnamed: number;
  /** The weight of the rarest term the evidence matches only by a similar word, relative to the question's rarest (a rare word "matched" by a neighbour is often its sibling). */
  rarestSoft: number;
  /** 1 when a word of a question name is matched only by a similar word ("Toyota" by "Holden", "Cook" by "Karp"): another name of the same kind. */
  softName: number;
  /** 1 when a question name, number or year the evidence does not state has one of the same kind in the evidence that the question lacks. */
  otherOfKind: number;
  /** 1 when a word of the question the evidence lacks has its opposite there ("youngest" / "oldest", "first" / "last"). */
  opposite: number;
  /**
   * 1 when a question name is matched only by a similar word (softName) and the evidence has another name of the kind in
   * its place (otherOfKind), for a question that does not ask for a name: "Which year saw Cambodia's defense minister sign
   * …?" against "the defense ministers of China and Vietnam signed …" ("Vietnam" ~ "Cambodia" 0.74). A question asking
   * "Which company …?" expects another name: the answer.
   */
  anotherName: number;
  /** 1 when the question asks for a year, month, count or length of time and the evidence states none (asked-value.ts). */
  valueUnsaid: number;
  /**
   * 1 when the evidence states a superlative of the question only at another rank (superlatives.ts): "Which airport is the
   * third busiest …?" against "… the second-busiest airport in the United States by passenger volume". The rank is the
   * question's point, yet word matching sees every word ("third" is there too, of another volume). A rule (declinedByRule).
   */
  otherRank: number;
}

/** A candidate that leaves nothing of the question unsaid (and the default where terms are not checked). */
export const NONE_UNMATCHED: UnmatchedTerms = { unsaid: 0, vouched: 0, rarestUnsaid: 0, rarestUnnamed: 0, rarestSoft: 0, softName: 0, otherOfKind: 0, opposite: 0, anotherName: 0, valueUnsaid: 0, otherRank: 0 };

/** What the rules read from the question alone, once per question rather than once per candidate sentence. */
interface QuestionReading {
  nameWords: ReadonlySet<string>;
  asked: AskedValue | undefined;
  asksName: boolean;
  /** Its words, stop words too (for opposites), and its content terms and fact values (for another of the kind). */
  words: readonly WordAt[];
  terms: ReadonlySet<string>;
  values: ReadonlySet<string>;
  superlatives: readonly RankedSuperlative[];
}

const readings = new WeakMap<AnalysedText, QuestionReading>();

function readingOf(question: AnalysedText): QuestionReading {
  let reading = readings.get(question);
  if (!reading) {
    reading = {
      nameWords: new Set(question.facts.filter((fact) => fact.kind === 'name').flatMap((fact) => fact.words.map((word) => word.term))),
      asked: askedValue(question.text),
      asksName: ['name', 'person', 'place'].includes(wantedType(question.text) ?? ''),
      words: wordsOf(question.text),
      terms: new Set(question.tokens.map((token) => token.term)),
      values: new Set(question.facts.map((fact) => fact.value)),
      superlatives: superlativesOf(question.text),
    };
    readings.set(question, reading);
  }
  return reading;
}

export function unmatchedTerms(
  terms: readonly WeightedTerm[],
  question: AnalysedText,
  evidence: AnalysedText,
  context: readonly AnalysedText[],
  stated: readonly Fact[],
  similarity: TermSimilarity,
): UnmatchedTerms {
  const total = terms.reduce((sum, term) => sum + term.weight, 0);
  if (total === 0) return NONE_UNMATCHED;
  const heaviest = Math.max(...terms.map((term) => term.weight));
  const matches = coverageDetail(terms, evidence.tokens, similarity).matches;
  const named = new Set(context.flatMap((text) => text.tokens.map((token) => token.term)));
  const unsaid = matches.filter((m) => m.match < SAID).map((m) => m.term);
  const vouched = unsaid.filter((term) => isSaidIn(term, named));
  const unnamed = unsaid.filter((term) => !vouched.includes(term));
  const soft = matches.filter((m) => m.match >= SAID && m.match < 1).map((m) => m.term);
  const reading = readingOf(question);
  const weightOf = (list: readonly WeightedTerm[]) => list.reduce((sum, term) => sum + term.weight, 0);
  const rarest = (list: readonly WeightedTerm[]) => (list.length === 0 ? 0 : Math.max(...list.map((term) => term.weight)) / heaviest);
  const softName = soft.some((term) => reading.nameWords.has(term.term));
  const other = otherOfKind(question, reading, evidence, stated);
  return {
    unsaid: weightOf(unsaid) / total,
    vouched: weightOf(vouched) / total,
    rarestUnsaid: rarest(unsaid),
    rarestUnnamed: rarest(unnamed),
    rarestSoft: rarest(soft),
    softName: softName ? 1 : 0,
    otherOfKind: other ? 1 : 0,
    anotherName: softName && other && !reading.asksName ? 1 : 0,
    opposite: hasOpposite(reading.words, evidence.text) ? 1 : 0,
    valueUnsaid: reading.asked !== undefined && !statesAskedValue(reading.asked, question, evidence, similarity) ? 1 : 0,
    otherRank: rankedSuperlatives(question.text, evidence.text, reading.superlatives).length > 0 ? 1 : 0,
  };
}

const KIND_OF: Partial<Record<Fact['kind'], string>> = { name: 'name', number: 'number', year: 'number' };

/** A question fact the evidence does not state, and a fact of the same kind in the evidence that the question does not have. */
function otherOfKind(question: AnalysedText, { terms, values }: QuestionReading, evidence: AnalysedText, stated: readonly Fact[]): boolean {
  const kinds = new Set(question.facts.filter((fact) => !stated.includes(fact) && KIND_OF[fact.kind]).map((fact) => KIND_OF[fact.kind]));
  if (kinds.size === 0) return false;
  return evidence.facts.some((fact) => {
    const kind = KIND_OF[fact.kind];
    if (!kind || !kinds.has(kind)) return false;
    return kind === 'name' ? fact.words.every((word) => !terms.has(word.term)) : !values.has(fact.value);
  });
}

/** A word of the question (stop words too: "most", "before") absent from the evidence whose WordNet opposite the evidence has. */
function hasOpposite(question: readonly WordAt[], evidence: string): boolean {
  const said = new Set(wordsOf(evidence).map((word) => word.term));
  return question.some((word) => !said.has(word.term) && [...antonymsOf(word.term)].some((opposite) => said.has(opposite)));
}
