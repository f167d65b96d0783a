import { describe, expect, it } from 'vitest';
import type { Answer, Answerer } from '../src/answer/types.js';
import { retrievalChoice, type Resolution } from '../src/retrieve/follow-up.js';
import { ANSWER_GAIN, answerInConversation } from '../src/service-follow-up.js';

/** An answerer with a fixed answer and probability per query, recording what it was asked. */
function answererFor(answers: Record<string, { text: string; confidence: number }>, matchesWords = true): Answerer & { asked: string[] } {
  const asked: string[] = [];
  return {
    name: 'fixed',
    matchesWords,
    asked,
    async answer(question, _passages, { onDelta } = {}): Promise<Answer> {
      asked.push(question);
      const found = answers[question];
      const answer = { answer: found?.text ?? 'Not found', answerable: found !== undefined, citations: [], confidence: found?.confidence ?? 0, questionType: 'factoid' as const };
      onDelta?.(answer.answer);
      return answer;
    },
  };
}

const question = 'From which country did they sail?';
const followUp: Resolution = { standalone: `${question} (following up on: When did the Huguenots set sail?)`, answerQuery: `${question} (following up on: Huguenots, Netherlands)`, passages: [], followUp: true };
const undecided: Resolution = { standalone: question, answerQuery: question, passages: [], followUp: false, undecided: followUp };

describe('a turn retrieval left undecided', () => {
  it('is answered as a follow-up only when that answer is clearly more probable, and the kept reading is heard before its text', async () => {
    const answerer = answererFor({ [question]: { text: 'Los Angeles. [1]', confidence: 0.1 }, [followUp.answerQuery]: { text: 'From the Netherlands. [1]', confidence: 0.1 + ANSWER_GAIN } });
    const events: string[] = [];
    const { answer, resolution } = await answerInConversation(answerer, undecided, { onResolved: (reading) => events.push(`resolved: ${reading.standalone}`), onDelta: (text) => events.push(text) });
    expect(answer.answer).toBe('From the Netherlands. [1]');
    expect(resolution).toBe(followUp);
    expect(events).toEqual([`resolved: ${followUp.standalone}`, 'From the Netherlands. [1]']);
  });

  it('stays exactly as if asked first when the follow-up reading is not clearly more probable, or finds nothing', async () => {
    for (const found of [{ [followUp.answerQuery]: { text: 'From the Netherlands. [1]', confidence: 0.6 + ANSWER_GAIN / 2 } }, {}]) {
      const answerer = answererFor({ [question]: { text: 'Los Angeles. [1]', confidence: 0.6 }, ...found });
      const streamed: string[] = [];
      const { answer, resolution } = await answerInConversation(answerer, undecided, { onDelta: (text) => streamed.push(text) });
      expect(answer.answer).toBe('Los Angeles. [1]');
      expect(resolution).toBe(undecided);
      expect(streamed).toEqual(['Los Angeles. [1]']);
    }
  });

  it('gives a language model the question as retrieval resolved it, answered once', async () => {
    const answerer = answererFor({ [question]: { text: 'Los Angeles. [1]', confidence: 0.1 } }, false);
    const { answer } = await answerInConversation(answerer, undecided, {});
    expect(answer.answer).toBe('Los Angeles. [1]');
    expect(answerer.asked).toEqual([question]);
  });
});

describe('what retrieval leaves undecided', () => {
  const alone: Resolution = { standalone: question, answerQuery: question, passages: [], followUp: false };
  const readings = { alone, followUp, saysEnough: true, held: true };
  it('a question that says enough, whose focus passages cover it as well as its own', () => {
    expect(retrievalChoice({ ...readings, aloneCoverage: 0.9, followUpCoverage: 0.9 })).toEqual({ ...alone, undecided: followUp });
  });
  it('not one its own passages cover better, nor one whose focus is not held: those are asked alone', () => {
    expect(retrievalChoice({ ...readings, aloneCoverage: 0.9, followUpCoverage: 0.88 })).toBe(alone);
    expect(retrievalChoice({ ...readings, held: false, aloneCoverage: 0.9, followUpCoverage: 0.9 })).toBe(alone);
  });
  it('nor one the focus makes clearly better covered: that is a follow-up', () => {
    expect(retrievalChoice({ ...readings, aloneCoverage: 0.6, followUpCoverage: 0.9 })).toBe(followUp);
  });
});
