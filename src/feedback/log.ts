import fs from 'node:fs/promises';
import path from 'node:path';

/** Where feedback on answers goes: one JSON object per line, appended, never rewritten. */
export interface FeedbackLog {
  append(record: Record<string, unknown>): Promise<void>;
}

export const FEEDBACK_FILE = 'feedback.jsonl';
/** The previous file, kept when the current one reaches its size bound. */
export const FEEDBACK_ROTATED_FILE = 'feedback.1.jsonl';

/**
 * An append-only JSONL log of at most about `2 × maxBytes` on disk: when a record would take the
 * file past `maxBytes`, the file becomes `feedback.1.jsonl` (replacing the older one) and a new
 * file starts. Appends are serialised within the process; each record is one `appendFile` of one
 * line, so processes of a cluster do not interleave partial lines.
 */
export function feedbackLog(dir: string, maxBytes: number): FeedbackLog {
  const file = path.join(dir, FEEDBACK_FILE);
  let queue: Promise<void> = Promise.resolve();
  const write = async (line: string) => {
    await fs.mkdir(dir, { recursive: true });
    const size = await fs.stat(file).then((stat) => stat.size, () => 0);
    if (size > 0 && size + Buffer.byteLength(line) > maxBytes) await fs.rename(file, path.join(dir, FEEDBACK_ROTATED_FILE));
    await fs.appendFile(file, line, { encoding: 'utf8', mode: 0o600 });
  };
  return {
    append(record) {
      const line = `${JSON.stringify(record)}\n`;
      const done = queue.then(() => write(line));
      queue = done.catch(() => {});
      return done;
    },
  };
}
