import fs from 'node:fs';
import { DECLINE_INPUTS, type DeclineInput } from '../../src/answer/decline.js';
import { DEFAULT_WEIGHTS } from '../../src/answer/weights.js';
import { accuracyAt, declined, fitDeclineModel, isAnsweredRight, type DeclineModel } from './decline-model.js';
import type { DeclineRow } from './decline-rows.js';

/**
 * An honest estimate of the decline model on questions it has not seen: leave-one-round-out over the
 * held-out rounds of tests/eval. For each round k the model is fitted without round k's sets and measured
 * on them: near-misses declined and paraphrases answered right, beside the weights in use (weights.json).
 * `npx tsx scripts/fit-answer-weights.ts --rows R --dry-run` writes the judged rows to R; then
 * `npx tsx scripts/fit/cross-validate-decline.ts R [--inputs a,b,c] [--cost C]` (default: every input of DECLINE_INPUTS,
 * the SQuAD cost of decline-model.ts).
 */

interface FoldFigures {
  nearMisses: number;
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
    declinedNearMisses: nearMisses.filter((row) => declined(model, row)).length,
    paraphrases: paraphrases.length,
    answeredParaphrases: paraphrases.filter((row) => isAnsweredRight(model, row)).length,
    declinedAll: declinedRows.length,
    declinedRight: declinedRows.filter((row) => !row.answerable).length,
  };
}

const ratio = (a: number, b: number) => (b === 0 ? '  n/a' : (a / b).toFixed(3));
const line = (f: FoldFigures) =>
  `near-misses declined ${ratio(f.declinedNearMisses, f.nearMisses)} (${f.declinedNearMisses}/${f.nearMisses}), paraphrases answered right ${ratio(f.answeredParaphrases, f.paraphrases)} (${f.answeredParaphrases}/${f.paraphrases}), declining precision ${ratio(f.declinedRight, f.declinedAll)}`;
const sum = (list: FoldFigures[]): FoldFigures =>
  list.reduce((a, b) => ({
    nearMisses: a.nearMisses + b.nearMisses,
    declinedNearMisses: a.declinedNearMisses + b.declinedNearMisses,
    paraphrases: a.paraphrases + b.paraphrases,
    answeredParaphrases: a.answeredParaphrases + b.answeredParaphrases,
    declinedAll: a.declinedAll + b.declinedAll,
    declinedRight: a.declinedRight + b.declinedRight,
  }));

export function crossValidate(rows: readonly DeclineRow[], inputs: readonly DeclineInput[], cost?: number): void {
  const rounds = [...new Set(rows.map((row) => row.group).filter((group) => group.startsWith('round ')))].sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)));
  const current = DEFAULT_WEIGHTS.decline;
  const before: FoldFigures[] = [];
  const after: FoldFigures[] = [];
  const squadTest = rows.filter((row) => row.group === 'squad-test');
  const testAccuracies: number[] = [];
  for (const round of rounds) {
    const model = fitDeclineModel(
      rows.filter((row) => row.group !== round && row.group !== 'squad-test'),
      inputs,
      undefined,
      cost,
    );
    const held = rows.filter((row) => row.group === round);
    before.push(figures(current, held));
    after.push(figures(model, held));
    testAccuracies.push(accuracyAt(model, squadTest, model.threshold));
    console.log(`${round.padEnd(9)} before: ${line(before.at(-1)!)}\n${''.padEnd(9)} after:  ${line(after.at(-1)!)} (threshold ${model.threshold}, questions.jsonl ${testAccuracies.at(-1)!.toFixed(3)})`);
  }
  console.log(`all rounds before: ${line(sum(before))}\nall rounds after:  ${line(sum(after))}`);
  console.log(`questions.jsonl (best sentence and companions): weights.json ${accuracyAt(current, squadTest, current.threshold).toFixed(3)}, folds ${Math.min(...testAccuracies).toFixed(3)}–${Math.max(...testAccuracies).toFixed(3)}`);
}

if (process.argv[1]?.endsWith('cross-validate-decline.ts')) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cross-validate-decline.ts ROWS.json [--inputs a,b,c]');
  const at = process.argv.indexOf('--inputs');
  const inputs = (at === -1 ? [...DECLINE_INPUTS] : process.argv[at + 1]!.split(',')) as DeclineInput[];
  const cost = process.argv.indexOf('--cost');
  crossValidate(JSON.parse(fs.readFileSync(file, 'utf8')) as DeclineRow[], inputs, cost === -1 ? undefined : Number(process.argv[cost + 1]));
}
