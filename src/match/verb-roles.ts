import { firstTagOf, tagsOf } from './word-tags.js';
import type { Token } from './analyzer.js';
import type { AnalysedText } from './facts.js';
import { lemmatizer } from './lemmatizer.js';
import { beForm } from './roles.js';
import { items, WordsFrom, type Word } from './words-around.js';

/**
 * Who does what in one clause. The phrase right before a verb names its doer ("the Denver Broncos
 * defeated …", "George Westinghouse, who also hired …", "did Scotland invade …"), the phrase right
 * after it what it is done to ("… defeated the NFC champion Carolina Panthers 24–10"); in the passive
 * the doer follows "by" and the one it is done to comes first ("he was hired by Thomas Edison"). Only
 * those two phrases count: a name past a preposition, a comma or another verb has some other part in
 * the sentence ("… received the county of Aversa, …, from Duke Sergius IV"), and gets no role.
 */

export type Role = 'doer' | 'done-to';

/** Words between a doer and its verb: adverbs, auxiliaries, and a relative pronoun after a comma ("Westinghouse, who also hired"). */
const BETWEEN_DOER_AND_VERB = new Set(['also', 'then', 'later', 'never', 'soon', 'once', 'first', 'still', 'already', 'not', 'ever', 'even', 'has', 'have', 'had', 'did', 'does', 'do', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'shall']);
const PERSONAL = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);
const RELATIVE = new Set(['who', 'which', 'that']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** Words that end a noun phrase: prepositions other than "of" (which stays inside: "the county of Aversa"), wh-words, conjunctions of clauses. */
const PHRASE_END = new Set([
  ...['in', 'on', 'at', 'from', 'to', 'for', 'with', 'by', 'into', 'onto', 'during', 'after', 'before', 'since', 'until', 'about', 'against', 'among', 'between'],
  ...['through', 'under', 'over', 'without', 'within', 'as', 'than', 'like', 'via', 'per', 'upon', 'across', 'toward', 'towards', 'despite'],
  ...['who', 'whom', 'whose', 'which', 'what', 'when', 'where', 'why', 'how', 'that', 'while', 'whereas', 'because', 'although', 'though', 'if', 'but'],
  ...BE,
  ...BETWEEN_DOER_AND_VERB,
]);
const SENTENCE_END = /^[.;:?!]$/;
/** How many words a phrase beside the verb may have. */
const MAX_PHRASE = 10;

const isAdverb = (word: Word) => /^\p{Ll}+ly$/u.test(word.text) || BETWEEN_DOER_AND_VERB.has(word.lower);
/** A finite verb ("defeated", "visited"), which starts another clause; a participle inside a phrase ("the murdered leader") does not. */
const isFiniteVerb = (word: Word) => /^\p{Ll}/u.test(word.text) && /^(?:VBD|VBZ|VBP|MD)$/.test(firstTagOf(word.lower) ?? '');
const endsPhrase = (word: Word) => PHRASE_END.has(word.lower) || isFiniteVerb(word) || (!/^[\p{L}\p{N}]/u.test(word.text) && word.text !== '-');

interface Span {
  start: number;
  end: number;
}

interface Phrase extends Span {
  /** The word that ended the phrase on the left ("was" in "When was the FSO Car Factory founded?"). */
  after?: Word;
}

/** The noun phrase that ends right before `at` (after skipping adverbs and auxiliaries, and "who" after a comma). */
function phraseBefore(text: string, at: number, skipBe: boolean): Phrase | undefined {
  const words = new WordsFrom(text, at, true);
  let i = 0;
  for (let word = words.get(i); word && (isAdverb(word) || (skipBe && BE.has(word.lower))); word = words.get(i)) i++;
  if (RELATIVE.has(words.get(i)?.lower ?? '')) {
    i++;
    if (/^[,(]$/.test(words.get(i)?.text ?? '')) i++;
  }
  const opening = words.get(i);
  if (!opening) return undefined;
  // "The PLA sent delegations …, and received …": a verb joined to the one before shares its doer.
  if (/^(?:and|or|but)$/.test(opening.lower)) {
    let previous: Word | undefined;
    for (let j = i + 1; (previous = words.get(j)) && !isFiniteVerb(previous) && !SENTENCE_END.test(previous.text); j++);
    return previous && !SENTENCE_END.test(previous.text) ? phraseBefore(text, previous.start, skipBe) : undefined;
  }
  const first = i;
  // A personal pronoun is the whole phrase: "In June 1884 he was hired".
  if (PERSONAL.has(opening.lower)) i++;
  else for (let word: Word | undefined = opening; word && i - first < MAX_PHRASE && !endsPhrase(word); word = words.get(i)) i++;
  return i === first ? undefined : { start: words.get(i - 1)!.start, end: opening.end, after: words.get(i) };
}

/** The noun phrase that starts right after `at`; a parenthesis inside it ("the National Football Conference (NFC) champion") is skipped. */
function phraseAfter(text: string, at: number): Span | undefined {
  const words = new WordsFrom(text, at, false);
  let i = 0;
  let last = -1;
  for (let word = words.get(i); word && i < MAX_PHRASE * 2; word = words.get(i)) {
    if (word.text === '(') {
      let close = i + 1;
      while (words.get(close) && words.get(close)!.text !== ')') close++;
      if (!words.get(close)) break;
      i = close + 1;
      continue;
    }
    if (endsPhrase(word)) break;
    last = i++;
  }
  return last === -1 ? undefined : { start: words.get(0)!.start, end: words.get(last)!.end };
}

/** A participle later in the sentence is the one the be-form goes with: "Where was the language Luther used … spoken?". */
function participleLater(text: string, at: number): boolean {
  const stop = text.slice(at).search(/[.?!;]/u);
  const rest = text.slice(at, stop === -1 ? text.length : at + stop);
  // The lexicon lacks some participles ("spoken"): a word it lacks that is an inflected verb counts.
  const participle = (word: Word) => (tagsOf(word.lower)?.includes('VBN') ?? lemmatizer().verb(word.lower) !== word.lower);
  return items(rest, at).some((word) => /^\p{Ll}/u.test(word.text) && participle(word));
}

/** The phrases that name the verb's doer and what it is done to. */
export function rolesAround(text: AnalysedText, verb: Token): Record<Role, Span | undefined> {
  // Passive only when a be-form stands before the verb or "by" right after it: "courses hosted by the UN" in
  // "officers have attended courses hosted by the UN" leaves "attended" active.
  // A question puts the be-form before its subject: "When was the FSO Car Factory founded?".
  const before = phraseBefore(text.text, verb.start, false);
  const beOpens = before?.after !== undefined && BE.has(before.after.lower) && tagsOf(verb.word)?.includes('VBN') === true && !participleLater(text.text, verb.end);
  if (!beOpens && !beForm(text, verb) && !/^\s+by\b/iu.test(text.text.slice(verb.end))) return { doer: before, 'done-to': phraseAfter(text.text, verb.end) };
  const by = /^(?:\s+[\p{L}\p{N}]+){0,3}?\s+by\b/iu.exec(text.text.slice(verb.end));
  return { doer: by ? phraseAfter(text.text, verb.end + by[0].length) : undefined, 'done-to': phraseBefore(text.text, verb.start, true) };
}

/** The role of the words at start–end for the verb, if they stand in one of its two phrases. */
export function roleOf(roles: Record<Role, Span | undefined>, start: number, end: number): Role | undefined {
  const inside = (span: Span | undefined) => span !== undefined && start >= span.start && end <= span.end;
  return inside(roles.doer) ? 'doer' : inside(roles['done-to']) ? 'done-to' : undefined;
}

/** A word before which a verb-looking word is a noun ("the hiring", "which team", "180 visits"). */
const NOUN_BEFORE = /(?:\b(?:the|a|an|which|what|whose|his|her|its|their|our|this|these|those|many|much|of)|\d)\s+$/iu;
/** What may stand right before a word the lexicon takes first for a noun when it is a verb ("did the Carolina Panthers defeat", "to visit"). */
const VERB_BEFORE = /(?:\b\p{Lu}[\p{L}\p{N}]*|\b(?:to|did|does|do|will|would|can|could|may|might|should|must|also|then)|['’]s)\s+$/u;

/**
 * The last few words before `at`, whole: NOUN_BEFORE and VERB_BEFORE look only at the word before, and testing them on a
 * whole passage's prefix would cost as much per token as the passage is long.
 */
function wordsBefore(text: string, at: number): string {
  const from = Math.max(0, at - WINDOW);
  return from === 0 ? text.slice(0, at) : text.slice(from, at).replace(/^\S*\s/u, '');
}
const WINDOW = 64;

/**
 * The verbs of a text: lower-case words outside names that the lexicon tags first as verbs (a gerund aside: "training
 * facilities", "including"), or as nouns where a verb stands; never in a noun's place.
 */
export function verbsOf(text: AnalysedText): Token[] {
  let verbs = verbsMemo.get(text);
  if (!verbs) verbsMemo.set(text, (verbs = findVerbs(text)));
  return verbs;
}
/** A question's analysis is compared with every candidate sentence, an evidence's with question after question. */
const verbsMemo = new WeakMap<AnalysedText, Token[]>();

function findVerbs(text: AnalysedText): Token[] {
  const inName = (token: Token) => text.facts.some((fact) => fact.kind === 'name' && token.start >= fact.start && token.end <= fact.end);
  return text.tokens.filter((token) => {
    const tags = tagsOf(token.word);
    if (!/^\p{Ll}/u.test(token.text) || !tags?.some((tag) => tag.startsWith('VB')) || inName(token)) return false;
    const before = wordsBefore(text.text, token.start);
    if (NOUN_BEFORE.test(before)) return false;
    return tags[0] !== 'VBG' && (/^VB[DNPZ]?$/.test(tags[0]!) || VERB_BEFORE.test(before));
  });
}
