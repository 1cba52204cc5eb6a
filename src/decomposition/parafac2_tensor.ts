/**
 * `Parafac2Tensor` and `randomParafac2`: the PARAFAC2 model of a list of matrices, after
 * TensorLy's `Parafac2Tensor` and `random_parafac2`.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { matmul } from "../linalg/matmul.ts";
import { qr } from "../linalg/qr.ts";
import { ones } from "../ops/creation.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { asFloat } from "./cp_tensor.ts";
import { type RngLike, toRng } from "./random_tensors.ts";
import { flat, fromData } from "./_tucker_ops.ts";

/**
 * A PARAFAC2 tensor: slice i is `Xᵢ = Bᵢ · diag(w ∘ A[i]) · Cᵀ` with the evolving factor
 * `Bᵢ = Pᵢ B`. `weights` (R), `factors` = [A (I × R), B (R × R), C (K × R)] and one projection
 * Pᵢ (Jᵢ × R, orthonormal columns) per slice; the slices may have different numbers of rows
 * Jᵢ but share K columns. Construction checks the shapes and the projections' orthonormality
 * (to 1e-5, as TensorLy). Immutable.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * // One slice: P B diag(A[0]) Cᵀ = [1, 0]ᵀ · 1 · 2 · [1, 3].
 * const p = new nd.decomposition.Parafac2Tensor(null, [[[2]], [[1]], [[1], [3]]], [[[1], [0]]]);
 * assert.deepEqual(p.shape, [1, 2, 2]);
 * assert.deepEqual(p.toSlices()[0].toArray(), [[2, 6], [0, 0]]);
 * ```
 */
export class Parafac2Tensor {
  /** The R component weights. */
  readonly weights: NDArray;
  /** [A (I × R), B (R × R), C (K × R)]. */
  readonly factors: readonly [NDArray, NDArray, NDArray];
  /** One Jᵢ × R projection with orthonormal columns per slice. */
  readonly projections: readonly NDArray[];

  /** A PARAFAC2 tensor from weights (null: ones), the three factors and the projections. */
  constructor(
    weights: ArrayLike | null,
    factors: readonly ArrayLike[],
    projections: readonly ArrayLike[],
  ) {
    const where = "Parafac2Tensor";
    if (!Array.isArray(factors) || factors.length !== 3) {
      throw new TypeError(
        `${where}: expected exactly three factors [A, B, C], got ${
          Array.isArray(factors) ? factors.length : typeof factors
        }`,
      );
    }
    const [a, b, c] = factors.map((f) => asFloat(toArray(f, where)));
    const r = a.ndim === 2 ? a.shape[1] : -1;
    [a, b, c].forEach((f, k) => {
      const rows = k === 1 ? r : f.shape[0];
      if (f.ndim !== 2 || f.shape[1] !== r || f.shape[0] !== rows) {
        throw new TypeError(
          `${where}: factor ${k} has shape ${fmtShape(f.shape)}, expected ` +
            `${k === 1 ? `[${r},${r}]` : `[*,${r}]`} (rank ${r} from factor 0)`,
        );
      }
    });
    if (!Array.isArray(projections) || projections.length !== a.shape[0]) {
      throw new TypeError(
        `${where}: expected one projection per row of A (${a.shape[0]}), got ${
          Array.isArray(projections) ? projections.length : typeof projections
        }`,
      );
    }
    const ps = projections.map((p, i) => {
      const m = asFloat(toArray(p, where));
      if (m.ndim !== 2 || m.shape[1] !== r) {
        throw new TypeError(
          `${where}: projection ${i} has shape ${fmtShape(m.shape)}, expected [*,${r}]`,
        );
      }
      const g = flat(matmul(m.T, m));
      for (let u = 0; u < r; u++) {
        for (let v = 0; v < r; v++) {
          const dev = Math.abs(g[u * r + v] - (u === v ? 1 : 0));
          if (!(dev <= 1e-5)) {
            throw new TypeError(
              `${where}: projection ${i} does not have orthonormal columns: |PᵀP − I| reaches ` +
                `${dev.toExponential(2)}`,
            );
          }
        }
      }
      return m;
    });
    const w = weights === null ? ones([r], { dtype: a.dtype }) : asFloat(toArray(weights, where));
    if (w.ndim !== 1 || w.shape[0] !== r) {
      throw new TypeError(`${where}: weights of shape ${fmtShape(w.shape)} do not match rank ${r}`);
    }
    this.weights = w;
    this.factors = Object.freeze([a, b, c]) as unknown as readonly [NDArray, NDArray, NDArray];
    this.projections = Object.freeze(ps);
  }

  /** The number of components R. */
  get rank(): number {
    return this.factors[0].shape[1];
  }

  /** The padded full tensor's shape: [I, max Jᵢ, K]. */
  get shape(): [number, number, number] {
    const j = Math.max(...this.projections.map((p) => p.shape[0]));
    return [this.factors[0].shape[0], j, this.factors[2].shape[0]];
  }

  /** The slices' shapes [Jᵢ, K]. */
  get sliceShapes(): [number, number][] {
    return this.projections.map((p) => [p.shape[0], this.factors[2].shape[0]]);
  }

  /** The slices Xᵢ = Pᵢ B · diag(w ∘ A[i]) · Cᵀ (Jᵢ × K each). */
  toSlices(): NDArray[] {
    const [a, b, c] = this.factors;
    const aw = a.mul(this.weights.reshape([1, -1]));
    return this.projections.map((p, i) => {
      const bi = matmul(p, b).mul(aw.slice(i, null).reshape([1, -1]));
      return matmul(bi, c.T);
    });
  }

  /** The full I × max Jᵢ × K tensor, shorter slices padded with zeros (TensorLy's convention). */
  toTensor(): NDArray {
    const [i, j, k] = this.shape;
    const slices = this.toSlices();
    const dtype = slices[0].dtype === "float32" ? "float32" : "float64";
    const out = dtype === "float32" ? new Float32Array(i * j * k) : new Float64Array(i * j * k);
    slices.forEach((s, n) => out.set(flat(s.flags.cContiguous ? s : s.copy()), n * j * k));
    return fromData(dtype, out, [i, j, k]);
  }

  /** A short description for notebooks. */
  toString(): string {
    return `Parafac2Tensor(shape=${fmtShape(this.shape)}, rank=${this.rank})`;
  }

  /** Jupyter's display. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/plain": this.toString(), "text/html": `<div>${this.toString()}</div>` };
  }
}

/**
 * A fitted PARAFAC2 tensor: a {@link Parafac2Tensor} that also carries the relative error
 * history of the fit (TensorLy's `return_errors=True` list: one entry per iteration, except
 * that an iteration with a line search updates the last entry instead of adding one) and the
 * number of iterations run.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const p = new nd.decomposition.Parafac2Result(null, [[[1]], [[1]], [[1]]], [[[1]]], [0.1], 1);
 * assert.ok(p instanceof nd.decomposition.Parafac2Tensor);
 * assert.deepEqual(p.errors, [0.1]);
 * ```
 */
export class Parafac2Result extends Parafac2Tensor {
  /** The relative errors ‖X − model‖ / ‖X‖ of the fit (the last one is the final model's). */
  readonly errors: readonly number[];
  /** The number of iterations run. */
  readonly nIter: number;

  /** A PARAFAC2 tensor with its error history. */
  constructor(
    weights: ArrayLike | null,
    factors: readonly ArrayLike[],
    projections: readonly ArrayLike[],
    errors: readonly number[],
    nIter: number,
  ) {
    super(weights, factors, projections);
    this.errors = Object.freeze(errors.slice());
    this.nIter = nIter;
  }

  /** A short description for notebooks, with the final error. */
  override toString(): string {
    const e = this.errors.at(-1);
    return `Parafac2Tensor(shape=${
      fmtShape(this.shape)
    }, rank=${this.rank}, iterations=${this.nIter}` +
      (e === undefined ? ")" : `, error=${e.toPrecision(4)})`);
  }
}

/** Options of {@link randomParafac2}. */
export interface RandomParafac2Opts {
  /** Return the padded full tensor instead of the decomposition (default false). */
  full?: boolean;
  /** The source of randomness. */
  rng?: RngLike;
  /** float64 (default) or float32. */
  dtype?: "float64" | "float32";
}

/**
 * A random PARAFAC2 tensor (TensorLy's `random_parafac2`): for slice shapes [Jᵢ, K] (same K),
 * projections from the QR of uniform Jᵢ × R matrices, then A (I × R), B (R × R) and C (K × R)
 * uniform in [0, 1) and unit weights.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const p = nd.decomposition.randomParafac2([[4, 5], [6, 5]], 2, { rng: 0 }) as nd.decomposition.Parafac2Tensor;
 * assert.deepEqual(p.sliceShapes, [[4, 5], [6, 5]]);
 * assert.deepEqual(p.toSlices()[1].shape, [6, 5]);
 * ```
 */
export function randomParafac2(
  shapes: readonly (readonly number[])[],
  rank: number,
  opts: RandomParafac2Opts = {},
): Parafac2Tensor | NDArray {
  const where = "randomParafac2";
  if (!Array.isArray(shapes) || shapes.length === 0) {
    throw new TypeError(`${where}: shapes must be a non-empty array of [rows, columns] pairs`);
  }
  if (!Number.isInteger(rank) || rank < 1) {
    throw new RangeError(`${where}: rank must be a positive integer, got ${rank}`);
  }
  shapes.forEach((s, i) => {
    if (!Array.isArray(s) || s.length !== 2 || !s.every((n) => Number.isInteger(n) && n >= 1)) {
      throw new TypeError(`${where}: shape ${i} must be [rows, columns], got ${String(s)}`);
    }
    if (s[1] !== shapes[0][1]) {
      throw new TypeError(
        `${where}: every slice must have ${shapes[0][1]} columns, shape ${i} is ${fmtShape(s)}`,
      );
    }
    if (s[0] < rank) {
      throw new RangeError(`${where}: shape ${i} has ${s[0]} rows, fewer than rank ${rank}`);
    }
  });
  const rng = toRng(opts.rng, where);
  const dtype = opts.dtype ?? "float64";
  const projections = shapes.map((s) => qr(rng.random([s[0], rank], { dtype }) as NDArray).Q);
  const factors = [shapes.length, rank, shapes[0][1]].map((n) =>
    rng.random([n, rank], { dtype }) as NDArray
  );
  const p = new Parafac2Tensor(null, factors, projections);
  return opts.full ? p.toTensor() : p;
}
