import fs from 'node:fs';
import { crc32 } from 'node:zlib';

/**
 * The embedding cache on disk: a header, then fixed-size records appended as vectors are computed.
 *
 *   header:  "DOCENTEV" | u32 format | u32 dimensions | u32 n | n bytes of model version (UTF-8) | zero padding to 4
 *   record:  16-byte key | dimensions × f32 vector | u32 crc32 of key and vector
 *
 * Fixed-size records make a damaged record skippable and a torn last write (a crash mid-append)
 * detectable by length alone; the checksum catches flipped bytes.
 */
const MAGIC = Buffer.from('DOCENTEV');
const FORMAT = 1;
export const KEY_BYTES = 16;

export interface CacheContents {
  /** Key (hex) → vector, viewing the file's bytes. */
  vectors: Map<string, Float32Array>;
  /** Bytes of the header and all whole, valid records: where the next append belongs. */
  validBytes: number;
  /** Records dropped because their checksum failed, plus a torn tail; any of these means rewrite. */
  damaged: number;
  /** Why the file could not be used at all (wrong model, bad header), if so. */
  unusable?: string;
}

export const recordBytes = (dimensions: number) => KEY_BYTES + 4 * dimensions + 4;

export function encodeHeader(version: string, dimensions: number): Buffer {
  const name = Buffer.from(version, 'utf8');
  const header = Buffer.alloc(Math.ceil((MAGIC.length + 12 + name.length) / 4) * 4);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(FORMAT, 8);
  header.writeUInt32LE(dimensions, 12);
  header.writeUInt32LE(name.length, 16);
  name.copy(header, 20);
  return header;
}

export function encodeRecord(key: Buffer, vector: Float32Array): Buffer {
  const record = Buffer.alloc(recordBytes(vector.length));
  key.copy(record, 0, 0, KEY_BYTES);
  Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).copy(record, KEY_BYTES);
  record.writeUInt32LE(crc32(record.subarray(0, record.length - 4)), record.length - 4);
  return record;
}

/** Reads every valid record of `file`; a missing file is an empty cache, a foreign one is unusable. */
export function readCacheFile(file: string, version: string, dimensions: number | undefined): CacheContents {
  const empty = (unusable?: string): CacheContents => ({ vectors: new Map(), validBytes: 0, damaged: 0, unusable });
  if (!fs.existsSync(file)) return empty();
  let bytes = fs.readFileSync(file);
  if (bytes.length < 20 || !bytes.subarray(0, MAGIC.length).equals(MAGIC) || bytes.readUInt32LE(8) !== FORMAT) return empty('not a Docent embedding cache');
  const storedDimensions = bytes.readUInt32LE(12);
  const nameLength = bytes.readUInt32LE(16);
  if (20 + nameLength > bytes.length || bytes.toString('utf8', 20, 20 + nameLength) !== version) return empty('written by another model version');
  if (dimensions !== undefined && storedDimensions !== dimensions) return empty(`has ${storedDimensions} dimensions, the model ${dimensions}`);
  // Vectors are views into the file's bytes, which Float32Array needs 4-byte aligned.
  if (bytes.byteOffset % 4 !== 0) bytes = Buffer.from(bytes);
  const headerBytes = encodeHeader(version, storedDimensions).length;
  const size = recordBytes(storedDimensions);
  const records = Math.floor((bytes.length - headerBytes) / size);
  const vectors = new Map<string, Float32Array>();
  let damaged = (bytes.length - headerBytes) % size === 0 ? 0 : 1;
  for (let i = 0; i < records; i++) {
    const at = headerBytes + i * size;
    if (crc32(bytes.subarray(at, at + size - 4)) !== bytes.readUInt32LE(at + size - 4)) {
      damaged++;
      continue;
    }
    vectors.set(bytes.toString('hex', at, at + KEY_BYTES), new Float32Array(bytes.buffer, bytes.byteOffset + at + KEY_BYTES, storedDimensions));
  }
  return { vectors, validBytes: headerBytes + records * size, damaged };
}
