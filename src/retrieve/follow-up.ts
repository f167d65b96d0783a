import { coverageDetail, isSaidIn, weightedTerms, type WeightedTerm } from '../match/coverage.js';
import { tokenize, type Token } from '../match/analyzer.js';
import type { TermSimilarity } from '../match/term-similarity.js';
import { answerSubject, referencedNames, type NameChoice, type NameContext } from './answer-subject.js';
import type { Passage } from './types.js';

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/**
 * Follow-ups resolved on evidence, not on pronouns. A question in a conversation is read two ways —
 * alone, and together with the focus of the conversation (the latest earlier question that says
 * something of its own) — and retrieval decides: it is a follow-up when it says too little to stand
 * alone and the passages found for both together hold the focus, or when those passages cover the
 * question clearly better than the ones found for it alone. Rewrites never chain: the focus is an
 * earlier question as the user wrote it. History work is bounded: only the last few user turns, each
 * trimmed, are read, whatever the length of the conversation.
 */

export interface FollowUpOptions {
  retrieve: (query: string) => Promise<Passage[]>;
  /** Inverse document frequency of a stemmed term in the corpus. */
  idf: (term: string) => number;
  /**
   * Word meaning, so a follow-up in other words ("When did he pass away?" against "Tesla died …")
   * is covered as the answerer would cover it; exact terms only without it.
   */
  similarity?: TermSimilarity;
}

export interface Resolution {
  /** What was searched for: the question, or the question with the focus it follows up on. */
  standalone: string;
  /**
   * What the answer is matched against: the standalone question, except that a follow-up with words of its own
   * ("When did he leave it?") keeps only the names it may point back to, not the words of the earlier question,
   * whose own sentence would otherwise outscore the one that answers.
   */
  answerQuery: string;
  passages: Passage[];
  followUp: boolean;
  /**
   * The follow-up reading, when retrieval kept the question alone but cannot tell the two apart: its passages hold the
   * focus and cover the question as well as the question's own. The answers of both readings decide (service-follow-up.ts).
   */
  undecided?: Resolution;
}

/** Earlier user turns read for the focus, newest first. */
const FOCUS_TURNS = 4;
/** A turn longer than this is trimmed before it is read. */
const TURN_CHARS = 400;
/** Passages of each reading compared. */
const COMPARED = 3;
/**
 * Below this a question says too little to stand alone: the sum of its terms' IDF weights, in units
 * of the weight of a word the corpus never uses (so the same on a small corpus and a large one).
 */
export const MIN_INFORMATION = 0.8;
/** A question with this many topic terms of its own says enough to stand alone, however common they are. */
const MIN_TOPIC_TERMS = 4;
/** A term no document holds: its IDF is the corpus's largest. */
const UNSEEN = '\u0000unseen';
/** The follow-up reading must cover at least this much of the question (when it says enough), and of the focus. */
const MIN_COVERAGE = 0.5;
/** Covering the question this much better than the question alone makes it a follow-up, however much it says. */
const CLEAR_GAIN = 0.2;

/** Nouns that only name the kind of answer wanted ("in which month?" is "when?"): grammar of the question, not its topic. */
const ANSWER_FRAME = new Set(['month', 'year', 'date', 'day', 'dai', 'time', 'place', 'locat', 'period', 'decad', 'centuri', 'amount', 'number', 'name']);

/**
 * Words whose meaning is relative to what was said before ("later", "the next one", "again"): they say
 * nothing of a topic, however rare they are in the corpus. ("one" is analysed to the term "on".)
 */
const RELATIVE = new Set(['late', 'earli', 'next', 'previou', 'former', 'latter', 'again', 'afterward', 'on']);

/** "In which city?", "What country?": a noun a wh-word asks for, said alone, names the kind of answer, not a topic. */
const ASKED_KIND_ALONE = /^\s*(?:\p{L}+\s+)?(?:which|what|whose)\s+(\p{L}+)\s*\?*\s*$/iu;
/** "In which city was it held?": the noun a question's wh-word asks for, in a longer question. */
const ASKED_KIND = /^\s*(?:\p{L}+\s+)?(?:[Ww]hich|[Ww]hat|[Ww]hose)\s+(\p{Ll}+)/u;

/**
 * The terms of what a question is about: the answer frame and relative words left out, and the kind
 * of answer asked for when it is all the question says or when no document uses that word (the
 * answer to "In which city was it held?" is "Beijing"; a kind the corpus uses, "Which handbook…?", is topic).
 */
function topicTerms(question: string, terms: readonly WeightedTerm[], idf: (term: string) => number): WeightedTerm[] {
  const alone = ASKED_KIND_ALONE.exec(question)?.[1];
  const kind = alone ?? ASKED_KIND.exec(question)?.[1];
  const kindTerms = new Set(kind ? tokenize(kind).map((token) => token.term).filter((term) => alone || idf(term) >= idf(UNSEEN)) : []);
  return terms.filter((term) => !ANSWER_FRAME.has(term.term) && !RELATIVE.has(term.term) && !kindTerms.has(term.term));
}

/**
 * Whether a question can stand alone: its topic terms weigh enough (see MIN_INFORMATION), or there are
 * enough of them — in a small corpus every word is common, yet "How many countries have China's armed
 * forces cooperated with on peacekeeping?" says what it is about. Either way the focus still wins when
 * it makes the question clearly better answered (CLEAR_GAIN).
 */
function saysEnough(question: string, terms: readonly WeightedTerm[], idf: (term: string) => number): boolean {
  return topicTerms(question, terms, idf).length >= MIN_TOPIC_TERMS || information(question, terms, idf) >= MIN_INFORMATION;
}

/** The weight of a question's topic terms, in units of the weight of a word the corpus never uses. */
const information = (question: string, terms: readonly WeightedTerm[], idf: (term: string) => number) =>
  topicTerms(question, terms, idf).reduce((sum, term) => sum + term.weight, 0) / Math.max(1e-9, idf(UNSEEN));

const passageTokens = (passage: Passage): Token[] => tokenize(`${passage.title} ${passage.section.join(' ')} ${passage.text}`);

/** The IDF-weighted share of `terms` that the passage (with its title and headings) holds, words of like meaning counting partly. */
function coverage(terms: readonly WeightedTerm[], tokens: readonly Token[], similarity: TermSimilarity | undefined): number {
  const total = terms.reduce((sum, term) => sum + term.weight, 0);
  if (total === 0) return 0;
  if (similarity) return coverageDetail(terms, tokens, similarity).coverage;
  const present = new Set(tokens.map((token) => token.term));
  return terms.reduce((sum, term) => sum + (isSaidIn(term, present) ? term.weight : 0), 0) / total;
}

/**
 * The latest earlier user question that says enough to stand alone; when none does (a short question
 * about the corpus's main subject: "Where was Tesla born?" in an article on Tesla), the one that says most.
 */
export function conversationFocus(history: readonly ChatTurn[], idf: (term: string) => number): string | undefined {
  const questions = history.filter((turn) => turn.role === 'user' && turn.content.trim() !== '').slice(-FOCUS_TURNS).reverse();
  let most: { text: string; information: number } | undefined;
  for (const turn of questions) {
    const text = turn.content.trim().slice(0, TURN_CHARS);
    const terms = weightedTerms(text, idf);
    if (saysEnough(text, terms, idf)) return text;
    const said = information(text, terms, idf);
    if (said > (most?.information ?? 0)) most = { text, information: said };
  }
  return most?.text;
}

/**
 * What a follow-up's answer is matched against: a question with topic words of its own, with the names it may point back to;
 * one that says nothing of its own ("In which month?"), or with no name to point to, as resolved.
 */
export function answerQuery(asked: string, resolved: string, ownTopic: boolean, context: NameContext, choice: NameChoice = {}): string {
  const references = referencedNames(asked, context, choice);
  return ownTopic && references.length > 0 ? followingUp(asked, references.join(', ')) : resolved;
}

/** The question read with what it follows up on: the earlier question, or the names of the answer it got. */
export const followingUp = (question: string, focus: string) => `${question.trim().replace(/^(?:and|but|also|so)\s+/i, '')} (following up on: ${focus})`;

interface Reading {
  standalone: string;
  passages: Passage[];
  /** Whether a compared passage holds the focus. */
  held: boolean;
  /** The best coverage of the question by a compared passage that holds the focus. */
  coverage: number;
}

/** Both readings of a question in a conversation, and what retrieval says of them. */
export interface FollowUpReadings {
  /** The question as asked, searched alone. */
  alone: Resolution;
  /** The question read with the conversation's focus (or the previous answer's names); none without a focus. */
  followUp?: Resolution;
  /** Whether the question says enough to stand alone (see saysEnough). */
  saysEnough: boolean;
  /** Whether a compared passage of the follow-up reading holds what it follows up on. */
  held: boolean;
  /** The best coverage of the question by a passage found for it alone, and by one of the follow-up reading that holds the focus. */
  aloneCoverage: number;
  followUpCoverage: number;
}

export async function resolveFollowUp(question: string, history: readonly ChatTurn[], options: FollowUpOptions): Promise<Resolution> {
  const readings = await readFollowUp(question, history, options);
  return retrievalChoice(readings);
}

/**
 * Retrieval's choice between the two readings: a question that says too little to retrieve on its own ("In which month?")
 * continues the conversation when the focus is found; one that says enough does only when the focus makes it clearly
 * better answered. When the passages that hold the focus cover the question just as well as its own, retrieval cannot
 * tell a follow-up from a new question about the same thing, and the follow-up reading is left undecided for the answers.
 */
export function retrievalChoice({ alone, followUp, saysEnough, held, aloneCoverage, followUpCoverage }: FollowUpReadings): Resolution {
  if (!followUp) return alone;
  if ((!saysEnough && held) || (followUpCoverage >= MIN_COVERAGE && followUpCoverage >= aloneCoverage + CLEAR_GAIN)) return followUp;
  return undecided({ held, aloneCoverage, followUpCoverage }) ? { ...alone, undecided: followUp } : alone;
}

/** Whether retrieval cannot tell the readings apart: the passages that hold the focus cover the question as well as its own. */
export const undecided = ({ held, aloneCoverage, followUpCoverage }: Pick<FollowUpReadings, 'held' | 'aloneCoverage' | 'followUpCoverage'>) =>
  held && followUpCoverage >= aloneCoverage;

/** Reads a question alone and, when the conversation has a focus, with it; retrieval's evidence on both. */
export async function readFollowUp(question: string, history: readonly ChatTurn[], { retrieve, idf, similarity }: FollowUpOptions): Promise<FollowUpReadings> {
  const asked = question.trim();
  const focus = history.length > 0 ? conversationFocus(history, idf) : undefined;
  const askedAlone = (passages: Passage[]): Resolution => ({ standalone: asked, answerQuery: asked, passages, followUp: false });
  if (!focus) return { alone: askedAlone(await retrieve(asked)), saysEnough: true, held: false, aloneCoverage: 0, followUpCoverage: 0 };
  const terms = weightedTerms(asked, idf);
  const subject = answerSubject(history, focus);
  const combined = followingUp(asked, focus);
  if (terms.length === 0) {
    // Nothing of its own to search for: only the follow-up reading is read.
    const followUp: Resolution = { standalone: combined, answerQuery: combined, passages: await retrieve(combined), followUp: true };
    return { alone: followUp, followUp, saysEnough: false, held: true, aloneCoverage: 0, followUpCoverage: 0 };
  }
  const [alonePassages, together] = await Promise.all([retrieve(asked), retrieve(combined)]);
  const ownTerms = (text: string) => weightedTerms(text, idf).filter((term) => !terms.some((own) => own.term === term.term));
  const focusTerms = ownTerms(focus);
  const tokensOf = new Map<Passage, Token[]>();
  /** Tokenizes the compared passages of each reading and looks up their words' meanings once. */
  const compare = async (readings: readonly Passage[][], wanted: readonly WeightedTerm[]) => {
    const fresh = readings.flatMap((passages) => passages.slice(0, COMPARED)).filter((passage) => !tokensOf.has(passage));
    for (const passage of fresh) tokensOf.set(passage, passageTokens(passage));
    await similarity?.prepare(wanted.map((term) => term.word).concat(fresh.flatMap((passage) => tokensOf.get(passage)!.map((token) => token.word))));
  };
  await compare([alonePassages, together], [...terms, ...focusTerms]);
  const covers = (wanted: readonly WeightedTerm[], passage: Passage) => coverage(wanted, tokensOf.get(passage)!, similarity);
  // The focus is held when its own words are there: a passage about another thing in like words does not continue the conversation.
  const holds = (wanted: readonly WeightedTerm[], passage: Passage) => wanted.length === 0 || coverage(wanted, tokensOf.get(passage)!, undefined) >= MIN_COVERAGE;
  // A follow-up reading counts only where a passage holds both the question and what it follows up on.
  const read = (standalone: string, passages: Passage[], held: readonly WeightedTerm[]): Reading => {
    const holding = passages.slice(0, COMPARED).filter((passage) => holds(held, passage));
    return { standalone, passages, held: holding.length > 0, coverage: Math.max(0, ...holding.map((passage) => covers(terms, passage))) };
  };
  const aloneCoverage = Math.max(0, ...alonePassages.slice(0, COMPARED).map((passage) => covers(terms, passage)));
  let best = read(combined, together, focusTerms);
  // A second reading, with the names of the answer the earlier question got (whom "Who was his partner?" asks about), stands for
  // the earlier question only when it covers the question better: a tie keeps the earlier question, and full coverage cannot be bettered.
  if (subject.length > 0 && best.coverage < 1) {
    const subjectTerms = ownTerms(subject.join(' '));
    const standalone = followingUp(asked, subject.join(', '));
    const passages = await retrieve(standalone);
    await compare([passages], subjectTerms);
    const reading = read(standalone, passages, subjectTerms);
    if (reading.coverage > best.coverage) best = reading;
  }
  const ownTopic = topicTerms(asked, terms, idf).length > 0;
  const followUp: Resolution = { standalone: best.standalone, answerQuery: answerQuery(asked, best.standalone, ownTopic, { subject, focus, idf }), passages: best.passages, followUp: true };
  return { alone: askedAlone(alonePassages), followUp, saysEnough: saysEnough(asked, terms, idf), held: best.held, aloneCoverage, followUpCoverage: best.coverage };
}
