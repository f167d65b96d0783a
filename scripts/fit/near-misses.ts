import lexicon from 'wink-lexicon/src/lexicon.js';
import { antonymsOf, wordsOf, type WordAt } from '../../src/match/antonyms.js';
import { analyse, type Fact } from '../../src/match/facts.js';
import { isStopWord } from '../../src/match/analyzer.js';
import { nounRelation } from '../../src/match/noun-kinds.js';
import type { EvalCase } from '../../src/eval/datasets.js';

/**
 * Near-miss questions made from answerable ones by changing one thing the question asks about, so
 * the decline model learns the mechanism rather than examples. Each question gets one change, tried
 * in a random order until one applies:
 * - `name`, `number`: a name, number or year swapped for another of the same kind that its own
 *   document states elsewhere ("Toyota" for "Holden"; "1875" for "1877") — the paragraph may well
 *   vouch for it — or, when the document has none to spare, for one it never mentions;
 * - `opposite`: a word swapped for its WordNet opposite as the document writes it ("youngest" for
 *   "oldest", "after" for "before", "last" for "first");
 * - `sibling`: a common noun swapped for another kind of the same thing from the same document
 *   (WordNet siblings: "beef" for "dairy", "violin" for "cello").
 * Swapping the question's roles is left out: "Who did X invade?" against "Who invaded X?" often both hold.
 */

/** A deterministic pseudo-random sequence, so the fitted weights can be rebuilt exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Change = 'name' | 'number' | 'opposite' | 'sibling';
const CHANGES: readonly Change[] = ['name', 'number', 'opposite', 'sibling'];

interface Swap {
  start: number;
  end: number;
  value: string;
}

export function makeNearMisses(cases: readonly EvalCase[], documents: ReadonlyMap<string, string>, limit: number, seed = 9): EvalCase[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(next() * list.length)];
  const questionFacts = (text: string) => analyse(text, { isNameAtStart: () => false }).facts;
  const namePool = [...new Set(cases.flatMap((item) => questionFacts(item.question).filter((fact) => fact.kind === 'name').map((fact) => fact.text)))];
  const documentFacts = new Map<string, Fact[]>();
  const factsOf = (source: string) => {
    let facts = documentFacts.get(source);
    if (!facts) documentFacts.set(source, (facts = questionFacts(documents.get(source) ?? '')));
    return facts;
  };
  // Each distinct word of a document once, in order.
  const documentWordsOf = new Map<string, WordAt[]>();
  const wordsOfDocument = (source: string) => {
    let words = documentWordsOf.get(source);
    if (!words) {
      const seen = new Set<string>();
      words = wordsOf(documents.get(source) ?? '').filter((word) => !seen.has(word.text) && seen.add(word.text));
      documentWordsOf.set(source, words);
    }
    return words;
  };
  const result: EvalCase[] = [];
  for (const item of cases) {
    if (result.length >= limit) break;
    const source = item.evidence?.source ?? '';
    const lower = (documents.get(source) ?? '').toLowerCase();
    const question = item.question;
    const facts = questionFacts(question);
    const inQuestion = (value: string) => question.toLowerCase().includes(value.toLowerCase());
    const swapFor = (change: Change): Swap | undefined => {
      if (change === 'name' || change === 'number') {
        const kinds: ReadonlyArray<Fact['kind']> = change === 'name' ? ['name'] : ['number', 'year'];
        const fact = pick(facts.filter((f) => kinds.includes(f.kind)));
        if (!fact) return undefined;
        const sameKind = factsOf(source).filter((other) => other.kind === fact.kind && other.value !== fact.value && !inQuestion(other.text));
        const value = pick(sameKind)?.text ?? (fact.kind === 'name' ? unmentioned(namePool, lower, next) : shifted(fact, lower, next));
        return value ? { start: fact.start, end: fact.end, value } : undefined;
      }
      const words = wordsOf(question).filter((word) => !isStopWord(word.text.toLowerCase()) || antonymsOf(word.term).size > 0);
      const documentWords = wordsOfDocument(source);
      if (change === 'opposite') {
        // "How many" / "how few" ask the same thing: a word right after "how" is left alone.
        const options = words.filter((word) => isModifier(word.text) && !/\bhow\s+$/i.test(question.slice(0, word.start))).flatMap((word) => {
          // The lexicon lacks many superlatives ("youngest"): the document's word need only be written in lower case.
          const opposite = documentWords.find((other) => /^\p{Ll}+$/u.test(other.text) && antonymsOf(word.term).has(other.term) && !inQuestion(other.text));
          return opposite ? [swapWord(word, opposite.text)] : [];
        });
        return pick(options);
      }
      const nouns = words.filter((word) => isCommonNoun(word.text));
      const noun = pick(nouns);
      if (!noun) return undefined;
      const sibling = documentWords.find((other) => isCommonNoun(other.text) && !inQuestion(other.text) && nounRelation(noun.text, other.text) === 'sibling');
      return sibling ? swapWord(noun, sibling.text) : undefined;
    };
    const order = [...CHANGES].sort(() => next() - 0.5);
    for (const change of order) {
      const swap = swapFor(change);
      if (!swap || swap.value.toLowerCase() === question.slice(swap.start, swap.end).toLowerCase()) continue;
      const changed = question.slice(0, swap.start) + swap.value + question.slice(swap.end);
      result.push({ id: `near-miss-${change}-${item.id}`, question: changed, answerable: false, expected: { all: [] } });
      break;
    }
  }
  return result;
}

const swapWord = (word: WordAt, value: string): Swap => ({ start: word.start, end: word.end, value: /^\p{Lu}/u.test(word.text) ? value[0]!.toUpperCase() + value.slice(1) : value.toLowerCase() });

/**
 * A lower-case word the lexicon has first as an adjective or adverb ("first", "before"), or lacks (it lacks most superlatives:
 * "youngest", "oldest"): what a superlative, ordinal or comparison turns on. Only words with a WordNet opposite are swapped.
 */
const isModifier = (text: string) => /^\p{Ll}+$/u.test(text) && /^(?:JJ|RB)/.test(lexicon[text]?.[0] ?? 'JJ');

/** A lower-case word the lexicon has first as a noun. */
const isCommonNoun = (text: string) => /^\p{Ll}+$/u.test(text) && /^NNS?$/.test(lexicon[text]?.[0] ?? '');

/** A name of another question that the document never mentions. */
function unmentioned(namePool: readonly string[], documentText: string, next: () => number): string | undefined {
  for (let attempt = 0; attempt < 20; attempt++) {
    const value = namePool[Math.floor(next() * namePool.length)]!;
    if (!documentText.includes(value.toLowerCase())) return value;
  }
  return undefined;
}

/** A year or number near the question's that the document never mentions. */
function shifted(fact: Fact, documentText: string, next: () => number): string | undefined {
  for (let attempt = 0; attempt < 20; attempt++) {
    const value = fact.kind === 'year' ? String(Number(fact.value) + (next() < 0.5 ? -1 : 1) * (3 + Math.floor(next() * 40))) : String(Math.max(2, Math.round(Number(fact.value) * (1.5 + next() * 3))));
    if (!documentText.includes(value) && value !== fact.value) return value;
  }
  return undefined;
}
