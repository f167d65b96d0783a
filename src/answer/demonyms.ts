import type { AnalysedText, Fact } from '../match/facts.js';
import { wordnetAliases } from '../match/name-aliases.js';
import { liesInside } from '../match/places.js';
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

/** A name of the text that is `place` by another of its WordNet names ("UK" for "great britain") or a place inside it ("Brazil" for "south america"). */
const namesPlaceOtherwise = (text: AnalysedText, place: string) =>
  text.facts.some((other) => other.kind === 'name' && (wordnetAliases().same(other.value, place) || liesInside(other.text, place)));

/**
 * Whether the text names the place a demonym of the question is of: as the place ("Portugal" for "Portuguese"), by another
 * of its names ("the UK" for "British", "the United States" for "American") or by a place inside it ("Germany, the
 * Netherlands" for "European", "Brazil" for "South American"). A place inside another is no rival (places.ts).
 */
export const namesPlaceOf = (fact: Fact, text: AnalysedText) => placesOf(fact).some((place) => saysPhrase(text, place) || namesPlaceOtherwise(text, place));

/** Whether the text names a place inside the place a question names: "Cork" is in Ireland, "Graz" in Austria. */
export const namesPlaceInside = (fact: Fact, text: AnalysedText) => fact.kind === 'name' && text.facts.some((other) => other.kind === 'name' && liesInside(other.text, fact.text));

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
