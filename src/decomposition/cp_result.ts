/**
 * `CPResult`: the CP tensor a decomposition returns, with its error history.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { fmtShape } from "../core/shape.ts";
import { CPTensor } from "./cp_tensor.ts";

/**
 * A fitted CP tensor: a {@link CPTensor} (use it anywhere one is expected) that also carries
 * the relative reconstruction error after every iteration (TensorLy's `return_errors=True`
 * list, always returned here) and the number of iterations run.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const cp = new nd.decomposition.CPResult(null, [nd.ones([2, 1]), nd.ones([3, 1])], [0.5, 0.25], 2);
 * assert.ok(cp instanceof nd.decomposition.CPTensor);
 * assert.deepEqual(cp.errors, [0.5, 0.25]);
 * assert.equal(cp.nIter, 2);
 * ```
 */
export class CPResult extends CPTensor {
  /** ‖t − cp‖ / ‖t‖ after each iteration (the last one is the final model's). */
  readonly errors: readonly number[];
  /** The number of iterations run. */
  readonly nIter: number;

  /** A CP tensor with its error history. */
  constructor(
    weights: NDArray | null,
    factors: readonly NDArray[],
    errors: readonly number[],
    nIter: number,
  ) {
    super(weights, factors);
    this.errors = Object.freeze(errors.slice());
    this.nIter = nIter;
  }

  /** A short description for notebooks, with the final error. */
  override toString(): string {
    const e = this.errors.at(-1);
    return `CPTensor(shape=${fmtShape(this.shape)}, rank=${this.rank}, iterations=${this.nIter}` +
      (e === undefined ? ")" : `, error=${e.toPrecision(4)})`);
  }

  /** Jupyter's display: shapes, iterations and the final relative error. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    const rows = this.factors.map((f, k) =>
      `<tr><td>${k}</td><td>${fmtShape(f.shape)}</td><td>${f.dtype}</td></tr>`
    ).join("");
    const e = this.errors.at(-1);
    return {
      "text/plain": this.toString(),
      "text/html": `<div><b>CPTensor</b> of shape ${fmtShape(this.shape)}, rank ${this.rank}, ` +
        `${this.nIter} iterations` +
        (e === undefined ? "" : `, relative error ${e.toPrecision(4)}`) +
        `<table><tr><th>mode</th><th>factor</th><th>dtype</th></tr>${rows}</table></div>`,
    };
  }
}
