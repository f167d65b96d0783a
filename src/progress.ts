/** Reported by long-running work (indexing, model building) so callers can render it however they like. */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

export type ProgressListener = (progress: Progress) => void;
