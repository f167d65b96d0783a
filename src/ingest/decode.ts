import { UnreadableDocumentError } from './types.js';

/** A file whose decoded text has more than this share of invalid UTF-8 sequences is not text. */
const MAX_INVALID_SHARE = 0.005;

/**
 * Decodes a text file as UTF-8, exactly as `fs.readFile(file, 'utf8')` would (a byte-order mark is
 * kept), refusing what is not text: empty files, binaries (NUL bytes) and other encodings.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new UnreadableDocumentError('the file is empty');
  if (bytes.includes(0)) throw new UnreadableDocumentError('binary file (it contains NUL bytes), not text');
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let invalid = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) invalid++;
  if (invalid > Math.max(1, MAX_INVALID_SHARE * text.length)) {
    throw new UnreadableDocumentError(`not UTF-8 text (${invalid} invalid byte sequences); convert it to UTF-8`);
  }
  if (text.trim() === '') throw new UnreadableDocumentError('the file holds only white space');
  return text;
}
