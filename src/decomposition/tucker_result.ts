/**
 * `TuckerResult`: the Tucker tensor a decomposition returns, with its error history.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { fmtShape } from "../core/shape.ts";
import { TuckerTensor } from "./tucker_tensor.ts";

/**
 * A fitted Tucker tensor: a {@link TuckerTensor} (use it anywhere one is expected) that also
 * carries the relative reconstruction error after every iteration (TensorLy's
 * `return_errors=True` list, always returned here) and the number of iterations run.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const tk = new nd.decomposition.TuckerResult(nd.ones([1, 1]), [nd.ones([2, 1]), nd.ones([3, 1])], [0.5, 0.25]);
 * assert.ok(tk instanceof nd.decomposition.TuckerTensor);
 * assert.deepEqual(tk.errors, [0.5, 0.25]);
 * assert.equal(tk.nIter, 2);
 * ```
 */
export class TuckerResult extends TuckerTensor {
  /** ‖t − tucker‖ / ‖t‖ after each iteration (the last one is the final model's). */
  readonly errors: readonly number[];
  /** The number of iterations run (one error each). */
  readonly nIter: number;

  /** A Tucker tensor with its error history. */
  constructor(core: NDArray, factors: readonly NDArray[], errors: readonly number[]) {
    super(core, factors);
    this.errors = Object.freeze(errors.slice());
    this.nIter = errors.length;
  }

  /** A short description for notebooks, with the final error. */
  override toString(): string {
    const e = this.errors.at(-1);
    return `TuckerTensor(shape=${fmtShape(this.shape)}, rank=${fmtShape(this.rank)}, ` +
      `iterations=${this.nIter}` + (e === undefined ? ")" : `, error=${e.toPrecision(4)})`);
  }

  /** Jupyter's display: shapes, iterations and the final relative error. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    const e = this.errors.at(-1);
    return {
      "text/plain": this.toString(),
      "text/html":
        `<div><b>TuckerTensor</b> of shape ${fmtShape(this.shape)}, core ${
          fmtShape(this.rank)
        }, factors ${this.factors.map((f) => fmtShape(f.shape)).join(" ")}, ${this.nIter} ` +
        `iterations` + (e === undefined ? "" : `, relative error ${e.toPrecision(4)}`) + `</div>`,
    };
  }
}
