import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/load.js';
import type { Embedder } from '../../src/embed/types.js';
import type { WordMeaning } from '../../src/match/term-similarity.js';
import { openDocent, type Docent } from '../../src/service.js';
import type { Assessment } from '../../src/verify/assess.js';
import { decideVerdict } from '../../src/verify/verdict.js';
import { DEFAULT_THRESHOLDS, VERDICTS, type Conflict, type Verdict, type VerifyThresholds } from '../../src/verify/types.js';

/**
 * Runs labelled claims through the citation checker and prints the 4×4 confusion table with
 * precision and recall per verdict. `npx tsx tests/verify/calibration.ts` scores claims.jsonl (the
 * claims the thresholds were chosen on); `--file tests/verify/claims-more.jsonl` the second tuning
 * set, `--file tests/verify/claims-more2.jsonl` the third (158 claims over SQuAD's steam engine, Sky, Victoria and
 * southern California articles, the default corpus and Python's heapq and timeit pages: units, number words, comparatives,
 * pronouns, role swaps, sibling nouns, added details), `--file tests/verify/claims-more3.jsonl` the fourth (170 claims over SQuAD's Huguenot, teacher and
 * complexity articles, the default corpus and Python's bisect, textwrap and calendar pages: changed values beside the right ones, role swaps without a shared verb, identifiers, unmentioned statives), `--file tests/verify/claims-polarity.jsonl` the tuning claims for antonyms, negation scope, role swaps and
 * hedges (over Python's manual too); `--file tests/verify/claims-heldout.jsonl` (or claims-heldout2.jsonl … claims-heldout7.jsonl) scores held-out claims (heldout7, over the Normans and Warsaw articles, Python's zlib and tempfile pages and the default corpus, was written before the changes it reports on); `--sweep` prints how other thresholds would do; `--words wordnet|glove|both`
 * chooses the word meanings; `--misses` lists the misclassified claims.
 */

export interface LabelledClaim {
  corpus: keyof typeof CORPORA;
  label: Verdict;
  kind: string;
  claim: string;
  /** For contradictions by value: [as in the claim, as in the evidence]. */
  conflict?: [string, string];
}

export interface ScoredClaim extends LabelledClaim {
  verdict: Verdict;
  score: number;
  assessment: Assessment | undefined;
  conflicts: Conflict[];
  missing: string[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const CLAIMS_FILE = path.join(here, 'claims.jsonl');
/** A second tuning set, written later over the same corpora with more kinds of error (number words, months, swapped names, clauses). */
export const MORE_CLAIMS_FILE = path.join(here, 'claims-more.jsonl');
export const HELD_OUT_FILE = path.join(here, 'claims-heldout.jsonl');
/** ../shared beside the checkout (or beside the folder of worktrees). */
const squadCorpus = ['../../../shared/eval/squad/corpus', '../../../../shared/eval/squad/corpus'].map((dir) => path.resolve(here, dir)).find((dir) => fs.existsSync(dir));
/** Python's manual in Markdown (build it with bench/python-manual/build.ts, or link a built one there): the tuning pages and the held-out ones. */
const pythonManual = path.resolve(here, '../../bench/python-manual/corpus');
export const CORPORA = {
  default: path.resolve(here, '../../corpus'),
  squad: squadCorpus ?? path.resolve(here, '../../../shared/eval/squad/corpus'),
  python: path.join(pythonManual, 'md'),
  'python-heldout': path.join(pythonManual, 'heldout', 'md'),
} as const;

/** The corpora `claims` are about that are present on this machine, each opened once. */
export async function openCorpora(claims: readonly LabelledClaim[], embedder: Embedder, wordMeaning?: WordMeaning): Promise<Partial<Record<LabelledClaim['corpus'], Docent>>> {
  const docents: Partial<Record<LabelledClaim['corpus'], Docent>> = {};
  for (const corpus of new Set(claims.map((claim) => claim.corpus))) {
    if (fs.existsSync(CORPORA[corpus])) docents[corpus] = await openCorpus(CORPORA[corpus], embedder, wordMeaning);
  }
  return docents;
}

export function readClaims(file = CLAIMS_FILE): LabelledClaim[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledClaim);
}

export async function openCorpus(corpusDir: string, embedder: Embedder, wordMeaning?: WordMeaning): Promise<Docent> {
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-calibration-'));
  // QUERY_EXPANSION=false in the environment compares retrieval without query expansion.
  const expansion = process.env.QUERY_EXPANSION;
  const env = { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, MODELS_DIR: loadConfig().modelsDir, ...(wordMeaning ? { WORD_MEANING: wordMeaning } : {}), ...(expansion ? { QUERY_EXPANSION: expansion } : {}) };
  return openDocent(loadConfig(env, os.tmpdir()), { embedder, reindex: 'always' });
}

export async function scoreClaims(claims: LabelledClaim[], docents: Partial<Record<LabelledClaim['corpus'], Docent>>): Promise<ScoredClaim[]> {
  const scored: ScoredClaim[] = [];
  for (const claim of claims) {
    const docent = docents[claim.corpus];
    if (!docent) continue;
    const result = await docent.checker.check(claim.claim);
    scored.push({ ...claim, verdict: result.verdict, score: result.score, assessment: result.best, conflicts: result.conflicts ?? [], missing: result.missing ?? [] });
  }
  return scored;
}

export interface VerdictStats {
  verdict: Verdict;
  labelled: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

export function stats(scored: ScoredClaim[]): { perVerdict: VerdictStats[]; accuracy: number } {
  const perVerdict = VERDICTS.map((verdict) => {
    const labelled = scored.filter((claim) => claim.label === verdict).length;
    const predicted = scored.filter((claim) => claim.verdict === verdict).length;
    const correct = scored.filter((claim) => claim.label === verdict && claim.verdict === verdict).length;
    return { verdict, labelled, predicted, correct, precision: predicted ? correct / predicted : 1, recall: labelled ? correct / labelled : 1 };
  });
  return { perVerdict, accuracy: scored.filter((claim) => claim.label === claim.verdict).length / Math.max(1, scored.length) };
}

/** Contradictions whose named values are the labelled ones. */
export function conflictsNamed(scored: ScoredClaim[]): { right: number; total: number } {
  const expected = scored.filter((claim) => claim.conflict && claim.verdict === 'contradicted');
  const right = expected.filter((claim) => claim.conflicts.some((c) => c.claim.toLowerCase().includes(claim.conflict![0].toLowerCase()) || claim.conflict![0].toLowerCase().includes(c.claim.toLowerCase())));
  return { right: right.length, total: expected.length };
}

export function table(scored: ScoredClaim[]): string {
  const { perVerdict, accuracy } = stats(scored);
  const short: Record<Verdict, string> = { supported: 'supp', partially_supported: 'partial', contradicted: 'contra', not_found: 'not_found' };
  const lines = [`| label ↓ / verdict → | ${VERDICTS.map((v) => short[v]).join(' | ')} | recall |`, `| --- | ${VERDICTS.map(() => '---:').join(' | ')} | ---: |`];
  for (const row of perVerdict) {
    const cells = VERDICTS.map((verdict) => scored.filter((claim) => claim.label === row.verdict && claim.verdict === verdict).length);
    lines.push(`| ${row.verdict} | ${cells.join(' | ')} | ${row.recall.toFixed(2)} |`);
  }
  lines.push(`| precision | ${perVerdict.map((row) => row.precision.toFixed(2)).join(' | ')} | |`);
  const named = conflictsNamed(scored);
  lines.push(`\n${scored.length} claims, accuracy ${accuracy.toFixed(3)}; contradicted claims whose changed value is named: ${named.right}/${named.total}`);
  return lines.join('\n');
}

function sweep(scored: ScoredClaim[]): string {
  const rows: Array<[VerifyThresholds, number]> = [];
  for (let supported = 0.55; supported <= 0.9001; supported += 0.05) {
    for (let partial = 0.3; partial <= supported; partial += 0.05) {
      for (let contradicted = partial; contradicted <= 0.9001; contradicted += 0.05) {
        for (const [largestGap, partialGap] of [0.15, 0.2, 0.25, 0.3].flatMap((gap) => [0.3, 0.35, 0.4, 0.5, 1].map((partialGap): [number, number] => [gap, partialGap]))) {
          const thresholds = { ...DEFAULT_THRESHOLDS, supported, partial, contradicted, largestGap, partialGap };
          const relabelled = scored.map((claim) => ({ ...claim, verdict: claim.assessment ? decideVerdict(claim.assessment, thresholds) : ('not_found' as Verdict) }));
          rows.push([thresholds, stats(relabelled).accuracy]);
        }
      }
    }
  }
  rows.sort((a, b) => b[1] - a[1]);
  return rows
    .slice(0, 15)
    .map(([t, accuracy]) => `supported ${t.supported.toFixed(2)} partial ${t.partial.toFixed(2)} contradicted ${t.contradicted.toFixed(2)} largestGap ${t.largestGap} partialGap ${t.partialGap} → ${accuracy.toFixed(3)}`)
    .join('\n');
}

async function main() {
  const argument = (name: string) => {
    const at = process.argv.indexOf(name);
    return at === -1 ? undefined : process.argv[at + 1];
  };
  const config = loadConfig();
  const embedder = await loadEmbedder({ ...config.embedding, modelsDir: config.modelsDir });
  const claims = readClaims(path.resolve(argument('--file') ?? CLAIMS_FILE));
  const words = argument('--words') as WordMeaning | undefined;
  const docents = await openCorpora(claims, embedder, words);
  const scored = await scoreClaims(claims, docents);
  const skipped = claims.length - scored.length;
  console.log(`Embedding model: ${embedder.info.version}; word meaning: ${words ?? config.wordMeaning}; thresholds: ${JSON.stringify(Object.values(docents)[0]?.checker.thresholds)}${skipped ? `; ${skipped} claims skipped (corpus absent)` : ''}\n`);
  console.log(table(scored));
  if (process.argv.includes('--misses')) {
    console.log('\nMisclassified:');
    for (const c of scored.filter((c) => c.label !== c.verdict)) {
      const a = c.assessment;
      const detail = a ? `cov ${a.coverage.toFixed(2)} gap ${a.largestGap.toFixed(2)} facts +${a.facts.supported.length}/x${a.facts.conflicts.length}/-${a.facts.missing.length}${a.negationMismatch ? ' neg' : ''}${a.hedgeMismatch ? ' hedge' : ''}` : '';
      console.log(`  ${c.label} → ${c.verdict} (${detail}) [${c.kind}] ${c.claim}${c.conflicts.length ? ` conflicts ${c.conflicts.map((x) => `${x.claim}≠${x.evidence}`).join(',')}` : ''}${c.missing.length ? ` missing ${JSON.stringify(c.missing)}` : ''}`);
    }
  }
  if (process.argv.includes('--sweep')) console.log(`\n${sweep(scored)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
