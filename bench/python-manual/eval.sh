#!/bin/sh
# Scores bench/python-manual/questions.jsonl on the same manual pages in each format.
# Build the corpora first: npx tsx bench/python-manual/build.ts
set -e
corpus=bench/python-manual/corpus
for format in ${FORMATS:-html pdf docx md}; do
  echo "== $format"
  # A fresh index per format: each run parses its files from scratch.
  index="${TMPDIR:-/tmp}/docent-python-manual-$format"
  rm -rf "$index"
  INDEX_DIR="$index" npm run -s eval -- --file bench/python-manual/questions.jsonl --corpus "$corpus/$format" "$@"
done
