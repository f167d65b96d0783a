import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEvalCases } from '../../src/eval/datasets.js';
import { firstHitRank, isCorrect } from '../../src/eval/metrics.js';
import { evaluate } from '../../src/eval/run.js';
import { unmatchedSpecifics } from '../../src/answer/decline.js';
import type { SpecificsCheck } from '../../src/answer/specifics.js';
import type { Docent } from '../../src/service.js';
import { evalSets, openEvalDocent, type EvalSet } from './report.js';

/**
 * Where each wrong answer of the answerable questions went wrong, by pipeline stage:
 * `retrieval` (no passage holding the evidence among the top-k the answerer reads; its hybrid, BM25
 * and dense ranks in a deeper list are shown), `sentence` (the evidence is retrieved but another
 * sentence ranks first) or `declined` (the sentence holding the answer ranks first but is declined).
 * `npx tsx tests/eval/stages.ts [--only paraphrase] [--heldout]`; `--question Q [--corpus default|squad]` traces one question.
 */

const DEPTH = 50;
const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

/** Which decline signals fired for a candidate, each with the question's words it fired on: the rules (absent, conflicting, swapped) and the model's nearby and unsaid shares. */
function signals(specifics: SpecificsCheck): string {
  const list = (label: string, words: ReadonlyArray<{ text: string }>) => (words.length > 0 ? ` ${label} [${words.map((word) => word.text).join(', ')}]` : '');
  const rule = unmatchedSpecifics(specifics) ? ' specifics ✗' : '';
  return `${rule}${list('absent', specifics.absent)}${list('conflicting', specifics.conflicting)}${list('swapped', specifics.swapped)}${list('nearby', specifics.nearby)}${list('unsaid', specifics.unsaid)}`;
}

async function stageOf(docent: Docent, question: string, answers: string[], deep: Awaited<ReturnType<Docent['search']>>, hitRank: number | undefined): Promise<string> {
  const k = docent.config.topK;
  const ranks = hitRank === undefined ? 'none' : `${hitRank} (bm25 ${deep[hitRank - 1]!.ranks.bm25 ?? '-'}, dense ${deep[hitRank - 1]!.ranks.dense ?? '-'})`;
  if (hitRank === undefined || hitRank > k) return `retrieval: evidence at ${ranks}`;
  const judgement = await docent.extractive.judge(question, deep.slice(0, k));
  const holds = (text: string) => answers.some((answer) => normalize(text).includes(normalize(answer)));
  const at = judgement.ranked.findIndex((candidate) => holds(docent.index.documents.get(candidate.sentence.source)!.slice(candidate.sentence.start, candidate.sentence.end)));
  if (at === -1) return `sentence: no candidate sentence holds the answer (evidence at ${ranks})`;
  const top = judgement.candidates[0];
  const right = judgement.candidates[at];
  const describe = (c: NonNullable<typeof top>) =>
    `cov ${c.features.coverage.toFixed(2)} exact ${c.features.exactCoverage.toFixed(2)} passage ${c.features.passageCoverage.toFixed(2)} p ${c.probability.toFixed(3)}${signals(c.specifics)}${c.outmatched ? ' outmatched' : ''}`;
  if (at > 0) return `sentence: answer's sentence ranks ${at + 1}${right ? ` (${describe(right)})` : ''}; first: ${top ? describe(top) : '?'}`;
  return `declined: ${top ? describe(top) : '?'} (evidence at ${ranks})`;
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
  const sets = evalSets().filter((set) => (!only || path.basename(set.file).includes(only)) && (process.argv.includes('--heldout') || !set.file.includes('.heldout.')));
  const docents = new Map<string, Docent>();
  const counts = new Map<string, number>();
  for (const set of sets) {
    if (!docents.has(set.corpus)) docents.set(set.corpus, await openEvalDocent(set.corpus));
    const docent = docents.get(set.corpus)!;
    const cases = await loadEvalCases(set.file, docent.index.documents);
    if (!cases.every((item) => item.answerable)) continue;
    const report = await evaluate(docent, set.file, 'hybrid');
    console.log(`${path.basename(set.file)}: accuracy ${report.metrics.answerAccuracy?.toFixed(3)}, hit@5 ${report.metrics.hitAt5?.toFixed(3)}`);
    for (const result of report.results) {
      if (isCorrect(result)) continue;
      const deep = await docent.search(result.case.question, DEPTH);
      const answers = 'all' in result.case.expected ? result.case.expected.all : result.case.expected.any;
      const stage = await stageOf(docent, result.case.question, answers, deep, firstHitRank({ ...result, ranking: deep }));
      const kind = result.response.answerable ? 'answered wrong' : 'declined';
      counts.set(`${stage.split(':')[0]} (${kind})`, (counts.get(`${stage.split(':')[0]} (${kind})`) ?? 0) + 1);
      console.log(`  ✗ ${result.case.id} ${result.case.question}\n      ${kind}; ${stage}`);
    }
  }
  for (const [stage, n] of [...counts].sort()) console.log(`${stage}: ${n}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
