import type { Passage } from '../retrieve/types.js';
import type { CitationChecker } from '../verify/checker.js';
import { type Citer, notFound, quotedWithMarker, round } from './citing.js';
import { yesNoClaim } from './question-type.js';
import type { Answer } from './types.js';

/** "Yes" when the documents state it, "No" when they state otherwise (the differing evidence cited), else they do not say. */
export async function yesNoAnswer(question: string, passages: Passage[], checker: CitationChecker, citer: Citer): Promise<Answer> {
  const check = await checker.checkAgainstSpans(yesNoClaim(question), passages, { clip: false });
  const evidence = check.evidence[0];
  if (!evidence || check.verdict === 'not_found') return notFound('yes_no', check.score);
  const passage = passages.find((p) => p.source === evidence.source && p.start < evidence.end && evidence.start < p.end) ?? passages[0]!;
  const citation = citer.citation(evidence, passage, 1, check.score);
  const lead = check.verdict === 'supported' ? 'Yes.' : check.verdict === 'contradicted' ? 'No.' : 'The documents do not say.';
  return { answer: `${lead} ${quotedWithMarker(citation)}`, answerable: true, citations: [citation], confidence: round(check.score), questionType: 'yes_no' };
}
