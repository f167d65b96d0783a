import { LEXICAL_FIELDS, type PostingRun } from './lexical-postings.js';
import { STRING_ENCODINGS, StringTable } from './lexical-strings.js';
import { IndexCorruptError } from './versions.js';

const FIELDS = LEXICAL_FIELDS.length;
/** "DXL1" read as a little-endian u32: marks a lexical.bin file. */
const MAGIC = 0x314c5844;
/** 12 u32 counts (some unused, kept for alignment), then one f64 average length per field. */
const HEADER_BYTES = 48 + 8 * FIELDS;
/** Every section starts at a multiple of 8 bytes, so each is a typed-array view over the file's buffer. */
const ALIGN = 8;
const padded = (bytes: number) => Math.ceil(bytes / ALIGN) * ALIGN;

export interface CompactParts {
  ids: StringTable;
  /** Sorted in JavaScript's string order. */
  terms: StringTable;
  /** Field-major: field f's length of chunk i at `f * size + i`. */
  lengths: Uint32Array;
  /** Term t's postings in field f are [starts[t * FIELDS + f], starts[t * FIELDS + f + 1]) of docs and tfs. */
  starts: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array | Uint32Array;
  /** MiniSearch's running average of each field's length, kept exactly (scores depend on its rounding). */
  averages: readonly number[];
}

/**
 * The frozen inverted index (lexical.bin, index format 5): chunk ids and sorted terms as string
 * tables, postings as chunk numbers (Uint32) and term frequencies (Uint16, or Uint32 when one
 * exceeds 65,535), each term's postings field by field in ascending chunk number, and every chunk's
 * field lengths. Read as views over the one buffer the file is read into: loading builds no object per
 * term or chunk (MiniSearch's JSON took 4.6 s and most of a worker's memory at 100k chunks, issue 10).
 * Holds live chunks only, numbered 0 to size − 1 in the order they were added.
 */
export class CompactLexical {
  constructor(readonly parts: CompactParts) {}

  static empty(): CompactLexical {
    return new CompactLexical({ ids: StringTable.of([]), terms: StringTable.of([]), lengths: new Uint32Array(0), starts: new Uint32Array(1), docs: new Uint32Array(0), tfs: new Uint16Array(0), averages: LEXICAL_FIELDS.map(() => 0) });
  }

  get size(): number {
    return this.parts.ids.size;
  }

  termIndex(term: string): number {
    return this.parts.terms.indexOf(term);
  }

  run(termIndex: number, field: number): PostingRun | undefined {
    const { starts, docs, tfs } = this.parts;
    const from = starts[termIndex * FIELDS + field]!;
    const to = starts[termIndex * FIELDS + field + 1]!;
    return to > from ? { docs, tfs, from, to, step: 1, tfOffset: 0 } : undefined;
  }

  length(field: number, doc: number): number {
    return this.parts.lengths[field * this.size + doc]!;
  }

  /** The file's bytes as a list of pieces, to be written one after the other. */
  encode(): Uint8Array[] {
    const { ids, terms, lengths, starts, docs, tfs, averages } = this.parts;
    const header = Buffer.alloc(HEADER_BYTES);
    const counts = [MAGIC, ids.size, terms.size, docs.length, tfs.BYTES_PER_ELEMENT, STRING_ENCODINGS.indexOf(ids.encoding), STRING_ENCODINGS.indexOf(terms.encoding), ids.bytes.length, terms.bytes.length, FIELDS];
    counts.forEach((count, i) => header.writeUInt32LE(count, 4 * i));
    averages.forEach((average, f) => header.writeDoubleLE(average, 48 + 8 * f));
    const pieces: Uint8Array[] = [header];
    for (const section of [lengths, ids.offsets, terms.offsets, starts, docs, tfs, ids.bytes, terms.bytes]) {
      pieces.push(new Uint8Array(section.buffer, section.byteOffset, section.byteLength));
      const padding = padded(section.byteLength) - section.byteLength;
      if (padding > 0) pieces.push(new Uint8Array(padding));
    }
    return pieces;
  }

  /** Reads a lexical.bin file's bytes, as views over them where they are aligned (else over one aligned copy). */
  static decode(file: Buffer, name: string): CompactLexical {
    const corrupt = (what: string) => new IndexCorruptError(`${name} ${what}`);
    if (file.length < HEADER_BYTES || file.readUInt32LE(0) !== MAGIC) throw corrupt('is not a lexical index');
    const [documents, termCount, postings, tfBytes, idEncoding, termEncoding, idBytes, termBytes, fields] = Array.from({ length: 9 }, (_, i) => file.readUInt32LE(4 * (i + 1))) as [number, number, number, number, number, number, number, number, number];
    const idsEncoding = STRING_ENCODINGS[idEncoding];
    const termsEncoding = STRING_ENCODINGS[termEncoding];
    if (fields !== FIELDS || (tfBytes !== 2 && tfBytes !== 4) || !idsEncoding || !termsEncoding) throw corrupt('has an unknown layout');
    const averages = LEXICAL_FIELDS.map((_, f) => file.readDoubleLE(48 + 8 * f));
    const bytes = file.byteOffset % ALIGN === 0 ? file : Buffer.from(new Uint8Array(file).buffer);
    let offset = HEADER_BYTES;
    const section = (byteLength: number) => {
      const at = offset;
      offset += padded(byteLength);
      if (offset > bytes.length) throw corrupt('is shorter than its header says');
      return bytes.byteOffset + at;
    };
    const u32 = (count: number) => new Uint32Array(bytes.buffer, section(4 * count), count);
    const lengths = u32(FIELDS * documents);
    const idOffsets = u32(documents + 1);
    const termOffsets = u32(termCount + 1);
    const starts = u32(FIELDS * termCount + 1);
    const docs = u32(postings);
    const tfs = tfBytes === 2 ? new Uint16Array(bytes.buffer, section(2 * postings), postings) : u32(postings);
    const idBlob = Buffer.from(bytes.buffer, section(idBytes), idBytes);
    const termBlob = Buffer.from(bytes.buffer, section(termBytes), termBytes);
    if (offset !== bytes.length) throw corrupt('is longer than its header says');
    if (starts[starts.length - 1] !== postings || idOffsets[documents] !== idBytes || termOffsets[termCount] !== termBytes) throw corrupt('has tables that do not add up');
    return new CompactLexical({ ids: new StringTable(idsEncoding, idOffsets, idBlob), terms: new StringTable(termsEncoding, termOffsets, termBlob), lengths, starts, docs, tfs, averages });
  }
}
