/**
 * Machine epsilon of the two real precisions nd's linear algebra computes in.
 *
 * @module
 */

/** `finfo(dtype).eps` for float32 and float64. */
export const EPS: Readonly<Record<"float32" | "float64", number>> = Object.freeze({
  float32: 2 ** -23,
  float64: 2 ** -52,
});
