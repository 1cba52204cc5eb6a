/**
 * Running sums and products along an axis: `cumsum`, `cumprod` (flattened when no axis is
 * given). Accumulators follow NumPy's sum rules (small integers and bool → int64).
 *
 * @module
 */

import { allocate, checkDType, type DType, DTYPES, type TypedArray } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { normalizeAxis } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { compile, realTo, repr } from "../../core/_kernel.ts";
import { moveaxis } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { sumDType } from "./reductions.ts";

/** Options of `cumsum`/`cumprod`. */
export interface CumulativeOpts {
  /** The axis to accumulate along; the flattened array when omitted or null. */
  axis?: number | null;
  /** Accumulator and result dtype. */
  dtype?: DType;
}

type ScanLine = (
  d: TypedArray,
  p: number,
  s: number,
  o: TypedArray,
  q: number,
  t: number,
  n: number,
) => void;
const LINES = new Map<string, ScanLine>();

function lineFor(product: boolean, from: DType, acc: DType): ScanLine {
  const key = `${product ? "cumprod" : "cumsum"}|${from}|${acc}`;
  let f = LINES.get(key);
  if (f) return f;
  const r = repr(acc);
  const fromC = repr(from) === "cplx";
  let body: string;
  if (r === "cplx") {
    const read = fromC
      ? "const vr = d[p + i * s], vi = d[p + i * s + 1];"
      : `const vr = ${realTo(from, "float64", "d[p + i * s]")}, vi = 0;`;
    const step = product
      ? "{ const t2 = ar * vr - ai * vi; ai = ar * vi + ai * vr; ar = t2; }"
      : "ar += vr; ai += vi;";
    // As NumPy's accumulate, the first element is copied, not combined with the identity.
    const first = read.replace(/i \* s/g, "0").replace("const vr", "let ar").replace(
      ", vi",
      ", ai",
    );
    body = `if (n === 0) return;
  ${first} o[q] = ar; o[q + 1] = ai;
  for (let i = 1; i < n; i++) { ${read} ${step} o[q + i * t] = ar; o[q + i * t + 1] = ai; }`;
  } else {
    const read = `const v = ${
      realTo(fromC ? "float64" : from, acc, fromC ? "d[p + i * s]" : "d[p + i * s]")
    };`;
    let step: string;
    if (r === "big") step = product ? "acc = BigInt.asIntN(64, acc * v);" : "acc = acc + v;";
    else if (DTYPES[acc].kind === "f") {
      // float16 steps round to float32 and then to float16, as NumPy's half loops do.
      const wrap = acc === "float64"
        ? (e: string) => e
        : acc === "float16"
        ? (e: string) => `Math.f16round(Math.fround(${e}))`
        : (e: string) => `Math.fround(${e})`;
      step = `acc = ${wrap(product ? "acc * v" : "acc + v")};`;
    } else step = `acc = ${realTo("float64", acc, product ? "Math.imul(acc, v)" : "acc + v")};`;
    // As NumPy's accumulate, the first element is copied, not combined with the identity.
    body = `if (n === 0) return;
  let acc = ${realTo(fromC ? "float64" : from, acc, "d[p]")};
  o[q] = acc;
  for (let i = 1; i < n; i++) { ${read} ${step} o[q + i * t] = acc; }`;
  }
  f = compile(`// ${key}\nreturn function line(d, p, s, o, q, t, n) {\n  ${body}\n};`) as ScanLine;
  LINES.set(key, f);
  return f;
}

function cumulative(x: ArrayLike, opts: CumulativeOpts, product: boolean): NDArray {
  const where = product ? "cumprod" : "cumsum";
  const a0 = toArray(x, where);
  const dtype = opts.dtype === undefined ? sumDType(a0.dtype) : checkDType(opts.dtype, where);
  let a = a0, axis: number;
  if (opts.axis === undefined || opts.axis === null) {
    a = a0.reshape([-1]);
    axis = 0;
  } else axis = normalizeAxis(opts.axis, a0.ndim, where);
  const acc: DType = dtype === "bool" ? "int64" : dtype;
  const out = new NDArray(acc, allocate(acc, a.size), a.shape);
  const n = a.shape[axis];
  if (a.size > 0) {
    const m = moveaxis(a, axis, -1), o = moveaxis(out, axis, -1);
    const lanesA = DTYPES[a.dtype].lanes, lanesO = DTYPES[acc].lanes;
    const line = lineFor(product, a.dtype, acc);
    const outer = m.shape.slice(0, -1);
    const total = outer.reduce((p, q) => p * q, 1);
    const idx = new Array<number>(outer.length).fill(0);
    let pa = m.offset, po = o.offset;
    const sa = m.strides[m.ndim - 1] * lanesA, so = o.strides[o.ndim - 1] * lanesO;
    for (let k = 0; k < total; k++) {
      line(m.data, pa * lanesA, sa, o.data, po * lanesO, so, n);
      for (let d = outer.length - 1; d >= 0; d--) {
        idx[d]++;
        pa += m.strides[d];
        po += o.strides[d];
        if (idx[d] < outer[d]) break;
        pa -= m.strides[d] * outer[d];
        po -= o.strides[d] * outer[d];
        idx[d] = 0;
      }
    }
  }
  if (acc === dtype) return out;
  return out.astype(dtype);
}

/**
 * Cumulative sum along an axis (of the flattened array when no axis is given).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.cumsum([1, 2, 3]).toArray().join() === "1,3,6");
 * assert(nd.cumsum([[1, 2], [3, 4]], { axis: 0 }).toArray().flat().join() === "1,2,4,6");
 * ```
 */
export function cumsum(a: ArrayLike, opts: CumulativeOpts = {}): NDArray {
  return cumulative(a, opts, false);
}

/**
 * Cumulative product along an axis (of the flattened array when no axis is given).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.cumprod([1, 2, 3, 4]).toArray().join() === "1,2,6,24");
 * ```
 */
export function cumprod(a: ArrayLike, opts: CumulativeOpts = {}): NDArray {
  return cumulative(a, opts, true);
}
