#!/bin/sh
# Scores bench/python-manual/questions.jsonl on the same manual pages in each format (bench/manuals/eval.sh).
# Build the corpora first: npx tsx bench/python-manual/build.ts
# The held-out set (build with --pages heldout first):
#   QUESTIONS=bench/python-manual/questions.heldout.jsonl CORPUS=bench/python-manual/corpus/heldout ./bench/python-manual/eval.sh
exec sh bench/manuals/eval.sh bench/python-manual "$@"
