import { BLOCK_FIELDS } from './block-rows.js';
import { checkedLayout, expandDocument, type PlacedLayout } from './compact-files.js';
import type { TextBlob } from './document-texts.js';
import { LazyMap } from './lazy-map.js';
import type { IndexedDocument } from './store.js';
import { IndexCorruptError } from './versions.js';

/** The documents of a version, by source: their citable texts and their structure. */
export interface DocumentTable {
  readonly texts: ReadonlyMap<string, string>;
  readonly sources: ReadonlyMap<string, IndexedDocument>;
  /** The length of a source's text, known without decoding the text; undefined for a source the table does not hold. */
  length(source: string): number | undefined;
}

/** Documents already in memory (a build, PostgreSQL). */
export function documentTable(documents: readonly IndexedDocument[]): DocumentTable {
  const texts = new Map(documents.map((document) => [document.source, document.text]));
  return { texts, sources: new Map(documents.map((document) => [document.source, document])), length: (source) => texts.get(source)?.length };
}

/**
 * documents.json's layouts over texts.bin and blocks.bin's rows, each document decoded on first use
 * and kept. `chars` is each source's text length as the manifest recorded it: chunks are checked
 * against it when the version is read, and each text against it when it is decoded.
 */
export function lazyDocumentTable(layouts: readonly PlacedLayout[], blob: TextBlob, blockRows: Int32Array, chars: ReadonlyMap<string, number>, file: string): DocumentTable {
  const position = new Map(layouts.map((layout, i) => [layout.source, i]));
  if (position.size !== layouts.length) throw new IndexCorruptError(`${file} lists a document twice`);
  for (const source of position.keys()) if (!chars.has(source)) throw new IndexCorruptError(`${file} lists ${source}, which the manifest does not`);
  const firstRow = new Float64Array(layouts.length + 1);
  layouts.forEach((layout, i) => (firstRow[i + 1] = firstRow[i]! + layout.blocks * BLOCK_FIELDS));
  if (firstRow[layouts.length] !== blockRows.length) throw new IndexCorruptError(`${file} counts ${firstRow[layouts.length]! / BLOCK_FIELDS} blocks, the blocks file holds ${blockRows.length / BLOCK_FIELDS}`);
  const keys = new Set(position.keys());
  const texts = new LazyMap(keys, (source) => {
    const text = blob.text(position.get(source)!);
    if (text.length !== chars.get(source)) throw new IndexCorruptError(`${file}: the text of ${source} does not have the length the manifest recorded`);
    return text;
  });
  const sources = new LazyMap(keys, (source) => {
    const i = position.get(source)!;
    return expandDocument(checkedLayout(layouts[i]!, i, file), () => texts.get(source)!, blockRows.subarray(firstRow[i], firstRow[i + 1]));
  });
  return { texts, sources, length: (source) => (position.has(source) ? chars.get(source) : undefined) };
}
