/**
 * `nd.linalg.qr`: Householder QR (LAPACK `geqrf`, then `orgqr`/`ungqr` for Q).
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { getBackend } from "../backend/mod.ts";
import {
  alloc,
  checkMatrixStack,
  fromFortran,
  isComplexType,
  linalgType,
  matrixAt,
  toFortran,
} from "./_stack.ts";
import type { LinalgDType } from "../backend/types.ts";
import { copy } from "../core/copy.ts";
import { optionsOf } from "./_options.ts";

/** The modes of {@link qr}, as in NumPy. */
export type QRMode = "reduced" | "complete" | "r" | "raw";

/** `Q` and `R` with `a = Q·R`. */
export interface QRResult {
  /** Orthonormal columns: `[..., M, K]` (reduced) or `[..., M, M]` (complete). */
  Q: NDArray;
  /** Upper triangular: `[..., K, N]` (reduced) or `[..., M, N]` (complete). */
  R: NDArray;
}

/** LAPACK's raw output, transposed as NumPy returns it. */
export interface QRRaw {
  /** `[..., N, M]`: R in the upper part of its transpose, the reflectors below. */
  h: NDArray;
  /** `[..., K]`: the reflector scale factors. */
  tau: NDArray;
}

/**
 * QR decomposition of each matrix of a stack (`[..., M, N]`, K = min(M, N)). Modes as NumPy:
 * `"reduced"` (default) and `"complete"` return `{ Q, R }`, `"r"` only R, `"raw"`
 * `{ h, tau }`. R's diagonal may be negative (LAPACK's sign convention, as in NumPy).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.array([[1, 2], [3, 4], [5, 6]]);
 * const { Q, R } = nd.linalg.qr(a);
 * assert.deepEqual([Q.shape, R.shape], [[3, 2], [2, 2]]);
 * nd.testing.assertAllClose(nd.matmul(Q, R), a);
 * assert.deepEqual(nd.linalg.qr(a, { mode: "complete" }).Q.shape, [3, 3]);
 * ```
 */
export function qr(a: ArrayLike, opts?: { mode?: "reduced" | "complete" }): QRResult;
/** Only R. */
export function qr(a: ArrayLike, opts: { mode: "r" }): NDArray;
/** LAPACK's reflectors. */
export function qr(a: ArrayLike, opts: { mode: "raw" }): QRRaw;
export function qr(a: ArrayLike, options: { mode?: QRMode } = {}): QRResult | NDArray | QRRaw {
  const opts = optionsOf<{ mode?: QRMode }>("qr", options, null, () => false, '{ mode: "r" }');
  const mode = opts.mode ?? "reduced";
  if (!["reduced", "complete", "r", "raw"].includes(mode)) {
    throw new RangeError(
      `qr: unknown mode ${JSON.stringify(mode)}: use "reduced", "complete", "r" or "raw"`,
    );
  }
  const A = toArray(a, "qr");
  checkMatrixStack(A, "qr");
  const dt = linalgType("qr", A);
  const f = toFortran(A, dt);
  const { m, n, count, batch } = f;
  const k = Math.min(m, n);
  const be = getBackend();
  const tau = alloc(dt, count * k);
  for (let t = 0; t < count; t++) {
    if (k > 0) be.geqrf(dt, m, n, matrixAt(f.data, t, m, n, dt), m, matrixAt(tau, t, 1, k, dt));
  }
  if (mode === "raw") {
    return {
      h: copy(new NDArray(dt, f.data, [...batch, n, m])),
      tau: new NDArray(dt, tau, [...batch, k]),
    };
  }
  const rRows = mode === "complete" ? m : k;
  const R = upperPart(f.data, dt, count, m, n, rRows);
  const Rarr = fromFortran(R, dt, batch, rRows, n);
  if (mode === "r") return Rarr;
  const qCols = mode === "complete" ? m : k;
  const Q = alloc(dt, count * m * qCols);
  const step = isComplexType(dt) ? 2 : 1;
  const cols = Math.min(n, qCols);
  for (let t = 0; t < count; t++) {
    const q = matrixAt(Q, t, m, qCols, dt);
    q.set(matrixAt(f.data, t, m, n, dt).subarray(0, m * cols * step));
    if (m > 0 && qCols > 0) be.orgqr(dt, m, qCols, k, q, m, matrixAt(tau, t, 1, k, dt));
  }
  return { Q: fromFortran(Q, dt, batch, m, qCols), R: Rarr };
}

/** The upper-triangular first `rows` rows of each column-major m×n matrix. */
function upperPart(
  data: Float32Array | Float64Array,
  dt: LinalgDType,
  count: number,
  m: number,
  n: number,
  rows: number,
): Float32Array | Float64Array {
  const out = alloc(dt, count * rows * n);
  const step = isComplexType(dt) ? 2 : 1;
  for (let t = 0; t < count; t++) {
    const src = matrixAt(data, t, m, n, dt), dst = matrixAt(out, t, rows, n, dt);
    for (let j = 0; j < n; j++) {
      const top = Math.min(j + 1, rows) * step;
      dst.set(src.subarray(j * m * step, j * m * step + top), j * rows * step);
    }
  }
  return out;
}
