import { tagsOf } from '../match/word-tags.js';
import { tokenize } from '../match/analyzer.js';

/**
 * A claim's parts: "Coldplay headlined the show and released a live album of it" states two
 * things, and evidence for the first says nothing about the second. Split only where a new verb
 * follows the connective, so lists ("Brazil, Russia, India and South Africa") stay whole; a
 * subordinate clause ("…, when its population reached one million"), an absolute phrase ("…, with
 * 1,000 troops taking part") and a participle after a noun ("…in 1901 using equipment bought from
 * Edison") are parts of their own too.
 */

export interface Clause {
  text: string;
  start: number;
  end: number;
}

/** Coordinators, "that" and "to": a verb must follow within two words ("and released", "and was elected", "that BSkyB had"). */
const COORDINATOR = /,?\s+(?:and|but|that|so that|to)\s+|,\s+(?=\p{Ll}+(?:ed|ing)\b)/gu;
/** Subordinators and ", with": a clause follows, its subject first ("when its population reached", "with 1,000 troops taking part"). */
const SUBORDINATOR = /,?\s+(?:which|who|whom|where|when|while|whereas)\s+|,\s+with\s+/gu;
/** A present participle right after a noun or a number ("in 1901 using equipment"): a phrase of its own. */
const PARTICIPLE = /(?<=[\p{L}\p{N}])\s+(?=\p{Ll}+ing\b)/gu;
const VERB_TAG = /^(?:VB|MD)/;
/** A finite verb form: a word the lexicon lists first as a noun may be the verb ("the church dates back"). */
const FINITE_TAG = /^(?:VBD|VBZ|VBP|MD)$/;
/** How many words after a subordinator its verb may come (its subject in between). */
const SUBJECT_WORDS = 4;
/** A clause needs at least this many content words to be checked on its own. */
const MIN_WORDS = 2;
/** Words after which a verb-like word is a noun ("the works", "of values") or a gerund is no new phrase ("for searching", "was using"). */
const NOT_BEFORE_VERB = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'this', 'that', 'these', 'those', 'of', 'for', 'by', 'in', 'on', 'at', 'to', 'from', 'with', 'without', 'into', 'about', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'not', 'and', 'or', 'many', 'some', 'all', 'two', 'three', 'several']);

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'this', 'that', 'these', 'those']);
/** Words that open a verb's object or complement. */
const OBJECT_START = new Set(['the', 'a', 'an', 'it', 'its', 'them', 'their', 'his', 'her', 'him', 'to', 'in', 'on', 'at', 'for', 'from', 'with', 'by', 'into']);

/** A word's tags, none for a word the lexicon lacks. */
const tagList = (word: string): readonly string[] => tagsOf(word) ?? [];
const plain = (word: string) => word.replace(/[^\p{L}'’-]/gu, '');
// Capitalised words are names or months ("May"), never the verb of a new clause.
export const isVerb = (word: string | undefined) => word !== undefined && /^\p{Ll}/u.test(word) && VERB_TAG.test(tagList(word)[0] ?? '');

/** Whether the text has a verb: a word tagged as one first, or a finite form after a word that does not make it a noun. */
export function hasVerb(text: string): boolean {
  const words = text.split(/[^\p{L}'’-]+/u).filter(Boolean);
  return words.some((word, i) => isVerb(word) || (/^\p{Ll}/u.test(word) && !NOT_BEFORE_VERB.has(words[i - 1]?.toLowerCase() ?? '') && i > 0 && tagList(word).some((tag) => FINITE_TAG.test(tag))));
}

const nextWords = (claim: string, from: number, count: number) => claim.slice(from).split(/\s+/, count).map(plain);

/** Where the claim may be cut: a connective followed by a verb, or a participle after a noun. */
function cutPoints(claim: string): Array<{ at: number; next: number }> {
  const cuts: Array<{ at: number; next: number }> = [];
  for (const match of claim.matchAll(COORDINATOR)) {
    const next = match.index + match[0].length;
    const following = nextWords(claim, next, 3);
    const viaInfinitive = /\bto\s+$/.test(match[0]);
    // "and registers it": a word the lexicon lists first as a noun is the verb when an object or a preposition follows it.
    const finiteFollows = tagList(following[0] ?? '').some((tag) => FINITE_TAG.test(tag)) && OBJECT_START.has(following[1]?.toLowerCase() ?? '');
    const verbFollows = viaInfinitive ? isVerb(following[0]) : following.slice(0, 2).some(isVerb) || finiteFollows;
    if (verbFollows) cuts.push({ at: match.index, next });
  }
  for (const match of claim.matchAll(SUBORDINATOR)) {
    const next = match.index + match[0].length;
    if (nextWords(claim, next, SUBJECT_WORDS + 1).some(isVerb)) cuts.push({ at: match.index, next: /^,?\s+with\s+$/.test(match[0]) ? match.index + match[0].indexOf('with') : next });
  }
  for (const match of claim.matchAll(PARTICIPLE)) {
    const [previous, beforeThat] = claim.slice(0, match.index).split(/\s+/).reverse().map((word) => word.toLowerCase());
    const [participle] = nextWords(claim, match.index + match[0].length, 1);
    // "a music streaming service": right after a determiner's noun the -ing word modifies the next noun.
    const insideNounPhrase = DETERMINERS.has(beforeThat ?? '');
    if (!NOT_BEFORE_VERB.has(previous ?? '') && !insideNounPhrase && tagList(participle ?? '')[0] === 'VBG') cuts.push({ at: match.index, next: match.index + match[0].length });
  }
  return cuts.sort((a, b) => a.at - b.at);
}

/** The claim's clauses, each with enough words and a verb; a single clause when it cannot be cut. */
export function clauses(claim: string): Clause[] {
  const result: Clause[] = [];
  let start = 0;
  let end = claim.length;
  for (const cut of [...cutPoints(claim), { at: claim.length, next: claim.length }]) {
    if (cut.at < start) continue;
    end = cut.at;
    const text = claim.slice(start, end).trim();
    if (tokenize(text).length >= MIN_WORDS && hasVerb(text)) {
      result.push({ text, start, end });
      start = cut.next;
    } else if (result.length > 0 && cut.at === claim.length) {
      // A short tail belongs to the clause before it.
      const last = result.at(-1)!;
      result[result.length - 1] = { text: claim.slice(last.start, end).trim(), start: last.start, end };
    }
  }
  return result.length > 0 ? result : [{ text: claim.trim(), start: 0, end: claim.length }];
}
