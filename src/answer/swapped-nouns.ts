import { firstTagOf } from '../match/word-tags.js';
import type { Token } from '../match/analyzer.js';
import type { AnalysedText } from '../match/facts.js';
import { isKnownNoun, nounRelation } from '../match/noun-kinds.js';
import type { TermSimilarity } from '../match/term-similarity.js';

/**
 * An ordinary noun of the question that the evidence replaces by a sibling — another kind of the
 * same thing — asks about another fact: "What share of Australian plums …?" is not answered by
 * "… 90% of Australian pears", nor a question on violins by a sentence on cellos, however close
 * their word vectors are. A noun reworded by a synonym or by a broader or narrower word ("manual" for
 * "handbook") still stands for it, and so does one its context says; WordNet decides which is which
 * (match/noun-kinds.ts). The noun that says what kind of answer is wanted ("Which town …?") is left
 * out: the evidence may call the answer differently ("the city of Eisleben").
 */

/**
 * A word written in lower case that WordNet has as a common noun, unless the lexicon says it is most
 * often something else ("produce", "run"); the lexicon lacks many nouns ("plums", "violin").
 */
const isCommonNoun = (token: Token) => {
  const tag = firstTagOf(token.word);
  return /^\p{Ll}/u.test(token.text) && (tag === undefined || /^NNS?$/.test(tag)) && isKnownNoun(token.word);
};

/** "What town", "which two courses", "how many species": the wh-word and what may stand before the noun it asks for. */
const ASKED_KIND = /\b(?:what|which|whose|how\s+many|how\s+much)\s+(?:(?:\p{L}+|\d+)\s+){0,2}?$/iu;

/** The question's common nouns that are not the kind of answer asked for, nor part of a name or number. */
function questionNouns(question: AnalysedText): Token[] {
  const inFact = (token: Token) => question.facts.some((fact) => token.start >= fact.start && token.end <= fact.end);
  const nouns = question.tokens.filter((token) => isCommonNoun(token) && !inFact(token));
  const asked = nouns.find((token) => ASKED_KIND.test(question.text.slice(0, token.start)));
  return nouns.filter((token) => token !== asked);
}

/**
 * A swapped noun is a specific of the question only when it is about as rare as the question's rarest word (at least this share of
 * its IDF): the plums of "What share of Australian plums …?", the cornerback of "Pro Bowl cornerback Von Miller led …". A commoner
 * noun a question rewords is no specific: "Roussel de Bailleul's attempt to set up his own state" is answered by "… he found
 * support from the local population", which WordNet calls a sibling. Chosen leave-one-round-out over every seen round (0.9 in each fold).
 */
const SPECIFIC_RARITY = 0.9;

/**
 * Whether a word is among the question's rarest words by `idf`: at least `share` of the rarest one's IDF (see SPECIFIC_RARITY).
 * The rarest is looked up once, when first needed, for all the words asked about.
 */
export function amongRarest(question: AnalysedText, idf: (term: string) => number): (word: Token, share?: number) => boolean {
  let rarest: number | undefined;
  return (word, share = SPECIFIC_RARITY) => idf(word.term) >= share * (rarest ??= Math.max(0, ...question.tokens.map((token) => idf(token.term))));
}

/** The question's nouns that the evidence (and its context) lacks and replaces by a sibling noun. */
export function swappedNouns(question: AnalysedText, evidence: AnalysedText, context: readonly AnalysedText[], similarity: TermSimilarity): Token[] {
  const said = new Set([evidence, ...context].flatMap((text) => text.tokens.map((token) => token.term)));
  const questionTerms = new Set(question.tokens.map((token) => token.term));
  // Evidence nouns the question does not use itself: only those can stand in for one of its nouns.
  const others = evidence.tokens.filter((token) => isCommonNoun(token) && !questionTerms.has(token.term));
  return questionNouns(question).filter((noun) => {
    if (said.has(noun.term) || others.length === 0) return false;
    const relations = others.map((other) => nounRelation(noun.word, other.word));
    if (relations.some((relation) => relation === 'same' || relation === 'kind')) return false;
    // The evidence noun closest in meaning is the one that took its place. Siblings are often far apart
    // in word vectors ("plums" / "pears": 0.30), so no floor: WordNet says what they are to each other.
    const scores = others.map((other) => similarity.similarity(noun.word, other.word));
    return relations[scores.indexOf(Math.max(...scores))] === 'sibling';
  });
}
