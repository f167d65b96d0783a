import { isStopWord, tokenize, type Token } from './analyzer.js';

/**
 * The facts a paraphrase may not change: numbers (digits, number words, ordinals), months and
 * capitalised names. A claim whose date, count or country differs from its evidence must never
 * count as supported, however many of its other words the evidence shares.
 */

const NUMBER_WORDS: Record<string, string> = {
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17',
  eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60',
  seventy: '70', eighty: '80', ninety: '90', hundred: '100', thousand: '1000', dozen: '12',
};

const ORDINALS: Record<string, string> = {
  first: '1', second: '2', third: '3', fourth: '4', fifth: '5', sixth: '6', seventh: '7', eighth: '8', ninth: '9', tenth: '10',
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Month names that are also ordinary words: months only when written with a capital next to a number or mid-sentence. */
const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'august']);

const NUMBER = /\d+(?:[,.]\d+)*/g;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export interface KeyFacts {
  numbers: Set<string>;
  ordinals: Set<string>;
  months: Set<string>;
  /** Runs of adjacent capitalised content words ("Peacekeeping Affairs Center", "US"). */
  names: Token[][];
}

export interface FactsOptions {
  /** Whether a capitalised word at the very start of `text` is a name rather than a capital letter of grammar. */
  isNameAtStart?: (token: Token) => boolean;
}

const normalizeNumber = (raw: string) => raw.replace(/,/g, '').replace(/\.0+$/, '');

const isCapitalised = (text: string) => /^\p{Lu}/u.test(text);
const isAcronym = (text: string) => /^\p{Lu}{2,}$/u.test(text);

/** Index of the first letter or digit: where a sentence's grammatical capital is. */
function firstWordStart(text: string): number {
  const match = /[\p{L}\p{N}]/u.exec(text);
  return match ? match.index : -1;
}

export function keyFacts(text: string, options: FactsOptions = {}): KeyFacts {
  const numbers = new Set<string>();
  const ordinals = new Set<string>();
  for (const match of text.matchAll(NUMBER)) {
    // "21st", "3rd": ordinals written in digits.
    if (/^(?:st|nd|rd|th)\b/i.test(text.slice(match.index + match[0].length))) ordinals.add(normalizeNumber(match[0]));
    else numbers.add(normalizeNumber(match[0]));
  }
  const months = new Set<string>();
  const start = firstWordStart(text);
  for (const match of text.matchAll(WORD)) {
    const lower = match[0].toLowerCase();
    if (NUMBER_WORDS[lower]) numbers.add(NUMBER_WORDS[lower]);
    if (ORDINALS[lower]) ordinals.add(ORDINALS[lower]);
    if (MONTHS.includes(lower) && isCapitalised(match[0])) {
      const nextIsNumber = /^\s+\d/.test(text.slice(match.index + match[0].length));
      if (!AMBIGUOUS_MONTHS.has(lower) || nextIsNumber || match.index !== start) months.add(lower);
    }
  }
  const names: Token[][] = [];
  let run: Token[] = [];
  let previousEnd = -1;
  for (const token of tokenize(text)) {
    const lower = token.text.toLowerCase();
    const capitalised = isCapitalised(token.text) && !/\d/.test(token.text) && !MONTHS.includes(lower) && !NUMBER_WORDS[lower] && !ORDINALS[lower];
    const grammaticalCapital = token.start === start && !isAcronym(token.text) && !(options.isNameAtStart?.(token) ?? false);
    const isName = capitalised && !grammaticalCapital && (isAcronym(token.text) || !isStopWord(token.word));
    const adjacent = previousEnd >= 0 && /^[\s\-–]*$/.test(text.slice(previousEnd, token.start));
    if (isName && adjacent && run.length > 0) run.push(token);
    else if (isName) {
      if (run.length) names.push(run);
      run = [token];
    } else if (run.length) {
      names.push(run);
      run = [];
    }
    previousEnd = isName ? token.end : -1;
  }
  if (run.length) names.push(run);
  return { numbers, ordinals, months, names };
}

/** "China" ~ "Chinese", "Germany" ~ "German", "Vietnam" ~ "Vietnamese": a country and its adjective. */
function sameNameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const root = short.length > 4 ? short.replace(/[aeiouy]$/, '') : short;
  return root.length >= 4 && long.startsWith(root) && long.length - root.length <= 3;
}

export interface EvidenceFacts {
  facts: KeyFacts;
  /** Terms and lower-cased words of every token of the evidence. */
  terms: Set<string>;
  words: string[];
  acronyms: Set<string>;
  /** Initials of every run of capitalised words (and its sub-runs): "United States" → "US". */
  initials: Set<string>;
  /** Words of the evidence with two or more capitals ("UNPKOs", "UNHQ"). */
  compounds: string[];
}

export function evidenceFacts(text: string): EvidenceFacts {
  const tokens = tokenize(text);
  const initials = new Set<string>();
  const facts = keyFacts(text, { isNameAtStart: () => true });
  // Initials over the raw capitalised words (stop words such as "of" skipped, as in "UN" for "United Nations").
  const capitalisedRuns: string[][] = [];
  let current: string[] = [];
  for (const match of text.matchAll(WORD)) {
    if (isCapitalised(match[0])) current.push(match[0]);
    else if (!isStopWord(match[0].toLowerCase()) || current.length === 0) {
      if (current.length) capitalisedRuns.push(current);
      current = [];
    }
  }
  if (current.length) capitalisedRuns.push(current);
  for (const words of capitalisedRuns) {
    for (let i = 0; i < words.length; i++) {
      let acronym = '';
      for (let j = i; j < Math.min(words.length, i + 6); j++) {
        acronym += words[j]![0];
        if (j > i) initials.add(acronym.toUpperCase());
      }
    }
  }
  return {
    facts,
    terms: new Set(tokens.map((token) => token.term)),
    words: tokens.map((token) => token.word),
    acronyms: new Set(tokens.filter((token) => isAcronym(token.text)).map((token) => token.text)),
    initials,
    compounds: tokens.filter((token) => /\p{Lu}.*\p{Lu}/u.test(token.text)).map((token) => token.text),
  };
}

/** Evidence facts of `a` and `b` together (a sentence with its document's name, or two sentences). */
export function mergeFacts(a: EvidenceFacts, b: EvidenceFacts): EvidenceFacts {
  const union = <T>(x: Set<T>, y: Set<T>) => new Set([...x, ...y]);
  return {
    facts: {
      numbers: union(a.facts.numbers, b.facts.numbers),
      ordinals: union(a.facts.ordinals, b.facts.ordinals),
      months: union(a.facts.months, b.facts.months),
      names: [...a.facts.names, ...b.facts.names],
    },
    terms: union(a.terms, b.terms),
    words: [...a.words, ...b.words],
    acronyms: union(a.acronyms, b.acronyms),
    initials: union(a.initials, b.initials),
    compounds: [...a.compounds, ...b.compounds],
  };
}

function nameFound(name: Token[], evidence: EvidenceFacts): boolean {
  const wordFound = (token: Token) => evidence.terms.has(token.term) || evidence.words.some((word) => sameNameStem(token.word, word));
  if (name.every(wordFound)) return true;
  if (name.length === 1 && isAcronym(name[0]!.text)) {
    // "US" for "United States"; "UN" inside the corpus's own compounds ("UNPKOs", "UNHQ").
    const acronym = name[0]!.text;
    return evidence.initials.has(acronym) || evidence.compounds.some((word) => word.startsWith(acronym));
  }
  const initials = name.map((token) => token.text[0]).join('').toUpperCase();
  return name.length >= 2 && evidence.acronyms.has(initials);
}

export interface FactCheck {
  /** Facts of the claim missing from the evidence, as written in the claim. */
  missing: string[];
  total: number;
}

/** Which of the claim's numbers, months and names the evidence lacks. */
export function checkFacts(claim: KeyFacts, evidence: EvidenceFacts): FactCheck {
  const missing: string[] = [];
  for (const number of claim.numbers) if (!evidence.facts.numbers.has(number)) missing.push(number);
  for (const ordinal of claim.ordinals) if (!evidence.facts.ordinals.has(ordinal)) missing.push(`#${ordinal}`);
  for (const month of claim.months) if (!evidence.facts.months.has(month)) missing.push(month);
  for (const name of claim.names) if (!nameFound(name, evidence)) missing.push(name.map((token) => token.text).join(' '));
  return { missing, total: claim.numbers.size + claim.ordinals.size + claim.months.size + claim.names.length };
}
