import { tokenize } from '../match/analyzer.js';
import type { AnalysedText, Fact } from '../match/facts.js';

/**
 * A name that owns something in the question ("When will Holden's plants … close?") must own it in
 * the evidence too. Evidence that gives the same thing to another name only — "Ford's Victorian
 * plants—in Broadmeadows and Geelong—will close" — is about another owner's plants, however many
 * of the question's words it holds (Holden may well be named in it, in another clause).
 */

/** A capitalised name and its possessive: "Ford's", "Sky Italia's", "the Huguenots'". */
const OWNER = /(\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*)*)['’]s?(?=\s)/gu;
/** Words that may follow a possessive up to the thing owned ("Victorian car plants"). */
const OWNED_WORDS = 3;

/**
 * The term of the thing owned: the last of the words right after a possessive, up to OWNED_WORDS and
 * before the first stop word or punctuation — "plants" of "Victorian plants—in …", "view" of "view of the soul".
 */
function ownedAfter(text: string): string | undefined {
  const words = /^\s+([\p{L}-]+(?:\s+[\p{L}-]+)*)/u.exec(text)?.[1]?.split(/\s+/) ?? [];
  const phrase: string[] = [];
  for (const word of words.slice(0, OWNED_WORDS)) {
    const token = tokenize(word)[0];
    if (!token || token.text !== word) break;
    phrase.push(token.term);
  }
  return phrase.at(-1);
}

/** The possessive is kept on the name by the analysis ("Holden's"), or follows it. */
const possessiveEnd = (fact: Fact, text: string) => (/['’]s?$/u.test(fact.text) ? fact.end : (/^['’]s?(?=\s)/u.exec(text.slice(fact.end)) ? text.indexOf(' ', fact.end) : -1));

/** The owners a text gives each thing (by term): "plant" → [["ford"]]. */
function ownersIn(text: string): Map<string, string[][]> {
  const owners = new Map<string, string[][]>();
  for (const match of text.matchAll(OWNER)) {
    const thing = ownedAfter(text.slice(match.index + match[0].length));
    if (thing) owners.set(thing, [...(owners.get(thing) ?? []), tokenize(match[1]!).map((token) => token.term)]);
  }
  return owners;
}

/** The question's owning names whose thing the evidence gives to other names only. */
export function otherOwners(question: AnalysedText, evidence: AnalysedText): Fact[] {
  const owned = question.facts.flatMap((fact) => {
    const end = fact.kind === 'name' ? possessiveEnd(fact, question.text) : -1;
    const thing = end === -1 ? undefined : ownedAfter(question.text.slice(end));
    return thing ? [{ owner: fact, thing }] : [];
  });
  if (owned.length === 0) return [];
  const owners = ownersIn(evidence.text);
  return owned.flatMap(({ owner, thing }) => {
    const given = owners.get(thing);
    const terms = new Set(owner.words.map((word) => word.term));
    return given && !given.some((names) => names.some((term) => terms.has(term))) ? [owner] : [];
  });
}
