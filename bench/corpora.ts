/**
 * Scale corpora built from documentation this machine already has: Debian's PostgreSQL and Python
 * manuals (HTML), the GNU Info manuals, other HTML pages under /usr/share/doc, then its compressed
 * changelogs and READMEs, until a target number of chunks is reached. Chunks are counted with
 * Docent's own parser and chunker, so a size of 100k really makes 100k chunks. Each size is a prefix
 * of the next, written once as .txt files.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chunkDocument, type ChunkOptions } from '../src/ingest/chunk.js';
import { parsePlainText } from '../src/ingest/parsers/text.js';

export interface SourceTree {
  name: string;
  root: string;
  /** Files of this tree that become documents. */
  accept: (file: string) => boolean;
}

const MANUALS = /postgresql-doc|python3\.\d+\/html/;

export const SOURCE_TREES: readonly SourceTree[] = [
  { name: 'postgresql-doc-15', root: '/usr/share/doc/postgresql-doc-15/html', accept: (file) => file.endsWith('.html') },
  { name: 'python3-doc', root: '/usr/share/doc/python3.11/html', accept: (file) => file.endsWith('.html') && !file.includes('/_static/') },
  { name: 'gnu-info', root: '/usr/share/info', accept: (file) => file.endsWith('.gz') },
  { name: 'debian-html', root: '/usr/share/doc', accept: (file) => /\.html?$/.test(file) && !MANUALS.test(file) },
  { name: 'debian-doc', root: '/usr/share/doc', accept: (file) => file.endsWith('.gz') && !MANUALS.test(file) },
];

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', copy: '©' };

/**
 * Plain text of an HTML page: scripts, styles and navigation dropped, block ends as blank lines. A
 * stand-in until the HTML parser lands in src/ingest, after which the bench can index the HTML itself.
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|nav|head)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|div|h[1-6]|li|tr|pre|dt|dd|table|section|blockquote)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x?[0-9a-f]+|\w+);/gi, (entity, name: string) => {
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(name[1] === 'x' || name[1] === 'X' ? 2 : 1), name[1] === 'x' || name[1] === 'X' ? 16 : 10));
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Control characters other than line breaks and tabs: GNU Info files mark nodes and tag tables with them (NUL, US), which makes Docent read a file as binary. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

async function documentText(file: string): Promise<string> {
  const bytes = await fs.readFile(file);
  const text = file.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : htmlToText(bytes.toString('utf8'));
  return text.replace(CONTROL, '');
}

/** The chunks Docent's indexer will make of a written .txt document. */
async function chunksOf(name: string, text: string, chunking: ChunkOptions): Promise<number> {
  return (await chunkDocument(name, parsePlainText(text, name), chunking)).length;
}

export interface BuiltCorpus {
  dir: string;
  documents: number;
  characters: number;
  /** Chunks Docent makes of the corpus at the chunking settings it was built with. */
  chunks: number;
  sources: string[];
}

/**
 * Writes `<outDir>/<size>/` for each target size (in chunks at `chunking`), reusing folders already
 * complete (`<outDir>/<size>-<chunkSize>-<chunkOverlap>.json` records them).
 * Documents are taken in a fixed order, so the 1k corpus is the start of the 10k one, and so on.
 */
export async function buildCorpora(outDir: string, sizes: readonly number[], chunking: ChunkOptions, trees: readonly SourceTree[] = SOURCE_TREES): Promise<Map<number, BuiltCorpus>> {
  const built = new Map<number, BuiltCorpus>();
  const pending = [...sizes].sort((a, b) => a - b);
  const record = (size: number) => path.join(outDir, `${size}-${chunking.chunkSize}-${chunking.chunkOverlap}.json`);
  const done = await Promise.all(pending.map((size) => fs.readFile(record(size), 'utf8').then((text) => JSON.parse(text) as BuiltCorpus).catch(() => undefined)));
  pending.forEach((size, i) => done[i] && built.set(size, done[i]!));
  const missing = pending.filter((size) => !built.has(size));
  if (missing.length === 0) return built;
  const largest = missing.at(-1)!;
  const written: Array<{ name: string; text: string; tree: string; chunks: number }> = [];
  let chunks = 0;
  outer: for (const tree of trees) {
    for (const file of await filesUnder(tree.root)) {
      if (!tree.accept(file)) continue;
      const text = await documentText(file).catch(() => '');
      if (text.length < 200) continue;
      const name = `${tree.name}--${path.relative(tree.root, file).replace(/[^A-Za-z0-9.]+/g, '-').replace(/\.(html|gz)$/, '')}.txt`;
      const count = await chunksOf(name, text, chunking);
      written.push({ name, text, tree: tree.name, chunks: count });
      chunks += count;
      if (chunks >= largest) break outer;
    }
  }
  for (const size of missing) {
    const dir = path.join(outDir, String(size));
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(dir, { recursive: true });
    const corpus: BuiltCorpus = { dir, documents: 0, characters: 0, chunks: 0, sources: [] };
    for (const document of written) {
      if (corpus.chunks >= size) break;
      await fs.writeFile(path.join(dir, document.name), document.text);
      corpus.documents++;
      corpus.characters += document.text.length;
      corpus.chunks += document.chunks;
      if (!corpus.sources.includes(document.tree)) corpus.sources.push(document.tree);
    }
    await fs.writeFile(record(size), JSON.stringify(corpus));
    built.set(size, corpus);
  }
  return built;
}
