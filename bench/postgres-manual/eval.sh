#!/bin/sh
# Scores bench/postgres-manual/questions.heldout.jsonl on the same manual pages in each format (bench/manuals/eval.sh).
# Build the corpora first: npx tsx bench/postgres-manual/build.ts
QUESTIONS=${QUESTIONS:-bench/postgres-manual/questions.heldout.jsonl} exec sh bench/manuals/eval.sh bench/postgres-manual "$@"
