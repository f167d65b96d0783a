import fs from 'node:fs';
import path from 'node:path';
import { declinedByRule, declineInputs, lacksAskedValue, unmatchedSpecifics, type DeclineInput } from '../../src/answer/decline.js';
import { DEFAULT_EXTRACTIVE_OPTIONS, type ExtractiveAnswerer } from '../../src/answer/extractive.js';
import type { Judged } from '../../src/answer/judged.js';
import { loadEvalCases, type EvalCase } from '../../src/eval/datasets.js';
import type { UnmatchedTerms } from '../../src/answer/unmatched-terms.js';
import type { Docent } from '../../src/service.js';
import { makeNearMisses } from './near-misses.js';
import { isUntuned } from './untuned.js';

/**
 * The labelled questions the decline model is fitted and cross-validated on, each judged once: which
 * group it comes from, whether the answerer's best sentence answers it, whether a rule declines it
 * anyway, and the model's inputs for that sentence.
 */

export type Corpus = 'default' | 'squad';

export interface Labelled extends EvalCase {
  corpus: Corpus;
  /** 'squad-train', 'squad-test', 'generated', 'tuning', or 'round n' for tests/eval's *n.heldout.jsonl. */
  group: string;
  /** The set's kind: 'near-miss', 'paraphrase', 'unanswerable', 'squad' or 'generated'. */
  kind: string;
}

export interface DeclineRow {
  id: string;
  group: string;
  kind: string;
  corpus: Corpus;
  answerable: boolean;
  /** 1 when the question is answerable and the best sentence (with its companions) holds the answer. */
  y: 0 | 1;
  /** Declined whatever the model says: no sentence, the specifics rules (declinedByRule), or no sentence quoted states the value asked for (lacksAskedValue). */
  ruled: boolean;
  inputs?: Record<DeclineInput, number>;
  /** What the best sentence leaves unsaid, rule inputs included (for simulating a rule on the rows before writing it). */
  unmatched?: UnmatchedTerms;
  /** Whether the best sentence itself holds the answer. */
  bestHolds: boolean;
  /** The sentences scoring close enough to the best to be quoted beside it (best first): each is quoted only when the model lets it answer too. */
  companions: Array<{ inputs: Record<DeclineInput, number>; holds: boolean; unmatched: UnmatchedTerms }>;
}

/** The group of a tests/eval set: 'round n' for *n.heldout.jsonl (n = 1 when unnumbered), else 'tuning'. */
export function groupOf(file: string): string {
  const match = /(\d*)\.heldout\.jsonl$/.exec(file);
  return match ? `round ${match[1] || '1'}` : 'tuning';
}

const kindOf = (file: string) => (/^near-miss/.test(file) ? 'near-miss' : /^paraphrase/.test(file) ? 'paraphrase' : 'unanswerable');

/**
 * Every labelled question: SQuAD's questions_all split into train (not in questions.jsonl) and test, every
 * near-miss, paraphrase and unanswerable set of tests/eval (tuning and held-out rounds alike: all are seen; not the untuned round),
 * and `generated` near-misses made from the SQuAD train questions.
 */
export async function labelledQuestions(docents: Record<Corpus, Docent>, shared: string, evalDir: string, generated: number): Promise<Labelled[]> {
  const load = async (file: string, corpus: Corpus, group: string, kind: string): Promise<Labelled[]> =>
    (await loadEvalCases(file, docents[corpus].index.documents)).map((item) => ({ ...item, corpus, group, kind }));
  const testIds = new Set(fs.readFileSync(path.join(shared, 'squad/questions.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { id: string }).id));
  const squad = await load(path.join(shared, 'squad/questions_all.jsonl'), 'squad', 'squad', 'squad');
  const squadTrain = squad.filter((item) => !testIds.has(item.id)).map((item) => ({ ...item, group: 'squad-train' }));
  const squadTest = squad.filter((item) => testIds.has(item.id)).map((item) => ({ ...item, group: 'squad-test' }));
  const files = fs.readdirSync(evalDir).filter((name) => /^(near-miss|paraphrase|squad-unanswerable)/.test(name) && name.endsWith('.jsonl') && !isUntuned(name));
  const own = (await Promise.all(files.map((name) => load(path.join(evalDir, name), name.includes('squad') ? 'squad' : 'default', groupOf(name), kindOf(name))))).flat();
  const made = makeNearMisses(squadTrain, docents.squad.index.documents, generated).map((item): Labelled => ({ ...item, corpus: 'squad', group: 'generated', kind: 'generated' }));
  return [...squadTrain, ...squadTest, ...own, ...made];
}

/** Whether a text says what a correct answer to the question must (its expected words). */
export const contains = (text: string, item: EvalCase) => {
  const lower = text.toLowerCase();
  return 'all' in item.expected ? item.expected.all.every((part) => lower.includes(part.toLowerCase())) : item.expected.any.some((part) => lower.includes(part.toLowerCase()));
};

/** Each question judged by its corpus's answerer: its best candidate's inputs, and whether quoting it (with its companions) answers. */
export async function declineRows(docents: Record<Corpus, Docent>, answerers: Record<Corpus, ExtractiveAnswerer>, items: readonly Labelled[]): Promise<DeclineRow[]> {
  const { companionRatio, maxSentences } = DEFAULT_EXTRACTIVE_OPTIONS;
  const rows: DeclineRow[] = [];
  for (const item of items) {
    const docent = docents[item.corpus];
    const judgement = await answerers[item.corpus].judge(item.question, await docent.search(item.question, docent.config.topK));
    const best = judgement.candidates.find((c) => !unmatchedSpecifics(c.specifics)) ?? judgement.candidates[0];
    const text = (c: Judged) => docent.index.documents.get(c.sentence.source)!.slice(c.sentence.start, c.sentence.end);
    const companions = best ? judgement.candidates.filter((c) => c !== best && c.score >= companionRatio * best.score) : [];
    const bestHolds = best !== undefined && contains(text(best), item);
    const inputsOf = (c: Judged) => declineInputs({ features: c.features, specifics: c.specifics, information: judgement.information, unmatched: c.unmatched, margin: c.margin });
    const y = item.answerable && (bestHolds || companions.slice(0, maxSentences - 1).some((c) => contains(text(c), item))) ? 1 : 0;
    rows.push({
      id: item.id,
      group: item.group,
      kind: item.kind,
      corpus: item.corpus,
      answerable: item.answerable,
      y,
      ruled: !best || declinedByRule(best) || lacksAskedValue(best, companions),
      ...(best ? { inputs: inputsOf(best), unmatched: best.unmatched } : {}),
      bestHolds,
      companions: companions.map((c) => ({ inputs: inputsOf(c), holds: contains(text(c), item), unmatched: c.unmatched })),
    });
  }
  return rows;
}
