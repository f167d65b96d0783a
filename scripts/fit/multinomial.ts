import { softmaxScores, type MultinomialModel } from '../../src/verify/learned-verdict.js';

/**
 * Multinomial (softmax) logistic regression by batch gradient descent on standardised inputs, with
 * L2 regularisation and per-example weights: the checker's verdict is one of four classes, learned
 * from about 1,500 labelled claims of a few dozen features. Small and dependency-free, like logistic.ts.
 */

export interface MultiExample {
  x: readonly number[];
  /** The class, 0 … classes − 1. */
  y: number;
  weight?: number;
}

export interface MultiFitOptions {
  classes: number;
  iterations?: number;
  learningRate?: number;
  l2?: number;
}

export function fitMultinomial(examples: readonly MultiExample[], { classes, iterations = 2000, learningRate = 0.5, l2 = 1e-3 }: MultiFitOptions): MultinomialModel {
  const d = examples[0]?.x.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => examples.reduce((sum, e) => sum + e.x[j]!, 0) / examples.length);
  const std = Array.from({ length: d }, (_, j) => Math.sqrt(examples.reduce((sum, e) => sum + (e.x[j]! - mean[j]!) ** 2, 0) / examples.length) || 1);
  const rows = examples.map((e) => ({ x: e.x.map((v, j) => (v - mean[j]!) / std[j]!), y: e.y, w: e.weight ?? 1 }));
  const totalWeight = rows.reduce((sum, row) => sum + row.w, 0);
  const model: MultinomialModel = { bias: new Array<number>(classes).fill(0), weights: Array.from({ length: classes }, () => new Array<number>(d).fill(0)) };
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = Array.from({ length: classes }, () => new Array<number>(d).fill(0));
    const gradientBias = new Array<number>(classes).fill(0);
    for (const row of rows) {
      const p = softmaxScores(model, row.x);
      for (let k = 0; k < classes; k++) {
        const error = (p[k]! - (row.y === k ? 1 : 0)) * row.w;
        gradientBias[k]! += error;
        for (let j = 0; j < d; j++) gradient[k]![j]! += error * row.x[j]!;
      }
    }
    for (let k = 0; k < classes; k++) {
      model.bias[k]! -= (learningRate * gradientBias[k]!) / totalWeight;
      for (let j = 0; j < d; j++) model.weights[k]![j]! -= learningRate * (gradient[k]![j]! / totalWeight + l2 * model.weights[k]![j]!);
    }
  }
  // Back to raw inputs: w·(x−μ)/σ + b = (w/σ)·x + (b − Σ wμ/σ).
  return {
    bias: model.bias.map((b, k) => b - model.weights[k]!.reduce((sum, w, j) => sum + (w * mean[j]!) / std[j]!, 0)),
    weights: model.weights.map((row) => row.map((w, j) => w / std[j]!)),
  };
}
