import { Command, Option } from 'commander';
import { RETRIEVER_MODES } from '../../retrieve/types.js';
import type { EvalOptions } from './run-eval.js';

export const evalCommand = new Command('eval')
  .description('Score answers and retrieval on question files (formats and metrics: ../shared/eval/README.md)')
  .requiredOption('--file <jsonl...>', 'question file(s); each is a set of its own in the report')
  .option('--corpus <dir>', 'corpus folder the questions are about (default: a corpus/ folder beside the file, else CORPUS_DIR)')
  .addOption(new Option('--retriever <mode>', 'retrieval mode').choices(RETRIEVER_MODES).default('hybrid'))
  .option('--failures', 'list the questions answered wrongly')
  .option('--json', 'print the metrics (and per-question results with --failures) as JSON')
  .option('--html <file>', 'also write a self-contained HTML report: metrics, charts, latency histogram, every question')
  // Imported here: every command is defined in main.ts, and only this one evaluates.
  .action(async (options: EvalOptions) => (await import('./run-eval.js')).runEval(options));
