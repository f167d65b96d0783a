import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractiveAnswerer } from '../src/answer/extractive.js';
import type { Judged } from '../src/answer/judged.js';
import type { Candidate } from '../src/answer/candidates.js';
import { DECLINE_INPUTS, declinedByRule, declineInputs, unmatchedSpecifics } from '../src/answer/decline.js';
import type { AnswerWeights } from '../src/answer/weights.js';
import { DEFAULT_WEIGHTS } from '../src/answer/weights.js';
import { DEFAULT_EXTRACTIVE_OPTIONS } from '../src/answer/extractive.js';
import { loadConfig } from '../src/config.js';
import { loadEmbedder } from '../src/embed/load.js';
import { loadEvalCases, type EvalCase } from '../src/eval/datasets.js';
import { openDocent, type Docent } from '../src/service.js';
import { auc, fitLogistic, predict, type Example } from './fit/logistic.js';
import { makeNearMisses } from './fit/near-misses.js';

/**
 * Fits the extractive answerer's weights (src/answer/weights.json), offline and reproducibly:
 * 1. sentence ranking — a logistic model of "this sentence holds the answer" over each candidate's
 *    signals, fitted on the SQuAD questions of ../shared/eval/squad/questions_all.jsonl that are not
 *    in questions.jsonl;
 * 2. declining — a logistic model of "the best sentence answers" over the best candidate's signals,
 *    fitted on the same SQuAD questions (answered) plus the tuning parts of tests/eval's near-miss,
 *    paraphrase and unanswerable sets and near-misses made from the SQuAD questions (declined); a best
 *    sentence stating the question's specifics differently or not naming them is declined by rule and left out of the fit; the
 *    threshold is the highest that keeps SQuAD accuracy within MAX_DECLINE_COST (0.005) of declining by that rule alone.
 * Reports both on questions.jsonl and the held-out sets, which are never fitted on.
 * Run: `npm run fit:weights` (add `--dry-run` to print without writing).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = ['../shared/eval', '../../shared/eval'].map((dir) => path.resolve(root, dir)).find((dir) => fs.existsSync(dir));
if (!shared) throw new Error('../shared/eval (SQuAD questions and corpus) is needed to fit the weights');

type Corpus = 'default' | 'squad';
interface Labelled extends EvalCase {
  corpus: Corpus;
}

async function open(corpus: Corpus): Promise<Docent> {
  const config = loadConfig();
  const embedder = await loadEmbedder({ ...config.embedding, modelsDir: config.modelsDir });
  const corpusDir = corpus === 'default' ? path.join(root, 'corpus') : path.join(shared!, 'squad/corpus');
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-fit-'));
  return openDocent(loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, MODELS_DIR: config.modelsDir }, os.tmpdir()), { embedder, reindex: 'always' });
}

const contains = (text: string, item: EvalCase) => {
  const lower = text.toLowerCase();
  return 'all' in item.expected ? item.expected.all.every((part) => lower.includes(part.toLowerCase())) : item.expected.any.some((part) => lower.includes(part.toLowerCase()));
};

const SENTENCE_INPUTS = ['coverage', 'exactCoverage', 'passageCoverage', 'offersType', 'short', 'rank'] as const;
const sentenceVector = (candidate: Candidate) => SENTENCE_INPUTS.map((input) => candidate.features[input]);

/**
 * Answer accuracy of main's answerer before issue 9 on the SQuAD questions fitted on: questions_all 0.791 over 3,468 and
 * questions.jsonl 0.848 over 620 give (0.791 × 3468 − 0.848 × 620) / 2848 = 0.778.
 */
const TODAY_SQUAD_TRAIN_ACCURACY = 0.778;
/**
 * The SQuAD accuracy the model's threshold may give up, on the questions fitted on, for the near-misses it catches.
 * Half of the 0.01 the issue allows: the specifics rule (unmatchedSpecifics) declines some answers too.
 */
const MAX_DECLINE_COST = 0.005;

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};

async function main() {
  const docents: Record<Corpus, Docent> = { default: await open('default'), squad: await open('squad') };
  const load = async (file: string, corpus: Corpus): Promise<Labelled[]> => (await loadEvalCases(file, docents[corpus].index.documents)).map((item) => ({ ...item, corpus }));
  const testIds = new Set(fs.readFileSync(path.join(shared!, 'squad/questions.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id));
  const allSquad = await load(path.join(shared!, 'squad/questions_all.jsonl'), 'squad');
  const squadTrain = allSquad.filter((item) => !testIds.has(item.id));
  const squadTest = allSquad.filter((item) => testIds.has(item.id));
  const evalDir = path.join(root, 'tests/eval');
  const own = async (name: string) => load(path.join(evalDir, name), name.includes('squad') ? 'squad' : 'default');
  // Every question set of tests/eval: the tuning ones are fitted on, the held-out ones only reported.
  const questionSets = fs.readdirSync(evalDir).filter((name) => /^(near-miss|paraphrase|squad-unanswerable)/.test(name) && name.endsWith('.jsonl'));
  const loadAll = async (names: string[]) => (await Promise.all(names.map(own))).flat();
  const ownTune = await loadAll(questionSets.filter((name) => !name.includes('.heldout.')));
  const heldOut = await loadAll(questionSets.filter((name) => name.includes('.heldout.')));
  const generated = makeNearMisses(squadTrain, docents.squad.index.documents, 800).map((item): Labelled => ({ ...item, corpus: 'squad' }));

  const judgeAll = async (answerers: Record<Corpus, ExtractiveAnswerer>, items: Labelled[]) => {
    const out: Array<{ item: Labelled; ranked: Candidate[]; candidates: Judged[]; best: Judged | undefined; information: number }> = [];
    for (const item of items) {
      const docent = docents[item.corpus];
      const judgement = await answerers[item.corpus].judge(item.question, await docent.search(item.question, docent.config.topK));
      const best = judgement.candidates.find((c) => !unmatchedSpecifics(c.specifics)) ?? judgement.candidates[0];
      out.push({ item, ranked: judgement.ranked, candidates: judgement.candidates, best, information: judgement.information });
    }
    return out;
  };
  const text = (item: Labelled, candidate: Candidate) => docents[item.corpus].index.documents.get(candidate.sentence.source)!.slice(candidate.sentence.start, candidate.sentence.end);

  // 1. Sentence ranking.
  const base = { default: docents.default.extractive, squad: docents.squad.extractive };
  const rankTrain = await judgeAll(base, squadTrain);
  const rankTest = await judgeAll(base, squadTest);
  const rankExamples: Example[] = rankTrain.flatMap(({ item, ranked }) => ranked.map((candidate) => ({ x: sentenceVector(candidate), y: contains(text(item, candidate), item) ? 1 : 0 })));
  const positives = rankExamples.filter((e) => e.y === 1).length;
  const balanced = rankExamples.map((e) => ({ ...e, weight: e.y === 1 ? rankExamples.length / (2 * positives) : rankExamples.length / (2 * (rankExamples.length - positives)) }));
  const sentenceModel = fitLogistic(balanced);
  const sentence = { bias: round(sentenceModel.bias), ...Object.fromEntries(SENTENCE_INPUTS.map((input, i) => [input, round(sentenceModel.weights[i]!)])) } as AnswerWeights['sentence'];
  const top1 = (rows: typeof rankTrain, score: (c: Candidate) => number) =>
    rows.filter(({ item, ranked }) => ranked.length > 0 && contains(text(item, [...ranked].sort((a, b) => score(b) - score(a))[0]!), item)).length / rows.length;
  const oldScore = (c: Candidate) => c.score;
  const newScore = (c: Candidate) => predict(sentenceModel, sentenceVector(c));
  console.log(`Sentence ranking, top sentence holds the answer: train ${top1(rankTrain, oldScore).toFixed(3)} → ${top1(rankTrain, newScore).toFixed(3)}; test (questions.jsonl) ${top1(rankTest, oldScore).toFixed(3)} → ${top1(rankTest, newScore).toFixed(3)}`);

  // 2. Declining, with the new ranking.
  const withSentence: AnswerWeights = { ...DEFAULT_WEIGHTS, sentence };
  const fitted = { default: docents.default.extractive.withOptions({ weights: withSentence }), squad: docents.squad.extractive.withOptions({ weights: withSentence }) };
  const { companionRatio, maxSentences } = DEFAULT_EXTRACTIVE_OPTIONS;
  // Correct as the answer would be: the best sentence with the companions quoted beside it.
  const answered = (item: Labelled, best: Judged, candidates: Judged[]) =>
    [best, ...candidates.filter((c) => c !== best && c.score >= companionRatio * best.score)].slice(0, maxSentences).some((c) => contains(text(item, c), item));
  const declineRows = async (items: Labelled[]) =>
    (await judgeAll(fitted, items)).map(({ item, best, candidates, information }) => ({
      item,
      best,
      // A best sentence stating the question's specifics differently or not naming them, or outmatched by one that does, is declined by rule, not by the model.
      x: best && !declinedByRule(best) ? declineInputs(best.features, best.specifics, information) : undefined,
      y: (item.answerable && best && answered(item, best, candidates) ? 1 : 0) as 0 | 1,
    }));
  const train = await declineRows([...squadTrain, ...ownTune, ...generated]);
  const test = await declineRows(squadTest);
  const held = await declineRows(heldOut);
  const usable = train.filter((row) => row.x);
  const answerable = usable.filter((row) => row.item.answerable).length;
  const declineModel = fitLogistic(usable.map((row) => ({ x: row.x!, y: row.y, weight: row.item.answerable ? usable.length / (2 * answerable) : usable.length / (2 * (usable.length - answerable)) })));
  // A row without inputs is declined at every threshold: no sentence, or one stating the question's specifics differently or not naming them.
  const p = (row: { x?: number[] }) => (row.x ? predict(declineModel, row.x) : -1);
  const accuracy = (rows: typeof train, t: number) => rows.filter((row) => row.item.answerable && row.y === 1 && p(row) >= t).length / Math.max(1, rows.filter((row) => row.item.answerable).length);
  const declineRate = (rows: typeof train, t: number) => rows.filter((row) => !row.item.answerable && p(row) < t).length / Math.max(1, rows.filter((row) => !row.item.answerable).length);
  const squadTrainRows = train.filter((row) => row.item.corpus === 'squad' && row.item.answerable && !row.item.id.startsWith('p'));
  // The floor: the model may cost at most MAX_DECLINE_COST of the accuracy these questions get when only the specifics rule declines,
  // and never go below today's accuracy (answerer of main before issue 9) less the 0.01 the issue allows.
  const ceiling = accuracy(squadTrainRows, 0);
  const floor = Number(argument('--min-squad-accuracy') ?? Math.max(TODAY_SQUAD_TRAIN_ACCURACY - 0.01, ceiling - MAX_DECLINE_COST));
  let threshold = 0;
  for (let t = 0; t <= 0.95; t += 0.01) if (accuracy(squadTrainRows, t) >= floor) threshold = round(t);
  const share = (rows: typeof train, test: (row: (typeof train)[number]) => boolean) => (rows.length ? rows.filter(test).length / rows.length : NaN);
  const facts = (row: (typeof train)[number]) => row.best?.specifics;
  for (const [name, rows] of [['SQuAD answered right', squadTrainRows.filter((r) => r.y === 1)], ['own near-misses', train.filter((r) => !r.item.answerable && r.item.id.startsWith('nm'))], ['generated near-misses', train.filter((r) => r.item.id.startsWith('near-miss-'))]] as const) {
    console.log(`  ${name}: conflicting ${share(rows, (r) => (facts(r)?.conflicting.length ?? 0) > 0).toFixed(2)}, absent ${share(rows, (r) => (facts(r)?.absent.length ?? 0) > 0).toFixed(2)}, nearby ${share(rows, (r) => (facts(r)?.nearby.length ?? 0) > 0).toFixed(2)}`);
  }
  const nearMissTune = train.filter((row) => !row.item.answerable && !row.item.id.startsWith('near-miss-'));
  const nearMissHeld = held.filter((row) => !row.item.answerable);
  console.log(`Decline model AUC: train ${auc(usable.map((row) => ({ p: p(row), y: row.y }))).toFixed(3)}, test ${auc(test.filter((r) => r.x).map((row) => ({ p: p(row), y: row.y }))).toFixed(3)}; threshold ${threshold}`);
  console.log(`  SQuAD train accuracy ${ceiling.toFixed(3)} → ${accuracy(squadTrainRows, threshold).toFixed(3)}; questions.jsonl (test) ${accuracy(test, 0).toFixed(3)} → ${accuracy(test, threshold).toFixed(3)}`);
  console.log(`  decline: own tuning sets ${declineRate(nearMissTune, threshold).toFixed(3)}, generated near-misses ${declineRate(train.filter((row) => row.item.id.startsWith('near-miss-')), threshold).toFixed(3)}, held-out near-misses (not fitted) ${declineRate(nearMissHeld, threshold).toFixed(3)}`);
  console.log(`  held-out paraphrases answered correctly: ${accuracy(held, threshold).toFixed(3)} (best sentence only)`);

  const weights: AnswerWeights = {
    sentence,
    decline: { bias: round(declineModel.bias), weights: Object.fromEntries(DECLINE_INPUTS.map((input, i) => [input, round(declineModel.weights[i]!)])) as AnswerWeights['decline']['weights'], threshold },
    fittedOn: `scripts/fit-answer-weights.ts: ${squadTrain.length} SQuAD questions (questions_all minus questions.jsonl), ${ownTune.length} of tests/eval's tuning sets, ${generated.length} generated near-misses`,
  };
  console.log(JSON.stringify(weights, null, 2));
  if (!process.argv.includes('--dry-run')) fs.writeFileSync(path.join(root, 'src/answer/weights.json'), `${JSON.stringify(weights, null, 2)}\n`);
}

const round = (value: number) => Number(value.toFixed(4));

await main();
