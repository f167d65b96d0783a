/**
 * Builds the Node.js-manual evaluation corpora (bench/manuals/build.ts) from Node.js 20's API
 * documentation (Debian package nodejs-doc, made by Node's own remark/rehype doc tool, unlike
 * Python's Sphinx, PostgreSQL's DocBook, git's AsciiDoc or SQLite's Tcl): eleven module pages of
 * varied kinds — functions with signatures, defaults and "Added in" versions, events, option lists,
 * tables of constants (os) and of version history, error codes (errors), command-line options (cli).
 * Questions: questions.heldout.jsonl, written from the pages' text before any run and never tuned on.
 * Node's print stylesheet hides each API's metadata ("Added in", the History tables), so the PDF
 * (Chromium prints the shipped page) has no versions: the version questions are in
 * questions-versions.heldout.jsonl, scored on the other formats (FORMATS="html docx md").
 *
 *   npx tsx bench/node-manual/build.ts [outDir]   (default bench/node-manual/corpus, git-ignored)
 */
import { buildManual, type HtmlElement } from '../manuals/build.js';

buildManual(
  {
    name: 'node-manual',
    dir: '/usr/share/doc/nodejs/api',
    // The doc tool marks the content `div#apicontent` (role=main); the sidebar, the "Node.js vX
    // documentation" header with its table-of-contents, index, version and options pickers, and the
    // page's own table of contents are outside it. Inside, the heading anchors ("#", each in a span
    // of its own: pandoc's Markdown writer turns a heading holding a span into a plain paragraph),
    // the code blocks' copy buttons and the CommonJS/ES-module toggle checkboxes are furniture.
    mainContent(document) {
      const main = document.querySelector('#apicontent') as HtmlElement | null;
      if (!main) throw new Error('a Node.js API page without div#apicontent');
      for (const mark of main.querySelectorAll('a.mark')) (mark.parentElement?.tagName === 'SPAN' ? mark.parentElement : mark).remove();
      for (const element of main.querySelectorAll('button.copy-button, input.js-flavor-toggle')) element.remove();
      return main;
    },
    pageSets: {
      heldout: {
        pages: [
          'path', 'os', 'timers', 'readline', 'events', 'child_process', 'errors', 'cli', 'console', 'querystring',
          'string_decoder',
        ],
        outDir: 'bench/node-manual/corpus',
      },
    },
  },
  process.argv.slice(2),
);
