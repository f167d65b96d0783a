/**
 * Size limits of the HTTP API's requests. The zod schemas in schemas.ts enforce them; the web client
 * imports them from here (a dependency-free module, so the browser bundle does not pull in zod).
 */

/** Characters of a question (POST /api/ask) or a claim (POST /api/verify). */
export const MAX_QUESTION_CHARS = 2000;
/** Earlier turns a follow-up question may carry, and characters per turn. */
export const MAX_HISTORY_TURNS = 20;
export const MAX_TURN_CHARS = 4000;
/** Feedback on an answer (POST /api/feedback): the comment, and the answer text it quotes. */
export const MAX_FEEDBACK_COMMENT_CHARS = 2000;
export const MAX_FEEDBACK_ANSWER_CHARS = 8000;
/** Citations an answer carries at most (TOP_K ≤ 20 passages, a few citations each). */
export const MAX_CITATIONS = 50;
