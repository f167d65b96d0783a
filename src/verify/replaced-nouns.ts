import type { Token } from '../match/analyzer.js';
import type { AntonymPair } from '../match/antonyms.js';
import type { AnalysedText } from '../match/facts.js';
import { nounRelation } from '../match/noun-kinds.js';
import type { TermSimilarity } from '../match/term-similarity.js';
import { swappedNouns } from '../answer/swapped-nouns.js';

/**
 * A noun of the claim that the evidence replaces by another kind of the same thing — "an outbreak
 * of cholera" against "an outbreak of typhoid", "at teenagers" against "at women" — states the fact
 * with a different value, as a changed name does: a conflict, however close the two words' vectors
 * (which is what let one stand for the other in coverage). WordNet tells siblings from synonyms
 * (answer/swapped-nouns.ts, shared with the answerer's declines); each is paired with the sibling
 * the evidence has in its place, the one closest in meaning.
 */
export function replacedNouns(claim: AnalysedText, evidence: AnalysedText, context: readonly AnalysedText[], similarity: TermSimilarity): AntonymPair[] {
  return swappedNouns(claim, evidence, context, similarity).flatMap((noun) => {
    const siblings = evidence.tokens.filter((token) => /^\p{Ll}/u.test(token.text) && nounRelation(noun.word, token.word) === 'sibling');
    const partner = siblings.sort((a, b) => similarity.similarity(noun.word, b.word) - similarity.similarity(noun.word, a.word))[0];
    return partner ? [{ claim: wordAt(noun), evidence: wordAt(partner) }] : [];
  });
}

const wordAt = (token: Token) => ({ text: token.text, term: token.term, start: token.start, end: token.end });
