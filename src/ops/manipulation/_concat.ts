// The implementation of concatenate, shared by the stacking functions (which name themselves in
// errors).
import { checkDType, type DType } from "../../core/dtype.ts";
import { assertLive, NDArray } from "../../core/ndarray.ts";
import type { Casting, DTypeLike } from "../../core/promotion.ts";
import { cStrides, fmtShape, normalizeAxis, shapesEqual } from "../../core/shape.ts";
import { copy, sharesBuffer } from "../../core/copy.ts";
import { view } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { copyBlock } from "./_kernels.ts";
import { arrayList, checkCast, checkCasting, commonType, empty, sliceAxis } from "./_util.ts";

/** Options of the joining functions. */
export interface JoinOpts {
  axis?: number | null;
  dtype?: DType;
  out?: NDArray;
  casting?: Casting;
}

/** Internal: concatenate with the caller's name in error messages. */
export function concat(
  seq: readonly ArrayLike[] | NDArray,
  opts: JoinOpts,
  where: string,
): NDArray {
  const { arrays, dtypeArgs } = arrayList(seq, where);
  return concatArrays(arrays, dtypeArgs, opts, where);
}

/**
 * Concatenates NDArrays; `dtypeArgs` are what the result type is computed from (the arrays,
 * or the JS scalars they were made from, which are weak).
 */
export function concatArrays(
  arrays: readonly NDArray[],
  dtypeArgs: readonly DTypeLike[],
  opts: JoinOpts,
  where: string,
): NDArray {
  const casting = checkCasting(opts.casting ?? "same_kind", where);
  if (arrays.length === 0) {
    throw new TypeError(`${where}: need at least one array to concatenate`);
  }
  if (opts.out !== undefined && opts.dtype !== undefined) {
    throw new TypeError(`${where}: only one of out and dtype may be given, but both were`);
  }
  if (opts.out !== undefined && !(opts.out instanceof NDArray)) {
    throw new TypeError(`${where}: out must be an NDArray, got ${String(opts.out)}`);
  }
  const flat = opts.axis === null;
  let axis = 0;
  let shape: number[];
  if (flat) {
    shape = [arrays.reduce((s, a) => s + a.size, 0)];
  } else {
    const first = arrays[0];
    if (arrays.some((a) => a.ndim === 0)) {
      throw new TypeError(`${where}: zero-dimensional arrays cannot be concatenated`);
    }
    axis = normalizeAxis(opts.axis ?? 0, first.ndim, where);
    shape = first.shape.slice();
    for (let i = 1; i < arrays.length; i++) {
      const a = arrays[i];
      if (a.ndim !== first.ndim) {
        throw new TypeError(
          `${where}: all the input arrays must have same number of dimensions, but the array at index 0 has ${first.ndim} dimension(s) and the array at index ${i} has ${a.ndim} dimension(s)`,
        );
      }
      for (let d = 0; d < a.ndim; d++) {
        if (d !== axis && a.shape[d] !== first.shape[d]) {
          throw new TypeError(
            `${where}: all the input array dimensions except for the concatenation axis must match exactly: along dimension ${d}, the array at index 0 has size ${
              first.shape[d]
            } and the array at index ${i} has size ${a.shape[d]}`,
          );
        }
      }
      shape[axis] += a.shape[axis];
    }
  }
  const out = opts.out;
  const dtype = out?.dtype ??
    (opts.dtype !== undefined ? checkDType(opts.dtype, where) : commonType(dtypeArgs));
  // JS scalars are weak: they take the result's type whatever the casting rule.
  arrays.forEach((a, i) => {
    if (dtypeArgs[i] instanceof NDArray) checkCast(a.dtype, dtype, casting, where);
  });
  if (out !== undefined) {
    if (!shapesEqual(out.shape, shape)) {
      throw new TypeError(
        `${where}: output array has the wrong shape ${fmtShape(out.shape)}: expected ${
          fmtShape(shape)
        }`,
      );
    }
    assertLive(out, where);
    if (!out.flags.writeable) throw new TypeError(`${where}: output array is read-only`);
  }
  // Inputs that share memory with `out` are read before anything is written.
  const srcs = out === undefined ? arrays : arrays.map((a) => (sharesBuffer(a, out) ? copy(a) : a));
  const res = out ?? empty(dtype, shape);
  let pos = 0;
  for (const a of srcs) {
    if (flat) {
      if (a.size > 0) {
        const dst = view(sliceAxis(res, 0, pos, pos + a.size), a.shape, cStrides(a.shape));
        copyBlock(dst, a);
      }
      pos += a.size;
    } else {
      const n = a.shape[axis];
      if (n > 0) copyBlock(sliceAxis(res, axis, pos, pos + n), a);
      pos += n;
    }
  }
  return res;
}
