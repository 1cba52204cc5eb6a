/**
 * The MIME bundle Deno's Jupyter kernel shows for an NDArray.
 *
 * @module
 */
import type { NDArray } from "./ndarray.ts";
import { repr } from "./print.ts";

/**
 * A `{ "text/plain": ... }` bundle for Jupyter.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert("text/plain" in nd.displayBundle(nd.zeros([2])));
 * ```
 */
export function displayBundle(a: NDArray): Record<string, string> {
  return { "text/plain": repr(a) };
}
