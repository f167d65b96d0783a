import { IndexCorruptError } from './versions.js';

/**
 * Rows of integers (blocks, chunks) as little-endian int32 in a binary file: read back as one typed
 * array over the file's bytes instead of JSON-parsing millions of numbers into JS arrays (at 100k
 * chunks documents.json's block rows were most of the start-up's parsing and garbage).
 */

/** The bytes of `values`; each must be an int32 (offsets, labels, ids and -1 for absent values are). */
export function int32Bytes(values: readonly number[]): Buffer {
  const rows = Int32Array.from(values);
  values.forEach((value, i) => {
    if (rows[i] !== value) throw new RangeError(`${value} does not fit a row of the index files (32-bit integers)`);
  });
  return Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
}

/** The file's bytes as rows of `fields` integers (copied only when the buffer is not 4-byte aligned). */
export function readInt32Rows(bytes: Buffer, fields: number, file: string): Int32Array {
  if (bytes.length % (4 * fields) !== 0) throw new IndexCorruptError(`${file} does not hold whole rows of ${fields} integers`);
  if (bytes.byteOffset % 4 !== 0) return new Int32Array(Uint8Array.prototype.slice.call(bytes).buffer);
  // Little-endian on every platform Node runs on that Docent supports (x64, arm64).
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}
