/**
 * `nd.linalg.det` and `nd.linalg.slogdet` from an LU factorization (LAPACK `getrf`).
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { getBackend } from "../backend/mod.ts";
import {
  alloc,
  checkSquareStack,
  isComplexType,
  linalgType,
  matrixAt,
  realOf,
  toFortran,
} from "./_stack.ts";

/** `sign` and `log|det|` of every matrix: the primitive both `det` and `slogdet` use. */
function slogdetStack(a: ArrayLike, where: string) {
  const A = toArray(a, where);
  checkSquareStack(A, where);
  const n = A.shape[A.ndim - 1];
  const dt = linalgType(where, A);
  const f = toFortran(A, dt);
  const cplx = isComplexType(dt);
  const sign = alloc(dt, f.count), logdet = alloc(realOf(dt), f.count);
  const be = getBackend();
  const ipiv = new Int32Array(n);
  for (let t = 0; t < f.count; t++) {
    const m = matrixAt(f.data, t, n, n, dt);
    if (n > 0) be.getrf(dt, n, n, m, n, ipiv);
    let sr = 1, si = 0, ld = 0;
    for (let i = 0; i < n; i++) {
      if (ipiv[i] !== i + 1) sr = -sr;
    }
    for (let i = 0; i < n; i++) {
      const p = i * n + i;
      if (cplx) {
        const re = m[2 * p], im = m[2 * p + 1], abs = Math.hypot(re, im);
        if (abs === 0) {
          sr = 0, si = 0, ld = -Infinity;
          break;
        }
        const ur = re / abs, ui = im / abs;
        [sr, si] = [sr * ur - si * ui, sr * ui + si * ur];
        ld += Math.log(abs);
      } else {
        const d = m[p];
        if (d === 0) {
          sr = 0, ld = -Infinity;
          break;
        }
        if (d < 0) sr = -sr;
        ld += Math.log(Math.abs(d));
      }
    }
    if (cplx) sign[2 * t] = sr, sign[2 * t + 1] = si;
    else sign[t] = sr;
    logdet[t] = ld;
  }
  return { dt, batch: f.batch, sign, logdet };
}

/** NumPy's `slogdet` result. */
export interface SlogdetResult {
  /** +1, -1 or 0 for real input; a complex number of modulus 1 (or 0) for complex input. */
  sign: NDArray;
  /** The natural log of the absolute value of the determinant (real; -inf when singular). */
  logabsdet: NDArray;
}

/**
 * Sign and natural log of the absolute determinant of each square matrix of a stack: robust
 * where `det` would overflow or underflow. A singular matrix gives sign 0 and -inf.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const { sign, logabsdet } = nd.linalg.slogdet(nd.eye(3).mul(-1e200));
 * assert.equal(sign.item(), -1);
 * assert(Math.abs((logabsdet.item() as number) - 600 * Math.log(10)) < 1e-9);
 * ```
 */
export function slogdet(a: ArrayLike): SlogdetResult {
  const r = slogdetStack(a, "slogdet");
  return {
    sign: new NDArray(r.dt, r.sign, r.batch),
    logabsdet: new NDArray(realOf(r.dt), r.logdet, r.batch),
  };
}

/**
 * The determinant of each square matrix of a stack (a 0-d array for one matrix), computed as
 * NumPy does: `sign · exp(logabsdet)` from an LU factorization. Integer input gives float64.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(Math.abs((nd.linalg.det([[1, 2], [3, 4]]).item() as number) + 2) < 1e-12);
 * assert.deepEqual(nd.linalg.det(nd.zeros([2, 3, 3])).shape, [2]);
 * ```
 */
export function det(a: ArrayLike): NDArray {
  const r = slogdetStack(a, "det");
  const out = alloc(r.dt, r.logdet.length);
  for (let t = 0; t < r.logdet.length; t++) {
    const e = Math.exp(r.logdet[t]);
    if (isComplexType(r.dt)) out[2 * t] = r.sign[2 * t] * e, out[2 * t + 1] = r.sign[2 * t + 1] * e;
    else out[t] = r.sign[t] * e;
  }
  return new NDArray(r.dt, out, r.batch);
}
