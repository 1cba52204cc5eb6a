/**
 * `nd.linalg.svd` and `nd.linalg.svdvals` (LAPACK `gesdd`).
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { getBackend } from "../backend/mod.ts";
import { LinAlgError } from "./errors.ts";
import {
  alloc,
  checkMatrixStack,
  fromFortran,
  linalgType,
  matrixAt,
  realOf,
  toFortran,
} from "./_stack.ts";
import { optionsOf } from "./_options.ts";

/** `U`, `S`, `Vh` with `a = U · diag(S) · Vh`. */
export interface SVDResult {
  /** Left singular vectors as columns: `[..., M, M]` (full) or `[..., M, K]`. */
  U: NDArray;
  /** Singular values, descending, real: `[..., K]`. */
  S: NDArray;
  /** Right singular vectors as rows (conjugate-transposed V): `[..., N, N]` or `[..., K, N]`. */
  Vh: NDArray;
}

/** Options of {@link svd}. */
export interface SVDOpts {
  /** Full square U and Vh (default true) or the thin K = min(M, N) columns/rows. */
  fullMatrices?: boolean;
  /** Compute U and Vh (default true); false returns only the singular values. */
  computeUv?: boolean;
}

/** The raw SVD of a stack with the given LAPACK job. */
export function svdStack(a: ArrayLike, jobz: "A" | "S" | "N", where: string) {
  const A = toArray(a, where);
  checkMatrixStack(A, where);
  const dt = linalgType(where, A);
  const f = toFortran(A, dt);
  const { m, n, count } = f;
  const k = Math.min(m, n);
  const uCols = jobz === "A" ? m : k, vRows = jobz === "A" ? n : k;
  const s = alloc(realOf(dt), count * k);
  const U = jobz === "N" ? null : alloc(dt, count * m * uCols);
  const V = jobz === "N" ? null : alloc(dt, count * vRows * n);
  const be = getBackend();
  for (let t = 0; t < count; t++) {
    if (m === 0 || n === 0) continue;
    const info = be.gesdd(
      dt,
      jobz,
      m,
      n,
      matrixAt(f.data, t, m, n, dt),
      m,
      matrixAt(s, t, 1, k, realOf(dt)),
      U && matrixAt(U, t, m, uCols, dt),
      m,
      V && matrixAt(V, t, vRows, n, dt),
      Math.max(1, vRows),
    );
    if (info > 0) {
      throw new LinAlgError(
        `${where}: SVD did not converge` + (count > 1 ? ` for matrix ${t} of the stack` : ""),
        t,
        info,
      );
    }
  }
  // Empty matrices: U and Vh are identities in NumPy's full mode.
  if ((m === 0 || n === 0) && U && V) {
    const step = dt === "complex64" || dt === "complex128" ? 2 : 1;
    for (let t = 0; t < count; t++) {
      const u = matrixAt(U, t, m, uCols, dt), v = matrixAt(V, t, vRows, n, dt);
      for (let i = 0; i < Math.min(m, uCols); i++) u[(i * m + i) * step] = 1;
      for (let i = 0; i < Math.min(vRows, n); i++) v[(i * vRows + i) * step] = 1;
    }
  }
  return { dt, batch: f.batch, m, n, k, s, U, V, uCols, vRows };
}

/**
 * Singular value decomposition of each matrix of a stack (`[..., M, N]`, K = min(M, N)):
 * `{ U, S, Vh }` with `a = U · diag(S) · Vh`; with `{ computeUv: false }` only `S`.
 * Singular values are real and descending.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.array([[3, 0], [4, 5]]);
 * const { U, S, Vh } = nd.linalg.svd(a);
 * nd.testing.assertAllClose(S, [Math.sqrt(45), Math.sqrt(5)]);
 * nd.testing.assertAllClose(nd.matmul(U.mul(S.reshape([1, 2])), Vh), a, { atol: 1e-12 });
 * assert.deepEqual(nd.linalg.svd(nd.ones([4, 2]), { fullMatrices: false }).U.shape, [4, 2]);
 * ```
 */
export function svd(a: ArrayLike, opts?: SVDOpts & { computeUv?: true }): SVDResult;
/** Only the singular values. */
export function svd(a: ArrayLike, opts: SVDOpts & { computeUv: false }): NDArray;
export function svd(a: ArrayLike, options: SVDOpts = {}): SVDResult | NDArray {
  const opts = optionsOf<SVDOpts>("svd", options, null, () => false, "{ fullMatrices: false }");
  const full = opts.fullMatrices ?? true, uv = opts.computeUv ?? true;
  for (const [name, v] of [["fullMatrices", full], ["computeUv", uv]] as const) {
    if (typeof v !== "boolean") {
      throw new TypeError(`svd: ${name} must be a boolean, got ${typeof v}`);
    }
  }
  const r = svdStack(a, uv ? (full ? "A" : "S") : "N", "svd");
  const S = new NDArray(realOf(r.dt), r.s, [...r.batch, r.k]);
  if (!uv) return S;
  return {
    U: fromFortran(r.U!, r.dt, r.batch, r.m, r.uCols),
    S,
    Vh: fromFortran(r.V!, r.dt, r.batch, r.vRows, r.n),
  };
}

/**
 * The singular values of each matrix of a stack, descending (`svd` without vectors).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * nd.testing.assertAllClose(nd.linalg.svdvals([[3, 0], [0, -4]]), [4, 3]);
 * ```
 */
export function svdvals(a: ArrayLike): NDArray {
  return svd(a, { computeUv: false });
}
