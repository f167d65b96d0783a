import type { ChunkRecord } from './store.js';

/**
 * A chunk of a served version. Its text is sliced from its document's text when asked for, not when
 * the version is read: a document's text is decoded on first use (see document-table.ts), and a quote
 * of the chunk is always an exact span of that same text.
 */
export class IndexChunk implements ChunkRecord {
  readonly id: string;
  readonly label: number;
  readonly source: string;
  readonly start: number;
  readonly end: number;
  readonly section: string[];
  // Declared, not defined: a chunk without a page has no `page` property at all, as before.
  declare readonly page?: number;
  readonly #texts: ReadonlyMap<string, string>;

  constructor({ label, source, start, end, section, page }: Omit<ChunkRecord, 'text' | 'id'>, texts: ReadonlyMap<string, string>) {
    this.id = `${source}#${start}-${end}`;
    this.label = label;
    this.source = source;
    this.start = start;
    this.end = end;
    this.section = section;
    if (page !== undefined) (this as { page?: number }).page = page;
    this.#texts = texts;
  }

  /** Always `texts.get(source).slice(start, end)`. */
  get text(): string {
    return (this.#texts.get(this.source) ?? '').slice(this.start, this.end);
  }
}
