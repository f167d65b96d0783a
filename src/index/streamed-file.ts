import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const PENDING_LIMIT = 1 << 16;

/**
 * A file written piece by piece while its sha256 is computed, so that a version's big files are never
 * held as one string (indexing peak memory at 100k chunks) and never read back to be checksummed.
 */
export class StreamedFile {
  readonly #stream;
  readonly #hash = createHash('sha256');
  /** Small pieces gathered into writes of about PENDING_LIMIT characters. */
  #pending = '';
  #failure: Error | undefined;

  constructor(file: string) {
    this.#stream = createWriteStream(file);
    this.#stream.on('error', (error) => (this.#failure ??= error));
  }

  /** Appends `piece` (text as UTF-8), waiting when the stream's buffer is full. */
  async write(piece: string | Uint8Array): Promise<void> {
    if (typeof piece === 'string' && this.#pending.length + piece.length < PENDING_LIMIT) {
      this.#pending += piece;
      return;
    }
    await this.#flush();
    await this.#send(piece);
  }

  async #flush(): Promise<void> {
    if (this.#pending === '') return;
    const pending = this.#pending;
    this.#pending = '';
    await this.#send(pending);
  }

  async #send(piece: string | Uint8Array): Promise<void> {
    if (this.#failure) throw this.#failure;
    this.#hash.update(piece);
    if (!this.#stream.write(piece)) await once(this.#stream, 'drain');
  }

  /**
   * Appends `value` as JSON, arrays element by element and objects key by key down to `depth` levels
   * (below that each value is one string): the same text as `JSON.stringify(value)`.
   */
  async writeJson(value: unknown, depth: number): Promise<void> {
    const plain = toPlain(value);
    if (depth <= 0 || plain === null || typeof plain !== 'object') {
      await this.write(JSON.stringify(plain) ?? 'null');
      return;
    }
    if (Array.isArray(plain)) {
      await this.write('[');
      for (let i = 0; i < plain.length; i++) {
        if (i > 0) await this.write(',');
        // JSON.stringify writes null for an undefined or function element.
        await this.writeJson(plain[i] ?? null, depth - 1);
      }
      await this.write(']');
      return;
    }
    await this.write('{');
    let first = true;
    for (const [key, entry] of Object.entries(plain)) {
      if (entry === undefined || typeof entry === 'function') continue;
      await this.write(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      await this.writeJson(entry, depth - 1);
    }
    await this.write('}');
  }

  /** Flushes and closes the file; its sha256 (hex). */
  async close(): Promise<string> {
    await this.#flush();
    this.#stream.end();
    if (!this.#stream.closed) await once(this.#stream, 'close');
    if (this.#failure) throw this.#failure;
    return this.#hash.digest('hex');
  }

  /** Closes the file after a failure, without hiding the failure. */
  abort(): void {
    this.#stream.destroy();
  }
}

/** What JSON.stringify serialises for `value`: its toJSON() when it has one. */
function toPlain(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'toJSON' in value && typeof value.toJSON === 'function') return (value.toJSON as () => unknown)();
  return value;
}

/** Writes `file` with `write` (closing it on failure) and returns the file's sha256. */
async function writeFile(file: string, write: (out: StreamedFile) => Promise<void>): Promise<string> {
  const out = new StreamedFile(file);
  try {
    await write(out);
    return await out.close();
  } catch (error) {
    out.abort();
    throw error;
  }
}

/** Writes `value` as JSON into `file` (see `StreamedFile.writeJson`) and returns the file's sha256. */
export const writeJsonFile = (file: string, value: unknown, depth: number) => writeFile(file, (out) => out.writeJson(value, depth));

/** Writes `pieces` one after the other into `file` and returns the file's sha256. */
export const writePieces = (file: string, pieces: readonly Uint8Array[]) =>
  writeFile(file, async (out) => {
    for (const piece of pieces) await out.write(piece);
  });
