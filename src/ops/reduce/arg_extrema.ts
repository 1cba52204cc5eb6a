/**
 * `argmin` and `argmax`: indices of the first minimum/maximum along an axis (or of the
 * flattened array). NaN counts as the extreme value, so the first NaN wins, as in NumPy.
 *
 * @module
 */

import { allocate, DTYPES, type TypedArray } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { normalizeAxis } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { compile, repr } from "../../core/_kernel.ts";
import { moveaxis } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";

/** Options of `argmin`/`argmax`. */
export interface ArgOpts {
  /** The axis to search along; the flattened array when omitted or null. */
  axis?: number | null;
  /** Keep the reduced axis as size 1. */
  keepdims?: boolean;
}

type Scan = (d: TypedArray, p: number, n: number, s: number) => number;
const SCANS = new Map<string, Scan>();

function scanFor(max: boolean, dtype: keyof typeof DTYPES): Scan {
  const key = `${max ? "argmax" : "argmin"}|${dtype}`;
  let f = SCANS.get(key);
  if (f) return f;
  const r = repr(dtype);
  const better = max ? ">" : "<";
  let body: string;
  if (r === "cplx") {
    body = `let br = d[p], bi = d[p + 1], best = 0;
  if (br !== br || bi !== bi) return 0;
  for (let i = 1; i < n; i++) {
    const vr = d[p + i * s], vi = d[p + i * s + 1];
    if (vr !== vr || vi !== vi) return i;
    if (vr ${better} br || (vr === br && vi ${better} bi)) { br = vr; bi = vi; best = i; }
  }
  return best;`;
  } else if (r === "big" || DTYPES[dtype].kind !== "f") {
    body = `let b = d[p], best = 0;
  for (let i = 1; i < n; i++) { const v = d[p + i * s]; if (v ${better} b) { b = v; best = i; } }
  return best;`;
  } else {
    body = `let b = d[p], best = 0;
  if (b !== b) return 0;
  for (let i = 1; i < n; i++) {
    const v = d[p + i * s];
    if (v ${better} b) { b = v; best = i; } else if (v !== v) return i;
  }
  return best;`;
  }
  f = compile(`// ${key}\nreturn function scan(d, p, n, s) {\n  ${body}\n};`) as Scan;
  SCANS.set(key, f);
  return f;
}

function argExtreme(x: ArrayLike, opts: ArgOpts, max: boolean): NDArray<"int64"> {
  const where = max ? "argmax" : "argmin";
  const a0 = toArray(x, where);
  let a = a0, axis: number;
  if (opts.axis === undefined || opts.axis === null) {
    a = a0.reshape([-1]);
    axis = 0;
  } else {
    axis = normalizeAxis(opts.axis, a0.ndim, where);
  }
  const n = a.shape[axis];
  if (n === 0) {
    throw new RangeError(`${where}: attempt to get ${where} of an empty sequence`);
  }
  const m = moveaxis(a, axis, -1);
  const outShape = m.shape.slice(0, -1);
  const total = outShape.reduce((p, q) => p * q, 1);
  const out = allocate("int64", total);
  const lanes = DTYPES[a.dtype].lanes;
  const scan = scanFor(max, a.dtype);
  const s = m.strides[m.ndim - 1] * lanes;
  const idx = new Array<number>(outShape.length).fill(0);
  let off = m.offset;
  for (let k = 0; k < total; k++) {
    out[k] = BigInt(scan(m.data, off * lanes, n, s));
    for (let d = outShape.length - 1; d >= 0; d--) {
      idx[d]++;
      off += m.strides[d];
      if (idx[d] < outShape[d]) break;
      off -= m.strides[d] * outShape[d];
      idx[d] = 0;
    }
  }
  let shape = outShape;
  if (opts.keepdims) {
    shape = opts.axis === undefined || opts.axis === null
      ? a0.shape.map(() => 1)
      : a0.shape.map((sz, i) => (i === axis ? 1 : sz));
  }
  return new NDArray("int64", out, shape);
}

/**
 * Index of the first maximum along an axis (flattened index when no axis is given).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.argmax([3, 9, 9, 1]).item() === 1n);
 * assert(nd.argmax([[1, 5], [7, 2]], { axis: 1 }).toArray().join() === "1,0");
 * ```
 */
export function argmax(a: ArrayLike, opts: ArgOpts = {}): NDArray<"int64"> {
  return argExtreme(a, opts, true);
}

/**
 * Index of the first minimum along an axis (flattened index when no axis is given).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.argmin([3, 1, 1, 2]).item() === 1n);
 * ```
 */
export function argmin(a: ArrayLike, opts: ArgOpts = {}): NDArray<"int64"> {
  return argExtreme(a, opts, false);
}
