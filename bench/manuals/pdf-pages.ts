/**
 * Checks that every citation of an answer from the PDF corpus names the page its quote is printed
 * on: the quote's first words must be on that page of the PDF as pdf.js reads it raw (no line,
 * header or paragraph logic of Docent's), white space ignored.
 *
 *   INDEX_DIR=$(mktemp -d) npx tsx bench/manuals/pdf-pages.ts bench/python-manual
 *   QUESTIONS=bench/python-manual/questions.heldout.jsonl CORPUS=bench/python-manual/corpus/heldout \
 *     INDEX_DIR=$(mktemp -d) npx tsx bench/manuals/pdf-pages.ts bench/python-manual
 *   QUESTIONS=bench/postgres-manual/questions.heldout.jsonl INDEX_DIR=$(mktemp -d) npx tsx bench/manuals/pdf-pages.ts bench/postgres-manual
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { loadConfig } from '../../src/config.js';
import { loadEmbedder } from '../../src/embed/load.js';
import { openDocent } from '../../src/service.js';

const DIR = path.resolve(process.argv[2] ?? 'bench/python-manual');
/** White space, the interactive prompts (">>>", "..."), which Python's pages print apart from the code, and the " | " Docent puts between a table row's cells, removed (from quote and page alike). */
const squeeze = (text: string) => text.replace(/(^|\s)(?:>>>|\.\.\.)(?=\s|$)/g, '$1').replace(/[\s|]+/g, '');

const QUESTIONS = path.resolve(process.env.QUESTIONS ?? path.join(DIR, 'questions.jsonl'));
const config = loadConfig({ ...process.env, CORPUS_DIR: path.join(path.resolve(process.env.CORPUS ?? path.join(DIR, 'corpus')), 'pdf') });
const docent = await openDocent(config, { embedder: await loadEmbedder({ ...config.embedding, modelsDir: config.modelsDir }) });
const pageTexts = new Map<string, string[]>();
async function pagesOf(source: string): Promise<string[]> {
  if (!pageTexts.has(source)) {
    const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(path.join(config.corpusDir, source))));
    pageTexts.set(source, ((await extractText(pdf, { mergePages: false })).text as string[]).map(squeeze));
  }
  return pageTexts.get(source)!;
}

let checked = 0;
const wrong: string[] = [];
for (const line of fs.readFileSync(QUESTIONS, 'utf8').trim().split('\n')) {
  const { id, question } = JSON.parse(line) as { id: string; question: string };
  for (const citation of (await docent.ask(question)).citations) {
    checked++;
    const pages = await pagesOf(citation.source);
    const head = squeeze(citation.quote).slice(0, 30);
    if (!citation.page || !pages[citation.page - 1]?.includes(head)) wrong.push(`${id}: ${citation.source} page ${citation.page} "${citation.quote.slice(0, 60)}"`);
  }
}
console.log(`PDF citations on the right page: ${checked - wrong.length}/${checked}`);
for (const line of wrong) console.log(`  ✗ ${line}`);
