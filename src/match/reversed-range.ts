import { normalizeWord, termOf } from './analyzer.js';
import type { AntonymPair, WordAt } from './antonyms.js';

/**
 * A direction stated the other way round: "from right to left" against "from left to right", "from Paris
 * to London" against "from London to Paris". Both words are in both texts, so neither is an antonym the
 * evidence states instead (antonyms.ts); the order is what differs, and it is the opposite statement.
 */

const FROM_TO = /\bfrom\s+(?:the\s+)?(\p{L}[\p{L}'’-]*)\s+to\s+(?:the\s+)?(\p{L}[\p{L}'’-]*)/giu;

interface Range {
  from: WordAt;
  to: WordAt;
}

const wordAt = (text: string, start: number): WordAt => ({ text, term: termOf(normalizeWord(text)), start, end: start + text.length });

function ranges(text: string): Range[] {
  return [...text.matchAll(FROM_TO)].map((match) => {
    const fromAt = match.index + match[0].indexOf(match[1]!, 4);
    const toAt = match.index + match[0].lastIndexOf(match[2]!);
    return { from: wordAt(match[1]!, fromAt), to: wordAt(match[2]!, toAt) };
  });
}

/** The claim's "from A to B" that the evidence states only as "from B to A", each as the claim's first word against the evidence's. */
export function reversedRanges(claim: string, evidence: string): AntonymPair[] {
  const ours = ranges(claim).filter((range) => range.from.term !== range.to.term);
  // Most claims state no direction: the evidence is not read.
  if (ours.length === 0) return [];
  const theirs = ranges(evidence);
  return ours.flatMap((own) => {
    const same = (other: Range) => other.from.term === own.from.term && other.to.term === own.to.term;
    const reversed = theirs.find((other) => other.from.term === own.to.term && other.to.term === own.from.term);
    return reversed && !theirs.some(same) ? [{ claim: own.from, evidence: reversed.from }] : [];
  });
}
