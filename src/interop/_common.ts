// Shared helpers of the framework bridges: C-ordered element buffers and integer range checks.
import { NDArray } from "../core/ndarray.ts";
import { type DType, DTYPES, type TypedArray } from "../core/dtype.ts";
import { copy } from "../core/copy.ts";
import type { TfModule } from "./tf.ts";

/**
 * The elements of `a` in C order in a typed array of exactly `a.size` elements: a view of
 * `a`'s buffer when `a` is C-contiguous and `share` is true, else a fresh copy.
 */
export function flatData(a: NDArray, share: boolean): TypedArray {
  const lanes = DTYPES[a.dtype].lanes;
  if (share && a.flags.cContiguous) {
    return a.data.subarray(a.offset * lanes, (a.offset + a.size) * lanes) as TypedArray;
  }
  const c = copy(a);
  return c.data.length === c.size * lanes
    ? c.data
    : c.data.subarray(0, c.size * lanes) as TypedArray;
}

const I32_MIN = -2147483648, I32_MAX = 2147483647;

/**
 * `a` as an int32 buffer in C order, checking that every value fits (for int64, uint64 and
 * uint32 sources); throws a RangeError naming the first value that does not.
 */
export function toInt32(a: NDArray, fn: string, target: string): Int32Array {
  const src = flatData(a, true);
  const out = new Int32Array(a.size);
  const big = DTYPES[a.dtype].bigint;
  for (let i = 0; i < out.length; i++) {
    const v = big ? Number((src as BigInt64Array)[i]) : (src as Float64Array)[i];
    if (v < I32_MIN || v > I32_MAX) {
      throw new RangeError(
        `${fn}: ${a.dtype} value ${src[i]} at flat index ${i} does not fit in ${target}'s int32 ` +
          `(${I32_MIN}..${I32_MAX})`,
      );
    }
    out[i] = v;
  }
  return out;
}

/** An NDArray over a framework's buffer: shared (read-only unless `writeable`) or copied. */
export function wrap(
  dtype: DType,
  data: TypedArray,
  shape: readonly number[],
  share: boolean,
  writeable: boolean,
): NDArray {
  return share
    ? new NDArray(dtype, data, shape, undefined, 0, null, writeable)
    : new NDArray(dtype, data.slice() as TypedArray, shape);
}

/** Checks that `tf` looks like the TensorFlow.js module. */
export function checkTf(tf: unknown, fn: string): TfModule {
  if (tf === null || typeof tf !== "object" || typeof (tf as TfModule).tensor !== "function") {
    throw new TypeError(
      `${fn}: expected the TensorFlow.js module (import * as tf from "@tensorflow/tfjs"), got ${
        tf === null ? "null" : typeof tf
      }`,
    );
  }
  return tf as TfModule;
}

/** The `copy` option of `opts` (default false). */
export function copyOpt(opts: unknown, fn: string): boolean {
  if (opts === undefined) return false;
  if (opts === null || typeof opts !== "object") {
    throw new TypeError(
      `${fn}: options must be an object, got ${opts === null ? "null" : typeof opts}`,
    );
  }
  const c = (opts as { copy?: unknown }).copy ?? false;
  if (typeof c !== "boolean") throw new TypeError(`${fn}: copy must be a boolean, got ${typeof c}`);
  return c;
}
