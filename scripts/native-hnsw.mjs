/**
 * `npm install` compiles hnswlib-node (the HNSW graph behind vector search) from source for any x86-64
 * CPU, so its distance kernels use SSE only. Compiled for the CPU it is installed on
 * (`-march=native`), hnswlib picks its AVX2 / AVX-512 kernels: building a 20k × 768 graph took 40 %
 * less CPU and a search 25–38 % less on the development machine (BENCHMARKS.md, "HNSW at scale").
 * This postinstall step recompiles it so, checks that the result loads and finds a point, and
 * otherwise puts the portable build back. Then it compiles Docent's batch-insertion addon with the
 * flags kept (native-hnsw-batch.mjs). It never fails the install.
 *
 * `DOCENT_PORTABLE_BUILD=1` keeps the portable build: set it when node_modules is copied to other
 * machines (a container image built on one CPU and run on another could stop on an instruction its
 * CPU lacks). Plain JavaScript, run by npm, which tells it where its node-gyp is.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildBatchAddon } from './native-hnsw-batch.mjs';

/** What to do on this machine: the compiler flags for hnswlib-node, or why the portable build stays. */
export function nativeBuildPlan(env, platform, arch) {
  if (/^(1|true|yes)$/i.test(env.DOCENT_PORTABLE_BUILD ?? '')) return { skip: 'DOCENT_PORTABLE_BUILD is set' };
  // -march=native is a GCC/Clang flag for x86-64 here; elsewhere the portable build is what we measured.
  if (platform !== 'linux' || arch !== 'x64') return { skip: `not measured on ${platform}/${arch}` };
  if (!env.npm_config_node_gyp) return { skip: 'not run by npm: use `npm run postinstall`' };
  return { cxxflags: [env.CXXFLAGS, '-O3', '-march=native'].filter(Boolean).join(' ') };
}

/** Loads hnswlib-node in a fresh process and finds a point by itself: a build that cannot is not kept. */
const PROBE = `
const { HierarchicalNSW } = require('hnswlib-node');
const index = new HierarchicalNSW('ip', 16);
index.initIndex({ maxElements: 64, m: 8, efConstruction: 32, randomSeed: 7 });
for (let i = 0; i < 64; i++) index.addPoint(Array.from({ length: 16 }, (_, d) => Math.sin(i * 16 + d)), i);
const found = index.searchKnn(Array.from({ length: 16 }, (_, d) => Math.sin(7 * 16 + d)), 1).neighbors[0];
if (found !== 7) throw new Error('found ' + found);
`;

function main() {
  const root = path.resolve(import.meta.dirname, '..');
  const plan = nativeBuildPlan(process.env, process.platform, process.arch);
  let addon;
  try {
    addon = path.dirname(createRequire(path.join(root, 'package.json')).resolve('hnswlib-node/package.json'));
  } catch {
    return console.log('hnswlib-node: not installed, nothing to compile.');
  }
  const gyp = process.env.npm_config_node_gyp;
  const cxxflags = plan.skip ? process.env.CXXFLAGS : compileForCpu(addon, root, gyp, plan.cxxflags);
  if (plan.skip) console.log(`hnswlib-node: left as npm compiled it (${plan.skip}).`);
  // The batch addon needs npm's node-gyp too, and must match the flags hnswlib-node kept (same kernels).
  if (gyp) console.log(buildBatchAddon(root, gyp, cxxflags).message);
}

/** Recompiles hnswlib-node with `cxxflags`, or puts the portable build back; returns the flags it kept. */
function compileForCpu(addon, root, gyp, cxxflags) {
  const compile = (flags) => {
    const env = { ...process.env };
    if (flags) env.CXXFLAGS = flags;
    return spawnSync(process.execPath, [gyp, 'rebuild'], { cwd: addon, env, encoding: 'utf8' }).status === 0;
  };
  const works = () => spawnSync(process.execPath, ['-e', PROBE], { cwd: root, encoding: 'utf8' }).status === 0;
  if (compile(cxxflags) && works()) {
    console.log(`hnswlib-node: compiled for this CPU (${cxxflags}).`);
    return cxxflags;
  }
  const restored = compile(process.env.CXXFLAGS) && works();
  console.warn(`hnswlib-node: the build for this CPU failed; ${restored ? 'the portable build is back' : 'the portable build could not be restored either: run `npm rebuild hnswlib-node`'}.`);
  return process.env.CXXFLAGS;
}

if (process.argv[1] === import.meta.filename) main();
