import type { CorpusIndex } from '../index/store.js';
import type { Fact } from '../match/facts.js';
import type { Passage } from '../retrieve/types.js';
import { expectedAnswerType, offersAnswerType, type AnswerType } from './answer-type.js';
import { weightedTerms, type WeightedTerm } from '../match/coverage.js';
import { nameMatcher, type NameMatcher } from '../match/names.js';
import { SentenceIndex, type TokenizedSentence } from '../match/sentences.js';
import { SpanSentences } from '../match/span-sentences.js';
import type { TermSimilarity } from '../match/term-similarity.js';
import type { CitationChecker } from '../verify/checker.js';
import { rankCandidates, type Candidate } from './candidates.js';
import { informationOf } from './decline.js';
import { chooseQuoted, JudgedCandidates, typedCompanion, type Judged } from './judged.js';
import { asksForCode, asksForEntryName, questionType, type QuestionType } from './question-type.js';
import { answeringPhrase } from './short-answer.js';
import { checkSpecifics, questionFacts, type SpecificsCheck } from './specifics.js';
import { writtenIn } from './identifiers.js';
import { ManualEntries } from './entries.js';
import { cellsAddressedBy, lookupsFirst } from './table-lookup.js';
import { definitionsFirst } from './definitions.js';
import { unmatchedTerms } from './unmatched-terms.js';
import { EvidenceContext } from './evidence-context.js';
import { isOrdinaryWord } from '../match/word-tags.js';
import { summaryAnswer } from './summary.js';
import { yesNoAnswer } from './yes-no.js';
import { Citer, notFound, passageHolding, quotedWithMarker, round } from './citing.js';
import { distinctQuotes, type Quoted } from './quoted.js';
import { DEFAULT_WEIGHTS, type AnswerWeights } from './weights.js';
import type { Answer, Answerer, AnswerOptions } from './types.js';

export { NOT_FOUND_ANSWER } from './citing.js';

export interface ExtractiveOptions {
  /** Extra sentences are quoted only when they score at least this share of the best one. */
  companionRatio: number;
  maxSentences: number;
  /** For "which countries …" questions: every sentence scoring at least this share of the best, up to maxListItems. */
  listRatio: number;
  maxListItems: number;
  weights: AnswerWeights;
}

export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = { companionRatio: 0.85, maxSentences: 3, listRatio: 0.7, maxListItems: 6, weights: DEFAULT_WEIGHTS };

/** What ranking a question's candidates found: its kind, weighted terms and expected answer type, and the candidates (judged on demand). */
interface Ranking {
  type: QuestionType;
  terms: WeightedTerm[];
  expected: AnswerType | undefined;
  ranked: readonly Candidate[];
  judged?: JudgedCandidates;
  /**
   * When table rows the question addresses were ranked first (see table-lookup.ts), the candidates in their own
   * order: read when the rows may not answer — "What is the range of the real type on currently supported
   * platforms?" asks more than the table's "real" row says.
   */
  withoutLookups?: JudgedCandidates;
  information: number;
  /** The code identifiers the question names: a sentence that describes another entry is no companion either. */
  identifiers?: readonly Fact[];
}

export interface Judgement {
  type: QuestionType;
  /** Every candidate sentence, best first. */
  ranked: readonly Candidate[];
  /** The best of them, judged. */
  candidates: Judged[];
  /** How much the question says (see src/answer/decline.ts). */
  information: number;
}

/**
 * The default answerer: quotes the sentences of the retrieved passages that best answer the
 * question, each followed by its `[n]` marker, and declines when none covers enough of it or the
 * question's names, numbers and dates are not in it. Lists gather every matching sentence,
 * yes/no questions start with "Yes" or "No", "what is this about?" answers from the document's
 * title, lead and headings; the phrase that answers is reported as `shortAnswer`.
 */
export class ExtractiveAnswerer implements Answerer {
  readonly name = 'extractive';
  readonly matchesWords = true;
  readonly #names: NameMatcher;
  readonly #evidence: EvidenceContext;
  readonly #entries: ManualEntries;
  readonly #citer: Citer;

  constructor(
    private readonly index: CorpusIndex,
    private readonly similarity: TermSimilarity,
    private readonly options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS,
    private readonly sentences: SpanSentences = new SpanSentences(new SentenceIndex(index)),
    private readonly checker?: CitationChecker,
  ) {
    this.#names = nameMatcher(similarity.wordVectors);
    this.#evidence = new EvidenceContext(index, sentences);
    this.#entries = new ManualEntries(index.sources);
    this.#citer = new Citer(index);
  }

  /** The same answerer with other options (the weight-fitting script tries its weights this way). */
  withOptions(options: Partial<ExtractiveOptions>): ExtractiveAnswerer {
    return new ExtractiveAnswerer(this.index, this.similarity, { ...this.options, ...options }, this.sentences, this.checker);
  }

  async answer(question: string, passages: Passage[], { onDelta }: AnswerOptions = {}): Promise<Answer> {
    const result = await this.#answer(question, passages);
    // Quoting is instant; streaming clients still receive the answer cited sentence by cited sentence.
    result.answer.split(/(?<=\]) /).forEach((piece, i) => onDelta?.(i === 0 ? piece : ` ${piece}`));
    return result;
  }

  /**
   * The question's kind, and its best candidate sentences (up to SPECIFICS_CANDIDATES), each with its
   * signals, its check of the question's specifics and the probability that it answers.
   */
  async judge(question: string, passages: Passage[]): Promise<Judgement> {
    const { type, ranked, judged, information } = await this.#rank(question, passages);
    return { type, ranked, candidates: judged?.all() ?? [], information };
  }

  /** The question's kind, its candidate sentences ranked, and the best of them to judge on demand (none without content words). */
  async #rank(question: string, passages: Passage[]): Promise<Ranking> {
    const type = questionType(question);
    const terms = this.#questionTerms(question);
    const expected = expectedAnswerType(question);
    if (terms.length === 0 || passages.length === 0) return { type, terms, expected, ranked: [], information: 0 };
    const quotable = asksForCode(question) ? () => true : (unit: TokenizedSentence) => unit.kind !== 'code';
    const sentences = passages.map((passage) => this.sentences.startingIn(passage.source, passage.start, passage.end).filter(quotable));
    await this.similarity.prepareTokens(
      terms.map((term) => term.word),
      sentences.flatMap((inPassage) => inPassage.map((sentence) => sentence.tokens)),
    );
    const { weights } = this.options;
    const context = (sentence: TokenizedSentence) => this.sentences.index.contextOf(sentence);
    // A capitalised first word is a name only when neither the corpus nor English has it as a word: "Tell me …", "Explain …" are requests.
    const facts = questionFacts(question, (token) => !this.index.lexical.has(token.term) && !isOrdinaryWord(token.word));
    const byScore = definitionsFirst(
      rankCandidates({ terms, expected, passages, sentences, text: (s) => this.#citer.text(s), context, similarity: this.similarity, weights }),
      question,
      (candidate) => this.#citer.text(candidate.sentence),
    );
    const ranked = lookupsFirst(byScore, cellsAddressedBy(question, facts.identifiers, (sentence) => this.sentences.index.columnsOf(sentence), (sentence) => this.#citer.text(sentence)));
    const information = informationOf(terms);
    const inDocument = writtenIn(this.index.documents);
    const check = (candidate: Candidate) =>
      checkSpecifics(
        facts,
        this.#evidence.evidenceOf(candidate.sentence),
        this.#evidence.contextOf(candidate.sentence),
        { names: this.#names, similarity: this.similarity, isNameAtStart: () => true, idf: (term) => this.index.lexical.idf(term), inDocument: (identifier) => inDocument(candidate.sentence.source, identifier.text) && !this.#entries.describesAnother(candidate.sentence, identifier.text) },
        this.#evidence.paragraphOf(candidate.sentence),
      );
    // Where the evidence's unsaid words may be vouched for: its context and its whole paragraph.
    const around = (sentence: TokenizedSentence) => [...this.#evidence.contextOf(sentence), ...[this.#evidence.paragraphOf(sentence)].filter((text) => text !== undefined)];
    const unsaid = (candidate: Candidate, specifics: SpecificsCheck) =>
      unmatchedTerms(terms, facts, this.#evidence.evidenceOf(candidate.sentence), around(candidate.sentence), specifics.stated, this.similarity);
    const judge = (candidates: readonly Candidate[]) => new JudgedCandidates(candidates, facts, information, weights, check, unsaid);
    return { type, terms, expected, ranked, judged: judge(ranked), ...(ranked !== byScore ? { withoutLookups: judge(byScore) } : {}), information, identifiers: facts.identifiers };
  }

  async #answer(question: string, passages: Passage[]): Promise<Answer> {
    const type = questionType(question);
    if (passages.length === 0) return notFound(type);
    if (type === 'summary') return summaryAnswer(passages, this.index.sources, this.sentences, this.#citer);
    if (type === 'yes_no' && this.checker) return yesNoAnswer(question, passages, this.checker, this.#citer);
    const ranking = await this.#rank(question, passages);
    const threshold = this.options.weights.decline.threshold;
    const [ratio, limit] = type === 'list' ? [this.options.listRatio, this.options.maxListItems] : [this.options.companionRatio, this.options.maxSentences];
    // The best-scoring sentence that holds the question's specifics; one that states them differently or lacks them does not answer.
    const choose = (judged: JudgedCandidates | undefined) => ({ judged, ...(judged ? chooseQuoted(judged, ratio, threshold) : { best: undefined, declined: true, companions: [] }) });
    let choice = choose(ranking.judged);
    if (choice.declined && ranking.withoutLookups) choice = choose(ranking.withoutLookups);
    const { judged, best, declined, companions } = choice;
    if (!best || declined) return notFound(type, best?.features.coverage);
    // "That same year, China conducted …" is quoted with the sentence that says which year; a continuation after the best sentence as it is.
    const quote = (candidate: Candidate): Quoted => {
      const { source, start, end } = candidate.sentence;
      return { span: this.#evidence.spanOf(candidate.sentence), own: { source, start, end }, passage: candidate.passage, score: candidate.score };
    };
    const continuation = this.#continuation(ranking, best, passages);
    // When neither the best, its continuation nor its companions hold the kind of phrase asked for, the best-ranked sentence that does is quoted after them.
    const typed = ranking.expected && !continuation ? typedCompanion(judged!, [best, ...companions], threshold) : undefined;
    // "Which option …?" is answered by the entry the best sentence describes: its heading is quoted first.
    const entry = asksForEntryName(question) ? this.#entries.namingMoreThan(best.sentence) : undefined;
    const named = entry ? [{ span: entry, passage: best.passage, score: best.score }] : [];
    // Beside a row looked up, another row stands only when looked up too: its table's header or a neighbouring row answers nothing.
    const beside = companions.filter(
      (c) => c.sentence.start !== continuation?.span.start && !c.specifics.absent.some((fact) => ranking.identifiers?.includes(fact)) && !(best.cell && c.sentence.kind === 'table-row' && !c.cell),
    );
    const quoted = [...named, quote(best), ...(continuation ? [continuation] : []), ...beside.map(quote), ...(typed ? [quote(typed)] : [])];
    const citations = distinctQuotes(quoted).slice(0, limit).map((item, i) => this.#citer.citation(item.span, item.passage, i + 1, item.score));
    const phrase = answeringPhrase({ question, type, first: citations[0]!, entryFirst: named.length > 0, best, evidence: () => this.#evidence.evidenceOf(best.sentence) });
    return {
      answer: citations.map(quotedWithMarker).join(' '),
      answerable: true,
      citations,
      confidence: round(best.probability),
      questionType: type,
      ...(phrase ? { shortAnswer: { text: phrase.text, n: 1, start: citations[0]!.start + phrase.start, end: citations[0]!.start + phrase.end } } : {}),
    };
  }

  /**
   * The sentence that continues the best one ("It was commissioned by Odo, …" after "… is the Bayeux Tapestry"),
   * quoted right after it when it holds the kind of phrase the question asks for ("Who …?": a name): the
   * answer to a reworded question often sits in the sentence that goes on about what the best one names. Else the next
   * sentence when it says the rest of the question (EvidenceContext.completing), and holds that kind of phrase if one is asked for.
   */
  #continuation({ terms, expected }: Ranking, best: Candidate, passages: readonly Passage[]): Quoted | undefined {
    const questionWords = new Set(terms.map((term) => term.word));
    const offers = (sentence: TokenizedSentence) => !expected || offersAnswerType(this.#citer.text(sentence), expected, questionWords);
    const pointing = expected && this.#evidence.continuation(best.sentence);
    const completing = this.#evidence.completing(best.sentence, terms);
    const next = pointing && offers(pointing) ? pointing : completing && offers(completing) ? completing : undefined;
    if (!next) return undefined;
    const passage = passageHolding(passages, next) ?? best.passage;
    return { span: { source: next.source, start: next.start, end: next.end }, passage, score: best.score };
  }

  #questionTerms(question: string): WeightedTerm[] {
    return weightedTerms(question, (term) => this.index.lexical.idf(term), { wordRelations: true });
  }

}
