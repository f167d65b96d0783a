import fs from 'node:fs';
import path from 'node:path';
import { firstHitRank, isCorrect, type EvalMetrics } from '../../eval/metrics.js';
import { renderReport } from '../../eval/report/html.js';
import { reportSet, type ReportSet } from '../../eval/report/rows.js';
import { evaluate, type EvalReport } from '../../eval/run.js';
import { conversationSet, isConversationFile } from '../../eval/conversation-cli.js';
import type { RetrieverMode } from '../../retrieve/types.js';
import { openFromCli } from '../open.js';
import { progressBar } from '../progress.js';
import packageJson from '../../../package.json' with { type: 'json' };

/** `docent eval`'s work, loaded only by that command (eval.ts defines its options): the evaluation code and the answerers it pulls in stay out of every other command. */

const ROWS: Array<[keyof EvalMetrics, string]> = [
  ['hitAt1', 'hit@1'],
  ['hitAt3', 'hit@3'],
  ['hitAt5', 'hit@5'],
  ['mrrAt10', 'MRR@10'],
  ['answerAccuracy', 'answer accuracy'],
  ['citedEvidence', 'cited evidence'],
  ['declineRate', 'decline rate'],
  ['citationValidity', 'citation validity'],
  ['medianMs', 'median answer ms'],
  ['p95Ms', 'p95 answer ms'],
];

function table(report: EvalReport): string {
  const m = report.metrics;
  const lines = [
    `${path.relative(process.cwd(), report.file) || report.file} — ${m.questions} questions (${m.answerable} answerable, ${m.unanswerable} not), retriever ${report.retriever}`,
  ];
  for (const [key, label] of ROWS) {
    const value = m[key];
    const shown = value === null ? 'n/a' : key.endsWith('Ms') ? value.toFixed(1) : value.toFixed(3);
    lines.push(`  ${label.padEnd(18)} ${shown.padStart(8)}`);
  }
  return lines.join('\n');
}

function failures(report: EvalReport): string {
  return report.results
    .filter((result) => (result.case.answerable ? !isCorrect(result) : result.response.answerable))
    .map((result) => `  ✗ ${result.case.id} (first hit at ${firstHitRank(result) ?? '-'}) ${result.case.question}\n      → ${result.response.answer.slice(0, 160)}`)
    .join('\n');
}

/** A question file's corpus: --corpus, else a `corpus/` folder beside the file (as in ../shared/eval/squad/), else CORPUS_DIR. */
function corpusFor(file: string, corpus: string | undefined): string | undefined {
  if (corpus) return corpus;
  const beside = path.join(path.dirname(file), 'corpus');
  return fs.existsSync(beside) && fs.statSync(beside).isDirectory() ? beside : undefined;
}

export interface EvalOptions {
  file: string[];
  corpus?: string;
  retriever: RetrieverMode;
  failures?: boolean;
  json?: boolean;
  html?: string;
}

/** Evaluates each question file in turn and prints (or writes) the report. */
export async function runEval(options: EvalOptions) {
  const reports: EvalReport[] = [];
  const sets: ReportSet[] = [];
  let model = '';
  let answerer = '';
  for (const file of options.file.map((name) => path.resolve(name))) {
    const docent = await openFromCli({ verbose: !options.json, corpus: corpusFor(file, options.corpus), retriever: options.retriever });
    if (await isConversationFile(file)) {
      await conversationSet(docent, file, options);
      continue;
    }
    const progress = progressBar(!options.json);
    const report = await evaluate(docent, file, options.retriever, (done, total) => progress({ phase: 'Asking', done, total }));
    progress.stop();
    reports.push(report);
    sets.push(reportSet(report, (source) => docent.index.documents.get(source)));
    model = docent.embedder.info.model;
    answerer = docent.answererName;
    if (!options.json) {
      console.log(table(report));
      if (options.failures) console.log(failures(report) || '  no failures');
    }
  }
  if (options.json) {
    const shown = reports.map((report) => (options.failures ? report : { ...report, results: undefined }));
    console.log(JSON.stringify(shown.length === 1 ? shown[0] : shown, null, 2));
  }
  if (options.html) {
    const html = renderReport(sets, { generatedAt: new Date(), version: packageJson.version, embeddingModel: model, answerer });
    fs.writeFileSync(options.html, html);
    console.error(`Wrote the report to ${path.resolve(options.html)}`);
  }
}
