import { firstTagOf, tagsOf } from './word-tags.js';
import type { Token } from './analyzer.js';
import type { AnalysedText, Fact } from './facts.js';
import type { NameMatcher } from './names.js';
import { isKnownNoun } from './noun-kinds.js';

/**
 * Who does what to whom: "Virgin Media claimed that BSkyB had increased the price" is not "BSkyB
 * claimed that Virgin Media had increased the price", though every word is the same. Two parties
 * of the claim (names or nouns) on either side of a verb they share with the evidence ("claimed",
 * "visited", "received") that the evidence puts the other way round have
 * swapped roles — unless one of the two says it in the passive ("was licensed by"), which turns
 * the order round by itself.
 */

/**
 * Model similarity from which two words are one verb between two parties (the checker's role swaps, the answerer's
 * swapped roles). 0.7 caught "beat"/"defeated" (claims-polarity 0.781 -> 0.813) but also read "run" in "setup code …
 * run … with number executions" as the "included" of "the execution time of the setup statement is included": a swap
 * of roles, so Python's timeit page answered its yes/no question with the wrong sentence (bench/python-manual
 * 0.936 -> 0.915). A false contradiction costs more than a missed one.
 */
export const SAME_VERB = 0.8;

export interface RoleSwap {
  /** The claim's party before the shared word. */
  claim: Token;
  /** The party the evidence puts there instead. */
  evidence: Token;
}

/** A party of the statement: a name (all its words), or a single noun. */
export interface Party {
  first: number;
  last: number;
  fact?: Fact;
}

/** A noun by the lexicon's first tag; a word it lacks ("mermaid") when written in lower case and WordNet has it as a common noun. */
const isNoun = (token: Token) => {
  const tag = firstTagOf(token.word);
  return tag === undefined ? /^\p{Ll}/u.test(token.text) && isKnownNoun(token.word) : tag.startsWith('NN');
};
/** Only a verb relates two parties: nouns in a row ("the execution time of the setup statement") are one phrase. */
export const isVerb = (token: Token) => {
  // Nor does part of a compound or an identifier ("steam-powered", "insort_left").
  if (token.text.includes('-') || token.text.includes('_')) return false;
  const tags = tagsOf(token.word);
  // A word the lexicon lacks is a verb by its ending ("infringed").
  return /^\p{Ll}/u.test(token.text) && (tags ? tags.some((tag) => tag.startsWith('VB')) : /ed$/.test(token.word));
};
/** A word the lexicon lists first as a verb ("retired", not "use" or "forces"): surely the verb of a clause. */
const isVerbFirst = (token: Token) => /^\p{Ll}/u.test(token.text) && (firstTagOf(token.word)?.startsWith('VB') ?? false);
/**
 * A be-form right before the word (an adverb, or a participle it is coordinated with, may sit between:
 * "was drafted and reviewed"), or "by" just after it ("a pump, developed in 1698 by Savery"): the passive.
 */
const PASSIVE_BEFORE = /\b(?:is|are|was|were|be|been|being)\s+(?:\p{L}+ly\s+)?(?:\p{L}+ed\s+(?:and|or)\s+)?$/iu;
/**
 * Words that open another clause: a party after one belongs to that clause's verb. A relative pronoun opens one too:
 * in "Senegal is one of the countries whose peacekeepers exchanged experience with Chinese troops" Senegal is not who
 * "exchanged", so the evidence's "Chinese peacekeepers have exchanged experience with … Senegal" swaps no roles.
 */
const CLAUSE_OPENER = /\b(?:when|if|which|because|while|where|unless|although|whereas|who|whose|whom)\b/i;
const AGENT_AFTER = /^(?:\s+[\p{L}\p{N}]+){0,3}?\s+by\b/iu;

export const isPassive = (text: AnalysedText, token: Token) => beForm(text, token) || AGENT_AFTER.test(text.text.slice(token.end));
export const beForm = (text: AnalysedText, token: Token) => PASSIVE_BEFORE.test(text.text.slice(Math.max(0, token.start - 40), token.start));
/** Surely passive: a be-form before the verb and its agent after ("were routed by the French"); "increased the price by 10%" is active. */
const isClearlyPassive = (text: AnalysedText, token: Token) => beForm(text, token) && AGENT_AFTER.test(text.text.slice(token.end));

export function partiesOf(text: AnalysedText): Party[] {
  const names = text.facts.filter((fact) => fact.kind === 'name');
  const inName = (i: number) => names.some((fact) => i >= fact.first && i <= fact.last);
  const nouns = text.tokens.flatMap((token, i): Party[] => (!inName(i) && !/^\d/.test(token.word) && isNoun(token) ? [{ first: i, last: i }] : []));
  return [...names.map((fact) => ({ first: fact.first, last: fact.last, fact })), ...nouns];
}

/** "Sky's" names Sky: the party, and its span, without the possessive. */
export function withoutPossessive(token: Token): Token {
  const text = token.text.replace(/['’]s$/u, '');
  return { ...token, text, end: token.start + text.length };
}

export interface RoleOptions {
  names: NameMatcher;
  /** Whether two words stand for one another (the same term, or near-synonyms: "beat" ~ "defeated"). */
  sameWord: (a: Token, b: Token) => boolean;
}

/** The first pair of the claim's parties that the evidence states with their roles swapped, if any. */
export function roleSwap(claim: AnalysedText, evidence: AnalysedText, { names, sameWord }: RoleOptions): RoleSwap | undefined {
  const claimParties = partiesOf(claim);
  const evidenceParties = partiesOf(evidence);
  /** Where the evidence names a party of the claim: the indexes of its tokens. */
  const occurrences = (party: Party): number[] =>
    party.fact
      ? evidenceParties.filter((other) => other.fact && names.same(party.fact!, other.fact)).map((other) => other.first)
      : evidence.tokens.flatMap((token, i) => (token.term === claim.tokens[party.first]!.term ? [i] : []));
  const found = claimParties.map((party) => ({ party, at: occurrences(party) })).filter(({ at }) => at.length > 0);
  for (const [p, pivot] of claim.tokens.entries()) {
    if (!isVerb(pivot) || found.some(({ party }) => p >= party.first && p <= party.last)) continue;
    // A party of another clause ("… and later retired to Normandy", "a ValueError when … is registered") is not one of this verb's.
    const sameClause = (from: number, to: number) => !claim.tokens.slice(from + 1, to).some(isVerbFirst) && !CLAUSE_OPENER.test(claim.text.slice(claim.tokens[from]!.end, claim.tokens[to]!.start));
    const before = found.filter(({ party }) => party.last < p && sameClause(party.last, p));
    const after = found.filter(({ party }) => party.first > p && sameClause(p, party.first));
    if (before.length === 0 || after.length === 0) continue;
    const occurrences = evidence.tokens.flatMap((shared, q) => (sameWord(pivot, shared) ? [q] : []));
    const inClaimOrder = (q: number) => {
      const turned = isPassive(claim, pivot) !== isPassive(evidence, evidence.tokens[q]!);
      const firstSide = (i: number) => (turned ? i > q : i < q);
      return before.some(({ at }) => at.some(firstSide)) && after.some(({ at }) => at.some((i) => i !== q && !firstSide(i)));
    };
    for (const q of occurrences) {
      const shared = evidence.tokens[q]!;
      // The passive on one side only puts the parties the other way round without swapping them
      // ("B was acquired by A" is "A acquired B"): then keeping their order is the swap ("B acquired A").
      const voiceTurned = isPassive(claim, pivot) !== isPassive(evidence, shared);
      if (voiceTurned && !isClearlyPassive(claim, pivot) && !isClearlyPassive(evidence, shared)) continue;
      const sideOfFirst = (i: number) => (voiceTurned ? i < q : i > q);
      const first = before.find(({ at }) => at.every(sideOfFirst));
      const second = after.find(({ at, party }) => at.every((i) => !sideOfFirst(i) && i !== q) && claim.tokens[party.first]!.term !== claim.tokens[first?.party.first ?? -1]?.term);
      if (!first || !second) continue;
      // The shared word said again with the claim's order ("Roger II … was crowned king … by Antipope Anacletus II",
      // after a bracket on another "crowned"): the statement is there as claimed.
      if (occurrences.some((other) => other !== q && inClaimOrder(other))) continue;
      // Named as the claim's agent against the party the evidence makes the agent.
      if (voiceTurned) return { claim: withoutPossessive(claim.tokens[second.party.first]!), evidence: withoutPossessive(evidence.tokens[first.at[0]!]!) };
      return { claim: withoutPossessive(claim.tokens[first.party.first]!), evidence: withoutPossessive(evidence.tokens[second.at[0]!]!) };
    }
  }
  return undefined;
}
