/** What built an index's vectors; recorded in the index manifest so models are never mixed. */
export interface EmbeddingModelInfo {
  /** The EMBEDDING_MODEL value: a generated model name, a Hugging Face id, or a local folder. */
  model: string;
  /** A version string that changes whenever the model's vectors would change (e.g. `docent-wordnet-v1@<hash>`). */
  version: string;
  dimensions: number;
  /** False for Docent's generated static models, true for real pretrained transformers. */
  pretrained: boolean;
}

/**
 * LangChain's `Embeddings` contract (`embedDocuments` / `embedQuery`), plus the model's identity.
 * Vectors are L2-normalised, so the dot product is the cosine similarity.
 */
export interface Embedder {
  readonly info: EmbeddingModelInfo;
  embedDocuments(texts: string[]): Promise<number[][]>;
  /**
   * The same vectors as `embedDocuments`, as Float32Arrays: a 768-d vector is 3 KB this way and about
   * 6 KB as a number[], which matters at 100k chunks. Use `documentVectors()`, which falls back.
   */
  embedDocumentVectors?(texts: readonly string[]): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<number[]>;
  /**
   * The vectors `embedDocumentVectors` gives, for the few words a server's soft matching compares: a
   * generated model computes them as it does queries, without transformers.js (static-query.ts). Use `wordVectorsOf()`.
   */
  embedWordVectors?(words: readonly string[]): Promise<Float32Array[]>;
}

/**
 * A vector as a plain array, copied by index: `Array.from` on a Float32Array walks the iterator
 * protocol, ten times slower (76 against 8 µs for 768 dimensions) and about 60 KiB of garbage
 * per call; every question's query vector went through it.
 */
export function plainVector(vector: Float32Array): number[] {
  const plain = new Array<number>(vector.length);
  for (let i = 0; i < vector.length; i++) plain[i] = vector[i]!;
  return plain;
}

/** Document vectors as Float32Arrays, through `embedDocumentVectors` when the embedder has it. */
export async function documentVectors(embedder: Embedder, texts: readonly string[]): Promise<Float32Array[]> {
  if (embedder.embedDocumentVectors) return embedder.embedDocumentVectors(texts);
  return (await embedder.embedDocuments([...texts])).map((vector) => Float32Array.from(vector));
}

/** Word vectors, through `embedWordVectors` when the embedder has it. */
export const wordVectorsOf = (embedder: Embedder, words: readonly string[]): Promise<Float32Array[]> =>
  embedder.embedWordVectors ? embedder.embedWordVectors(words) : documentVectors(embedder, words);

/**
 * A model known by its version before it is loaded: a build that finds the index up to date never
 * loads it (the cluster's primary at start-up), one that has chunks to embed calls `load` once.
 */
export interface DeferredEmbedder {
  readonly version: string;
  load(): Promise<Embedder>;
}

/** The embedder itself, or its deferred form, as a version and a loader. */
export const deferred = (embedder: Embedder | DeferredEmbedder): DeferredEmbedder =>
  'info' in embedder ? { version: embedder.info.version, load: async () => embedder } : embedder;
