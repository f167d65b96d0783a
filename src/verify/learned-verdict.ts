import fitted from './verdict-model.json' with { type: 'json' };
import { FEATURE_NAMES } from './verdict-features.js';
import { VERDICTS, type Verdict } from './types.js';

/**
 * The verdict chosen from the checker's signals by a multinomial logistic model fitted on the
 * labelled claims (scripts/fit/checker-verdict.ts writes verdict-model.json): the rules find the
 * evidence, the conflicts and the missing parts; the weights decide between the four verdicts.
 */

export interface MultinomialModel {
  /** One bias per class. */
  bias: number[];
  /** Per class, weights on the raw inputs. */
  weights: number[][];
}

export interface VerdictModel extends MultinomialModel {
  features: string[];
  classes: Verdict[];
}

export function softmaxScores(model: MultinomialModel, x: readonly number[]): number[] {
  const z = model.bias.map((b, k) => b + x.reduce((sum, v, j) => sum + v * model.weights[k]![j]!, 0));
  const top = Math.max(...z);
  const e = z.map((value) => Math.exp(value - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((value) => value / total);
}

/** The fitted model, or null when it was fitted on other features than these (the rules' verdict stands). */
export function currentModel(model: VerdictModel): VerdictModel | null {
  return model.features.join() === FEATURE_NAMES.join() && model.classes.join() === VERDICTS.join() ? model : null;
}

const FITTED = currentModel(fitted as VerdictModel);

const at = (name: (typeof FEATURE_NAMES)[number]) => FEATURE_NAMES.indexOf(name);
const [EXACT, GAP, MISSING] = [at('exactCoverage'), at('largestGap'), at('factsMissing')];

/** Evidence that states every word and fact of the claim as written: an extractive answer's own quote. */
const statedWordForWord = (features: readonly number[]) => features[EXACT]! >= 1 && features[GAP] === 0 && features[MISSING] === 0;

/**
 * A contradiction by evidence that states all the rest of the claim: the changed value or the opposite is of
 * this statement. With a part of the claim unstated (its verb, an added clause), the changed value may be
 * another statement's ("were phased out … in 1968" against "… the first railway journey took place … in
 * 1804"), and such rule contradictions were right only half the time (45 of 89 over the 17 claims files).
 */
const contradictsWholeStatement = (features: readonly number[]) => features[GAP] === 0;

/**
 * The verdict for a claim whose rules' verdict is `rule`. Two readings of the rules stand: a
 * contradiction they find (a changed value, an opposite, swapped roles) by evidence that states the
 * rest of the claim — overruling every rule contradiction cost contradicted recall in cross-validation —
 * and support by evidence that states the claim word for word (cross-validated the same either way;
 * without it a long quoted sentence of several clauses read as partial, as long claims with an added
 * clause are). The model decides between the verdicts otherwise, contradicted included. Letting it decide
 * the rules' contradictions with a part of the claim unstated, over the 18 claims files: leave one file out
 * (scripts/fit/checker-verdict.ts) accuracy 0.822 → 0.833, contradicted recall 499 → 495 of 619; with the
 * committed model 0.827 → 0.839, 496 → 493; no file lower either way. Undefined when no model fits the features.
 */
export function learnedVerdict(features: readonly number[], rule: Verdict, model = FITTED): Verdict | undefined {
  if (!model) return undefined;
  if ((rule === 'contradicted' && contradictsWholeStatement(features)) || (rule === 'supported' && statedWordForWord(features))) return rule;
  const p = softmaxScores(model, features);
  return model.classes[p.indexOf(Math.max(...p))];
}

/**
 * The evidence read with the learned verdict (the rules' reading when no model is fitted): a contradiction
 * the rules did not settle on is cited from the best evidence that contradicts, so its changed values are named.
 */
export function withLearnedVerdict<Reading extends { verdict: Verdict }>(rules: Reading, scored: readonly Reading[], learned: Verdict | undefined): Reading {
  if (learned === undefined || learned === rules.verdict) return rules;
  const contradicting = learned === 'contradicted' ? scored.find((unit) => unit.verdict === 'contradicted') : undefined;
  return { ...(contradicting ?? rules), verdict: learned };
}
