/** A retrieved chunk: `text === sourceText.slice(start, end)`. */
export interface Passage {
  chunkId: string;
  source: string;
  start: number;
  end: number;
  text: string;
  /** The title of the passage's document. */
  title: string;
  /** The headings above the passage, outermost first. */
  section: string[];
  /** PDF: the page the passage starts on. */
  page?: number;
  /** Reciprocal-rank-fusion score in hybrid mode; the component's own score otherwise. */
  score: number;
  /** 1-based rank in each component's result list, null where that component did not return it. */
  ranks: { bm25: number | null; dense: number | null };
}

export const RETRIEVER_MODES = ['hybrid', 'bm25', 'dense'] as const;
export type RetrieverMode = (typeof RETRIEVER_MODES)[number];

/** The retriever contract: a question in, ranked passages out. */
export interface Retriever {
  retrieve(query: string, k: number): Promise<Passage[]>;
}
