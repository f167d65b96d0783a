import path from 'node:path';
import { Command, Option } from 'commander';
import { firstHitRank, isCorrect, type EvalMetrics } from '../../eval/metrics.js';
import { evaluate, type EvalReport } from '../../eval/run.js';
import { RETRIEVER_MODES, type RetrieverMode } from '../../retrieve/types.js';
import { openFromCli } from '../open.js';
import { progressBar } from '../progress.js';

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

export const evalCommand = new Command('eval')
  .description('Score answers and retrieval on a question file (formats and metrics: ../shared/eval/README.md)')
  .requiredOption('--file <jsonl>', 'question file')
  .option('--corpus <dir>', 'corpus folder the questions are about (default: CORPUS_DIR)')
  .addOption(new Option('--retriever <mode>', 'retrieval mode').choices(RETRIEVER_MODES).default('hybrid'))
  .option('--failures', 'list the questions answered wrongly')
  .option('--json', 'print the metrics (and per-question results with --failures) as JSON')
  .action(async (options: { file: string; corpus?: string; retriever: RetrieverMode; failures?: boolean; json?: boolean }) => {
    const docent = await openFromCli({ verbose: !options.json, corpus: options.corpus, retriever: options.retriever });
    const progress = progressBar(!options.json);
    const report = await evaluate(docent, path.resolve(options.file), options.retriever, (done, total) => progress({ phase: 'Asking', done, total }));
    progress.stop();
    if (options.json) {
      console.log(JSON.stringify(options.failures ? report : { ...report, results: undefined }, null, 2));
    } else {
      console.log(table(report));
      if (options.failures) console.log(failures(report) || '  no failures');
    }
  });
