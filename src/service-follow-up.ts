import type { Answer, Answerer, AnswerOptions } from './answer/types.js';
import type { Resolution } from './retrieve/follow-up.js';
import type { Passage } from './retrieve/types.js';

/**
 * How much more probable the follow-up reading's answer must be than the answer to the question alone for a turn that
 * retrieval left undecided to be answered as a follow-up. Fitted with the names a follow-up is matched with (NameChoice in
 * src/retrieve/answer-subject.ts) on the seen conversation rounds 1–15 by scripts/fit/follow-up-gain.ts (the median of the gains
 * that answer most turns right with no switch answered otherwise than alone): with the first name most passages do not hold,
 * gains of 0.09–0.18 answer 539 of the 598 turns with history right, against 532 with four names and the gain of 0.29 fitted
 * for them. The nearest topic switch gains 0.08.
 */
export const ANSWER_GAIN = 0.14;

type Scored = Pick<Answer, 'answerable' | 'confidence'>;
const probability = ({ answerable, confidence }: Scored) => (answerable ? (confidence ?? 0) : 0);

/** Whether an undecided turn is answered as a follow-up: its answer found and more probable than the question's alone by `gain`. */
export const keepsFollowUp = (alone: Scored, followUp: Scored, gain = ANSWER_GAIN) => followUp.answerable && probability(followUp) >= probability(alone) + gain;

/** An answer, and the reading of the question it answers (reported as the standalone question). */
export interface ConversationAnswer {
  answer: Answer;
  resolution: Resolution;
}

/**
 * Answers a question in a conversation. When retrieval left the follow-up reading undecided, both readings are answered
 * and the follow-up's is kept only when it is clearly more probable: a question that is answered as well alone stays
 * exactly as if asked first. `onResolved` hears the kept reading before any of its text is streamed. An answerer that
 * does not score its answers by matching words (a language model) answers the question as retrieval resolved it.
 */
export async function answerInConversation(
  answerer: Answerer,
  resolution: Resolution,
  options: AnswerOptions & { onResolved?: (reading: Resolution) => void },
): Promise<ConversationAnswer> {
  const { undecided } = resolution;
  if (!undecided || !answerer.matchesWords) {
    options.onResolved?.(resolution);
    return { answer: await answerResolved(answerer, resolution, resolution.passages, options), resolution };
  }
  const quiet = { signal: options.signal };
  const own = await answerResolved(answerer, resolution, resolution.passages, quiet);
  const followUp = await answerResolved(answerer, undecided, undecided.passages, quiet);
  const kept = keepsFollowUp(own, followUp) ? { answer: followUp, resolution: undecided } : { answer: own, resolution };
  options.onResolved?.(kept.resolution);
  options.onDelta?.(kept.answer.answer);
  return kept;
}

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
