import { coverageDetail, weightedTerms, type WeightedTerm } from '../match/coverage.js';
import { SentenceIndex } from '../match/sentences.js';
import type { TermSimilarity } from '../match/term-similarity.js';
import { isStopWord, tokenize, type Token } from '../match/analyzer.js';
import type { CorpusIndex } from '../index/store.js';
import { locate } from '../ingest/location.js';
import type { Passage } from '../retrieve/types.js';
import { checkFacts, evidenceFacts, keyFacts, mergeFacts, type EvidenceFacts, type KeyFacts } from '../match/facts.js';
import { DEFAULT_THRESHOLDS, InvalidSpanError, type Evidence, type SpanRef, type Verdict, type VerifyResult, type VerifyThresholds } from './types.js';

/** How many passages a claim without citations is checked against. */
const SEARCH_DEPTH = 8;
const MAX_EVIDENCE = 3;

interface Unit extends SpanRef {
  tokens: Token[];
  /** The two sentences of an adjacent pair. */
  parts?: [Unit, Unit];
}

/** A pair of sentences counts only when it covers this much more of the claim than either sentence alone. */
const PAIR_GAIN = 0.15;
/** A sentence that opens by pointing back ("That same year, …", "They have …") takes its names and dates from the one before. */
const BACK_REFERENCE = /^(?:that|this|these|those|they|it|its|he|she|his|her|their|there|then|here|such|the same|the two|both)\b/i;

export interface ScoredUnit extends Unit {
  score: number;
  coverage: number;
  /** How many numbers, months and names the claim has. */
  facts: number;
  /** The claim's numbers, months and names that this evidence lacks. */
  missing: string[];
}

export interface ClaimCheck extends VerifyResult {
  /** The best-scoring evidence span, whatever its score; undefined when there was nothing to check against. */
  best: ScoredUnit | undefined;
}

export interface CheckerOptions {
  index: CorpusIndex;
  similarity: TermSimilarity;
  /** Finds passages for a claim that comes without citations. */
  search: (query: string, k: number) => Promise<Passage[]>;
  thresholds?: VerifyThresholds;
  /** Shared with the answerer so each source is split and tokenized once. */
  sentences?: SentenceIndex;
}

interface PreparedClaim {
  terms: WeightedTerm[];
  facts: KeyFacts;
}

/**
 * Checks whether a claim is supported by the documents: sentence-level evidence (single sentences
 * and adjacent pairs), IDF-weighted coverage of the claim's content terms with soft word matching,
 * and strict checks that its numbers, months and capitalised names appear in that evidence.
 */
export class CitationChecker {
  readonly thresholds: VerifyThresholds;
  readonly #index: CorpusIndex;
  readonly #similarity: TermSimilarity;
  readonly #search: CheckerOptions['search'];
  readonly #sentences: SentenceIndex;
  readonly #evidenceFacts = new Map<string, EvidenceFacts>();
  readonly #sourceTokenCache = new Map<string, Token[]>();
  #namesAtStart: Set<string> | undefined;

  constructor(options: CheckerOptions) {
    this.#index = options.index;
    this.#similarity = options.similarity;
    this.#search = options.search;
    this.thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
    this.#sentences = options.sentences ?? new SentenceIndex(options.index);
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
    const { best: _best, ...result } = await this.check(claim, options);
    return result;
  }

  /** `verify`, plus the best evidence span with its coverage and missing facts. */
  async check(claim: string, { citations }: { citations?: readonly SpanRef[] } = {}): Promise<ClaimCheck> {
    if (citations && citations.length > 0) {
      this.validateSpans(citations);
      return this.checkAgainstSpans(claim, citations);
    }
    const passages = await this.#search(claim, SEARCH_DEPTH);
    const seen = new Set<string>();
    const units: Unit[] = [];
    for (const passage of passages) {
      const sentences = this.#sentences.within(passage.source, passage.start, passage.end);
      sentences.forEach((sentence, i) => {
        for (const unit of [sentence, i + 1 < sentences.length ? joinUnits(sentence, sentences[i + 1]!) : undefined]) {
          if (!unit) continue;
          const key = `${unit.source}#${unit.start}-${unit.end}`;
          if (seen.has(key)) continue;
          seen.add(key);
          units.push(unit);
        }
      });
    }
    return this.#check(claim, units);
  }

  /** Scores `claim` against the sentences (and adjacent sentence pairs) inside the given spans, clipped to them. */
  async checkAgainstSpans(claim: string, spans: readonly SpanRef[]): Promise<ClaimCheck> {
    const units: Unit[] = [];
    for (const { span, read } of this.#partsToRead(claim, spans)) {
      const text = this.#index.documents.get(span.source) ?? '';
      const inside = this.#sentences
        .within(read.source, read.start, read.end)
        .map((sentence) => clip(sentence, span, text))
        .filter((unit): unit is Unit => unit !== undefined);
      if (inside.length === 0) {
        const whole = clip({ ...read, tokens: [] }, read, text);
        if (whole) inside.push(whole);
      }
      inside.forEach((unit, i) => {
        units.push(unit);
        if (i + 1 < inside.length) units.push(joinUnits(unit, inside[i + 1]!));
      });
    }
    return this.#check(claim, units);
  }

  /**
   * What to read of each span, with the work bounded whatever their length (issue 11): duplicates
   * once, and a span longer than MAX_SPAN_CHARS only where its chunks best match the claim (found by
   * BM25, so not even finding them reads the span), so citing a whole 1 MB document costs what
   * citing a paragraph does.
   */
  #partsToRead(claim: string, spans: readonly SpanRef[]): Array<{ span: SpanRef; read: SpanRef }> {
    const unique = [...new Map(spans.map((span) => [`${span.source}#${span.start}-${span.end}`, span])).values()];
    return unique.flatMap((span) => {
      if (span.end - span.start <= MAX_SPAN_CHARS) return [{ span, read: span }];
      const inside = (id: string) => {
        const chunk = this.#index.chunkById.get(id);
        return chunk !== undefined && chunk.source === span.source && chunk.start < span.end && chunk.end > span.start;
      };
      const chunks = this.#index.lexical.search(claim, MAX_PARTS, inside).map((hit) => this.#index.chunkById.get(hit.id)!);
      if (chunks.length === 0) return [{ span, read: { ...span, end: span.start + MAX_SPAN_CHARS } }];
      return chunks.map((chunk) => ({ span, read: { source: span.source, start: Math.max(span.start, chunk.start), end: Math.min(span.end, chunk.end) } }));
    });
  }

  /** Supported: enough of the claim and every number, month and name of it; partially: enough of its words. */
  verdictOf(unit: Pick<ScoredUnit, 'coverage' | 'missing' | 'facts'>): Verdict {
    return decideVerdict(unit, this.thresholds);
  }

  async #check(claim: string, units: Unit[]): Promise<ClaimCheck> {
    const prepared = this.#prepare(claim);
    if (prepared.terms.length === 0 || units.length === 0) return { verdict: 'not_found', score: 0, evidence: [], best: undefined };
    await this.#similarity.prepare([...prepared.terms.map((term) => term.word), ...units.flatMap((unit) => unit.tokens.map((token) => token.word))]);
    const singles = new Map<Unit, ScoredUnit>();
    const scored: ScoredUnit[] = [];
    for (const unit of units.filter((unit) => !unit.parts)) {
      const single = this.#score(prepared, unit);
      singles.set(unit, single);
      scored.push(single);
    }
    for (const pair of units.filter((unit) => unit.parts)) {
      const [first, second] = pair.parts!.map((part) => singles.get(part) ?? this.#score(prepared, part)) as [ScoredUnit, ScoredUnit];
      if (BACK_REFERENCE.test(this.#text(second))) {
        // The second sentence continues the first: together they are one statement, facts included.
        scored.push(this.#score(prepared, pair));
      } else {
        // Two separate statements: they may add up to the claim's words, but each fact must come from the sentence that carries the claim.
        const joined = this.#score(prepared, pair);
        if (joined.coverage < Math.max(first.coverage, second.coverage) + PAIR_GAIN) continue;
        const carrier = first.coverage >= second.coverage ? first : second;
        scored.push({ ...joined, missing: carrier.missing, score: joined.coverage * this.thresholds.factPenalty ** carrier.missing.length });
      }
    }
    // Best first; among equals, the shorter span (a single sentence before the pair that contains it).
    scored.sort((a, b) => b.score - a.score || a.end - a.start - (b.end - b.start));
    const best = scored[0]!;
    const verdict = this.verdictOf(best);
    const evidence: Evidence[] = [];
    if (verdict !== 'not_found') {
      for (const unit of scored) {
        if (evidence.length >= MAX_EVIDENCE || unit.coverage < this.thresholds.partial) break;
        if (evidence.some((e) => e.source === unit.source && e.start < unit.end && unit.start < e.end)) continue;
        evidence.push(this.#evidence(unit));
      }
    }
    return { verdict, score: round(best.score), evidence, best };
  }

  #score(claim: PreparedClaim, unit: Unit): ScoredUnit {
    // The document's name is context for every sentence in it ("born here" in warsaw.txt).
    const { coverage } = coverageDetail(claim.terms, [...unit.tokens, ...this.#sourceTokens(unit.source)], this.#similarity);
    const { missing, total } = checkFacts(claim.facts, this.#factsOf(unit));
    return { ...unit, coverage, missing, facts: total, score: coverage * this.thresholds.factPenalty ** missing.length };
  }

  #evidence(unit: ScoredUnit): Evidence {
    const document = this.#index.sources.get(unit.source);
    return { source: unit.source, start: unit.start, end: unit.end, quote: this.#text(unit), ...(document ? locate(document, unit.start) : { section: [] }), score: round(unit.score) };
  }

  #prepare(claim: string): PreparedClaim {
    // A term the corpus never uses would otherwise outweigh all others together; cap it at the weight of the rarest seen term.
    const chunks = this.#index.chunks.length;
    const cap = Math.log(1 + (chunks - 1 + 0.5) / 1.5);
    const all = weightedTerms(claim, (term) => Math.min(this.#index.lexical.idf(term), cap));
    // Numbers are checked strictly as facts; counting them in coverage too would make a changed number look like an unrelated claim.
    const words = all.filter((term) => !term.numeric);
    return {
      terms: words.length > 0 ? words : all,
      facts: keyFacts(claim, { isNameAtStart: (token) => this.#isNameAtStart(token) }),
    };
  }

  #text(span: SpanRef): string {
    return (this.#index.documents.get(span.source) ?? '').slice(span.start, span.end);
  }

  #factsOf(unit: Unit): EvidenceFacts {
    const key = `${unit.source}#${unit.start}-${unit.end}`;
    let facts = this.#evidenceFacts.get(key);
    if (!facts) {
      // The document's name counts as context: "was born here" in warsaw.txt is about Warsaw.
      facts = mergeFacts(evidenceFacts(this.#text(unit)), this.#sourceFacts(unit.source));
      if (this.#evidenceFacts.size > 20_000) this.#evidenceFacts.clear();
      this.#evidenceFacts.set(key, facts);
    }
    return facts;
  }

  #sourceTokens(source: string): Token[] {
    let tokens = this.#sourceTokenCache.get(source);
    if (!tokens) this.#sourceTokenCache.set(source, (tokens = tokenize(sourceTitle(source))));
    return tokens;
  }

  #sourceFacts(source: string): EvidenceFacts {
    const key = `source:${source}`;
    let facts = this.#evidenceFacts.get(key);
    if (!facts) {
      facts = evidenceFacts(sourceTitle(source));
      this.#evidenceFacts.set(key, facts);
    }
    return facts;
  }

  /**
   * Whether the capitalised first word of a claim is a name ("China held…") rather than grammar
   * ("Since 2012…"): the corpus writes it capitalised mid-sentence and never in lower case, or never uses it at all.
   */
  #isNameAtStart(token: Token): boolean {
    if (!this.#namesAtStart) {
      const capitalisedMidSentence = new Set<string>();
      const lowerCase = new Set<string>();
      for (const text of this.#index.documents.values()) {
        for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
          const word = match[0].toLowerCase().replace(/['’]s$/u, '');
          if (/^\p{Ll}/u.test(match[0])) lowerCase.add(word);
          else if (/^\p{Lu}/u.test(match[0]) && /[\p{L}\p{N},;:]\s+$/u.test(text.slice(Math.max(0, match.index - 3), match.index))) capitalisedMidSentence.add(word);
        }
      }
      this.#namesAtStart = new Set([...capitalisedMidSentence].filter((word) => !lowerCase.has(word)));
    }
    if (this.#namesAtStart.has(token.word)) return true;
    return !this.#index.lexical.has(token.term) && !isStopWord(token.word);
  }
}

/** Supported: enough of the claim's words and every number, month and name of it; partially: enough of its words. */
export function decideVerdict(unit: Pick<ScoredUnit, 'coverage' | 'missing' | 'facts'>, thresholds: VerifyThresholds): Verdict {
  if (unit.coverage >= thresholds.supported && unit.missing.length === 0) return 'supported';
  // Most of the claim's numbers, months and names absent: the evidence is about something else.
  const mostFactsMissing = unit.missing.length >= 2 && unit.missing.length >= unit.facts / 2;
  if (unit.coverage >= thresholds.partial && !mostFactsMissing) return 'partially_supported';
  return 'not_found';
}

/** "guides/super-bowl-50.txt" → "guides super bowl 50". */
function sourceTitle(source: string): string {
  return source.replace(/\.[^./]+$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ');
}

/** A cited span longer than this is not read whole: only its chunks that BM25 ranks best for the claim. */
const MAX_SPAN_CHARS = 8_000;
const MAX_PARTS = 6;

function joinUnits(a: Unit, b: Unit): Unit {
  return { source: a.source, start: a.start, end: b.end, tokens: [...a.tokens, ...b.tokens], parts: [a, b] };
}

/** The part of `unit` inside `span`, trimmed of white space; undefined when nothing is left. */
function clip(unit: Unit, span: SpanRef, text: string): Unit | undefined {
  if (unit.start >= span.start && unit.end <= span.end && unit.tokens.length > 0) return unit;
  let start = Math.max(unit.start, span.start);
  let end = Math.min(unit.end, span.end);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return undefined;
  return { source: unit.source, start, end, tokens: tokenize(text.slice(start, end)) };
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
