import type { Answer, Answerer, AnswerOptions } from './answer/types.js';
import type { Resolution } from './retrieve/follow-up.js';
import type { Passage } from './retrieve/types.js';

/**
 * Answers a resolved question. A follow-up with words of its own is matched first with only the names it may point
 * back to (`answerQuery`), so the earlier question's own sentence does not outscore the one that answers; when that
 * finds no answer (a name it was given is not in the answering sentence), it is matched as searched, the earlier
 * question's words included. The first reading's text is streamed only once it is kept. An answerer that does not match
 * words (a language model) gets the standalone question, streamed as before.
 */
export async function answerResolved(answerer: Answerer, { standalone, answerQuery }: Resolution, passages: Passage[], options: AnswerOptions): Promise<Answer> {
  if (answerQuery === standalone || !answerer.matchesWords) return answerer.answer(standalone, passages, options);
  const own = await answerer.answer(answerQuery, passages, { signal: options.signal });
  if (!own.answerable) return answerer.answer(standalone, passages, options);
  options.onDelta?.(own.answer);
  return own;
}
