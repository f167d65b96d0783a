import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Candidate } from '../src/answer/candidates.js';
import { DECLINE_INPUTS } from '../src/answer/decline.js';
import type { AnswerWeights } from '../src/answer/weights.js';
import { DEFAULT_WEIGHTS } from '../src/answer/weights.js';
import { loadConfig } from '../src/config.js';
import { loadEmbedder } from '../src/embed/load.js';
import type { EvalCase } from '../src/eval/datasets.js';
import { openDocent, type Docent } from '../src/service.js';
import { crossValidate } from './fit/cross-validate-decline.js';
import { accuracyAt, declined, fitDeclineModel } from './fit/decline-model.js';
import { contains, declineRows, labelledQuestions, type Corpus, type DeclineRow } from './fit/decline-rows.js';
import { fitLogistic, predict, type Example } from './fit/logistic.js';

/**
 * Fits the extractive answerer's weights (src/answer/weights.json), offline and reproducibly:
 * 1. sentence ranking — a logistic model of "this sentence holds the answer" over each candidate's
 *    signals, fitted on the SQuAD questions of ../shared/eval/squad/questions_all.jsonl that are not
 *    in questions.jsonl (`--decline-only` keeps the sentence weights in use);
 * 2. declining — a logistic model of "the best sentence answers" over the best candidate's signals
 *    (src/answer/decline.ts), fitted on the same SQuAD questions (answered), every near-miss, paraphrase
 *    and unanswerable set of tests/eval, held-out rounds included (all are seen), and near-misses made from
 *    the SQuAD questions (scripts/fit/near-misses.ts); a best sentence declined by rule is left out of the
 *    fit; the threshold is chosen as scripts/fit/decline-model.ts says. Before writing, a leave-one-round-out
 *    cross-validation over the held-out rounds estimates what the model does on an unseen round.
 * questions.jsonl is never fitted on. Run: `npm run fit:weights` (`--dry-run` prints without writing,
 * `--rows FILE` keeps the judged rows for scripts/fit/cross-validate-decline.ts).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = ['../shared/eval', '../../shared/eval'].map((dir) => path.resolve(root, dir)).find((dir) => fs.existsSync(dir));
if (!shared) throw new Error('../shared/eval (SQuAD questions and corpus) is needed to fit the weights');

/** How many near-misses to make from the SQuAD train questions. */
const GENERATED_NEAR_MISSES = 1600;

async function open(corpus: Corpus): Promise<Docent> {
  const config = loadConfig();
  const embedder = await loadEmbedder({ ...config.embedding, modelsDir: config.modelsDir });
  const corpusDir = corpus === 'default' ? path.join(root, 'corpus') : path.join(shared!, 'squad/corpus');
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-fit-'));
  return openDocent(loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, MODELS_DIR: config.modelsDir }, os.tmpdir()), { embedder, reindex: 'always' });
}

const SENTENCE_INPUTS = ['coverage', 'exactCoverage', 'passageCoverage', 'offersType', 'short', 'rank'] as const;
const sentenceVector = (candidate: Candidate) => SENTENCE_INPUTS.map((input) => candidate.features[input]);

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};

/** Fits the sentence ranking on the SQuAD train questions and reports top-1 before and after. */
async function fitSentence(docents: Record<Corpus, Docent>, squadTrain: readonly EvalCase[], squadTest: readonly EvalCase[]): Promise<AnswerWeights['sentence']> {
  const ranked = async (items: readonly EvalCase[]) => {
    const out: Array<{ item: EvalCase; ranked: readonly Candidate[] }> = [];
    for (const item of items) out.push({ item, ranked: (await docents.squad.extractive.judge(item.question, await docents.squad.search(item.question, docents.squad.config.topK))).ranked });
    return out;
  };
  const text = (candidate: Candidate) => docents.squad.index.documents.get(candidate.sentence.source)!.slice(candidate.sentence.start, candidate.sentence.end);
  const rankTrain = await ranked(squadTrain);
  const rankTest = await ranked(squadTest);
  const rankExamples: Example[] = rankTrain.flatMap(({ item, ranked }) => ranked.map((candidate) => ({ x: sentenceVector(candidate), y: contains(text(candidate), item) ? 1 : 0 })));
  const positives = rankExamples.filter((e) => e.y === 1).length;
  const balanced = rankExamples.map((e) => ({ ...e, weight: e.y === 1 ? rankExamples.length / (2 * positives) : rankExamples.length / (2 * (rankExamples.length - positives)) }));
  const sentenceModel = fitLogistic(balanced);
  const top1 = (rows: typeof rankTrain, score: (c: Candidate) => number) =>
    rows.filter(({ item, ranked }) => ranked.length > 0 && contains(text([...ranked].sort((a, b) => score(b) - score(a))[0]!), item)).length / rows.length;
  const oldScore = (c: Candidate) => c.score;
  const newScore = (c: Candidate) => predict(sentenceModel, sentenceVector(c));
  console.log(`Sentence ranking, top sentence holds the answer: train ${top1(rankTrain, oldScore).toFixed(3)} → ${top1(rankTrain, newScore).toFixed(3)}; test (questions.jsonl) ${top1(rankTest, oldScore).toFixed(3)} → ${top1(rankTest, newScore).toFixed(3)}`);
  return { bias: round(sentenceModel.bias), ...Object.fromEntries(SENTENCE_INPUTS.map((input, i) => [input, round(sentenceModel.weights[i]!)])) } as AnswerWeights['sentence'];
}

async function main() {
  const docents: Record<Corpus, Docent> = { default: await open('default'), squad: await open('squad') };
  const items = await labelledQuestions(docents, shared!, path.join(root, 'tests/eval'), GENERATED_NEAR_MISSES);
  const inGroup = (group: string) => items.filter((item) => item.group === group);

  // 1. Sentence ranking (kept as it is with --decline-only).
  const sentence = process.argv.includes('--decline-only') ? DEFAULT_WEIGHTS.sentence : await fitSentence(docents, inGroup('squad-train'), inGroup('squad-test'));

  // 2. Declining, with that ranking.
  const withSentence: AnswerWeights = { ...DEFAULT_WEIGHTS, sentence };
  const answerers = { default: docents.default.extractive.withOptions({ weights: withSentence }), squad: docents.squad.extractive.withOptions({ weights: withSentence }) };
  const rows = await declineRows(docents, answerers, items);
  const rowsFile = argument('--rows');
  if (rowsFile) fs.writeFileSync(rowsFile, JSON.stringify(rows));
  const train = rows.filter((row) => row.group !== 'squad-test');
  const minimum = argument('--min-squad-accuracy');
  const model = fitDeclineModel(train, DECLINE_INPUTS, minimum === undefined ? undefined : Number(minimum));
  const rate = (selected: DeclineRow[]) => (selected.filter((row) => declined(model, row)).length / Math.max(1, selected.length)).toFixed(3);
  const of = (group: string, answerable: boolean) => rows.filter((row) => row.group === group && row.answerable === answerable);
  const squadTest = rows.filter((row) => row.group === 'squad-test');
  console.log(`Decline model: threshold ${model.threshold}; SQuAD train accuracy ${accuracyAt(model, of('squad-train', true), 0).toFixed(3)} → ${accuracyAt(model, of('squad-train', true), model.threshold).toFixed(3)}; questions.jsonl (not fitted) ${accuracyAt(model, squadTest, 0).toFixed(3)} → ${accuracyAt(model, squadTest, model.threshold).toFixed(3)}`);
  console.log(`  declined (in sample): tuning near-misses ${rate(of('tuning', false))}, generated ${rate(of('generated', false))}, held-out rounds ${rate(rows.filter((row) => row.group.startsWith('round ') && !row.answerable))}`);
  console.log('Cross-validated by round (fitted without the round, measured on it):');
  for (const folds of ['loro', 'forward'] as const) crossValidate(rows, { inputs: DECLINE_INPUTS, folds });

  const weights: AnswerWeights = {
    sentence,
    decline: model,
    fittedOn: `scripts/fit-answer-weights.ts: ${inGroup('squad-train').length} SQuAD questions (questions_all minus questions.jsonl), ${items.filter((item) => item.group === 'tuning' || item.group.startsWith('round ')).length} of tests/eval's sets (tuning and held-out rounds), ${inGroup('generated').length} generated near-misses`,
  };
  console.log(JSON.stringify(weights, null, 2));
  if (!process.argv.includes('--dry-run')) fs.writeFileSync(path.join(root, 'src/answer/weights.json'), `${JSON.stringify(weights, null, 2)}\n`);
}

const round = (value: number) => Number(value.toFixed(4));

await main();
