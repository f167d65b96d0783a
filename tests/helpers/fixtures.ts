import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { openDocent, type Docent } from '../../src/service.js';
import { hashEmbedder } from './hash-embedder.js';

export const DEFAULT_CORPUS = path.resolve('corpus');
export const DEFAULT_SOURCE = 'china-un-peacekeeping-international-cooperation.md';

export async function tempDir(prefix = 'docent-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** A corpus folder holding `files` (path → text). */
export async function makeCorpus(files: Record<string, string>): Promise<string> {
  const dir = await tempDir('docent-corpus-');
  for (const [name, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), text);
  }
  return dir;
}

export async function testConfig(corpusDir: string, env: Record<string, string> = {}): Promise<Config> {
  return loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: await tempDir('docent-index-'), ...env }, os.tmpdir());
}

/**
 * A document about nothing the checker tests ask, beside theirs: with their documents alone, the words they share would be
 * in every document of the corpus.
 */
const UNRELATED_DOCUMENT = { 'other.md': 'Schools in Ohio teach music. The module reads files and writes reports.' };

/** A Docent over `files` and one unrelated document (see UNRELATED_DOCUMENT), as the checker's tests use. */
export async function openCheckerDocent(files: Record<string, string>): Promise<Docent> {
  return openTestDocent(await makeCorpus({ ...files, ...UNRELATED_DOCUMENT }));
}

/** A Docent over `corpusDir` with the fast test embedder, indexed into a fresh temporary folder. */
export async function openTestDocent(corpusDir: string = DEFAULT_CORPUS, env: Record<string, string> = {}): Promise<Docent> {
  return openDocent(await testConfig(corpusDir, env), { embedder: hashEmbedder() });
}

interface Span {
  source: string;
  start: number;
  end: number;
}

/** Asserts that a check's every evidence quote and every conflicting span is the exact slice of its document. */
export function expectExactSlices(documents: { get(source: string): string | undefined }, result: { evidence: ReadonlyArray<Span & { quote: string }>; conflicts?: ReadonlyArray<Span & { evidence: string }> }): void {
  const sliced = (span: Span) => documents.get(span.source)!.slice(span.start, span.end);
  for (const conflict of result.conflicts ?? []) expect(sliced(conflict)).toBe(conflict.evidence);
  for (const evidence of result.evidence) expect(sliced(evidence)).toBe(evidence.quote);
}

/**
 * Asks `question` of a Docent over one Markdown document `name` (chunks of `chunkSize` characters, no overlap) and
 * asserts every citation of the answer is the exact slice of the document it names.
 */
export async function askOneDocument(name: string, text: string, question: string, chunkSize: number) {
  const docent = await openTestDocent(await makeCorpus({ [name]: text }), { CHUNK_SIZE: String(chunkSize), CHUNK_OVERLAP: '0' });
  const result = await docent.ask(question);
  expectExactSlices(docent.index.documents, { evidence: result.citations });
  return result;
}

/** Checks `claim` and asserts its evidence and conflicting spans are exact slices of their documents. */
export async function verifyExact(docent: Docent, claim: string) {
  const result = await docent.verify(claim);
  expectExactSlices(docent.index.documents, result);
  return result;
}
