/**
 * `mttkrp`: the matricized tensor times Khatri–Rao product, the heart of CP-ALS.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { ascontiguous } from "../core/copy.ts";
import { fmtShape, normalizeAxis, shapeSize } from "../core/shape.ts";
import { matmul } from "../linalg/matmul.ts";
import { multiply } from "../ops/elementwise.ts";
import { sum } from "../ops/reduce/reductions.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { khatriRao } from "./khatri_rao.ts";

/** A CP tensor as `mttkrp` reads it: optional weights (R) and one factor (I_k × R) per mode. */
export interface CPLike {
  readonly weights?: NDArray | null;
  readonly factors: readonly NDArray[];
}

/**
 * `unfold(t, mode) · khatriRao(factors, { skip: mode, weights })`, computed without forming
 * the Khatri–Rao product of all the other modes nor unfolding (copying) `t`: with `t` viewed
 * as `P × J × S` (the modes before, at and after `mode`), one matrix product with the
 * Khatri–Rao product of the modes on the larger side, then a contraction with the other
 * side's (a few P·J·R or J·S·R multiply-adds). Returns J × R.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const t = nd.arange(24).reshape([2, 3, 4]).astype("float64");
 * const factors = [nd.ones([2, 2]), nd.ones([3, 2]).mul(2), nd.ones([4, 2])];
 * const m = nd.tenalg.mttkrp(t, { factors }, 1);
 * const want = nd.matmul(nd.tenalg.unfold(t, 1), nd.tenalg.khatriRao(factors, { skip: 1 }));
 * nd.testing.assertAllClose(m, want);
 * ```
 */
export function mttkrp(t: ArrayLike, cp: CPLike, mode: number): NDArray {
  const a = ascontiguous(toArray(t, "mttkrp"));
  const factors = cp.factors;
  if (!Array.isArray(factors) || factors.length !== a.ndim) {
    throw new TypeError(
      `mttkrp: a tensor of shape ${fmtShape(a.shape)} needs ${a.ndim} factors, got ${
        Array.isArray(factors) ? factors.length : typeof factors
      }`,
    );
  }
  const n = normalizeAxis(mode, a.ndim, "mttkrp");
  const r = factors[0].shape[1];
  factors.forEach((f, k) => {
    if (f.ndim !== 2 || f.shape[0] !== a.shape[k] || f.shape[1] !== r) {
      throw new TypeError(
        `mttkrp: factor ${k} has shape ${fmtShape(f.shape)}, expected [${a.shape[k]},${r}]`,
      );
    }
  });
  const p = shapeSize(a.shape.slice(0, n)), j = a.shape[n], s = shapeSize(a.shape.slice(n + 1));
  const left = n > 0 ? khatriRao(factors.slice(0, n)) : null; // P × R
  const right = n < a.ndim - 1 ? khatriRao(factors.slice(n + 1)) : null; // S × R
  let out: NDArray;
  if (right !== null && (left === null || s >= p)) {
    const w = matmul(a.reshape([p * j, s]), right); // (P·J) × R
    out = left === null
      ? w
      : sum(multiply(w.reshape([p, j, r]), left.reshape([p, 1, r])), { axis: 0 });
  } else {
    const w = matmul(a.reshape([p, j * s]).T, left!); // (J·S) × R
    out = right === null
      ? w
      : sum(multiply(w.reshape([j, s, r]), right.reshape([1, s, r])), { axis: 1 });
  }
  return cp.weights ? multiply(out, cp.weights) : out;
}
