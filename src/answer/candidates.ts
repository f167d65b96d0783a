import type { Token } from '../match/analyzer.js';
import { coverageDetail, isSaidIn, type WeightedTerm } from '../match/coverage.js';
import type { Span, TokenizedSentence } from '../match/sentences.js';
import type { TermSimilarity } from '../match/term-similarity.js';
import type { Passage } from '../retrieve/types.js';
import { offersAnswerType, type AnswerType } from './answer-type.js';
import { DEFAULT_WEIGHTS, type AnswerWeights } from './weights.js';
import { sigmoid } from './decline.js';

/**
 * Candidate answer sentences of the retrieved passages, each described by the signals that say
 * whether it answers the question, and scored by a logistic model of them (weights fitted by
 * scripts/fit-answer-weights.ts, see src/answer/weights.ts).
 */

export interface Features {
  /** IDF-weighted share of the question the sentence covers (soft word matches count partly). */
  coverage: number;
  /** The same share counting exact word matches only. */
  exactCoverage: number;
  /** The share the sentence's whole passage covers. */
  passageCoverage: number;
  /** 1 when the sentence holds the kind of phrase the question asks for (a date for "when"…) that the question does not. */
  offersType: number;
  /** 1 for a sentence of fewer than five content words. */
  short: number;
  /** Retrieval rank of the sentence's passage (0 for the first). */
  rank: number;
}

export interface Candidate {
  sentence: TokenizedSentence;
  passage: Passage;
  passageRank: number;
  features: Features;
  score: number;
  /** A table row the question addresses (see table-lookup.ts): the cell that answers, offsets in the row. */
  cell?: Span;
}

const SHORT_SENTENCE_WORDS = 5;

/** The probability (a logistic model) that the sentence holds the answer. */
export function scoreFeatures(features: Features, weights: AnswerWeights = DEFAULT_WEIGHTS): number {
  const w = weights.sentence;
  return sigmoid(
    w.bias +
    w.coverage * features.coverage +
    w.exactCoverage * features.exactCoverage +
    w.passageCoverage * features.passageCoverage +
    w.offersType * features.offersType +
    w.short * features.short +
    w.rank * features.rank
  );
}

export interface CandidateInput {
  terms: readonly WeightedTerm[];
  expected: AnswerType | undefined;
  passages: readonly Passage[];
  /** The sentences of each passage, in passage order. */
  sentences: readonly TokenizedSentence[][];
  text: (sentence: TokenizedSentence) => string;
  /**
   * The tokens of a sentence's context: its document's title and the headings above it. A term the
   * context names counts as the sentence's own — under the heading `heapq.heappop(heap)`, "If the
   * heap is empty, IndexError is raised" is about heappop.
   */
  context?: (sentence: TokenizedSentence) => readonly Token[];
  similarity: TermSimilarity;
  weights?: AnswerWeights;
}

/** How closely a sentence must match one of the question's terms itself before its headings count as its context. */
const OWN_MATCH = 0.5;

/** Every sentence of the passages once (the first passage that holds it), scored, best first. */
export function rankCandidates({ terms, expected, passages, sentences, text, context, similarity, weights }: CandidateInput): Candidate[] {
  const totalWeight = terms.reduce((sum, term) => sum + term.weight, 0);
  const share = (matches: readonly number[]) => (totalWeight === 0 ? 0 : matches.reduce((sum, match, i) => sum + match * terms[i]!.weight, 0) / totalWeight);
  const questionWords = new Set(terms.map((term) => term.word));
  // Sentences share contexts: a context's exact term matches are computed once per token list.
  const contextMatchesOf = new Map<readonly Token[], number[]>();
  const contextMatches = (tokens: readonly Token[]) => {
    let matches = contextMatchesOf.get(tokens);
    if (!matches) {
      // Exact words only: a heading names what its sentences are about, it does not paraphrase the question.
      const named = new Set(tokens.map((token) => token.term));
      contextMatchesOf.set(tokens, (matches = terms.map((term) => (isSaidIn(term, named) ? 1 : 0))));
    }
    return matches;
  };
  // Passages overlap, so a sentence's term matches are computed once and shared.
  const matchesOf = new Map<string, number[]>();
  const sentenceMatches = (sentence: TokenizedSentence) => {
    const key = `${sentence.source}#${sentence.start}`;
    let matches = matchesOf.get(key);
    if (!matches) {
      const own = coverageDetail(terms, sentence.tokens, similarity).matches.map((m) => m.match);
      // A heading is context, never an answer on its own: it counts only for a sentence that itself says part of what is asked.
      const named = context && own.some((match) => match >= OWN_MATCH) ? contextMatches(context(sentence)) : undefined;
      matchesOf.set(key, (matches = named ? own.map((match, i) => Math.max(match, named[i]!)) : own));
    }
    return matches;
  };
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  passages.forEach((passage, passageRank) => {
    const inPassage = sentences[passageRank]!;
    // A term is covered by the passage when any of its sentences covers it (each sentence's matches looked up once, not once per term).
    const rows = inPassage.map(sentenceMatches);
    const passageCoverage = share(terms.map((_, i) => Math.max(0, ...rows.map((row) => row[i]!))));
    for (const sentence of inPassage) {
      const key = `${sentence.source}#${sentence.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const matches = sentenceMatches(sentence);
      const features: Features = {
        coverage: share(matches),
        exactCoverage: share(matches.map((match) => (match === 1 ? 1 : 0))),
        passageCoverage,
        offersType: expected && offersAnswerType(text(sentence), expected, questionWords) ? 1 : 0,
        short: sentence.tokens.length < SHORT_SENTENCE_WORDS ? 1 : 0,
        rank: passageRank,
      };
      candidates.push({ sentence, passage, passageRank, features, score: scoreFeatures(features, weights) });
    }
  });
  return candidates.sort((a, b) => b.score - a.score);
}
