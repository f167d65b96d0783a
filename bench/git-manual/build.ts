/**
 * Builds the git-manual evaluation corpora (bench/manuals/build.ts) from git 2.39's manual pages
 * (Debian package git-doc, made by AsciiDoc's xhtml11 backend, unlike Python's Sphinx and
 * PostgreSQL's DocBook): ten command and file-format pages whose options are definition lists
 * (`<dt>--keep-index</dt>`), with synopses in `<pre>` and examples. Questions:
 * questions.heldout.jsonl, written from the pages' text before any run and never tuned on.
 *
 *   npx tsx bench/git-manual/build.ts [outDir]   (default bench/git-manual/corpus, git-ignored)
 */
import { bodyWithout, buildManual } from '../manuals/build.js';

buildManual(
  {
    name: 'git-manual',
    dir: '/usr/share/doc/git-doc',
    // AsciiDoc puts the page title and its NAME section in #header and the rest in #content; #footer holds only "Last updated <date>".
    mainContent: bodyWithout('#footnotes', '#footer'),
    pageSets: {
      heldout: {
        pages: [
          'git-stash', 'git-worktree', 'git-commit', 'git-tag', 'git-bisect', 'git-remote', 'git-clone', 'git-rebase', 'git-switch',
          'gitignore',
        ],
        outDir: 'bench/git-manual/corpus',
      },
    },
  },
  process.argv.slice(2),
);
