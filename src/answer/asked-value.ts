import type { AnalysedText, Fact } from '../match/facts.js';

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

/** Whether the evidence states a value of the asked kind that the question does not already say. */
export function statesAskedValue(kind: AskedValue, question: AnalysedText, evidence: AnalysedText): boolean {
  const own = new Set(question.facts.map((fact) => fact.value));
  const fresh = (fact: Fact) => !own.has(fact.value);
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
