/**
 * `nd.linalg.norm`: vector and matrix norms, as NumPy computes them.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { copy } from "../core/copy.ts";
import { moveaxis } from "../core/views.ts";
import { normalizeAxis } from "../core/shape.ts";
import { isComplex, isInexact } from "../core/dtype.ts";
import { abs, conj, maximum, multiply, notEqual, power, sqrt } from "../ops/elementwise.ts";
import { min, sum } from "../ops/reduce/reductions.ts";
import { imag, real } from "../ops/complex_parts.ts";
import { dot } from "./matmul.ts";
import { svd } from "./svd.ts";
import { isOrder, optionsOf } from "./_options.ts";

/** A norm order: a number (±Infinity allowed) or `"fro"` / `"nuc"` for matrices. */
export type NormOrd = number | "fro" | "f" | "nuc";

/** Options of {@link norm}. */
export interface NormOpts {
  /** The order (default: 2-norm of vectors, Frobenius of matrices). */
  ord?: NormOrd | null;
  /** One axis (vector norms), two axes (matrix norms), or all (default). */
  axis?: number | readonly number[] | null;
  /** Keep the reduced axes as size 1. */
  keepdims?: boolean;
}

/**
 * A vector or matrix norm (NumPy's `linalg.norm`). With one axis: `ord` ∈ {±Infinity, 0, 1,
 * 2, any p}; with two axes: `ord` ∈ {"fro", "nuc", ±Infinity, ±1, ±2}. Without `axis`, a 1-D
 * input gets a vector norm, a 2-D input a matrix norm, and with no `ord` any input the 2-norm
 * of its flattened values. Integer inputs compute in float64.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(nd.linalg.norm([3, 4]).item(), 5);
 * assert.equal(nd.linalg.norm([[1, -2], [3, 4]], { ord: Infinity }).item(), 7);
 * nd.testing.assertAllClose(nd.linalg.norm([[1, 2], [3, 4]], { axis: 1, ord: 1 }), [3, 7]);
 * ```
 */
export function norm(x: ArrayLike, options: NormOpts | NormOrd | null = {}): NDArray {
  const opts = optionsOf<NormOpts>("norm", options, "ord", isOrder, "{ ord: 2 }");
  let a = toArray(x, "norm");
  if (!isInexact(a.dtype)) a = copy(a, "float64");
  const ord = opts.ord ?? null, keepdims = opts.keepdims ?? false;
  if (typeof keepdims !== "boolean") {
    throw new TypeError(`norm: keepdims must be a boolean, got ${typeof keepdims}`);
  }
  if (ord !== null && typeof ord !== "number" && !["fro", "f", "nuc"].includes(ord)) {
    throw new RangeError(`norm: invalid norm order ${JSON.stringify(ord)}`);
  }
  const axisOpt = opts.axis ?? null;
  if (axisOpt === null) {
    const flat = ord === null || ((ord === "fro" || ord === "f") && a.ndim === 2) ||
      (ord === 2 && a.ndim === 1);
    if (flat) {
      const v = a.reshape([-1]);
      let sq = isComplex(a.dtype)
        ? dot(copy(real(v)), copy(real(v))).add(dot(copy(imag(v)), copy(imag(v))))
        : dot(v, v);
      sq = sqrt(sq);
      return keepdims ? sq.reshape(new Array(a.ndim).fill(1)) : sq;
    }
  }
  const axes = axisOpt === null
    ? Array.from({ length: a.ndim }, (_, i) => i)
    : (typeof axisOpt === "number" ? [axisOpt] : [...axisOpt]);
  for (const ax of axes) {
    if (!Number.isInteger(ax)) throw new TypeError(`norm: axis must be an integer, got ${ax}`);
  }
  if (axes.length === 1) {
    const axis = normalizeAxis(axes[0], a.ndim, "norm");
    return vectorNorm(a, ord, axis, keepdims);
  }
  if (axes.length === 2) {
    const r = normalizeAxis(axes[0], a.ndim, "norm"), c = normalizeAxis(axes[1], a.ndim, "norm");
    if (r === c) throw new RangeError(`norm: duplicate axes given: ${axes[0]} and ${axes[1]}`);
    return matrixNorm(a, ord, r, c, keepdims);
  }
  throw new RangeError(
    `norm: improper number of dimensions to norm: ${axes.length} axes (1 for vectors, 2 for matrices)`,
  );
}

/** The maximum along `axis` starting from 0 (NumPy's `initial=0`: empty input gives 0). */
function max0(a: NDArray, axis: number, keepdims: boolean): NDArray {
  return maximum.reduce(a, { axis, keepdims, initial: 0 }) as NDArray;
}

function vectorNorm(a: NDArray, ord: NormOrd | null, axis: number, keepdims: boolean): NDArray {
  const o = { axis, keepdims };
  if (typeof ord === "string") {
    throw new RangeError(`norm: invalid norm order ${JSON.stringify(ord)} for vectors`);
  }
  // Maxima start from 0, as NumPy's (`initial=0`): an empty vector or matrix has norm 0.
  if (ord === Infinity) return max0(abs(a), axis, keepdims);
  if (ord === -Infinity) return min(abs(a), o);
  if (ord === 0) return sum(copy(notEqual(a, 0), isComplex(a.dtype) ? realType(a) : a.dtype), o);
  if (ord === 1) return sum(abs(a), o);
  if (ord === null || ord === 2) return sqrt(sum(real(multiply(conj(a), a)), o));
  return power(sum(power(abs(a), ord), o), 1 / ord);
}

function realType(a: NDArray): "float32" | "float64" {
  return a.dtype === "complex64" ? "float32" : "float64";
}

function matrixNorm(
  a: NDArray,
  ord: NormOrd | null,
  r: number,
  c: number,
  keepdims: boolean,
): NDArray {
  let ret: NDArray;
  if (ord === 2 || ord === -2 || ord === "nuc") {
    const s = svd(moveaxis(a, [r, c], [-2, -1]), { computeUv: false });
    ret = ord === 2 ? max0(s, -1, false) : ord === -2 ? min(s, { axis: -1 }) : sum(s, { axis: -1 });
  } else if (ord === 1 || ord === -1) {
    const cc = c > r ? c - 1 : c;
    const s = sum(abs(a), { axis: r });
    ret = ord === 1 ? max0(s, cc, false) : min(s, { axis: cc });
  } else if (ord === Infinity || ord === -Infinity) {
    const rr = r > c ? r - 1 : r;
    const s = sum(abs(a), { axis: c });
    ret = ord === Infinity ? max0(s, rr, false) : min(s, { axis: rr });
  } else if (ord === null || ord === "fro" || ord === "f") {
    ret = sqrt(sum(real(multiply(conj(a), a)), { axis: [r, c] }));
  } else {
    throw new RangeError(`norm: invalid norm order ${JSON.stringify(ord)} for matrices`);
  }
  if (!keepdims) return ret;
  const shape = [...a.shape];
  shape[r] = 1, shape[c] = 1;
  return ret.reshape(shape);
}
