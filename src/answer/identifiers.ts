import type { Token } from '../match/analyzer.js';
import type { Fact } from '../match/facts.js';
import { isOrdinaryWord } from '../match/word-tags.js';

/**
 * Identifiers of code and configuration, written as one word: dotted (`os.path.join`, `Foo::bar`), with
 * underscores (`autovacuum_work_mem`, `Z_BEST_SPEED`), camel-cased (`getElementById`), or a command's long
 * option (`--timeout`). The tokenizer splits them into their parts, but a manual's reader asks about the
 * whole: "the default of autovacuum_work_mem" is not answered by a sentence about autovacuum workers.
 */
const IDENTIFIER = /(?<![\p{L}\p{N}_.-])(?:--\p{L}[\p{L}\p{N}_-]*|[\p{L}_][\p{L}\p{N}_]*(?:(?:\.|::)[\p{L}_][\p{L}\p{N}_]*)+|[\p{L}\p{N}]*_[\p{L}\p{N}_]*|\p{Ll}+\p{Lu}[\p{L}\p{N}]*)/gu;

/** A name called as a function: "unhex()", "hex(X)" (no space before the parenthesis: "NATO (the alliance)" is prose). */
const CALLED = /(?<![\p{L}\p{N}_.-])[\p{L}_][\p{L}\p{N}_]*(?=\([^()]{0,40}\))/gu;
/** A word a question names by its kind: "the tinyint type", "the unhex function", "the WAL2 journal mode" is not. */
const NAMED_BY_KIND =
  /(?<=\b(?:the|a|an)\s+)[\p{L}][\p{L}\p{N}]*(?=\s+(?:functions?|types?|data\s+types?|pragmas?|options?|settings?|parameters?|commands?|modules?|methods?|keywords?|flags?|operators?|statements?|clauses?|macros?|modifiers?|extensions?)\b)/giu;

/** "e.g", "U.S": dotted abbreviations, each part a single letter, are no identifiers. */
const isAbbreviation = (identifier: string) => identifier.split(/\.|::/).every((part) => part.length <= 1);

/** The identifiers of `text`, each as a name fact of the tokens (of `tokenize(text)`) inside it. */
export function identifierFacts(text: string, tokens: Token[]): Fact[] {
  const facts: Fact[] = [];
  // A word named by its kind is a code word only when English does not have it ("the round function" is prose).
  const named = [...text.matchAll(NAMED_BY_KIND)].filter((match) => !isOrdinaryWord(match[0].toLowerCase()));
  const matches = [...text.matchAll(IDENTIFIER), ...text.matchAll(CALLED), ...named].sort((a, b) => a.index - b.index);
  for (const match of matches) {
    if (facts.some((fact) => fact.start <= match.index && match.index < fact.end)) continue;
    if (isAbbreviation(match[0]) || !/\p{L}[\p{L}\p{N}]/u.test(match[0])) continue;
    const end = match.index + match[0].length;
    const inside = tokens.flatMap((token, i) => (token.start >= match.index && token.end <= end ? [i] : []));
    if (inside.length === 0) continue;
    const words = inside.map((i) => tokens[i]!);
    facts.push({ kind: 'name', value: words.map((token) => token.word).join(' '), text: match[0], start: match.index, end, first: inside[0]!, last: inside.at(-1)!, words });
  }
  return facts;
}

/**
 * A test of whether a text writes `word` as a whole word (not inside "clock_seq_low" for "clock_seq"), in any case:
 * SQL's COALESCE is asked about as "coalesce". A case-insensitive search, not a lower-cased copy: a manual of 20 MB
 * would be copied for every question naming an identifier.
 */
function wordWriter(word: string): (text: string) => boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, 'iu');
  return (text) => pattern.test(text);
}

/**
 * A test of whether a text writes an identifier: whole, or, for a qualified one, each of its parts — a manual writes
 * "formatyear(theyear, width=3)" under "class calendar.HTMLCalendar", and a reader asks about "HTMLCalendar.formatyear".
 */
export function identifierWriter(identifier: string): (text: string) => boolean {
  const whole = wordWriter(identifier);
  const parts = identifier.split(/\.|::/);
  const each = parts.length > 1 ? parts.map(wordWriter) : [];
  return (text) => whole(text) || (each.length > 0 && each.every((writes) => writes(text)));
}

export const writesIdentifier = (text: string, identifier: string) => identifierWriter(identifier)(text);

/** Whether a document of `documents` writes an identifier, each pair searched once (a question's candidates of one document share it). */
export function writtenIn(documents: ReadonlyMap<string, string>): (source: string, identifier: string) => boolean {
  const found = new Map<string, boolean>();
  return (source, identifier) => {
    const key = `${source}\0${identifier}`;
    let written = found.get(key);
    if (written === undefined) found.set(key, (written = writesIdentifier(documents.get(source) ?? '', identifier)));
    return written;
  };
}
