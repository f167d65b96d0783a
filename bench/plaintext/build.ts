/**
 * Copies real hand-written plain-text and Markdown files from /usr/share/doc (Debian packages
 * base-passwd, git, util-linux, nodejs) into bench/plaintext/corpus (git-ignored), decompressing
 * `.gz`, named so each parser reads it (`.txt` / `.md`). Questions: bench/plaintext/questions.jsonl.
 *
 *   npx tsx bench/plaintext/build.ts [--to bench/plaintext/corpus]
 *   npm run eval -- --file bench/plaintext/questions.jsonl --corpus bench/plaintext/corpus
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

const FILES: Record<string, string> = {
  'base-passwd-README.txt': '/usr/share/doc/base-passwd/README',
  'git-RelNotes-2.39.0.txt': '/usr/share/doc/git/RelNotes/2.39.0.txt',
  'util-linux-howto-contribute.txt': '/usr/share/doc/util-linux/howto-contribute.txt.gz',
  'nodejs-GOVERNANCE.md': '/usr/share/doc/nodejs/GOVERNANCE.md',
};

const { values } = parseArgs({ options: { to: { type: 'string', default: 'bench/plaintext/corpus' } } });
const to = path.resolve(values.to!);
await fs.mkdir(to, { recursive: true });
for (const [name, from] of Object.entries(FILES)) {
  const bytes = await fs.readFile(from);
  await fs.writeFile(path.join(to, name), from.endsWith('.gz') ? gunzipSync(bytes) : bytes);
}
console.log(`Wrote ${Object.keys(FILES).length} files to ${to}`);
