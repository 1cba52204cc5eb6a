/**
 * Internal steps of `parafac2` (TensorLy's `_compute_projections`, `_project_tensor_slices`,
 * the CP-ALS sweeps on the projected tensor (by `parafac`), `_parafac2_reconstruction_error` and Bro's line
 * search). Not exported from the package.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { matmul } from "../linalg/matmul.ts";
import { svd } from "../linalg/svd.ts";
import { mttkrp } from "../tenalg/mttkrp.ts";
import { parafac } from "./parafac.ts";
import { CPTensor } from "./cp_tensor.ts";
import { ones } from "../ops/creation.ts";
import { flat, type FloatDType, fromData } from "./_tucker_ops.ts";

/** [A (I × R), B (R × R), C (K × R)]. */
export type Factors = [NDArray, NDArray, NDArray];

/**
 * The projections Pᵢ (Jᵢ × R, orthonormal) that best align each slice with the model:
 * `Pᵢ = (U Vh)ᵀ` from the SVD of `B · diag(A[i]) · (Xᵢ C)ᵀ`.
 */
export function computeProjections(slices: readonly NDArray[], f: Factors): NDArray[] {
  const [a, b, c] = f;
  const r = a.shape[1];
  const ad = flat(a.flags.cContiguous ? a : a.copy());
  return slices.map((x, i) => {
    const xc = matmul(x, c); // Jᵢ × R
    const scaled = b.mul(fromData(a.dtype as FloatDType, ad.slice(i * r, i * r + r), [1, r]));
    const m = matmul(scaled, xc.T); // R × Jᵢ
    const { U, Vh } = svd(m, { fullMatrices: false });
    return matmul(Vh.T, U.T);
  });
}

/** The projected tensor (I × R × K): slice i is Pᵢᵀ Xᵢ. */
export function projectSlices(
  slices: readonly NDArray[],
  projections: readonly NDArray[],
): NDArray {
  const r = projections[0].shape[1], k = slices[0].shape[1];
  const dtype = slices[0].dtype as FloatDType;
  const out = dtype === "float32"
    ? new Float32Array(slices.length * r * k)
    : new Float64Array(slices.length * r * k);
  slices.forEach((x, i) => out.set(flat(matmul(projections[i].T, x)), i * r * k));
  return fromData(dtype, out, [slices.length, r, k]);
}

/**
 * `sweeps` CP-ALS sweeps (unit weights, no normalization, no early stop) on the projected
 * tensor from `f`, by `parafac` as TensorLy's `parafac2` calls its `parafac`; new factors.
 */
export function cpSweeps(y: NDArray, f: Factors, sweeps: number): Factors {
  const cp = parafac(y, f[0].shape[1], { init: new CPTensor(null, f), nIterMax: sweeps, tol: 0 });
  return [cp.factors[0], cp.factors[1], cp.factors[2]];
}

/**
 * ‖X − model‖ from the projected tensor: ‖X‖² − 2Σᵢ⟨diag(A[i]) Bᵀ Yᵢ C⟩ + Σ(AᵀA ∘ BᵀB ∘ CᵀC),
 * with the weights folded into A (the projections are orthonormal).
 */
export function reconstructionError(
  y: NDArray,
  weights: NDArray,
  f: Factors,
  normX: number,
): number {
  const a = f[0].mul(weights.reshape([1, -1]));
  const factors = [a, f[1], f[2]];
  const m0 = flat(mttkrp(y, { factors }, 0));
  const ad = flat(a.flags.cContiguous ? a : a.copy());
  let inner = 0;
  for (let i = 0; i < m0.length; i++) inner += m0[i] * ad[i];
  const g = factors.map((x) => flat(matmul(x.T, x)));
  let cmf = 0;
  for (let i = 0; i < g[0].length; i++) cmf += g[0][i] * g[1][i] * g[2][i];
  return Math.sqrt(Math.max(normX * normX - 2 * inner + cmf, 0));
}

/**
 * Bro's line search (TensorLy's `_BroThesisLineSearch`): extrapolate the factors by
 * `iteration^(1/accPow)` along the last update; keep the jump when it lowers the error, and
 * after 4 failures in a row make later jumps shorter (accPow + 1).
 */
export class LineSearch {
  #accPow = 2;
  #accFail = 0;
  readonly #slices: readonly NDArray[];
  readonly #normX: number;

  constructor(slices: readonly NDArray[], normX: number) {
    this.#slices = slices;
    this.#normX = normX;
  }

  /** One line-search step from `last` to `cur` (weights one); the factors to keep. */
  step(
    iteration: number,
    last: Factors,
    cur: Factors,
    projections: NDArray[],
    error: number,
  ): { factors: Factors; projections: NDArray[]; error: number } {
    const jump = iteration ** (1 / this.#accPow);
    const ls = cur.map((f, i) => last[i].add(f.sub(last[i]).mul(jump))) as Factors;
    const pls = computeProjections(this.#slices, ls);
    const y = projectSlices(this.#slices, pls);
    const w = ones([ls[0].shape[1]], { dtype: ls[0].dtype });
    const lsError = reconstructionError(y, w, ls, this.#normX) / this.#normX;
    if (lsError < error) {
      this.#accFail = 0;
      return { factors: ls, projections: pls, error: lsError };
    }
    if (++this.#accFail === 4) {
      this.#accPow += 1;
      this.#accFail = 0;
    }
    return { factors: cur, projections, error };
  }
}
