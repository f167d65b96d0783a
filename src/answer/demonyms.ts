import type { AnalysedText, Fact } from '../match/facts.js';
import { wordRelations } from '../match/word-relations.js';

/**
 * A people's or a place's adjective ("a Portuguese naval officer", "the British rock group") picks
 * out the fact a question asks about as much as the place's name does: when neither the evidence nor
 * its context says it — or the place it is of, "Portugal" for "Portuguese" — the evidence is about
 * someone else. WordNet's pertainyms tell a demonym from other capitalised describing words
 * ("Huguenot immigration", "Nazi policy"), which stay weighed (describing-facts.ts).
 */

/** The places a one-word name is the demonym of; none when it is not one. */
const placesOf = (fact: Fact) => (fact.kind === 'name' ? wordRelations().placesOf(fact.value) : []);

export const isDemonym = (fact: Fact) => placesOf(fact).length > 0;

/** Whether the text's words include `phrase` (lower-case words, spaces between) word for word. */
function saysPhrase(text: AnalysedText, phrase: string): boolean {
  const words = phrase.split(' ');
  return text.tokens.some((_, i) => words.every((word, k) => text.tokens[i + k]?.word === word));
}

/** Whether the text names the place a demonym of the question is of ("Portugal" for "Portuguese"). */
export const namesPlaceOf = (fact: Fact, text: AnalysedText) => placesOf(fact).some((place) => saysPhrase(text, place));

/**
 * The question's demonyms that the evidence replaces with another before the same word — "Which
 * American rock group …?" against "the British rock group Coldplay" — when it says neither the
 * question's demonym nor its place: the evidence is about another people's one, even when its context
 * mentions the question's ("an American football game" in the lead).
 */
export function replacedDemonyms(question: AnalysedText, evidence: AnalysedText): Fact[] {
  return question.facts.filter(isDemonym).filter((fact) => {
    const described = question.tokens[fact.last + 1];
    if (!described || evidence.facts.some((other) => other.value === fact.value) || namesPlaceOf(fact, evidence)) return false;
    return evidence.facts.some((other) => isDemonym(other) && evidence.tokens[other.last + 1]?.term === described.term);
  });
}
