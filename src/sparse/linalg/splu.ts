/**
 * `splu`: the sparse LU factorisation object (SciPy's `scipy.sparse.linalg.splu` and its
 * `SuperLU` result), computed by the Gilbert–Peierls left-looking algorithm.
 *
 * @module
 */

import { NDArray } from "../../core/ndarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { toArray } from "../../core/asarray.ts";
import { copy } from "../../core/copy.ts";
import { isComplex } from "../../core/dtype.ts";
import { fmtShape } from "../../core/shape.ts";
import { type Csc, cscOf } from "./_csc.ts";
import { luFactor, type LuFactors, luSolve } from "./_lu.ts";
import { columnOrder, type PermcSpec } from "./_order.ts";
import { toFloat64 } from "./_operator.ts";
import type { OperatorLike } from "./linear_operator.ts";

/** Options of {@link splu} and {@link spsolve}. */
export interface SpluOpts {
  /**
   * Fill-reducing column order: `"COLAMD"` (an approximate minimum degree order of the
   * pattern of `AᵀA`, which COLAMD computes), `"MMD_AT_PLUS_A"` (minimum degree on
   * `A + Aᵀ`, much less fill for symmetric patterns), `"MMD_ATA"` (as `"COLAMD"`) or
   * `"NATURAL"` (none). Default: `"MMD_AT_PLUS_A"` when the pattern of `A` is symmetric,
   * else `"COLAMD"` (SciPy always defaults to `"COLAMD"`; only speed and fill differ).
   */
  permcSpec?: PermcSpec;
  /**
   * Keep the diagonal entry as pivot when its magnitude is at least this fraction of the
   * column's largest candidate (0…1, default 1: partial pivoting).
   */
  diagPivotThresh?: number;
}

/** Options of {@link SparseLU.solve}. */
export interface LuSolveOpts {
  /** `"N"` solves `A·x = b` (default); `"T"` (or `"H"`, the same for real A) `Aᵀ·x = b`. */
  trans?: "N" | "T" | "H";
}

/**
 * A sparse LU factorisation `Pr·A·Pc = L·U` (SciPy's `SuperLU` object): `solve` reuses it
 * for any number of right-hand sides.
 */
export class SparseLU {
  /** `[N, N]`. */
  readonly shape: readonly [number, number];
  /** Stored entries of `L` plus `U` (SciPy's `nnz`). */
  readonly nnz: number;
  /** Row permutation: row i of A is row `permR[i]` of `L·U` (SciPy's `perm_r`). */
  readonly permR: NDArray<"int32">;
  /** Column permutation: column j of A is column `permC[j]` of `L·U` (SciPy's `perm_c`). */
  readonly permC: NDArray<"int32">;
  #f: LuFactors;
  #single: boolean;

  private constructor(f: LuFactors, single: boolean) {
    this.#f = f;
    this.#single = single;
    this.shape = Object.freeze([f.n, f.n]) as readonly [number, number];
    this.nnz = f.lp[f.n] + f.up[f.n];
    this.permR = new NDArray("int32", f.pinv.slice(), [f.n]);
    const qinv = new Int32Array(f.n);
    for (let k = 0; k < f.n; k++) qinv[f.q[k]] = k;
    this.permC = new NDArray("int32", qinv, [f.n]);
  }

  /**
   * Factors `A` (see {@link splu}, which is the same function).
   *
   * @example
   * ```ts
   * import * as nd from "../../../mod.ts";
   * import { SparseLU } from "./mod.ts";
   * nd.testing.assertAllClose(SparseLU.factor([[2, 0], [0, 4]]).solve([2, 2]), [1, 0.5]);
   * ```
   */
  static factor(A: OperatorLike, opts: SpluOpts = {}): SparseLU {
    const csc = cscOf(A, "splu", "A");
    return new SparseLU(factorCsc(csc, opts, "splu"), csc.dtype === "float32");
  }

  /**
   * Solves `A·x = b` (or `Aᵀ·x = b`) for a vector `b` (`[N]`) or a matrix (`[N, K]`).
   *
   * @example
   * ```ts
   * import * as nd from "../../../mod.ts";
   * import { splu } from "./mod.ts";
   * const lu = splu(nd.array([[4, 1], [2, 3]]));
   * nd.testing.assertAllClose(lu.solve([5, 5]), [1, 1]);
   * nd.testing.assertAllClose(lu.solve([6, 4], { trans: "T" }), [1, 1]);
   * ```
   */
  solve(b: ArrayLike, opts: LuSolveOpts = {}): NDArray {
    const trans = opts.trans ?? "N";
    if (trans !== "N" && trans !== "T" && trans !== "H") {
      throw new RangeError(
        `SparseLU.solve: trans must be "N", "T" or "H", got ${JSON.stringify(trans)}`,
      );
    }
    return solveWith(this.#f, b, trans !== "N", this.#single, "SparseLU.solve");
  }
}

/** Solves with factors `f` for every column of `b0`; checks `b0`'s shape against `n`. */
export function solveWith(
  f: LuFactors,
  b0: ArrayLike,
  trans: boolean,
  single: boolean,
  where: string,
): NDArray {
  const n = f.n;
  const B = toArray(b0, where);
  if (isComplex(B.dtype)) {
    throw new TypeError(`${where}: complex b is not supported, got dtype ${B.dtype}`);
  }
  if ((B.ndim !== 1 && B.ndim !== 2) || B.shape[0] !== n) {
    throw new TypeError(
      `${where}: b of shape ${fmtShape(B.shape)} does not match A of shape ${
        fmtShape([n, n])
      }: expected [${n}] or [${n},K]`,
    );
  }
  const k = B.ndim === 1 ? 1 : B.shape[1];
  const data = toFloat64(B); // row-major [n, k]
  const out = new Float64Array(n * k);
  const col = new Float64Array(n), res = new Float64Array(n), work = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) col[i] = data[i * k + c];
    luSolve(f, col, res, work, trans);
    for (let i = 0; i < n; i++) out[i * k + c] = res[i];
  }
  const x = new NDArray("float64", out, B.shape);
  return single && B.dtype === "float32" ? copy(x, "float32") : x;
}

/** Factors a square CSC matrix with the options' ordering and threshold. */
export function factorCsc(A: Csc, opts: SpluOpts, where: string): LuFactors {
  if (A.m !== A.n) {
    throw new TypeError(`${where}: A must be square, got shape ${fmtShape([A.m, A.n])}`);
  }
  const thresh = opts.diagPivotThresh ?? 1;
  if (typeof thresh !== "number" || !(thresh >= 0 && thresh <= 1)) {
    throw new RangeError(
      `${where}: diagPivotThresh must be a number in [0, 1], got ${String(thresh)}`,
    );
  }
  if (!A.x.every(Number.isFinite)) {
    throw new RangeError(`${where}: A contains non-finite values`);
  }
  const q = columnOrder(A, opts.permcSpec, where);
  return luFactor(A, q, thresh, where);
}

/**
 * Factors a square sparse matrix (or dense array) as `Pr·A·Pc = L·U` with partial
 * pivoting and a fill-reducing column order (SciPy's `splu`). Throws a
 * {@link LinAlgError} when `A` is exactly singular.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import { splu } from "./mod.ts";
 * import assert from "node:assert/strict";
 * const A = nd.array([[0, 2, 0], [1, 0, 0], [0, 0, 3]]);
 * const lu = splu(A);
 * assert.equal(lu.nnz, 6);
 * nd.testing.assertAllClose(lu.solve(nd.eye(3)), nd.linalg.inv(A));
 * ```
 */
export function splu(A: OperatorLike, opts: SpluOpts = {}): SparseLU {
  return SparseLU.factor(A, opts);
}

/**
 * A function solving `A·x = b` with one sparse LU of `A` (SciPy's `factorized`): the
 * factorisation runs once, each call only the triangular solves.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import { factorized } from "./mod.ts";
 * const solve = factorized(nd.array([[3, 1], [1, 2]]));
 * nd.testing.assertAllClose(solve([9, 8]), [2, 3]);
 * nd.testing.assertAllClose(solve([4, 3]), [1, 1]);
 * ```
 */
export function factorized(A: OperatorLike, opts: SpluOpts = {}): (b: ArrayLike) => NDArray {
  const lu = SparseLU.factor(A, opts);
  return (b: ArrayLike) => lu.solve(b);
}
