/**
 * `TuckerTensor`: a core tensor multiplied by a factor matrix along every mode.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { multiModeDot } from "../tenalg/mode_dot.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { asFloat } from "./cp_tensor.ts";

/**
 * A Tucker tensor `core ×₀ F₀ ×₁ F₁ …`: `core` (R₀ × R₁ × …) and factors (Iₖ × Rₖ).
 * Construction checks the shapes. Immutable.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const tk = new nd.decomposition.TuckerTensor(nd.ones([1, 2]), [nd.ones([3, 1]), nd.eye(2)]);
 * assert.deepEqual(tk.shape, [3, 2]);
 * assert.deepEqual(tk.rank, [1, 2]);
 * nd.testing.assertAllClose(tk.toTensor(), nd.ones([3, 2]));
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
export function tuckerToTensor(
  t: TuckerTensor | { core: ArrayLike; factors: readonly ArrayLike[] },
): NDArray {
  const tk = t instanceof TuckerTensor ? t : new TuckerTensor(t.core, t.factors);
  return multiModeDot(tk.core, tk.factors);
}
