import type { z } from '@hono/zod-openapi';
import type { AskResponseSchema, SearchResponseSchema, VerifyResponseSchema } from '../server/schemas.js';
import type { SourceSlice } from './schemas.js';

/**
 * Plain-text renderings of tool results, for the model behind an MCP client: many clients show it
 * only the text content, so every citation keeps its source, offsets and exact quote here too
 * (the same values as in the structured content).
 */

interface Located {
  source: string;
  start: number;
  end: number;
  section: readonly string[];
  page?: number;
}

export function where({ source, start, end, section, page }: Located): string {
  const parts = [source];
  if (section.length > 0) parts.push(`§ ${section.join(' › ')}`);
  if (page !== undefined) parts.push(`p. ${page}`);
  parts.push(`chars ${start}–${end}`);
  return parts.join(', ');
}

const quoted = (text: string) => JSON.stringify(text);

export function renderSearch({ results }: z.infer<typeof SearchResponseSchema>): string {
  if (results.length === 0) return 'No passages found.';
  return results.map((passage, i) => `${i + 1}. ${where(passage)} (score ${passage.score.toFixed(3)})\n${passage.text}`).join('\n\n');
}

export function renderAnswer(result: z.infer<typeof AskResponseSchema>): string {
  if (!result.answerable || result.citations.length === 0) return result.answer;
  const citations = result.citations.map((citation) => `[${citation.n}] ${where(citation)}: ${quoted(citation.quote)}`);
  const flagged = result.verification?.sentences.filter((sentence) => sentence.flagged).length ?? 0;
  const warning = flagged > 0 ? [`\nThe citation checker flagged ${flagged} sentence(s) as not supported by their citations.`] : [];
  return [result.answer, '', 'Citations:', ...citations, ...warning].join('\n');
}

export function renderVerdict(result: z.infer<typeof VerifyResponseSchema>): string {
  const lines = [`Verdict: ${result.verdict} (score ${result.score.toFixed(2)})`];
  for (const conflict of result.conflicts ?? []) lines.push(`The claim says ${quoted(conflict.claim)}; ${conflict.source} ${conflict.start}–${conflict.end} says ${quoted(conflict.evidence)}`);
  if (result.missing?.length) lines.push(`Not stated in the evidence: ${result.missing.map(quoted).join(', ')}`);
  if (result.evidence.length > 0) lines.push('Evidence:', ...result.evidence.map((evidence) => `- ${where(evidence)}: ${quoted(evidence.quote)}`));
  return lines.join('\n');
}

export function renderSource(slice: SourceSlice): string {
  const more = slice.truncated ? `\n\n[truncated: ${slice.length - slice.end} more characters from offset ${slice.end}]` : '';
  return `${slice.title} (${where(slice)} of ${slice.length})\n\n${slice.text}${more}`;
}
