import { describe, expect, it } from 'vitest';
import { perFact, perObject, perPair } from '../../src/match/fact-memo.js';
import { compareFacts, type FactComparison } from '../../src/match/fact-compare.js';
import { coverageDetail, weightedTerms } from '../../src/match/coverage.js';
import { tokenize } from '../../src/match/analyzer.js';
import type { TermSimilarity } from '../../src/match/term-similarity.js';
import { analyse, type AnalysedText } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';

const read = (text: string) => analyse(text, { isNameAtStart: () => true });
/** The same analysis as a new object: no memo entry keyed on the original can answer for it. */
const fresh = (text: AnalysedText): AnalysedText => structuredClone(text);

describe('fact comparison memos', () => {
  it('computes a per-fact value once per analysis and fact, and again for another analysis of the same text', () => {
    let calls = 0;
    const memo = perFact((text, fact) => `${++calls}:${text.text.slice(fact.start, fact.end)}`);
    const text = read('China sent 90 engineers to Lebanon in 2016.');
    const first = text.facts.map((fact) => memo(text, fact));
    expect(text.facts.map((fact) => memo(text, fact))).toEqual(first);
    expect(calls).toBe(text.facts.length);
    const again = fresh(text);
    again.facts.forEach((fact) => memo(again, fact));
    expect(calls).toBe(2 * text.facts.length);
  });

  it('computes a per-object value once per analysis, and a pair score once per comparison', () => {
    let textCalls = 0;
    const tokenCount = perObject((text: AnalysedText) => (++textCalls, text.tokens.length));
    const text = read('Peacekeepers from 30 countries met in Beijing.');
    expect([tokenCount(text), tokenCount(text)]).toEqual([text.tokens.length, text.tokens.length]);
    expect(textCalls).toBe(1);
    let pairCalls = 0;
    const score = perPair((a, b) => (++pairCalls, a.start - b.start));
    const [a, b] = text.facts as [AnalysedText['facts'][number], AnalysedText['facts'][number]];
    expect([score(a, b), score(a, b), score(b, a)]).toEqual([a.start - b.start, a.start - b.start, b.start - a.start]);
    expect(pairCalls).toBe(2);
  });

  it('leaves compareFacts unchanged: the same result from remembered analyses as from fresh ones', () => {
    const names = nameMatcher();
    const similarity = (x: string, y: string) => (new Set([x, y]).size === 1 ? 1 : x.slice(0, 4) === y.slice(0, 4) ? 0.8 : 0.1);
    const summary = (result: FactComparison) => ({
      supported: result.supported.map((fact) => fact.text),
      missing: result.missing.map((fact) => fact.text),
      conflicts: result.conflicts.map((c) => `${c.claim.text}≠${c.evidence.text}`),
    });
    const pairs = [
      ['China has sent 10 engineering units to 90 countries.', 'China has cooperated with 10 international organizations and sent peacekeepers to 90 countries.'],
      ['On 18 June 1520, the Pope warned Luther.', 'On 15 June 1520, the Pope warned Luther that he risked excommunication unless he recanted 41 sentences within 60 days.'],
      ['Viking 18 took place in Argentina in April 2018.', 'Personnel took part in the command-post exercise Viking 18 in Brazil in April 2018.'],
      ['It was visited by the African Union.', 'It received visits from the UN and the AU.'],
    ] as const;
    for (const [claimText, evidenceText] of pairs) {
      const claim = read(claimText);
      const evidence = read(evidenceText);
      const first = summary(compareFacts(claim, evidence, { names, similarity }));
      expect(summary(compareFacts(claim, evidence, { names, similarity }))).toEqual(first);
      expect(summary(compareFacts(fresh(claim), fresh(evidence), { names, similarity }))).toEqual(first);
    }
  });

  it('gives coverageDetail the same result for a remembered token list as for a fresh copy', () => {
    const similarity = { similarity: (a: string, b: string) => (a === b ? 1 : a.slice(0, 3) === b.slice(0, 3) ? 0.6 : 0) } as TermSimilarity;
    const terms = weightedTerms('Which troops did the United Nations send to Lebanon?', () => 1);
    const tokens = tokenize('The UN sent troopers and engineers to southern Lebanon.');
    const first = coverageDetail(terms, tokens, similarity);
    expect(coverageDetail(terms, tokens, similarity)).toEqual(first);
    expect(coverageDetail(terms, [...tokens], similarity)).toEqual(first);
    expect(first.coverage).toBeGreaterThan(0);
  });
});
