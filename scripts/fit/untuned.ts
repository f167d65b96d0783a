/**
 * The newest held-out round, written before the changes it measures and reported as the untuned check:
 * no fitting script may read it. Question sets of this round are `*<UNTUNED_ROUND>.heldout.jsonl`; its
 * claims are `claims-heldout<UNTUNED_ROUND - 1>.jsonl` and its conversations `conversations[-squad]<UNTUNED_ROUND - 4>.heldout.jsonl`
 * (the claims and conversation rounds started later). Once the round has been reported, the next session writes a new round and raises this number.
 */
export const UNTUNED_ROUND = 18;

const UNTUNED_QUESTIONS = new RegExp(`^(?!conversations).*(?<!\\d)${UNTUNED_ROUND}\\.heldout\\.jsonl$`);
const UNTUNED_CONVERSATIONS = new RegExp(`^conversations(-squad)?${UNTUNED_ROUND - 4}\\.heldout\\.jsonl$`);
const UNTUNED_CLAIMS = new RegExp(`^claims-heldout${UNTUNED_ROUND - 1}\\.jsonl$`);

/** Whether a file of tests/eval or tests/verify belongs to the untuned round and must stay out of every fit. */
export const isUntuned = (file: string) => UNTUNED_QUESTIONS.test(file) || UNTUNED_CLAIMS.test(file) || UNTUNED_CONVERSATIONS.test(file);
