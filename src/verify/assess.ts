import type { Token } from '../match/analyzer.js';
import { antonymPairs, wordsOf, type AntonymPair } from '../match/antonyms.js';
import { coverageDetail, type WeightedTerm } from '../match/coverage.js';
import { compareFacts, type FactComparison } from '../match/fact-compare.js';
import type { AnalysedText, Fact } from '../match/facts.js';
import type { NameMatcher } from '../match/names.js';
import { clauseEnd, hedges, isNegationWord, negatedTerms, negations, termsInScopeOf, termsNegatedBy, type Cue } from '../match/polarity.js';
import { mirroredParties } from '../match/mirrored-roles.js';
import { roleSwap, SAME_VERB, type RoleSwap } from '../match/roles.js';
import { rankedSuperlatives } from '../match/superlatives.js';
import { reversedRanges } from '../match/reversed-range.js';
import { misplacedValues, valuesInTheirSlot } from '../match/value-slots.js';
import { withVersionLabelsStated } from '../match/version-labels.js';
import { isVerb } from './clauses.js';
import { replacedNouns } from './replaced-nouns.js';
import type { TermSimilarity } from '../match/term-similarity.js';

/**
 * How one piece of evidence bears on a claim: how much of the claim's wording it covers, which of
 * the claim's facts it states (in their own context), states differently or lacks, and whether it
 * says the opposite (negation) or less (hedging).
 */

export interface PreparedClaim {
  analysed: AnalysedText;
  /** Content terms, numbers excluded (they are checked as facts). */
  terms: WeightedTerm[];
  negated: boolean;
  hedged: boolean;
  hedgeWords: string[];
}

export interface Assessment {
  /** IDF-weighted share of the claim's words the evidence covers, words of changed facts left out. */
  coverage: number;
  /** The same, counting only the words the evidence states as they are (no near-synonyms). */
  exactCoverage: number;
  facts: FactComparison;
  /** How many of the claim's missing numbers, years and months the evidence has a value of the same kind for, not the claim's: a changed value out of its slot ("added in Python 3.7" against "Added in version 3.9"). */
  rivalValues: number;
  /** The evidence says the opposite: "not" on one side only, or a word against its antonym ("included" / "excluded"), not both. */
  negationMismatch: boolean;
  /** The claim's words the evidence states the opposite of, with the evidence's words. */
  antonyms: AntonymPair[];
  /** The claim's nouns the evidence replaces by another kind of the same thing ("cholera" / "typhoid"), with the evidence's nouns. */
  replaced: AntonymPair[];
  /** Two parties of the claim the evidence puts the other way round ("A acquired B" against "B acquired A"). */
  roleSwap: RoleSwap | undefined;
  /** The evidence itself states the opposite of the claim's words (negates one, or has its antonym or swapped roles), rather than only lacking the claim's "not". */
  statesOpposite: boolean;
  /** Only one of the two hedges ("reportedly", "rumoured"). */
  hedgeMismatch: boolean;
  /** Share of the claim's weight in the words of values the evidence states differently. */
  conflictShare: number;
  /** Share of the claim's weight in its largest run of unmatched words. */
  largestGap: number;
  /** The claim has verbs of its own and the evidence states none of them, not even loosely (`WEAK_MATCH`) or as their opposite. */
  verbMissing: boolean;
  /** The parts of the claim the evidence does not state, as written in the claim. */
  missing: string[];
}

export interface AssessContext {
  similarity: TermSimilarity;
  names: NameMatcher;
  /** The document's title and headings: names there count as found. */
  context: readonly AnalysedText[];
  /** Tokens of the title, added to the evidence's words. */
  contextTokens: readonly Token[];
}

/** A word matched less closely than this is a part of the claim the evidence does not state. */
const WEAK_MATCH = 0.65;
/** How far before the first of the claim's words in the evidence a negation or hedge still bears on them ("No tilde expansion"). */
const CUE_REACH = 30;

const belongsTo = (term: WeightedTerm, facts: readonly Fact[]) => facts.some((fact) => fact.words.some((word) => word.term === term.term));

export function assess(claim: PreparedClaim, evidence: AnalysedText, ctx: AssessContext): Assessment {
  const compared = compareFacts(claim.analysed, evidence, { names: ctx.names, similarity: (a, b) => ctx.similarity.similarity(a, b), context: ctx.context });
  const facts = withChangedValues(claim.analysed, evidence, withVersionLabelsStated(claim.analysed, evidence, compared));
  const { matches } = coverageDetail(claim.terms, [...evidence.tokens, ...ctx.contextTokens], ctx.similarity);
  const matchedTokens = evidence.tokens.filter((token) => matches.some(({ term, match }) => match >= 1 && term.term === token.term));
  // The part of the evidence that states the claim: polarity cues elsewhere in it are about something else.
  const from = Math.max(0, Math.min(...matchedTokens.map((token) => token.start)) - CUE_REACH);
  const to = Math.max(...matchedTokens.map((token) => token.end));
  const stated = matchedTokens.length > 0 ? { from, to } : undefined;
  // A negation word against its opposite ("None of the functions" / "all functions") is the negation itself, read as polarity.
  // A superlative stated only at another rank ("most populous" / "second-most populous") is an opposite too, and so is a direction reversed ("from right to left").
  const antonyms = stated
    ? [...antonymPairs(claim.analysed.text, evidence.text, { from, to: to + CUE_REACH }).filter((pair) => !isNegationWord(pair.claim.text) && !isNegationWord(pair.evidence.text)), ...rankedSuperlatives(claim.analysed.text, evidence.text), ...reversedRanges(claim.analysed.text, evidence.text)]
    : [];
  const replaced = stated ? replacedNouns(claim.analysed, evidence, ctx.context, ctx.similarity) : [];
  const opposed = new Set([...antonyms, ...replaced].map((pair) => pair.claim.term));
  // Only the words that differ are the changed value: "Pope" is shared by "Pope Julius II" and "Pope Leo X".
  const conflicted = facts.conflicts.map(({ claim: own, evidence: theirs }) => ({ ...own, words: own.words.filter((word) => !theirs.words.some((other) => other.term === word.term)) }));
  const supportedFacts = facts.supported;
  let covered = 0;
  let exact = 0;
  let total = 0;
  let conflictWeight = 0;
  for (const { term, match } of matches) {
    if (belongsTo(term, conflicted) || opposed.has(term.term)) {
      conflictWeight += term.weight;
      continue;
    }
    total += term.weight;
    covered += term.weight * (belongsTo(term, supportedFacts) ? 1 : match);
    if (match >= 1 || belongsTo(term, supportedFacts)) exact += term.weight;
  }
  const coverage = total === 0 ? 0 : covered / total;
  const unmatched = new Set(matches.filter(({ term, match }) => match < WEAK_MATCH && !belongsTo(term, supportedFacts) && !belongsTo(term, conflicted) && !opposed.has(term.term)).map(({ term }) => term.term));
  const { gaps, largest } = unmatchedRuns(claim, unmatched, facts.missing);
  const evidenceHedged = stated !== undefined && hedges(evidence.text, from, to).length > 0;
  const missing = [...new Set([...gaps, ...(claim.hedged && !evidenceHedged ? claim.hedgeWords : [])])];
  const sameWord = (a: Token, b: Token) => a.term === b.term || (/^\p{Ll}/u.test(a.text) && /^\p{Ll}/u.test(b.text) && ctx.similarity.similarity(a.word, b.word) >= SAME_VERB);
  // A negation bears on the claim only when some of the claim's words follow it in its own clause.
  const bearsOnClaim = (cue: Cue) => {
    const end = clauseEnd(evidence.text, cue.end);
    return matchedTokens.some((token) => token.start >= cue.end && token.start < end);
  };
  const evidenceCues = stated ? negations(evidence.text, stated.from, stated.to).filter(bearsOnClaim) : [];
  const polarity = comparePolarity(claim, evidence, stated, evidenceCues);
  const swapped = roleSwap(claim.analysed, evidence, { names: ctx.names, sameWord }) ?? mirroredParties(claim.analysed, evidence, { names: ctx.names, sameWord });
  // Each antonym opposes a predicate of its own ("larger and slower" against "smaller and faster" is
  // two contradictions, not a double negation); only a "not" on the antonym itself turns it back
  // ("not included" = "excluded"). A "not" on another word ("Private schools … may not use" against
  // "used … in public schools") is a second opposite, not a cancelling one.
  const opposedWord = antonyms.length > 0;
  const negationOnAntonym = antonyms.some((pair) => polarity.claimNegated.has(pair.claim.term) || polarity.evidenceNegated.has(pair.evidence.term));
  return {
    coverage,
    exactCoverage: total === 0 ? 0 : exact / total,
    facts,
    rivalValues: rivalValues(claim.analysed, evidence, facts),
    negationMismatch: negationOnAntonym ? polarity.mismatch !== opposedWord : polarity.mismatch || opposedWord,
    antonyms,
    replaced,
    roleSwap: swapped,
    statesOpposite: (polarity.evidenceNegates && !opposedWord) || opposedWord || swapped !== undefined,
    hedgeMismatch: claim.hedged !== evidenceHedged,
    conflictShare: conflictWeight / Math.max(1e-9, total + conflictWeight),
    largestGap: total === 0 ? 0 : largest / claim.terms.reduce((sum, term) => sum + term.weight, 0),
    verbMissing: verbsMissing(claim, unmatched),
    missing,
  };
}

/**
 * Whether one side says "not" (`evidenceCues`: the evidence's negations that bear on the claim's words) where the other does not, and whether it is the evidence that
 * negates a word the claim states. A word both state is compared by itself ("are called" against
 * "are not called", whatever else either negates): negated when it stands in a negation's clause, not only as the first
 * word after it; a negated word only one side has (a paraphrase) falls back on whether the other side negates anything
 * there at all.
 */
function comparePolarity(
  claim: PreparedClaim,
  evidence: AnalysedText,
  stated: { from: number; to: number } | undefined,
  evidenceCues: readonly Cue[],
): { mismatch: boolean; evidenceNegates: boolean; claimNegated: ReadonlySet<string>; evidenceNegated: ReadonlySet<string> } {
  const evidenceNegated = evidenceCues.length > 0;
  const claimNegatedTerms = negatedTerms(claim.analysed.text);
  const evidenceNegatedTerms = termsNegatedBy(evidence.text, evidenceCues);
  // Every word, "called" and "done" too: a negation bears on them as much as on content words.
  const claimTerms = new Set(wordsOf(claim.analysed.text).map((word) => word.term));
  const evidenceTerms = new Set(wordsOf(evidence.text).filter((word) => !stated || (word.start >= stated.from && word.end <= stated.to)).map((word) => word.term));
  // A word one side negates agrees with the other side when it stands there in a negation's clause too ("cannot be queried"
  // against "cannot be successfully queried", "need no valves" against "does not require valves").
  const claimScope = termsInScopeOf(claim.analysed.text, negations(claim.analysed.text));
  const evidenceScope = termsInScopeOf(evidence.text, evidenceCues);
  const evidenceNegates = [...evidenceNegatedTerms].some((term) => claimTerms.has(term) && !claimScope.has(term));
  const mismatch =
    evidenceNegates ||
    [...claimNegatedTerms].some((term) => (evidenceTerms.has(term) ? !evidenceScope.has(term) : !evidenceNegated)) ||
    [...evidenceNegatedTerms].some((term) => !claimTerms.has(term) && !claim.negated) ||
    // Cues that bear on no content word ("nothing" at the end) count on one side only.
    (claimNegatedTerms.size === 0 && evidenceNegatedTerms.size === 0 && claim.negated !== evidenceNegated);
  return { mismatch, evidenceNegates, claimNegated: claimNegatedTerms, evidenceNegated: evidenceNegatedTerms };
}

/**
 * A value found in the evidence but in another value's slot, and one the evidence replaces in its own slot, are
 * changed values, not supported or missing ones (see match/value-slots.ts).
 */
function withChangedValues(claim: AnalysedText, evidence: AnalysedText, facts: FactComparison): FactComparison {
  const misplaced = misplacedValues(claim, evidence, facts.supported);
  const replaced = valuesInTheirSlot(claim, evidence, { supported: facts.supported.filter((fact) => !misplaced.some((conflict) => conflict.claim === fact)), missing: facts.missing });
  const changed = [...misplaced, ...replaced];
  if (changed.length === 0) return facts;
  const isChanged = (fact: Fact) => changed.some((conflict) => conflict.claim === fact);
  return { supported: facts.supported.filter((fact) => !isChanged(fact)), conflicts: [...facts.conflicts, ...changed], missing: facts.missing.filter((fact) => !isChanged(fact)) };
}

function rivalValues(claim: AnalysedText, evidence: AnalysedText, facts: FactComparison): number {
  const claimed = new Set(claim.facts.map((fact) => fact.value));
  const rivals = evidence.facts.filter((fact) => fact.kind !== 'name' && !claimed.has(fact.value));
  return facts.missing.filter((fact) => fact.kind !== 'name' && rivals.some((rival) => rival.kind === fact.kind)).length;
}

/** Whether the claim has content words the lexicon lists first as verbs ("invented", "banned") and every one of them is unmatched. */
function verbsMissing(claim: PreparedClaim, unmatched: ReadonlySet<string>): boolean {
  const content = new Set(claim.terms.map((term) => term.term));
  const verbs = claim.analysed.tokens.filter((token) => content.has(token.term) && isVerb(token.text));
  return verbs.length > 0 && verbs.every((verb) => unmatched.has(verb.term));
}

/** Runs of the claim's unmatched words (stop words between them kept), with missing facts, as written in the claim. */
function unmatchedRuns(claim: PreparedClaim, unmatched: ReadonlySet<string>, missingFacts: readonly Fact[]): { gaps: string[]; largest: number } {
  const { text, tokens } = claim.analysed;
  const weight = new Map(claim.terms.map((term) => [term.term, term.weight]));
  const missingAt = (i: number) => missingFacts.some((fact) => i >= fact.first && i <= fact.last);
  const gaps: string[] = [];
  let largest = 0;
  let run: Token[] = [];
  let runWeight = 0;
  const close = () => {
    if (run.length) gaps.push(text.slice(run[0]!.start, run.at(-1)!.end));
    largest = Math.max(largest, runWeight);
    run = [];
    runWeight = 0;
  };
  tokens.forEach((token, i) => {
    if (unmatched.has(token.term) || missingAt(i)) {
      run.push(token);
      runWeight += weight.get(token.term) ?? 0;
    } else close();
  });
  close();
  return { gaps, largest };
}
