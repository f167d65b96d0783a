import type { Passage } from '../../src/retrieve/types.js';

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}-]+/gu) ?? [];

/** A tiny lexical retriever over fixed texts for follow-up tests: passages by the number of query words they hold. */
export function lexicalRetriever(texts: readonly string[], title: string): (query: string) => Promise<Passage[]> {
  const passages = texts.map((text, i): Passage => ({ chunkId: `c${i}`, source: 'doc.md', start: 0, end: text.length, text, title, section: [], score: 1, ranks: { bm25: i + 1, dense: null } }));
  return async (query) => {
    const asked = new Set(words(query));
    const score = (text: string) => words(text).filter((word) => asked.has(word)).length;
    return [...passages].sort((a, b) => score(b.text) - score(a.text));
  };
}
