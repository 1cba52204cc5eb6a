/**
 * `nd.linalg.cond`: the condition number of square (or, for the 2-norm, any) matrices.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { copy } from "../core/copy.ts";
import { isnan, multiply } from "../ops/elementwise.ts";
import { any } from "../ops/reduce/reductions.ts";
import { svd } from "./svd.ts";
import { inv } from "./solve.ts";
import { norm, type NormOrd } from "./norm.ts";
import { LinAlgError } from "./errors.ts";
import { checkMatrixStack, checkSquareStack, linalgType, realOf } from "./_stack.ts";
import { isOrder, optionsOf } from "./_options.ts";

/**
 * The condition number of each matrix of a stack in norm `p`: by default (and for ±2) the
 * ratio of the extreme singular values; for `1`, `-1`, `Infinity`, `-Infinity`, `"fro"`,
 * `"nuc"` the product `norm(a, p) · norm(inv(a), p)`. A singular matrix gives Infinity
 * (NaN only when the matrix itself holds NaN), as in NumPy.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * nd.testing.assertAllClose(nd.linalg.cond([[1, 0], [0, 1e-3]]), 1000);
 * assert.equal(nd.linalg.cond([[1, 1], [1, 1]], { p: 1 }).item(), Infinity);
 * ```
 */
export function cond(x: ArrayLike, options: { p?: NormOrd | null } | NormOrd | null = {}): NDArray {
  const opts = optionsOf<{ p?: NormOrd | null }>("cond", options, "p", isOrder, "{ p: 1 }");
  const A = toArray(x, "cond");
  checkMatrixStack(A, "cond");
  const [m, n] = A.shape.slice(-2);
  if (m === 0 || n === 0) throw new LinAlgError("cond: cond is not defined on empty arrays");
  const p = opts.p ?? null;
  const dt = linalgType("cond", A);
  const rdt = realOf(dt);
  const out = new Float64Array(A.size / (m * n));
  if (p === null || p === 2 || p === -2) {
    const s = svd(A, { computeUv: false }).data as Float64Array | Float32Array;
    const k = Math.min(m, n);
    for (let t = 0; t < out.length; t++) {
      const first = s[t * k], last = s[t * k + k - 1];
      out[t] = p === -2 ? last / first : first / last;
    }
  } else {
    checkSquareStack(A, "cond");
    const stack = A.reshape([-1, m, n]);
    for (let t = 0; t < out.length; t++) {
      const mat = copy(stack.slice(t), dt);
      try {
        const r = multiply(norm(mat, { ord: p }), norm(inv(mat), { ord: p }));
        out[t] = r.item() as number;
      } catch (e) {
        if (!(e instanceof LinAlgError)) throw e;
        out[t] = NaN;
      }
    }
  }
  const stack = A.reshape([-1, m, n]);
  for (let t = 0; t < out.length; t++) {
    if (Number.isNaN(out[t]) && !any(isnan(stack.slice(t))).item()) out[t] = Infinity;
  }
  const r = new NDArray("float64", out, A.shape.slice(0, -2));
  return rdt === "float64" ? r : copy(r, rdt);
}
