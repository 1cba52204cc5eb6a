/**
 * `nd.sparse.linalg`: SciPy's `scipy.sparse.linalg` on nd's sparse matrices, dense arrays
 * and {@link LinearOperator}s: iterative solvers (`cg`, `gmres`, `bicgstab`), a sparse LU
 * (`spsolve`, `splu`), Lanczos eigensolvers (`eigsh`, `svds`) and matrix norms.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import { cg } from "./mod.ts";
 * const { x } = cg(nd.array([[2, 1], [1, 2]]), [3, 3]);
 * nd.testing.assertAllClose(x, [1, 1], { rtol: 1e-5 });
 * ```
 *
 * @module
 */

export { LinearOperator } from "./linear_operator.ts";
export { aslinearoperator } from "./aslinearoperator.ts";
export type {
  LinearOperatorOpts,
  MatrixLike,
  OperatorFn,
  OperatorLike,
} from "./linear_operator.ts";
export type { IterativeOpts, SolveResult } from "./_system.ts";
export { cg } from "./cg.ts";
export type { CgOpts } from "./cg.ts";
export { bicgstab } from "./bicgstab.ts";
export type { BicgstabOpts } from "./bicgstab.ts";
export { gmres } from "./gmres.ts";
export type { GmresCallback, GmresOpts } from "./gmres.ts";
export { factorized, SparseLU, splu } from "./splu.ts";
export type { LuSolveOpts, SpluOpts } from "./splu.ts";
export type { PermcSpec } from "./_order.ts";
export { spsolve } from "./spsolve.ts";
export type { SpsolveOpts } from "./spsolve.ts";
export { eigsh } from "./eigsh.ts";
export type { EigshOpts } from "./eigsh.ts";
export type { Which } from "./_lanczos.ts";
export type { RngLike } from "./_eig_opts.ts";
export { ArpackNoConvergence } from "./arpack_no_convergence.ts";
export { svds } from "./svds.ts";
export type { SvdsOpts, SvdsResult } from "./svds.ts";
export { norm } from "./norm.ts";
export type { SparseNormOpts, SparseNormOrd } from "./norm.ts";
