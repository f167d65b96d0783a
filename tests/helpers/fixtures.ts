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
