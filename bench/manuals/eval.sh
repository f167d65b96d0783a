#!/bin/sh
# Scores a manual's questions on the same pages in each format (build its corpora first, e.g.
# npx tsx bench/python-manual/build.ts):
#   bench/manuals/eval.sh <manual dir> [npm run eval options, e.g. --failures]
# QUESTIONS (default <manual dir>/questions.jsonl), CORPUS (default <manual dir>/corpus, one folder
# per format in it) and FORMATS (default: html pdf docx md) choose what is scored.
set -e
manual=${1:?usage: bench/manuals/eval.sh <manual dir> [eval options]}
shift
questions=${QUESTIONS:-$manual/questions.jsonl}
corpus=${CORPUS:-$manual/corpus}
for format in ${FORMATS:-html pdf docx md}; do
  echo "== $format"
  # A fresh index per run and format: each run parses its files from scratch, and two runs at once
  # (two people, or two checkouts) never share an index folder.
  index=$(mktemp -d "${TMPDIR:-/tmp}/docent-$(basename "$manual")-$format.XXXXXX")
  trap 'rm -rf "$index"' EXIT
  INDEX_DIR="$index" npm run -s eval -- --file "$questions" --corpus "$corpus/$format" "$@"
  rm -rf "$index"
done
