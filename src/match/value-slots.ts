import type { FactConflict } from './fact-compare.js';
import { unitOf } from './fact-context.js';
import type { AnalysedText, Fact } from './facts.js';
import { compareUnits } from './units.js';

/**
 * A number stated in the evidence, but in another number's place: "level 1 is the slowest" against
 * "1 … is fastest …, 9 (Z_BEST_COMPRESSION) is slowest". Fact comparison finds the claim's number
 * somewhere in the sentence; here the word right next to it in the claim says which slot it fills, and
 * in the evidence that word sits next to another number. Names are left out: they sit beside one
 * another everywhere, and on the labelled claims reading them so contradicted dozens of true claims.
 */

/** Ends a phrase: a value on the other side of it fills no slot of the word. */
const PHRASE_BREAK = /[,;:]/;

/** The claim's supported values that the evidence puts elsewhere, each with the value the evidence puts in its place. */
export function misplacedValues(claim: AnalysedText, evidence: AnalysedText, supported: readonly Fact[]): FactConflict[] {
  const conflicts: FactConflict[] = [];
  for (const fact of supported) {
    if (fact.kind !== 'number') continue;
    // A word left of the claim's value has the evidence's value on its right, and the other way round.
    const rival = [neighbour(claim, fact, -1), neighbour(claim, fact, 1)]
      .map((term, i) => term && rivalNextTo(claim, evidence, term, fact, i === 0 ? 1 : -1))
      .find((found) => found !== undefined);
    if (rival) conflicts.push({ claim: fact, evidence: rival });
  }
  return conflicts;
}

/** The term of the content word right next to a value; none past a phrase break or beside another value. */
function neighbour(text: AnalysedText, fact: Fact, step: -1 | 1): string | undefined {
  const at = step < 0 ? fact.first - 1 : fact.last + 1;
  const token = text.tokens[at];
  if (!token) return undefined;
  const [a, b] = step < 0 ? [token, text.tokens[fact.first]!] : [text.tokens[fact.last]!, token];
  if (PHRASE_BREAK.test(text.text.slice(a.end, b.start))) return undefined;
  return factAt(text, at) ? undefined : token.term;
}

const factAt = (text: AnalysedText, index: number) => text.facts.find((fact) => fact.first <= index && index <= fact.last);

/**
 * The number the evidence puts next to the word (`term`) instead of `fact`: only when every place the
 * evidence states the word has a number right beside it on the claim's side, none the claim's, none of another measure.
 */
function rivalNextTo(claim: AnalysedText, evidence: AnalysedText, term: string, fact: Fact, towards: -1 | 1): Fact | undefined {
  // A word inside a name counts too ("Year 0 is 1 BC" opens a sentence).
  const places = evidence.tokens.flatMap((token, i) => (token.term === term && factAt(evidence, i)?.kind !== 'number' ? [i] : []));
  if (places.length === 0) return undefined;
  let rival: Fact | undefined;
  for (const place of places) {
    const beside = valueBeside(evidence, place, towards, fact);
    // Another measure ("26,000 square kilometres" for "10,000 square miles") is no rival.
    if (!beside || beside.value === fact.value || compareUnits(unitOf(claim, fact)?.word ?? '', unitOf(evidence, beside)?.word ?? '') === 'different') return undefined;
    rival ??= beside;
  }
  return rival;
}

/** The nearest value of `fact`'s kind on one side of token `from`, past values of other kinds only ("9 (Z_BEST_COMPRESSION) is slowest"), within its phrase. */
function valueBeside(text: AnalysedText, from: number, step: -1 | 1, fact: Fact): Fact | undefined {
  for (let i = from + step; i >= 0 && i < text.tokens.length; i += step) {
    const [a, b] = step < 0 ? [text.tokens[i]!, text.tokens[i + 1]!] : [text.tokens[i - 1]!, text.tokens[i]!];
    if (PHRASE_BREAK.test(text.text.slice(a.end, b.start))) return undefined;
    const other = factAt(text, i);
    if (!other) return undefined;
    if (other.kind === fact.kind) return other;
    if (other.kind !== 'name') return undefined;
    i = step < 0 ? other.first : other.last;
  }
  return undefined;
}
