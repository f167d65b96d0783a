/**
 * Copies real hand-written plain-text and Markdown files from /usr/share/doc (Debian packages
 * base-passwd, git, util-linux, nodejs) into bench/plaintext/corpus (git-ignored), decompressing
 * `.gz`, named so each parser reads it (`.txt` / `.md`). Questions: bench/plaintext/questions.jsonl.
 * A second corpus, `<to>-libjpeg`, holds libjpeg-turbo's usage.txt alone (option lists with hanging
 * descriptions): bench/plaintext/questions-libjpeg.jsonl, written before the parser was changed for it.
 *
 *   npx tsx bench/plaintext/build.ts [--to bench/plaintext/corpus]
 *   npm run eval -- --file bench/plaintext/questions.jsonl --corpus bench/plaintext/corpus
 *   npm run eval -- --file bench/plaintext/questions-libjpeg.jsonl --corpus bench/plaintext/corpus-libjpeg
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

const CORPORA: Record<string, Record<string, string>> = {
  '': {
    'base-passwd-README.txt': '/usr/share/doc/base-passwd/README',
    'git-RelNotes-2.39.0.txt': '/usr/share/doc/git/RelNotes/2.39.0.txt',
    'util-linux-howto-contribute.txt': '/usr/share/doc/util-linux/howto-contribute.txt.gz',
    'nodejs-GOVERNANCE.md': '/usr/share/doc/nodejs/GOVERNANCE.md',
  },
  '-libjpeg': { 'libjpeg-turbo-usage.txt': '/usr/share/doc/libjpeg62-turbo-dev/usage.txt.gz' },
};

const { values } = parseArgs({ options: { to: { type: 'string', default: 'bench/plaintext/corpus' } } });
for (const [suffix, files] of Object.entries(CORPORA)) {
  const to = path.resolve(values.to! + suffix);
  await fs.mkdir(to, { recursive: true });
  for (const [name, from] of Object.entries(files)) {
    const bytes = await fs.readFile(from);
    await fs.writeFile(path.join(to, name), from.endsWith('.gz') ? gunzipSync(bytes) : bytes);
  }
  console.log(`Wrote ${Object.keys(files).length} files to ${to}`);
}
