/**
 * Builds the Apache-HTTP-Server-manual evaluation corpora (bench/manuals/build.ts) from httpd 2.4's
 * English manual (Debian package apache2-doc, made by the httpd project's own XSLT, unlike Python's
 * Sphinx, PostgreSQL's DocBook, git's AsciiDoc or SQLite's Tcl): fourteen pages of varied kinds —
 * module pages whose directives each have a Syntax/Default/Context/Status/Module table, how-to guides,
 * the programs' option lists, and the guides to logging and virtual hosts. (Debian's en/bind.html, the
 * guide to binding, is in Portuguese, so it is not one of them.)
 * Questions: questions.heldout.jsonl, written from the pages' text before any run and never tuned on.
 *
 *   npx tsx bench/httpd-manual/build.ts [outDir]   (default bench/httpd-manual/corpus, git-ignored)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildManual, type HtmlElement } from '../manuals/build.js';

const MANUAL = '/usr/share/doc/apache2-doc/manual';

/** The pages, as paths under the manual's en/ folder; the corpus names each by its file name, which must be unique. */
const PAGES = [
  'mod/mod_alias', 'mod/mod_rewrite', 'mod/mod_log_config', 'mod/mod_deflate', 'mod/mod_headers', 'mod/mod_expires',
  'mod/mpm_common', 'howto/htaccess', 'howto/auth', 'programs/apachectl', 'programs/htpasswd', 'logs', 'mod/mod_dir',
  'vhosts/examples',
];

/**
 * The manual's pages live in subfolders (mod/, howto/, programs/) but a Manual is one folder of pages, so
 * they are copied into one scratch folder, two levels below a folder linking the manual's style/ and
 * images/ (and one level below a second pair of links), so that both the "../../style" of a subfolder's
 * page and the "../style" of a top-level page still reach the stylesheets Chromium prints with.
 */
function stagedPages(): { dir: string; pages: string[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'docent-httpd-pages-'));
  const dir = path.join(root, 'en', 'pages');
  fs.mkdirSync(dir, { recursive: true });
  for (const parent of [root, path.join(root, 'en')]) {
    for (const shared of ['style', 'images']) fs.symlinkSync(path.join(MANUAL, shared), path.join(parent, shared));
  }
  const names = PAGES.map((page) => path.basename(page));
  if (new Set(names).size !== names.length) throw new Error(`page file names must be unique: ${names.join(', ')}`);
  PAGES.forEach((page, i) => fs.copyFileSync(path.join(MANUAL, 'en', `${page}.html`), path.join(dir, `${names[i]}.html`)));
  return { dir, pages: names };
}

const { dir, pages } = stagedPages();

buildManual(
  {
    name: 'httpd-manual',
    dir,
    // The generator's #page-content holds the page after the header, the breadcrumb (#path) and before
    // #footer. Inside it, furniture is: the language picker and its toggle (.toplang, .bottomlang,
    // .lang-toggle), the quick-reference sidebar (#quickview: the page's table of contents, "See also"
    // and bug-report links), the "back to top" arrows (.top), the "¶" permalinks and scripts.
    mainContent(document) {
      const content = (document.querySelector('#page-content') ?? document.body) as HtmlElement;
      const furniture = '.toplang, .bottomlang, .lang-toggle, #quickview, .top, a.permalink, script';
      for (const element of content.querySelectorAll(furniture)) element.remove();
      // pandoc (-native_spans, as bench/manuals/build.ts calls it) writes a heading holding a <span> as a
      // plain paragraph; directive headings wrap the name in <span id=…>, so the span gives way to its text.
      for (const span of content.querySelectorAll('h1 span, h2 span, h3 span, h4 span')) span.replaceWith(...span.childNodes);
      return content;
    },
    pageSets: { heldout: { pages, outDir: 'bench/httpd-manual/corpus' } },
  },
  process.argv.slice(2),
);
fs.rmSync(path.resolve(dir, '../..'), { recursive: true, force: true });
