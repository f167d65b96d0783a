import type { Docent } from '../service.js';
import { loadEvalCases } from './datasets.js';
import { computeMetrics, type CaseResult, type EvalMetrics } from './metrics.js';

export interface EvalReport {
  file: string;
  corpusDir: string;
  retriever: string;
  metrics: EvalMetrics;
  results: CaseResult[];
}

const MRR_DEPTH = 10;

/** Asks every question of `file` and scores the answers and the passages they used. */
export async function evaluate(docent: Docent, file: string, retriever: string, onProgress?: (done: number, total: number) => void): Promise<EvalReport> {
  const cases = await loadEvalCases(file, docent.index.documents);
  // As `npm start` does after listening, so answer times are those of a running server.
  await docent.warmUp();
  const results: CaseResult[] = [];
  for (const item of cases) {
    const response = await docent.ask(item.question);
    // Retrieval is deterministic, so the answer's passages are the head of this deeper ranking.
    const ranking = await docent.search(item.question, Math.max(MRR_DEPTH, response.passages.length));
    results.push({ case: item, ranking, response });
    onProgress?.(results.length, cases.length);
  }
  // Citations are checked against the citable text the server serves (for .txt files, the file itself).
  const sourceText = (source: string) => docent.index.documents.get(source);
  return { file, corpusDir: docent.config.corpusDir, retriever, metrics: computeMetrics(results, sourceText), results };
}
