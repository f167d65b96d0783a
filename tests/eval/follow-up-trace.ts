import fs from 'node:fs';
import path from 'node:path';
import { isConversationFile, isTurnCorrect, loadConversations } from '../../src/eval/conversations.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';
import { answerSubject, type NameChoice } from '../../src/retrieve/answer-subject.js';
import { answerQuery, conversationFocus, readFollowUp, retrievalChoice, type ChatTurn, type Resolution } from '../../src/retrieve/follow-up.js';
import type { AskResult, Docent } from '../../src/service.js';
import { answerResolved } from '../../src/service-follow-up.js';
import { isUntuned } from '../../scripts/fit/untuned.js';
import { evalSets, openEvalDocent, type EvalSet } from './report.js';

/**
 * Diagnostic and fitting data: every turn with history in the seen conversation sets, answered both ways (alone, and as
 * a follow-up), with retrieval's and the answerer's evidence on each; one JSON row per turn, read by
 * scripts/fit/follow-up-gain.ts. `npx tsx tests/eval/follow-up-trace.ts [out.jsonl]`. The untuned round's conversations
 * (scripts/fit/untuned.ts) are never read.
 */
const out = process.argv[2] ?? '.cache/follow-up-turns.jsonl';
const skip = (file: string) => isUntuned(path.basename(file));
const docents = new Map<EvalSet['corpus'], Docent>();
const rows: string[] = [];
for (const set of evalSets()) {
  if (skip(set.file) || !(await isConversationFile(set.file))) continue;
  if (!docents.has(set.corpus)) docents.set(set.corpus, await openEvalDocent(set.corpus));
  const docent = docents.get(set.corpus)!;
  await docent.warmUp();
  const similarity = (docent.extractive as unknown as { similarity: TermSimilarity }).similarity;
  const options = { retrieve: (query: string) => docent.search(query), idf: (term: string) => docent.index.lexical.idf(term), similarity };
  const answer = async (resolution: Resolution) => {
    const a = await answerResolved(docent.extractive, resolution, resolution.passages, {});
    return { answerable: a.answerable, answer: a.answer, confidence: a.confidence ?? 0 };
  };
  for (const conversation of await loadConversations(set.file)) {
    const history: ChatTurn[] = [];
    let previousCorrect = true;
    for (const [i, turn] of conversation.turns.entries()) {
      const response = await docent.ask(turn.question, { history: [...history] });
      if (history.length > 0) {
        const readings = await readFollowUp(turn.question, history, options);
        const alone = await answer(readings.alone);
        const followUp = readings.followUp ? await answer(readings.followUp) : undefined;
        const correct = (a: { answerable: boolean; answer: string } | undefined) => (a ? isTurnCorrect(turn, a as AskResult) : null);
        // The follow-up's answer under every choice of names the fit weighs (scripts/fit/follow-up-gain.ts): 1 to 4 names,
        // those most passages hold skipped always, only when it names nothing telling of its own, or never.
        const byChoice: { choice: Required<NameChoice>; answer: unknown }[] = [];
        const reading = readings.followUp;
        if (reading && reading.answerQuery !== reading.standalone) {
          const focus = conversationFocus(history, options.idf)!;
          const context = { subject: answerSubject(history, focus), focus, idf: options.idf };
          for (const skipCommon of ['always', 'unnamed', 'never'] as const) {
            for (const count of [1, 2, 3, 4]) {
              const choice = { count, skipCommon };
              const a = await answer({ ...reading, answerQuery: answerQuery(turn.question.trim(), reading.standalone, true, context, choice) });
              byChoice.push({ choice, answer: { ...a, correct: correct(a) } });
            }
          }
        }
        const bare = readings.followUp ? await docent.extractive.answer(turn.question.trim(), readings.followUp.passages) : undefined;
        rows.push(
          JSON.stringify({
            set: path.basename(set.file),
            id: conversation.id,
            i,
            kind: turn.kind,
            question: turn.question,
            searched: response.standaloneQuestion,
            previousCorrect,
            baseline: { correct: isTurnCorrect(turn, response), followUp: response.standaloneQuestion !== turn.question.trim() },
            chosenFollowUp: retrievalChoice(readings).followUp,
            saysEnough: readings.saysEnough,
            held: readings.held,
            aloneCoverage: readings.aloneCoverage,
            followUpCoverage: readings.followUpCoverage,
            followUpStandalone: readings.followUp?.standalone,
            answerQuery: readings.followUp?.answerQuery,
            alone: { ...alone, correct: correct(alone) },
            followUp: followUp && { ...followUp, correct: correct(followUp) },
            byChoice,
            bare: bare && { answer: bare.answer, answerable: bare.answerable, confidence: bare.confidence ?? 0, correct: correct(bare), same: bare.answer === alone.answer },
          }),
        );
      }
      previousCorrect = isTurnCorrect(turn, response);
      history.push({ role: 'user', content: turn.question }, { role: 'assistant', content: response.answer });
    }
    console.error(`${path.basename(set.file)} ${conversation.id}`);
  }
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, rows.join('\n') + '\n');
console.log(`${rows.length} turns → ${out}`);
process.exit(0);
