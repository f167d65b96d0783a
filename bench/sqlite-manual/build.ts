/**
 * Builds the SQLite-manual evaluation corpora (bench/manuals/build.ts) from SQLite 3.40's HTML
 * documentation (Debian package sqlite3-doc, made by SQLite's own Tcl document generator, unlike
 * Python's Sphinx or PostgreSQL's DocBook): fourteen pages of varied kinds — SQL statements with
 * syntax diagrams, type affinity with tables, settings with defaults (PRAGMAs), limits, functions,
 * the command-line shell's options, features (foreign keys, WAL, JSON, generated columns).
 * Questions: questions.heldout.jsonl, written from the pages' text before any run and never tuned on.
 *
 *   npx tsx bench/sqlite-manual/build.ts [outDir]   (default bench/sqlite-manual/corpus, git-ignored)
 */
import { buildManual, type HtmlElement } from '../manuals/build.js';

buildManual(
  {
    name: 'sqlite-manual',
    dir: '/usr/share/doc/sqlite3',
    // The generator marks no main content: the body holds it after the site header (logo, menus and
    // search form, the body's first div.nosearch) and before the "This page last modified" line.
    // Inside, the page's table of contents, scripts, and the syntax diagrams (SVG drawings, the
    // pandoc formats' equivalent of images) with their hide/show buttons are furniture too.
    mainContent(document) {
      const body = document.body as HtmlElement;
      body.querySelector(':scope > div.nosearch')?.remove();
      for (const element of body.querySelectorAll('script, .fancy_toc, svg, button')) element.remove();
      for (const paragraph of body.querySelectorAll('p')) {
        if (/^\s*This page last modified/.test(paragraph.textContent ?? '')) paragraph.remove();
      }
      return body;
    },
    pageSets: {
      heldout: {
        pages: [
          'lang_upsert', 'lang_transaction', 'datatype3', 'stricttables', 'gencol', 'autoinc', 'foreignkeys',
          'pragma', 'limits', 'lang_datefunc', 'lang_corefunc', 'json1', 'wal', 'cli',
        ],
        outDir: 'bench/sqlite-manual/corpus',
      },
    },
  },
  process.argv.slice(2),
);
