/**
 * Logistic regression by batch gradient descent on standardised inputs, with L2 regularisation
 * and optional per-example weights (to balance classes). Small and dependency-free: the data sets
 * are a few thousand rows of fewer than ten features.
 */

export interface Example {
  x: number[];
  y: 0 | 1;
  weight?: number;
}

export interface LogisticModel {
  bias: number;
  /** Weights on the raw (unstandardised) inputs. */
  weights: number[];
}

export interface FitOptions {
  iterations?: number;
  learningRate?: number;
  l2?: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function fitLogistic(examples: readonly Example[], { iterations = 3000, learningRate = 0.5, l2 = 1e-3 }: FitOptions = {}): LogisticModel {
  const d = examples[0]?.x.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => examples.reduce((sum, e) => sum + e.x[j]!, 0) / examples.length);
  const std = Array.from({ length: d }, (_, j) => Math.sqrt(examples.reduce((sum, e) => sum + (e.x[j]! - mean[j]!) ** 2, 0) / examples.length) || 1);
  const rows = examples.map((e) => ({ x: e.x.map((v, j) => (v - mean[j]!) / std[j]!), y: e.y, w: e.weight ?? 1 }));
  const totalWeight = rows.reduce((sum, row) => sum + row.w, 0);
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gradient = new Array<number>(d).fill(0);
    let gradientBias = 0;
    for (const row of rows) {
      const error = (sigmoid(b + row.x.reduce((sum, v, j) => sum + v * w[j]!, 0)) - row.y) * row.w;
      gradientBias += error;
      for (let j = 0; j < d; j++) gradient[j]! += error * row.x[j]!;
    }
    b -= (learningRate * gradientBias) / totalWeight;
    for (let j = 0; j < d; j++) w[j]! -= learningRate * (gradient[j]! / totalWeight + l2 * w[j]!);
  }
  // Back to raw inputs: w·(x−μ)/σ + b = (w/σ)·x + (b − Σ wμ/σ).
  const weights = w.map((value, j) => value / std[j]!);
  return { bias: b - w.reduce((sum, value, j) => sum + (value * mean[j]!) / std[j]!, 0), weights };
}

export function predict(model: LogisticModel, x: readonly number[]): number {
  return sigmoid(model.bias + x.reduce((sum, v, j) => sum + v * model.weights[j]!, 0));
}

/** Area under the ROC curve: how well the model orders positives above negatives (0.5 = chance). */
export function auc(scored: ReadonlyArray<{ p: number; y: 0 | 1 }>): number {
  const sorted = [...scored].sort((a, b) => a.p - b.p);
  let rankSum = 0;
  let positives = 0;
  sorted.forEach((item, i) => {
    if (item.y === 1) {
      rankSum += i + 1;
      positives++;
    }
  });
  const negatives = sorted.length - positives;
  return positives === 0 || negatives === 0 ? NaN : (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
