/**
 * {@linkcode assertAllClose}: NumPy's `np.testing.assert_allclose`.
 *
 * @module
 */
import type { ArrayLike } from "../core/_array_like.ts";
import { promoteTypes } from "../core/promotion.ts";
import { floatBits, roundTo } from "./_float.ts";
import { arrayCompare, type AssertOpts } from "./_compare.ts";
import { cabs } from "./_differences.ts";
import { bigOf, type Flat, imag, integral, num } from "./_flat.ts";
import { formatG } from "./_format.ts";

/** Options of {@linkcode assertAllClose}. */
export interface AllCloseOpts extends AssertOpts {
  /** Relative tolerance; 1e-7. */
  rtol?: number;
  /** Absolute tolerance; 0. */
  atol?: number;
  /** Treat NaNs in the same places as equal; true. */
  equalNan?: boolean;
}

function tolerance(where: string, name: string, v: unknown, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== "number") {
    throw new TypeError(`${where}: ${name} must be a number, got ${typeof v}`);
  }
  if (!(v >= 0)) throw new RangeError(`${where}: ${name} must be a non-negative number, got ${v}`);
  return v;
}

function isFiniteAt(f: Flat, i: number): boolean {
  return Number.isFinite(num(f, i)) && Number.isFinite(imag(f, i));
}

/**
 * Asserts that two arrays are elementwise equal within a tolerance, NumPy's
 * `np.testing.assert_allclose`: `|actual - expected| <= atol + rtol * |expected|` everywhere.
 *
 * Shapes must be equal, except that a 0-d side (a plain number) is compared with every element
 * of the other; `strict: true` also requires equal dtypes and forbids that. NaNs must sit in
 * the same places on both sides (then they count as equal, unless `equalNan` is false) and so
 * must infinities, which must also have the same sign. Comparisons follow NumPy's arithmetic:
 * the expected side is taken as a float (its own dtype when it is a float or complex, else
 * float64) and the tolerance is computed in that dtype. When both sides hold integers (int64
 * and uint64 included) the difference is computed exactly.
 *
 * A failure throws an `AssertionError` whose message reads like NumPy's:
 *
 * ```text
 * Not equal to tolerance rtol=1e-07, atol=0
 *
 * Mismatched elements: 1 / 3 (33.3%)
 * Mismatch at index:
 *  [2]: 3.5 (ACTUAL), 3.4 (DESIRED)
 * Max absolute difference among violations: 0.1
 * Max relative difference among violations: 0.02941176
 *  ACTUAL: array([1. , 2. , 3.5])
 *  DESIRED: array([1. , 2. , 3.4])
 * ```
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * nd.testing.assertAllClose(nd.array([1, 2, 3]).div(3), [1 / 3, 2 / 3, 1]);
 * nd.testing.assertAllClose(nd.array([1e-10, 1]), [0, 1], { atol: 1e-9 });
 * nd.testing.assertAllClose([NaN, 1], [NaN, 1]);
 * assert.throws(() => nd.testing.assertAllClose([1, 2, 3.5], [1, 2, 3.4]), {
 *   name: "AssertionError",
 *   message: /^Not equal to tolerance rtol=1e-07, atol=0\n\nMismatched elements: 1 \/ 3 \(33.3%\)/,
 * });
 * ```
 */
export function assertAllClose(
  actual: ArrayLike,
  expected: ArrayLike,
  opts: AllCloseOpts = {},
): void {
  const where = "assertAllClose";
  const rtol = tolerance(where, "rtol", opts?.rtol, 1e-7);
  const atol = tolerance(where, "atol", opts?.atol, 0);
  const equalNan = opts?.equalNan ?? true;
  const prepare = (x: Flat, y: Flat): (i: number, j: number) => boolean => {
    if (integral(x) && integral(y)) {
      return (i, j) => {
        const d = bigOf(x, i) - bigOf(y, j);
        return d === 0n || Number(d < 0n ? -d : d) <= atol + rtol * Math.abs(num(y, j));
      };
    }
    // NumPy's isclose: expected cast to a float dtype, tolerance computed in that dtype
    const yd = y.kind === "f" || y.kind === "c" ? y.dtype : "float64";
    const yb = floatBits(yd), cb = floatBits(promoteTypes(x.dtype, yd));
    const Ry = (v: number) => roundTo(yb, v), Rc = (v: number) => roundTo(cb, v);
    const rt = Ry(rtol), at = Ry(atol);
    const xr = x.re, yr = y.re;
    if (yb === 64 && cb === 64 && xr && yr && !x.im && !y.im) {
      // float64 fast path
      return (i, j) => {
        const a = xr[i], b = yr[j];
        if (a === b || (equalNan && a !== a && b !== b)) return true;
        return Math.abs(a - b) <= at + rt * Math.abs(b) && b - b === 0;
      };
    }
    const complex = x.kind === "c" || y.kind === "c";
    return (i, j) => {
      const xr = num(x, i), xi = imag(x, i), yr = Ry(num(y, j)), yi = Ry(imag(y, j));
      if (
        (xr === yr && xi === yi) || (equalNan && Number.isNaN(xr + xi) && Number.isNaN(yr + yi))
      ) {
        return true;
      }
      if (!isFiniteAt(y, j)) return false;
      const dr = Rc(Rc(xr) - Rc(yr)), di = Rc(Rc(xi) - Rc(yi));
      const diff = complex ? cabs(dr, di, cb) : Math.abs(dr);
      const ay = complex ? cabs(yr, yi, yb) : Math.abs(yr);
      return diff <= Ry(at + Ry(rt * ay));
    };
  };
  arrayCompare(actual, expected, {
    where,
    header: `Not equal to tolerance rtol=${formatG(rtol)}, atol=${formatG(atol)}`,
    names: ["ACTUAL", "DESIRED"],
    equalNan,
    equalInf: true,
    prepare,
  }, opts ?? {});
}
