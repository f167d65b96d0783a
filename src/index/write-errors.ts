/** The index folder could not be written: why, and what to do, in words (the previous version stays current). */
export class IndexWriteError extends Error {
  override name = 'IndexWriteError';
}

const ADVICE: Record<string, (dir: string) => string> = {
  EROFS: (dir) => `${dir} is on a read-only file system: serve a published index with READ_ONLY=1, or set INDEX_DIR to a writable folder`,
  EACCES: (dir) => `no permission to write ${dir}: make it writable for this user, serve it with READ_ONLY=1, or set INDEX_DIR`,
  EPERM: (dir) => `no permission to write ${dir}: make it writable for this user, serve it with READ_ONLY=1, or set INDEX_DIR`,
  ENOSPC: (dir) => `the disk holding ${dir} is full: free some space and index again`,
  EDQUOT: (dir) => `the disk quota for ${dir} is used up: free some space and index again`,
};

/**
 * Turns a file-system error met while writing the index into one clear sentence naming the folder;
 * other errors are returned as they are. Whatever failed, CURRENT still names the previous version.
 */
export function explainWriteError(error: unknown, indexDir: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const advice = code ? ADVICE[code] : undefined;
  if (!advice) return error;
  return new IndexWriteError(`Cannot write the index (${code}): ${advice(indexDir)}. The version served before is unchanged.`, { cause: error });
}
