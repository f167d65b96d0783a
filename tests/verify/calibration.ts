import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/load.js';
import type { Embedder } from '../../src/embed/types.js';
import { openDocent, type Docent } from '../../src/service.js';
import { decideVerdict } from '../../src/verify/checker.js';
import { DEFAULT_THRESHOLDS, VERDICTS, type Verdict } from '../../src/verify/types.js';

/**
 * Runs the labelled claims in claims.jsonl through the citation checker and reports precision and
 * recall per verdict. `npx tsx tests/verify/calibration.ts` prints the table (building the default
 * embedding model offline into MODELS_DIR if needed); `--sweep` also prints how other thresholds would do;
 * `--file tests/verify/claims-heldout.jsonl` scores claims that were not used to choose the thresholds.
 */

export interface LabelledClaim {
  corpus: 'default' | 'squad';
  label: Verdict;
  kind: string;
  claim: string;
}

export interface ScoredClaim extends LabelledClaim {
  verdict: Verdict;
  score: number;
  coverage: number;
  /** Numbers, months and names of the claim missing from the best evidence, and how many it has. */
  missing: string[];
  facts: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const CLAIMS_FILE = path.join(here, 'claims.jsonl');
export const CORPORA = { default: path.resolve(here, '../../corpus'), squad: path.resolve(here, '../../../shared/eval/squad/corpus') } as const;

export function readClaims(file = CLAIMS_FILE): LabelledClaim[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledClaim);
}

export async function openCorpus(corpusDir: string, embedder: Embedder): Promise<Docent> {
  const indexDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-calibration-'));
  return openDocent(loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir }, os.tmpdir()), { embedder, reindex: 'always' });
}

export async function scoreClaims(claims: LabelledClaim[], docents: Partial<Record<LabelledClaim['corpus'], Docent>>): Promise<ScoredClaim[]> {
  const scored: ScoredClaim[] = [];
  for (const claim of claims) {
    const docent = docents[claim.corpus];
    if (!docent) continue;
    const result = await docent.checker.check(claim.claim);
    scored.push({ ...claim, verdict: result.verdict, score: result.score, coverage: result.best?.coverage ?? 0, missing: result.best?.missing ?? [], facts: result.best?.facts ?? 0 });
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

export function table(scored: ScoredClaim[]): string {
  const { perVerdict, accuracy } = stats(scored);
  const lines = ['| verdict | labelled | predicted | correct | precision | recall |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const row of perVerdict) lines.push(`| ${row.verdict} | ${row.labelled} | ${row.predicted} | ${row.correct} | ${row.precision.toFixed(2)} | ${row.recall.toFixed(2)} |`);
  lines.push(`\n${scored.length} claims, accuracy ${accuracy.toFixed(2)}`);
  return lines.join('\n');
}

async function main() {
  const config = loadConfig();
  const embedder = await loadEmbedder({ ...config.embedding, modelsDir: config.modelsDir });
  // `--file F` scores another labelled file, e.g. claims-heldout.jsonl, which was not used to pick the thresholds.
  const fileArgument = process.argv.indexOf('--file');
  const claims = readClaims(fileArgument === -1 ? CLAIMS_FILE : path.resolve(process.argv[fileArgument + 1]!));
  const docents: Partial<Record<LabelledClaim['corpus'], Docent>> = { default: await openCorpus(CORPORA.default, embedder) };
  if (fs.existsSync(CORPORA.squad)) docents.squad = await openCorpus(CORPORA.squad, embedder);
  const scored = await scoreClaims(claims, docents);
  console.log(`Embedding model: ${embedder.info.version}; thresholds: ${JSON.stringify(docents.default!.checker.thresholds)}\n`);
  console.log(table(scored));
  for (const corpus of ['default', 'squad'] as const) {
    const subset = scored.filter((claim) => claim.corpus === corpus);
    if (subset.length) console.log(`\n${corpus} corpus:\n${table(subset)}`);
  }
  console.log('\nMisclassified:');
  for (const claim of scored.filter((c) => c.label !== c.verdict)) console.log(`  ${claim.label} → ${claim.verdict} (${claim.score.toFixed(3)}) [${claim.kind}] ${claim.claim}`);
  if (process.argv.includes('--scores')) {
    for (const claim of scored) console.log(`${claim.coverage.toFixed(3)}\t${claim.score.toFixed(3)}\t${claim.missing.join(',') || '-'}\t${claim.label}\t${claim.verdict}\t${claim.claim}`);
  }
  if (process.argv.includes('--sweep')) {
    console.log('\nsupported\tpartial\taccuracy\tmin precision');
    const rows: [number, number, number, number][] = [];
    for (let supported = 0.5; supported <= 0.9001; supported += 0.025) {
      for (let partial = 0.2; partial <= supported; partial += 0.025) {
        const relabelled = scored.map((claim) => ({
          ...claim,
          verdict: decideVerdict(claim, { ...DEFAULT_THRESHOLDS, supported, partial }),
        }));
        const { perVerdict, accuracy } = stats(relabelled);
        rows.push([supported, partial, accuracy, Math.min(...perVerdict.map((row) => row.precision))]);
      }
    }
    rows.sort((a, b) => b[2] - a[2] || b[3] - a[3]);
    for (const [supported, partial, accuracy, precision] of rows.slice(0, 15)) console.log(`${supported.toFixed(3)}\t${partial.toFixed(3)}\t${accuracy.toFixed(3)}\t${precision.toFixed(3)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
