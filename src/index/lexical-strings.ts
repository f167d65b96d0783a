import { LONE_SURROGATE } from './document-texts.js';

/** How a string table's bytes are encoded: UTF-8 unless a string is not well-formed Unicode (see document-texts.ts). */
export const STRING_ENCODINGS = ['utf8', 'utf16le'] as const;
export type StringEncoding = (typeof STRING_ENCODINGS)[number];

/**
 * A list of strings as one byte buffer and the byte offset where each one starts (lexical.bin's chunk
 * ids and terms): read as two views over the file, each string decoded only when it is asked for, so
 * loading 100k ids and half a million terms creates no string at all.
 */
export class StringTable {
  constructor(
    readonly encoding: StringEncoding,
    /** `count + 1` offsets: string i is bytes [offsets[i], offsets[i + 1]). */
    readonly offsets: Uint32Array,
    readonly bytes: Buffer,
  ) {}

  static of(strings: readonly string[]): StringTable {
    const encoding: StringEncoding = strings.some((string) => LONE_SURROGATE.test(string)) ? 'utf16le' : 'utf8';
    const offsets = new Uint32Array(strings.length + 1);
    let total = 0;
    strings.forEach((string, i) => {
      total += Buffer.byteLength(string, encoding);
      offsets[i + 1] = total;
    });
    const bytes = Buffer.allocUnsafe(total);
    strings.forEach((string, i) => bytes.write(string, offsets[i]!, encoding));
    return new StringTable(encoding, offsets, bytes);
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  at(i: number): string {
    return this.bytes.toString(this.encoding, this.offsets[i], this.offsets[i + 1]);
  }

  /**
   * Where `string` is in a table sorted by JavaScript's string order (UTF-16 code units, as
   * `Array.prototype.sort` sorts), or -1: a binary search decoding one string per step.
   */
  indexOf(string: string): number {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const candidate = this.at(middle);
      if (candidate === string) return middle;
      if (candidate < string) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}
