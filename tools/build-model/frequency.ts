import type { VocabularyEntry } from './tokenizer-vocab.js';
import type { WordNet } from './wordnet-reader.js';

/** BERT normalisation and pre-tokenisation: lowercase, strip accents, split on spaces and punctuation. */
export function bertWords(text: string): string[] {
  const normal = text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
  return normal.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [];
}

/** Greedy longest-match WordPiece, as the generated tokenizer.json does it; undefined means [UNK]. */
export function wordPieces(word: string, ids: ReadonlyMap<string, number>, out: number[]): void {
  const start = out.length;
  let at = 0;
  while (at < word.length) {
    let end = Math.min(word.length, at + 100);
    let found: number | undefined;
    for (; end > at; end--) {
      found = ids.get(at === 0 ? word.slice(0, end) : `##${word.slice(at, end)}`);
      if (found !== undefined) break;
    }
    if (found === undefined) {
      out.length = start;
      return;
    }
    out.push(found);
    at = end;
  }
}

/**
 * How often each token occurs when WordNet's own text (glosses with their examples, and the lemmas of
 * every synset) is run through the tokenizer: a two-million-token reference corpus whose counts cover
 * words, numbers and sub-word pieces alike, unlike the sense-tag counts that only cover tagged lemmas.
 */
export function referenceCounts(vocabulary: readonly VocabularyEntry[], wordnet: WordNet): Float64Array {
  const ids = new Map(vocabulary.map(({ token }, id) => [token, id]));
  const counts = new Float64Array(vocabulary.length);
  const pieces: number[] = [];
  const count = (text: string) => {
    for (const word of bertWords(text)) {
      pieces.length = 0;
      wordPieces(word, ids, pieces);
      for (const id of pieces) counts[id]! += 1;
    }
  };
  for (const synset of wordnet.synsets) {
    count(synset.gloss);
    count(synset.lemmas.join(' ').replace(/_/g, ' '));
  }
  return counts;
}
