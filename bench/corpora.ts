/**
 * Scale corpora built from documentation this machine already has: Debian's PostgreSQL and Python
 * manuals (HTML), then the compressed changelogs and READMEs under /usr/share/doc, until a target
 * number of chunks is reached. Each size is a prefix of the next, written once as .txt files.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface SourceTree {
  name: string;
  root: string;
  /** Files of this tree that become documents. */
  accept: (file: string) => boolean;
}

export const SOURCE_TREES: readonly SourceTree[] = [
  { name: 'postgresql-doc-15', root: '/usr/share/doc/postgresql-doc-15/html', accept: (file) => file.endsWith('.html') },
  { name: 'python3-doc', root: '/usr/share/doc/python3.11/html', accept: (file) => file.endsWith('.html') && !file.includes('/_static/') },
  { name: 'debian-doc', root: '/usr/share/doc', accept: (file) => file.endsWith('.gz') && !/postgresql-doc|python3\.\d+\/html/.test(file) },
];

/**
 * Characters per chunk on these manuals, measured (2,059 chunks from 735k characters): chunks end at
 * paragraph and section boundaries, so they average well under CHUNK_SIZE.
 */
export const CHARS_PER_CHUNK = 360;

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

async function documentText(file: string): Promise<string> {
  const bytes = await fs.readFile(file);
  if (file.endsWith('.gz')) return gunzipSync(bytes).toString('utf8');
  return htmlToText(bytes.toString('utf8'));
}

export interface BuiltCorpus {
  dir: string;
  documents: number;
  characters: number;
  /** Chunks the corpus is expected to make (characters / CHARS_PER_CHUNK). */
  estimatedChunks: number;
  sources: string[];
}

/**
 * Writes `<outDir>/<size>/` for each target size (in chunks), reusing folders already complete
 * (`<outDir>/<size>.json` records them).
 * Documents are taken in a fixed order, so the 1k corpus is the start of the 10k one, and so on.
 */
export async function buildCorpora(outDir: string, sizes: readonly number[], trees: readonly SourceTree[] = SOURCE_TREES): Promise<Map<number, BuiltCorpus>> {
  const built = new Map<number, BuiltCorpus>();
  const pending = [...sizes].sort((a, b) => a - b);
  const done = await Promise.all(pending.map((size) => fs.readFile(path.join(outDir, `${size}.json`), 'utf8').then((text) => JSON.parse(text) as BuiltCorpus).catch(() => undefined)));
  pending.forEach((size, i) => done[i] && built.set(size, done[i]!));
  const missing = pending.filter((size) => !built.has(size));
  if (missing.length === 0) return built;
  const largest = missing.at(-1)!;
  const written: Array<{ name: string; text: string; tree: string }> = [];
  let characters = 0;
  outer: for (const tree of trees) {
    for (const file of await filesUnder(tree.root)) {
      if (!tree.accept(file)) continue;
      const text = await documentText(file).catch(() => '');
      if (text.length < 200) continue;
      const name = `${tree.name}--${path.relative(tree.root, file).replace(/[^A-Za-z0-9.]+/g, '-').replace(/\.(html|gz)$/, '')}.txt`;
      written.push({ name, text, tree: tree.name });
      characters += text.length;
      if (characters / CHARS_PER_CHUNK >= largest) break outer;
    }
  }
  for (const size of missing) {
    const dir = path.join(outDir, String(size));
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(dir, { recursive: true });
    let total = 0;
    const sources = new Set<string>();
    let count = 0;
    for (const document of written) {
      if (total / CHARS_PER_CHUNK >= size) break;
      await fs.writeFile(path.join(dir, document.name), document.text);
      total += document.text.length;
      sources.add(document.tree);
      count++;
    }
    const corpus: BuiltCorpus = { dir, documents: count, characters: total, estimatedChunks: Math.round(total / CHARS_PER_CHUNK), sources: [...sources] };
    await fs.writeFile(path.join(outDir, `${size}.json`), JSON.stringify(corpus));
    built.set(size, corpus);
  }
  return built;
}
