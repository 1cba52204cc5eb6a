/**
 * `choice` for `Generator` and `RandomState`: argument checks and NumPy's sampling algorithms
 * (inverse CDF with `p`; bounded integers without; without replacement, repeated rounds over
 * `p` or, without `p`, Floyd's algorithm / a tail shuffle (Generator) or a permutation prefix
 * (RandomState)).
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { copy } from "../core/copy.ts";
import { normalizeAxis, shapeSize } from "../core/shape.ts";
import { take } from "../ops/manipulation/take.ts";
import type { BitGen } from "./_bitgen.ts";
import { boundedFill64, boundedIndex, randomInterval } from "./_bounded.ts";
import { type Size, sizeShape } from "./_common.ts";

/** Options of `choice`. */
export interface ChoiceOpts {
  /** Output shape (one value when omitted). */
  size?: Size;
  /** Sample with replacement (default true). */
  replace?: boolean;
  /** Probabilities of the entries of `a` (uniform when omitted); must sum to 1. */
  p?: ArrayLike;
  /** The axis of `a` to sample along (default 0; Generator only). */
  axis?: number;
  /** Shuffle a sample drawn without replacement (default true; Generator only). */
  shuffle?: boolean;
}

function kahanSum(x: Float64Array): number {
  let s = 0, c = 0;
  for (let i = 0; i < x.length; i++) {
    const y = x[i] - c, t = s + y;
    c = (t - s) - y;
    s = t;
  }
  return s;
}

/** First index with cdf[i] > u (searchsorted, side "right"). */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0, hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function normalizedCdf(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = s += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

function checkP(where: string, pIn: ArrayLike, popSize: number): Float64Array {
  const arr = toArray(pIn, where);
  const atol = arr.dtype === "float32" || arr.dtype === "float16"
    ? Math.sqrt(arr.dtype === "float32" ? 1.1920928955078125e-7 : 0.0009765625)
    : Math.sqrt(2.220446049250313e-16);
  if (arr.ndim !== 1) {
    throw new TypeError(`${where}: p must be 1-dimensional, got ${arr.ndim} dimensions`);
  }
  if (arr.size !== popSize) {
    throw new TypeError(
      `${where}: a and p must have the same size: got ${popSize} and ${arr.size}`,
    );
  }
  const p = copy(arr, "float64").data as Float64Array;
  const sum = kahanSum(p);
  if (Number.isNaN(sum)) throw new RangeError(`${where}: probabilities contain NaN`);
  if (p.some((v) => v < 0)) throw new RangeError(`${where}: probabilities must be non-negative`);
  if (Math.abs(sum - 1) > atol) {
    throw new RangeError(`${where}: probabilities must sum to 1, got a sum of ${sum}`);
  }
  return p;
}

/** Indices drawn by NumPy's algorithms, as float64 values. */
function sampleIndices(
  bg: BitGen,
  where: string,
  popSize: number,
  n: number,
  opts: ChoiceOpts,
  legacy: boolean,
  p: Float64Array | null,
): Float64Array {
  const replace = opts.replace ?? true;
  if (typeof replace !== "boolean") throw new TypeError(`${where}: replace must be a boolean`);
  const idx = new Float64Array(n);
  if (replace) {
    if (p) {
      const cdf = normalizedCdf(p);
      const u = new Float64Array(n);
      bg.fillDoubles(u, 0, n);
      for (let i = 0; i < n; i++) idx[i] = searchRight(cdf, u[i]);
    } else {
      const w = boundedFill64(bg, 0n, BigInt(popSize - 1), n, legacy);
      for (let i = 0; i < n; i++) idx[i] = w[2 * i] + w[2 * i + 1] * 4294967296;
    }
    return idx;
  }
  if (n > popSize) {
    throw new RangeError(
      `${where}: cannot take a larger sample than the population without replacement: ` +
        `${n} > ${popSize}`,
    );
  }
  if (p) {
    if (p.filter((v) => v > 0).length < n) {
      throw new RangeError(`${where}: fewer non-zero entries in p than size ${n}`);
    }
    const q = p.slice();
    let found = 0;
    while (found < n) {
      const x = new Float64Array(n - found);
      bg.fillDoubles(x, 0, x.length);
      for (let i = 0; i < found; i++) q[idx[i]] = 0;
      const cdf = normalizedCdf(q);
      const seen = new Set<number>();
      for (let i = 0; i < x.length; i++) {
        const k = searchRight(cdf, x[i]);
        if (!seen.has(k)) {
          seen.add(k);
          idx[found++] = k;
        }
      }
    }
    return idx;
  }
  if (legacy) {
    // permutation(popSize)[:n]
    const perm = new Float64Array(popSize);
    for (let i = 0; i < popSize; i++) perm[i] = i;
    for (let i = popSize - 1; i > 0; i--) {
      const j = randomInterval(bg, i), t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    return perm.slice(0, n);
  }
  const shuffle = opts.shuffle ?? true;
  const cutoff = shuffle ? 50 : 20;
  if (popSize > 10000 && n > Math.floor(popSize / cutoff)) {
    // shuffle the tail of arange(popSize)
    const all = new Float64Array(popSize);
    for (let i = 0; i < popSize; i++) all[i] = i;
    for (let i = popSize - 1; i >= Math.max(popSize - n, 1); i--) {
      const j = boundedIndex(bg, i), t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return all.slice(popSize - n);
  }
  // Floyd's algorithm with an open-addressing set
  let mask = Math.floor(1.2 * n);
  for (let s = 1; s <= 16; s <<= 1) mask |= mask >>> s;
  const setSize = mask + 1, set = new Float64Array(setSize).fill(-1);
  for (let j = popSize - n; j < popSize; j++) {
    const val = boundedIndex(bg, j);
    let loc = val % setSize;
    while (set[loc] !== -1 && set[loc] !== val) loc = (loc + 1) % setSize;
    if (set[loc] === -1) {
      set[loc] = val;
      idx[j - popSize + n] = val;
    } else {
      loc = j % setSize;
      while (set[loc] !== -1) loc = (loc + 1) % setSize;
      set[loc] = j;
      idx[j - popSize + n] = j;
    }
  }
  if (shuffle) {
    for (let i = n - 1; i >= 1; i--) {
      const j = boundedIndex(bg, i), t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
  }
  return idx;
}

/** NumPy's `choice`: from `arange(a)` when `a` is an integer, else from `a` along an axis. */
export function choose(
  bg: BitGen,
  where: string,
  a: ArrayLike,
  opts: ChoiceOpts,
  legacy: boolean,
): unknown {
  const shape = sizeShape(opts.size, where);
  const n = shape === null ? 1 : shapeSize(shape);
  let arr: NDArray | null = null, popSize: number;
  const axisIn = opts.axis ?? 0;
  if (typeof a === "number" || typeof a === "bigint") {
    popSize = Number(a);
    if (!Number.isInteger(popSize)) {
      throw new TypeError(`${where}: a must be an integer or an array, got ${a}`);
    }
    if (popSize <= 0 && n !== 0) {
      throw new RangeError(
        `${where}: a must be a positive integer unless no samples are taken, got ${a}`,
      );
    }
  } else {
    arr = toArray(a, where);
    if (arr.ndim === 0) return choose(bg, where, arr.item() as number, opts, legacy);
    if (legacy && arr.ndim !== 1) {
      throw new TypeError(`${where}: a must be 1-dimensional, got ${arr.ndim} dimensions`);
    }
    const ax = normalizeAxis(axisIn, arr.ndim, where);
    popSize = arr.shape[ax];
    if (popSize === 0 && n !== 0) {
      throw new RangeError(`${where}: a cannot be empty unless no samples are taken`);
    }
  }
  const p = opts.p === undefined || opts.p === null ? null : checkP(where, opts.p, popSize);
  const idx = sampleIndices(bg, where, popSize, n, opts, legacy, p);
  if (arr === null) {
    if (shape === null) return BigInt(idx[0]);
    return new NDArray("int64", BigInt64Array.from(idx, (v) => BigInt(v)), shape);
  }
  const ax = normalizeAxis(axisIn, arr.ndim, where);
  if (shape === null) {
    const r = take(arr, idx[0], { axis: ax });
    return r.ndim === 0 ? r.item() : r;
  }
  const ind = new NDArray("int64", BigInt64Array.from(idx, (v) => BigInt(v)), shape);
  return take(arr, ind, { axis: ax });
}
