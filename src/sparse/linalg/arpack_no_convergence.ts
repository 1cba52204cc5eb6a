/**
 * The error `eigsh` and `svds` raise when the requested eigenpairs do not converge within
 * `maxiter` restarts (SciPy's `ArpackNoConvergence`), carrying the pairs that did.
 *
 * @module
 */

import type { NDArray } from "../../core/ndarray.ts";
import { LinAlgError } from "../../linalg/errors.ts";

/**
 * Not all requested eigenvalues converged. `eigenvalues` and `eigenvectors` hold the
 * converged ones (ascending), as SciPy's `ArpackNoConvergence` does. It is a
 * {@link LinAlgError} (and so a `RangeError`).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import { ArpackNoConvergence, eigsh } from "./mod.ts";
 * import assert from "node:assert/strict";
 * const A = nd.diag(nd.linspace(1, 2, { num: 100 }));
 * assert.throws(() => eigsh(A, { k: 3, which: "SM", maxiter: 1, ncv: 8 }), (e: unknown) => {
 *   return e instanceof ArpackNoConvergence && e.eigenvalues.shape[0] < 3;
 * });
 * ```
 */
export class ArpackNoConvergence extends LinAlgError {
  /** `"ArpackNoConvergence"`. */
  override name = "ArpackNoConvergence";
  /** The converged eigenvalues. */
  readonly eigenvalues: NDArray;
  /** Their eigenvectors as columns. */
  readonly eigenvectors: NDArray;

  /** A failure `message` with the partial results. */
  constructor(message: string, eigenvalues: NDArray, eigenvectors: NDArray) {
    super(message);
    this.eigenvalues = eigenvalues;
    this.eigenvectors = eigenvectors;
  }
}
