import { tokenize } from '../match/analyzer.js';

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** Words that point back at something said before ("and when was that?", "what about its size?"). */
const BACK_REFERENCE = /\b(?:that|this|those|these|it|its|they|them|their|there|then|he|him|his|she|her|same|former|latter)\b/i;
const CONTINUATION = /^\s*(?:and|but|also|what about|how about|so)\b/i;
/** A question with fewer content words than this cannot stand alone. */
const MIN_STANDALONE_TERMS = 3;

function isFollowUp(question: string): boolean {
  return CONTINUATION.test(question) || BACK_REFERENCE.test(question) || tokenize(question).length < MIN_STANDALONE_TERMS;
}

function resolve(question: string, context: string | undefined): string {
  if (!context || !isFollowUp(question)) return question.trim();
  return `${question.trim().replace(/^(?:and|but|also|so)\s+/i, '')} (following up on: ${context})`;
}

/**
 * Rewrites a follow-up into a question retrieval can answer on its own, by carrying over the
 * earlier user question it refers to (itself resolved the same way); a question that already
 * stands alone is returned as it is.
 */
export function standaloneQuestion(question: string, history: readonly ChatTurn[] = []): string {
  let context: string | undefined;
  for (const turn of history) {
    if (turn.role === 'user' && turn.content.trim() !== '') context = resolve(clipWords(turn.content, MAX_CONTEXT_TURN_CHARS), context && clipWords(context, MAX_CONTEXT_CHARS));
  }
  return resolve(question, context);
}

/**
 * What follow-up resolution reads of the history: a follow-up refers to the gist of the questions
 * before it, not to pages of pasted text. Without these bounds the context grew with every turn and a
 * conversation of long turns made one question cost seconds (issue 11).
 */
const MAX_CONTEXT_TURN_CHARS = 400;
const MAX_CONTEXT_CHARS = 800;

/** `text` cut to at most `limit` characters, at a word boundary. */
function clipWords(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut;
}
