import type { Span } from '../match/sentences.js';
import type { AskResult } from '../service.js';
import type { Passage } from '../retrieve/types.js';
import type { EvalCase } from './datasets.js';

export interface CaseResult {
  case: EvalCase;
  /** The ranked passages (at least the 10 MRR@10 needs; the first ones are those the answer used). */
  ranking: Passage[];
  response: AskResult;
}

export interface EvalMetrics {
  questions: number;
  answerable: number;
  unanswerable: number;
  hitAt1: number | null;
  hitAt3: number | null;
  hitAt5: number | null;
  mrrAt10: number | null;
  answerAccuracy: number | null;
  citedEvidence: number | null;
  declineRate: number | null;
  citationValidity: number | null;
  citations: number;
  medianMs: number;
  p95Ms: number;
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
/** Case- and white-space-insensitive: a hard-wrapped source holds "Rollo\nthe Walker" where the answer says "Rollo the Walker". */
const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');
const includesInsensitive = (text: string, part: string) => normalize(text).includes(normalize(part));

/** Whether a passage or citation (a span of `source` with its text) counts as the case's evidence. */
export function isEvidence(item: EvalCase, source: string, span: Span, text: string): boolean {
  const evidence = item.evidence;
  if (!evidence || evidence.source !== source) return false;
  const shared = overlap(span, evidence.span);
  if (shared === 0) return false;
  if (evidence.minCoveredShare !== undefined && shared < evidence.minCoveredShare * (evidence.span.end - evidence.span.start)) return false;
  return !evidence.mustContainAny || evidence.mustContainAny.some((answer) => includesInsensitive(text, answer));
}

export function firstHitRank(result: CaseResult): number | undefined {
  const i = result.ranking.findIndex((passage) => isEvidence(result.case, passage.source, passage, passage.text));
  return i === -1 ? undefined : i + 1;
}

export function isCorrect(result: CaseResult): boolean {
  const { expected } = result.case;
  const { answer, answerable } = result.response;
  if (!answerable) return false;
  return 'all' in expected ? expected.all.every((part) => includesInsensitive(answer, part)) : expected.any.some((part) => includesInsensitive(answer, part));
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The mean, or null when there is nothing to average (e.g. hit@k over a file of unanswerable questions). */
const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length);

/** The metrics of ../shared/eval/README.md; `sourceText` reads a cited file as it is on disk. */
export function computeMetrics(results: CaseResult[], sourceText: (source: string) => string | undefined): EvalMetrics {
  const answerable = results.filter((result) => result.case.answerable);
  const unanswerable = results.filter((result) => !result.case.answerable);
  const ranks = answerable.map(firstHitRank);
  const hitAt = (k: number) => mean(ranks.map((rank) => (rank !== undefined && rank <= k ? 1 : 0)));
  const citations = results.flatMap((result) => result.response.citations);
  const times = results.map((result) => result.response.timings.totalMs);
  return {
    questions: results.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    hitAt1: hitAt(1),
    hitAt3: hitAt(3),
    hitAt5: hitAt(5),
    mrrAt10: mean(ranks.map((rank) => (rank !== undefined && rank <= 10 ? 1 / rank : 0))),
    answerAccuracy: mean(answerable.map((result) => (isCorrect(result) ? 1 : 0))),
    citedEvidence: mean(
      answerable.map((result) => (result.response.citations.some((citation) => isEvidence(result.case, citation.source, citation, citation.quote)) ? 1 : 0)),
    ),
    declineRate: mean(unanswerable.map((result) => (result.response.answerable ? 0 : 1))),
    citationValidity: mean(citations.map((citation) => (sourceText(citation.source)?.slice(citation.start, citation.end) === citation.quote ? 1 : 0))),
    citations: citations.length,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
  };
}
