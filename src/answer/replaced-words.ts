import { firstTagOf } from '../match/word-tags.js';
import { normalizeWord, termOf, type Token } from '../match/analyzer.js';
import { antonymsOf } from '../match/antonyms.js';
import type { AnalysedText } from '../match/facts.js';
import { lemmatizer } from '../match/lemmatizer.js';
import { isKnownNoun, nounRelation } from '../match/noun-kinds.js';
import type { TermSimilarity } from '../match/term-similarity.js';
import { wordnetAliases } from '../match/name-aliases.js';
import { wordRelations } from '../match/word-relations.js';
import { sameSpelling } from './name-spelling.js';

/**
 * A near-miss question keeps a compound of its source and changes one word of it: "the Victorian
 * Legislative Assembly" for "Council", "naval forces" for "armed forces", "amateur surfers" for
 * "professional surfers", "the wild card round" for "the divisional round", "the early 19th century"
 * for "the late 19th century". The changed word is said nowhere around the evidence, while the word it
 * stood beside is there with another word in its place (a rival). Such a question asks about another
 * thing, and the sentence does not answer it, whatever else they share — unless the rival means the same
 * (a WordNet synonym or kind, a derivation, the same word misspelt), which is a paraphrase. Only nouns and
 * names are compared so: a question rewords its verbs freely ("outlawed" for "banned"), and its adjectives
 * too (see isAdjective), unless a noun stands in the place of its rarest word (see ACROSS_KINDS_RARITY) — but an opposite beside the same neighbour ("north" / "south", "least" / "most densely
 * populated", WordNet's antonyms) is always another thing, whatever kind of word, even when the context says the word.
 */

/**
 * Two words of one compound stand side by side, apart by white space or a hyphen ("naval forces", "Peacekeeping-Intelligence");
 * across a preposition or a verb, a question rewords freely ("the prize" for "the Nobel prize").
 */
const SAME_PHRASE = /^[\s\-–]+$/u;
/**
 * Model (WordNet-built) similarity from which two words are synonyms ("big" / "large" 0.77, "last" / "final" 0.44,
 * "total" / "full" 0.49); the cousins of near-misses measured 0.41 at most ("north" / "south"; "Utah" / "Arizona" 0.38).
 */
const SYNONYM_SIMILARITY = 0.42;
/** Words that begin alike for this many letters are one family ("Europe" / "European", "Calvinist" / "Calvinism"). */
const FAMILY_PREFIX = 5;
/** The wh-words a question's asked kind follows ("Which team", "how many fourth-down attempts"). */
const WH_WORD = /\b(?:what|which|whose|how\s+many|how\s+much)\s+$/iu;

const capitalised = (token: Token) => /^\p{Lu}/u.test(token.text);
const tagOf = (token: Token) => firstTagOf(token.word);

/** A noun, an adjective or a name: written capitalised, tagged so by the lexicon, or unknown to it and no inflected verb. */
function isNounLike(token: Token): boolean {
  if (capitalised(token)) return true;
  const tag = tagOf(token);
  if (tag !== undefined) return /^(?:NN|JJ)/.test(tag);
  return /^\p{Ll}+$/u.test(token.word) && lemmatizer().verb(token.word) === token.word;
}

/**
 * A common adjective: compared only with its opposites. Unlike a noun's, an adjective's rival is as often a looser word
 * for it ("multiple" / "different", "biggest" / "most significant", "usual" / "various") as another thing.
 */
const isAdjective = (token: Token) => {
  if (capitalised(token)) return false;
  const tag = tagOf(token);
  return tag === undefined ? !isKnownNoun(token.word) && ADJECTIVE_ENDING.test(token.word) : /^JJ/.test(tag);
};
/** How an adjective the lexicon lacks ends ("charitable", "divisional", "multinational"). */
const ADJECTIVE_ENDING = /(?:able|ible|al|ic|ive|ous|ful|less|ary|ish)$/;

/** A preposition joining a word to the name it is of ("the Normans of Antioch", "returning from Rome"), with an article or not. */
const NAME_SLOT = /^\s+(?:of|from|in|at|to|for|by|with|on)\s+(?:the\s+)?$/iu;

/** Whether `left` stands right before `right` (see SAME_PHRASE). */
const adjacent = (text: AnalysedText, left: Token | undefined, right: Token | undefined): boolean =>
  left !== undefined && right !== undefined && SAME_PHRASE.test(text.text.slice(left.end, right.start));

/**
 * Whether `left` and `right` stand as one compound: side by side, the left no possessive ("Tesla's uncles" is an owner's),
 * and a name before a common word only when it describes it ("German ruler", not "did Tesla move").
 */
function compound(text: AnalysedText, left: Token | undefined, right: Token | undefined): boolean {
  if (!left || !right || !adjacent(text, left, right) || /['’]s?$/u.test(left.text)) return false;
  if (capitalised(left) === capitalised(right)) return true;
  const name = capitalised(left) ? left : right;
  return tagOf(name) === 'JJ' || wordRelations().placesOf(name.word).length > 0;
}

/** The content words right before and after `at` in one compound with it. */
function neighbours(text: AnalysedText, at: number): { before?: Token; after?: Token } {
  const [before, token, after] = [text.tokens[at - 1], text.tokens[at]!, text.tokens[at + 1]];
  return { before: compound(text, before, token) ? before : undefined, after: compound(text, token, after) ? after : undefined };
}

/** One letter more or less ("Sand" / "San", "Leage" / "League"): a slip, whatever the length. */
const oneLetterApart = (a: string, b: string) => {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.length === short.length + 1 && [...long].some((_, i) => long.slice(0, i) + long.slice(i + 1) === short);
};

/**
 * Whether `other` says what `word` says: one spelling or family; for a common word also the same WordNet noun or a kind of it,
 * a derivation, or a synonym by the model's similarity. A name is its own ("the Legislative Assembly" is no "Council", though WordNet has a council as a kind of assembly).
 */
function sameMeaning(word: Token, other: Token, similarity: TermSimilarity): boolean {
  if (sameSpelling(word.word, other.word) || oneLetterApart(word.word, other.word)) return true;
  if (word.word.length >= FAMILY_PREFIX && word.word.slice(0, FAMILY_PREFIX) === other.word.slice(0, FAMILY_PREFIX)) return true;
  if (capitalised(word)) return false;
  const relation = nounRelation(word.word, other.word);
  if (relation === 'same' || relation === 'kind') return true;
  if (wordRelations().derived(word.word).some((derived) => termOf(derived) === other.term)) return true;
  return similarity.modelSimilarity(word.word, other.word) >= SYNONYM_SIMILARITY;
}

/** The noun that says what kind of answer is asked for: the last noun of the compound right after the wh-word ("venue" of "Which Louisiana venue was …?"). */
function askedKind(question: AnalysedText): Token | undefined {
  const first = question.tokens.findIndex((token) => WH_WORD.test(question.text.slice(0, token.start)));
  if (first === -1) return undefined;
  let last = first;
  const continues = (next: Token | undefined) => next !== undefined && isNounLike(next) && SAME_PHRASE.test(question.text.slice(question.tokens[last]!.end, next.start));
  while (continues(question.tokens[last + 1])) last++;
  const phrase = question.tokens.slice(first, last + 1);
  return phrase.filter((token) => /^NN/.test(tagOf(token) ?? 'NN')).at(-1) ?? phrase[0];
}

/**
 * A question adjective whose neighbour stands in the evidence beside a noun instead ("the foreign ministries" / "the defense
 * ministries", "a medical institution" / "a training institution", "naval units" / "support units"), or a noun beside an adjective
 * ("premium channels" / "basic channels"), is another kind of the thing, as a noun replaced by a noun is — but only for the question's
 * rarest word: a commoner one is as often reworded ("unreasonable time" for "polynomial time"). An adjective replaced by an adjective
 * stays no specific ("multiple" / "different"). Chosen leave-one-round-out over rounds 1–14 (share 1 of the rarest word's IDF in
 * every fold; 0.9 declined one near-miss more for one paraphrase and two SQuAD answers more lost).
 */
export const ACROSS_KINDS_RARITY = 1;

/**
 * The question's nouns and names that the evidence and its context never say, whose compound neighbour in the question
 * stands in the evidence beside a rival instead; and its words whose opposite stands there beside that neighbour.
 * The kind of answer asked for ("Which team …?") is left out. `isRarest` says which words are rare enough to be compared
 * across kinds, an adjective against a noun (ACROSS_KINDS_RARITY); by default none is.
 */
export function replacedWords(
  question: AnalysedText,
  evidence: AnalysedText,
  context: readonly AnalysedText[],
  similarity: TermSimilarity,
  isRarest: (word: Token) => boolean = () => false,
): Token[] {
  const said = new Set([evidence, ...context].flatMap((text) => text.tokens.map((token) => token.term)));
  const questionTerms = new Set(question.tokens.map((token) => token.term));
  const asked = askedKind(question);
  const number = (token: Token) => /^\d/.test(token.word);
  // The compound's other word is a noun, an adjective or a name, said in the evidence: "did Tesla move" holds no compound.
  const rivalsBeside = (anchor: Token, side: 'before' | 'after') =>
    evidence.tokens.flatMap((token, i) => {
      if (token.term !== anchor.term || !isNounLike(anchor)) return [];
      const rival = neighbours(evidence, i)[side];
      return rival && !questionTerms.has(rival.term) && !number(rival) ? [rival] : [];
    });
  const evidenceTerms = new Set(evidence.tokens.map((token) => token.term));
  return question.tokens.filter((word, i) => {
    if (word === asked || number(word)) return false;
    // An opposite needs only to stand beside the same word: "the last BRICS consultation" / "the first BRICS consultation".
    const [left, right] = [question.tokens[i - 1], question.tokens[i + 1]];
    if (!evidenceTerms.has(word.term) && ((adjacent(question, left, word) && opposedBeside(word, left, 'after')) || (adjacent(question, word, right) && opposedBeside(word, right, 'before')))) return true;
    if (capitalised(word) && !evidenceTerms.has(word.term) && otherNameAfter(word, question.tokens[i - 1])) return true;
    const { before, after } = neighbours(question, i);
    if (said.has(word.term) || !isNounLike(word)) return false;
    // The question's "X word" against the evidence's "X rival", or "word X" against "rival X".
    const rivals = [...(before ? rivalsBeside(before, 'after') : []), ...(after ? rivalsBeside(after, 'before') : [])];
    // A name replaced by a name, a common noun by a common noun ("capital punishment" / "corporal punishment"); an adjective
    // and a noun in each other's place only when the word is the question's rarest (see ACROSS_KINDS_RARITY).
    const rival = rivals.find((other) => isNounLike(other) && capitalised(other) === capitalised(word) && (isAdjective(other) === isAdjective(word) ? !isAdjective(word) : isRarest(word)));
    return rival !== undefined && !evidence.tokens.some((token) => sameMeaning(word, token, similarity));
  });

  /**
   * Whether the evidence joins the word before the name to another name by the same preposition: "the Normans of Antioch"
   * against "the Normans of Edessa", "pilgrims returning from Rome" against "returning from Jerusalem". The context may
   * name it ("Antioch" in the paragraph before): this sentence is still about another place.
   */
  function otherNameAfter(name: Token, anchor: Token | undefined): boolean {
    const slot = anchor && NAME_SLOT.exec(question.text.slice(anchor.end, name.start))?.[0].trim().toLowerCase();
    if (!slot) return false;
    return evidence.tokens.some((token, i) => {
      const other = evidence.tokens[i + 1];
      if (token.term !== anchor.term || !other || !capitalised(other) || questionTerms.has(other.term)) return false;
      const between = NAME_SLOT.exec(evidence.text.slice(token.end, other.start))?.[0].trim().toLowerCase();
      return between === slot && !sameSpelling(name.word, other.word) && !wordnetAliases().same(name.word, other.word);
    });
  }

  /** Whether the evidence has the word's opposite right beside its neighbour, stop words included ("most densely" for "least densely"). */
  function opposedBeside(word: Token, anchor: Token | undefined, side: 'before' | 'after'): boolean {
    const opposites = antonymsOf(word.term);
    if (!anchor || opposites.size === 0) return false;
    return evidence.tokens.some((token) => {
      if (token.term !== anchor.term) return false;
      const beside = side === 'after' ? /^[\s\-–]+(\p{L}+)/u.exec(evidence.text.slice(token.end)) : /(\p{L}+)[\s\-–]+$/u.exec(evidence.text.slice(0, token.start));
      return beside !== null && opposites.has(termOf(normalizeWord(beside[1]!)));
    });
  }
}
