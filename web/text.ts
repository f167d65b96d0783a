import { markerRuns } from '../src/answer/markers.js';
import { MAX_HISTORY_TURNS, MAX_TURN_CHARS } from '../src/server/limits.js';
import type { ChatTurn, Citation } from './protocol.js';
import type { Conversation } from './store.js';

/** Pure text helpers of the chat core: no DOM, so they are unit-tested in Node. */

/** The web client also keeps its whole history well under the server's default 64 KiB body limit. */
export const MAX_HISTORY_CHARS = 32_000;

/** Where a citation sits in its document: its section path and, for PDFs, its page. */
export function citationPlace(citation: Pick<Citation, 'section' | 'page'>): string {
  return [citation.section.join(' › '), citation.page ? `page ${citation.page}` : ''].filter(Boolean).join(' · ');
}

const NOT_FOUND_PREFIX = /^\s*not found in the documents\s*[:.–—-]?\s*/i;

/** The explanation of a declined answer, without the "Not found in the documents" the UI shows as its heading. */
export function declinedReason(answer: string): string {
  const rest = answer.replace(NOT_FOUND_PREFIX, '').trim();
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : 'None of the indexed passages answers this question.';
}

/** The answer as a screen reader should hear it: without the [n] markers. */
export const spokenAnswer = (answer: string) => answer.replace(markerRuns(), '').trim();

/** One citation in Markdown: where it is, then its quote as a block quote. */
export function citationMarkdown(citation: Citation): string {
  const place = citationPlace(citation);
  const quote = citation.quote.split('\n').map((line) => `> ${line}`.trimEnd());
  return [`[${citation.n}] \`${citation.source}\`${place ? ` · ${place}` : ''} · characters ${citation.start}–${citation.end}`, ...quote].join('\n');
}

/** What "Copy answer" puts on the clipboard: the answer, then each citation with its source, place, offsets and quote. */
export function answerWithCitations(answer: string, citations: readonly Citation[]): string {
  if (citations.length === 0) return answer;
  return `${answer}\n\nSources:\n\n${citations.map(citationMarkdown).join('\n\n')}`;
}

/** A conversation as a Markdown file: each question, its answer, and the answer's citations. */
export function conversationMarkdown(conversation: Conversation, exportedAt = new Date()): string {
  const parts = [`# ${conversation.title}`, `_Exported from Docent on ${exportedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC._`];
  for (const turn of conversation.turns) {
    parts.push(`## ${turn.question.replace(/\s+/g, ' ')}`);
    const result = turn.result;
    if (!result) parts.push(`_No answer: ${turn.error ?? 'interrupted'}._`);
    else if (!result.answerable) parts.push(`**Not found in the documents.** ${declinedReason(result.answer)}`);
    else parts.push(answerWithCitations(result.answer, result.citations));
  }
  return `${parts.join('\n\n')}\n`;
}

/** A file name for an exported conversation. */
export function exportFileName(conversation: Conversation): string {
  const slug = conversation.title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 50);
  return `docent-${slug || 'conversation'}.md`;
}

/** A conversation's title: its first question, on one line, shortened at a word. */
export function conversationTitle(question: string, max = 60): string {
  const line = question.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : max)}…`;
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
