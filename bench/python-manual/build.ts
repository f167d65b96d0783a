/**
 * Builds the Python-manual evaluation corpora: the same pages of Python's HTML manual (Debian
 * package python3-doc) as HTML (the page as shipped, navigation and all), PDF (printed by Chromium,
 * with its running header and footer), DOCX and Markdown (pandoc, from the page's main content;
 * Markdown hard-wrapped at pandoc's 72 columns). Questions: bench/python-manual/questions.jsonl on the
 * tuning pages, questions.heldout.jsonl on the held-out pages (never tuned on).
 *
 *   npx tsx bench/python-manual/build.ts [outDir]                  (default bench/python-manual/corpus, git-ignored)
 *   npx tsx bench/python-manual/build.ts --pages heldout [outDir]  (default bench/python-manual/corpus/heldout)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';

const MANUAL_DIR = '/usr/share/doc/python3.11/html/library';
const PAGE_SETS = {
  tuning: { pages: ['atexit', 'bisect', 'heapq', 'textwrap', 'fnmatch', 'glob', 'secrets', 'timeit', 'copy', 'graphlib'], outDir: 'bench/python-manual/corpus' },
  heldout: { pages: ['tempfile', 'zlib', 'uuid', 'base64', 'keyword', 'functools', 'shutil', 'calendar'], outDir: 'bench/python-manual/corpus/heldout' },
};
const FORMATS = ['html', 'pdf', 'docx', 'md'] as const;

/** The page's main content (Sphinx marks it role=main) without images and permalink signs, as a page of its own for pandoc. */
function mainContentPage(html: string): string {
  const { document } = parseHTML(html);
  const main = document.querySelector('[role=main]');
  if (!main) throw new Error('no role=main element');
  for (const element of main.querySelectorAll('img, a.headerlink')) element.remove();
  return `<!doctype html><html><head><title>${document.title}</title></head><body>${main.innerHTML}</body></html>`;
}

function build(pages: readonly string[], outDir: string): void {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-python-manual-'));
  for (const format of FORMATS) fs.mkdirSync(path.join(outDir, format), { recursive: true });
  for (const page of pages) {
    const source = path.join(MANUAL_DIR, `${page}.html`);
    fs.copyFileSync(source, path.join(outDir, 'html', `${page}.html`));
    const pdf = path.join(outDir, 'pdf', `${page}.pdf`);
    execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', `--print-to-pdf=${pdf}`, `file://${source}`], { stdio: 'ignore' });
    const main = path.join(scratch, `${page}.html`);
    fs.writeFileSync(main, mainContentPage(fs.readFileSync(source, 'utf8')));
    execFileSync('pandoc', ['-f', 'html', '-t', 'docx', main, '-o', path.join(outDir, 'docx', `${page}.docx`)]);
    // GitHub Markdown as a person would keep it: no raw HTML wrappers.
    execFileSync('pandoc', ['-f', 'html-native_divs-native_spans', '-t', 'gfm-raw_html', main, '-o', path.join(outDir, 'md', `${page}.md`)]);
    console.error(`built ${page} as ${FORMATS.join(', ')}`);
  }
  fs.rmSync(scratch, { recursive: true, force: true });
}

const args = process.argv.slice(2);
const setFlag = args.indexOf('--pages');
const setName = setFlag === -1 ? 'tuning' : args.splice(setFlag, 2)[1];
if (setName !== 'tuning' && setName !== 'heldout') throw new Error(`--pages must be tuning or heldout, not ${setName}`);
const set = PAGE_SETS[setName];
build(set.pages, path.resolve(args[0] ?? set.outDir));
