import fs from 'node:fs';
import { isFrameWord, isStopWord, termOf } from '../../src/match/analyzer.js';
import { lemmatizer } from '../../src/match/lemmatizer.js';
import { dataFile, parseSynset, type Synset } from './synsets.js';

/**
 * The antonym pairs behind src/match/antonyms.ts, from WordNet's antonym pointers (`!` in its data
 * files): single words only (a multi-word lemma such as "break_even" is a phrase, not a word to meet
 * in a sentence), as matching forms (`termOf`: lemma, then stem), so inflections meet. Reading the
 * four data files (≈ 30 MB) cost every process about half a second the first time a claim was
 * checked, and so did taking the matching forms of the table's 62,000 words.
 *
 * WordNet links antonyms lemma to lemma ("permit" ! "forbid"), so the other words of the two senses
 * ("allow", "prohibit") are linked here too, and so is each adjective only similar to a linked one
 * ("numerous" & "many" ! "few") with the opposite of its head.
 *
 * For verbs and adjectives it also keeps what WordNet opposes only through the heads of two opposed
 * clusters: an adjective similar to one head (`&`: "extensive" & "comprehensive", "vast" & "large")
 * against every adjective similar to the other ("limited" & "noncomprehensive", "tiny" & "small"), and
 * a verb that is a kind of one head (`@`: "ban" @ "forbid", "decline" @ "decrease") against the other
 * head and its kinds ("permit", "increase", "grow"). A word is a member only through one of its usual
 * senses and when it has few meanings (never a stop word: "in" is also "fashionable"), and a cluster
 * too large to be one scale is left out (see below).
 */
const DATA_FILES = ['data.adj', 'data.adv', 'data.verb', 'data.noun'];
/** The pointer from a cluster's member to its head, for the parts of speech whose senses are opposed as wholes; a noun's senses are too loose ("head" ! "tail"). */
const MEMBER_OF: Readonly<Record<string, string>> = { 'data.adj': '&', 'data.verb': '@' };
/**
 * A word joins a cluster only through one of its first senses (WordNet's index files list the most
 * frequent first): "decline" through "go down" (its 4th), but not "keep" or "be" through rare ones.
 */
export const MEMBER_SENSES = 4;
/**
 * A member word whose lemma has more senses than this in all (nouns, verbs, adjectives and adverbs
 * together) is too many things to oppose by its cluster: "part" (19) would oppose "reach", "made" (as
 * "make", 51) "unsuccessful". "decline" (11), "allow" (10) and "grow" (10) stay.
 */
export const MEMBER_MEANINGS = 12;
/**
 * Clusters with more words than this are lists, not scales: colours against "achromatic", cardinal
 * against ordinal numbers, "change" against "stay", "walk" against "ride" (hundreds of words each).
 * large/small and increase/decrease (under 90 words each) stay.
 */
export const CLUSTER_WORDS: Readonly<Record<string, number>> = { 'data.adj': 120, 'data.verb': 60 };

const singleWords = (lemmas: readonly string[]) => lemmas.filter((lemma) => !lemma.includes('_'));

export interface AntonymTable {
  /** Words WordNet opposes directly, as matching forms, each pair once, in one direction. */
  pairs: Array<[string, string]>;
  /** Each opposed cluster's words, as matching forms: a head and its members in their usual senses. */
  clusters: string[][];
  /** Pairs of opposed clusters (indexes into `clusters`), each once: every word of one against every word of the other. */
  opposed: Array<[number, number]>;
}

/** Antonym pointers between single words, and the opposed clusters of adjectives and verbs. */
export function antonymTableFromWordNet(): AntonymTable {
  const pairs = new Set<string>();
  const add = (a: string, b: string) => {
    if (a.includes('_') || b.includes('_')) return;
    const [ta, tb] = [termOf(a), termOf(b)];
    // One direction per pair: the reader links both.
    if (ta !== tb && !pairs.has(`${tb} ${ta}`)) pairs.add(`${ta} ${tb}`);
  };
  const clusters: string[][] = [];
  const opposed: Array<[number, number]> = [];
  for (const file of DATA_FILES) {
    const lines = fs.readFileSync(dataFile(file), 'latin1').split('\n').filter((line) => /^\d{8} /.test(line));
    // Antonym pointers are reciprocal, so both synsets of a pair carry one.
    const synsets = lines.filter((line) => line.includes(' ! ')).map((line) => parseSynset(line, '!'));
    const byOffset = new Map(synsets.map((synset) => [synset.offset, synset]));
    const opposite = (offset: number) => byOffset.get(String(offset).padStart(8, '0'));
    for (const { lemmas, pointers } of synsets) {
      for (const { sourceLemma, targetOffset, targetLemma } of pointers) {
        const target = opposite(targetOffset);
        const [a, b] = [lemmas[sourceLemma - 1], target?.lemmas[targetLemma - 1]];
        if (a && b) add(a, b);
        if (!MEMBER_OF[file] || !target) continue;
        for (const word of singleWords(lemmas)) for (const other of singleWords(target.lemmas)) add(word, other);
      }
    }
    if (file === 'data.adj') for (const [a, b] of satellitePairs(lines, opposite)) add(a, b);
    const memberOf = MEMBER_OF[file];
    if (!memberOf) continue;
    const found = opposedClusters(file, lines, memberOf, opposite);
    const numbers = new Map<number, number>();
    // A cluster is kept as matching forms, without the stop words among them ("one" is read as "on"), nor the words
    // that frame questions: "How long…?" is not the opposite of a "short" answer.
    const numberOf = (head: number) => numbers.get(head) ?? (numbers.set(head, clusters.push([...new Set([...found.get(head)!].map(termOf))].filter((term) => !isStopWord(term) && !isFrameWord(term))) - 1), clusters.length - 1);
    for (const [head, words] of found) {
      for (const { targetOffset } of opposite(head)!.pointers) {
        const others = found.get(targetOffset);
        // Each pair once: from its lower offset.
        if (!others || head > targetOffset || words.size > CLUSTER_WORDS[file]! || others.size > CLUSTER_WORDS[file]!) continue;
        opposed.push([numberOf(head), numberOf(targetOffset)]);
      }
    }
  }
  return { pairs: [...pairs].map((pair) => pair.split(' ') as [string, string]), clusters, opposed };
}

/** Each satellite adjective ("numerous"), in any of its senses, against the words of the sense opposite to its head ("many" ! "few"). */
function* satellitePairs(lines: readonly string[], opposite: (offset: number) => Synset | undefined): Generator<[string, string]> {
  for (const line of lines) {
    if (line.split(' ', 3)[2] !== 's') continue;
    const satellite = parseSynset(line, '&');
    for (const { targetOffset } of satellite.pointers) {
      const head = opposite(targetOffset);
      if (!head) continue;
      for (const { targetOffset: opposed } of head.pointers) {
        for (const word of singleWords(satellite.lemmas)) for (const other of singleWords(opposite(opposed)?.lemmas ?? [])) yield [word, other];
      }
    }
  }
}

/** Each lemma → how many senses WordNet lists for it in all parts of speech. */
function meaningCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of ['index.noun', 'index.verb', 'index.adj', 'index.adv']) {
    for (const line of fs.readFileSync(dataFile(file), 'latin1').split('\n')) {
      const [lemma, , senses] = line.split(' ');
      if (lemma && /^\d+$/.test(senses ?? '')) counts.set(lemma, (counts.get(lemma) ?? 0) + Number(senses));
    }
  }
  return counts;
}

/** The lemma a word's matching form stands for, as `termOf` reads it ("made" → "make"). */
function lemmaOf(word: string): string {
  const lemmatize = lemmatizer();
  return [lemmatize.noun, lemmatize.verb, lemmatize.adjective].map((f) => f(word)).find((form) => form !== word) ?? word;
}

/** Each word → the offsets of its first MEMBER_SENSES senses, from the index file of `data`'s part of speech. */
function usualSenses(data: string): Map<string, Set<number>> {
  const senses = new Map<string, Set<number>>();
  for (const line of fs.readFileSync(dataFile(data.replace('data.', 'index.')), 'latin1').split('\n')) {
    const fields = line.split(' ');
    // lemma pos synset_cnt p_cnt [pointers] sense_cnt tagsense_cnt offsets…
    const offsets = fields.slice(4 + Number(fields[3]) + 2).filter((field) => /^\d{8}$/.test(field));
    if (offsets.length > 0) senses.set(fields[0]!, new Set(offsets.slice(0, MEMBER_SENSES).map(Number)));
  }
  return senses;
}

/** Each head with an opposite → its cluster: its own words, and its members' words where the member is one of the word's usual senses. */
function opposedClusters(file: string, lines: readonly string[], memberOf: string, opposite: (offset: number) => Synset | undefined): Map<number, Set<string>> {
  const usual = usualSenses(file);
  const meanings = meaningCounts();
  const member = (word: string, offset: number) => usual.get(word)?.has(offset) && !isStopWord(word) && !isFrameWord(word) && (meanings.get(lemmaOf(word)) ?? 0) <= MEMBER_MEANINGS;
  const clusters = new Map<number, Set<string>>();
  const join = (head: number, words: readonly string[]) => clusters.set(head, new Set([...(clusters.get(head) ?? []), ...words]));
  for (const line of lines) {
    const synset = parseSynset(line, memberOf);
    const offset = Number(synset.offset);
    if (opposite(offset)) join(offset, singleWords(synset.lemmas));
    const words = singleWords(synset.lemmas).filter((word) => member(word, offset));
    for (const { targetOffset } of synset.pointers) if (opposite(targetOffset)) join(targetOffset, words);
  }
  return clusters;
}
