import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Answerer } from '../src/answer/types.js';
import { retrievalChoice, type ChatTurn, type Resolution } from '../src/retrieve/follow-up.js';
import type { AskEvent, Docent } from '../src/service.js';
import { ANSWER_GAIN, answerInConversation, answerResolved } from '../src/service-follow-up.js';
import { DEFAULT_CORPUS, DEFAULT_SOURCE, openTestDocent } from './helpers/fixtures.js';

/** An answerer that finds an answer (with probability 1 unless given) only for the queries it is given, and records what it was asked. */
function answererFor(answers: Record<string, string | { text: string; confidence: number }>, matchesWords = true): Answerer & { asked: string[] } {
  const asked: string[] = [];
  return {
    name: 'fixed',
    matchesWords,
    asked,
    async answer(question, _passages, { onDelta } = {}): Promise<Answer> {
      asked.push(question);
      const given = answers[question];
      const found = typeof given === 'string' ? { text: given, confidence: 1 } : given;
      const answer = { answer: found?.text ?? 'Not found', answerable: found !== undefined, citations: [], confidence: found?.confidence ?? 0, questionType: 'factoid' as const };
      onDelta?.(answer.answer);
      return answer;
    },
  };
}

const resolution: Resolution = { standalone: 'When did he leave it? (following up on: In which year did Tesla enroll?)', answerQuery: 'When did he leave it? (following up on: Tesla)', passages: [], followUp: true };

describe('answering a resolved follow-up', () => {
  it('answers with the names it points back to, and streams only the answer it keeps', async () => {
    const answerer = answererFor({ [resolution.answerQuery]: 'In December 1878, Tesla left Graz. [1]' });
    const streamed: string[] = [];
    const answer = await answerResolved(answerer, resolution, [], { onDelta: (text) => streamed.push(text) });
    expect(answer.answer).toBe('In December 1878, Tesla left Graz. [1]');
    expect(answerer.asked).toEqual([resolution.answerQuery]);
    expect(streamed.join('')).toBe(answer.answer);
  });

  it('answers as searched when the names find no answer', async () => {
    const answerer = answererFor({ [resolution.standalone]: 'In 1875, Tesla enrolled. [1]' });
    const streamed: string[] = [];
    const answer = await answerResolved(answerer, resolution, [], { onDelta: (text) => streamed.push(text) });
    expect(answer.answer).toBe('In 1875, Tesla enrolled. [1]');
    expect(answerer.asked).toEqual([resolution.answerQuery, resolution.standalone]);
    expect(streamed).toEqual([answer.answer]);
  });

  it('gives an answerer that does not match words (a language model) the standalone question once, streamed', async () => {
    const answerer = answererFor({ [resolution.standalone]: 'In December 1878, Tesla left Graz. [1]' }, false);
    const streamed: string[] = [];
    const answer = await answerResolved(answerer, resolution, [], { onDelta: (text) => streamed.push(text) });
    expect(answer.answer).toBe('In December 1878, Tesla left Graz. [1]');
    expect(answerer.asked).toEqual([resolution.standalone]);
    expect(streamed).toEqual([answer.answer]);
  });
});

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

describe('a conversation over the default corpus', () => {
  let docent: Docent;
  beforeAll(async () => {
    docent = await openTestDocent();
  });
  afterAll(() => docent.close());

  it("answers what a follow-up points back to from the previous answer, not the earlier question's own sentence", async () => {
    const history: ChatTurn[] = [];
    for (const question of ['Which protocol did the defense ministries of China and Pakistan sign?', 'What about with Vietnam?']) {
      const result = await docent.ask(question, { history: [...history] });
      history.push({ role: 'user', content: question }, { role: 'assistant', content: result.answer });
    }
    expect(history[3]!.content).toContain('memorandum of understanding');
    const signed = await docent.ask('When was that signed?', { history });
    // Searched with the earlier question, as reported; answered about the memorandum the last answer quoted.
    expect(signed.standaloneQuestion).toContain('China and Pakistan');
    expect(signed.answer).toContain('April 2015');
    expect(signed.answer).not.toContain('protocol');
    const text = fs.readFileSync(path.join(DEFAULT_CORPUS, DEFAULT_SOURCE), 'utf8');
    expect(signed.citations.length).toBeGreaterThan(0);
    for (const citation of signed.citations) expect(citation.quote).toBe(text.slice(citation.start, citation.end));
  });

  it('answers a turn retrieval left undecided as a follow-up when that answer is clearly more probable, reporting the reading it kept', async () => {
    const asked = 'Which countries took part in the BRICS consultation on the UNPKOs that China conducted in 2015?';
    const first = await docent.ask(asked);
    const history: ChatTurn[] = [{ role: 'user', content: asked }, { role: 'assistant', content: first.answer }];
    // Asked alone, "Did India take part?" finds no answer; its own passages and the conversation's cover it alike.
    expect((await docent.ask('Did India take part?')).answerable).toBe(false);
    const events: AskEvent[] = [];
    const result = await docent.ask('Did India take part?', { history, onEvent: (event) => events.push(event) });
    expect(result.answer).toMatch(/^Yes\b/);
    expect(result.answer).toContain('India');
    expect(result.standaloneQuestion).toContain('following up on');
    expect(events[0]).toMatchObject({ type: 'passages', standaloneQuestion: result.standaloneQuestion });
    expect(events.filter((event) => event.type === 'delta').map((event) => (event as { text: string }).text).join('')).toBe(result.answer);
    const text = fs.readFileSync(path.join(DEFAULT_CORPUS, DEFAULT_SOURCE), 'utf8');
    expect(result.citations.length).toBeGreaterThan(0);
    for (const citation of result.citations) expect(citation.quote).toBe(text.slice(citation.start, citation.end));
  });
});
