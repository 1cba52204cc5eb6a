/**
 * `nd.linalg`: NumPy's `numpy.linalg` on nd arrays, computed by the selected backend (the
 * system LAPACK through FFI, or TypeScript). Every routine works on stacks of matrices
 * (`[..., M, N]`) and follows NumPy's dtype rules: integers compute in float64, float32 and
 * complex64 stay single precision.
 *
 * @module
 */

export { LinAlgError } from "./errors.ts";
export { inv, solve } from "./solve.ts";
export { det, slogdet } from "./det.ts";
export type { SlogdetResult } from "./det.ts";
export { cholesky } from "./cholesky.ts";
export type { CholeskyOpts } from "./cholesky.ts";
export { qr } from "./qr.ts";
export type { QRMode, QRRaw, QRResult } from "./qr.ts";
export { svd, svdvals } from "./svd.ts";
export type { SVDOpts, SVDResult } from "./svd.ts";
export { eigh, eigvalsh } from "./eigh.ts";
export type { EighOpts, EigResult } from "./eigh.ts";
export { eig, eigvals } from "./eig.ts";
export { lstsq } from "./lstsq.ts";
export type { LstsqOpts, LstsqResult } from "./lstsq.ts";
export { pinv } from "./pinv.ts";
export type { PinvOpts } from "./pinv.ts";
export { norm } from "./norm.ts";
export type { NormOpts, NormOrd } from "./norm.ts";
export { matrixRank } from "./matrix_rank.ts";
export type { MatrixRankOpts } from "./matrix_rank.ts";
export { matrixPower } from "./matrix_power.ts";
export { cond } from "./cond.ts";
