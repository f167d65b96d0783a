/**
 * Builds a real manual's evaluation corpora: the same pages of a manual Debian ships as HTML, in
 * four formats — HTML as shipped (navigation and all), PDF (printed by Chromium, with its running
 * header and footer), DOCX and Markdown (pandoc, from the page's main content; Markdown hard-wrapped
 * at pandoc's 72 columns). A manual is its directory, the rule that finds a page's main content, and
 * its named page sets; each manual's build.ts (bench/python-manual, bench/postgres-manual) says
 * which, and takes `[--pages <set>] [outDir]`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';

type HtmlDocument = ReturnType<typeof parseHTML>['document'];
type HtmlElement = NonNullable<HtmlDocument['body']>;

export interface Manual {
  /** Names the scratch folder. */
  name: string;
  /** The folder of the shipped HTML pages. */
  dir: string;
  /** The element holding a page's main content (the manual generator's own mark for it); may remove furniture inside it. */
  mainContent(document: HtmlDocument): HtmlElement;
  /** Page sets by name (file names without .html), each built into its own folder; the first is the default. */
  pageSets: Record<string, { pages: readonly string[]; outDir: string }>;
}

const FORMATS = ['html', 'pdf', 'docx', 'md'] as const;

/** The page's main content without images, as a page of its own for pandoc. */
function mainContentPage(manual: Manual, html: string): string {
  const { document } = parseHTML(html);
  const main = manual.mainContent(document);
  for (const element of main.querySelectorAll('img')) element.remove();
  return `<!doctype html><html><head><title>${document.title}</title></head><body>${main.innerHTML}</body></html>`;
}

function build(manual: Manual, pages: readonly string[], outDir: string): void {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `docent-${manual.name}-`));
  for (const format of FORMATS) fs.mkdirSync(path.join(outDir, format), { recursive: true });
  for (const page of pages) {
    const source = path.join(manual.dir, `${page}.html`);
    fs.copyFileSync(source, path.join(outDir, 'html', `${page}.html`));
    const pdf = path.join(outDir, 'pdf', `${page}.pdf`);
    execFileSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', `--print-to-pdf=${pdf}`, `file://${source}`], { stdio: 'ignore' });
    const main = path.join(scratch, `${page}.html`);
    fs.writeFileSync(main, mainContentPage(manual, fs.readFileSync(source, 'utf8')));
    execFileSync('pandoc', ['-f', 'html', '-t', 'docx', main, '-o', path.join(outDir, 'docx', `${page}.docx`)]);
    // GitHub Markdown as a person would keep it: no raw HTML wrappers.
    execFileSync('pandoc', ['-f', 'html-native_divs-native_spans', '-t', 'gfm-raw_html', main, '-o', path.join(outDir, 'md', `${page}.md`)]);
    console.error(`built ${page} as ${FORMATS.join(', ')}`);
  }
  fs.rmSync(scratch, { recursive: true, force: true });
}

/** A main-content rule for generators that mark none: the body without the given furniture. */
export function bodyWithout(...furniture: string[]): Manual['mainContent'] {
  return (document) => {
    const body = document.body as HtmlElement;
    for (const element of body.querySelectorAll(furniture.join(', '))) element.remove();
    return body;
  };
}

/** `[--pages <set>] [outDir]`: builds the named page set (the first one by default) into outDir (default: the set's own). */
export function buildManual(manual: Manual, argv: readonly string[]): void {
  const args = [...argv];
  const setFlag = args.indexOf('--pages');
  const setName = setFlag === -1 ? Object.keys(manual.pageSets)[0]! : args.splice(setFlag, 2)[1]!;
  const set = manual.pageSets[setName];
  if (!set) throw new Error(`--pages must be one of ${Object.keys(manual.pageSets).join(', ')}, not ${setName}`);
  build(manual, set.pages, path.resolve(args[0] ?? set.outDir));
}

export type { HtmlDocument, HtmlElement };
