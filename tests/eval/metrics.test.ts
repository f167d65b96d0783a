import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findIgnoringWhiteSpace, loadEvalCases, paragraphSpans, slug } from '../../src/eval/datasets.js';
import { computeMetrics, type CaseResult } from '../../src/eval/metrics.js';
import type { AskResult } from '../../src/service.js';

const text = 'Alpha beta gamma.\n\nThe answer is forty-two, said Deep Thought.\n\nDelta epsilon.\n';
const documents = new Map([['guide.txt', text]]);

function passage(start: number, end: number) {
  return { chunkId: `guide.txt#${start}-${end}`, source: 'guide.txt', start, end, text: text.slice(start, end), score: 1, title: 'T', section: [], ranks: { bm25: 1, dense: 1 } };
}

function response(answer: string, answerable: boolean, citations: Array<{ start: number; end: number; quote?: string }> = [], totalMs = 10): AskResult {
  return {
    answer,
    answerable,
    citations: citations.map((c, i) => ({ n: i + 1, chunkId: 'x', source: 'guide.txt', start: c.start, end: c.end, quote: c.quote ?? text.slice(c.start, c.end), score: 1 })),
    standaloneQuestion: '',
    answerer: 'extractive',
    passages: [],
    timings: { retrieveMs: 0, answerMs: 0, totalMs },
  } as unknown as AskResult;
}

async function casesFrom(lines: object[]) {
  const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'docent-eval-')), 'q.jsonl');
  await fs.writeFile(file, lines.map((line) => JSON.stringify(line)).join('\n'));
  return loadEvalCases(file, documents);
}

describe('eval datasets', () => {
  it('slugs titles and splits paragraphs like ../shared/eval/README.md says', () => {
    expect(slug('Sky_(United_Kingdom)')).toBe('sky-united-kingdom');
    expect(paragraphSpans(text).map(({ start, end }) => text.slice(start, end))).toEqual(['Alpha beta gamma.', 'The answer is forty-two, said Deep Thought.', 'Delta epsilon.']);
  });

  it('reads both formats and locates the evidence', async () => {
    const [corpusCase, squadCase, unanswerable] = await casesFrom([
      { id: 'c1', question: 'What is the answer?', answerable: true, must_contain: ['forty-two'], source: 'forty-two, said Deep Thought' },
      { id: 's1', question: 'What is the answer?', answers: ['forty-two'], title: 'Guide', context_index: 1 },
      { id: 'c2', question: 'Who is Arthur?', answerable: false, must_contain: [], source: '' },
    ]);
    expect(corpusCase!.evidence).toMatchObject({ source: 'guide.txt', span: { start: text.indexOf('forty-two, said'), end: text.indexOf('forty-two, said') + 28 } });
    expect(squadCase!.evidence).toMatchObject({ source: 'guide.txt', span: paragraphSpans(text)[1], mustContainAny: ['forty-two'] });
    expect(unanswerable!.answerable).toBe(false);
  });
});

describe('computeMetrics', () => {
  it('computes hit@k, MRR@10, accuracy, cited evidence, decline rate, validity and timing percentiles', async () => {
    const [found, missed, squad, declined] = await casesFrom([
      { id: 'c1', question: 'q1', answerable: true, must_contain: ['forty-two', 'Deep'], source: 'forty-two, said Deep Thought' },
      { id: 'c2', question: 'q2', answerable: true, must_contain: ['epsilon'], source: 'Delta epsilon.' },
      { id: 's1', question: 'q3', answers: ['FORTY-TWO'], title: 'guide', context_index: 1 },
      { id: 'c3', question: 'q4', answerable: false, must_contain: [], source: '' },
    ]);
    const second = paragraphSpans(text)[1]!;
    const results: CaseResult[] = [
      // Hit at rank 2; correct; cites the evidence.
      { case: found!, ranking: [passage(0, 17), passage(second.start, second.end)], response: response('The answer is forty-two, said Deep Thought. [1]', true, [second], 10) },
      // No hit (the passage covers under half of the evidence); an answer missing a required string.
      { case: missed!, ranking: [passage(text.indexOf('Delta'), text.indexOf('Delta') + 5)], response: response('Delta [1]', true, [{ start: 0, end: 5 }], 20) },
      // SQuAD rule: the passage must overlap the paragraph and contain an answer (case-insensitively).
      { case: squad!, ranking: [passage(second.start, second.end)], response: response('forty-two', true, [{ start: second.start, end: second.end, quote: 'tampered' }], 30) },
      { case: declined!, ranking: [], response: response('Not found in the documents.', false, [], 40) },
    ];
    const metrics = computeMetrics(results, () => text);
    expect(metrics).toMatchObject({ questions: 4, answerable: 3, unanswerable: 1, citations: 3 });
    expect(metrics.hitAt1).toBeCloseTo(1 / 3);
    expect(metrics.hitAt3).toBeCloseTo(2 / 3);
    expect(metrics.mrrAt10).toBeCloseTo((1 / 2 + 0 + 1) / 3);
    expect(metrics.answerAccuracy).toBeCloseTo(2 / 3);
    expect(metrics.citedEvidence).toBeCloseTo(1 / 3); // the SQuAD citation's quote is not the text, so it shows no answer
    expect(metrics.declineRate).toBe(1);
    expect(metrics.citationValidity).toBeCloseTo(2 / 3);
    expect(metrics.medianMs).toBe(20);
    expect(metrics.p95Ms).toBe(40);
  });

  it('reports n/a (null) instead of 0 for metrics with nothing to average', () => {
    const metrics = computeMetrics([], () => undefined);
    expect(metrics).toMatchObject({ hitAt1: null, answerAccuracy: null, declineRate: null, citationValidity: null });
  });
});

describe('findIgnoringWhiteSpace', () => {
  it('finds evidence whatever the white space of the rendering, as a span of the text', () => {
    const wrapped = 'Intro.\n\nThe answer is\nforty-two,  said Deep Thought.';
    const span = findIgnoringWhiteSpace(wrapped, 'answer is forty-two, said')!;
    expect(wrapped.slice(span.start, span.end)).toBe('answer is\nforty-two,  said');
    expect(findIgnoringWhiteSpace(wrapped, 'forty-three')).toBeUndefined();
  });
});
