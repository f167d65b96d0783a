import lexicon from 'wink-lexicon/src/lexicon.js';

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
  const tag = lexicon[word.toLowerCase()]?.[0];
  return tag === 'NNS' || tag === 'NNPS' || (!tag && /[^s]s$/i.test(word));
};

export function questionType(question: string): QuestionType {
  const q = question.trim();
  if (SUMMARY.test(q)) return 'summary';
  if (YES_NO.test(q) && !EMBEDDED_QUESTION.test(q)) return 'yes_no';
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
