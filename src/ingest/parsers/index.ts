import path from 'node:path';
import type { Parser } from '../types.js';
import { docxParser } from './docx.js';
import { htmlParser } from './html.js';
import { markdownParser } from './markdown-parser.js';
import { pdfParser } from './pdf.js';
import { textParser } from './text.js';

/** Every document format Docent reads, one parser per format (src/ingest/parsers/<format>.ts). */
export const PARSERS: readonly Parser[] = [markdownParser, textParser, htmlParser, pdfParser, docxParser];

const byExtension = new Map(PARSERS.flatMap((parser) => parser.extensions.map((extension) => [extension, parser] as const)));

/** The parser for a file name, by its extension (case-insensitive); undefined for unsupported types. */
export function parserFor(fileName: string): Parser | undefined {
  return byExtension.get(path.extname(fileName).toLowerCase());
}

/** Every supported extension, e.g. for an upload form's `accept`. */
export const SUPPORTED_EXTENSIONS: readonly string[] = [...byExtension.keys()];
