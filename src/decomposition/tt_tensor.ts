/**
 * `TTTensor`: a tensor in tensor-train (matrix product state) form.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { matmul } from "../linalg/matmul.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { asFloat } from "./cp_tensor.ts";

/**
 * A tensor train: cores of shape (r_{k−1}, n_k, r_k) with r₀ = r_N = 1. Construction checks
 * that neighbouring ranks agree. Immutable.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const tt = new nd.decomposition.TTTensor([nd.ones([1, 2, 3]), nd.ones([3, 4, 1])]);
 * assert.deepEqual(tt.shape, [2, 4]);
 * assert.deepEqual(tt.rank, [1, 3, 1]);
 * nd.testing.assertAllClose(tt.toTensor(), nd.full([2, 4], 3));
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
