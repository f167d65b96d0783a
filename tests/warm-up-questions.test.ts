import { describe, expect, it } from 'vitest';
import { questionType } from '../src/answer/question-type.js';
import { tokenize } from '../src/match/analyzer.js';
import { warmUpQuestions } from '../src/warm-up-questions.js';

const chunks = ['Lighthouses guide ships along rocky coasts.', 'Keepers lived in them until 1990.', 'The lamp burned oil.', 'Storms wrecked boats.'].map((text) => ({ text }));

describe('warmUpQuestions', () => {
  it('asks every kind of question, in words of the chunks, spread over the whole index', () => {
    const questions = warmUpQuestions({ chunks }, 8);
    expect(questions).toHaveLength(8);
    expect(new Set(questions.map(questionType))).toEqual(new Set(['factoid', 'list', 'yes_no', 'summary']));
    const corpusWords = new Set(chunks.flatMap((chunk) => tokenize(chunk.text).map((token) => token.word)));
    for (const question of questions) for (const token of tokenize(question)) expect(corpusWords).toContain(token.word);
    // Chunks are taken evenly, the last ones too.
    expect(questions.some((question) => /storms|wrecked|boats/i.test(question))).toBe(true);
  });

  it('asks nothing of an empty index', () => {
    expect(warmUpQuestions({ chunks: [] })).toEqual([]);
  });
});
