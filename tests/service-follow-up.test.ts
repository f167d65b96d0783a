import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Answerer } from '../src/answer/types.js';
import type { ChatTurn, Resolution } from '../src/retrieve/follow-up.js';
import type { Docent } from '../src/service.js';
import { answerResolved } from '../src/service-follow-up.js';
import { DEFAULT_CORPUS, DEFAULT_SOURCE, openTestDocent } from './helpers/fixtures.js';

/** An answerer that finds an answer only for the queries it is given, and records what it was asked. */
function answererFor(answers: Record<string, string>, matchesWords = true): Answerer & { asked: string[] } {
  const asked: string[] = [];
  return {
    name: 'fixed',
    matchesWords,
    asked,
    async answer(question, _passages, { onDelta } = {}): Promise<Answer> {
      asked.push(question);
      const text = answers[question];
      const answer = { answer: text ?? 'Not found', answerable: text !== undefined, citations: [], confidence: text ? 1 : 0, questionType: 'factoid' as const };
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
});
