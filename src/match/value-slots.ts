import type { FactComparison, FactConflict } from './fact-compare.js';
import { unitOf } from './fact-context.js';
import type { AnalysedText, Fact } from './facts.js';
import { placeRelation } from './places.js';
import { compareUnits } from './units.js';

/**
 * A number stated in the evidence, but in another number's place: "level 1 is the slowest" against
 * "1 … is fastest …, 9 (Z_BEST_COMPRESSION) is slowest". Fact comparison finds the claim's number
 * somewhere in the sentence; here the word right next to it in the claim says which slot it fills, and
 * in the evidence that word sits next to another number. Names are left out: they sit beside one
 * another everywhere, and on the labelled claims reading them so contradicted dozens of true claims (a
 * name is read in its slot only between the same words on both sides: `valuesInTheirSlot`).
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

/**
 * The claim's values whose very slot the evidence fills with another value of the same kind: "recorded at
 * Mildura" against "was recorded in Hopetoun", "in 500 ships" against "in 300 ships", "from 2015 to 2017"
 * against "from 2015 to 2019", "the American rock group Coldplay" against "the British rock group Coldplay". The
 * slot is the content word on each side of the value, with the same punctuation between: the same words around
 * another value are the same statement with a changed value, however little the rest of the two sentences share
 * (which is what fact comparison's context test asks). The word before is always needed (a capital opening the
 * claim is no sure name: "Reportedly, …"); at the claim's end it is enough for a missing value. A value the
 * evidence states elsewhere ("American" found as "U.S.") needs both sides, since one word beside a value is often
 * shared by chance. A place inside or around the claim's is no other value ("in London" / "in the UK").
 */
export function valuesInTheirSlot(claim: AnalysedText, evidence: AnalysedText, facts: Pick<FactComparison, 'supported' | 'missing'>): FactConflict[] {
  const claimed = new Set(claim.facts.map((fact) => fact.value));
  const rivalInSlot = (fact: Fact, bothSides: boolean): FactConflict[] => {
    const [before, after] = [slotSide(claim, fact, -1), slotSide(claim, fact, 1)];
    if (!before || (bothSides && !after)) return [];
    const fills = (other: Fact) => sameSide(before, slotSide(evidence, other, -1)) && (!after || sameSide(after, slotSide(evidence, other, 1)));
    if (evidence.facts.some((other) => other.value === fact.value && fills(other))) return [];
    const rival = evidence.facts.find((other) => other.kind === fact.kind && !claimed.has(other.value) && placeRelation(fact.text, other.text) === undefined && fills(other));
    return rival ? [{ claim: fact, evidence: rival }] : [];
  };
  return [...facts.supported.flatMap((fact) => rivalInSlot(fact, true)), ...facts.missing.flatMap((fact) => rivalInSlot(fact, false))];
}

interface SlotSide {
  term: string;
  /** The punctuation between the word and the value. */
  marks: string;
}

/** The content word beside a value on one side, with the punctuation between; undefined at the text's edge. */
function slotSide(text: AnalysedText, fact: Fact, step: -1 | 1): SlotSide | undefined {
  const token = text.tokens[step < 0 ? fact.first - 1 : fact.last + 1];
  if (!token) return undefined;
  const between = step < 0 ? text.text.slice(token.end, fact.start) : text.text.slice(fact.end, token.start);
  return { term: token.term, marks: between.replace(/[\p{L}\p{N}\s]/gu, '') };
}

const sameSide = (a: SlotSide, b: SlotSide | undefined) => b !== undefined && a.term === b.term && a.marks === b.marks;
