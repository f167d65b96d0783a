import { blockBounds, firstBlockEndingAfter } from '../ingest/location.js';
import { headerRowOf } from '../ingest/tables.js';
import type { Block, BlockKind } from '../ingest/types.js';
import { isStopWord, normalizeWord, tokenize, type Token } from './analyzer.js';

export interface Span {
  start: number;
  end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** "1. ", "IV. ", "a) ": list and section markers that ICU reports as sentences of their own. */
const ENUMERATION_MARKER = /^(?:\d{1,3}|[ivxlcIVXLC]{1,6}|[a-zA-Z])[.)]$/;

/** "Alfred S." — a capitalised word and a middle initial: ICU ends a sentence at the initial's period. */
const ENDS_WITH_NAME_INITIAL = /(?:^|\s)\p{Lu}[\p{L}'’-]*\.?\s+\p{Lu}\.$/u;
/** "St. Kazimierz", "Dr. Frankenstein": titles that stand before a name (ICU, as V8 ships it, has no abbreviation list). */
const ENDS_WITH_TITLE = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Mt|Ft|Rev|Prof|Gen|Lt|Col|Capt|Sgt|Sen|Gov|Hon|Fr)\.$/;
/** "e.g. Warsaw": an example or a restatement follows, never a new sentence. */
const ENDS_WITH_FOR_EXAMPLE = /(?:^|[\s(])(?:e\.g|i\.e)\.$/;
/** "Regiment No. | 13": "No." before a number is the number sign. */
const ENDS_WITH_NUMBER_SIGN = /(?:^|\s)No\.$/;
const ENDS_WITH_INITIAL = /(?:^|\s)\p{Lu}\.$/u;
/** "S. Bach, …" or a lone "S.": a segment that starts with an initial continues a name ("J. S. Bach"). */
const STARTS_WITH_INITIAL = /^\p{Lu}\.(?:\s+\p{Lu}|$)/u;

/**
 * Whether ICU's boundary between `before` and `after` falls after an abbreviation rather than at a
 * sentence's end ("John C. | Messenger", "St. | Kazimierz", "e.g. | Warsaw"). A name follows an initial or
 * a title; a new sentence more often starts with a function word ("Appendix A. | The …").
 */
function splitsAbbreviation(before: string, after: string): boolean {
  if (STARTS_WITH_INITIAL.test(after)) return ENDS_WITH_INITIAL.test(before) || ENDS_WITH_TITLE.test(before);
  if (ENDS_WITH_FOR_EXAMPLE.test(before)) return true;
  if (ENDS_WITH_NUMBER_SIGN.test(before)) return /^\d/.test(after);
  const firstWord = /^[\p{L}'’-]+/u.exec(after)?.[0];
  if (firstWord === undefined || isStopWord(normalizeWord(firstWord))) return false;
  return ENDS_WITH_NAME_INITIAL.test(before) || ENDS_WITH_TITLE.test(before);
}

/**
 * Sentence spans of `text` (Unicode sentence boundaries, trimmed of surrounding white space),
 * with enumeration markers joined to the sentence they number and abbreviations (initials, titles) kept inside.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let pendingStart: number | undefined;
  let previous = '';
  for (const { segment, index } of segmenter.segment(text)) {
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed.length === 0) continue;
    const last = spans.at(-1);
    if (pendingStart === undefined && last && splitsAbbreviation(previous, trimmed)) {
      last.end = index + leading + trimmed.length;
      previous = text.slice(last.start, last.end);
      continue;
    }
    previous = trimmed;
    const start = pendingStart ?? index + leading;
    if (ENUMERATION_MARKER.test(trimmed)) {
      pendingStart = start;
      continue;
    }
    pendingStart = undefined;
    spans.push({ start, end: index + leading + trimmed.length });
  }
  if (pendingStart !== undefined) spans.push({ start: pendingStart, end: text.trimEnd().length });
  return spans;
}

/** What a unit of text is: a sentence of prose, or a block quoted whole. */
export type UnitKind = 'sentence' | 'heading' | 'code' | 'table-row';

export interface TokenizedSentence extends Span {
  source: string;
  kind: UnitKind;
  /** The index of its block in the document's structure. */
  block: number;
  /** The sentence's content tokens (see src/match/analyzer.ts), offsets relative to the sentence. */
  tokens: Token[];
}

/** The documents a SentenceIndex reads: citable texts and their blocks. */
export interface StructuredCorpus {
  sources: ReadonlyMap<string, { text: string; title: string; blocks: readonly Block[] }>;
}

const WHOLE_BLOCKS: Partial<Record<BlockKind, UnitKind>> = { heading: 'heading', code: 'code', 'table-row': 'table-row' };

/**
 * The units of text that answers quote and claims are checked against, cut from each document's
 * blocks: prose blocks into sentences (a line break inside a paragraph is a space, not a sentence
 * end), headings, code blocks and table rows whole. Computed lazily, one block at a time, so the work
 * of a question is bounded by the passages it reads, not by the size of the documents; shared by the
 * answerer and the citation checker.
 */
export class SentenceIndex {
  readonly #byBlock = new Map<string, TokenizedSentence[][]>();
  readonly #contexts = new Map<string, Token[]>();
  /** Per source, each table row's first row. */
  readonly #firstRows = new Map<string, Map<number, number>>();

  constructor(private readonly corpus: StructuredCorpus) {}

  #blocksOf(source: string): readonly Block[] {
    const document = this.corpus.sources.get(source);
    if (!document) return [];
    return document.blocks.length > 0 ? document.blocks : [{ kind: 'paragraph', start: 0, end: document.text.length, section: [] }];
  }

  #unitsOfBlock(source: string, index: number): TokenizedSentence[] {
    let cache = this.#byBlock.get(source);
    if (!cache) this.#byBlock.set(source, (cache = []));
    let units = cache[index];
    if (units) return units;
    const text = this.corpus.sources.get(source)?.text ?? '';
    const block = this.#blocksOf(source)[index]!;
    const whole = WHOLE_BLOCKS[block.kind];
    const spans = whole ? [{ start: block.start, end: block.end }] : sentenceSpans(text.slice(block.start, block.end).replace(/[\r\n]/g, ' ')).map((span) => ({ start: block.start + span.start, end: block.start + span.end }));
    units = spans.map((span) => ({ source, ...span, kind: whole ?? 'sentence', block: index, tokens: tokenize(text.slice(span.start, span.end)) }));
    cache[index] = units;
    return units;
  }

  /** The units that overlap `[start, end)` of `source`, in document order. */
  within(source: string, start: number, end: number): TokenizedSentence[] {
    const blocks = this.#blocksOf(source);
    const bounds = blockBounds(blocks);
    const count = blocks.length;
    const units: TokenizedSentence[] = [];
    for (let i = firstBlockEndingAfter(blocks, start); i < count && bounds.start(i) < end; i++) {
      for (const unit of this.#unitsOfBlock(source, i)) if (unit.end > start && unit.start < end) units.push(unit);
    }
    return units;
  }

  /** Every unit of `source` (none for an unknown source). */
  of(source: string): TokenizedSentence[] {
    return this.within(source, 0, Number.POSITIVE_INFINITY);
  }

  /** The block a unit belongs to. */
  blockOf(unit: Pick<TokenizedSentence, 'source' | 'block'>): Block | undefined {
    return this.#blocksOf(unit.source)[unit.block];
  }

  /**
   * The tokens of a unit's context: its document's title, the headings above it and, for a table's row, the
   * table's first row — its column names: "boolean | 1 byte | state of true or false" gives the storage size
   * of boolean only under "Name | Storage Size | Description".
   */
  contextOf(unit: Pick<TokenizedSentence, 'source' | 'block'>): Token[] {
    const block = this.blockOf(unit);
    const document = this.corpus.sources.get(unit.source);
    // Only a table's row has column names: the block is not read a second time for prose.
    const header = block?.kind === 'table-row' ? this.#tableHeaderOf(unit) : undefined;
    const parts = [document?.title ?? '', ...(block?.section ?? []), ...(header ? [document!.text.slice(header.start, header.end)] : [])];
    const key = `${unit.source}\0${parts.join('\0')}`;
    let tokens = this.#contexts.get(key);
    if (!tokens) this.#contexts.set(key, (tokens = tokenize([...new Set(parts)].join(' \n '))));
    return tokens;
  }

  /** The column names of a table's later row (its table's first row, as written); undefined for any other unit. */
  columnsOf(unit: Pick<TokenizedSentence, 'source' | 'block' | 'kind'>): string | undefined {
    const header = unit.kind === 'table-row' ? this.#tableHeaderOf(unit) : undefined;
    return header && this.corpus.sources.get(unit.source)!.text.slice(header.start, header.end);
  }

  /** The first row of the table a row belongs to, when it is another row (see ingest/tables.ts). */
  #tableHeaderOf(unit: Pick<TokenizedSentence, 'source' | 'block'>): Block | undefined {
    const blocks = this.#blocksOf(unit.source);
    let remembered = this.#firstRows.get(unit.source);
    if (!remembered) this.#firstRows.set(unit.source, (remembered = new Map()));
    const header = headerRowOf(blocks, unit.block, remembered);
    return header === undefined ? undefined : blocks[header];
  }
}
