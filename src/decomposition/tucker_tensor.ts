/**
 * `TuckerTensor`: a core tensor multiplied by a factor matrix along every mode.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { isComplex } from "../core/dtype.ts";
import { matmul } from "../linalg/matmul.ts";
import { norm as vecNorm } from "../linalg/norm.ts";
import { conj, equal, multiply } from "../ops/elementwise.ts";
import { where } from "../ops/manipulation/where.ts";
import { real } from "../ops/complex_parts.ts";
import { sum } from "../ops/reduce/reductions.ts";
import { multiModeDot } from "../tenalg/mode_dot.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { asFloat } from "./cp_tensor.ts";

/**
 * A Tucker tensor `core ×₀ F₀ ×₁ F₁ …`: `core` (R₀ × R₁ × …) and factors (Iₖ × Rₖ).
 * Construction checks the shapes. Immutable: methods return new tensors.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const tk = new nd.decomposition.TuckerTensor(nd.ones([1, 2]), [nd.ones([3, 1]), nd.eye(2)]);
 * assert.deepEqual(tk.shape, [3, 2]);
 * assert.deepEqual(tk.rank, [1, 2]);
 * nd.testing.assertAllClose(tk.toTensor(), nd.ones([3, 2]));
 * assert.equal(tk.norm(), Math.sqrt(6));
 * ```
 */
export class TuckerTensor {
  /** The core tensor. */
  readonly core: NDArray;
  /** One Iₖ × Rₖ factor per mode. */
  readonly factors: readonly NDArray[];

  /** A Tucker tensor from its core and factors. */
  constructor(core: ArrayLike, factors: readonly ArrayLike[]) {
    const c = asFloat(toArray(core, "TuckerTensor"));
    if (!Array.isArray(factors) || factors.length !== c.ndim) {
      throw new TypeError(
        `TuckerTensor: a core of shape ${fmtShape(c.shape)} needs ${c.ndim} factors, got ${
          Array.isArray(factors) ? factors.length : typeof factors
        }`,
      );
    }
    const fs = factors.map((f) => asFloat(toArray(f, "TuckerTensor")));
    fs.forEach((f, k) => {
      if (f.ndim !== 2 || f.shape[1] !== c.shape[k]) {
        throw new TypeError(
          `TuckerTensor: factor ${k} has shape ${fmtShape(f.shape)}, expected [*,${c.shape[k]}] ` +
            `for a core of shape ${fmtShape(c.shape)}`,
        );
      }
    });
    this.core = c;
    this.factors = Object.freeze(fs);
  }

  /** The full tensor's shape. */
  get shape(): number[] {
    return this.factors.map((f) => f.shape[0]);
  }

  /** The multilinear rank (the core's shape). */
  get rank(): number[] {
    return this.core.shape.slice();
  }

  /** The full tensor. */
  toTensor(): NDArray {
    return tuckerToTensor(this);
  }

  /**
   * The Frobenius norm, from the factors' Gram matrices `Gₖ = FₖᴴFₖ` (Rₖ × Rₖ):
   * `‖t‖² = ⟨core, core ×₀ G₀ ×₁ G₁ …⟩`. The full tensor is never formed: the work is on
   * core-sized arrays, plus one Gram matrix per factor.
   */
  norm(): number {
    const grams = this.factors.map((f) => matmul(isComplex(f.dtype) ? conj(f).T : f.T, f));
    const g = multiModeDot(this.core, grams);
    const c = isComplex(this.core.dtype) ? conj(this.core) : this.core;
    const sq = real(sum(multiply(c, g))).item() as number;
    return Math.sqrt(Math.max(sq, 0));
  }

  /**
   * The same tensor with unit-norm factor columns, their norms moved into the core (see
   * {@link tuckerNormalize}).
   */
  normalize(): TuckerTensor {
    return tuckerNormalize(this);
  }

  /** A short description for notebooks. */
  toString(): string {
    return `TuckerTensor(shape=${fmtShape(this.shape)}, rank=${fmtShape(this.rank)})`;
  }

  /** Jupyter's display: shapes and ranks. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return {
      "text/plain": this.toString(),
      "text/html": `<div><b>TuckerTensor</b> of shape ${fmtShape(this.shape)}, core ${
        fmtShape(this.rank)
      }, factors ${this.factors.map((f) => fmtShape(f.shape)).join(" ")}</div>`,
    };
  }
}

/**
 * The full tensor of a Tucker tensor: `multiModeDot(core, factors)`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.tuckerToTensor({ core: [[2]], factors: [[[1], [2]], [[3]]] });
 * assert.deepEqual(t.toArray(), [[6], [12]]);
 * ```
 */
export function tuckerToTensor(t: TuckerLikeInput): NDArray {
  const tk = asTucker(t);
  return multiModeDot(tk.core, tk.factors);
}

/**
 * Normalizes every factor's columns to unit Euclidean norm and multiplies the core along
 * each mode by those norms (`core ×ₖ diag(‖Fₖ[:, j]‖)`), so the tensor is unchanged
 * (TensorLy's `tucker_normalize`). A zero column stays zero and its core slice becomes zero,
 * as in TensorLy: neither contributes to the tensor. Returns a new Tucker tensor.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const tk = nd.decomposition.tuckerNormalize({ core: [[2]], factors: [[[3], [4]], [[1]]] });
 * assert.deepEqual(tk.core.toArray(), [[10]]);
 * assert.deepEqual(tk.factors[0].toArray(), [[0.6], [0.8]]);
 * ```
 */
export function tuckerNormalize(t: TuckerLikeInput): TuckerTensor {
  const tk = asTucker(t);
  let core = tk.core;
  const factors = tk.factors.map((f, k) => {
    const n = vecNorm(f, { axis: 0 });
    const scale = where(equal(n, 0), 1, n);
    core = multiply(core, n.reshape(tk.core.shape.map((r, i) => (i === k ? r : 1))));
    return f.div(scale);
  });
  return new TuckerTensor(core, factors);
}

/** A Tucker tensor from a `TuckerTensor` or `{ core, factors }`. */
export type TuckerLikeInput = TuckerTensor | { core: ArrayLike; factors: readonly ArrayLike[] };

function asTucker(t: TuckerLikeInput): TuckerTensor {
  return t instanceof TuckerTensor ? t : new TuckerTensor(t.core, t.factors);
}
