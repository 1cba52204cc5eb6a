// Dense conversion, guarded by a size limit so that a huge sparse matrix fails with a clear
// error instead of an out-of-memory crash.
import { NDArray } from "../core/ndarray.ts";
import { DTYPES } from "../core/dtype.ts";
import type { SparseMatrix } from "./_base.ts";
import { allocOut } from "./_alloc.ts";
import { coordinatesOf } from "./_convert.ts";

/** The default most elements `toDense` makes: 2²⁸ (2 GiB of float64). */
export const MAX_DENSE_SIZE: number = 2 ** 28;

/** Options of `toDense`. */
export interface ToDenseOpts {
  /** Refuse results with more elements than this (default {@linkcode MAX_DENSE_SIZE}). */
  maxSize?: number;
}

/**
 * The dense matrix (C order, duplicates summed; bool duplicates or-ed). Throws a RangeError
 * when it would have more than `maxSize` elements.
 */
export function toDense(a: SparseMatrix, opts: ToDenseOpts = {}): NDArray {
  const [m, n] = a.shape;
  const max = opts.maxSize ?? MAX_DENSE_SIZE;
  if (typeof max !== "number" || !(max >= 0)) {
    throw new TypeError(`toDense: maxSize must be a non-negative number, got ${String(max)}`);
  }
  const size = m * n;
  if (size > max) {
    throw new RangeError(
      `toDense: a dense ${m}×${n} matrix has ${size} elements, more than the limit of ${max}: ` +
        "pass { maxSize } to allow it, or keep the matrix sparse",
    );
  }
  const dtype = a.dtype, lanes = DTYPES[dtype].lanes;
  const out = allocOut(dtype, size);
  const { rows, cols } = coordinatesOf(a);
  const d = a.data.data, nnz = a.nnz;
  if (lanes === 2) {
    const o = out as Float64Array, s = d as Float64Array;
    for (let k = 0; k < nnz; k++) {
      const p = 2 * (rows[k] * n + cols[k]);
      o[p] += s[2 * k];
      o[p + 1] += s[2 * k + 1];
    }
  } else if (dtype === "bool") {
    const o = out as Uint8Array, s = d as Uint8Array;
    for (let k = 0; k < nnz; k++) o[rows[k] * n + cols[k]] |= s[k];
  } else {
    // deno-lint-ignore no-explicit-any
    const o = out as any, s = d as any;
    for (let k = 0; k < nnz; k++) o[rows[k] * n + cols[k]] += s[k];
  }
  return new NDArray(dtype, out, [m, n]);
}
