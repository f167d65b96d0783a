import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/load.js';
import { evaluateConversations, isConversationFile } from '../../src/eval/conversations.js';
import { isCorrect } from '../../src/eval/metrics.js';
import { evaluate } from '../../src/eval/run.js';
import type { WordMeaning } from '../../src/match/term-similarity.js';
import { openDocent, type Docent } from '../../src/service.js';

/**
 * Issue 9's evaluation in one run: every question set of tests/eval (and ../shared/eval) against
 * its corpus, each corpus indexed once. `npx tsx tests/eval/report.ts` prints one line per set;
 * `--only near-miss` runs the sets whose name contains that text, `--except a,b` skips those containing any of them;
 * `--heldout` includes the held-out sets;
 * `--file F --corpus default|squad` adds another question file; `--words wordnet|glove|both`
 * chooses the word meanings; `--failures` lists what went wrong.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = ['../../../shared/eval', '../../../../shared/eval'].map((dir) => path.resolve(here, dir)).find((dir) => fs.existsSync(dir));

export interface EvalSet {
  file: string;
  corpus: 'default' | 'squad';
}

export function evalSets(): EvalSet[] {
  const own = fs
    .readdirSync(here)
    .filter((name) => name.endsWith('.jsonl'))
    .map((name) => ({ file: path.join(here, name), corpus: (name.includes('squad') ? 'squad' : 'default') as EvalSet['corpus'] }));
  const external: EvalSet[] = shared
    ? [
        { file: path.join(shared, 'dev.jsonl'), corpus: 'default' },
        { file: path.join(shared, 'squad/questions.jsonl'), corpus: 'squad' },
      ]
    : [];
  return [...external, ...own].filter((set) => set.corpus === 'default' || shared);
}

/** A service over `corpus`, indexed afresh into a temporary folder. */
export async function openEvalDocent(corpus: EvalSet['corpus'], words?: WordMeaning): Promise<Docent> {
  const config = loadConfig();
  const embedder = await loadEmbedder({ ...config.embedding, modelsDir: config.modelsDir });
  const corpusDir = corpus === 'default' ? path.resolve(here, '../../corpus') : path.join(shared!, 'squad/corpus');
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-report-'));
  // QUERY_EXPANSION=false in the environment compares retrieval without query expansion.
  const expansion = process.env.QUERY_EXPANSION;
  const env = { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, MODELS_DIR: config.modelsDir, ...(words ? { WORD_MEANING: words } : {}), ...(expansion ? { QUERY_EXPANSION: expansion } : {}) };
  return openDocent(loadConfig(env, os.tmpdir()), { embedder, reindex: 'always' });
}

const fmt = (value: number | null | undefined) => (value === null || value === undefined ? '  n/a' : value.toFixed(3));

async function main() {
  const argument = (name: string) => {
    const at = process.argv.indexOf(name);
    return at === -1 ? undefined : process.argv[at + 1];
  };
  const only = argument('--only');
  const words = argument('--words') as WordMeaning | undefined;
  const docents = new Map<EvalSet['corpus'], Docent>();
  // Held-out sets are for the final report only (--heldout); --file adds any other question file.
  const extra = argument('--file');
  const sets = [...evalSets(), ...(extra ? [{ file: path.resolve(extra), corpus: (argument('--corpus') ?? 'squad') as EvalSet['corpus'] }] : [])];
  // --except a,b skips the sets whose name contains any of those texts (the untuned round, while tuning).
  const except = argument('--except')?.split(',') ?? [];
  const wanted = (set: EvalSet) =>
    (!only || path.basename(set.file).includes(only)) && !except.some((text) => path.basename(set.file).includes(text)) && (process.argv.includes('--heldout') || !set.file.includes('.heldout.'));
  // Declining counted per group of own sets (tuning, held-out round n): precision = declined unanswerable / declined, recall = declined unanswerable / unanswerable.
  const declines = new Map<string, { declined: number; right: number; unanswerable: number }>();
  for (const set of sets.filter(wanted)) {
    if (!docents.has(set.corpus)) docents.set(set.corpus, await openEvalDocent(set.corpus, words));
    const docent = docents.get(set.corpus)!;
    const name = path.basename(set.file).padEnd(34);
    if (await isConversationFile(set.file)) {
      const report = await evaluateConversations(docent, set.file);
      const m = report.metrics;
      console.log(`${name} turns ${m.turns}: accuracy ${fmt(m.turnAccuracy)}, follow-ups ${fmt(m.followUpAccuracy)} (${m.followUps}), switches as-if-alone ${fmt(m.switchAsAlone)} (${m.switches}), switch accuracy ${fmt(m.switchAccuracy)}`);
      if (process.argv.includes('--failures')) for (const line of report.failures) console.log(`    ${line}`);
      continue;
    }
    const report = await evaluate(docent, set.file, 'hybrid');
    const m = report.metrics;
    if (set.file.startsWith(here)) {
      const counts = declines.get(roundOf(set.file)) ?? { declined: 0, right: 0, unanswerable: 0 };
      for (const result of report.results) {
        counts.declined += result.response.answerable ? 0 : 1;
        counts.right += !result.response.answerable && !result.case.answerable ? 1 : 0;
        counts.unanswerable += result.case.answerable ? 0 : 1;
      }
      declines.set(roundOf(set.file), counts);
    }
    // Declines of answerable questions, for the precision of declining.
    const wrongDeclines = report.results.filter((result) => result.case.answerable && !result.response.answerable).length;
    // Sentences quoted per answered question: more quotes can only raise accuracy, so it is reported beside it.
    const answered = report.results.filter((result) => result.response.answerable).length;
    console.log(`${name} n ${String(m.questions).padStart(3)}: accuracy ${fmt(m.answerAccuracy)}, decline ${fmt(m.declineRate)}, answerable declined ${wrongDeclines}/${m.answerable}, hit@5 ${fmt(m.hitAt5)}, quoted ${fmt(answered ? m.citations / answered : null)}, median ${m.medianMs.toFixed(1)} ms`);
    if (process.argv.includes('--failures')) {
      for (const result of report.results) {
        const ok = result.case.answerable ? isCorrect(result) : !result.response.answerable;
        if (!ok) console.log(`    ✗ ${result.case.id} ${result.case.question}\n        → ${result.response.answer.slice(0, 200)}`);
      }
    }
  }
  for (const [group, { declined, right, unanswerable }] of [...declines].sort()) {
    console.log(`declining, ${group}: precision ${fmt(declined ? right / declined : null)} (${right}/${declined}), recall ${fmt(unanswerable ? right / unanswerable : null)} (${right}/${unanswerable})`);
  }
}

/** The group of an own set: "tuning", or "held-out n" for *n.heldout.jsonl (n = 1 when unnumbered). */
export function roundOf(file: string): string {
  const match = /(\d*)\.heldout\.jsonl$/.exec(file);
  return match ? `held-out ${match[1] || '1'}` : 'tuning';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
