/**
 * `trainTestSplit`: random train and test subsets of arrays (scikit-learn's
 * `sklearn.model_selection.train_test_split`, the same indices for the same seed).
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { take } from "../ops/manipulation/mod.ts";
import { Generator } from "../random/generator.ts";
import { RandomState } from "../random/random_state.ts";
import { globalState } from "../random/legacy.ts";
import { describe } from "./_validation.ts";

/** What `trainTestSplit` splits: NDArrays (along axis 0) and JS arrays. */
export type Splittable = NDArray | readonly unknown[];

/** Options of {@linkcode trainTestSplit}. */
export interface TrainTestSplitOpts {
  /**
   * The test set: a fraction in (0, 1) of the samples (rounded up) or, as an integer, a count.
   * Default: the complement of `trainSize`, or 0.25 when neither is given.
   */
  testSize?: number | null;
  /** The train set: a fraction (rounded down) or a count. Default: the complement of the test set. */
  trainSize?: number | null;
  /**
   * The randomness: a seed (scikit-learn's `random_state=int`: a legacy `RandomState(seed)`, so
   * the split equals scikit-learn's), an `nd.random.RandomState`, an `nd.random.Generator`
   * (NumPy's `default_rng` stream), or null for the global RandomState (`nd.random.seed`).
   */
  rng?: number | RandomState | Generator | null;
  /** Shuffle before splitting (default true); false takes the first samples for training. */
  shuffle?: boolean;
  /** Class labels (numbers or strings, one per sample) to keep the class proportions of. */
  stratify?: Splittable | null;
}

const NAME = "trainTestSplit";

type Rng = RandomState | Generator;

function resolveRng(r: TrainTestSplitOpts["rng"]): Rng {
  if (r === null || r === undefined) return globalState();
  if (r instanceof RandomState || r instanceof Generator) return r;
  if (typeof r === "number" && Number.isInteger(r) && r >= 0 && r < 2 ** 32) {
    return new RandomState(r);
  }
  throw new TypeError(
    `${NAME}: rng must be an integer seed in [0, 2**32), an nd.random.RandomState or ` +
      `Generator, or null, got ${describe(r)}`,
  );
}

/** `rng.permutation(x)` as numbers. */
function perm(rng: Rng, x: number | number[]): number[] {
  const arg = typeof x === "number"
    ? x
    : new NDArray("int64", BigInt64Array.from(x, BigInt), [x.length]);
  return Array.from(rng.permutation(arg).data as BigInt64Array, Number);
}

/** scikit-learn's `_validate_shuffle_split`: the train and test sizes. */
function sizes(n: number, test: number | null, train: number | null): [number, number] {
  if (test === null && train === null) test = 0.25;
  const check = (v: number | null, what: string) => {
    if (v === null) return;
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new TypeError(`${NAME}: ${what} must be a number or null, got ${describe(v)}`);
    }
    if (Number.isInteger(v) ? v >= n || v <= 0 : v <= 0 || v >= 1) {
      throw new RangeError(
        `${NAME}: ${what}=${v} should be either positive and smaller than the number of ` +
          `samples ${n} or a float in the (0, 1) range`,
      );
    }
  };
  check(test, "testSize");
  check(train, "trainSize");
  const frac = (v: number | null) => v !== null && !Number.isInteger(v);
  if (frac(test) && frac(train) && (test as number) + (train as number) > 1) {
    throw new RangeError(
      `${NAME}: the sum of testSize and trainSize = ${(test as number) + (train as number)} ` +
        `should be in the (0, 1) range: reduce testSize and/or trainSize`,
    );
  }
  let nTest = test === null ? 0 : frac(test) ? Math.ceil(test * n) : test;
  let nTrain = train === null ? 0 : frac(train) ? Math.floor(train * n) : train;
  if (train === null) nTrain = n - nTest;
  else if (test === null) nTest = n - nTrain;
  if (nTrain + nTest > n) {
    throw new RangeError(
      `${NAME}: the sum of trainSize and testSize = ${nTrain + nTest} should be smaller ` +
        `than the number of samples ${n}: reduce testSize and/or trainSize`,
    );
  }
  if (nTrain === 0) {
    throw new RangeError(
      `${NAME}: with nSamples=${n}, testSize=${test} and trainSize=${train}, the resulting ` +
        `train set would be empty: adjust any of these`,
    );
  }
  return [nTrain, nTest];
}

/** scikit-learn's `_approximate_mode`: per-class draws adding up to `nDraws`. */
function approximateMode(counts: number[], nDraws: number, rng: Rng): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const continuous = counts.map((c) => c / total * nDraws);
  const floored = continuous.map(Math.floor);
  let need = nDraws - floored.reduce((a, b) => a + b, 0);
  if (need > 0) {
    const remainder = continuous.map((c, i) => c - floored[i]);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds = remainder.flatMap((r, i) => r === value ? [i] : []);
      const addNow = Math.min(inds.length, need);
      const arg = new NDArray("int64", BigInt64Array.from(inds, BigInt), [inds.length]);
      const picked = (rng.choice(arg, { size: addNow, replace: false }) as NDArray)
        .data as BigInt64Array;
      for (const i of picked) floored[Number(i)] += 1;
      need -= addNow;
      if (need === 0) break;
    }
  }
  return floored;
}

/** The label of each sample as a string key (rows of 2-D labels joined with spaces). */
function labelKeys(y: Splittable): (string | number)[] {
  if (y instanceof NDArray) {
    const rows = y.toArray() as unknown[];
    return rows.map((r) => Array.isArray(r) ? r.map(String).join(" ") : Number(r));
  }
  return y.map((v) => Array.isArray(v) ? v.map(String).join(" ") : v as string | number);
}

/** StratifiedShuffleSplit's first split. */
function stratified(y: Splittable, nTrain: number, nTest: number, rng: Rng): [number[], number[]] {
  const keys = labelKeys(y);
  const kinds = new Set(keys.map((k) => typeof k));
  if (kinds.size > 1) {
    throw new TypeError(`${NAME}: stratify labels must be all numbers or all strings`);
  }
  const classes = [...new Set(keys)].sort((a, b) =>
    typeof a === "number" ? a - (b as number) : a < b ? -1 : a > b ? 1 : 0
  );
  const index = new Map(classes.map((c, i) => [c, i]));
  const members: number[][] = classes.map(() => []);
  keys.forEach((k, i) => members[index.get(k) as number].push(i));
  const counts = members.map((m) => m.length);
  if (Math.min(...counts) < 2) {
    throw new RangeError(
      `${NAME}: the least populated class in stratify has only 1 member, which is too few: ` +
        `the minimum number of members of any class cannot be less than 2`,
    );
  }
  const nClasses = classes.length;
  if (nTrain < nClasses) {
    throw new RangeError(
      `${NAME}: the train size = ${nTrain} should be greater or equal to the number of ` +
        `classes = ${nClasses}`,
    );
  }
  if (nTest < nClasses) {
    throw new RangeError(
      `${NAME}: the test size = ${nTest} should be greater or equal to the number of ` +
        `classes = ${nClasses}`,
    );
  }
  const nI = approximateMode(counts, nTrain, rng);
  const tI = approximateMode(counts.map((c, i) => c - nI[i]), nTest, rng);
  const train: number[] = [], test: number[] = [];
  for (let i = 0; i < nClasses; i++) {
    const p = perm(rng, counts[i]).map((k) => members[i][k]);
    train.push(...p.slice(0, nI[i]));
    test.push(...p.slice(nI[i], nI[i] + tI[i]));
  }
  return [perm(rng, train), perm(rng, test)];
}

/** The rows `idx` of `a`: an NDArray (a copy, axis 0) or a JS array. */
function pick<T extends Splittable>(a: T, idx: number[]): T {
  if (a instanceof NDArray) {
    return take(a, new NDArray("int64", BigInt64Array.from(idx, BigInt), [idx.length]), {
      axis: 0,
    }) as T;
  }
  return idx.map((i) => (a as readonly unknown[])[i]) as unknown as T;
}

/**
 * Splits arrays (NDArrays along axis 0, or JS arrays) into random train and test subsets:
 * `[a0Train, a0Test, a1Train, a1Test, ...]`, all with the same rows.
 *
 * The indices are scikit-learn's: with `rng` a seed s, the permutation is
 * `nd.random.RandomState(s).permutation(n)` (test = its first `nTest` entries, train = the next
 * `nTrain`), exactly what `train_test_split(..., random_state=s)` draws, so both libraries put
 * the same samples in each set; `stratify` follows StratifiedShuffleSplit draw for draw. A
 * `Generator` (`nd.random.defaultRng`) is used the same way, drawing from NumPy's newer stream
 * (scikit-learn does not take one). A size given as an integer is a count, otherwise a fraction
 * (JS numbers do not tell 1.0 from 1).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const x = nd.arange(10).reshape([5, 2]);
 * const y = ["a", "b", "c", "d", "e"];
 * const [xTrain, xTest, yTrain, yTest] = nd.ml.trainTestSplit([x, y], { testSize: 0.33, rng: 42 });
 * // scikit-learn: train_test_split(X, y, test_size=0.33, random_state=42)
 * assert.deepEqual(yTrain, ["c", "a", "d"]);
 * assert.deepEqual(yTest, ["b", "e"]);
 * assert.deepEqual((xTest as nd.NDArray).toArray(), [[2n, 3n], [8n, 9n]]);
 * assert.equal((xTrain as nd.NDArray).shape[0], 3);
 * ```
 */
export function trainTestSplit<T extends Splittable>(
  arrays: readonly T[],
  opts: TrainTestSplitOpts = {},
): T[] {
  if (!Array.isArray(arrays)) {
    throw new TypeError(`${NAME}: arrays must be an array of arrays, got ${describe(arrays)}`);
  }
  if (arrays.length === 0) throw new TypeError(`${NAME}: at least one array is required`);
  const lens = arrays.map((a, i) => {
    if (a instanceof NDArray) {
      if (a.ndim === 0) throw new TypeError(`${NAME}: array ${i} is 0-dimensional`);
      return a.shape[0];
    }
    if (Array.isArray(a)) return a.length;
    throw new TypeError(
      `${NAME}: array ${i} must be an NDArray or a JS array, got ${describe(a)}`,
    );
  });
  if (lens.some((l) => l !== lens[0])) {
    throw new TypeError(
      `${NAME}: found input arrays with inconsistent numbers of samples: [${lens.join(", ")}]`,
    );
  }
  const n = lens[0];
  const [nTrain, nTest] = sizes(n, opts.testSize ?? null, opts.trainSize ?? null);
  const shuffle = opts.shuffle ?? true;
  if (typeof shuffle !== "boolean") {
    throw new TypeError(`${NAME}: shuffle must be a boolean, got ${describe(shuffle)}`);
  }
  const strat = opts.stratify ?? null;
  if (strat !== null) {
    const len = strat instanceof NDArray
      ? strat.shape[0]
      : Array.isArray(strat)
      ? strat.length
      : -1;
    if (len !== n) {
      throw new TypeError(
        `${NAME}: stratify must hold one label per sample (${n}), got ${describe(strat)}`,
      );
    }
  }
  let train: number[], test: number[];
  if (!shuffle) {
    if (strat !== null) {
      throw new RangeError(`${NAME}: a stratified split is not implemented for shuffle=false`);
    }
    train = Array.from({ length: nTrain }, (_, i) => i);
    test = Array.from({ length: nTest }, (_, i) => nTrain + i);
  } else {
    const rng = resolveRng(opts.rng);
    if (strat !== null) [train, test] = stratified(strat, nTrain, nTest, rng);
    else {
      const p = perm(rng, n);
      test = p.slice(0, nTest);
      train = p.slice(nTest, nTest + nTrain);
    }
  }
  return arrays.flatMap((a) => [pick(a, train), pick(a, test)]);
}
