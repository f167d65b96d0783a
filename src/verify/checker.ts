import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { nameMatcher, type NameMatcher } from '../match/names.js';
import { SentenceIndex, type TokenizedSentence } from '../match/sentences.js';
import type { AnalysedText } from '../match/facts.js';
import { SpanSentences } from '../match/span-sentences.js';
import type { TermSimilarity } from '../match/term-similarity.js';
import type { CorpusIndex } from '../index/store.js';
import { locate } from '../ingest/location.js';
import type { Passage } from '../retrieve/types.js';
import { assess, type Assessment, type PreparedClaim } from './assess.js';
import { ownBest, readByClause, rememberedParts } from './by-clause.js';
import type { Clause } from './clauses.js';
import { CheckedClaims } from './checked-claims.js';
import { conflictsOf } from './conflicts.js';
import { readCore } from './core-reading.js';
import { EvidenceTexts } from './evidence-texts.js';
import { PreparedClaims } from './prepared-claims.js';
import { verdictFeatures } from './verdict-features.js';
import { learnedVerdict, withLearnedVerdict } from './learned-verdict.js';
import { decideVerdict, rank, strongest, type Assessed } from './verdict.js';
import { BACK_REFERENCE, clip, isEntryWithNote, joinUnits, notesWithTheirEntries, partsToRead, type Unit } from './span-units.js';
import { DEFAULT_THRESHOLDS, InvalidSpanError, type Evidence, type SpanRef, type Verdict, type VerifyResult, type VerifyThresholds } from './types.js';

/** How many passages a claim without citations is checked against. */
const SEARCH_DEPTH = 8;
/** …and against how many more for each part of a claim of several. */
const PART_SEARCH_DEPTH = 4;
const MAX_EVIDENCE = 3;
/** How many of the best pieces of evidence each part of a claim of several is read against, for the learned verdict. */
const PART_EVIDENCE = 4;

export interface ScoredUnit extends Unit, Assessment {
  /** 0–1: coverage discounted for each missing or changed fact. */
  score: number;
  verdict: Verdict;
}

export interface ClaimCheck extends VerifyResult {
  /** The best evidence span, whatever its verdict; undefined when there was nothing to check against. */
  best: ScoredUnit | undefined;
  /** What the verdict was decided on (see verdict-features.ts); undefined when there was nothing to check against. */
  features: number[] | undefined;
  /** The verdict of the hand-written rules alone, before the learned decision. */
  ruleVerdict: Verdict;
}

export interface CheckerOptions {
  index: CorpusIndex;
  similarity: TermSimilarity;
  /** Finds passages for a claim that comes without citations. */
  search: (query: string, k: number) => Promise<Passage[]>;
  thresholds?: VerifyThresholds;
  /** Shared with the answerer so sentence windows are cut and tokenized once. */
  sentences?: SpanSentences;
}

/** A pair of sentences counts only when it covers this much more of the claim than either sentence alone. */
const PAIR_GAIN = 0.15;

/**
 * Checks whether a claim is supported by the documents: sentence-level evidence (single sentences
 * and adjacent pairs), IDF-weighted coverage of the claim's words with soft word matching, and each
 * of its numbers, dates and names compared in context; a changed value, a negation, an antonym or
 * swapped roles contradicts.
 */
export class CitationChecker {
  readonly thresholds: VerifyThresholds;
  readonly #index: CorpusIndex;
  readonly #similarity: TermSimilarity;
  readonly #search: CheckerOptions['search'];
  readonly #sentences: SpanSentences;
  readonly #names: NameMatcher;
  readonly #texts: EvidenceTexts;
  readonly #claims: PreparedClaims;
  readonly #checked = new CheckedClaims(({ claim, spans, clip }) => this.#checkAgainstSpans(claim, spans, clip));

  constructor(options: CheckerOptions) {
    this.#index = options.index;
    this.#similarity = options.similarity;
    this.#search = options.search;
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    this.#sentences = options.sentences ?? new SpanSentences(new SentenceIndex(options.index));
    this.#names = nameMatcher(options.similarity.wordVectors);
    this.#texts = new EvidenceTexts(options.index, this.#sentences.analyses);
    this.#claims = new PreparedClaims(options.index);
  }

  /** Throws InvalidSpanError for a span of a source that is not indexed or that falls outside its text. */
  validateSpans(spans: readonly SpanRef[]): void {
    spans.forEach((span, i) => {
      const text = this.#index.documents.get(span.source);
      if (text === undefined) throw new InvalidSpanError(`citations.${i}.source: no indexed source named ${JSON.stringify(span.source)}`, i);
      if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end <= span.start || span.end > text.length) {
        throw new InvalidSpanError(`citations.${i}: span [${span.start}, ${span.end}) is out of range for ${span.source} (0–${text.length}, start < end)`, i);
      }
    });
  }

  /** Checks `claim` against exactly `citations` when given, otherwise against the passages the corpus search finds for it. */
  async verify(claim: string, options: { citations?: readonly SpanRef[] } = {}): Promise<VerifyResult> {
    const { best: _best, features: _features, ruleVerdict: _rules, ...result } = await this.check(claim, options);
    return result;
  }

  /** `verify`, plus the best evidence span with its assessment. */
  async check(claim: string, { citations }: { citations?: readonly SpanRef[] } = {}): Promise<ClaimCheck> {
    if (citations && citations.length > 0) {
      this.validateSpans(citations);
      return this.checkAgainstSpans(claim, citations);
    }
    return this.checkAgainstSpans(claim, await this.#searchParts(claim), { clip: false });
  }

  /**
   * Passages for a claim without citations: those found for the whole claim, and for a claim of
   * several parts those found for each part — an added detail ("…, with 1,000 troops taking part")
   * must not keep the search from the sentence that states the rest.
   */
  async #searchParts(claim: string): Promise<SpanRef[]> {
    const parts = this.#claims.clauses(claim);
    const queries = parts.length < 2 ? [claim] : [claim, ...parts.map((part) => part.text)];
    const found = new Map<string, SpanRef>();
    for (const query of queries) {
      for (const passage of await this.#search(query, query === claim ? SEARCH_DEPTH : PART_SEARCH_DEPTH)) found.set(`${passage.source}#${passage.start}-${passage.end}`, passage);
    }
    return [...found.values()];
  }

  /** Scores `claim` against the sentences (and adjacent pairs) inside the given spans, clipped to them; the result is shared, not to be changed. */
  checkAgainstSpans(claim: string, spans: readonly SpanRef[], { clip = true } = {}): Promise<ClaimCheck> {
    return this.#checked.get({ claim, spans, clip });
  }

  async #checkAgainstSpans(claim: string, spans: readonly SpanRef[], clipToSpan: boolean): Promise<ClaimCheck> {
    const prepared = this.#claims.prepare(claim);
    const seen = new Set<string>();
    const units: Unit[] = [];
    const add = (unit: Unit) => {
      const key = `${unit.source}#${unit.start}-${unit.end}`;
      if (!seen.has(key)) units.push(unit), seen.add(key);
    };
    for (const { span, read } of partsToRead(this.#index, claim, spans)) {
      // One span at a time: a request citing many long spans lets waiting requests run in between.
      await yieldToEventLoop();
      const text = this.#index.documents.get(span.source) ?? '';
      const overlapping = this.#sentences.index.within(read.source, read.start, read.end);
      // A found passage that opens mid-story ("That same year, …") is read with the sentence it continues.
      const opening = overlapping[0];
      if (!clipToSpan && opening && BACK_REFERENCE.test(this.#texts.text(opening))) {
        const previous = this.#sentences.previous(opening);
        if (previous) overlapping.unshift(previous);
      }
      const inside: Unit[] = clipToSpan ? overlapping.map((sentence) => clip(sentence, span, text)).filter((unit): unit is Unit => unit !== undefined) : overlapping;
      if (inside.length === 0) {
        const whole = clip({ ...read, tokens: [] }, read, text);
        if (whole) inside.push(whole);
      }
      inside.forEach((unit, i) => {
        add(unit);
        if (i + 1 < inside.length && inside[i + 1]!.start - unit.end < 3) add(joinUnits(unit, inside[i + 1]!));
      });
      notesWithTheirEntries(inside, (unit) => this.#texts.text(unit)).forEach(add);
    }
    return this.#check(prepared, units);
  }

  /** The verdict for an assessed piece of evidence. */
  verdictOf(unit: Assessed): Verdict {
    return decideVerdict(unit, this.thresholds);
  }

  async #check(claim: PreparedClaim, units: Unit[]): Promise<ClaimCheck> {
    if (claim.terms.length === 0 || units.length === 0) return { verdict: 'not_found', score: 0, evidence: [], best: undefined, features: undefined, ruleVerdict: 'not_found' };
    await this.#similarity.prepare([...claim.terms.map((term) => term.word), ...units.flatMap((unit) => unit.tokens.map((token) => token.word))]);
    const singles = new Map<Unit, ScoredUnit>();
    const scored: ScoredUnit[] = [];
    for (const unit of units.filter((unit) => !unit.parts)) {
      const single = this.#score(claim, unit);
      singles.set(unit, single);
      scored.push(single);
    }
    for (const pair of units.filter((unit) => unit.parts)) {
      const [first, second] = pair.parts!.map((part) => singles.get(part) ?? this.#score(claim, part)) as [ScoredUnit, ScoredUnit];
      const joined = this.#score(claim, pair);
      // Two separate statements may add up to the claim's words only when together they clearly cover more.
      if (BACK_REFERENCE.test(this.#texts.text(second)) || isEntryWithNote(pair, (unit) => this.#texts.text(unit)) || joined.coverage >= Math.max(first.coverage, second.coverage) + PAIR_GAIN) scored.push(joined);
    }
    // Best first: the strongest verdict of the best-covering evidence; among equals, the shorter span.
    scored.sort((a, b) => rank(b) - rank(a) || a.end - a.start - (b.end - b.start));
    const first = strongest(scored)!;
    if (first !== scored[0]) scored.unshift(...scored.splice(scored.indexOf(first), 1));
    const parts = this.#claims.clauses(claim.analysed.text);
    // Remembered: the clause reading, the core reading and the learned verdict's part verdicts read the same parts against the same evidence.
    const scorePart = rememberedParts((part: Clause, unit: ScoredUnit) => this.#score(this.#claims.prepare(part.text), unit));
    const byClause = readByClause(parts, scored, scorePart);
    // Not stated as a whole: its main statement may be, without a detail it adds.
    const rules = byClause.best.verdict === 'not_found' ? (readCore(claim.analysed.text, scored, scorePart) ?? byClause.best) : byClause.best;
    const { others } = byClause;
    const partVerdicts = parts.length < 2 ? [] : parts.map((part) => ownBest(part, scored.slice(0, PART_EVIDENCE), scorePart).reading.verdict);
    const features = verdictFeatures({ claim, parts: parts.length, partVerdicts, scored, best: rules });
    const best = withLearnedVerdict(rules, scored, learnedVerdict(features, rules.verdict));
    const evidence: Evidence[] = [];
    if (best.verdict !== 'not_found') {
      for (const unit of [best, ...others, ...scored]) {
        if (evidence.length >= MAX_EVIDENCE || (unit !== best && unit.verdict === 'not_found')) break;
        if (evidence.some((e) => e.source === unit.source && e.start < unit.end && unit.start < e.end)) continue;
        evidence.push(this.#evidence(unit));
      }
    }
    const result: ClaimCheck = { verdict: best.verdict, score: round(best.score), evidence, best, features, ruleVerdict: rules.verdict };
    const conflicts = best.verdict === 'contradicted' ? conflictsOf(best) : [];
    if (conflicts.length > 0) result.conflicts = conflicts;
    if ((best.verdict === 'partially_supported' || best.verdict === 'contradicted') && best.missing.length > 0) result.missing = best.missing;
    return result;
  }

  #score(claim: PreparedClaim, unit: Unit): ScoredUnit {
    const assessment = assess(claim, this.#texts.analysed(unit), {
      similarity: this.#similarity,
      names: this.#names,
      context: this.#nameContext(unit),
      contextTokens: this.#texts.title(unit.source).tokens,
    });
    const changed = assessment.facts.missing.length + assessment.facts.conflicts.length + assessment.replaced.length;
    return { ...unit, ...assessment, score: assessment.coverage * this.thresholds.factPenalty ** changed, verdict: this.verdictOf(assessment) };
  }

  /**
   * Where the evidence's names may also be found: its document's title, and, when it refers to
   * someone by a pronoun ("in 1081 he led an army"), the sentence before it, which names them.
   */
  #nameContext(unit: Unit): AnalysedText[] {
    const title = this.#texts.title(unit.source);
    const first = unit.parts?.[0] ?? unit;
    if (!PERSONAL_PRONOUN.test(this.#texts.text(unit)) || !('block' in first)) return [title];
    const previous = this.#sentences.previous(first as TokenizedSentence);
    return previous ? [title, this.#texts.analysed(previous)] : [title];
  }

  #evidence(unit: ScoredUnit): Evidence {
    const document = this.#index.sources.get(unit.source);
    return { source: unit.source, start: unit.start, end: unit.end, quote: this.#texts.text(unit), ...(document ? locate(document, unit.start) : { section: [] }), score: round(unit.score) };
  }
}

const PERSONAL_PRONOUN = /\b(?:he|she|they|his|her|him|their|them)\b/i;

const round = (value: number) => Math.round(value * 10_000) / 10_000;
