/**
 * `nd.linalg.eigh` and `nd.linalg.eigvalsh` (LAPACK `syevd`/`heevd`).
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
  checkSquareStack,
  fromFortran,
  linalgType,
  matrixAt,
  realOf,
  toFortran,
} from "./_stack.ts";
import { optionsOf } from "./_options.ts";

const isUplo = (v: unknown): boolean => typeof v === "string";

/** Eigenvalues and eigenvectors: `a · eigenvectors[..., :, i] = eigenvalues[..., i] · eigenvectors[..., :, i]`. */
export interface EigResult {
  /** The eigenvalues. */
  eigenvalues: NDArray;
  /** The eigenvectors as columns, each of Euclidean norm 1. */
  eigenvectors: NDArray;
}

/** Options of {@link eigh} and {@link eigvalsh}. */
export interface EighOpts {
  /** Which triangle of `a` is read: `"L"` (default) or `"U"`. */
  uplo?: "L" | "U";
}

function eighStack(a: ArrayLike, jobz: "V" | "N", opts: EighOpts, where: string) {
  const uplo = opts.uplo ?? "L";
  if (uplo !== "L" && uplo !== "U") {
    throw new RangeError(`${where}: uplo must be "L" or "U", got ${JSON.stringify(uplo)}`);
  }
  const A = toArray(a, where);
  checkSquareStack(A, where);
  const dt = linalgType(where, A);
  const f = toFortran(A, dt);
  const n = f.n;
  const w = alloc(realOf(dt), f.count * n);
  const be = getBackend();
  for (let t = 0; t < f.count; t++) {
    if (n === 0) continue;
    const info = be.syevd(
      dt,
      jobz,
      uplo,
      n,
      matrixAt(f.data, t, n, n, dt),
      n,
      matrixAt(w, t, 1, n, realOf(dt)),
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
  return { dt, f, w: new NDArray(realOf(dt), w, [...f.batch, n]) };
}

/**
 * Eigenvalues (ascending, real) and orthonormal eigenvectors of each real symmetric or
 * complex Hermitian matrix of a stack. Only the triangle `uplo` (default lower) is read.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const { eigenvalues, eigenvectors } = nd.linalg.eigh([[2, 1], [1, 2]]);
 * nd.testing.assertAllClose(eigenvalues, [1, 3]);
 * nd.testing.assertAllClose(nd.abs(eigenvectors), nd.full([2, 2], Math.SQRT1_2));
 * ```
 */
export function eigh(a: ArrayLike, options: EighOpts | "L" | "U" = {}): EigResult {
  const opts = optionsOf<EighOpts>("eigh", options, "uplo", isUplo, '{ uplo: "U" }');
  const { dt, f, w } = eighStack(a, "V", opts, "eigh");
  return { eigenvalues: w, eigenvectors: fromFortran(f.data, dt, f.batch, f.n, f.n) };
}

/**
 * Eigenvalues (ascending, real) of each real symmetric or complex Hermitian matrix of a
 * stack, without eigenvectors. Only the triangle `uplo` (default lower) is read.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * // Only the lower triangle is read: this is [[2, 5], [5, 1]].
 * const r = Math.sqrt(101);
 * nd.testing.assertAllClose(nd.linalg.eigvalsh([[2, 0], [5, 1]]), [(3 - r) / 2, (3 + r) / 2]);
 * ```
 */
export function eigvalsh(a: ArrayLike, options: EighOpts | "L" | "U" = {}): NDArray {
  const opts = optionsOf<EighOpts>("eigvalsh", options, "uplo", isUplo, '{ uplo: "U" }');
  return eighStack(a, "N", opts, "eigvalsh").w;
}
