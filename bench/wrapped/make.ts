/**
 * The SQuAD corpus hard-wrapped as most Markdown and plain-text files are (issue 8's first own
 * evaluation set): every paragraph folded at 72–80 columns (the width varies by file), paragraphs
 * separated by a blank line; `.txt` as is, `.md` with the article's title in YAML front matter (kept out of the citable text, so SQuAD's
 * paragraph numbers still hold).
 *
 *   npx tsx bench/wrapped/make.ts [--from ../shared/eval/squad/corpus] [--to bench/wrapped/corpus]
 *   npm run eval -- --file ../shared/eval/squad/questions.jsonl --corpus bench/wrapped/corpus/txt
 *   npm run eval -- --file ../shared/eval/squad/questions.jsonl --corpus bench/wrapped/corpus/md
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { from: { type: 'string', default: '../shared/eval/squad/corpus' }, to: { type: 'string', default: 'bench/wrapped/corpus' } } });

/** Breaks `paragraph` at spaces so that no line is longer than `width` (a longer word gets a line of its own), like `fold -s`. */
export function fold(paragraph: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/ +/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

const widthOf = (name: string) => 72 + ([...name].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 9);
const titleOf = (name: string) => name.replace(/\.[^.]+$/, '').replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());

const from = path.resolve(values.from!);
const to = path.resolve(values.to!);
for (const kind of ['txt', 'md']) await fs.mkdir(path.join(to, kind), { recursive: true });
for (const name of (await fs.readdir(from)).filter((file) => file.endsWith('.txt')).sort()) {
  const paragraphs = (await fs.readFile(path.join(from, name), 'utf8')).split('\n').map((line) => line.trim()).filter(Boolean);
  const body = paragraphs.map((paragraph) => fold(paragraph, widthOf(name))).join('\n\n');
  await fs.writeFile(path.join(to, 'txt', name), `${body}\n`);
  await fs.writeFile(path.join(to, 'md', name.replace(/\.txt$/, '.md')), `---\ntitle: ${titleOf(name)}\n---\n\n${body}\n`);
}
console.log(`Wrote ${to}/txt and ${to}/md`);
