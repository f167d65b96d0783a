import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEvalCases, type EvalCase } from '../../src/eval/datasets.js';
import { firstHitRank, isCorrect } from '../../src/eval/metrics.js';
import { evaluate } from '../../src/eval/run.js';
import { unmatchedSpecifics } from '../../src/answer/decline.js';
import type { SpecificsCheck } from '../../src/answer/specifics.js';
import type { Candidate } from '../../src/answer/candidates.js';
import type { Docent } from '../../src/service.js';
import { evalSets, openEvalDocent, roundOf, type EvalSet } from './report.js';

/**
 * Where each wrong answer of the answerable questions went wrong, by pipeline stage (see stageOf), with a
 * table of the stages per round at the end. `npx tsx tests/eval/stages.ts [--only paraphrase] [--except a,b] [--heldout]`;
 * `--question Q [--corpus default|squad]` traces one question.
 */

const DEPTH = 50;
const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

/** Which decline signals fired for a candidate, each with the question's words it fired on: the rules (absent, conflicting, swapped) and the model's nearby and unsaid shares. */
function signals(specifics: SpecificsCheck): string {
  const list = (label: string, words: ReadonlyArray<{ text: string }>) => (words.length > 0 ? ` ${label} [${words.map((word) => word.text).join(', ')}]` : '');
  const rule = unmatchedSpecifics(specifics) ? ' specifics ✗' : '';
  return `${rule}${list('absent', specifics.absent)}${list('conflicting', specifics.conflicting)}${list('swapped', specifics.swapped)}${list('nearby', specifics.nearby)}${list('unsaid', specifics.unsaid)}`;
}

/**
 * The stage that lost a wrong answer, as a letter and a description: (a) retrieval — no passage holding the evidence
 * among the top-k; (b) another sentence ranks above the one holding the answer; (c) the sentence quoted first is the
 * neighbour of the one holding the answer (same paragraph), which was not quoted beside it; (d) declined though a
 * candidate holds the answer (d1: it ranks first; d2: another ranks first); (e) retrieved, but no candidate sentence
 * holds the expected words (read the item: an answer across two sentences, or a must_contain the text words otherwise).
 */
async function stageOf(docent: Docent, question: string, expected: EvalCase['expected'], deep: Awaited<ReturnType<Docent['search']>>, hitRank: number | undefined, quoted: { source: string; start: number; end: number } | undefined): Promise<{ stage: string; detail: string }> {
  const k = docent.config.topK;
  const ranks = hitRank === undefined ? 'none' : `${hitRank} (bm25 ${deep[hitRank - 1]!.ranks.bm25 ?? '-'}, dense ${deep[hitRank - 1]!.ranks.dense ?? '-'})`;
  if (hitRank === undefined || hitRank > k) return { stage: 'a', detail: `retrieval: evidence at ${ranks}` };
  const judgement = await docent.extractive.judge(question, deep.slice(0, k));
  const textOf = (sentence: { source: string; start: number; end: number }) => docent.index.documents.get(sentence.source)!.slice(sentence.start, sentence.end);
  const has = (text: string, answer: string) => normalize(text).includes(normalize(answer));
  const holds = (text: string) => ('all' in expected ? expected.all.every((answer) => has(text, answer)) : expected.any.some((answer) => has(text, answer)));
  const at = judgement.ranked.findIndex((candidate) => holds(textOf(candidate.sentence)));
  if (at === -1) return { stage: 'e', detail: `no candidate sentence holds the answer (evidence at ${ranks})` };
  const top = judgement.candidates[0];
  const right = judgement.candidates[at];
  const describe = (c: NonNullable<typeof top>) =>
    `cov ${c.features.coverage.toFixed(2)} exact ${c.features.exactCoverage.toFixed(2)} passage ${c.features.passageCoverage.toFixed(2)} type ${c.features.offersType} p ${c.probability.toFixed(3)}${signals(c.specifics)}${c.outmatched ? ' outmatched' : ''}`;
  if (!quoted) return { stage: at === 0 ? 'd1' : 'd2', detail: `declined: answer's sentence ranks ${at + 1}${right ? ` (${describe(right)})` : ''}; first: ${top ? describe(top) : '?'} (evidence at ${ranks})` };
  const answer = judgement.ranked[at]!.sentence;
  // Neighbours: in one paragraph, with no other candidate sentence between the quoted span and the answer's sentence.
  const [from, to] = answer.start < quoted.start ? [answer.end, quoted.start] : [quoted.end, answer.start];
  const neighbour =
    answer.source === quoted.source &&
    !/\n\s*\n/.test(docent.index.documents.get(answer.source)!.slice(Math.min(from, to), Math.max(from, to))) &&
    !judgement.ranked.some((c) => c.sentence.source === answer.source && c.sentence.start >= from && c.sentence.start < to);
  return { stage: neighbour ? 'c' : 'b', detail: `sentence (${whyRankedBelow(judgement.ranked[0]!, judgement.ranked[at]!, quoted)}): answer's sentence ranks ${at + 1}${right ? ` (${describe(right)})` : ''}; first: ${top ? describe(top) : '?'}` };
}

/** How much less a sentence must cover of the question to count as saying less of it. */
const LESS = 0.05;

/**
 * Why the first-ranked sentence won over the one holding the answer, read from the ranking's signals in this order:
 * the first-ranked was not the one quoted (moved by definitions, table lookups or the specifics check); the answer's
 * sentence says less of the question (its topic is said by another sentence, often its neighbour); it says as much
 * but in fewer exact words; it sits in a later passage; else the remaining signals (type, length, passage coverage).
 */
function whyRankedBelow(first: Candidate, answer: Candidate, quoted: { source: string; start: number; end: number }): string {
  const [a, b] = [first.features, answer.features];
  if (first.sentence.source !== quoted.source || first.sentence.start < quoted.start || first.sentence.end > quoted.end) return 'reordered';
  if (b.coverage < a.coverage - LESS) return 'says less of the question';
  if (b.exactCoverage < a.exactCoverage - LESS) return 'fewer exact words';
  if (b.rank > a.rank) return 'later passage';
  return 'other signals';
}

/** `--question Q [--corpus default|squad]`: the candidate sentences the answerer judged for one question, best first, with the signals that fired on each. */
async function traceQuestion(docent: Docent, question: string) {
  const judgement = await docent.extractive.judge(question, await docent.search(question, docent.config.topK));
  judgement.candidates.forEach((candidate, i) => {
    const { source, start, end } = candidate.sentence;
    console.log(`${i + 1}. ${docent.index.documents.get(source)!.slice(start, end).replace(/\s+/g, ' ').slice(0, 240)}`);
    console.log(`   cov ${candidate.features.coverage.toFixed(2)} p ${candidate.probability.toFixed(3)}${signals(candidate.specifics)}${candidate.outmatched ? ' outmatched' : ''}`);
  });
}

async function main() {
  const argument = (name: string) => {
    const at = process.argv.indexOf(name);
    return at === -1 ? undefined : process.argv[at + 1];
  };
  const asked = argument('--question');
  if (asked) return traceQuestion(await openEvalDocent((argument('--corpus') ?? 'squad') as EvalSet['corpus']), asked);
  const only = argument('--only');
  const except = argument('--except')?.split(',') ?? [];
  const sets = evalSets().filter(
    (set) => (!only || path.basename(set.file).includes(only)) && !except.some((text) => path.basename(set.file).includes(text)) && (process.argv.includes('--heldout') || !set.file.includes('.heldout.')),
  );
  const docents = new Map<string, Docent>();
  // Per round (roundOf), how many answerable questions and how many lost at each stage.
  const table = new Map<string, Map<string, number>>();
  const count = (round: string, stage: string) => {
    const row = table.get(round) ?? new Map<string, number>();
    row.set(stage, (row.get(stage) ?? 0) + 1);
    table.set(round, row);
  };
  for (const set of sets) {
    if (!docents.has(set.corpus)) docents.set(set.corpus, await openEvalDocent(set.corpus));
    const docent = docents.get(set.corpus)!;
    const cases = await loadEvalCases(set.file, docent.index.documents);
    if (!cases.every((item) => item.answerable)) continue;
    const report = await evaluate(docent, set.file, 'hybrid');
    console.log(`${path.basename(set.file)}: accuracy ${report.metrics.answerAccuracy?.toFixed(3)}, hit@5 ${report.metrics.hitAt5?.toFixed(3)}`);
    const round = roundOf(set.file);
    for (const result of report.results) {
      count(round, 'n');
      if (isCorrect(result)) continue;
      const deep = await docent.search(result.case.question, DEPTH);
      const { expected } = result.case;
      const first = result.response.citations[0];
      const { stage, detail } = await stageOf(docent, result.case.question, expected, deep, firstHitRank({ ...result, ranking: deep }), first);
      count(round, stage);
      const kind = result.response.answerable ? 'answered wrong' : 'declined';
      console.log(`  ✗ (${stage}) ${result.case.id} ${result.case.question}\n      ${kind}; ${detail}`);
    }
  }
  const stages = ['a', 'b', 'c', 'd1', 'd2', 'e'];
  console.log(`round        n  ${stages.map((stage) => stage.padStart(4)).join('')}`);
  for (const [round, row] of [...table].sort()) console.log(`${round.padEnd(11)}${String(row.get('n')).padStart(4)}  ${stages.map((stage) => String(row.get(stage) ?? 0).padStart(4)).join('')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
