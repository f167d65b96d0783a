#!/bin/sh
# Scores bench/python-manual/questions.jsonl on the same manual pages in each format.
# Build the corpora first: npx tsx bench/python-manual/build.ts
set -e
corpus=bench/python-manual/corpus
for format in ${FORMATS:-html pdf docx md}; do
  echo "== $format"
  # A fresh index: unchanged files are not parsed again by an incremental build, whatever the parser.
  index="${TMPDIR:-/tmp}/docent-python-manual-$format"
  rm -rf "$index"
  INDEX_DIR="$index" npm run -s eval -- --file bench/python-manual/questions.jsonl --corpus "$corpus/$format" "$@"
done
