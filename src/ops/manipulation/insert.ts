/**
 * Inserting values before given indices along an axis: {@linkcode insert}.
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { fmtShape, normalizeAxis } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { copyInto } from "../../core/copy.ts";
import { broadcastTo, moveaxis, reshape, view } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { axisIndices } from "./_axis_runs.ts";
import { checkIntFits } from "./_indices.ts";
import { copyBlock } from "./_kernels.ts";
import { empty, sliceAxis } from "./_util.ts";

/** Options of {@linkcode insert}. */
export interface InsertOpts {
  /** The axis to insert along; the flattened array when omitted or null. */
  axis?: number | null;
}

/** NumPy 2 refuses JS integers that do not fit an integer dtype. */
function checkValues(values: ArrayLike, v: NDArray, dtype: DType): void {
  if (values instanceof NDArray || ArrayBuffer.isView(values) || v.dtype !== "int64") return;
  const flat = reshape(v, [-1]);
  for (let i = 0; i < flat.size; i++) checkIntFits(flat.get(i) as bigint, dtype, "insert");
}

function place(dst: NDArray, src: NDArray): void {
  try {
    copyInto(dst, broadcastTo(src, dst.shape));
  } catch {
    throw new TypeError(
      `insert: could not broadcast values of shape ${fmtShape(src.shape)} into shape ${
        fmtShape(dst.shape)
      }`,
    );
  }
}

/**
 * A new array with `values` inserted before the given indices along an axis (`np.insert`).
 * `obj` is one index (the values form a block there), a list of indices (one slice of
 * `values` per index; equal indices keep their order) or a slice string. Indices range over
 * `-n..n` (`n` appends at the end). `values` broadcast and are cast to `a.dtype`. Without
 * `axis` the array is flattened first.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.arange(6).reshape([2, 3]);
 * console.assert(nd.insert(a, 1, 9).toArray().join() === "0,9,1,2,3,4,5");
 * console.assert(nd.insert(a, 1, [7, 8], { axis: 1 }).toArray().flat().join() === "0,7,1,2,3,8,4,5");
 * console.assert(nd.insert(a, [0, 3], 9, { axis: 1 }).toArray().flat().join() === "9,0,1,2,9,9,3,4,5,9");
 * ```
 */
export function insert<D extends DType>(
  a: NDArray<D> | ArrayLike,
  obj: ArrayLike | string,
  values: ArrayLike,
  opts: InsertOpts = {},
): NDArray<D> {
  let arr = toArray(a as ArrayLike, "insert") as NDArray<D>;
  if (opts.axis === undefined || opts.axis === null) arr = reshape(arr, [-1]);
  const axis = normalizeAxis(opts.axis ?? 0, arr.ndim, "insert");
  const n = arr.shape[axis], nd = arr.ndim;
  const { kind, values: idx } = axisIndices(obj, n, "insert", true);
  if (kind === "mask") {
    throw new TypeError("insert: indices must be integers, got bool");
  }
  for (let k = 0; k < idx.length; k++) {
    const v = idx[k];
    if (v < -n || v > n) {
      throw new RangeError(`insert: index ${v} is out of bounds for axis ${axis} with size ${n}`);
    }
    if (v < 0) idx[k] = v + n;
  }
  let v = toArray(values, "insert");
  checkValues(values, v, arr.dtype);
  if (v.ndim < nd) {
    const shape = [...new Array(nd - v.ndim).fill(1), ...v.shape];
    v = view(v, shape, [...new Array(nd - v.ndim).fill(0), ...v.strides]);
  }
  if (idx.length === 1) {
    // One index: the values form a block (a scalar index takes their first axis as `axis`).
    if (kind === "scalar") v = moveaxis(v, 0, axis);
    const at = idx[0], m = v.shape[axis];
    const shape = arr.shape.slice();
    shape[axis] += m;
    const out = empty(arr.dtype, shape);
    const block = sliceAxis(out, axis, at, at + m);
    place(block, v);
    copyBlock(sliceAxis(out, axis, 0, at), sliceAxis(arr, axis, 0, at));
    copyBlock(sliceAxis(out, axis, at + m, n + m), sliceAxis(arr, axis, at, n));
    return out;
  }
  // Several indices: value k goes before old entry idx[k]; ties keep their order.
  const m = idx.length;
  const order = Array.from({ length: m }, (_, k) => k).sort((x, y) => idx[x] - idx[y] || x - y);
  const shape = arr.shape.slice();
  shape[axis] += m;
  const out = empty(arr.dtype, shape);
  const vshape = arr.shape.slice();
  vshape[axis] = m;
  let vb: NDArray;
  try {
    vb = broadcastTo(v, vshape);
  } catch {
    throw new TypeError(
      `insert: could not broadcast values of shape ${fmtShape(v.shape)} into shape ${
        fmtShape(vshape)
      }`,
    );
  }
  let prev = 0;
  order.forEach((k, r) => {
    const at = idx[k];
    copyBlock(sliceAxis(out, axis, prev + r, at + r), sliceAxis(arr, axis, prev, at));
    copyInto(sliceAxis(out, axis, at + r, at + r + 1), sliceAxis(vb, axis, k, k + 1));
    prev = at;
  });
  copyBlock(sliceAxis(out, axis, prev + m, n + m), sliceAxis(arr, axis, prev, n));
  return out;
}
