/**
 * `svds`: a few singular values and vectors of a sparse matrix or linear operator (SciPy's
 * `scipy.sparse.linalg.svds` with its default ARPACK solver, same algorithm: Lanczos on the
 * smaller Gram matrix `AᴴA` or `AAᴴ`, then a Rayleigh–Ritz step through a dense SVD).
 *
 * @module
 */

import { NDArray } from "../../core/ndarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { copy } from "../../core/copy.ts";
import { fmtShape } from "../../core/shape.ts";
import { qr } from "../../linalg/qr.ts";
import { svd } from "../../linalg/svd.ts";
import { generatorOf, intIn, type RngLike, startVector } from "./_eig_opts.ts";
import { lanczos } from "./_lanczos.ts";
import { toOp } from "./_operator.ts";
import { checkPositiveInt, checkTol } from "./_system.ts";
import { ArpackNoConvergence } from "./arpack_no_convergence.ts";
import type { OperatorLike } from "./linear_operator.ts";

/** Options of {@link svds} (SciPy's keyword arguments, camelCased). */
export interface SvdsOpts {
  /** Number of singular triplets, `0 < k < min(M, N)`. Default 6. */
  k?: number;
  /** Lanczos vectors, `k < ncv < min(M, N)`; default `min(min(M, N), max(2k + 1, 20))`. */
  ncv?: number;
  /** Tolerance (the Gram eigenproblem is solved to `tol²`); 0 (default): machine precision. */
  tol?: number;
  /** `"LM"` largest (default) or `"SM"` smallest singular values. */
  which?: "LM" | "SM";
  /** Starting vector (`[min(M, N)]`); default `rng.standardNormal(min(M, N))`, as SciPy. */
  v0?: ArrayLike;
  /** Maximum number of Lanczos restart cycles; default `10·min(M, N)`. */
  maxiter?: number;
  /** `true` (default) both, `"u"` only U, `"vh"` only Vh, `false` only the values. */
  returnSingularVectors?: boolean | "u" | "vh";
  /** Seed or Generator for the default `v0` (default seed 0: reproducible). */
  rng?: RngLike;
}

/** Singular triplets `A ≈ U·diag(S)·Vh` of {@link svds}, singular values ascending. */
export interface SvdsResult {
  /** Left singular vectors as columns, `[M, k]` (null when not requested). */
  U: NDArray | null;
  /** The singular values, ascending. */
  S: NDArray;
  /** Right singular vectors as rows, `[k, N]` (null when not requested). */
  Vh: NDArray | null;
}

function column(a: Float64Array, rows: number, cols: number, j: number): Float64Array {
  const c = new Float64Array(rows);
  for (let i = 0; i < rows; i++) c[i] = a[i * cols + j];
  return c;
}

/**
 * The `k` largest (`which: "LM"`) or smallest (`"SM"`) singular values of `A` (a sparse
 * matrix, dense array, or {@link LinearOperator} with `matvec` and `rmatvec`), ascending,
 * with the singular vectors: `{U, S, Vh}` (or the values alone with
 * `returnSingularVectors: false`). As SciPy's default solver, the eigenvectors of the
 * smaller of `AᴴA` and `AAᴴ` come from Lanczos ({@link eigsh}'s engine) and are refined by
 * the SVD of `A·V`; so singular values much smaller than the largest lose relative accuracy
 * (as in SciPy).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import { svds } from "./mod.ts";
 * const A = nd.random.defaultRng(1).standardNormal({ size: [40, 30] }) as nd.NDArray;
 * const { U, S, Vh } = svds(A, { k: 3 });
 * const all = nd.linalg.svd(A, { computeUv: false }).toArray() as number[];
 * nd.testing.assertAllClose(S, all.slice(0, 3).reverse(), { rtol: 1e-10 });
 * nd.testing.assertAllClose(nd.matmul(A, Vh!.T), nd.multiply(U!, S), { atol: 1e-10 });
 * ```
 */
export function svds(A: OperatorLike, opts: SvdsOpts & { returnSingularVectors: false }): NDArray;
/** The singular triplets (see above). */
export function svds(A: OperatorLike, opts?: SvdsOpts): SvdsResult;
export function svds(A: OperatorLike, opts: SvdsOpts = {}): SvdsResult | NDArray {
  const where = "svds";
  if (typeof opts !== "object" || opts === null) {
    throw new TypeError(`${where}: options must be an object, got ${String(opts)}`);
  }
  const op = toOp(A, where, "A");
  const { m, n } = op;
  if (m === 0 || n === 0) {
    throw new RangeError(`${where}: A must not be empty, got shape ${fmtShape([m, n])}`);
  }
  const p = Math.min(m, n), transpose = m < n;
  const k = intIn(opts.k ?? 6, 1, p - 1, "k", `0 < k < min(A.shape) = ${p}`, where);
  const ncv = opts.ncv === undefined
    ? Math.min(p, Math.max(2 * k + 1, 20))
    : intIn(opts.ncv, k + 1, p - 1, "ncv", `k < ncv < min(A.shape) = ${p}`, where);
  const tol = checkTol(opts.tol ?? 0, "tol", where);
  if (!Number.isFinite(tol)) throw new RangeError(`${where}: tol must be finite, got ${tol}`);
  const which = opts.which ?? "LM";
  if (which !== "LM" && which !== "SM") {
    throw new RangeError(`${where}: which must be "LM" or "SM", got ${JSON.stringify(which)}`);
  }
  const maxiter = opts.maxiter === undefined
    ? Math.max(10 * p, 1)
    : checkPositiveInt(opts.maxiter, "maxiter", where);
  const rsv = opts.returnSingularVectors ?? true;
  if (rsv !== true && rsv !== false && rsv !== "u" && rsv !== "vh") {
    throw new RangeError(
      `${where}: returnSingularVectors must be true, false, "u" or "vh", got ${
        JSON.stringify(rsv)
      }`,
    );
  }
  const rng = generatorOf(opts.rng, where);
  const v0 = opts.v0 === undefined || opts.v0 === null
    ? (rng.standardNormal({ size: p }) as NDArray).data as Float64Array
    : startVector(opts.v0, p, where);
  const big = Math.max(m, n);
  const tmp = new Float64Array(big);
  // X = A (tall) or Aᴴ (wide); the Gram operator XᴴX is p×p.
  const X = transpose ? (x: Float64Array, y: Float64Array) => op.rmv(x, y) : op.mv;
  const XH = transpose ? op.mv : (x: Float64Array, y: Float64Array) => op.rmv(x, y);
  const res = lanczos({
    n: p,
    k,
    ncv,
    which,
    tol: tol === 0 ? 2.220446049250313e-16 : tol * tol,
    maxiter,
    v0,
    op: (x, y) => {
      X.call(op, x, tmp);
      XH.call(op, tmp, y);
    },
    random: () => 2 * rng.random() - 1,
    vectors: true,
    where,
  });
  if (res.nconv < k) {
    const ok = res.converged.map((c, i) => (c ? i : -1)).filter((i) => i >= 0);
    const vals = Float64Array.from(ok, (i) => Math.sqrt(Math.max(res.theta[i], 0)));
    throw new ArpackNoConvergence(
      `${where}: no convergence (${res.iterations} iterations, ${res.nconv}/${k} singular vectors converged)`,
      new NDArray("float64", vals, [ok.length]),
      new NDArray("float64", new Float64Array(0), [p, 0]),
    );
  }
  // Orthonormal basis of the Ritz vectors (p × k), then X·Q (big × k).
  const E = new Float64Array(p * k);
  for (let t = 0; t < k; t++) for (let i = 0; i < p; i++) E[i * k + t] = res.x![t * p + i];
  const Q = copy(qr(new NDArray("float64", E, [p, k])).Q, "float64").data as Float64Array;
  const XQ = new Float64Array(big * k), out = new Float64Array(big);
  for (let t = 0; t < k; t++) {
    X.call(op, column(Q, p, k, t), out);
    for (let i = 0; i < big; i++) XQ[i * k + t] = out[i];
  }
  const single = op.dtype === "float32";
  const cast = (a: NDArray) => (single ? copy(a, "float32") : a);
  const XQa = new NDArray("float64", XQ, [big, k]);
  if (rsv === false) {
    const s = svd(XQa, { computeUv: false }).data as Float64Array;
    return cast(new NDArray("float64", s.slice().reverse(), [k]));
  }
  const r = svd(XQa, { fullMatrices: false });
  const u = copy(r.U, "float64").data as Float64Array; // big × k
  const s = copy(r.S, "float64").data as Float64Array;
  const vh = copy(r.Vh, "float64").data as Float64Array; // k × k
  // Reverse to ascending order: column/row t ← k − 1 − t.
  const S = new NDArray("float64", s.slice().reverse(), [k]);
  const U1 = new Float64Array(big * k), W = new Float64Array(p * k); // W = Q·vhᴴ (p × k)
  for (let t = 0; t < k; t++) {
    const src = k - 1 - t;
    for (let i = 0; i < big; i++) U1[i * k + t] = u[i * k + src];
    for (let i = 0; i < p; i++) {
      let acc = 0;
      for (let l = 0; l < k; l++) acc += Q[i * k + l] * vh[src * k + l];
      W[i * k + t] = acc;
    }
  }
  const wantU = rsv === true || rsv === "u", wantVh = rsv === true || rsv === "vh";
  // Tall: U = u, Vh = (Q·vhᴴ)ᴴ. Wide (X = Aᴴ): U = Q·vhᴴ, Vh = uᴴ.
  const Ubuf = transpose ? W : U1, Vbuf = transpose ? U1 : W;
  const Vt = new Float64Array(k * n);
  for (let t = 0; t < k; t++) for (let i = 0; i < n; i++) Vt[t * n + i] = Vbuf[i * k + t];
  return {
    U: wantU ? cast(new NDArray("float64", Ubuf, [m, k])) : null,
    S: cast(S),
    Vh: wantVh ? cast(new NDArray("float64", Vt, [k, n])) : null,
  };
}
