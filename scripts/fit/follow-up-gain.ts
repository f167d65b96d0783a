import fs from 'node:fs';
import type { NameChoice } from '../../src/retrieve/answer-subject.js';
import { undecided } from '../../src/retrieve/follow-up.js';
import { keepsFollowUp } from '../../src/service-follow-up.js';
import { roundOf } from '../../tests/eval/report.js';

/**
 * Fits how a follow-up is matched (the NameChoice defaults of src/retrieve/follow-up.ts: how many names, and when names most
 * passages hold are skipped) and ANSWER_GAIN (src/service-follow-up.ts) leave-one-round-out on the rows of
 * tests/eval/follow-up-trace.ts: for each round left out, the setting that answers most follow-ups and switches right on the
 * other rounds, without a single switch answered otherwise than alone there, is checked on the left-out round (against BEFORE);
 * then the setting fitted on every round.
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
  /** The follow-up's answer under each choice of names (a follow-up with words of its own; none for another). */
  byChoice: { choice: Required<NameChoice>; answer: Answered }[];
}
type Setting = Required<NameChoice> & { gain: number };

const rows = fs
  .readFileSync(process.argv[2] ?? '.cache/follow-up-turns.jsonl', 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);
const sameChoice = (a: Required<NameChoice>, b: Required<NameChoice>) => a.count === b.count && a.skipCommon === b.skipCommon;
/** The follow-up reading's answer under this choice of names. */
const followUpAnswer = (row: Row, setting: Setting) => row.byChoice.find(({ choice }) => sameChoice(choice, setting))?.answer ?? row.followUp;

/** Whether a turn is answered as a follow-up: retrieval chose it, or left it undecided and its answer is clearly more probable. */
function asFollowUp(row: Row, setting: Setting): boolean {
  if (row.chosenFollowUp) return true;
  const followUp = followUpAnswer(row, setting);
  return followUp !== undefined && undecided(row) && keepsFollowUp(row.alone, followUp, setting.gain);
}

function score(subset: readonly Row[], setting: Setting) {
  let right = 0;
  let notAlone = 0;
  for (const row of subset) {
    const followUp = asFollowUp(row, setting);
    const answered = followUp ? followUpAnswer(row, setting)! : row.alone;
    right += answered.correct ? 1 : 0;
    if (row.kind === 'switch' && followUp && !row.chosenFollowUp && answered.answer !== row.alone.answer) notAlone += 1;
  }
  return { right, notAlone };
}

const GAINS = Array.from({ length: 101 }, (_, i) => i / 100);
/**
 * The choices weighed, first preferred among equals: names most passages hold skipped when the follow-up names nothing
 * telling of its own, then always, then never (none of them can point at one passage), and more names before fewer.
 */
const CHOICES: Required<NameChoice>[] = (['unnamed', 'always', 'never'] as const).flatMap((skipCommon) => [4, 3, 2, 1].map((count) => ({ count, skipCommon })));
const BEFORE: Setting = { count: 4, skipCommon: 'never', gain: 0.29 };
/**
 * The setting that scores best without a switch answered otherwise than alone: the first of NAMES among equals, and the
 * median of the best gains for it, the widest margin on both sides.
 */
function fit(subset: readonly Row[]): Setting {
  const admissible = CHOICES.flatMap((choice) => GAINS.map((gain) => ({ ...choice, gain, ...score(subset, { ...choice, gain }) }))).filter(
    (result) => result.notAlone === 0,
  );
  const best = Math.max(...admissible.map((result) => result.right));
  const chosen = admissible.find((result) => result.right === best)!;
  const equals = admissible.filter((result) => result.right === best && sameChoice(result, chosen));
  return { count: chosen.count, skipCommon: chosen.skipCommon, gain: equals[Math.floor(equals.length / 2)]!.gain };
}
const show = ({ count, skipCommon, gain }: Setting) => `names ${count}, common skipped ${skipCommon}, gain ${gain.toFixed(2)}`;

const rounds = [...new Set(rows.map((row) => roundOf(row.set)))].sort();
let before = 0;
let after = 0;
for (const round of rounds) {
  const left = rows.filter((row) => roundOf(row.set) === round);
  const setting = fit(rows.filter((row) => roundOf(row.set) !== round));
  const [old, fitted] = [score(left, BEFORE), score(left, setting)];
  before += old.right;
  after += fitted.right;
  console.log(`${round.padEnd(12)} ${show(setting)}: right ${old.right} → ${fitted.right} of ${left.length}, switches not as alone ${fitted.notAlone}`);
}
console.log(`left-out rounds together: right ${before} → ${after} of ${rows.length}; fitted on every round: ${show(fit(rows))}`);
