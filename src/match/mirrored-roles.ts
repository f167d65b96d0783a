import type { Token } from './analyzer.js';
import type { AnalysedText } from './facts.js';
import { partiesOf, withoutPossessive, type Party, type RoleOptions, type RoleSwap } from './roles.js';

/**
 * Two parties that trade places around the same words: "NamedTemporaryFile is an alias for
 * TemporaryFile" against "TemporaryFile is an alias for NamedTemporaryFile"; "Teachers who had
 * enthusiastic students" against "Students who had enthusiastic teachers". roles.ts finds swaps
 * around a verb both share, one word; here the words between the two parties are the relation, and
 * they must be the same words in the same order on both sides. A paraphrase that only reorders the
 * statement ("The Edict of Nantes ended the wars" / "The wars finally ended with the granting of
 * the Edict") puts other words between them, so it is not read as a swap.
 */


/** More words than this between two parties are a clause of their own, not the relation between them. */
const MAX_RELATION_WORDS = 4;
/** "by" names the agent of a passive verb: the parties' order turns with it. */
const AGENT = /\bby\b/i;

/** The first pair of the claim's parties that the evidence names the other way round around the same words, if any. */
export function mirroredParties(claim: AnalysedText, evidence: AnalysedText, { names, sameWord }: RoleOptions): RoleSwap | undefined {
  const evidenceParties = partiesOf(evidence);
  // A one-word party is the same word either way, a name at the start of a sentence or not ("Teachers" / "teachers").
  const namesParty = (own: Party, other: Party) =>
    own.fact && other.fact ? names.same(own.fact, other.fact) : own.first === own.last && other.first === other.last && claim.tokens[own.first]!.term === evidence.tokens[other.first]!.term;
  // The same words in the same voice: "Luther was excommunicated by Pope Leo X" is "Pope Leo X excommunicated Luther".
  const sameRelation = (own: { words: readonly Token[]; agent: boolean }, from: Party, to: Party) => {
    const theirs = evidence.tokens.slice(from.last + 1, to.first);
    const agent = AGENT.test(evidence.text.slice(evidence.tokens[from.last]!.end, evidence.tokens[to.first]!.start));
    return agent === own.agent && theirs.length === own.words.length && own.words.every((word, i) => sameWord(word, theirs[i]!));
  };
  // Each claim party is looked for once, not once per pair it is in: a long claim against a long passage paired every party with every other.
  const named = new Map<Party, Party[]>();
  const naming = (own: Party) => named.get(own) ?? named.set(own, evidenceParties.filter((party) => namesParty(own, party))).get(own)!;
  const claimParties = partiesOf(claim).sort((a, b) => a.first - b.first);
  for (const [i, first] of claimParties.entries()) {
    for (const second of claimParties.slice(i + 1)) {
      const words = claim.tokens.slice(first.last + 1, second.first);
      if (words.length === 0 || words.length > MAX_RELATION_WORDS) continue;
      const relation = { words, agent: AGENT.test(claim.text.slice(claim.tokens[first.last]!.end, claim.tokens[second.first]!.start)) };
      const firsts = naming(first);
      const seconds = naming(second);
      // The same party twice ("function … function") has no roles to swap.
      if (firsts.some((party) => seconds.includes(party))) continue;
      // Stated the claim's way round somewhere in the evidence: no swap.
      if (firsts.some((a) => seconds.some((b) => b.first > a.last && sameRelation(relation, a, b)))) continue;
      for (const b of seconds) {
        const a = firsts.find((party) => party.first > b.last && sameRelation(relation, b, party));
        if (a) return { claim: withoutPossessive(claim.tokens[first.first]!), evidence: withoutPossessive(evidence.tokens[b.first]!) };
      }
    }
  }
  return undefined;
}
