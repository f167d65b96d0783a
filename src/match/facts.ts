import { firstTagOf } from './word-tags.js';
import { isStopWord, tokenize, type Token } from './analyzer.js';
import { numberMentions } from './numbers.js';

/**
 * The facts a paraphrase may not change: numbers (digits or words), years, months, ordinals and
 * capitalised names, each with where it sits among the text's content words. A claim's 2016
 * counts only against the evidence's years in the same context ("February 2016" against
 * "February 2014"), never against a 2016 elsewhere in the sentence.
 */

export type FactKind = 'number' | 'year' | 'month' | 'ordinal' | 'name';

export interface Fact {
  kind: FactKind;
  /** Canonical value: "90", "2014", "april", "#2"; for names the lower-cased words. */
  value: string;
  /** As written. */
  text: string;
  start: number;
  end: number;
  /** Indexes of its first and last content token in the analysed text's tokens. */
  first: number;
  last: number;
  /** A name's tokens. */
  words: Token[];
}

export interface AnalysedText {
  text: string;
  tokens: Token[];
  facts: Fact[];
}

export interface AnalyseOptions {
  /** Whether a capitalised word that opens a sentence is a name ("China held…") rather than grammar ("Since…"). */
  isNameAtStart?: (token: Token) => boolean;
}

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Month names that are also ordinary words: months only next to a number or mid-sentence with a capital. */
const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'august']);

const isCapitalised = (text: string) => /^\p{Lu}/u.test(text);
export const isAcronym = (text: string) => /^\p{Lu}{2,}s?$/u.test(text) && /\p{Lu}{2}/u.test(text);

/** Starts of sentences inside `text`: where a capital letter is grammar, not a name. */
function sentenceStarts(text: string): Set<number> {
  const starts = new Set<number>();
  const first = /[\p{L}\p{N}]/u.exec(text);
  if (first) starts.add(first.index);
  for (const match of text.matchAll(/[.!?:]["'”’)]*\s+["'“‘(]*(?=[\p{L}\p{N}])|\n\s*/gu)) starts.add(match.index + match[0].length);
  return starts;
}

const isPluralNoun = (word: string | undefined) => word !== undefined && (firstTagOf(word) === 'NNS' || firstTagOf(word) === 'NNPS');

/**
 * Whether `digits` name a year: a bare four-digit number in the range of dates, unless the plural noun right after it
 * says it counts something ("2000 soldiers"). `next`: the normalised word that follows it (at most two characters on).
 */
export const isYear = (digits: string, next: string | undefined) => /^\d{4}$/.test(digits) && Number(digits) >= 1000 && Number(digits) <= 2099 && !isPluralNoun(next);

function numberFact(token: Token, index: number, tokens: Token[], text: string): Fact | undefined {
  const mention = numberMentions(token.text)[0];
  if (!mention || mention.ordinal || !/^\d/.test(token.word)) return undefined;
  const value = token.word;
  const next = tokens[index + 1];
  const kind: FactKind = mention.digits && isYear(token.text, next && next.start - token.end < 3 ? next.word : undefined) ? 'year' : 'number';
  return { kind, value, text: text.slice(token.start, token.end), start: token.start, end: token.end, first: index, last: index, words: [token] };
}

function ordinalFacts(text: string, tokens: Token[]): Fact[] {
  const facts: Fact[] = [];
  for (const mention of numberMentions(text)) {
    if (!mention.ordinal) continue;
    const index = tokens.findIndex((token) => token.start === mention.start);
    if (index === -1) continue;
    facts.push({ kind: 'ordinal', value: `#${mention.value}`, text: text.slice(mention.start, mention.end), start: mention.start, end: mention.end, first: index, last: index, words: [tokens[index]!] });
  }
  return facts;
}

/** Numbers, years, months, ordinals and names of `text`, with its content tokens. */
export function analyse(text: string, options: AnalyseOptions = {}): AnalysedText {
  const tokens = tokenize(text);
  const starts = sentenceStarts(text);
  const facts: Fact[] = ordinalFacts(text, tokens);
  let run: number[] = [];
  const closeRun = () => {
    if (run.length) {
      const words = run.map((i) => tokens[i]!);
      facts.push({
        kind: 'name',
        value: words.map((token) => token.word).join(' '),
        text: text.slice(words[0]!.start, words.at(-1)!.end),
        start: words[0]!.start,
        end: words.at(-1)!.end,
        first: run[0]!,
        last: run.at(-1)!,
        words,
      });
    }
    run = [];
  };
  tokens.forEach((token, i) => {
    const number = numberFact(token, i, tokens, text);
    if (number) {
      closeRun();
      facts.push(number);
      return;
    }
    const lower = token.word;
    if (MONTHS.includes(lower) && isCapitalised(token.text)) {
      const nextIsNumber = /^\s+\d/.test(text.slice(token.end)) || /\d\s+$/.test(text.slice(0, token.start));
      if (!AMBIGUOUS_MONTHS.has(lower) || nextIsNumber || !starts.has(token.start)) {
        closeRun();
        facts.push({ kind: 'month', value: lower, text: token.text, start: token.start, end: token.end, first: i, last: i, words: [token] });
        return;
      }
    }
    const grammatical = starts.has(token.start) && !isAcronym(token.text) && !(options.isNameAtStart?.(token) ?? false);
    const isName = isCapitalised(token.text) && !grammatical && !facts.some((fact) => fact.first === i) && (isAcronym(token.text) || !isStopWord(lower));
    const previous = tokens[i - 1];
    // Hyphens separate names ("China-US" is two); only spaces join words into one name.
    const adjacent = previous !== undefined && run.at(-1) === i - 1 && /^\s+$/.test(text.slice(previous.end, token.start));
    if (!isName) return closeRun();
    if (!adjacent) closeRun();
    run.push(i);
  });
  closeRun();
  facts.sort((a, b) => a.first - b.first);
  return { text, tokens, facts };
}

/** The fact kinds that can stand in for one another. */
export const comparable = (a: Fact, b: Fact) => a.kind === b.kind;
