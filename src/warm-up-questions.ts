import { questionType, type QuestionType } from './answer/question-type.js';
import { tokenize } from './match/analyzer.js';

/** How many questions the warm-up asks: measured at 100k chunks, a fresh worker's first ~50 questions cost more than later first asks. */
export const WARM_UP_QUESTIONS = 24;

/** Content words of a chunk a warm-up question is made of. */
const QUESTION_WORDS = 3;

/**
 * The forms real questions take, each with the kind it should read as, so each kind's code is compiled
 * before a user's question needs it. Their own words are stop words: a warm-up question embeds no word
 * the corpus lacks.
 */
const FORMS: readonly { type: QuestionType; ask: (words: string) => string }[] = [
  { type: 'factoid', ask: (words) => `What is ${words}?` },
  { type: 'list', ask: (words) => `Which ${words}?` },
  { type: 'yes_no', ask: (words) => `Is ${words}?` },
  { type: 'factoid', ask: (words) => `When was ${words}?` },
  { type: 'factoid', ask: (words) => `Who is ${words}?` },
  { type: 'factoid', ask: (words) => `How many ${words}?` },
  { type: 'factoid', ask: (words) => `Where is ${words}?` },
  { type: 'summary', ask: (words) => `What is this ${words} about?` },
];

/**
 * Questions made from the index's own chunks, spread evenly over it: asked once during the warm-up,
 * they run every stage (retrieval, answering, the checker) so that a worker's first real questions do
 * not pay for compiling them. The answers are thrown away; what they leave in the caches is what any
 * question leaves.
 */
export function warmUpQuestions({ chunks }: { chunks: readonly { text: string }[] }, count = WARM_UP_QUESTIONS): string[] {
  const questions: string[] = [];
  for (let i = 0; i < count && chunks.length > 0; i++) {
    const chunk = chunks[Math.floor((i * chunks.length) / count)]!;
    const words = [...new Set(tokenize(chunk.text).map((token) => token.text))];
    const form = FORMS[i % FORMS.length]!;
    const askFrom = (first: number) => form.ask(words.slice(first, first + QUESTION_WORDS).join(' '));
    // "Which tables …?" is a list question, "Which function …?" is not: lead with a word that gives the form its kind.
    const first = words.findIndex((_, j) => questionType(askFrom(j)) === form.type);
    if (words.length > 0) questions.push(askFrom(Math.max(first, 0)));
  }
  return questions;
}
