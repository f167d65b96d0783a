import lexicon from 'wink-lexicon/src/lexicon.js';

/**
 * English words' parts of speech, from wink-lexicon (Penn Treebank tags, the most frequent first: a word tagged
 * `NN` first is mostly a noun, `VBD` a past-tense verb, `JJ` an adjective). The one place that reads the table,
 * so every rule that asks "is this word a noun here?" asks it of the same list.
 */

/** A word's tags, most frequent first; undefined for a word the lexicon lacks (a name, a term of art, a typo). */
export const tagsOf = (word: string): readonly string[] | undefined => lexicon[word];

/** A word's most frequent tag; undefined for a word the lexicon lacks. */
export const firstTagOf = (word: string): string | undefined => lexicon[word]?.[0];

/** Whether English has the word at all (lower case): an ordinary word, not a name or a coinage. */
export const isOrdinaryWord = (word: string): boolean => lexicon[word] !== undefined;
