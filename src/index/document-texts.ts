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

/** Splits the texts file back into the documents described by `layouts` (in the order they were written). */
export function readTexts<T extends TextLayout>(blob: Buffer, layouts: readonly T[], file: string): Array<Omit<T, keyof TextLayout> & { text: string }> {
  let offset = 0;
  const documents = layouts.map(({ encoding, bytes, ...rest }) => {
    if (offset + bytes > blob.length) throw new IndexCorruptError(`${file} is shorter than the documents it should hold`);
    const text = blob.toString(encoding, offset, offset + bytes);
    offset += bytes;
    return { ...rest, text };
  });
  if (offset !== blob.length) throw new IndexCorruptError(`${file} holds more than the documents it should hold`);
  return documents;
}
