/**
 * Numbers as written in English text, numerals and words alike: "20", "twenty", "a dozen",
 * "one hundred", "eighty-six", "2.5 million", "21st", "third". Each mention gets one canonical
 * value, so "twenty" and "20" are the same number to every matcher.
 */

export interface NumberMention {
  /** Canonical decimal form: "20", "1500000", "15.5". */
  value: string;
  /** Written as an ordinal ("third", "21st"). */
  ordinal: boolean;
  /** Written only in digits, so it may be a year. */
  digits: boolean;
  start: number;
  end: number;
}

/** A word table without a prototype, so `in` and lookups never find "constructor" or "toString" (real words of real documents). */
const wordTable = (entries: Record<string, number>): Readonly<Record<string, number>> => Object.setPrototypeOf(entries, null) as Record<string, number>;

const UNITS = wordTable({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
const TENS = wordTable({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
const SCALES = wordTable({ hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 });
const ORDINALS = wordTable({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
});

/** "one" alone is as often a pronoun ("one of the…") as a count, and "a" alone is an article: they count only inside a longer number. */
const WEAK = new Set(['one', 'a', 'an']);

const canonical = (value: number) => String(Number(value.toFixed(6)));

/** The value of a run of number words ("two hundred and fifty", "a dozen", "eighty-six"), or undefined. */
function wordsValue(words: string[]): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const raw of words) {
    for (const word of raw.toLowerCase().split('-')) {
      if (word === 'a' || word === 'an') current = Math.max(current, 1);
      else if (word in UNITS) current += UNITS[word]!;
      else if (word in TENS) current += TENS[word]!;
      else if (word === 'dozen' || word === 'dozens') current = Math.max(current, 1) * 12;
      else if (word === 'hundred') current = Math.max(current, 1) * 100;
      else if (word in SCALES) {
        total += Math.max(current, 1) * SCALES[word]!;
        current = 0;
      } else return undefined;
      if (word !== 'a' && word !== 'an') seen = true;
    }
  }
  return seen ? total + current : undefined;
}

/** A cheap first look: most sentences hold no number at all. */
const MAY_HOLD_NUMBER = new RegExp(`\\d|\\b(?:${[...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), ...Object.keys(ORDINALS), 'dozen'].join('|')})`, 'i');

const isNumberWord = (word: string) => word.split('-').every((part) => part in UNITS || part in TENS || part in SCALES || part === 'dozen' || part === 'dozens');

/**
 * Whether `wordMentions` can find anything: every mention holds a number or ordinal word between
 * non-letters (its word pattern's bounds; `\b` would miss "one" in "1one"). Digits let most texts of
 * technical documents past MAY_HOLD_NUMBER, and listing their every word cost more than the rest of
 * their analysis (BENCHMARKS.md, "Session build10u").
 */
const MAY_HOLD_NUMBER_WORD = new RegExp(`(?<![A-Za-z])(?:${[...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), ...Object.keys(ORDINALS), 'dozens?'].join('|')})(?![A-Za-z])`, 'i');

/** Runs of number words: "two hundred and fifty", "a dozen", "eighty-six"; ordinal words on their own. */
function wordMentions(text: string): NumberMention[] {
  if (!MAY_HOLD_NUMBER_WORD.test(text)) return [];
  const words = [...text.matchAll(/[A-Za-z]+(?:-[A-Za-z]+)*/g)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const mentions: NumberMention[] = [];
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    const ordinal = ORDINALS[first.word];
    if (ordinal !== undefined) {
      mentions.push({ value: String(ordinal), ordinal: true, digits: false, start: first.start, end: first.end });
      continue;
    }
    const article = (first.word === 'a' || first.word === 'an') && words[i + 1] !== undefined && /^(?:hundred|thousand|million|billion|dozen)$/.test(words[i + 1]!.word);
    if (!isNumberWord(first.word) && !article) continue;
    let j = i + 1;
    for (; j < words.length; j++) {
      const gap = text.slice(words[j - 1]!.end, words[j]!.start);
      const next = words[j]!.word;
      if (next === 'and' && /^\s+$/.test(gap) && /hundred|thousand|million|billion/.test(words[j - 1]!.word) && words[j + 1] && isNumberWord(words[j + 1]!.word)) continue;
      if (!/^\s+$|^-$/.test(gap.replace(/^\s+and\s+$/, ' ')) || !isNumberWord(next)) break;
    }
    const run = words.slice(i, j).filter((w) => w.word !== 'and');
    i = j - 1;
    if (run.length === 1 && WEAK.has(run[0]!.word)) continue;
    const value = wordsValue(run.map((w) => w.word));
    if (value !== undefined) mentions.push({ value: canonical(value), ordinal: false, digits: false, start: run[0]!.start, end: run.at(-1)!.end });
  }
  return mentions;
}

const DIGITS = /\d+(?:,\d{3})*(?:\.\d+)?/g;

function digitMentions(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const match of text.matchAll(DIGITS)) {
    // Inside a word ("COVID19", "B2B") or a version ("3.1.4") a digit run is not a quantity of its own.
    if (/[\p{L}]/u.test(text[match.index - 1] ?? '') && !/[-–]/.test(text[match.index - 1] ?? '')) continue;
    let value = Number(match[0].replace(/,/g, ''));
    let end = match.index + match[0].length;
    const after = text.slice(end);
    const ordinal = /^(?:st|nd|rd|th)\b/i.exec(after);
    const scale = /^\s+(hundred|thousand|million|billion|trillion)\b/i.exec(after);
    if (ordinal) end += ordinal[0].length;
    else if (scale) {
      value *= SCALES[scale[1]!.toLowerCase()]!;
      end += scale[0].length;
    }
    mentions.push({ value: canonical(value), ordinal: Boolean(ordinal), digits: !scale, start: match.index, end });
  }
  return mentions;
}

/** Every number mentioned in `text`, in order. */
export function numberMentions(text: string): NumberMention[] {
  if (!MAY_HOLD_NUMBER.test(text)) return [];
  const digits = digitMentions(text);
  // "2.5 million": the scale word already belongs to the digits before it.
  const words = wordMentions(text).filter((word) => !digits.some((digit) => word.start < digit.end && digit.start < word.end));
  return [...digits, ...words].sort((a, b) => a.start - b.start);
}

/** The canonical value of a single word, when it is a number by itself ("twenty" → "20", "dozen" → "12"). */
export function numberWordValue(word: string): string | undefined {
  if (WEAK.has(word)) return undefined;
  const value = wordsValue([word]);
  return value === undefined ? undefined : canonical(value);
}
