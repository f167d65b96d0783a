import { lemmatizer } from '../match/lemmatizer.js';
import type { IndexedDocument } from '../index/store.js';
import { sentenceSpans } from '../match/sentences.js';

/**
 * Questions a first-time user could ask, written from the documents' own lead sentences and
 * headings: "In May 2010, the first consultation was held in Beijing." → "When was the first
 * consultation held in Beijing?"; "The moka pot is a stovetop coffee maker." → "What is the moka pot?";
 * "atexit — Exit handlers" → "What is atexit?". They are only candidates: suggestions.ts keeps
 * those the answerer actually answers with a citation.
 */

export interface Candidate {
  question: string;
  source: string;
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** A date with a year, and the preposition and commas around it ("In May 2010, ", " on 3 June 2015"). */
const DATE = new RegExp(String.raw`(?:^|,?\s)(?:[Ii]n|[Oo]n|[Bb]y)\s+(?:(?:early|late|mid)[- ])?(?:\d{1,2}\s+)?(?:${MONTH}\s+)?(?:\d{1,2},\s+)?(?:1[5-9]|20)\d{2}(?!\d)(?:,\s*|(?=[\s.;]))`);
const DEFINITION = /^((?:The |An? )?[A-Z][\w'’-]*(?: [\w'’-]+){0,4}) (is|are) (?:a|an|the|one) /;
const HEADING_TERM = /^([\p{L}\p{N}_.'’-]+(?: [\p{L}\p{N}_.'’-]+){0,3})\s+(?:—|–|-|:)\s+\S/u;
const ENUMERATION = /^(?:\d{1,3}|[ivxlcIVXLC]{1,6}|[a-zA-Z])[.)]\s+/;
const DETERMINER = /(?:['’]s|^(?:the|a|an|its|their|his|her|our|this|that|these|those|some|many|well))$/i;
const AUXILIARY = /^(was|were|had|has|have|is|are)$/;
const MAX_WORDS = 16;
const LEAD_SENTENCES = 3;
/** Paragraphs read per document: candidates come from its beginning, so picking costs the same on a 20 MB file. */
const LEAD_PARAGRAPHS = 200;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The clause up to its first comma, parenthesis or semicolon, at most `max` words. */
function shorten(rest: string, max: number): string {
  const clause = rest.split(/[,;(]|\s(?:and|which|who|where|while)\s/)[0]!.trim();
  return words(clause).slice(0, max).join(' ');
}

/** Past-tense finite verb at `i`: lemmatizes to something else, and is not a plural noun or 3rd-person present. */
function pastVerb(word: string): string | undefined {
  if (!/^[a-z]+$/.test(word) || word.endsWith('s')) return undefined;
  const lemma = lemmatizer().verb(word);
  return lemma !== word && (word.endsWith('ed') || !word.endsWith(lemma)) ? lemma : undefined;
}

/** "<subject> was held in Beijing" → "When was <subject> held in Beijing?"; "<subject> signed X" → "When did <subject> sign X?" */
function whenQuestion(clause: string): string | undefined {
  const tokens = words(clause.replace(/[.!]$/, ''));
  for (let i = 1; i < Math.min(tokens.length - 1, 10); i++) {
    const word = tokens[i]!;
    const subject = tokens.slice(0, i).join(' ');
    if (/^(was|were)$/.test(word)) return `When ${word} ${subject} ${shorten(tokens.slice(i + 1).join(' '), 8)}?`;
    if (AUXILIARY.test(word)) return undefined;
    // "China's armed forces", "the trained staff": a participle after a determiner is an adjective.
    const lemma = DETERMINER.test(tokens[i - 1]!) ? undefined : pastVerb(word);
    if (lemma) return `When did ${subject} ${lemma} ${shorten(tokens.slice(i + 1).join(' '), 8)}?`;
  }
  return undefined;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A question from one lead sentence, if it has a recognisable shape. */
export function questionFromSentence(sentence: string): string | undefined {
  const date = DATE.exec(sentence);
  if (date) {
    const clause = `${sentence.slice(0, date.index)} ${sentence.slice(date.index + date[0].length)}`.trim();
    const question = clause && /^[A-Za-z]/.test(clause) ? whenQuestion(clause) : undefined;
    if (question) return question;
  }
  const definition = DEFINITION.exec(sentence);
  if (definition) return `What ${definition[2]} ${definition[1]!.replace(/^(The|An?) /, (article) => article.toLowerCase())}?`;
  return undefined;
}

/** A question from a heading: one that is already a question, or "term — description". */
export function questionFromHeading(heading: string): string | undefined {
  const text = heading.replace(ENUMERATION, '').trim();
  if (/\?$/.test(text) && words(text).length <= MAX_WORDS) return capitalize(text);
  const term = HEADING_TERM.exec(text);
  return term ? `What is ${term[1]}?` : undefined;
}

/** The lead sentences (the first three) of the document's first paragraphs. */
function* leadSentences(document: IndexedDocument): Generator<string> {
  let paragraphs = 0;
  // Read block by block up to the last lead paragraph, not a long manual's every block.
  for (const block of document.blocks) {
    if (block.kind !== 'paragraph') continue;
    if (paragraphs++ === LEAD_PARAGRAPHS) break;
    const text = document.text.slice(block.start, block.end);
    for (const span of sentenceSpans(text).slice(0, LEAD_SENTENCES)) yield text.slice(span.start, span.end).replace(/\s+/g, ' ');
  }
}

/** A sentence-initial word in lower case when the document also writes it so ("World peace" → "world peace"; "Python" stays). */
function caseFor(document: IndexedDocument): (question: string) => string {
  return (question) =>
    question.replace(/^(What (?:is|are)|When (?:was|were|did)) ([A-Z][a-z'’-]*)/, (whole, lead: string, word: string) =>
      new RegExp(String.raw`(?:^|[^\p{L}])${word.toLowerCase()}(?![\p{L}])`, 'u').test(document.text) ? `${lead} ${word.toLowerCase()}` : whole,
    );
}

/** A document's candidates, read lazily: the picker stops after a few, whatever the document's length. */
function* documentCandidates(document: IndexedDocument): Generator<string> {
  const inDocumentCase = caseFor(document);
  for (const question of questionsFrom(document)) if (question !== undefined && words(question).length <= MAX_WORDS) yield inDocumentCase(question);
}

function* questionsFrom(document: IndexedDocument): Generator<string | undefined> {
  for (const sentence of leadSentences(document)) yield questionFromSentence(sentence);
  for (const block of document.blocks) if (block.kind === 'heading') yield questionFromHeading(document.text.slice(block.start, block.end));
}

/** Candidates from every document, interleaved (one from each document in turn), without repeats; read lazily. */
export function* candidateQuestions(documents: Iterable<IndexedDocument>): Generator<Candidate> {
  const lists = [...documents].map((document) => ({ source: document.source, questions: documentCandidates(document) }));
  const seen = new Set<string>();
  while (lists.length > 0) {
    for (const list of [...lists]) {
      const next = list.questions.next();
      if (next.done) {
        lists.splice(lists.indexOf(list), 1);
        continue;
      }
      if (seen.has(next.value.toLowerCase())) continue;
      seen.add(next.value.toLowerCase());
      yield { question: next.value, source: list.source };
    }
  }
}
