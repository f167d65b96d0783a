import { createHash } from 'node:crypto';
import fs from 'node:fs';
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

/** Closes the file of a FileBytes nobody can read any more (a version swapped out and collected). */
const openFiles = new FinalizationRegistry<number>((fd) => fs.close(fd, () => undefined));

/**
 * texts.bin read from its file when a text is first decoded, instead of held in memory whole: each
 * text is decoded once and then kept as a string (see document-table.ts), so the file's bytes held
 * too would be the corpus twice (47 MiB per worker at 100k chunks, issue 10). The file is held open
 * from the version's read on, so a reader still serving a version whose folder was since removed
 * reads it as it read the version's other files; it is closed with the storage (`close`) or when the
 * version is collected.
 */
export class FileBytes {
  #fd: number | undefined;

  private constructor(
    private readonly file: string,
    fd: number,
    readonly length: number,
  ) {
    this.#fd = fd;
    openFiles.register(this, fd, this);
  }

  /** Opens `file` (checked against its checksum by the caller). A plain descriptor: node closes a collected FileHandle's own. */
  static open(file: string): FileBytes {
    const fd = fs.openSync(file, 'r');
    try {
      return new FileBytes(file, fd, fs.fstatSync(fd).size);
    } catch (error) {
      fs.closeSync(fd);
      throw error;
    }
  }

  /** The SHA-256 of the whole file as read through this descriptor: the bytes later reads serve, whatever replaces the path meanwhile. */
  async sha256(): Promise<string> {
    const hash = createHash('sha256');
    const fd = this.#fd ?? fs.openSync(this.file, 'r');
    try {
      for await (const chunk of fs.createReadStream('', { fd, start: 0, autoClose: false })) hash.update(chunk as Buffer);
    } finally {
      if (this.#fd === undefined) fs.closeSync(fd);
    }
    return hash.digest('hex');
  }

  /** Bytes [start, end) of the file (opened again for this read once closed). */
  read(start: number, end: number): Buffer {
    const bytes = Buffer.allocUnsafe(end - start);
    const fd = this.#fd ?? fs.openSync(this.file, 'r');
    try {
      for (let done = 0; done < bytes.length; ) {
        const read = fs.readSync(fd, bytes, done, bytes.length - done, start + done);
        if (read === 0) throw new IndexCorruptError(`${this.file} ended at byte ${start + done}, before the text that should end at ${end}`);
        done += read;
      }
    } finally {
      if (this.#fd === undefined) fs.closeSync(fd);
    }
    return bytes;
  }

  close(): void {
    if (this.#fd === undefined) return;
    openFiles.unregister(this);
    fs.closeSync(this.#fd);
    this.#fd = undefined;
  }
}

/**
 * The texts file with each document's place in it, checked against the layouts once; a text is
 * decoded only when asked for (`text(i)`), so start-up holds no text as a string.
 */
export class TextBlob {
  /** Byte offsets: document i lies in [offsets[i], offsets[i + 1]). */
  readonly #offsets: Float64Array;
  readonly #encodings: ReadonlyArray<TextLayout['encoding']>;

  constructor(
    private readonly blob: Buffer | FileBytes,
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
    const start = this.#offsets[i]!, end = this.#offsets[i + 1]!;
    return Buffer.isBuffer(this.blob) ? this.blob.toString(encoding, start, end) : this.blob.read(start, end).toString(encoding);
  }
}
