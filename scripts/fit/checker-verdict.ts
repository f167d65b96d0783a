import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/load.js';
import { learnedVerdict, type VerdictModel } from '../../src/verify/learned-verdict.js';
import { FEATURE_NAMES } from '../../src/verify/verdict-features.js';
import { VERDICTS, type Verdict } from '../../src/verify/types.js';
import { openCorpora, readClaims, type LabelledClaim } from '../../tests/verify/calibration.js';
import { fitMultinomial, type MultiExample } from './multinomial.js';
import { isUntuned } from './untuned.js';

/**
 * Fits the checker's verdict (src/verify/verdict-model.json) on every labelled claims file in
 * tests/verify, and reports the honest estimate first: leave-one-file-out cross-validation (fit
 * without file k, measure on k), against the rules' own verdict on the same claims.
 *
 *   npx tsx scripts/fit/checker-verdict.ts            # features (cached in .cache/), cross-validation
 *   npx tsx scripts/fit/checker-verdict.ts --refresh  # re-read the claims through the checker first
 *   npx tsx scripts/fit/checker-verdict.ts --write    # …then fit on all files and write the weights
 */

interface Row {
  file: string;
  label: Verdict;
  rule: Verdict;
  x: number[];
}

const VERIFY_DIR = 'tests/verify';
const CACHE = '.cache/checker-verdict-features.json';
/**
 * Per class, examples weigh inversely to how common the class is, so no verdict is learned away; a
 * contradiction read as support is the costlier miss, so contradicted claims weigh this much more.
 * Cross-validated (leave one file out) on the 15 files, the rules' contradictions kept: 1 → accuracy
 * 0.856, contradicted recall 0.834; 1.5 → 0.854, 0.840; 2 → 0.850, 0.842 (the rules: 0.835, 0.826).
 */
const CONTRADICTED_WEIGHT = 1.5;
const FIT = { classes: VERDICTS.length, iterations: 600, learningRate: 0.5, l2: 0.01 };

const claimFiles = () =>
  fs
    .readdirSync(VERIFY_DIR)
    .filter((name) => /^claims.*\.jsonl$/.test(name) && !isUntuned(name))
    .sort();

async function readFeatures(): Promise<Row[]> {
  if (!process.argv.includes('--refresh') && fs.existsSync(CACHE)) {
    const cached = JSON.parse(fs.readFileSync(CACHE, 'utf8')) as { features: string[]; rows: Row[] };
    if (cached.features.join() === FEATURE_NAMES.join()) return cached.rows;
  }
  const config = loadConfig();
  const embedder = await loadEmbedder({ ...config.embedding, modelsDir: config.modelsDir });
  const byFile = new Map(claimFiles().map((file) => [file, readClaims(path.join(VERIFY_DIR, file))] as const));
  const docents = await openCorpora([...byFile.values()].flat(), embedder);
  const rows: Row[] = [];
  let cpu = 0;
  for (const [file, claims] of byFile) {
    for (const claim of claims as LabelledClaim[]) {
      const docent = docents[claim.corpus];
      if (!docent) continue;
      const before = process.cpuUsage();
      const result = await docent.checker.check(claim.claim);
      const used = process.cpuUsage(before);
      cpu += used.user + used.system;
      const x = result.features ?? notFound();
      rows.push({ file, label: claim.label, rule: result.ruleVerdict ?? result.verdict, x });
    }
  }
  console.log(`${rows.length} claims read; checker CPU ${(cpu / 1000 / rows.length).toFixed(2)} ms per claim`);
  fs.mkdirSync(path.dirname(CACHE), { recursive: true });
  fs.writeFileSync(CACHE, JSON.stringify({ features: FEATURE_NAMES, rows }));
  return rows;
}

/** A claim with no evidence at all: the rules' not_found, every signal zero. */
const notFound = () => FEATURE_NAMES.map((name) => (name === 'rule:not_found' || name === 'first:not_found' ? 1 : 0));

function fit(rows: readonly Row[]): VerdictModel {
  const counts = VERDICTS.map((verdict) => rows.filter((row) => row.label === verdict).length);
  const examples: MultiExample[] = rows.map((row) => {
    const y = VERDICTS.indexOf(row.label);
    return { x: row.x, y, weight: (rows.length / (VERDICTS.length * counts[y]!)) * (row.label === 'contradicted' ? CONTRADICTED_WEIGHT : 1) };
  });
  return { features: [...FEATURE_NAMES], classes: [...VERDICTS], ...fitMultinomial(examples, FIT) };
}


function figures(pairs: ReadonlyArray<{ label: Verdict; verdict: Verdict }>) {
  const contradicted = pairs.filter((pair) => pair.label === 'contradicted');
  return {
    accuracy: pairs.filter((pair) => pair.label === pair.verdict).length / pairs.length,
    contradictedRecall: contradicted.filter((pair) => pair.verdict === 'contradicted').length / Math.max(1, contradicted.length),
  };
}

async function main() {
  const rows = await readFeatures();
  const files = [...new Set(rows.map((row) => row.file))];
  const all: Array<{ label: Verdict; rule: Verdict; learned: Verdict }> = [];
  console.log('| file (held out) | claims | rules accuracy | learned accuracy | rules contradicted recall | learned contradicted recall |\n| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const file of files) {
    const model = fit(rows.filter((row) => row.file !== file));
    const held = rows.filter((row) => row.file === file).map((row) => ({ label: row.label, rule: row.rule, learned: learnedVerdict(row.x, row.rule, model)! }));
    all.push(...held);
    const rules = figures(held.map((row) => ({ label: row.label, verdict: row.rule })));
    const learned = figures(held.map((row) => ({ label: row.label, verdict: row.learned })));
    console.log(`| ${file} | ${held.length} | ${rules.accuracy.toFixed(3)} | ${learned.accuracy.toFixed(3)} | ${rules.contradictedRecall.toFixed(2)} | ${learned.contradictedRecall.toFixed(2)} |`);
  }
  const rules = figures(all.map((row) => ({ label: row.label, verdict: row.rule })));
  const learned = figures(all.map((row) => ({ label: row.label, verdict: row.learned })));
  console.log(`| all (each file held out once) | ${all.length} | ${rules.accuracy.toFixed(3)} | ${learned.accuracy.toFixed(3)} | ${rules.contradictedRecall.toFixed(2)} | ${learned.contradictedRecall.toFixed(2)} |`);
  console.log('\nCross-validated confusion (rows labels; columns learned verdicts):');
  for (const label of VERDICTS) console.log(`${label.padEnd(20)} ${VERDICTS.map((verdict) => String(all.filter((row) => row.label === label && row.learned === verdict).length).padStart(4)).join(' ')}`);
  if (process.argv.includes('--write')) {
    const model = fit(rows);
    fs.writeFileSync('src/verify/verdict-model.json', `${JSON.stringify(model, (_, value: unknown) => (typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : value), 1)}\n`);
    console.log('\nwrote src/verify/verdict-model.json');
  }
}

await main();
