/**
 * {@linkcode assertArrayEqual}: NumPy's `np.testing.assert_array_equal`.
 *
 * @module
 */
import type { ArrayLike } from "../core/_array_like.ts";
import { arrayCompare, type AssertOpts } from "./_compare.ts";
import { equalTest } from "./_flat.ts";

/** Options of {@linkcode assertArrayEqual}. */
export type ArrayEqualOpts = AssertOpts;

/**
 * Asserts that two arrays are equal element for element, NumPy's
 * `np.testing.assert_array_equal`. Shapes must match, except that a 0-d side (a plain
 * number) is compared with every element of the other (`strict: true` forbids that and also
 * requires equal dtypes). NaNs in the same places count as equal. Integers, int64/uint64
 * included, are compared exactly; an integer and a float are compared as float64, like NumPy.
 *
 * A failure throws an `AssertionError` with NumPy's message: `Arrays are not equal`, the
 * count of mismatched elements, the first five mismatching indices with both values, the
 * largest absolute and relative differences, and both arrays.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * nd.testing.assertArrayEqual(nd.arange(3), [0, 1, 2]);
 * nd.testing.assertArrayEqual(nd.zeros([2, 2]), 0);
 * assert.throws(() => nd.testing.assertArrayEqual([1, 2], [1, 3]), {
 *   name: "AssertionError",
 *   message: /^Arrays are not equal\n\nMismatched elements: 1 \/ 2 \(50%\)\nMismatch at index:\n \[1\]: 2 \(ACTUAL\), 3 \(DESIRED\)/,
 * });
 * ```
 */
export function assertArrayEqual(
  actual: ArrayLike,
  expected: ArrayLike,
  opts: ArrayEqualOpts = {},
): void {
  arrayCompare(actual, expected, {
    where: "assertArrayEqual",
    header: "Arrays are not equal",
    names: ["ACTUAL", "DESIRED"],
    equalNan: true,
    equalInf: true,
    prepare: equalTest,
  }, opts ?? {});
}
