import { analyse, type Fact } from '../../src/match/facts.js';
import type { EvalCase } from '../../src/eval/datasets.js';

/**
 * Near-miss questions made from answerable ones by swapping one name, year or number for one the
 * question's document never mentions: "Who ruled Cyprus in 1191?" → "Who ruled Cyprus in 1208?".
 * They are the declines the decline model learns from, many more than can be written by hand.
 */

/** A deterministic pseudo-random sequence, so the fitted weights can be rebuilt exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function makeNearMisses(cases: readonly EvalCase[], documents: ReadonlyMap<string, string>, limit: number, seed = 9): EvalCase[] {
  const next = random(seed);
  const facts = cases.map((item) => analyse(item.question, { isNameAtStart: () => false }).facts.filter((fact) => fact.kind === 'name' || fact.kind === 'year' || fact.kind === 'number'));
  const namePool = [...new Set(facts.flat().filter((fact) => fact.kind === 'name').map((fact) => fact.text))];
  const result: EvalCase[] = [];
  cases.forEach((item, i) => {
    if (result.length >= limit || facts[i]!.length === 0) return;
    const text = (documents.get(item.evidence?.source ?? '') ?? '').toLowerCase();
    const fact = facts[i]![Math.floor(next() * facts[i]!.length)]!;
    const replacement = replacementFor(fact, namePool, text, next);
    if (!replacement) return;
    const question = item.question.slice(0, fact.start) + replacement + item.question.slice(fact.end);
    result.push({ id: `near-miss-${item.id}`, question, answerable: false, expected: { all: [] } });
  });
  return result;
}

function replacementFor(fact: Fact, namePool: readonly string[], documentText: string, next: () => number): string | undefined {
  const absent = (value: string) => !documentText.includes(value.toLowerCase());
  for (let attempt = 0; attempt < 20; attempt++) {
    let value: string;
    if (fact.kind === 'name') value = namePool[Math.floor(next() * namePool.length)]!;
    else if (fact.kind === 'year') value = String(Number(fact.value) + (next() < 0.5 ? -1 : 1) * (3 + Math.floor(next() * 40)));
    else value = String(Math.max(2, Math.round(Number(fact.value) * (1.5 + next() * 3))));
    if (absent(value) && value.toLowerCase() !== fact.text.toLowerCase()) return value;
  }
  return undefined;
}
