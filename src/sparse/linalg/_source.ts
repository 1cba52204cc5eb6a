/**
 * The link from a {@link LinearOperator} made by `aslinearoperator` to the matrix it wraps,
 * so the solvers can multiply by that matrix with their own allocation-free kernels.
 *
 * @module
 */

/** Property key of the wrapped matrix (a dense NDArray or a sparse matrix object). */
export const SOURCE: unique symbol = Symbol("nd.sparse.linalg.source");

/** The matrix an operator wraps, or undefined for an operator defined by functions. */
export function sourceOf(op: object): unknown {
  return (op as { [SOURCE]?: unknown })[SOURCE];
}
