import lexicon from 'wink-lexicon/src/lexicon.js';
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

export interface RoleSwap {
  /** The claim's party before the shared word. */
  claim: Token;
  /** The party the evidence puts there instead. */
  evidence: Token;
}

/** A party of the statement: a name (all its words), or a single noun. */
interface Party {
  first: number;
  last: number;
  fact?: Fact;
}

/** A noun by the lexicon's first tag; a word it lacks ("mermaid") when written in lower case and WordNet has it as a common noun. */
const isNoun = (token: Token) => {
  const tag = lexicon[token.word]?.[0];
  return tag === undefined ? /^\p{Ll}/u.test(token.text) && isKnownNoun(token.word) : tag.startsWith('NN');
};
/** Only a verb relates two parties: nouns in a row ("the execution time of the setup statement") are one phrase. */
export const isVerb = (token: Token) => {
  const tags = lexicon[token.word];
  // A word the lexicon lacks is a verb by its ending ("infringed").
  return /^\p{Ll}/u.test(token.text) && (tags ? tags.some((tag) => tag.startsWith('VB')) : /ed$/.test(token.word));
};
/** A be-form right before the word (an adverb may sit between), or "by" just after it ("a pump, developed in 1698 by Savery"): the passive. */
const PASSIVE_BEFORE = /\b(?:is|are|was|were|be|been|being)\s+(?:\p{L}+ly\s+)?$/iu;
const AGENT_AFTER = /^(?:\s+[\p{L}\p{N}]+){0,3}?\s+by\b/iu;

export const isPassive = (text: AnalysedText, token: Token) => beForm(text, token) || AGENT_AFTER.test(text.text.slice(token.end));
export const beForm = (text: AnalysedText, token: Token) => PASSIVE_BEFORE.test(text.text.slice(Math.max(0, token.start - 40), token.start));
/** Surely passive: a be-form before the verb and its agent after ("were routed by the French"); "increased the price by 10%" is active. */
const isClearlyPassive = (text: AnalysedText, token: Token) => beForm(text, token) && AGENT_AFTER.test(text.text.slice(token.end));

function partiesOf(text: AnalysedText): Party[] {
  const names = text.facts.filter((fact) => fact.kind === 'name');
  const inName = (i: number) => names.some((fact) => i >= fact.first && i <= fact.last);
  const nouns = text.tokens.flatMap((token, i): Party[] => (!inName(i) && !/^\d/.test(token.word) && isNoun(token) ? [{ first: i, last: i }] : []));
  return [...names.map((fact) => ({ first: fact.first, last: fact.last, fact })), ...nouns];
}

/** "Sky's" names Sky: the party, and its span, without the possessive. */
function withoutPossessive(token: Token): Token {
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
    const before = found.filter(({ party }) => party.last < p);
    const after = found.filter(({ party }) => party.first > p);
    if (before.length === 0 || after.length === 0) continue;
    for (const [q, shared] of evidence.tokens.entries()) {
      if (!sameWord(pivot, shared)) continue;
      // The passive on one side only puts the parties the other way round without swapping them
      // ("B was acquired by A" is "A acquired B"): then keeping their order is the swap ("B acquired A").
      const voiceTurned = isPassive(claim, pivot) !== isPassive(evidence, shared);
      if (voiceTurned && !isClearlyPassive(claim, pivot) && !isClearlyPassive(evidence, shared)) continue;
      const sideOfFirst = (i: number) => (voiceTurned ? i < q : i > q);
      const first = before.find(({ at }) => at.every(sideOfFirst));
      const second = after.find(({ at, party }) => at.every((i) => !sideOfFirst(i) && i !== q) && claim.tokens[party.first]!.term !== claim.tokens[first?.party.first ?? -1]?.term);
      if (!first || !second) continue;
      // Named as the claim's agent against the party the evidence makes the agent.
      if (voiceTurned) return { claim: withoutPossessive(claim.tokens[second.party.first]!), evidence: withoutPossessive(evidence.tokens[first.at[0]!]!) };
      return { claim: withoutPossessive(claim.tokens[first.party.first]!), evidence: withoutPossessive(evidence.tokens[second.at[0]!]!) };
    }
  }
  return undefined;
}
