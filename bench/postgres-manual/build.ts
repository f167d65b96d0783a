/**
 * Builds the PostgreSQL-manual evaluation corpora (bench/manuals/build.ts) from PostgreSQL 15's HTML
 * manual (Debian package postgresql-doc-15, made by DocBook's XSL stylesheets, unlike Python's
 * Sphinx): twelve pages of varied kinds — tutorial, SQL command with synopsis, functions, data types
 * with tables, server configuration, client application. Questions: questions.heldout.jsonl, written
 * from the pages' text before any run and never tuned on.
 *
 *   npx tsx bench/postgres-manual/build.ts [outDir]   (default bench/postgres-manual/corpus, git-ignored)
 */
import { bodyWithout, buildManual } from '../manuals/build.js';

buildManual(
  {
    name: 'postgres-manual',
    dir: '/usr/share/doc/postgresql-doc-15/html',
    // DocBook marks no main content: the body holds it between the navigation header and footer (Prev, Up, Home, Next).
    mainContent: bodyWithout('.navheader', '.navfooter'),
    pageSets: {
      heldout: {
        pages: [
          'tutorial-transactions', 'tutorial-agg', 'sql-truncate', 'sql-createsequence', 'functions-conditional', 'datatype-boolean',
          'datatype-character', 'datatype-numeric', 'runtime-config-autovacuum', 'app-pg-isready', 'indexes-partial', 'ddl-default',
        ],
        outDir: 'bench/postgres-manual/corpus',
      },
    },
  },
  process.argv.slice(2),
);
