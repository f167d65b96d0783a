import { tokenize, type Token } from '../match/analyzer.js';
import type { CorpusIndex } from '../index/store.js';
import type { SpanRef } from './types.js';

/** What the checker reads of the documents: cited spans cut into sentence units (and adjacent pairs). */
export interface Unit extends SpanRef {
  tokens: Token[];
  /** The two sentences of an adjacent pair. */
  parts?: [Unit, Unit];
}

/** A sentence that opens by pointing back ("That same year, …", "Shortly after he arrived, …") continues the one before it. */
export const BACK_REFERENCE = /^(?:that|this|these|those|they|it|its|he|she|his|her|their|there|then|here|such|the same|the two|both|shortly|soon|later|afterwards?|meanwhile|the following|the next|at the time|at that time)\b|^(?:\S+\s+){0,3}(?:he|she|they|it|his|her|their|its)\b/i;

/**
 * A manual's version note ("New in version 3.9.", "Changed in version 3.5: …") is said of the entry it closes, whose
 * signature ("keyword.issoftkeyword(s)", "class tempfile.TemporaryDirectory(…)") stands a sentence or two before it.
 */
export const VERSION_NOTE = /^(?:New|Changed|Added|Deprecated|Removed) (?:in|since) version \d/;
const SIGNATURE = /^(?:class |@)?[\p{L}_][\w.]*(?:\.[\w]+|\(.*\))$/su;
/** How many sentences before its note an entry's signature may stand. */
const ENTRY_REACH = 3;

/** For each version note among `sentences`, the sentences from its entry's signature to it, joined into one unit. */
export function notesWithTheirEntries(sentences: readonly Unit[], text: (unit: Unit) => string): Unit[] {
  return sentences.flatMap((note, i) => {
    if (!VERSION_NOTE.test(text(note))) return [];
    // The signature right before the note makes an adjacent pair already.
    if (i > 0 && SIGNATURE.test(text(sentences[i - 1]!))) return [];
    for (let from = i - 2; from >= Math.max(0, i - ENTRY_REACH); from--) {
      if (SIGNATURE.test(text(sentences[from]!))) return [sentences.slice(from + 1, i + 1).reduce(joinUnits, sentences[from]!)];
    }
    return [];
  });
}

/** Whether `unit` runs from an entry's signature to its version note: read whole, as a single sentence is. */
export function isEntryWithNote(unit: Unit, text: (unit: Unit) => string): boolean {
  if (!unit.parts || !VERSION_NOTE.test(text(unit.parts[1]))) return false;
  let first = unit.parts[0];
  while (first.parts) first = first.parts[0];
  return SIGNATURE.test(text(first));
}

/** A cited span longer than this is not read whole: only its chunks that BM25 ranks best for the claim. */
const MAX_SPAN_CHARS = 8_000;
const MAX_PARTS = 6;

export function joinUnits(a: Unit, b: Unit): Unit {
  return { source: a.source, start: a.start, end: b.end, tokens: [...a.tokens, ...b.tokens], parts: [a, b] };
}

/** The part of `unit` inside `span`, trimmed of white space; undefined when nothing is left. */
export function clip(unit: Unit, span: SpanRef, text: string): Unit | undefined {
  if (unit.start >= span.start && unit.end <= span.end && unit.tokens.length > 0) return unit;
  let start = Math.max(unit.start, span.start);
  let end = Math.min(unit.end, span.end);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return undefined;
  return { source: unit.source, start, end, tokens: tokenize(text.slice(start, end)) };
}

/**
 * What to read of each span, with the work bounded whatever their length (issue 11): duplicates
 * once, and a span longer than MAX_SPAN_CHARS only where its chunks best match the claim (found by
 * BM25, so not even finding them reads the span), so citing a whole 1 MB document costs what
 * citing a paragraph does.
 */
export function partsToRead(index: CorpusIndex, claim: string, spans: readonly SpanRef[]): Array<{ span: SpanRef; read: SpanRef }> {
  const unique = [...new Map(spans.map((span) => [`${span.source}#${span.start}-${span.end}`, span])).values()];
  return unique.flatMap((span) => {
    if (span.end - span.start <= MAX_SPAN_CHARS) return [{ span, read: span }];
    const inside = (id: string) => {
      const chunk = index.chunkById.get(id);
      return chunk !== undefined && chunk.source === span.source && chunk.start < span.end && chunk.end > span.start;
    };
    const chunks = index.lexical.search(claim, MAX_PARTS, inside).map((hit) => index.chunkById.get(hit.id)!);
    if (chunks.length === 0) return [{ span, read: { ...span, end: span.start + MAX_SPAN_CHARS } }];
    return chunks.map((chunk) => ({ span, read: { source: span.source, start: Math.max(span.start, chunk.start), end: Math.min(span.end, chunk.end) } }));
  });
}
