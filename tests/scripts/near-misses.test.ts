import { describe, expect, it } from 'vitest';
import { makeNearMisses } from '../../scripts/fit/near-misses.js';
import type { EvalCase } from '../../src/eval/datasets.js';

// Names stand mid-sentence: a capitalised word opening a sentence is not read as a name.
const document = 'In May 2013 Holden announced it would close its plants, and in December Ford followed. In 2016 Manning became the oldest quarterback to start, and not the youngest.';
const documents = new Map([['cars.txt', document]]);
const asked = (question: string): EvalCase => ({ id: question, question, answerable: true, expected: { any: ['x'] }, evidence: { source: 'cars.txt' } }) as EvalCase;

describe('generated near-misses', () => {
  it('change one thing of each question, and are declines', () => {
    const questions = ['When did Holden announce it would close its plants?', 'Who was the oldest quarterback to start?'];
    const made = makeNearMisses(questions.map(asked), documents, 10);
    expect(made).toHaveLength(2);
    made.forEach((item, i) => {
      expect(item.answerable).toBe(false);
      expect(item.question).not.toBe(questions[i]);
      // One word or name swapped: the rest of the question is kept.
      expect(item.question.split(' ').filter((word) => !questions[i]!.split(' ').includes(word)).length).toBeLessThanOrEqual(2);
    });
  });

  it('swap a name for another of the same article, and are made the same way each time', () => {
    const made = makeNearMisses([asked('When did Holden announce it would close its plants?')], documents, 10, 1);
    const again = makeNearMisses([asked('When did Holden announce it would close its plants?')], documents, 10, 1);
    expect(made).toEqual(again);
    if (made[0]!.id.startsWith('near-miss-name')) expect(made[0]!.question).toMatch(/Ford|Manning/);
    expect(made).toHaveLength(1);
  });
});
