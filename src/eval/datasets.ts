import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Span } from '../match/sentences.js';

const corpusQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  answerable: z.boolean(),
  must_contain: z.array(z.string()),
  source: z.string(),
});

const squadQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  answers: z.array(z.string()).min(1),
  title: z.string(),
  context_index: z.number().int().nonnegative(),
});

/** Where the answer to a question lives, and what a correct answer must say. */
export interface EvalCase {
  id: string;
  question: string;
  answerable: boolean;
  /** Corpus format: every string must appear. SQuAD format: any one must appear. */
  expected: { all: string[] } | { any: string[] };
  evidence?: {
    source: string;
    span: Span;
    /** SQuAD: the passage or citation must also contain one of these (case-insensitive). */
    mustContainAny?: string[];
    /** Corpus format: a passage counts when it covers at least this share of the evidence span. */
    minCoveredShare?: number;
  };
}

/** The slug rule of ../shared/eval/README.md. */
export function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** Paragraph spans of a SQuAD article file: paragraphs are separated by one blank line. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const paragraph of text.replace(/\n+$/, '').split('\n\n')) {
    spans.push({ start, end: start + paragraph.length });
    start += paragraph.length + 2;
  }
  return spans;
}

/**
 * Where `part` occurs in `text` with white space ignored: the same evidence is found in every
 * rendering of a page (HTML, a PDF's lines joined, a hard-wrapped Markdown file).
 */
export function findIgnoringWhiteSpace(text: string, part: string): Span | undefined {
  const positions: number[] = [];
  let squeezed = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i]!)) continue;
    positions.push(i);
    squeezed += text[i];
  }
  const needle = part.replace(/\s+/g, '');
  const at = needle === '' ? -1 : squeezed.indexOf(needle);
  return at === -1 ? undefined : { start: positions[at]!, end: positions[at + needle.length - 1]! + 1 };
}

/** Reads a question file in either format of ../shared/eval/README.md, resolving evidence against `documents`. */
export async function loadEvalCases(file: string, documents: ReadonlyMap<string, string>): Promise<EvalCase[]> {
  const lines = (await fs.readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  return lines.map((line, i) => {
    const record: unknown = JSON.parse(line);
    const squad = squadQuestionSchema.safeParse(record);
    if (squad.success) {
      const { id, question, answers, title, context_index } = squad.data;
      const source = [...documents.keys()].find((name) => path.basename(name, path.extname(name)) === slug(title));
      const span = source ? paragraphSpans(documents.get(source)!)[context_index] : undefined;
      if (!source || !span) throw new Error(`${file}:${i + 1}: paragraph ${context_index} of "${title}" is not in the corpus`);
      return { id, question, answerable: true, expected: { any: answers }, evidence: { source, span, mustContainAny: answers } };
    }
    const item = corpusQuestionSchema.parse(record);
    if (!item.answerable) return { id: item.id, question: item.question, answerable: false, expected: { all: [] } };
    const found = [...documents].map(([source, text]) => ({ source, span: findIgnoringWhiteSpace(text, item.source) })).find((hit) => hit.span);
    if (!found?.span) throw new Error(`${file}:${i + 1}: evidence of ${item.id} is not in the corpus`);
    return {
      id: item.id,
      question: item.question,
      answerable: true,
      expected: { all: item.must_contain },
      evidence: { source: found.source, span: found.span, minCoveredShare: 0.5 },
    };
  });
}
