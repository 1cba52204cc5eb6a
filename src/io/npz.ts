/**
 * The `.npz` format: a zip archive of `.npy` files, {@linkcode toNpz} and {@linkcode fromNpz}.
 *
 * Each array is one member named after its key with `.npy` appended (`weights` →
 * `weights.npy`); NumPy's `savez` stores the members uncompressed and `savez_compressed`
 * deflates them. Arrays given without names are called `arr_0`, `arr_1`, ...
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { buildNpz, type NpzArrays, parseNpz } from "./_npz.ts";

export type { NpzArrays };

/** Options of {@linkcode toNpz}. */
export interface ToNpzOpts {
  /** Deflate the members (as `savez_compressed`) instead of storing them. Default false. */
  compressed?: boolean;
}

/**
 * The bytes of an `.npz` archive holding `arrays`: a record (member names are the keys plus
 * `.npy`) or a list (named `arr_0`, `arr_1`, ...). Members are stored uncompressed unless
 * `compressed` is set. The archive's timestamps are fixed, so equal arrays give equal bytes.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const bytes = nd.toNpz({ x: nd.arange(3), y: [[1.5, 2]] }, { compressed: true });
 * const back = nd.fromNpz(bytes);
 * console.assert(Object.keys(back).join() === "x,y");
 * console.assert(back.y.shape.join() === "1,2" && back.y.get(0, 0) === 1.5);
 * ```
 */
export function toNpz(arrays: NpzArrays, opts: ToNpzOpts = {}): Uint8Array {
  return buildNpz(arrays, opts.compressed ?? false, "toNpz");
}

/**
 * The arrays in the bytes of an `.npz` archive, keyed by member name without `.npy`
 * (stored or deflated members, as NumPy's `savez` and `savez_compressed` write them).
 * Members that are not `.npy` files are skipped. Errors are as for `fromNpy`, plus a
 * `SyntaxError` when the bytes are not a zip archive.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const back = nd.fromNpz(nd.toNpz([nd.zeros([2]), nd.ones([3], { dtype: "int8" })]));
 * console.assert(back.arr_0.shape[0] === 2 && back.arr_1.dtype === "int8");
 * ```
 */
export function fromNpz(bytes: Uint8Array): Record<string, NDArray> {
  return parseNpz(bytes, "fromNpz");
}
