/**
 * The error numerical linear algebra raises when a matrix cannot be factored: singular, not
 * positive definite, or an iteration that does not converge (NumPy's `LinAlgError`).
 *
 * @module
 */

/**
 * A numerical failure of a linear-algebra routine. It is a `RangeError` (the input is of
 * the right type and shape but outside the routine's domain); `index` is the flat position
 * of the failing matrix in a stack (0 for a single matrix) and `info` the 1-based failure
 * index LAPACK reported (for example the order of the first non-positive-definite minor).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert.throws(() => nd.linalg.inv([[1, 2], [2, 4]]), (e: unknown) => {
 *   return e instanceof nd.linalg.LinAlgError && e.index === 0 && e instanceof RangeError;
 * });
 * ```
 */
export class LinAlgError extends RangeError {
  override name = "LinAlgError";
  /** The flat index of the failing matrix within the stack. */
  readonly index: number;
  /** LAPACK's 1-based failure index (0 when not applicable). */
  readonly info: number;

  /** A failure `message`, for matrix `index` of the stack, with LAPACK's `info`. */
  constructor(message: string, index: number = 0, info: number = 0) {
    super(message);
    this.index = index;
    this.info = info;
  }
}
