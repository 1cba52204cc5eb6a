/**
 * {@linkcode assertArrayLess}: NumPy's `np.testing.assert_array_less`.
 *
 * @module
 */
import type { ArrayLike } from "../core/_array_like.ts";
import { arrayCompare, type AssertOpts } from "./_compare.ts";
import { bigOf, type Flat, imag, integral, num } from "./_flat.ts";

/** Options of {@linkcode assertArrayLess}. */
export type ArrayLessOpts = AssertOpts;

function lessTest(x: Flat, y: Flat): (i: number, j: number) => boolean {
  const xr = x.re, yr = y.re, xb = x.big, yb = y.big;
  if (xb && yb) return (i, j) => xb[i] < yb[j];
  if (xr && yr && !x.im && !y.im) return (i, j) => xr[i] < yr[j];
  if (integral(x) && integral(y)) return (i, j) => bigOf(x, i) < bigOf(y, j);
  return (i, j) => {
    const a = num(x, i), b = num(y, j);
    // complex numbers order by real part, then imaginary part (NumPy's ordering)
    return a < b || (a === b && imag(x, i) < imag(y, j));
  };
}

/**
 * Asserts that `x < y` element for element, NumPy's `np.testing.assert_array_less`. Shapes
 * must match unless one side is 0-d; NaNs must be in the same places (and are then skipped);
 * infinities are compared like other numbers. A failure throws an `AssertionError` whose
 * message starts with ``Arrays are not strictly ordered `x < y` `` and lists the offending
 * indices with the values of `x` and `y`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * nd.testing.assertArrayLess(nd.array([1, 2]), [2, 3]);
 * nd.testing.assertArrayLess([-Infinity, 0], 1);
 * assert.throws(() => nd.testing.assertArrayLess([1, 5], [2, 3]), {
 *   name: "AssertionError",
 *   message: /^Arrays are not strictly ordered `x < y`\n\nMismatched elements: 1 \/ 2 \(50%\)/,
 * });
 * ```
 */
export function assertArrayLess(x: ArrayLike, y: ArrayLike, opts: ArrayLessOpts = {}): void {
  arrayCompare(x, y, {
    where: "assertArrayLess",
    header: "Arrays are not strictly ordered `x < y`",
    names: ["x", "y"],
    equalNan: true,
    equalInf: false,
    prepare: lessTest,
  }, opts ?? {});
}
