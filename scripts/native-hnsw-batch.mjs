/**
 * Compiles native/hnsw-batch, Docent's own small addon over the hnswlib headers that hnswlib-node
 * ships: the index build's insertion worker hands it a whole batch of vectors as one Float32Array,
 * where hnswlib-node's `addPoint` takes a JavaScript array and reads its 768 numbers one N-API call at
 * a time (≈ 28 % of the insertion's CPU; BENCHMARKS.md, "Session build10u"). Called by
 * native-hnsw.mjs after hnswlib-node is compiled, with the same compiler flags, and kept only when a
 * probe shows it writes the very bytes hnswlib-node writes for the same points: the graph must not
 * depend on which of the two built it. Anything short of that removes it, and the build inserts
 * through hnswlib-node as before. It never fails the install. Plain JavaScript, run by npm.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The addon's folder under the repository root; the build leaves `build/Release/hnsw_batch.node` in it. */
export const BATCH_ADDON_DIR = path.join('native', 'hnsw-batch');

/**
 * Builds one graph of 768-d points (the default model's size, so the same distance kernels run)
 * through hnswlib-node and through the addon, and fails unless both files are the same bytes.
 */
const PROBE = `
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { HierarchicalNSW } = require('hnswlib-node');
const batch = require(process.argv[1]);
const [dimensions, count] = [768, 600];
const vectors = Float32Array.from({ length: dimensions * count }, (_, i) => Math.sin(i * 0.7) + Math.cos(i * 0.013));
const labels = Int32Array.from({ length: count }, (_, i) => i);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-hnsw-probe-'));
try {
  const reference = new HierarchicalNSW('cosine', dimensions);
  reference.initIndex(count, 16, 100, 100);
  for (let i = 0; i < count; i++) reference.addPoint(Array.from(vectors.subarray(i * dimensions, (i + 1) * dimensions)), i);
  reference.writeIndexSync(path.join(dir, 'reference'));
  const graph = batch.create(dimensions, count, 16, 100, 100);
  batch.addPoints(graph, labels.subarray(0, 250), vectors.subarray(0, 250 * dimensions));
  batch.addPoints(graph, labels.subarray(250), vectors.subarray(250 * dimensions));
  batch.write(graph, path.join(dir, 'batch'));
  if (!fs.readFileSync(path.join(dir, 'reference')).equals(fs.readFileSync(path.join(dir, 'batch')))) throw new Error('the graphs differ');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
`;

/**
 * Compiles the addon with `cxxflags` (those hnswlib-node was compiled with) through npm's node-gyp
 * `gyp`, and keeps it if the probe passes. Returns what happened, for the install's log.
 */
export function buildBatchAddon(root, gyp, cxxflags) {
  const dir = path.join(root, BATCH_ADDON_DIR);
  const addon = path.join(dir, 'build', 'Release', 'hnsw_batch.node');
  const env = { ...process.env };
  if (cxxflags) env.CXXFLAGS = cxxflags;
  else delete env.CXXFLAGS;
  const compiled = spawnSync(process.execPath, [gyp, 'rebuild'], { cwd: dir, env, encoding: 'utf8' });
  if (compiled.status === 0) {
    const probe = spawnSync(process.execPath, ['-e', PROBE, addon], { cwd: root, encoding: 'utf8' });
    if (probe.status === 0) return { kept: true, message: `native/hnsw-batch: compiled (${cxxflags || 'default flags'}), same graph as hnswlib-node.` };
    fs.rmSync(path.join(dir, 'build'), { recursive: true, force: true });
    return { kept: false, message: `native/hnsw-batch: removed, its probe failed (${lastLine(probe.stderr)}); the build inserts through hnswlib-node.` };
  }
  fs.rmSync(path.join(dir, 'build'), { recursive: true, force: true });
  return { kept: false, message: `native/hnsw-batch: not compiled (${lastLine(compiled.stderr)}); the build inserts through hnswlib-node.` };
}

const lastLine = (text) => (text ?? '').trim().split('\n').filter(Boolean).at(-1) ?? 'no output';
