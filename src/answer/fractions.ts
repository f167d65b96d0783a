import type { AnalysedText, Fact } from '../match/facts.js';

/**
 * Fractions in words ("three-quarters", "a third", "half") and as signs ("⅓") are specifics too:
 * "a three-quarters majority" is not "a two-thirds majority", "a quarter of the profits" not "⅓".
 * The text analysis reads "third" as an ordinal and leaves it out of a question's facts, so fractions
 * are read here. A fraction of the question that the evidence states as another fraction or percentage,
 * and never as itself, is stated differently ("a third of classes" against "22 per cent of classes");
 * evidence with neither ("one in three") is left to the rest.
 */

const NUMERATORS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const DENOMINATORS: Record<string, number> = { half: 2, halves: 2, third: 3, quarter: 4, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const SIGNS: Record<string, number> = { '½': 1 / 2, '⅓': 1 / 3, '⅔': 2 / 3, '¼': 1 / 4, '¾': 3 / 4, '⅕': 1 / 5, '⅖': 2 / 5, '⅗': 3 / 5, '⅘': 4 / 5, '⅙': 1 / 6, '⅚': 5 / 6, '⅛': 1 / 8 };

/**
 * A denominator word after a numerator ("two-thirds", "a quarter") or before "of" ("third of apples");
 * "half" on its own. Not after "the" or an ordinal: "the third of May" is a date, "the second half" a period;
 * nor before a hyphen: "a half-minute advert" is a length, "his half-brother" kin.
 */
const IN_WORDS = /\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?(half|halves|(?:third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?)\b(?![-‐]\p{L})(?=(\s+of\b)?)/giu;

const PERIOD_BEFORE = /\b(?:the|first|second|last|latter|former|early|later)\s+$/i;

export interface Fraction {
  value: number;
  start: number;
  end: number;
}

/** The fractions a text states, in order. */
export function fractionsIn(text: string): Fraction[] {
  const found: Fraction[] = [];
  for (const match of text.matchAll(IN_WORDS)) {
    const [whole, numerator, word, of] = match as unknown as [string, string | undefined, string, string | undefined];
    const denominator = DENOMINATORS[word.toLowerCase().replace(/s$/, '')] ?? DENOMINATORS[word.toLowerCase()]!;
    const isHalf = denominator === 2;
    if (!numerator && (PERIOD_BEFORE.test(text.slice(0, match.index)) || (!of && !isHalf))) continue;
    found.push({ value: (numerator ? NUMERATORS[numerator.toLowerCase()]! : 1) / denominator, start: match.index, end: match.index + whole.length });
  }
  for (const match of text.matchAll(/[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛]/g)) found.push({ value: SIGNS[match[0]]!, start: match.index, end: match.index + 1 });
  return found.sort((a, b) => a.start - b.start);
}

const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** "22 per cent", "26.7%", "90 percent": a share written as a percentage. */
const PERCENTAGE = /(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b)/giu;

/**
 * How far a percentage may be from a fraction and still state it: a text rounds ("a third" is "33%",
 * "two-thirds" "65%", "nine-tenths" "nearly 90%"), but "22 per cent" is no third, nor "40%" a half.
 */
const PERCENTAGE_ROUNDING = 0.04;

/** The shares a text states as percentages, as fractions of one. */
const percentagesIn = (text: string): number[] => [...text.matchAll(PERCENTAGE)].map((match) => Number(match[1]) / 100);

/**
 * The question's fractions that the evidence states only as other fractions or percentages, each as a number fact
 * of the question (for the conflicts of specifics.ts): "three-quarters" against "a two-thirds majority vote".
 */
export function otherFractions(question: AnalysedText, evidence: AnalysedText): Fact[] {
  const asked = fractionsIn(question.text);
  if (asked.length === 0) return [];
  const stated = fractionsIn(evidence.text);
  const percentages = percentagesIn(evidence.text);
  if (stated.length === 0 && percentages.length === 0) return [];
  const statedAs = (fraction: Fraction) =>
    stated.some((other) => same(other.value, fraction.value)) || percentages.some((share) => Math.abs(share - fraction.value) <= PERCENTAGE_ROUNDING);
  return asked.filter((fraction) => !statedAs(fraction)).map((fraction) => asFact(fraction, question));
}

/** A fraction as a number fact of the text it is in, placed among its tokens. */
function asFact(fraction: Fraction, text: AnalysedText): Fact {
  const inside = text.tokens.map((token, i) => [token, i] as const).filter(([token]) => token.start >= fraction.start && token.end <= fraction.end);
  const first = inside[0]?.[1] ?? text.tokens.findIndex((token) => token.start >= fraction.end);
  const last = inside.at(-1)?.[1] ?? first;
  return { kind: 'number', value: String(fraction.value), text: text.text.slice(fraction.start, fraction.end), start: fraction.start, end: fraction.end, first, last, words: inside.map(([token]) => token) };
}
