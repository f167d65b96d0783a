import path from 'node:path';
import { firstHitRank, isCorrect, isEvidence, type CaseResult, type EvalMetrics } from '../metrics.js';
import type { EvalReport } from '../run.js';

/** One question of the report: what was expected, what came back, and why it passed or failed. */
export interface ReportRow {
  id: string;
  question: string;
  expected: string;
  answer: string;
  answered: boolean;
  citations: Array<{ n: number; source: string; start: number; end: number; quote: string; valid: boolean }>;
  /** Rank of the first passage holding the evidence (answerable questions), undefined when not in the ranking. */
  firstHit?: number;
  ms: number;
  pass: boolean;
  why: string;
}

/** One question file's run. */
export interface ReportSet {
  name: string;
  file: string;
  corpusDir: string;
  retriever: string;
  metrics: EvalMetrics;
  rows: ReportRow[];
}

const list = (parts: readonly string[]) => parts.map((part) => JSON.stringify(part)).join(', ');
const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

function expectation(result: CaseResult): string {
  const { expected, answerable } = result.case;
  if (!answerable) return 'decline (not in the documents)';
  return 'all' in expected ? `all of ${list(expected.all)}` : `any of ${list(expected.any)}`;
}

function retrievalNote(rank: number | undefined): string {
  return rank === undefined ? 'the evidence is not among the retrieved passages' : `the evidence was retrieved at rank ${rank}`;
}

/** Why a case passed or failed, in words: the first thing that went wrong, then where the evidence was. */
function judge(result: CaseResult, citations: ReportRow['citations'], rank: number | undefined): { pass: boolean; why: string } {
  const invalid = citations.filter((citation) => !citation.valid);
  if (invalid.length > 0) return { pass: false, why: `citation ${invalid.map((c) => `[${c.n}]`).join(', ')} does not match the source text` };
  const { case: item, response } = result;
  if (!item.answerable) {
    return response.answerable
      ? { pass: false, why: `answered a question the documents do not answer (confidence ${response.confidence?.toFixed(2) ?? 'n/a'})` }
      : { pass: true, why: 'declined, as expected' };
  }
  if (!response.answerable) return { pass: false, why: `declined; ${retrievalNote(rank)}` };
  if (isCorrect(result)) {
    const cited = response.citations.some((citation) => isEvidence(item, citation.source, citation, citation.quote));
    return { pass: true, why: cited ? 'correct, citing the evidence' : 'correct, but no citation overlaps the evidence' };
  }
  const answer = normalize(response.answer);
  const missing = 'all' in item.expected ? item.expected.all.filter((part) => !answer.includes(normalize(part))) : item.expected.any;
  return { pass: false, why: `the answer lacks ${'all' in item.expected ? list(missing) : `any of ${list(missing)}`}; ${retrievalNote(rank)}` };
}

export function reportRows(report: EvalReport, sourceText: (source: string) => string | undefined): ReportRow[] {
  return report.results.map((result) => {
    const citations = result.response.citations.map(({ n, source, start, end, quote }) => ({ n, source, start, end, quote, valid: sourceText(source)?.slice(start, end) === quote }));
    const rank = result.case.answerable ? firstHitRank(result) : undefined;
    return {
      id: result.case.id,
      question: result.case.question,
      expected: expectation(result),
      answer: result.response.answer,
      answered: result.response.answerable,
      citations,
      ...(rank !== undefined ? { firstHit: rank } : {}),
      ms: result.response.timings.totalMs,
      ...judge(result, citations, rank),
    };
  });
}

/** `squad/questions.jsonl` → `squad/questions`: the file and its folder, which tell sets apart. */
export function setName(file: string): string {
  return path.join(path.basename(path.dirname(file)), path.basename(file, path.extname(file)));
}

export function reportSet(report: EvalReport, sourceText: (source: string) => string | undefined): ReportSet {
  const { file, corpusDir, retriever, metrics } = report;
  return { name: setName(file), file, corpusDir, retriever, metrics, rows: reportRows(report, sourceText) };
}
