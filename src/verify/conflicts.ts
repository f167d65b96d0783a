import type { Assessment } from './assess.js';
import type { Conflict, SpanRef } from './types.js';

/**
 * What a contradicting piece of evidence states differently, each as the claim's words against
 * the evidence's, with where the evidence's sit: a changed value ("2016" / "2014"), a word against
 * its opposite ("included" / "excluded"), or the party the evidence puts in the claim's place
 * ("Sky" / "Microsoft").
 */
export function conflictsOf(unit: SpanRef & Pick<Assessment, 'facts' | 'antonyms' | 'replaced' | 'roleSwap'>): Conflict[] {
  const at = (claim: string, evidence: { text: string; start: number; end: number }): Conflict => ({
    claim,
    evidence: evidence.text,
    source: unit.source,
    start: unit.start + evidence.start,
    end: unit.start + evidence.end,
  });
  return [
    ...unit.facts.conflicts.map(({ claim, evidence }) => at(claim.text, evidence)),
    ...[...unit.antonyms, ...unit.replaced].map(({ claim, evidence }) => at(claim.text, evidence)),
    ...(unit.roleSwap ? [at(unit.roleSwap.claim.text, unit.roleSwap.evidence)] : []),
  ];
}
