import type { CorpusIndex } from '../index/store.js';
import type { Passage } from '../retrieve/types.js';
import { locate } from '../ingest/location.js';
import { formatMarker } from './markers.js';
import { expectedAnswerType, offersAnswerType } from './answer-type.js';
import { coverageDetail, weightedTerms, type WeightedTerm } from '../match/coverage.js';
import { SentenceIndex, type TokenizedSentence } from '../match/sentences.js';
import type { TermSimilarity } from '../match/term-similarity.js';
import type { Answer, Answerer, AnswerOptions, Citation } from './types.js';

export const NOT_FOUND_ANSWER = 'Not found in the documents: none of the indexed passages answers this question.';

export interface ExtractiveOptions {
  /** Minimum share of the question's (IDF-weighted) content that the best sentence's passage must cover. */
  minCoverage: number;
  /** Extra sentences are quoted only when they score at least this share of the best one. */
  companionRatio: number;
  maxSentences: number;
  /** How much the coverage of a sentence's whole passage adds to the sentence's own. */
  passageWeight: number;
  /** Added when the sentence holds the kind of phrase the question asks for (a date for "when"…). */
  answerTypeBonus: number;
  /** Taken off per retrieval rank of the sentence's passage. */
  rankPenalty: number;
}

export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = {
  minCoverage: 0.4,
  companionRatio: 0.85,
  maxSentences: 3,
  passageWeight: 0.5,
  answerTypeBonus: 0.25,
  rankPenalty: 0.02,
};

const SHORT_SENTENCE_WORDS = 5;

type QuestionTerm = WeightedTerm;

type Sentence = TokenizedSentence;

interface Candidate {
  sentence: Sentence;
  passage: Passage;
  passageRank: number;
  coverage: number;
  score: number;
}

/**
 * The default answerer: quotes the 1–3 sentences of the retrieved passages that best cover the
 * question, each followed by its `[n]` marker, and declines when no passage covers enough of it.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly name = 'extractive';
  constructor(
    private readonly index: CorpusIndex,
    private readonly similarity: TermSimilarity,
    private readonly options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS,
    private readonly sentences: SentenceIndex = new SentenceIndex(index),
  ) {}

  async answer(question: string, passages: Passage[], { onDelta }: AnswerOptions = {}): Promise<Answer> {
    const result = await this.#answer(question, passages);
    // Quoting is instant; streaming clients still receive the answer cited sentence by cited sentence.
    result.answer.split(/(?<=\]) /).forEach((piece, i) => onDelta?.(i === 0 ? piece : ` ${piece}`));
    return result;
  }

  async #answer(question: string, passages: Passage[]): Promise<Answer> {
    const questionTerms = this.#questionTerms(question);
    if (questionTerms.length === 0 || passages.length === 0) return notFound();
    const sentences = passages.map((passage) => this.#sentencesOf(passage));
    await this.similarity.prepare([...questionTerms.map((term) => term.word), ...sentences.flat().flatMap((sentence) => sentence.tokens.map((token) => token.word))]);

    const expected = expectedAnswerType(question);
    const questionWords = new Set(questionTerms.map((term) => term.word));
    const totalWeight = questionTerms.reduce((sum, term) => sum + term.weight, 0);
    const share = (matches: readonly number[]) => (totalWeight === 0 ? 0 : matches.reduce((sum, match, i) => sum + match * questionTerms[i]!.weight, 0) / totalWeight);
    // Passages overlap, so a sentence's term matches are computed once and shared.
    const matchesOf = new Map<Sentence, number[]>();
    const sentenceMatches = (sentence: Sentence) => {
      let matches = matchesOf.get(sentence);
      if (!matches) matchesOf.set(sentence, (matches = coverageDetail(questionTerms, sentence.tokens, this.similarity).matches.map((m) => m.match)));
      return matches;
    };
    const seen = new Set<Sentence>();
    const candidates: Candidate[] = [];
    passages.forEach((passage, passageRank) => {
      const inPassage = sentences[passageRank]!;
      // A term is covered by the passage when any of its sentences covers it.
      const passageCoverage = share(questionTerms.map((_, i) => Math.max(0, ...inPassage.map((sentence) => sentenceMatches(sentence)[i]!))));
      for (const sentence of inPassage) {
        if (seen.has(sentence)) continue;
        seen.add(sentence);
        const coverage = share(sentenceMatches(sentence));
        const { passageWeight, answerTypeBonus, rankPenalty } = this.options;
        const typeBonus = expected && offersAnswerType(this.#text(sentence), expected, questionWords) ? answerTypeBonus : 0;
        const brevityPenalty = sentence.tokens.length < SHORT_SENTENCE_WORDS ? 0.2 : 0;
        const score = coverage + passageWeight * passageCoverage + typeBonus - brevityPenalty - rankPenalty * passageRank;
        candidates.push({ sentence, passage, passageRank, coverage: Math.max(coverage, passageCoverage), score });
      }
    });
    candidates.sort((a, b) => b.score - a.score);
    const best = candidates[0];
    if (!best || best.coverage < this.options.minCoverage) return notFound(best?.coverage);

    const chosen = candidates
      .filter((candidate) => candidate === best || (candidate.score >= this.options.companionRatio * best.score && candidate.coverage >= this.options.minCoverage))
      .slice(0, this.options.maxSentences);
    const citations = chosen.map((candidate, i) => this.#citation(candidate, i + 1));
    return {
      answer: citations.map((citation) => `${citation.quote} ${formatMarker([citation.n])}`).join(' '),
      answerable: true,
      citations,
      confidence: round(best.coverage),
    };
  }

  #questionTerms(question: string): QuestionTerm[] {
    return weightedTerms(question, (term) => this.index.lexical.idf(term));
  }

  /**
   * The quotable units that start inside the passage, cut from whole blocks so none is truncated by
   * chunking. Headings are not among them: they are context, never an answer on their own.
   */
  #sentencesOf(passage: Passage): Sentence[] {
    return this.sentences.within(passage.source, passage.start, passage.end).filter((sentence) => sentence.start >= passage.start && sentence.kind !== 'heading');
  }

  #text(span: Sentence): string {
    return (this.index.documents.get(span.source) ?? '').slice(span.start, span.end);
  }

  #citation(candidate: Candidate, n: number): Citation {
    const { sentence, passage } = candidate;
    return {
      n,
      chunkId: passage.chunkId,
      source: sentence.source,
      start: sentence.start,
      end: sentence.end,
      quote: this.#text(sentence),
      ...locate(this.index.sources.get(sentence.source)!, sentence.start),
      score: round(candidate.score),
    };
  }
}

const round = (value: number) => Number(value.toFixed(4));

function notFound(confidence = 0): Answer {
  return { answer: NOT_FOUND_ANSWER, answerable: false, citations: [], confidence: round(confidence) };
}
