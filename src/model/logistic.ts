/**
 * Multinomial logistic regression over sparse features, trained by AdaGrad with a fixed seed and a
 * fixed number of passes, so the same data always gives the same model (it is trained at build time).
 */

/** One training example: feature names (value 1) or [name, value] pairs, its class, a weight. */
export interface Sample {
  features: ReadonlyArray<string | readonly [string, number]>;
  label: number;
  weight?: number;
}

export interface TrainOptions {
  classes: readonly string[];
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Features seen in fewer samples are dropped. */
  minCount?: number;
  seed?: number;
}

export interface Model {
  classes: string[];
  bias: number[];
  /** How many features have weights. */
  size: number;
  /** Row of a feature in `weights` (which holds one value per class for each row), or -1 for a feature the model does not know. */
  row(name: string): number;
  /** The feature names in row order. */
  names(): string[];
  weights: Float32Array;
}

/** A model whose features are looked up in a Map: what training makes (files are read by packed.ts). */
export function mapModel(parts: { classes: string[]; bias: number[]; index: ReadonlyMap<string, number>; weights: Float32Array }): Model {
  const { classes, bias, index, weights } = parts;
  const names = [...index.keys()];
  names.sort((a, b) => index.get(a)! - index.get(b)!);
  return { classes, bias, weights, size: index.size, row: (name) => index.get(name) ?? -1, names: () => [...names] };
}

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pairs = (f: Sample['features']): Array<readonly [string, number]> => f.map((x) => (typeof x === 'string' ? ([x, 1] as const) : x));

/** Trains a model. Pure: the same samples and options give the same weights. */
export function train(samples: readonly Sample[], options: TrainOptions): Model {
  const { classes, epochs = 15, learningRate = 0.2, l2 = 1e-5, minCount = 1, seed = 7 } = options;
  const K = classes.length;
  const counts = new Map<string, number>();
  const rows = samples.map((s) => {
    const f = pairs(s.features);
    for (const [k] of f) counts.set(k, (counts.get(k) ?? 0) + 1);
    return { f, y: s.label, w: s.weight ?? 1 };
  });
  const index = new Map<string, number>();
  for (const k of [...counts.keys()].sort()) if (counts.get(k)! >= minCount) index.set(k, index.size);
  const D = index.size;
  const W = new Float64Array((D + 1) * K);
  const G = new Float64Array((D + 1) * K).fill(1e-8);
  const data = rows.map((r) => ({ idx: r.f.filter(([k]) => index.has(k)).map(([k, v]) => [index.get(k)!, v] as const), y: r.y, w: r.w }));
  const random = prng(seed);
  const order = data.map((_, i) => i);
  const z = new Float64Array(K);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const { idx, y, w } = data[n]!;
      for (let k = 0; k < K; k++) z[k] = W[D * K + k]!;
      for (const [j, v] of idx) for (let k = 0; k < K; k++) z[k]! += W[j * K + k]! * v;
      softmaxInPlace(z);
      for (let k = 0; k < K; k++) {
        const g = w * (z[k]! - (k === y ? 1 : 0));
        const b = D * K + k;
        G[b]! += g * g;
        W[b]! -= (learningRate * g) / Math.sqrt(G[b]!);
        for (const [j, v] of idx) {
          const p = j * K + k;
          const gg = g * v + l2 * W[p]!;
          G[p]! += gg * gg;
          W[p]! -= (learningRate * gg) / Math.sqrt(G[p]!);
        }
      }
    }
  }
  // Features whose weights stayed near zero say nothing; leaving them out keeps the file small.
  const kept = [...index].filter(([, j]) => {
    for (let k = 0; k < K; k++) if (Math.abs(W[j * K + k]!) >= 1e-3) return true;
    return false;
  });
  const out = new Float32Array(kept.length * K);
  const outIndex = new Map<string, number>();
  kept.forEach(([name, j], row) => {
    outIndex.set(name, row);
    for (let k = 0; k < K; k++) out[row * K + k] = W[j * K + k]!;
  });
  return mapModel({ classes: [...classes], bias: Array.from(W.subarray(D * K, D * K + K), (x) => Math.fround(x)), index: outIndex, weights: out });
}

function softmaxInPlace(z: Float64Array | number[]): void {
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if (z[k]! > max) max = z[k]!;
  let sum = 0;
  for (let k = 0; k < z.length; k++) {
    z[k] = Math.exp(z[k]! - max);
    sum += z[k]!;
  }
  for (let k = 0; k < z.length; k++) z[k]! /= sum;
}

/** Class probabilities for one example. */
export function predict(model: Model, features: Sample['features']): number[] {
  const z = model.bias.slice();
  const K = z.length;
  const w = model.weights;
  for (const x of features) {
    const name = typeof x === 'string' ? x : x[0];
    const row = model.row(name);
    if (row < 0) continue;
    const v = typeof x === 'string' ? 1 : x[1];
    for (let i = 0; i < K; i++) z[i]! += w[row * K + i]! * v;
  }
  softmaxInPlace(z);
  return z;
}

/**
 * Class probabilities for one example given as the model's rows (-1 for a feature it does not
 * know), each with value 1: the same sums in the same order as `predict` over the rows' names.
 */
export function predictRows(model: Model, rows: ArrayLike<number>, n = rows.length): number[] {
  const z = model.bias.slice();
  const K = z.length;
  const w = model.weights;
  for (let j = 0; j < n; j++) {
    const row = rows[j]!;
    if (row < 0) continue;
    for (let i = 0; i < K; i++) z[i]! += w[row * K + i]! * 1;
  }
  softmaxInPlace(z);
  return z;
}
