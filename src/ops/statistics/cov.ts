/**
 * Covariance matrices: {@linkcode cov}.
 *
 * @module
 */

import { checkDType, type DType, DTYPES } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { resultType } from "../../core/promotion.ts";
import { fmtShape } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { copy } from "../../core/copy.ts";
import { reshape, transpose } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { mean } from "../reduce/moments.ts";
import { sum } from "../reduce/reductions.ts";
import { checkOpts } from "./_opts.ts";
import { gramComplex, gramReal } from "./_gram.ts";

/** Options of {@linkcode cov}. */
export interface CovOpts {
  /** More variables (rows, or columns when `rowvar` is false), stacked after those of `m`. */
  y?: ArrayLike | null;
  /** Each row is a variable and each column an observation (default true); false swaps them. */
  rowvar?: boolean;
  /** Normalize by N (true) instead of N - 1 (default false); ignored when `ddof` is given. */
  bias?: boolean;
  /** Delta degrees of freedom (an integer); overrides `bias`. */
  ddof?: number | null;
  /** Integer frequency weights, one per observation. */
  fweights?: ArrayLike | null;
  /** Observation (reliability) weights, one per observation. */
  aweights?: ArrayLike | null;
  /** The computation and result dtype (default: float64, or complex128 for complex input). */
  dtype?: DType;
}

/** `x` as a 2-D array (0-d → [1,1], 1-D → one row), optionally transposed. */
function atLeast2d(x: NDArray, rowvar: boolean, isY: boolean): NDArray {
  const t = x.ndim === 0 ? reshape(x, [1, 1]) : x.ndim === 1 ? reshape(x, [1, -1]) : x;
  const flip = isY ? !rowvar && t.shape[0] !== 1 : !rowvar && x.ndim !== 1;
  return flip ? transpose(t) : t;
}

function observationWeights(
  w: ArrayLike,
  name: "fweights" | "aweights",
  n: number,
): Float64Array {
  const a = toArray(w, "cov", "float64");
  const v = copy(a).data as Float64Array;
  if (name === "fweights" && v.some((x) => x !== Math.round(x))) {
    throw new TypeError("cov: fweights must be integers");
  }
  if (a.ndim !== 1) {
    throw new TypeError(`cov: ${name} must be 1-D, got shape ${fmtShape(a.shape)}`);
  }
  if (a.shape[0] !== n) {
    throw new TypeError(
      `cov: incompatible numbers of samples and ${name}: ${n} observations, ${a.shape[0]} ${name}`,
    );
  }
  if (v.some((x) => x < 0)) throw new RangeError(`cov: ${name} cannot be negative`);
  return v;
}

/**
 * Covariance matrix of the variables in `m` (and `y`): rows are variables and columns
 * observations unless `rowvar` is false. Normalized by `N - 1` by default (`N` with
 * `bias: true`, `N - ddof` with `ddof`), with NumPy's formulas for frequency and observation
 * weights. The result is float64 (complex128 for complex input) unless `dtype` is given; one
 * variable gives a 0-d array. Too few degrees of freedom give infinities or NaN, as NumPy.
 * Always a new array.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const x = nd.array([[0, 1, 2], [2, 1, 0]]);
 * console.assert(JSON.stringify(nd.cov(x).toArray()) === "[[1,-1],[-1,1]]");
 * console.assert(nd.cov([1, 2, 3, 4], { bias: true }).item() === 1.25);
 * ```
 */
export function cov(m: ArrayLike, opts?: CovOpts): NDArray {
  const o = checkOpts(opts, "cov");
  const rowvar = o.rowvar ?? true;
  if (o.ddof !== undefined && o.ddof !== null && !Number.isInteger(o.ddof)) {
    throw new TypeError(`cov: ddof must be an integer, got ${String(o.ddof)}`);
  }
  const mA = toArray(m, "cov");
  if (mA.ndim > 2) {
    throw new TypeError(`cov: m has more than 2 dimensions: shape ${fmtShape(mA.shape)}`);
  }
  const yA = o.y === undefined || o.y === null ? null : toArray(o.y, "cov");
  if (yA && yA.ndim > 2) {
    throw new TypeError(`cov: y has more than 2 dimensions: shape ${fmtShape(yA.shape)}`);
  }
  const dtype = o.dtype !== undefined
    ? checkDType(o.dtype, "cov")
    : yA
    ? resultType(mA.dtype, yA.dtype, "float64")
    : resultType(mA.dtype, "float64");
  const kind = DTYPES[dtype].kind;
  if (kind !== "f" && kind !== "c") {
    throw new TypeError(`cov: dtype must be a float or complex dtype, got ${dtype}`);
  }
  const cplx = kind === "c";
  const work: DType = cplx ? "complex128" : "float64";
  const X = atLeast2d(mA, rowvar, false);
  if (X.shape[0] === 0) return new NDArray("float64", new Float64Array(0), [0, 0]);
  const Y = yA ? atLeast2d(yA, rowvar, true) : null;
  const n = X.shape[1];
  if (Y && Y.shape[1] !== n) {
    throw new TypeError(
      `cov: m and y must have the same number of observations: m has ${n}, y has ${Y.shape[1]}`,
    );
  }
  const p = X.shape[0] + (Y ? Y.shape[0] : 0);
  // The variables as rows of one contiguous buffer, cast to dtype first (as NumPy does).
  const lanes = cplx ? 2 : 1;
  const data = new Float64Array(p * n * lanes);
  data.set(copy(copy(X, dtype), work).data as Float64Array);
  if (Y) data.set(copy(copy(Y, dtype), work).data as Float64Array, X.size * lanes);
  const ddof = o.ddof ?? (o.bias ? 0 : 1);
  const fw = o.fweights == null ? null : observationWeights(o.fweights, "fweights", n);
  const aw = o.aweights == null ? null : observationWeights(o.aweights, "aweights", n);
  let w: Float64Array | null = fw ?? aw;
  if (fw && aw) w = fw.map((v, i) => v * aw[i]);
  const rows = new NDArray(work, data, [p, n]);
  let avg: Float64Array, wSum: number;
  if (w === null) {
    avg = mean(rows, { axis: 1 }).data as Float64Array;
    wSum = n;
  } else {
    wSum = sum(w).item() as number;
    if (wSum === 0) throw new RangeError("cov: weights sum to zero, can't be normalized");
    const wn = new NDArray("float64", w, [1, n]);
    const tot = sum(rows.mul(wn), { axis: 1 }).data as Float64Array;
    avg = tot.map((v) => v / wSum);
  }
  let fact: number;
  if (w === null) fact = n - ddof;
  else if (ddof === 0) fact = wSum;
  else if (aw === null) fact = wSum - ddof;
  else {
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i] * aw[i];
    fact = wSum - (ddof * s) / wSum;
  }
  if (fact <= 0) fact = 0;
  for (let i = 0; i < p; i++) {
    const ar = avg[lanes * i], ai = cplx ? avg[2 * i + 1] : 0;
    const base = i * n * lanes;
    if (cplx) {
      for (let k = 0; k < n; k++) {
        data[base + 2 * k] -= ar;
        data[base + 2 * k + 1] -= ai;
      }
    } else for (let k = 0; k < n; k++) data[base + k] -= ar;
  }
  let xw = data;
  if (w !== null) {
    xw = new Float64Array(data.length);
    for (let i = 0; i < p; i++) {
      for (let k = 0; k < n * lanes; k++) {
        xw[i * n * lanes + k] = data[i * n * lanes + k] * w[(k / lanes) | 0];
      }
    }
  }
  const c = new Float64Array(p * p * lanes);
  if (cplx) gramComplex(data, xw, p, n, c);
  else gramReal(data, xw, p, n, c, w === null);
  const scale = 1 / fact;
  for (let i = 0; i < c.length; i++) c[i] *= scale;
  const out = new NDArray(work, c, p === 1 ? [] : [p, p]);
  return dtype === work ? out : copy(out, dtype);
}
