import { expect } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { locate } from '../../src/ingest/location.js';
import { parserFor } from '../../src/ingest/parsers/index.js';
import type { ParsedDocument } from '../../src/ingest/types.js';
import { SentenceIndex } from '../../src/match/sentences.js';

/** How the ingest tests read a document: parsed by its extension's parser, its blocks by kind or opening words. */
export async function parse(source: string, content: string | Uint8Array): Promise<ParsedDocument> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return parserFor(source)!.parse(bytes, { source });
}

export const blockTexts = (document: ParsedDocument, kind?: string) => document.blocks.filter((block) => !kind || block.kind === kind).map((block) => document.text.slice(block.start, block.end));
export const blockStarting = (document: ParsedDocument, prefix: string) => document.blocks.find((block) => document.text.slice(block.start, block.end).startsWith(prefix))!;

/**
 * What every format must give the rest of Docent: blocks in order inside the text, chunks and page
 * spans that are exact spans of it, headings never quotable on their own, code blocks and table rows
 * one unit each, and no quotable unit holding `furniture` (navigation, running headers).
 */
export async function expectCitable(source: string, document: ParsedDocument, furniture: readonly string[] = []) {
  let previousEnd = 0;
  for (const block of document.blocks) {
    expect(block.start).toBeGreaterThanOrEqual(previousEnd);
    expect(document.text.slice(block.start, block.end).trim()).toBe(document.text.slice(block.start, block.end));
    previousEnd = block.end;
  }
  for (const mark of document.marks ?? []) expect(mark.end).toBeLessThanOrEqual(document.text.length);
  for (const page of document.pages ?? []) expect(page.end).toBeLessThanOrEqual(document.text.length);
  const chunks = await chunkDocument(source, document, { chunkSize: 120, chunkOverlap: 20 });
  expect(chunks.length).toBeGreaterThan(1);
  for (const chunk of chunks) expect(chunk.section).toEqual(locate(document, chunk.end - 1).section);
  const units = new SentenceIndex({ sources: new Map([[source, document]]) }).of(source);
  for (const unit of units) {
    const block = document.blocks[unit.block]!;
    expect(unit.kind === 'heading').toBe(block.kind === 'heading');
    if (block.kind === 'code' || block.kind === 'table-row') expect([unit.start, unit.end]).toEqual([block.start, block.end]);
    for (const text of furniture) expect(document.text.slice(unit.start, unit.end)).not.toContain(text);
  }
}
