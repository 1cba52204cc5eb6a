/**
 * `nd.linalg.eig` and `nd.linalg.eigvals` for general square matrices (LAPACK `geev`).
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { getBackend } from "../backend/mod.ts";
import type { FloatBuffer, LinalgDType } from "../backend/types.ts";
import { LinAlgError } from "./errors.ts";
import {
  alloc,
  checkSquareStack,
  fromFortran,
  isComplexType,
  linalgType,
  matrixAt,
  realOf,
  toFortran,
} from "./_stack.ts";
import type { EigResult } from "./eigh.ts";

function complexOf(dt: LinalgDType): LinalgDType {
  return realOf(dt) === "float32" ? "complex64" : "complex128";
}

function eigStack(a: ArrayLike, jobvr: "V" | "N", where: string): EigResult | NDArray {
  const A = toArray(a, where);
  checkSquareStack(A, where);
  const dt = linalgType(where, A);
  const f = toFortran(A, dt);
  const n = f.n, cdt = complexOf(dt);
  // As NumPy: geev is never given infinities or NaNs (the backends would differ on them).
  const per = f.data.length / Math.max(1, f.count);
  for (let i = 0; i < f.data.length; i++) {
    if (!Number.isFinite(f.data[i])) {
      const t = Math.floor(i / per);
      throw new LinAlgError(
        `${where}: Array must not contain infs or NaNs` +
          (f.count > 1 ? ` (matrix ${t} of the stack)` : ""),
        t,
        0,
      );
    }
  }
  const w = alloc(cdt, f.count * n);
  const vr = jobvr === "V" ? alloc(dt, f.count * n * n) : null;
  const be = getBackend();
  for (let t = 0; t < f.count; t++) {
    if (n === 0) continue;
    const info = be.geev(
      dt,
      jobvr,
      n,
      matrixAt(f.data, t, n, n, dt),
      n,
      matrixAt(w, t, 1, n, cdt),
      vr && matrixAt(vr, t, n, n, dt),
      n,
    );
    if (info > 0) {
      throw new LinAlgError(
        `${where}: eigenvalues did not converge` +
          (f.count > 1 ? ` for matrix ${t} of the stack` : ""),
        t,
        info,
      );
    }
  }
  // Real input whose eigenvalues are all real gives real results (NumPy's rule).
  let allReal = !isComplexType(dt);
  for (let i = 1; allReal && i < w.length; i += 2) if (w[i] !== 0) allReal = false;
  const shape = [...f.batch, n];
  let values: NDArray;
  if (allReal) {
    const re = alloc(dt, f.count * n);
    for (let i = 0; i < re.length; i++) re[i] = w[2 * i];
    values = new NDArray(dt, re, shape);
  } else values = new NDArray(cdt, w, shape);
  if (!vr) return values;
  const vecs = allReal || isComplexType(dt) ? vr : unpackPairs(vr, w, f.count, n, cdt);
  return {
    eigenvalues: values,
    eigenvectors: fromFortran(vecs, allReal ? dt : cdt, f.batch, n, n),
  };
}

/** LAPACK's packed real eigenvectors → complex columns (pairs stored as re, im columns). */
function unpackPairs(
  vr: FloatBuffer,
  w: FloatBuffer,
  count: number,
  n: number,
  cdt: LinalgDType,
): FloatBuffer {
  const out = alloc(cdt, count * n * n);
  for (let t = 0; t < count; t++) {
    const base = t * n * n;
    for (let j = 0; j < n; j++) {
      const im = w[2 * (t * n + j) + 1];
      if (im === 0) {
        for (let i = 0; i < n; i++) out[2 * (base + j * n + i)] = vr[base + j * n + i];
      } else {
        for (let i = 0; i < n; i++) {
          const re = vr[base + j * n + i], ii = vr[base + (j + 1) * n + i];
          out[2 * (base + j * n + i)] = re, out[2 * (base + j * n + i) + 1] = ii;
          out[2 * (base + (j + 1) * n + i)] = re, out[2 * (base + (j + 1) * n + i) + 1] = -ii;
        }
        j++;
      }
    }
  }
  return out;
}

/**
 * Eigenvalues and right eigenvectors (columns, norm 1) of each general square matrix of a
 * stack. For real input the results are real when every eigenvalue is real, complex
 * otherwise (as NumPy); conjugate pairs appear next to each other.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const { eigenvalues } = nd.linalg.eig([[0, -1], [1, 0]]);
 * assert.equal(eigenvalues.dtype, "complex128");
 * nd.testing.assertAllClose(nd.imag(eigenvalues), [1, -1]);
 * const r = nd.linalg.eig([[2, 0], [0, 3]]);
 * assert.deepEqual(r.eigenvalues.toArray(), [2, 3]);
 * ```
 */
export function eig(a: ArrayLike): EigResult {
  return eigStack(a, "V", "eig") as EigResult;
}

/**
 * Eigenvalues of each general square matrix of a stack (real when all are real and the input
 * is real, complex otherwise), without eigenvectors.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * nd.testing.assertAllClose(nd.linalg.eigvals([[1, 2], [0, 3]]), [1, 3]);
 * ```
 */
export function eigvals(a: ArrayLike): NDArray {
  return eigStack(a, "N", "eigvals") as NDArray;
}
