#!/bin/sh
# Scores bench/python-manual/questions.jsonl on the same manual pages in each format.
# Build the corpora first: npx tsx bench/python-manual/build.ts
# The held-out set (build with --pages heldout first):
#   QUESTIONS=bench/python-manual/questions.heldout.jsonl CORPUS=bench/python-manual/corpus/heldout ./bench/python-manual/eval.sh
set -e
questions=${QUESTIONS:-bench/python-manual/questions.jsonl}
corpus=${CORPUS:-bench/python-manual/corpus}
# /tmp/docent-python-manual-<format> for the tuning corpus, …-heldout-<format> for corpus/heldout.
name=python-manual${CORPUS:+-$(basename "$corpus")}
for format in ${FORMATS:-html pdf docx md}; do
  echo "== $format"
  # A fresh index per format: each run parses its files from scratch.
  index="${TMPDIR:-/tmp}/docent-$name-$format"
  rm -rf "$index"
  INDEX_DIR="$index" npm run -s eval -- --file "$questions" --corpus "$corpus/$format" "$@"
done
