/**
 * NumPy's mathematical constants.
 *
 * @module
 */

/** π. */
export const pi: number = Math.PI;
/** Euler's number e. */
export const e: number = Math.E;
/** Positive infinity. */
export const inf: number = Infinity;
/** Not a number. */
export const nan: number = NaN;
/** The Euler–Mascheroni constant γ. */
export const eulerGamma: number = 0.5772156649015329;
