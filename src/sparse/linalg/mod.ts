/**
 * `nd.sparse.linalg`: SciPy's `scipy.sparse.linalg` on nd's sparse matrices, dense arrays
 * and {@link LinearOperator}s: iterative solvers (`cg`, `gmres`, `bicgstab`), a sparse LU
 * (`spsolve`, `splu`, `factorized`), Lanczos eigensolvers (`eigsh`, `svds`) and matrix norms.
 * Every solver accepts a sparse matrix (CSR/CSC/COO, multiplied by allocation-free kernels
 * over its arrays), a 2-D dense array, a {@link LinearOperator}, or any object with `shape`
 * and `matmul` (multiplied through `matmul`).
 *
 * Same results as SciPy 1.17 (tests/fixtures/fixtures_sparse_linalg.py), with these
 * differences:
 * - real matrices only (complex ones are refused with a TypeError); computation is in
 *   float64, results are float32 when SciPy's would be;
 * - `cg`, `gmres`, `bicgstab` run SciPy's iterations operation for operation: `info`,
 *   iteration counts and iterates agree (to rounding) on the fixtures;
 * - `spsolve`/`splu` use a left-looking (Gilbert–Peierls) LU with partial pivoting instead of
 *   SuperLU (no supernodes, so slower on large problems), and minimum degree orders of
 *   their own; a singular matrix throws a `LinAlgError` (SciPy warns and returns NaNs);
 *   a dense `A` is solved by `nd.linalg.solve`;
 * - `eigsh`/`svds` use thick-restart Lanczos with full reorthogonalisation instead of ARPACK
 *   (equivalent to ARPACK's implicit restarts with exact shifts; a similar number of
 *   products); `k >= N` is an error (SciPy falls back to a dense solver for dense input);
 *   the default starting vector is drawn from seed 0 (reproducible) unless `rng` is given;
 *   `sigma` needs the matrix entries (no LinearOperator);
 * - `norm` also accepts dense arrays.
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
