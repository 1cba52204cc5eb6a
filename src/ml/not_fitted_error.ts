/**
 * `NotFittedError`: what every `nd.ml` estimator throws when it is used before `fit`.
 *
 * @module
 */

/**
 * Thrown when a transformer's `transform`, `inverseTransform` or a fitted attribute (`mean`,
 * `components`, ...) is used before `fit` (scikit-learn's `NotFittedError`, with the same
 * message). `estimator` names the class.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const scaler = new nd.ml.StandardScaler();
 * assert.throws(() => scaler.transform([[1, 2]]), (e: unknown) => {
 *   return e instanceof nd.ml.NotFittedError && e.name === "NotFittedError" &&
 *     e.estimator === "StandardScaler";
 * });
 * ```
 */
export class NotFittedError extends Error {
  override name = "NotFittedError";
  /** The class name of the estimator that is not fitted (`"StandardScaler"`). */
  readonly estimator: string;

  /** The error for an unfitted `estimator` (a class name). */
  constructor(estimator: string) {
    super(
      `This ${estimator} instance is not fitted yet: call 'fit' with appropriate arguments ` +
        `before using this estimator`,
    );
    this.estimator = estimator;
  }
}
