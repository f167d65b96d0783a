import fs from 'node:fs';
import { undecided } from '../../src/retrieve/follow-up.js';
import { keepsFollowUp } from '../../src/service-follow-up.js';
import { roundOf } from '../../tests/eval/report.js';

/**
 * Fits ANSWER_GAIN (src/service-follow-up.ts) leave-one-round-out on the rows of tests/eval/follow-up-trace.ts: for each
 * round left out, the gain that answers most follow-ups and switches right on the other rounds, without a single switch
 * answered otherwise than alone there, is checked on the left-out round; then the gain fitted on every round.
 * `npx tsx scripts/fit/follow-up-gain.ts [.cache/follow-up-turns.jsonl]`. First-order: each turn keeps the history the
 * current code gave it.
 */

interface Answered {
  answer: string;
  answerable: boolean;
  confidence: number;
  correct: boolean;
}
interface Row {
  set: string;
  kind: 'follow-up' | 'switch';
  chosenFollowUp: boolean;
  held: boolean;
  aloneCoverage: number;
  followUpCoverage: number;
  alone: Answered;
  followUp?: Answered;
}

const rows = fs
  .readFileSync(process.argv[2] ?? '.cache/follow-up-turns.jsonl', 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);
/** Whether a turn is answered as a follow-up with this gain: retrieval chose it, or left it undecided and its answer is clearly more probable. */
function asFollowUp(row: Row, gain: number): boolean {
  if (row.chosenFollowUp) return true;
  return row.followUp !== undefined && undecided(row) && keepsFollowUp(row.alone, row.followUp, gain);
}

function score(subset: readonly Row[], gain: number) {
  let right = 0;
  let notAlone = 0;
  for (const row of subset) {
    const followUp = asFollowUp(row, gain);
    const answered = followUp ? row.followUp! : row.alone;
    right += answered.correct ? 1 : 0;
    if (row.kind === 'switch' && followUp && !row.chosenFollowUp && answered.answer !== row.alone.answer) notAlone += 1;
  }
  return { right, notAlone };
}

const GAINS = Array.from({ length: 101 }, (_, i) => i / 100);
/** The median of the gains that score best without a switch answered otherwise than alone: the widest margin on both sides. */
function fit(subset: readonly Row[]): number {
  const admissible = GAINS.map((gain) => ({ gain, ...score(subset, gain) })).filter((result) => result.notAlone === 0);
  const best = Math.max(...admissible.map((result) => result.right));
  const equals = admissible.filter((result) => result.right === best);
  return equals[Math.floor(equals.length / 2)]!.gain;
}

const rounds = [...new Set(rows.map((row) => roundOf(row.set)))].sort();
let before = 0;
let after = 0;
for (const round of rounds) {
  const left = rows.filter((row) => roundOf(row.set) === round);
  const gain = fit(rows.filter((row) => roundOf(row.set) !== round));
  const [old, fitted] = [score(left, Infinity), score(left, gain)];
  before += old.right;
  after += fitted.right;
  console.log(`${round.padEnd(12)} gain ${gain.toFixed(2)}: right ${old.right} → ${fitted.right} of ${left.length}, switches not as alone ${fitted.notAlone}`);
}
console.log(`left-out rounds together: right ${before} → ${after} of ${rows.length}; fitted on every round: gain ${fit(rows).toFixed(2)}`);
