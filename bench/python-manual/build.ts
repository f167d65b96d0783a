/**
 * Builds the Python-manual evaluation corpora (bench/manuals/build.ts) from Python's HTML manual
 * (Debian package python3-doc, made by Sphinx). Questions: bench/python-manual/questions.jsonl on the
 * tuning pages, questions.heldout.jsonl on the held-out pages (never tuned on).
 *
 *   npx tsx bench/python-manual/build.ts [outDir]                  (default bench/python-manual/corpus, git-ignored)
 *   npx tsx bench/python-manual/build.ts --pages heldout [outDir]  (default bench/python-manual/corpus/heldout)
 */
import { buildManual, type HtmlElement } from '../manuals/build.js';

buildManual(
  {
    name: 'python-manual',
    dir: '/usr/share/doc/python3.11/html/library',
    // Sphinx marks the content role=main; its permalink signs (¶) are furniture.
    mainContent(document) {
      const main = document.querySelector('[role=main]') as HtmlElement | null;
      if (!main) throw new Error('no role=main element');
      for (const element of main.querySelectorAll('a.headerlink')) element.remove();
      return main;
    },
    pageSets: {
      tuning: { pages: ['atexit', 'bisect', 'heapq', 'textwrap', 'fnmatch', 'glob', 'secrets', 'timeit', 'copy', 'graphlib'], outDir: 'bench/python-manual/corpus' },
      heldout: { pages: ['tempfile', 'zlib', 'uuid', 'base64', 'keyword', 'functools', 'shutil', 'calendar'], outDir: 'bench/python-manual/corpus/heldout' },
    },
  },
  process.argv.slice(2),
);
