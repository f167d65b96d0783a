import { firstTagOf, tagsOf } from '../match/word-tags.js';
import { termOf, type Token } from '../match/analyzer.js';
import { antonymsOf } from '../match/antonyms.js';
import { lemmatizer } from '../match/lemmatizer.js';
import type { AnalysedText, Fact } from '../match/facts.js';
import type { NameMatcher } from '../match/names.js';
import { isKnownNoun } from '../match/noun-kinds.js';
import type { TermSimilarity } from '../match/term-similarity.js';
import { SAME_VERB } from '../match/roles.js';
import { roleOf, rolesAround, verbsOf, type Role } from '../match/verb-roles.js';

/**
 * A near-miss question may keep every name of its source and change who does what: "Which team did
 * the Carolina Panthers defeat?" against "the Denver Broncos defeated the … Carolina Panthers"; "Who
 * hired George Westinghouse?" against "George Westinghouse, who also hired Tesla". Or it keeps the
 * roles and changes the relation: "Which locomotive lost the Rainhill Trials?" against "The Rocket …
 * won the Rainhill Trials"; "How many PLA officers have taught courses?" against "… PLA officers have
 * attended courses". Either way the sentence is about another fact. A name of the question is compared
 * with the evidence only where both give it a role beside a verb (see match/verb-roles.ts): the same verb
 * with the name in the other role is a swap — a passive on either side is read as such ("was hired by
 * Thomas Edison" is Edison hiring) — and a verb of opposite or converse meaning with the name in the same
 * role, where the evidence never says the question's verb, is another relation. The converse with the
 * name in the other role is a paraphrase ("Who did Tesla receive a letter from?", "the dean sent Tesla a letter").
 */


/**
 * Relations that are one exchange seen from its two ends, which WordNet does not list as antonyms: the giver
 * and the receiver, the teacher and the learner, the host and the guest.
 */
const CONVERSES: ReadonlyArray<[string, string]> = [
  ['give', 'receive'],
  ['send', 'receive'],
  ['pay', 'receive'],
  ['teach', 'attend'],
  ['teach', 'learn'],
  ['teach', 'study'],
  ['host', 'attend'],
  ['lend', 'borrow'],
];
let converses: Map<string, Set<string>> | undefined;
function conversesOf(term: string): ReadonlySet<string> {
  converses ??= CONVERSES.reduce((map, [a, b]) => {
    const [ta, tb] = [termOf(a), termOf(b)];
    map.set(ta, (map.get(ta) ?? new Set()).add(tb));
    map.set(tb, (map.get(tb) ?? new Set()).add(ta));
    return map;
  }, new Map<string, Set<string>>());
  return converses.get(term) ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();

/**
 * Light verbs, which questions use loosely for many relations ("go to" a summit for "attended" it, "come" for "arrived"):
 * their opposites are no other relation.
 */
const LIGHT_VERBS = new Set(['go', 'come', 'get', 'take', 'make', 'have', 'do', 'be', 'put', 'set', 'keep', 'let', 'stay', 'leave'].map(termOf));

/**
 * WordNet's opposites of two verbs ("won" / "lose", "passed" / "fail"); the table mixes in adjective senses ("go" / "present"),
 * so the evidence's word must be a verb or noun first in its base form, and neither a light verb.
 */
function opposedVerbs(verb: Token, other: Token): boolean {
  if (LIGHT_VERBS.has(verb.term) || LIGHT_VERBS.has(other.term) || !antonymsOf(verb.term).has(other.term)) return false;
  return /^(?:VB|NN)/.test(firstTagOf(lemmatizer().verb(other.word)) ?? '');
}

/**
 * Whether the name at start–end describes a noun rather than naming a party: "Luther's 95 Theses", "the two Huguenot
 * neighborhoods", "the Tesla coil" are not Luther, the Huguenots, Tesla.
 */
function describesNoun(text: AnalysedText, verbs: readonly Token[], start: number, end: number): boolean {
  if (/['’]s?$/u.test(text.text.slice(start, end))) return true;
  const next = /^\s+(\p{Ll}+)/u.exec(text.text.slice(end));
  // A word the lexicon lacks ("coil") is a noun when WordNet has it as one.
  const noun = (word: string) => (tagsOf(word) ? /^NN/.test(firstTagOf(word)!) : isKnownNoun(word));
  return next !== null && noun(next[1]!) && !verbs.some((verb) => verb.start === end + next[0].length - next[1]!.length);
}

interface Place {
  start: number;
  end: number;
  /** The name describes a noun there ("the Chinese side"): the same phrase's role, but not a party of its own. */
  describes: boolean;
}

/** Where the evidence names `name`: as a name it matches, or as the same words (a name opening a sentence is not always taken for one). */
function placesOf(name: Fact, evidence: AnalysedText, verbs: readonly Token[], names: NameMatcher): Place[] {
  const asName = evidence.facts.filter((fact) => fact.kind === 'name' && names.same(name, fact));
  const terms = name.words.map((word) => word.term);
  const asWords = evidence.tokens.flatMap((token, i) => {
    const run = evidence.tokens.slice(i, i + terms.length);
    return run.length === terms.length && run.every((other, j) => other.term === terms[j]) ? [{ start: token.start, end: run.at(-1)!.end }] : [];
  });
  return [...asName, ...asWords].map(({ start, end }) => ({ start, end, describes: describesNoun(evidence, verbs, start, end) }));
}

/** Relations that hold both ways: "Richard married Berengaria" is "Berengaria married Richard". */
const SYMMETRIC = new Set(['marry', 'wed', 'meet', 'play', 'fight', 'face', 'battle', 'ally', 'trade', 'negotiate', 'tie', 'draw', 'merge'].map(termOf));

/** A doer or done-to named only by a pronoun: who it stands for is not known here. */
const PRONOUN = /^(?:he|she|it|they|we|i|you|him|her|them|us|me|this|these|those|one)$/iu;

const STOP = /[.!?;]/;

/**
 * Where the sentence around `at` starts and ends: after the last stop before it when white space
 * follows that stop (read back from `at`, not by a pattern anchored at the end of everything before
 * it, which read a long passage's whole beginning for each of its verbs), up to the next stop.
 */
function sentenceAround(text: string, at: number): { start: number; end: number } {
  let stop = at - 1;
  while (stop >= 0 && !STOP.test(text[stop]!)) stop--;
  const opens = stop >= 0 && stop + 1 < at && /\s/u.test(text[stop + 1]!);
  const after = text.slice(at).search(/[.!?;](?:\s|$)/u);
  return { start: opens ? stop + 1 : 0, end: after === -1 ? text.length : at + after };
}

interface EvidenceVerb {
  verb: Token;
  roles: Record<Role, { start: number; end: number } | undefined>;
  sentence: { start: number; end: number };
}

/** Per evidence verb that `matches`, the roles of the name's places in that verb's sentence (undefined beside no role of it); verbs whose sentence lacks the name are left out. */
function rolesBeside(verbs: readonly EvidenceVerb[], places: readonly Place[], matches: (verb: Token) => boolean) {
  return verbs
    .filter(({ verb }) => matches(verb))
    .map(({ roles, sentence }) => ({ roles, places: places.filter((place) => place.start >= sentence.start && place.end <= sentence.end).map((place) => ({ ...place, role: roleOf(roles, place.start, place.end) })) }))
    .filter(({ places: found }) => found.length > 0);
}

interface EvidenceSide {
  verbs: Token[];
  evidenceVerbs: EvidenceVerb[];
  /** The evidence's words, by matching form. */
  said: ReadonlySet<string>;
}
/** Per evidence text (analyses of evidence are kept and come back question after question, see match/analysis-cache.ts): its verbs and their roles. */
const evidenceSides = new WeakMap<AnalysedText, EvidenceSide>();
function evidenceSide(evidence: AnalysedText): EvidenceSide {
  let side = evidenceSides.get(evidence);
  if (!side) {
    const verbs = verbsOf(evidence);
    const evidenceVerbs = verbs.map((verb) => ({ verb, roles: rolesAround(evidence, verb), sentence: sentenceAround(evidence.text, verb.start) }));
    side = { verbs, evidenceVerbs, said: new Set(evidence.tokens.map((token) => token.term)) };
    evidenceSides.set(evidence, side);
  }
  return side;
}

type Span = { start: number; end: number };

/** The roles around a question's verb, found once per question (its tokens live as long as its analysis). */
function questionRolesOf(question: AnalysedText, verb: Token): Record<Role, Span | undefined> {
  let roles = questionRoles.get(verb);
  if (!roles) questionRoles.set(verb, (roles = rolesAround(question, verb)));
  return roles;
}
const questionRoles = new WeakMap<Token, Record<Role, Span | undefined>>();

/** The question's verbs whose names the evidence puts in the other role, or beside a verb of opposite or converse meaning in the same role. */
export function swappedRoles(question: AnalysedText, evidence: AnalysedText, names: NameMatcher, similarity: TermSimilarity): Token[] {
  const questionNames = question.facts.filter((fact) => fact.kind === 'name');
  if (questionNames.length === 0) return [];
  const questionVerbs = verbsOf(question);
  if (questionVerbs.length === 0) return [];
  const { verbs, evidenceVerbs, said } = evidenceSide(evidence);
  const sameVerb = (a: Token, b: Token) => a.term === b.term || similarity.similarity(a.word, b.word) >= SAME_VERB;
  const filled = (span: Span | undefined) => span !== undefined && !PRONOUN.test(evidence.text.slice(span.start, span.end));
  return questionVerbs.filter((verb) => {
    const questionRoles = questionRolesOf(question, verb);
    return questionNames.some((name) => {
      const role = roleOf(questionRoles, name.start, name.end);
      if (!role) return false;
      const places = placesOf(name, evidence, verbs, names);
      // Another relation: the evidence never says the question's verb, and has its opposite or converse with the name in the same role.
      // A converse keeps what is exchanged in its place ("gave Rainulf the county" / "Rainulf received the county"): only its doer tells.
      const opposite = (other: Token) => !said.has(verb.term) && (opposedVerbs(verb, other) || (role === 'doer' && conversesOf(verb.term).has(other.term)));
      if (rolesBeside(evidenceVerbs, places, opposite).some(({ places: found }) => found.some((place) => place.role === role))) return true;
      // A swap: wherever the evidence gives the name (a party, not a describing word) a role beside the same verb, it is the other
      // role, and someone named there holds the question's.
      if (SYMMETRIC.has(verb.term) || describesNoun(question, questionVerbs, name.start, name.end)) return false;
      const other: Role = role === 'doer' ? 'done-to' : 'doer';
      // A describing word in a phrase ("the German defense minister visited") speaks for that phrase's role; elsewhere it says nothing.
      const informative = rolesBeside(evidenceVerbs, places, (other) => sameVerb(verb, other))
        .map(({ roles, places: found }) => ({ roles, found: found.filter((place) => !place.describes || place.role !== undefined) }))
        .filter(({ found }) => found.some((place) => place.role !== undefined));
      // A pronoun in the question's role stands for someone else when the name itself is the other party ("they defeated the Seattle
      // Seahawks"), not when it only describes it ("he invented the Tesla coil").
      const heldBySomeoneElse = (roles: Record<Role, Span | undefined>, found: readonly Place[]) => filled(roles[role]) || (roles[role] !== undefined && found.every((place) => !place.describes));
      return informative.length > 0 && informative.every(({ roles, found }) => heldBySomeoneElse(roles, found) && found.every((place) => place.role === other));
    });
  });
}
