import type { InsertWorkerSetup } from './hnsw-insert-protocol.js';
import type { BatchAddon } from './hnsw-insert-native.js';
import { GRAPH_GROWTH, GRAPH_RANDOM_SEED, graphFor, VectorIndex } from './vector-index.js';

/** The graph the insertion worker fills: batches of packed rows in, one hnswlib file out. */
export interface InsertionGraph {
  /** Which way points go in: the batch addon, or hnswlib-node one point at a time. */
  readonly via: 'batch addon' | 'hnswlib-node';
  /** Inserts `labels[i]` with row i of `vectors` (labels.length × dimensions), in order. */
  add(labels: Int32Array, vectors: Float32Array): void;
  write(file: string): Promise<void>;
}

/**
 * A new graph for the worker: through the batch addon when the install kept it (`loadBatchAddon`;
 * it writes the same bytes, checked at install), else through `VectorIndex`. Both create the graph
 * `VectorIndex.create` would and grow it by the same rule, so the file does not depend on which one built it.
 */
export function insertionGraph(setup: InsertWorkerSetup, addon: BatchAddon | undefined): InsertionGraph {
  const { dimensions, capacity, parameters } = setup;
  if (!addon) {
    const index = VectorIndex.create(dimensions, capacity, parameters);
    return {
      via: 'hnswlib-node',
      add: (labels, vectors) => labels.forEach((label, i) => index.add(label, vectors.subarray(i * dimensions, (i + 1) * dimensions))),
      write: (file) => index.write(file),
    };
  }
  const { m, efConstruction } = graphFor(parameters, capacity);
  const graph = addon.create(dimensions, capacity, m, efConstruction, GRAPH_RANDOM_SEED);
  return {
    via: 'batch addon',
    add(labels, vectors) {
      // As many points as there is room for at a time; when full, grow as `VectorIndex.add` does.
      for (let from = 0; from < labels.length; ) {
        const [points, room] = addon.counts(graph);
        if (points >= room) {
          addon.resize(graph, Math.ceil(room * GRAPH_GROWTH) + 1);
          continue;
        }
        const to = Math.min(labels.length, from + room - points);
        addon.addPoints(graph, labels.subarray(from, to), vectors.subarray(from * dimensions, to * dimensions));
        from = to;
      }
    },
    write: async (file) => addon.write(graph, file),
  };
}
