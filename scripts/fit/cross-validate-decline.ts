import fs from 'node:fs';
import { DECLINE_INPUTS, type DeclineInput } from '../../src/answer/decline.js';
import { DEFAULT_WEIGHTS } from '../../src/answer/weights.js';
import { accuracyAt, declined, fitDeclineModel, isAnsweredRight, type DeclineModel } from './decline-model.js';
import type { DeclineRow } from './decline-rows.js';

/**
 * An estimate of the decline model on questions it has not seen, per held-out round of tests/eval: the model is
 * fitted without round k's sets and measured on them (near-misses declined, paraphrases answered right), beside the
 * weights in use (weights.json). Two ways to leave a round out:
 * - `loro` (leave-one-round-out): fitted on everything else, later rounds and every tuning set included;
 * - `forward`: fitted only on what came before round k (SQuAD, generated near-misses and rounds < k; no tuning set,
 *   since most were written after reading the rounds before them), as the model would have been when round k was new.
 * Neither re-derives the rules (declinedByRule): they were written after reading earlier rounds, so their share of each
 * round's near-misses (`rules`) is in-sample for every round they were written from; only the rest is cross-validated.
 * The test part of a fold is the round's own questions: generated near-misses are never in it.
 * `npx tsx scripts/fit-answer-weights.ts --rows R --dry-run` writes the judged rows to R; then
 * `npx tsx scripts/fit/cross-validate-decline.ts R [--inputs a,b,c] [--cost C] [--no-generated]` (default: every input of
 * DECLINE_INPUTS, the SQuAD cost of decline-model.ts; `--no-generated` fits without the generated near-misses).
 */

interface FoldFigures {
  nearMisses: number;
  /** Near-misses declined by rule, whatever the model says. */
  ruledNearMisses: number;
  declinedNearMisses: number;
  paraphrases: number;
  answeredParaphrases: number;
  /** Of all questions of the round the model declined, how many are unanswerable. */
  declinedAll: number;
  declinedRight: number;
}

function figures(model: DeclineModel, rows: readonly DeclineRow[]): FoldFigures {
  const nearMisses = rows.filter((row) => !row.answerable);
  const paraphrases = rows.filter((row) => row.kind === 'paraphrase');
  const declinedRows = rows.filter((row) => declined(model, row));
  return {
    nearMisses: nearMisses.length,
    ruledNearMisses: nearMisses.filter((row) => row.ruled).length,
    declinedNearMisses: nearMisses.filter((row) => declined(model, row)).length,
    paraphrases: paraphrases.length,
    answeredParaphrases: paraphrases.filter((row) => isAnsweredRight(model, row)).length,
    declinedAll: declinedRows.length,
    declinedRight: declinedRows.filter((row) => !row.answerable).length,
  };
}

const ratio = (a: number, b: number) => (b === 0 ? '  n/a' : (a / b).toFixed(3));
const line = (f: FoldFigures) =>
  `near-misses declined ${ratio(f.declinedNearMisses, f.nearMisses)} (${f.declinedNearMisses}/${f.nearMisses}; rules ${f.ruledNearMisses}, model ${f.declinedNearMisses - f.ruledNearMisses}/${f.nearMisses - f.ruledNearMisses}), paraphrases answered right ${ratio(f.answeredParaphrases, f.paraphrases)} (${f.answeredParaphrases}/${f.paraphrases}), declining precision ${ratio(f.declinedRight, f.declinedAll)}`;
const sum = (list: FoldFigures[]): FoldFigures =>
  list.reduce((a, b) => ({
    nearMisses: a.nearMisses + b.nearMisses,
    ruledNearMisses: a.ruledNearMisses + b.ruledNearMisses,
    declinedNearMisses: a.declinedNearMisses + b.declinedNearMisses,
    paraphrases: a.paraphrases + b.paraphrases,
    answeredParaphrases: a.answeredParaphrases + b.answeredParaphrases,
    declinedAll: a.declinedAll + b.declinedAll,
    declinedRight: a.declinedRight + b.declinedRight,
  }));

export type FoldKind = 'loro' | 'forward';

export interface CrossValidation {
  inputs: readonly DeclineInput[];
  cost?: number;
  folds?: FoldKind;
  /** Fit without the generated near-misses. */
  withoutGenerated?: boolean;
}

const roundNumber = (group: string) => (group.startsWith('round ') ? Number(group.slice(6)) : undefined);

/** The rows a fold for `round` is fitted on. */
function trainingRows(rows: readonly DeclineRow[], round: number, { folds = 'loro', withoutGenerated = false }: CrossValidation): DeclineRow[] {
  return rows.filter((row) => {
    if (row.group === 'squad-test' || (withoutGenerated && row.group === 'generated')) return false;
    const own = roundNumber(row.group);
    if (folds === 'loro') return own !== round;
    return own === undefined ? row.group !== 'tuning' : own < round;
  });
}

export function crossValidate(rows: readonly DeclineRow[], options: CrossValidation): void {
  const rounds = [...new Set(rows.map((row) => roundNumber(row.group)).filter((round) => round !== undefined))].sort((a, b) => a - b);
  const current = DEFAULT_WEIGHTS.decline;
  const before: FoldFigures[] = [];
  const after: FoldFigures[] = [];
  const squadTest = rows.filter((row) => row.group === 'squad-test');
  const testAccuracies: number[] = [];
  console.log(`${options.folds ?? 'loro'} folds${options.withoutGenerated ? ', fitted without generated near-misses' : ''}:`);
  // Round 1 has nothing before it: forward folds start at round 2.
  for (const round of rounds.filter((round) => options.folds !== 'forward' || round > rounds[0]!)) {
    const model = fitDeclineModel(trainingRows(rows, round, options), options.inputs, undefined, options.cost);
    const held = rows.filter((row) => roundNumber(row.group) === round);
    before.push(figures(current, held));
    after.push(figures(model, held));
    testAccuracies.push(accuracyAt(model, squadTest, model.threshold));
    const name = `round ${round}`;
    console.log(`${name.padEnd(9)} before: ${line(before.at(-1)!)}\n${''.padEnd(9)} after:  ${line(after.at(-1)!)} (threshold ${model.threshold}, questions.jsonl ${testAccuracies.at(-1)!.toFixed(3)})`);
  }
  console.log(`all rounds before: ${line(sum(before))}\nall rounds after:  ${line(sum(after))}`);
  console.log(`questions.jsonl (best sentence and companions): weights.json ${accuracyAt(current, squadTest, current.threshold).toFixed(3)}, folds ${Math.min(...testAccuracies).toFixed(3)}–${Math.max(...testAccuracies).toFixed(3)}`);
}

if (process.argv[1]?.endsWith('cross-validate-decline.ts')) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cross-validate-decline.ts ROWS.json [--inputs a,b,c] [--cost C] [--no-generated]');
  const argument = (name: string) => {
    const at = process.argv.indexOf(name);
    return at === -1 ? undefined : process.argv[at + 1];
  };
  const inputs = (argument('--inputs')?.split(',') ?? [...DECLINE_INPUTS]) as DeclineInput[];
  const cost = argument('--cost');
  const rows = JSON.parse(fs.readFileSync(file, 'utf8')) as DeclineRow[];
  for (const folds of ['loro', 'forward'] as const) {
    crossValidate(rows, { inputs, folds, withoutGenerated: process.argv.includes('--no-generated'), ...(cost === undefined ? {} : { cost: Number(cost) }) });
  }
}
