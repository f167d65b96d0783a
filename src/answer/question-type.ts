import { firstTagOf, tagsOf } from '../match/word-tags.js';

/**
 * What kind of answer a question wants: an overview of a document ("What is this about?"), every
 * item of a kind ("Which countries …?"), a yes or a no ("Did …?"), or one fact.
 */
export const QUESTION_TYPES = ['factoid', 'list', 'yes_no', 'summary'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const SUMMARY =
  /^(?:(?:so\s+)?what(?:'s|\s+is|\s+are|\s+was)\s+(?:this|that|the|these|those|it|they)(?:\s+\w+){0,4}\s+(?:about|for)\s*\??$|(?:please\s+)?(?:summari[sz]e|sum\s+up|give\s+(?:me\s+)?(?:a\s+|an\s+)?(?:summary|overview|gist)|(?:an?\s+)?(?:summary|overview)\s+of)\b|tl;?dr\b|what\s+(?:does|do)\s+(?:this|the|these)\s+\w+\s+(?:cover|say|talk\s+about|deal\s+with)\s*\??$)/i;

const YES_NO = /^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|must|may|might|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|hasn't|haven't|hadn't)\b/i;
/** "Is it true that …", "Is there …" read as yes/no too; "Does anyone know where …" does not. */
const EMBEDDED_QUESTION = /^\w+\s+(?:\w+\s+)?(?:know|tell|say)\s+(?:me\s+)?(?:who|what|when|where|which|why|how)\b/i;

/** "Which countries …", "What organizations …", "List the courses …", "Name all …". */
const LIST_HEAD = /^(?:(?:in|with|to|from|for|by)\s+)?(?:which|what)\s+([\p{L}-]+)(?:['’]s?)?\b|^(?:list|name|enumerate)\s+(?:all\s+|every\s+|the\s+)?(?:\w+\s+)?([\p{L}-]+)/iu;

const isPluralNoun = (word: string) => {
  const tag = firstTagOf(word.toLowerCase());
  return tag === 'NNS' || tag === 'NNPS' || (!tag && /[^s]s$/i.test(word));
};

/** "… exact or inexact?", "… increasing or declining in the South?": the question ends by offering two words to choose from. */
const ALTERNATIVES = /\b([\p{L}-]+)\s+or\s+([\p{L}-]+)(?:\s+(?:in|on|at|for|of|to|by|with|during|under)\b[^?]{0,40})?\s*\?*\s*$/u;
const DESCRIBING_TAGS = new Set(['JJ', 'JJR', 'VBG', 'VBN']);
/** Adjective endings, for the words wink-lexicon lacks ("synchronous", "immutable"). */
const DESCRIBING_ENDING = /(?:ous|able|ible|al|ive|ic|less|ful)$/;
const NEGATING_PREFIX = /^(?:in|im|il|ir|un|non-?|dis|a)/;

/** A word that describes (an adjective or participle), or a compound with one ("high-voltage"). */
function describes(word: string): boolean {
  return word.toLowerCase().split('-').some((part) => {
    const tags = tagsOf(part);
    return tags ? tags.some((tag) => DESCRIBING_TAGS.has(tag)) : DESCRIBING_ENDING.test(part);
  });
}

/**
 * "Is the real type exact or inexact?" asks which of two properties holds, not whether something does: its
 * answer is the evidence for one, with no "Yes" or "No" before it. Two describing words, or a word and its
 * negation, are alternatives; two nouns ("types like file or socket") are one thing the question asks about.
 */
export function offeredAlternatives(question: string): [string, string] | undefined {
  const [, first, second] = ALTERNATIVES.exec(question.trim()) ?? [];
  if (!first || !second) return undefined;
  const [a, b] = [first.toLowerCase(), second.toLowerCase()];
  const negates = (word: string, other: string) => word.endsWith(other) && NEGATING_PREFIX.test(word.slice(0, word.length - other.length));
  return negates(a, b) || negates(b, a) || (describes(a) && describes(b)) ? [first, second] : undefined;
}

export function questionType(question: string): QuestionType {
  const q = question.trim();
  if (SUMMARY.test(q)) return 'summary';
  if (YES_NO.test(q) && !EMBEDDED_QUESTION.test(q) && !offeredAlternatives(q)) return 'yes_no';
  const head = LIST_HEAD.exec(q);
  const noun = head?.[1] ?? head?.[2];
  if (noun && isPluralNoun(noun)) return 'list';
  return 'factoid';
}

/** The statement a yes/no question asks about: "Did China host the symposium in 2009?" → "China host the symposium in 2009". */
export function yesNoClaim(question: string): string {
  return question
    .trim()
    .replace(/^(?:is\s+it\s+true\s+that\s+)/i, '')
    .replace(YES_NO, '')
    .replace(/\?+\s*$/, '')
    .trim();
}

const CODE_REQUEST = /\b(?:examples?|code|snippets?|syntax|commands?|usage|signature|how\s+(?:do|can|would|should|to)\s+(?:i\s+|you\s+|we\s+|one\s+)?(?:write|call|use|invoke|run|import))\b/i;

/**
 * Whether the question asks for code (an example, a command, a signature). Otherwise a code block is
 * context, not an answer: "What does dedent do?" wants the sentence that says so, not the example
 * that calls it.
 */
export const asksForCode = (question: string) => CODE_REQUEST.test(question);

/** The kinds of entry a manual describes under a heading of its own name. */
const ENTRY_KINDS = 'options?|parameters?|settings?|functions?|methods?|modules?|flags?|arguments?|keywords?|variables?|attributes?|constants?|exceptions?|propert(?:y|ies)|pragmas?|directives?|switch(?:es)?|subcommands?|macros?|commands?';

/** "Which pg_isready option sets the user name?", "What function returns …": the answer is an entry's name, not a sentence. */
const ENTRY_NAME = new RegExp(`^(?:which|what)\\s+(?:[\\w.-]+\\s+){0,2}(?:${ENTRY_KINDS})\\b(?!\\s+(?:is|are|was|does|do)\\b)`, 'i');

export const asksForEntryName = (question: string) => ENTRY_NAME.test(question.trim());
