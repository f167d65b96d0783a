import type { ChatTurn, Citation } from './protocol.js';
import { MAX_HISTORY_CHARS, MAX_HISTORY_TURNS, MAX_TURN_CHARS } from './protocol.js';

/** Pure text helpers of the chat core: no DOM, so they are unit-tested in Node. */

export type AnswerSegment = { text: string } | { marker: number; citation?: Citation };

const MARKER = /\[(\d+)\]/g;

/**
 * Splits an answer into text and `[n]` markers. Markers are located by their citation
 * (`quote [n]`), so a `[2]` that is part of quoted corpus text stays text; markers of citations
 * not found that way, and all markers while the answer is still streaming (no citations yet),
 * are found by pattern.
 */
export function segmentAnswer(answer: string, citations: readonly Citation[] = []): AnswerSegment[] {
  const byN = new Map(citations.map((citation) => [citation.n, citation]));
  const found: { at: number; length: number; n: number }[] = [];
  let cursor = 0;
  for (const citation of citations) {
    const needle = `${citation.quote} [${citation.n}]`;
    const at = answer.indexOf(needle, cursor);
    if (at === -1) continue;
    const markerAt = at + citation.quote.length + 1;
    found.push({ at: markerAt, length: `[${citation.n}]`.length, n: citation.n });
    cursor = markerAt;
  }
  const located = new Set(found.map((marker) => marker.n));
  for (const match of answer.matchAll(MARKER)) {
    const n = Number(match[1]);
    if (located.has(n) || (citations.length > 0 && !byN.has(n))) continue;
    const at = match.index;
    if (found.some((marker) => at < marker.at + marker.length && marker.at < at + match[0].length)) continue;
    // A pattern match inside a located quote is corpus text, not a marker.
    if (citations.length > 0 && insideQuote(answer, at, citations)) continue;
    found.push({ at, length: match[0].length, n });
  }
  found.sort((a, b) => a.at - b.at);
  const segments: AnswerSegment[] = [];
  let last = 0;
  for (const marker of found) {
    if (marker.at > last) segments.push({ text: answer.slice(last, marker.at) });
    const citation = byN.get(marker.n);
    segments.push(citation ? { marker: marker.n, citation } : { marker: marker.n });
    last = marker.at + marker.length;
  }
  if (last < answer.length) segments.push({ text: answer.slice(last) });
  return segments;
}

function insideQuote(answer: string, at: number, citations: readonly Citation[]): boolean {
  return citations.some((citation) => {
    const start = answer.indexOf(`${citation.quote} [${citation.n}]`);
    return start !== -1 && at >= start && at < start + citation.quote.length;
  });
}

/** The source text around a citation: `mark` is exactly `text.slice(start, end)`. */
export function highlightParts(text: string, start: number, end: number): { before: string; mark: string; after: string } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { before: text.slice(0, from), mark: text.slice(from, to), after: text.slice(to) };
}

const NOT_FOUND_PREFIX = /^\s*not found in the documents\s*[:.–—-]?\s*/i;

/** The explanation of a declined answer, without the "Not found in the documents" the UI shows as its heading. */
export function declinedReason(answer: string): string {
  const rest = answer.replace(NOT_FOUND_PREFIX, '').trim();
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : 'None of the indexed passages answers this question.';
}

/** What "Copy answer" puts on the clipboard: the answer, then each citation with its source, offsets and quote. */
export function answerWithCitations(answer: string, citations: readonly Citation[]): string {
  if (citations.length === 0) return answer;
  const sources = citations.map((c) => `[${c.n}] ${c.source}, characters ${c.start}–${c.end}: “${c.quote}”`);
  return `${answer}\n\nSources:\n${sources.join('\n')}`;
}

/** The history sent with a follow-up: the latest turns that fit the server's limits (turns, characters per turn, total size). */
export function boundedHistory(turns: readonly ChatTurn[]): ChatTurn[] {
  const kept: ChatTurn[] = [];
  let total = 0;
  for (const turn of turns.slice(-MAX_HISTORY_TURNS).reverse()) {
    const content = turn.content.slice(0, MAX_TURN_CHARS);
    if (total + content.length > MAX_HISTORY_CHARS) break;
    total += content.length;
    kept.unshift({ role: turn.role, content });
  }
  return kept;
}
