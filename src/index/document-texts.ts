import { z } from 'zod';
import { IndexCorruptError } from './versions.js';
import type { StreamedFile } from './streamed-file.js';

/**
 * Every document's citable text, one after the other in one binary file (texts.bin): read back as
 * slices of one buffer instead of JSON-parsing 100 MB of escaped strings at 100k chunks. A text is
 * UTF-8 when it is well-formed Unicode, else UTF-16LE, which holds any JavaScript string exactly
 * (a lone surrogate would not survive UTF-8) — quotes are offsets into these strings.
 */
export const TEXT_ENCODINGS = ['utf8', 'utf16le'] as const;

/** Where a document's text lies in texts.bin, recorded with its structure in documents.json. */
export const textLayoutSchema = z.object({ encoding: z.enum(TEXT_ENCODINGS), bytes: z.number().int().nonnegative() });
export type TextLayout = z.infer<typeof textLayoutSchema>;

/** A surrogate without its pair (matched on UTF-16 code units: no `u` flag). */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Appends `text` to the texts file; returns where it lies. */
export async function writeText(out: StreamedFile, text: string): Promise<TextLayout> {
  const encoding = LONE_SURROGATE.test(text) ? 'utf16le' : 'utf8';
  const bytes = Buffer.from(text, encoding);
  await out.write(bytes);
  return { encoding, bytes: bytes.length };
}

/**
 * The texts file with each document's place in it, checked against the layouts once; a text is
 * decoded only when asked for (`text(i)`), so start-up holds one buffer instead of every text as a string.
 */
export class TextBlob {
  /** Byte offsets: document i lies in [offsets[i], offsets[i + 1]). */
  readonly #offsets: Float64Array;
  readonly #encodings: ReadonlyArray<TextLayout['encoding']>;

  constructor(
    private readonly blob: Buffer,
    layouts: readonly TextLayout[],
    file: string,
  ) {
    this.#encodings = layouts.map((layout) => layout.encoding);
    this.#offsets = new Float64Array(layouts.length + 1);
    layouts.forEach(({ bytes }, i) => (this.#offsets[i + 1] = this.#offsets[i]! + bytes));
    const written = this.#offsets[layouts.length]!;
    if (written > blob.length) throw new IndexCorruptError(`${file} is shorter than the documents it should hold`);
    if (written < blob.length) throw new IndexCorruptError(`${file} holds more than the documents it should hold`);
  }

  /** The text of the i-th document written (a new string at each call: callers keep what they need). */
  text(i: number): string {
    const encoding = this.#encodings[i];
    if (!encoding) throw new RangeError(`No document ${i} in the texts file`);
    return this.blob.toString(encoding, this.#offsets[i], this.#offsets[i + 1]);
  }
}
