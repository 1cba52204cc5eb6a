/**
 * `TTTensor`: a tensor in tensor-train (matrix product state) form.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { isComplex } from "../core/dtype.ts";
import { matmul } from "../linalg/matmul.ts";
import { qr } from "../linalg/qr.ts";
import { conj } from "../ops/elementwise.ts";
import { real } from "../ops/complex_parts.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { asFloat } from "./cp_tensor.ts";

/**
 * A tensor train: cores of shape (r_{k−1}, n_k, r_k) with r₀ = r_N = 1. Construction checks
 * that neighbouring ranks agree. Immutable: methods return new tensors.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const tt = new nd.decomposition.TTTensor([nd.ones([1, 2, 3]), nd.ones([3, 4, 1])]);
 * assert.deepEqual(tt.shape, [2, 4]);
 * assert.deepEqual(tt.rank, [1, 3, 1]);
 * nd.testing.assertAllClose(tt.toTensor(), nd.full([2, 4], 3));
 * assert.equal(tt.norm(), Math.sqrt(72));
 * ```
 */
export class TTTensor {
  /** The cores, (r_{k−1}, n_k, r_k) each. */
  readonly factors: readonly NDArray[];

  /** A tensor train from its cores. */
  constructor(factors: readonly ArrayLike[]) {
    if (!Array.isArray(factors) || factors.length === 0) {
      throw new TypeError("TTTensor: factors must be a non-empty array of 3-D cores");
    }
    const fs = factors.map((f) => asFloat(toArray(f, "TTTensor")));
    fs.forEach((f, k) => {
      if (f.ndim !== 3) {
        throw new TypeError(`TTTensor: core ${k} has shape ${fmtShape(f.shape)}: cores are 3-D`);
      }
      const prev = k === 0 ? 1 : fs[k - 1].shape[2];
      if (f.shape[0] !== prev) {
        throw new TypeError(
          `TTTensor: core ${k} has shape ${fmtShape(f.shape)}: its first rank must be ${prev}`,
        );
      }
    });
    if (fs[fs.length - 1].shape[2] !== 1) {
      throw new TypeError(
        `TTTensor: the last core has shape ${fmtShape(fs[fs.length - 1].shape)}: its last ` +
          `rank must be 1`,
      );
    }
    this.factors = Object.freeze(fs);
  }

  /** The full tensor's shape. */
  get shape(): number[] {
    return this.factors.map((f) => f.shape[1]);
  }

  /** The TT ranks r₀ … r_N (first and last 1). */
  get rank(): number[] {
    return [1, ...this.factors.map((f) => f.shape[2])];
  }

  /** The full tensor. */
  toTensor(): NDArray {
    return ttToTensor(this);
  }

  /**
   * The Frobenius norm, contracting the cores with themselves left to right: with
   * `M₀ = [[1]]`, `M_k[c, d] = Σ_{a,b,i} M_{k−1}[a, b] · conj(G_k[a, i, c]) · G_k[b, i, d]`
   * (r_k × r_k) and `‖t‖² = M_N`. The full tensor is never formed: the work is
   * O(Σ n_k r_{k−1} r_k (r_{k−1} + r_k)).
   */
  norm(): number {
    let m: NDArray | null = null;
    for (const g of this.factors) {
      const [a, n, c] = g.shape;
      const gc = isComplex(g.dtype) ? conj(g) : g;
      // x[(a, i), d] = Σ_b M[a, b] G[b, i, d]; M' = conj(G)ᵀ(as (a·i) × c) · x.
      const mg = m === null ? g : matmul(m, g.reshape([a, n * c]));
      const x = mg.reshape([a * n, c]);
      m = matmul(gc.reshape([a * n, c]).T, x);
    }
    const sq = real(m!).item() as number;
    return Math.sqrt(Math.max(sq, 0));
  }

  /**
   * The same tensor in canonical left-orthogonal form: a left-to-right QR sweep reshapes each
   * core but the last to (r_{k−1}·n_k) × r_k, keeps the orthonormal Q (reduced QR) as the core
   * and multiplies R into the next core. Every core but the last is then left-orthonormal
   * (`reshape(G, [r_{k−1}·n_k, r_k])ᴴ · reshape(G, [r_{k−1}·n_k, r_k]) = I`), so
   * {@link TTTensor.norm} equals the Frobenius norm of the last core. A rank r_k larger than
   * r_{k−1}·n_k shrinks to that product (the tensor is unchanged). Returns a new tensor train.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const tt = nd.decomposition.randomTt([3, 4, 5], 2, { rng: 0 }) as nd.decomposition.TTTensor;
   * const left = tt.normalize();
   * nd.testing.assertAllClose(left.toTensor(), tt.toTensor());
   * const g = left.factors[0].reshape([3, 2]);
   * nd.testing.assertAllClose(nd.matmul(g.T, g), nd.eye(2), { atol: 1e-12 });
   * const last = nd.linalg.norm(left.factors[2]).item() as number;
   * assert.ok(Math.abs(last - tt.norm()) < 1e-12 * tt.norm());
   * ```
   */
  normalize(): TTTensor {
    const cores = this.factors.slice();
    for (let k = 0; k < cores.length - 1; k++) {
      const [r0, n, r1] = cores[k].shape;
      const { Q, R } = qr(cores[k].reshape([r0 * n, r1]));
      const rk = Q.shape[1];
      cores[k] = Q.reshape([r0, n, rk]);
      const next = cores[k + 1];
      cores[k + 1] = matmul(R, next.reshape([r1, -1])).reshape([rk, next.shape[1], next.shape[2]]);
    }
    return new TTTensor(cores);
  }

  /** A short description for notebooks. */
  toString(): string {
    return `TTTensor(shape=${fmtShape(this.shape)}, rank=${fmtShape(this.rank)})`;
  }

  /** Jupyter's display. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "text/plain": this.toString(), "text/html": `<div>${this.toString()}</div>` };
  }
}

/**
 * The full tensor of a tensor train, contracting the cores left to right.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.ttToTensor([nd.ones([1, 2, 1]), nd.full([1, 3, 1], 2)]);
 * assert.deepEqual(t.shape, [2, 3]);
 * assert.equal(t.get(1, 2), 2);
 * ```
 */
export function ttToTensor(tt: TTTensor | readonly ArrayLike[]): NDArray {
  const t = tt instanceof TTTensor ? tt : new TTTensor(tt);
  let acc = t.factors[0].reshape([t.factors[0].shape[1], -1]); // n0 × r1
  for (let k = 1; k < t.factors.length; k++) {
    const f = t.factors[k];
    acc = matmul(acc, f.reshape([f.shape[0], -1])); // (n0…n_{k-1}) × (n_k r_k)
    acc = acc.reshape([-1, f.shape[2]]);
  }
  return acc.reshape(t.shape);
}
