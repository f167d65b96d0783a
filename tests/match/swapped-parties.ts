import type { Token } from '../../src/match/analyzer.js';
import { analyse, type AnalysedText } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';
import type { RoleOptions, RoleSwap } from '../../src/match/roles.js';

/** Tokens are the same word only when their terms are equal: no word meaning in these tests. */
const sameWord = (a: Token, b: Token) => a.term === b.term;

/** A finder of two parties that trade places (roleSwap, mirroredParties), read on two plain texts as "claim's party→evidence's party". */
export const partiesSwappedBy =
  (find: (claim: AnalysedText, evidence: AnalysedText, options: RoleOptions) => RoleSwap | undefined) =>
  (claim: string, evidence: string): string | undefined => {
    const found = find(analyse(claim, { isNameAtStart: () => true }), analyse(evidence, { isNameAtStart: () => true }), { names: nameMatcher(), sameWord });
    return found && `${found.claim.text}→${found.evidence.text}`;
  };
