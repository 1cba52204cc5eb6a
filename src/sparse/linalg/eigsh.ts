/**
 * `eigsh`: a few eigenvalues and eigenvectors of a real symmetric sparse matrix or linear
 * operator (SciPy's `scipy.sparse.linalg.eigsh`), by thick-restart Lanczos with full
 * reorthogonalisation, and shift-invert through the sparse LU.
 *
 * @module
 */

import { NDArray } from "../../core/ndarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { copy } from "../../core/copy.ts";
import { fmtShape } from "../../core/shape.ts";
import type { EigResult } from "../../linalg/eigh.ts";
import { cscOf, shiftDiagonal } from "./_csc.ts";
import { generatorOf, intIn, type RngLike, startVector } from "./_eig_opts.ts";
import { lanczos, type Which } from "./_lanczos.ts";
import { luFactor, luSolve } from "./_lu.ts";
import { toOp } from "./_operator.ts";
import { columnOrder } from "./_order.ts";
import { checkPositiveInt, checkTol } from "./_system.ts";
import { ArpackNoConvergence } from "./arpack_no_convergence.ts";
import type { OperatorLike } from "./linear_operator.ts";

/** Options of {@link eigsh} (SciPy's keyword arguments, camelCased). */
export interface EigshOpts {
  /** Number of eigenpairs, `0 < k < N`. Default 6. */
  k?: number;
  /**
   * Which eigenvalues: `"LM"` largest magnitude (default), `"SM"` smallest magnitude, `"LA"`
   * largest algebraic, `"SA"` smallest algebraic. With `sigma`, of `1/(λ − σ)` (so `"LM"`
   * finds the eigenvalues nearest σ), as SciPy.
   */
  which?: Which;
  /** Starting vector (`[N]`); default: `rng.uniform(−1, 1, N)`, as SciPy draws it. */
  v0?: ArrayLike;
  /** Number of Lanczos vectors, `k < ncv ≤ N`; default `min(N, max(2k + 1, 20))`. */
  ncv?: number;
  /** Maximum number of restart cycles; default `10·N`. */
  maxiter?: number;
  /** Relative accuracy of the eigenvalues; 0 (default) means machine precision. */
  tol?: number;
  /** Return the eigenvectors too (default true). */
  returnEigenvectors?: boolean;
  /**
   * Shift-invert: find eigenvalues near `sigma` by Lanczos on `(A − σI)⁻¹`, factored once by
   * the sparse LU (A must be a sparse matrix or dense array, not a LinearOperator).
   */
  sigma?: number;
  /** Seed or Generator for the default `v0` (default seed 0: results are reproducible). */
  rng?: RngLike;
}

const WHICH = ["LM", "SM", "LA", "SA"];

/** Ascending order (with eigenvectors) or ARPACK's order without them (see eigsh docs). */
function outputOrder(w: Float64Array, which: Which, vectors: boolean, shifted: boolean): number[] {
  const idx = Array.from({ length: w.length }, (_, i) => i);
  if (vectors || shifted) return idx.sort((a, b) => w[a] - w[b]);
  const mag = which === "LM" || which === "SM";
  const key = (i: number) => (mag ? Math.abs(w[i]) : w[i]);
  const sign = which === "LM" || which === "LA" ? 1 : -1;
  return idx.sort((a, b) => sign * (key(a) - key(b)) || w[a] - w[b]);
}

/**
 * The `k` eigenvalues (and eigenvectors) of the real symmetric `A` (sparse matrix, dense
 * array or {@link LinearOperator} with `matvec`) selected by `which`, as SciPy's `eigsh`
 * (ARPACK). With eigenvectors: `{eigenvalues, eigenvectors}`, eigenvalues ascending and the
 * eigenvectors (unit columns, `[N, k]`) in the same order; with
 * `returnEigenvectors: false`: the eigenvalues alone in ARPACK's order (most wanted last:
 * ascending |λ| for LM, descending |λ| for SM, ascending for LA, descending for SA;
 * ascending with `sigma`). Throws {@link ArpackNoConvergence} when `maxiter` restarts do not
 * converge all `k` pairs.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import { eigsh } from "./mod.ts";
 * // The 1-D Laplacian: eigenvalues 2 − 2·cos(jπ/(n+1)).
 * const n = 50;
 * const A = nd.add(nd.multiply(nd.eye(n), 2), nd.add(nd.eye(n, { k: 1 }), nd.eye(n, { k: -1 })).mul(-1));
 * const { eigenvalues, eigenvectors } = eigsh(A, { k: 3, which: "LA" });
 * const exact = [48, 49, 50].map((j) => 2 - 2 * Math.cos((j * Math.PI) / (n + 1)));
 * nd.testing.assertAllClose(eigenvalues, exact, { rtol: 1e-12 });
 * nd.testing.assertAllClose(nd.matmul(A, eigenvectors), nd.multiply(eigenvectors, eigenvalues), { atol: 1e-10 });
 * nd.testing.assertAllClose(eigsh(A, { k: 2, sigma: 0 }).eigenvalues, [1, 2].map((j) => 2 - 2 * Math.cos((j * Math.PI) / (n + 1))));
 * ```
 */
export function eigsh(A: OperatorLike, opts: EigshOpts & { returnEigenvectors: false }): NDArray;
/** The eigenvalues and eigenvectors (see above). */
export function eigsh(A: OperatorLike, opts?: EigshOpts): EigResult;
export function eigsh(A: OperatorLike, opts: EigshOpts = {}): EigResult | NDArray {
  const where = "eigsh";
  if (typeof opts !== "object" || opts === null) {
    throw new TypeError(`${where}: options must be an object, got ${String(opts)}`);
  }
  const sigma = opts.sigma;
  if (sigma !== undefined && typeof sigma !== "number") {
    throw new TypeError(`${where}: sigma must be a number, got ${typeof sigma}`);
  }
  if (sigma !== undefined && !Number.isFinite(sigma)) {
    throw new RangeError(`${where}: sigma must be finite, got ${sigma}`);
  }
  // The operator: A itself, or (A − σI)⁻¹ through the sparse LU.
  let op: (x: Float64Array, y: Float64Array) => void, n: number, dtype: string;
  if (sigma === undefined) {
    const L = toOp(A, where, "A");
    if (L.m !== L.n) {
      throw new TypeError(`${where}: A must be square, got shape ${fmtShape([L.m, L.n])}`);
    }
    n = L.n;
    dtype = L.dtype;
    op = (x, y) => L.mv(x, y);
  } else {
    const csc = cscOf(A, where, "A");
    if (csc.m !== csc.n) {
      throw new TypeError(`${where}: A must be square, got shape ${fmtShape([csc.m, csc.n])}`);
    }
    n = csc.n;
    dtype = csc.dtype;
    if (!csc.x.every(Number.isFinite)) {
      throw new RangeError(`${where}: A contains non-finite values`);
    }
    const S = shiftDiagonal(csc, sigma);
    const f = luFactor(S, columnOrder(S, "MMD_AT_PLUS_A", where), 1, where);
    const work = new Float64Array(n);
    op = (x, y) => luSolve(f, x, y, work, false);
  }
  const k = opts.k ?? 6;
  if (typeof k === "number" && Number.isInteger(k) && k >= n && k > 0) {
    throw new RangeError(
      `${where}: k must be less than N: got k=${k} for N=${n} (use nd.linalg.eigh for all eigenvalues)`,
    );
  }
  intIn(k, 1, n - 1, "k", `0 < k < N = ${n}`, where);
  const which = opts.which ?? "LM";
  if (!WHICH.includes(which)) {
    throw new RangeError(
      `${where}: which must be "LM", "SM", "LA" or "SA", got ${JSON.stringify(which)}`,
    );
  }
  const ncv = opts.ncv === undefined
    ? Math.min(n, Math.max(2 * k + 1, 20))
    : intIn(opts.ncv, k + 1, n, "ncv", `k < ncv <= N = ${n}`, where);
  const maxiter = opts.maxiter === undefined
    ? Math.max(10 * n, 1)
    : checkPositiveInt(opts.maxiter, "maxiter", where);
  const tol0 = checkTol(opts.tol ?? 0, "tol", where);
  const vectors = opts.returnEigenvectors ?? true;
  if (typeof vectors !== "boolean") {
    throw new TypeError(`${where}: returnEigenvectors must be a boolean, got ${typeof vectors}`);
  }
  const rng = generatorOf(opts.rng, where);
  const v0 = opts.v0 === undefined || opts.v0 === null
    ? (rng.uniform(-1, 1, { size: n }).data as Float64Array)
    : startVector(opts.v0, n, where);
  const res = lanczos({
    n,
    k,
    ncv,
    which,
    tol: tol0 === 0 ? 2.220446049250313e-16 : tol0,
    maxiter,
    v0,
    op,
    random: () => 2 * rng.random() - 1,
    vectors: true,
    where,
  });
  // Eigenvalues of A (back from 1/(λ − σ) in shift-invert mode).
  const lam = sigma === undefined ? res.theta : res.theta.map((nu) => sigma + 1 / nu);
  const single = dtype === "float32";
  const pack = (sel: number[]) => {
    const w = new NDArray("float64", Float64Array.from(sel, (i) => lam[i]), [sel.length]);
    const V = new Float64Array(n * sel.length);
    sel.forEach((src, c) => {
      for (let i = 0; i < n; i++) V[i * sel.length + c] = res.x![src * n + i];
    });
    const vec = new NDArray("float64", V, [n, sel.length]);
    return single
      ? { eigenvalues: copy(w, "float32"), eigenvectors: copy(vec, "float32") }
      : { eigenvalues: w, eigenvectors: vec };
  };
  if (res.nconv < k) {
    const ok = outputOrder(lam, which, true, true).filter((i) => res.converged[i]);
    const part = pack(ok);
    throw new ArpackNoConvergence(
      `${where}: no convergence (${res.iterations} iterations, ${res.nconv}/${k} eigenvectors converged)`,
      part.eigenvalues,
      part.eigenvectors,
    );
  }
  const out = pack(outputOrder(lam, which, vectors, sigma !== undefined));
  return vectors ? out : out.eigenvalues;
}
