/**
 * `nd.testing`: NumPy's `np.testing` assertions for NDArrays and array-likes, with NumPy's
 * comparison rules and failure messages.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * nd.testing.assertAllClose(nd.linspace(0, 1, { num: 3 }), [0, 0.5, 1]);
 * nd.testing.assertArrayEqual(nd.arange(3).mul(2), [0, 2, 4]);
 * nd.testing.assertArrayLess(nd.arange(3), 3);
 * ```
 *
 * @module
 */
export { type AllCloseOpts, assertAllClose } from "./assert_all_close.ts";
export { type ArrayEqualOpts, assertArrayEqual } from "./assert_array_equal.ts";
export { type ArrayLessOpts, assertArrayLess } from "./assert_array_less.ts";
export type { AssertOpts } from "./_compare.ts";
