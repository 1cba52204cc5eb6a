/**
 * NumPy-style text representation of arrays.
 *
 * @module
 */
import type { NDArray } from "./ndarray.ts";

/**
 * The NumPy-style repr of an array (`array([1, 2, 3])`).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.repr(nd.arange(3)).startsWith("array("));
 * ```
 */
export function repr(a: NDArray): string {
  return `array(${JSON.stringify(a.toArray(), (_k, v) => typeof v === "bigint" ? Number(v) : v)})`;
}
