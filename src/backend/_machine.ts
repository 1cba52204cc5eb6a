/**
 * float64 machine constants and thresholds shared by the eigenvalue routines.
 *
 * @module
 */

export const EPS: number = 2 ** -53;
export const ULP: number = 2 ** -52;
export const SAFMIN: number = 2 ** -1022;
/** dgeev's scaling threshold √safmin/ulp. */
export const SMLNUM: number = Math.sqrt(SAFMIN) / ULP;
/** Back-substitution rescales its vector when a component would exceed this. */
export const GROW: number = 2 ** 330;
/** Iterations on one eigenvalue before an exceptional shift. */
export const KEXSH: number = 10;
