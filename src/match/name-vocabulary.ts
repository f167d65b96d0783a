import type { Token } from './analyzer.js';
import { perObject } from './fact-memo.js';
import type { AnalysedText } from './facts.js';

/**
 * What a text offers for finding a name in it, listed once per analysis: its distinct words and
 * phrases, and the WordNet alias groups they belong to. Asking "is this name anywhere in the
 * text?" then costs a few set look-ups instead of comparing the name with every token and phrase —
 * evidence, titles and headings are analysed once per index version and searched for the names of
 * question after question. Kept as long as the analysis is (see perObject).
 */

/** Which alias groups (WordNet synsets of names) a lower-case name or phrase belongs to. */
export type AliasGroupsOf = (name: string) => readonly number[] | undefined;

export interface NameVocabulary {
  terms: ReadonlySet<string>;
  /** Distinct token words. */
  words: readonly string[];
  /** The alias groups of any of its words. */
  wordGroups: ReadonlySet<number>;
  /** Runs of up to four tokens' words: the phrases an alias may name ("United Kingdom" inside "United Kingdom Border Agency"). */
  phrases: ReadonlySet<string>;
  phraseGroups: ReadonlySet<number>;
}

const PHRASE_TOKENS = 4;

function phrases(tokens: readonly Token[]): Set<string> {
  const result = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    let phrase = tokens[i]!.word;
    result.add(phrase);
    for (let j = i + 1; j < Math.min(tokens.length, i + PHRASE_TOKENS); j++) result.add((phrase = `${phrase} ${tokens[j]!.word}`));
  }
  return result;
}

function groupsOfAll(names: Iterable<string>, groupsOf: AliasGroupsOf): Set<number> {
  const groups = new Set<number>();
  for (const name of names) for (const group of groupsOf(name) ?? []) groups.add(group);
  return groups;
}

/** Each text's name vocabulary, built on first use; `groupsOf` is read only then. */
export function nameVocabularies(groupsOf: () => AliasGroupsOf): (text: AnalysedText) => NameVocabulary {
  return perObject((text: AnalysedText) => {
    const words = [...new Set(text.tokens.map((token) => token.word))];
    const phraseSet = phrases(text.tokens);
    return {
      terms: new Set(text.tokens.map((token) => token.term)),
      words,
      wordGroups: groupsOfAll(words, groupsOf()),
      phrases: phraseSet,
      phraseGroups: groupsOfAll(phraseSet, groupsOf()),
    };
  });
}

/** Whether any of `groups` is in `among`: the two names are aliases. */
export const sharesGroup = (groups: readonly number[] | undefined, among: ReadonlySet<number>) => groups !== undefined && groups.some((group) => among.has(group));
