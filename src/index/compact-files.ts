import { z } from 'zod';
import { DOCUMENT_FORMATS, type Block } from '../ingest/types.js';
import { ABSENT, blockList, blockRow } from './block-rows.js';
import { textLayoutSchema } from './document-texts.js';
import type { ChunkRecord, IndexedDocument } from './store.js';
import { IndexCorruptError } from './versions.js';

/**
 * The structure of a version's documents and its chunk table, in a compact form (index format 6; the
 * texts themselves are in texts.bin, see document-texts.ts). A manual's blocks
 * and chunks each repeated their whole heading path, as objects: at 100k chunks that was 900k block
 * objects and 22 M characters of repeated headings, read, validated by zod and copied by every worker
 * at start-up. Here a document lists its distinct heading paths once (documents.json), and blocks and
 * chunks are rows of integers that point into them, in binary files (blocks.bin, chunks.bin: see
 * int32-rows.ts); decoded objects share one array per path.
 */

export const CHUNK_FIELDS = 6; // source, start, end, label, section, page

const compactStructureSchema = z.object({
  source: z.string(),
  format: z.enum(DOCUMENT_FORMATS),
  title: z.string(),
  sections: z.array(z.array(z.string())),
  /** How many blocks the document has: its rows follow the previous document's in blocks.bin. */
  blocks: z.number().int().nonnegative(),
  pages: z.array(z.object({ page: z.number().int(), start: z.number().int(), end: z.number().int() })).optional(),
  marks: z.array(z.object({ kind: z.enum(['code', 'emphasis', 'strong', 'link']), start: z.number().int(), end: z.number().int(), href: z.string().optional() })).optional(),
});
type CompactStructure = z.infer<typeof compactStructureSchema>;
/** documents.json: each document's compact structure and where its text lies in texts.bin. */
const documentLayoutSchema = compactStructureSchema.merge(textLayoutSchema);
export type DocumentLayout = z.infer<typeof documentLayoutSchema>;

/** chunks.json: the documents and heading paths chunks.bin's rows point to. */
const chunkTableSchema = z.object({ sources: z.array(z.string()), sections: z.array(z.array(z.string())) });

const shapeProblem = (error: z.ZodError) => {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.')}: ${issue.message}` : '';
};

/** Numbers each distinct heading path in order of first use. */
class SectionTable {
  readonly paths: string[][] = [];
  readonly #ids = new Map<string, number>();

  id(section: readonly string[]): number {
    const key = JSON.stringify(section);
    let id = this.#ids.get(key);
    if (id === undefined) this.#ids.set(key, (id = this.paths.push([...section]) - 1));
    return id;
  }
}

/** A document's structure without its text: what documents.json holds, and its rows for blocks.bin. */
export function compactStructure({ source, format, title, blocks, pages, marks }: IndexedDocument): { structure: CompactStructure; rows: number[] } {
  const sections = new SectionTable();
  const rows = blocks.flatMap((block) => blockRow(block, (section) => sections.id(section)));
  return { structure: { source, format, title, sections: sections.paths, blocks: blocks.length, ...(pages ? { pages } : {}), ...(marks ? { marks } : {}) }, rows };
}

const at = (paths: readonly string[][], id: number, what: string) => {
  const path = paths[id];
  if (!path) throw new IndexCorruptError(`${what} refers to heading path ${id}, which the file does not list`);
  return path;
};

/**
 * A document of documents.json: its source, format, title, pages and marks at once; its text
 * (`text()`, from texts.bin) and its blocks (decoded from its rows of blocks.bin) on first access.
 * They are own enumerable getters, so spreading, comparing or serialising the document reads them
 * like plain properties, and listing every document (the suggestion picker) decodes none of them.
 */
export function expandDocument({ source, format, title, sections, pages, marks }: CompactStructure, text: () => string, rows: Int32Array): IndexedDocument {
  let blocks: Block[] | undefined;
  const document = Object.defineProperties({ source, format, title } as IndexedDocument, {
    text: { enumerable: true, get: text },
    blocks: { enumerable: true, get: () => (blocks ??= blockList(source, sections, rows)) },
  });
  return Object.assign(document, pages ? { pages } : {}, marks ? { marks } : {});
}

/**
 * What reading a version needs of each documents.json entry at once: where its text and its block
 * rows lie. The rest of an entry is checked when its document is first expanded (`checkedLayout`):
 * zod's full check of every entry cost ≈ 235 ms of a 100k-chunk worker's start-up, this one ≈ 18 ms.
 */
const layoutPlacementSchema = z.object({ source: z.string(), blocks: compactStructureSchema.shape.blocks }).merge(textLayoutSchema).loose();
export type PlacedLayout = z.infer<typeof layoutPlacementSchema>;

/** documents.json's entries, their placement checked. */
export function readDocumentLayouts(value: unknown, file: string): PlacedLayout[] {
  if (!Array.isArray(value)) throw new IndexCorruptError(`${file} does not list documents`);
  return value.map((entry, i) => checked(layoutPlacementSchema, entry, i, file));
}

/** The `i`th entry of documents.json, checked whole: called when its document is first expanded. */
export const checkedLayout = (layout: PlacedLayout, i: number, file: string): DocumentLayout => checked(documentLayoutSchema, layout, i, file);

function checked<T>(schema: z.ZodType<T>, entry: unknown, i: number, file: string): T {
  const parsed = schema.safeParse(entry);
  if (!parsed.success) throw new IndexCorruptError(`${file}: document ${i} does not have the expected shape (${shapeProblem(parsed.error)})`);
  return parsed.data;
}

export type StoredChunk = Omit<ChunkRecord, 'text' | 'id'>;

/** The chunk table: what chunks.json holds, and the rows of chunks.bin. */
export function compactChunks(chunks: readonly StoredChunk[]): { table: z.infer<typeof chunkTableSchema>; rows: number[] } {
  const sources = new Map<string, number>();
  const sections = new SectionTable();
  const rows: number[] = [];
  for (const { source, start, end, label, section, page } of chunks) {
    let sourceId = sources.get(source);
    if (sourceId === undefined) sources.set(source, (sourceId = sources.size));
    rows.push(sourceId, start, end, label, sections.id(section), page ?? ABSENT);
  }
  return { table: { sources: [...sources.keys()], sections: sections.paths }, rows };
}

/** The chunks of chunks.json's table (`value`) and chunks.bin's rows. */
export function readChunks(value: unknown, rows: Int32Array, file: string): StoredChunk[] {
  const parsed = chunkTableSchema.safeParse(value);
  if (!parsed.success) throw new IndexCorruptError(`${file} does not have the expected shape (${shapeProblem(parsed.error)})`);
  const { sources, sections } = parsed.data;
  const chunks: StoredChunk[] = [];
  for (let i = 0; i < rows.length; i += CHUNK_FIELDS) {
    const sourceId = rows[i]!, start = rows[i + 1]!, end = rows[i + 2]!, label = rows[i + 3]!, section = rows[i + 4]!, page = rows[i + 5]!;
    const source = sources[sourceId];
    if (source === undefined || label < 0) throw new IndexCorruptError(`${file}: chunk ${i / CHUNK_FIELDS} refers to an unknown document or label`);
    chunks.push({ label, source, start, end, section: at(sections, section, `${file}: a chunk`), ...(page !== ABSENT ? { page } : {}) });
  }
  return chunks;
}
