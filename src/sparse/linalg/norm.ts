/**
 * `norm`: matrix and vector norms of sparse matrices (SciPy's `scipy.sparse.linalg.norm`),
 * computed from the stored entries without densifying.
 *
 * @module
 */

import { NDArray } from "../../core/ndarray.ts";
import { entriesOf } from "./_csc.ts";
import { svds } from "./svds.ts";
import type { OperatorLike } from "./linear_operator.ts";

/** The norm orders {@link norm} accepts. */
export type SparseNormOrd = "fro" | "f" | number;

/** Options of {@link norm}. */
export interface SparseNormOpts {
  /**
   * Matrix norms (no `axis`, or a pair): `"fro"` (default), `1`/`-1` (max/min column sum of
   * |a|), `Infinity`/`-Infinity` (max/min row sum), `2` (the largest singular value, by
   * `svds`). Vector norms along one `axis`: any p (`2` default, `Infinity` max |a|,
   * `-Infinity` min |a|, `0` the count of non-zeros, else `(Σ|a|ᵖ)^(1/p)`).
   */
  ord?: SparseNormOrd;
  /** `0`/`1` (or `-2`/`-1`) for vector norms along an axis, a pair for matrix norms. */
  axis?: number | readonly [number, number];
}

function axisOf(a: unknown, where: string): number {
  if (typeof a !== "number" || !Number.isInteger(a)) {
    throw new TypeError(
      `${where}: axis must be an integer or a pair of integers, got ${String(a)}`,
    );
  }
  if (a < -2 || a > 1) throw new RangeError(`${where}: axis ${a} is out of bounds for a matrix`);
  return a < 0 ? a + 2 : a;
}

/**
 * The norm of a sparse matrix (or a 2-D dense array, treated as the sparse matrix of its
 * non-zeros), as SciPy's `scipy.sparse.linalg.norm`: a number for matrix norms, an NDArray
 * (one value per row for `axis: 1`, per column for `axis: 0`) for vector norms. As in SciPy,
 * a vector norm with a negative or fractional order sums over the stored entries only.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import { norm } from "./mod.ts";
 * import assert from "node:assert/strict";
 * const A = nd.array([[1, -2, 0], [0, 0, 3]]);
 * assert.equal(norm(A), Math.sqrt(14));
 * assert.equal(norm(A, { ord: 1 }), 3);
 * assert.equal(norm(A, { ord: Infinity }), 3);
 * assert.equal(norm(A, { ord: -Infinity }), 3);
 * nd.testing.assertAllClose(norm(A, { axis: 1 }), [Math.sqrt(5), 3]);
 * nd.testing.assertAllClose(norm(A, { ord: 0, axis: 0 }), [1, 1, 1]);
 * ```
 */
export function norm(A: OperatorLike, opts: SparseNormOpts & { axis: number }): NDArray;
/** A matrix norm (see above). */
export function norm(
  A: OperatorLike,
  opts?: SparseNormOpts & { axis?: readonly [number, number] },
): number;
/** A matrix norm, or vector norms when `axis` is a number (see above). */
export function norm(A: OperatorLike, opts: SparseNormOpts): number | NDArray;
export function norm(A: OperatorLike, opts: SparseNormOpts = {}): number | NDArray {
  const where = "norm";
  if (typeof opts !== "object" || opts === null) {
    throw new TypeError(`${where}: options must be an object, got ${String(opts)}`);
  }
  const ord = opts.ord;
  if (
    ord !== undefined && ord !== "fro" && ord !== "f" &&
    (typeof ord !== "number" || Number.isNaN(ord))
  ) {
    throw new RangeError(
      `${where}: invalid norm order ${typeof ord === "number" ? ord : JSON.stringify(ord)}`,
    );
  }
  const { m, n, byRow, p, idx, x } = entriesOf(A, where, "A");
  const major = byRow ? m : n, nnz = p[major];
  const axis = opts.axis;
  if (axis === undefined || Array.isArray(axis)) {
    let rowAxis = 0, colAxis = 1;
    if (Array.isArray(axis)) {
      if (axis.length !== 2) {
        throw new RangeError(
          `${where}: axis must be an integer or a pair, got [${axis.join(",")}]`,
        );
      }
      rowAxis = axisOf(axis[0], where);
      colAxis = axisOf(axis[1], where);
      if (rowAxis === colAxis) {
        throw new RangeError(`${where}: duplicate axes given: [${axis.join(",")}]`);
      }
    }
    if (ord === undefined || ord === "fro" || ord === "f") {
      let s = 0;
      for (let k = 0; k < nnz; k++) s += x[k] * x[k];
      return Math.sqrt(s);
    }
    if (ord === 2) {
      if (Math.min(m, n) <= 1) {
        let s = 0;
        for (let k = 0; k < nnz; k++) s += x[k] * x[k];
        return Math.sqrt(s);
      }
      return (svds(A, { k: 1, returnSingularVectors: false }).data as Float64Array)[0];
    }
    if (ord !== 1 && ord !== -1 && ord !== Infinity && ord !== -Infinity) {
      throw new RangeError(
        `${where}: invalid norm order ${
          String(ord)
        } for matrices: expected "fro", 1, -1, 2, Infinity or -Infinity`,
      );
    }
    // |A| summed over rowAxis (ord ±1) or colAxis (ord ±∞), then the max or min.
    const sumAxis = ord === 1 || ord === -1 ? rowAxis : colAxis;
    const sums = new Float64Array(sumAxis === 0 ? n : m);
    const bySlice = (sumAxis === 0) !== byRow; // one sum per slice
    for (let s = 0; s < major; s++) {
      for (let k = p[s]; k < p[s + 1]; k++) sums[bySlice ? s : idx[k]] += Math.abs(x[k]);
    }
    let r = ord > 0 ? -Infinity : Infinity;
    for (const v of sums) r = ord > 0 ? Math.max(r, v) : Math.min(r, v);
    return r;
  }
  const a = axisOf(axis, where);
  const len = a === 0 ? n : m, count = a === 0 ? m : n; // results, entries per result
  const o = ord === undefined ? 2 : ord;
  if (typeof o !== "number") {
    throw new RangeError(`${where}: invalid norm order ${JSON.stringify(o)} for vectors`);
  }
  const out = new Float64Array(len);
  const stored = new Int32Array(len);
  // Axis 0 gives one value per column, axis 1 one per row.
  const perSlice = (a === 0) !== byRow;
  const lineOf = (s: number, k: number) => (perSlice ? s : idx[k]);
  if (o === Infinity || o === -Infinity) {
    if (o === -Infinity) out.fill(Infinity);
    for (let j = 0; j < major; j++) {
      for (let k = p[j]; k < p[j + 1]; k++) {
        const l = lineOf(j, k), v = Math.abs(x[k]);
        stored[l]++;
        out[l] = o > 0 ? Math.max(out[l], v) : Math.min(out[l], v);
      }
    }
    // Implicit zeros take part in the min (and make it 0).
    if (o < 0) { for (let l = 0; l < len; l++) if (stored[l] < count) out[l] = 0; }
  } else if (o === 0) {
    for (let j = 0; j < major; j++) {
      for (let k = p[j]; k < p[j + 1]; k++) if (x[k] !== 0) out[lineOf(j, k)]++;
    }
    const r = new BigInt64Array(len);
    for (let l = 0; l < len; l++) r[l] = BigInt(out[l]);
    return new NDArray("int64", r, [len]);
  } else {
    for (let j = 0; j < major; j++) {
      for (let k = p[j]; k < p[j + 1]; k++) {
        const v = Math.abs(x[k]);
        out[lineOf(j, k)] += o === 1 ? v : o === 2 ? v * v : Math.pow(v, o);
      }
    }
    if (o !== 1) {
      for (let l = 0; l < len; l++) {
        out[l] = o === 2 ? Math.sqrt(out[l]) : Math.pow(out[l], 1 / o);
      }
    }
  }
  return new NDArray("float64", out, [len]);
}
