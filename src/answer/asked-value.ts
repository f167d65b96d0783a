import { firstTagOf } from '../match/word-tags.js';
import type { Token } from '../match/analyzer.js';
import type { AnalysedText, Fact } from '../match/facts.js';
import type { TermSimilarity } from '../match/term-similarity.js';

/**
 * The value a question asks for, when it is of a kind a sentence plainly states or does not: a year ("In what year …?"), a month ("In which month …?"), a count ("How many …?", "What was the number of …?")
 * or a length of time ("How long …?"). A sentence holding no such value besides the question's own answers
 * nothing, however many of its words it shares: "In what year was Chopin born in Żelazowa Wola?" against
 * "Chopin was born in the village of Żelazowa Wola, about 60 km from Warsaw". Finer than answer-type.ts's
 * kinds (which rank sentences): a year is no count, and "60 km" is no year. "When …?" is left out: it is as often
 * answered by an event as by a date ("After liberation", "During the Second World War").
 */
export type AskedValue = 'year' | 'month' | 'count' | 'duration';

export function askedValue(question: string): AskedValue | undefined {
  const q = question.trim().toLowerCase();
  if (/\b(?:what|which) month\b/.test(q)) return 'month';
  if (/\b(?:what|which) year\b/.test(q)) return 'year';
  if (/\bhow many\b|\b(?:what|which) (?:is |was )?the number of\b/.test(q)) return 'count';
  // "How long is the Rhine?" asks a length, not a time.
  if (/\bhow long\b(?! (?:is|are)\b)/.test(q)) return 'duration';
  return undefined;
}

/** A century or decade also dates a sentence ("in the 11th century", "during the 1990s"). */
const CENTURY_OR_DECADE = /\b(?:\d{1,2}(?:st|nd|rd|th)|\p{L}+(?:teenth|tieth|th))[\s-]+century\b|\b\d{3}0s\b/iu;
/** Counts that are no number token: inside a compound ("Six-time winner", "a four-valve engine"), or vague ("twice", "several", "hundreds of"). */
const COUNT_IN_WORDS =
  /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)-|\b(?:once|twice|thrice|several|both|single|dozens|scores|hundreds|thousands|millions|billions|numerous|few)\b/iu;
/** A length of time said without a digit: "a year", "a decade", "half a century". */
const SPAN_IN_WORDS = /\b(?:a|an|one|half an?|several|many|few)\s+(?:years?|decades?|centur(?:y|ies)|months?|weeks?|days?|hours?|minutes?|seconds?)\b/iu;

/**
 * Below this similarity the noun a number counts is another thing than the one asked about: "countries" counts
 * "nations", "programs" does not count "peacekeepers". Chosen leave-one-round-out over rounds 1–16 (0.3, 0.45, 0.6, 0.75, 0.9).
 */
const COUNTED_SIMILARITY = 0.6;

const isCommonNoun = (token: Token) => /^\p{Ll}/u.test(token.text) && /^NNS?$/.test(firstTagOf(token.word) ?? 'NN');
const isNounModifier = (token: Token) => /^(?:JJ|NN|VBN|VBG|CD)/.test(firstTagOf(token.word) ?? 'NN');

/** The last noun of the words right after `end` ("20 international training programs" → "programs"), if it ends the phrase. */
function nounAfter(text: AnalysedText, end: number): Token | undefined {
  let head: Token | undefined;
  for (const token of text.tokens) {
    if (token.start < end) continue;
    if (!/^[\s-]*$/u.test(text.text.slice(end, token.start)) || !isNounModifier(token)) break;
    if (isCommonNoun(token)) head = token;
    end = token.end;
  }
  // "21 diverse combinatorial and graph theoretical problems": the phrase's noun is past the coordination.
  return /^\s*(?:and|or|,)/iu.test(text.text.slice(end)) ? undefined : head;
}

/** What "How many …?" counts: "How many peacekeepers …" → "peacekeepers". Not "How many times …": any noun names occurrences ("11 meetings"). */
function countedNoun(question: AnalysedText): Token | undefined {
  const match = /\bhow\s+many\b/iu.exec(question.text);
  const noun = match ? nounAfter(question, match.index + match[0].length) : undefined;
  return noun?.word === 'times' ? undefined : noun;
}

/**
 * Whether the evidence states a value of the asked kind that the question does not already say. A count must count
 * what is asked: "How many peacekeepers has the PLA trained?" is not answered by "the PLA has run over 20 international
 * training programs for UN peacekeepers" — a number right before another noun counts that noun.
 */
export function statesAskedValue(kind: AskedValue, question: AnalysedText, evidence: AnalysedText, similarity: TermSimilarity): boolean {
  const own = new Set(question.facts.map((fact) => fact.value));
  const counted = kind === 'count' ? countedNoun(question) : undefined;
  const countsAnother = (fact: Fact) => {
    const noun = counted && nounAfter(evidence, fact.end);
    return noun !== undefined && noun.term !== counted!.term && similarity.similarity(noun.word, counted!.word) < COUNTED_SIMILARITY;
  };
  const fresh = (fact: Fact) => !own.has(fact.value) && !countsAnother(fact);
  const has = (...kinds: Array<Fact['kind']>) => evidence.facts.some((fact) => kinds.includes(fact.kind) && fresh(fact));
  switch (kind) {
    case 'month':
      return has('month');
    case 'year':
      // Early years have three digits ("began in 911 as a fiefdom").
      return has('year') || evidence.facts.some((fact) => fact.kind === 'number' && /^\d{3}$/.test(fact.text) && fresh(fact)) || CENTURY_OR_DECADE.test(evidence.text);
    case 'count':
      return has('number') || COUNT_IN_WORDS.test(evidence.text);
    case 'duration':
      // "since at least the mid-14th century", "well into the nineteenth century".
      return has('number', 'year') || [SPAN_IN_WORDS, COUNT_IN_WORDS, CENTURY_OR_DECADE].some((pattern) => pattern.test(evidence.text));
  }
}
