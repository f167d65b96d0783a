import { ProjectedGloVe, type DistributionalParameters } from './distributional.js';
import { addSparse, randomIndexVector, type SparseVector } from './random.js';
import { STOP_WORDS } from './stop-words.js';
import type { VocabularyEntry } from './tokenizer-vocab.js';
import type { Sense, WordNet } from './wordnet-reader.js';
import { emptyTable, setRow, type EmbeddingTable } from './onnx-writer.js';

export interface VectorParameters {
  dimensions: number;
  /** ±1 coordinates per random index vector. */
  nonZeros: number;
  seed: string;
  /** SIF weight a/(a + p(w)), p estimated from WordNet tag counts. */
  sifA: number;
  /** Weight of stop words and punctuation relative to a rare content word (1). */
  stopWordWeight: number;
  /**
   * Weight every token by its frequency p in WordNet's own text (see referenceCounts) instead of by sense
   * tag counts: `sifA/(sifA + p)` when sifA is set, else the IDF `(log(1/p) / log(N))^idfPower`.
   */
  reference?: { sifA?: number; idfPower?: number };
}

export interface SemanticParameters {
  /** Weight of a sense ∝ (tagCount + 1)^senseExponent: 0 treats all senses alike, 1 follows usage. */
  senseExponent: number;
  /** Weights of each pointer group and of gloss words, relative to the synset's own random vector (1). */
  relatedWeight: number;
  broaderWeight: number;
  glossWeight: number;
  /** Weight of senses a word gets from multiword lemmas it is part of ("set" from "set_up"). */
  phraseWeight: number;
  /** Share of the token's own random vector, so exact matches still beat synonyms. */
  identityWeight: number;
}

/** Synonym-like pointers: similar-to, also-see, derivation, pertainym, participle, attribute, verb group. */
const RELATED_POINTERS = new Set(['&', '^', '+', '\\', '<', '=', '$']);
/** Pointers to broader concepts: hypernyms and holonyms (Beijing → China). */
const BROADER_POINTERS = new Set(['@', '@i', '#m', '#p', '#s']);

export type ProgressCallback = (done: number, total: number) => void;

function norm(row: Float32Array, offset: number, dimensions: number): number {
  let sum = 0;
  for (let i = 0; i < dimensions; i++) sum += row[offset + i]! ** 2;
  return Math.sqrt(sum);
}

function scaleRow(row: Float32Array, offset: number, dimensions: number, factor: number): void {
  for (let i = 0; i < dimensions; i++) row[offset + i]! *= factor;
}

/** The lemma whose random vector a token shares: inflections take the shortest lemma, as a stemmer would. */
function identityKey({ token, lemmas }: VocabularyEntry): string {
  if (lemmas.length === 0) return token;
  return [...lemmas].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0]!;
}

class RandomVectors {
  private readonly cache = new Map<string, SparseVector>();
  constructor(private readonly params: VectorParameters) {}
  get(key: string): SparseVector {
    let vector = this.cache.get(key);
    if (!vector) {
      vector = randomIndexVector(this.params.seed, key, this.params.dimensions, this.params.nonZeros);
      this.cache.set(key, vector);
    }
    return vector;
  }
}

/** Scales the row to the token's weight (its say in mean pooling) and stores it quantised. */
function finishRow(target: EmbeddingTable, row: number, vector: Float32Array, weight: number): void {
  const length = norm(vector, 0, vector.length);
  scaleRow(vector, 0, vector.length, length === 0 ? 0 : weight / length);
  setRow(target, row, vector);
}

/** Bag of words: every token an independent random direction, so pooled cosine ≈ weighted word-overlap cosine. */
export function lexicalVectors(
  vocabulary: readonly VocabularyEntry[],
  weights: Float32Array,
  params: VectorParameters,
  onProgress: ProgressCallback,
): EmbeddingTable {
  const { dimensions } = params;
  const random = new RandomVectors(params);
  const table = emptyTable(vocabulary.length, dimensions);
  const vector = new Float32Array(dimensions);
  vocabulary.forEach((entry, row) => {
    if (entry.kind === 'special') return;
    vector.fill(0);
    addSparse(vector, 0, random.get(`token:${entry.token}`), 1);
    finishRow(table, row, vector, weights[row]!);
    if (row % 10_000 === 0) onProgress(row, vocabulary.length);
  });
  onProgress(vocabulary.length, vocabulary.length);
  return table;
}

/** Gloss definition words (not the quoted examples) that are in the vocabulary and not stop words. */
function glossKeys(gloss: string, identityOf: Map<string, string>): string[] {
  const definition = gloss.split('"')[0]!.toLowerCase();
  const keys = new Set<string>();
  for (const word of definition.match(/[a-z0-9]+/g) ?? []) {
    const key = identityOf.get(word);
    if (key !== undefined && !STOP_WORDS.has(word)) keys.add(key);
  }
  return [...keys].sort();
}

/**
 * WordNet random indexing: a synset's context vector is its own random vector plus the (√n-normalised)
 * random vectors of related synsets, broader synsets (two levels) and its gloss words; a word is the
 * sense-weighted sum of its synsets' context vectors plus a little of its own identity. Shared synsets
 * make synonyms and inflections close, shared neighbours make related words somewhat close, and the rest
 * stays near-orthogonal because independent random vectors are.
 */
export function wordnetVectors(
  vocabulary: readonly VocabularyEntry[],
  wordnet: WordNet,
  weights: Float32Array,
  params: VectorParameters,
  semantic: SemanticParameters,
  onProgress: ProgressCallback,
  distributional?: DistributionalParameters,
): EmbeddingTable {
  const { dimensions } = params;
  const random = new RandomVectors(params);
  const identityOf = new Map(vocabulary.filter((entry) => entry.kind === 'word').map((entry) => [entry.token, identityKey(entry)]));

  const phraseSenses = new Map<string, Sense[]>();
  for (const [lemma, senses] of wordnet.senses) {
    if (!lemma.includes('_')) continue;
    for (const part of new Set(lemma.split('_'))) {
      if (STOP_WORDS.has(part) || !identityOf.has(part)) continue;
      const list = phraseSenses.get(part) ?? [];
      list.push(...senses);
      phraseSenses.set(part, list);
    }
  }

  const pointerTargets = (synset: number, symbols: Set<string>) =>
    [...new Set(wordnet.synsets[synset]!.pointers.filter((p) => symbols.has(p.symbol)).map((p) => p.target))].sort((a, b) => a - b);
  /** The weighted random vectors a synset's context sums; memoised because common synsets recur in many words. */
  const recipes = new Map<number, { vector: SparseVector; weight: number }[]>();
  const recipeOf = (synset: number) => {
    const known = recipes.get(synset);
    if (known) return known;
    const recipe = [{ vector: random.get(`synset:${synset}`), weight: 1 }];
    const addGroup = (keys: string[], weight: number) => {
      for (const key of keys) recipe.push({ vector: random.get(key), weight: weight / Math.sqrt(keys.length) });
    };
    const broader = pointerTargets(synset, BROADER_POINTERS);
    const broader2 = [...new Set(broader.flatMap((target) => pointerTargets(target, BROADER_POINTERS)))].sort((a, b) => a - b);
    addGroup(pointerTargets(synset, RELATED_POINTERS).map((t) => `synset:${t}`), semantic.relatedWeight);
    addGroup(broader.map((t) => `synset:${t}`), semantic.broaderWeight);
    addGroup(broader2.map((t) => `synset:${t}`), semantic.broaderWeight ** 2);
    addGroup(glossKeys(wordnet.synsets[synset]!.gloss, identityOf).map((key) => `token:${key}`), semantic.glossWeight);
    recipes.set(synset, recipe);
    return recipe;
  };
  const context = new Float32Array(dimensions);
  const synsetContext = (synset: number): Float32Array => {
    context.fill(0);
    for (const { vector, weight } of recipeOf(synset)) addSparse(context, 0, vector, weight);
    scaleRow(context, 0, dimensions, 1 / norm(context, 0, dimensions));
    return context;
  };

  const glove = distributional && new ProjectedGloVe(new Set(identityOf.keys()), dimensions, params.seed, params.nonZeros);
  /** WordNet's unit sense vector and GloVe's, in the proportion `distributional.weight`. */
  const mixDistributional = (senseVector: Float32Array, word: string) => {
    if (!glove || !distributional) return;
    scaleRow(senseVector, 0, dimensions, (1 - distributional.weight) / (norm(senseVector, 0, dimensions) || 1));
    glove.add(senseVector, word, distributional.weight);
  };
  const table = emptyTable(vocabulary.length, dimensions);
  const vector = new Float32Array(dimensions);
  const senseVector = new Float32Array(dimensions);
  const addSenses = (senses: Iterable<Sense>, weight: number) => {
    for (const { synset, tagCount } of senses) {
      const ctx = synsetContext(synset);
      const w = weight * (tagCount + 1) ** semantic.senseExponent;
      for (let i = 0; i < dimensions; i++) senseVector[i]! += w * ctx[i]!;
    }
  };
  vocabulary.forEach((entry, row) => {
    if (entry.kind === 'special') return;
    vector.fill(0);
    const identity = random.get(`token:${identityOf.get(entry.token) ?? entry.token}`);
    if (entry.kind !== 'word') {
      addSparse(vector, 0, identity, 1);
      finishRow(table, row, vector, weights[row]!);
      return;
    }
    senseVector.fill(0);
    const senses = new Map<number, Sense>();
    for (const lemma of entry.lemmas) for (const sense of wordnet.senses.get(lemma) ?? []) senses.set(sense.synset, sense);
    addSenses(senses.values(), 1);
    addSenses((phraseSenses.get(entry.token) ?? []).filter((sense) => !senses.has(sense.synset)), semantic.phraseWeight);
    mixDistributional(senseVector, entry.token);
    const semanticLength = norm(senseVector, 0, dimensions) || 1;
    for (let i = 0; i < dimensions; i++) vector[i] = ((1 - semantic.identityWeight) * senseVector[i]!) / semanticLength;
    addSparse(vector, 0, identity, semantic.identityWeight / Math.sqrt(params.nonZeros));
    finishRow(table, row, vector, weights[row]!);
    if (row % 10_000 === 0) onProgress(row, vocabulary.length);
  });
  onProgress(vocabulary.length, vocabulary.length);
  return table;
}
