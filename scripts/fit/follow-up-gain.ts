import fs from 'node:fs';
import { undecided } from '../../src/retrieve/follow-up.js';
import { keepsFollowUp } from '../../src/service-follow-up.js';
import { roundOf } from '../../tests/eval/report.js';

/**
 * Fits REFERENCED_NAMES (src/retrieve/follow-up.ts) and ANSWER_GAIN (src/service-follow-up.ts) leave-one-round-out on the
 * rows of tests/eval/follow-up-trace.ts: for each round left out, the number of names and the gain that answer most
 * follow-ups and switches right on the other rounds, without a single switch answered otherwise than alone there, are
 * checked on the left-out round ("before": 4 names and gain 0.29, as before they were fitted together); then both fitted on every round.
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
  /** The follow-up's answer matched with 1 to 4 of the names it may point back to (a follow-up with words of its own). */
  byNames: Record<string, Answered>;
}
interface Setting {
  names: number;
  gain: number;
}

const rows = fs
  .readFileSync(process.argv[2] ?? '.cache/follow-up-turns.jsonl', 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);
/** The follow-up reading's answer with this many names. */
const followUpAnswer = (row: Row, names: number) => row.byNames[names] ?? row.followUp;

/** Whether a turn is answered as a follow-up: retrieval chose it, or left it undecided and its answer is clearly more probable. */
function asFollowUp(row: Row, { names, gain }: Setting): boolean {
  if (row.chosenFollowUp) return true;
  const followUp = followUpAnswer(row, names);
  return followUp !== undefined && undecided(row) && keepsFollowUp(row.alone, followUp, gain);
}

function score(subset: readonly Row[], setting: Setting) {
  let right = 0;
  let notAlone = 0;
  for (const row of subset) {
    const followUp = asFollowUp(row, setting);
    const answered = followUp ? followUpAnswer(row, setting.names)! : row.alone;
    right += answered.correct ? 1 : 0;
    if (row.kind === 'switch' && followUp && !row.chosenFollowUp && answered.answer !== row.alone.answer) notAlone += 1;
  }
  return { right, notAlone };
}

const GAINS = Array.from({ length: 101 }, (_, i) => i / 100);
const NAMES = [4, 3, 2, 1];
/**
 * The setting that scores best without a switch answered otherwise than alone: the most names among equals (the old
 * reading), and the median of the best gains for it, the widest margin on both sides.
 */
function fit(subset: readonly Row[]): Setting {
  const admissible = NAMES.flatMap((names) => GAINS.map((gain) => ({ names, gain, ...score(subset, { names, gain }) }))).filter((result) => result.notAlone === 0);
  const best = Math.max(...admissible.map((result) => result.right));
  const names = admissible.find((result) => result.right === best)!.names;
  const equals = admissible.filter((result) => result.right === best && result.names === names);
  return { names, gain: equals[Math.floor(equals.length / 2)]!.gain };
}
const show = ({ names, gain }: Setting) => `names ${names} gain ${gain.toFixed(2)}`;

const rounds = [...new Set(rows.map((row) => roundOf(row.set)))].sort();
let before = 0;
let after = 0;
for (const round of rounds) {
  const left = rows.filter((row) => roundOf(row.set) === round);
  const setting = fit(rows.filter((row) => roundOf(row.set) !== round));
  const [old, fitted] = [score(left, { names: 4, gain: 0.29 }), score(left, setting)];
  before += old.right;
  after += fitted.right;
  console.log(`${round.padEnd(12)} ${show(setting)}: right ${old.right} → ${fitted.right} of ${left.length}, switches not as alone ${fitted.notAlone}`);
}
console.log(`left-out rounds together: right ${before} → ${after} of ${rows.length}; fitted on every round: ${show(fit(rows))}`);
