import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEvalCases } from '../../src/eval/datasets.js';
import { firstHitRank, isCorrect } from '../../src/eval/metrics.js';
import { evaluate } from '../../src/eval/run.js';
import { unmatchedSpecifics } from '../../src/answer/decline.js';
import type { Docent } from '../../src/service.js';
import { evalSets, openEvalDocent } from './report.js';

/**
 * Where each wrong answer of the answerable questions went wrong, by pipeline stage:
 * `retrieval` (no passage holding the evidence among the top-k the answerer reads; its hybrid, BM25
 * and dense ranks in a deeper list are shown), `sentence` (the evidence is retrieved but another
 * sentence ranks first) or `declined` (the sentence holding the answer ranks first but is declined).
 * `npx tsx tests/eval/stages.ts [--only paraphrase] [--heldout]`.
 */

const DEPTH = 50;
const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

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
    `cov ${c.features.coverage.toFixed(2)} exact ${c.features.exactCoverage.toFixed(2)} passage ${c.features.passageCoverage.toFixed(2)} p ${c.probability.toFixed(3)}${unmatchedSpecifics(c.specifics) ? ` specifics ✗ [${[...c.specifics.absent, ...c.specifics.conflicting].map((f) => f.text).join(', ')}${c.specifics.swapped.length ? ', swapped' : ''}]` : ''}${c.outmatched ? ' outmatched' : ''}`;
  if (at > 0) return `sentence: answer's sentence ranks ${at + 1}${right ? ` (${describe(right)})` : ''}; first: ${top ? describe(top) : '?'}`;
  return `declined: ${top ? describe(top) : '?'} (evidence at ${ranks})`;
}

async function main() {
  const argument = (name: string) => {
    const at = process.argv.indexOf(name);
    return at === -1 ? undefined : process.argv[at + 1];
  };
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
