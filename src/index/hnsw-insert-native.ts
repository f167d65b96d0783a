import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Where scripts/native-hnsw-batch.mjs leaves the batch-insertion addon at install: native/ at the
 * repository root, two levels above this module, as it is above the bundle (.cache/server/).
 */
export const BATCH_ADDON_FILE = fileURLToPath(new URL('../../native/hnsw-batch/build/Release/hnsw_batch.node', import.meta.url));

declare const nativeGraph: unique symbol;
/** A graph the addon owns (released when garbage collected). */
export type NativeGraph = { readonly [nativeGraph]: true };

/**
 * native/hnsw-batch/hnsw_batch.cc: hnswlib's HNSW in cosine space, created, filled and saved as
 * hnswlib-node does it, but given a batch of points as one Float32Array (no per-number N-API reads).
 */
export interface BatchAddon {
  create(dimensions: number, capacity: number, m: number, efConstruction: number, randomSeed: number): NativeGraph;
  /** Inserts `labels[i]` with row i of `vectors` (labels.length × dimensions), in order. */
  addPoints(graph: NativeGraph, labels: Int32Array, vectors: Float32Array): void;
  resize(graph: NativeGraph, capacity: number): void;
  /** [points inserted, capacity]. */
  counts(graph: NativeGraph): [number, number];
  /** hnswlib's saveIndex: a file hnswlib-node's readIndex reads. */
  write(graph: NativeGraph, file: string): void;
}

const method = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function');
const batchAddonSchema = z.object({ create: method, addPoints: method, resize: method, counts: method, write: method });

/**
 * The addon when the install compiled and kept it; otherwise (not compiled, or built for another
 * Node) undefined, and the build inserts through hnswlib-node: the same graph, at a higher cost.
 */
export function loadBatchAddon(file = BATCH_ADDON_FILE): BatchAddon | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    const loaded: unknown = createRequire(import.meta.url)(file);
    return batchAddonSchema.parse(loaded) as unknown as BatchAddon;
  } catch {
    return undefined;
  }
}
