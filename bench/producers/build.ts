/**
 * Builds the producers corpus: two manuals printed by producers Docent was never tuned on, each
 * in PDF and in HTML from the same source, from the Debian packages that ship them:
 * nettle's manual (texinfo → pdfTeX, and texinfo's HTML; package nettle-dev) and bzip2's manual
 * (DocBook → FOP, and DocBook's HTML; package bzip2). Questions: questions.jsonl (README.md).
 *
 *   npx tsx bench/producers/build.ts [outDir]   (default bench/producers/corpus, git-ignored)
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const MANUALS = [
  { name: 'nettle', pdf: '/usr/share/doc/nettle-dev/nettle.pdf.gz', html: '/usr/share/doc/nettle-dev/nettle.html' },
  { name: 'bzip2', pdf: '/usr/share/doc/bzip2/manual.pdf.gz', html: '/usr/share/doc/bzip2/manual.html' },
];

const outDir = process.argv[2] ?? 'bench/producers/corpus';
/** A Debian doc file, gunzipped when it ships compressed. */
const read = (file: string) => (file.endsWith('.gz') ? zlib.gunzipSync(fs.readFileSync(file)) : fs.readFileSync(file));

for (const format of ['pdf', 'html'] as const) {
  fs.mkdirSync(path.join(outDir, format), { recursive: true });
  for (const manual of MANUALS) fs.writeFileSync(path.join(outDir, format, `${manual.name}.${format}`), read(manual[format]));
}
console.log(`wrote ${MANUALS.length} manuals × pdf, html to ${outDir}`);
