import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Docent } from '../../src/service.js';
import { postJson, testApp } from '../helpers/app.js';
import { DEFAULT_CORPUS, DEFAULT_SOURCE, openTestDocent } from '../helpers/fixtures.js';

let docent: Docent;
let app: Awaited<ReturnType<typeof testApp>>;
const text = fs.readFileSync(path.join(DEFAULT_CORPUS, DEFAULT_SOURCE), 'utf8');
const SENTENCE = 'In June and July 2009, China and Mongolia held a joint exercise codenamed Peacekeeping Mission-2009 in Beijing.';
const sentenceSpan = { source: DEFAULT_SOURCE, start: text.indexOf(SENTENCE), end: text.indexOf(SENTENCE) + SENTENCE.length };

beforeAll(async () => {
  docent = await openTestDocent();
  app = await testApp(docent);
});

async function verify(body: unknown) {
  return app.request('/api/verify', postJson(body));
}

function expectExactEvidence(evidence: { source: string; start: number; end: number; quote: string; score: number }[]) {
  for (const item of evidence) {
    expect(item.quote).toBe(docent.index.documents.get(item.source)!.slice(item.start, item.end));
    expect(typeof item.score).toBe('number');
  }
}

describe('POST /api/verify', () => {
  it('finds evidence for a supported claim in the corpus', async () => {
    const response = await verify({ claim: 'China and Mongolia held the joint exercise Peacekeeping Mission-2009 in Beijing in June and July 2009.' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.verdict).toBe('supported');
    expect(body.score).toBeGreaterThan(0.8);
    expect(body.evidence[0].quote).toContain('China and Mongolia held a joint exercise');
    expectExactEvidence(body.evidence);
  });

  it.each([
    'In June and July 2012, China and Mongolia held a joint exercise codenamed Peacekeeping Mission-2009 in Beijing.',
    'In June and July 2009, China and Thailand held a joint exercise codenamed Peacekeeping Mission-2009 in Beijing.',
    'In June and July 2009, China and Mongolia held a joint exercise codenamed Peacekeeping Mission-2009 in Shanghai.',
    'Since 2012, President Xi Jinping has had 15 meetings with UN Secretary-Generals.',
    'The second China-US consultation on the UNPKOs was held in Beijing in May 2010.',
  ])('calls a claim with a changed date, number, place or country contradicted, naming the values: %s', async (claim) => {
    const body = await (await verify({ claim })).json();
    expect(body.verdict).toBe('contradicted');
    expect(body.score).toBeLessThan(0.8);
    expectExactEvidence(body.evidence);
    expect(body.conflicts.length).toBeGreaterThan(0);
    for (const conflict of body.conflicts) {
      expect(claim).toContain(conflict.claim);
      expect(docent.index.documents.get(conflict.source)!.slice(conflict.start, conflict.end)).toBe(conflict.evidence);
    }
  });

  it('reports not_found, with no evidence, for what the corpus never mentions', async () => {
    const body = await (await verify({ claim: 'The PLA Navy operates an aircraft carrier named Liaoning.' })).json();
    expect(body).toMatchObject({ verdict: 'not_found', evidence: [] });
  });

  it('checks a claim against exactly the cited spans', async () => {
    const claim = 'China and Mongolia held the exercise Peacekeeping Mission-2009 in Beijing in June and July 2009.';
    const right = await (await verify({ claim, citations: [sentenceSpan] })).json();
    expect(right.verdict).toBe('supported');
    expect(right.evidence[0]).toMatchObject({ source: DEFAULT_SOURCE, start: sentenceSpan.start, end: sentenceSpan.end, quote: SENTENCE });

    const elsewhere = text.indexOf('In May 2010');
    const wrong = await (await verify({ claim, citations: [{ source: DEFAULT_SOURCE, start: elsewhere, end: elsewhere + 80 }] })).json();
    expect(wrong.verdict).not.toBe('supported');

    // Evidence stays inside the cited span, even when it cuts a sentence.
    const cut = { source: DEFAULT_SOURCE, start: sentenceSpan.start + 3, end: sentenceSpan.end - 10 };
    const clipped = await (await verify({ claim, citations: [cut] })).json();
    for (const item of clipped.evidence) {
      expect(item.start).toBeGreaterThanOrEqual(cut.start);
      expect(item.end).toBeLessThanOrEqual(cut.end);
    }
    expectExactEvidence(clipped.evidence);
  });

  it.each([
    [{ source: 'missing.md', start: 0, end: 10 }, 'no indexed source'],
    [{ source: DEFAULT_SOURCE, start: 10, end: 10 }, 'out of range'],
    [{ source: DEFAULT_SOURCE, start: 0, end: 1_000_000 }, 'out of range'],
    [{ source: DEFAULT_SOURCE, start: 50, end: 20 }, 'out of range'],
  ])('rejects the citation %j', async (citation, message) => {
    const response = await verify({ claim: 'China held an exercise.', citations: [citation] });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_citation');
    expect(error.message).toContain(message);
  });

  it.each([
    [{}, 'claim'],
    [{ claim: '  ' }, 'claim'],
    [{ claim: 'x'.repeat(2001) }, 'claim'],
    [{ claim: 'ok', citations: [] }, 'citations'],
    [{ claim: 'ok', citations: [{ source: DEFAULT_SOURCE, start: -1, end: 5 }] }, 'citations'],
    [{ claim: 'ok', citations: [{ source: DEFAULT_SOURCE, start: 1.5, end: 5 }] }, 'citations'],
  ])('rejects %j with a 400 naming the field', async (body, field) => {
    const response = await verify(body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(field);
  });
});

describe('every /api/ask answer runs through the checker', () => {
  it('gives each citation a support score and marks the sentences verified', async () => {
    const body = await (await app.request('/api/ask', postJson({ question: 'When did China and Mongolia hold the joint exercise Peacekeeping Mission-2009?' }))).json();
    expect(body.answerer).toBe('extractive');
    expect(body.citations.length).toBeGreaterThan(0);
    for (const citation of body.citations) expect(citation.support).toBeGreaterThanOrEqual(0.99);
    expect(body.verification.supported).toBe(true);
    expect(body.verification.sentences).toHaveLength(body.citations.length);
    for (const sentence of body.verification.sentences) {
      expect(body.answer.slice(sentence.start, sentence.end)).toBe(sentence.text);
      expect(sentence).toMatchObject({ verdict: 'supported', flagged: false });
    }
  });

  it('flags nothing in a not-found answer', async () => {
    const body = await (await app.request('/api/ask', postJson({ question: 'Who won the 2018 FIFA World Cup?' }))).json();
    expect(body.verification).toEqual({ supported: true, unsupportedSentences: 0, sentences: [] });
  });
});
