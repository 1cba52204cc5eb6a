/**
 * Argument handling shared by `cg`, `gmres` and `bicgstab` (SciPy's `make_system` and
 * `_get_atol_rtol`): the operator, right-hand side, initial guess, preconditioner and
 * tolerances, checked once and turned into Float64Array work vectors.
 *
 * @module
 */

import { NDArray } from "../../core/ndarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { toArray } from "../../core/asarray.ts";
import { isComplex } from "../../core/dtype.ts";
import { copy } from "../../core/copy.ts";
import { fmtShape } from "../../core/shape.ts";
import { nrm2 } from "./_blas1.ts";
import { type Op, toFloat64, toOp } from "./_operator.ts";
import type { OperatorLike } from "./linear_operator.ts";

/** Options shared by the iterative solvers (SciPy's keyword arguments). */
export interface IterativeOpts {
  /** Initial guess (`[N]` or `[N, 1]`), or `"Mb"` for `M·b`; zeros by default. */
  x0?: ArrayLike | "Mb";
  /** Relative tolerance: stop when `‖b − A·x‖ ≤ max(rtol·‖b‖, atol)`. Default 1e-5. */
  rtol?: number;
  /** Absolute tolerance (see `rtol`). Default 0. */
  atol?: number;
  /** Maximum number of iterations; default `10·N`. */
  maxiter?: number;
  /** Preconditioner: an operator approximating `A⁻¹` (matrix, array or LinearOperator). */
  M?: OperatorLike;
}

/** What an iterative solver returns: the solution and SciPy's convergence flag. */
export interface SolveResult {
  /** The approximate solution, shape `[N]`. */
  x: NDArray;
  /**
   * 0: converged; > 0: the iteration limit was reached without convergence (the value is
   * the limit); < 0: breakdown (bicgstab: −10 for ρ, −11 for ω).
   */
  info: number;
}

/** The checked linear system of a solver call. */
export interface System {
  A: Op;
  M: Op | null;
  n: number;
  b: Float64Array;
  x: Float64Array;
  bnrm2: number;
  atol: number;
  maxiter: number;
  single: boolean;
}

function vectorOf(v: ArrayLike, n: number, A: Op, where: string, name: string): NDArray {
  const a = toArray(v, where);
  if (isComplex(a.dtype)) {
    throw new TypeError(`${where}: complex ${name} is not supported, got dtype ${a.dtype}`);
  }
  if (
    !((a.ndim === 1 && a.shape[0] === n) || (a.ndim === 2 && a.shape[0] === n && a.shape[1] === 1))
  ) {
    throw new TypeError(
      `${where}: ${name} of shape ${fmtShape(a.shape)} does not match A of shape ${
        fmtShape([A.m, A.n])
      }: expected [${n}] or [${n},1]`,
    );
  }
  return a;
}

/** Checks a non-negative finite-or-infinite tolerance option. */
export function checkTol(v: unknown, name: string, where: string): number {
  if (typeof v !== "number" || !(v >= 0)) {
    throw new RangeError(`${where}: ${name} must be a non-negative number, got ${String(v)}`);
  }
  return v;
}

/** Checks a positive-integer option. */
export function checkPositiveInt(v: unknown, name: string, where: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1) {
    throw new RangeError(`${where}: ${name} must be a positive integer, got ${String(v)}`);
  }
  return v;
}

/** Checks that a callback option is a function (or absent). */
export function checkCallback<F>(v: F | undefined, where: string): F | undefined {
  if (v !== undefined && typeof v !== "function") {
    throw new TypeError(`${where}: callback must be a function, got ${typeof v}`);
  }
  return v;
}

/** SciPy's `make_system` plus the tolerance rule, for solver `where`. */
export function makeSystem(
  where: string,
  A0: OperatorLike,
  b0: ArrayLike,
  opts: IterativeOpts,
): System {
  if (typeof opts !== "object" || opts === null) {
    throw new TypeError(`${where}: options must be an object, got ${String(opts)}`);
  }
  const A = toOp(A0, where, "A");
  if (A.m !== A.n) {
    throw new TypeError(`${where}: A must be square, got shape ${fmtShape([A.m, A.n])}`);
  }
  const n = A.n;
  const bArr = vectorOf(b0, n, A, where, "b");
  const rtol = checkTol(opts.rtol ?? 1e-5, "rtol", where);
  const atol0 = checkTol(opts.atol ?? 0, "atol", where);
  const maxiter = opts.maxiter === undefined
    ? Math.max(10 * n, 1)
    : checkPositiveInt(opts.maxiter, "maxiter", where);
  let M: Op | null = null;
  if (opts.M !== undefined && opts.M !== null) {
    M = toOp(opts.M, where, "M");
    if (M.m !== n || M.n !== n) {
      throw new TypeError(
        `${where}: M of shape ${fmtShape([M.m, M.n])} does not match A of shape ${
          fmtShape([n, n])
        }`,
      );
    }
  }
  const b = toFloat64(bArr);
  let x: Float64Array;
  if (opts.x0 === undefined || opts.x0 === null) x = new Float64Array(n);
  else if (opts.x0 === "Mb") {
    x = new Float64Array(n);
    if (M) M.mv(b, x);
    else x.set(b);
  } else if (typeof opts.x0 === "string") {
    throw new RangeError(`${where}: x0 must be an array or "Mb", got ${JSON.stringify(opts.x0)}`);
  } else x = toFloat64(vectorOf(opts.x0, n, A, where, "x0"));
  const bnrm2 = nrm2(n, b);
  const single = A.dtype === "float32" && bArr.dtype === "float32";
  return { A, M, n, b, x, bnrm2, atol: Math.max(atol0, rtol * bnrm2), maxiter, single };
}

/** The solver's result: `x` in the dtype SciPy would return (float32 for float32 inputs). */
export function result(sys: System, x: Float64Array, info: number): SolveResult {
  const out = new NDArray("float64", x, [sys.n]);
  return { x: sys.single ? copy(out, "float32") : out, info };
}

/** A read-only view of a solver's current iterate, handed to callbacks. */
export function iterate(x: Float64Array, n: number): NDArray {
  return new NDArray("float64", x, [n], [1], 0, null, false);
}
