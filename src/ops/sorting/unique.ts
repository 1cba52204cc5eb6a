/**
 * Sorted unique elements: {@linkcode unique}.
 *
 * @module
 */

import type { DType } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { toArray } from "../../core/asarray.ts";
import { copy } from "../../core/copy.ts";
import { normalizeAxis } from "../../core/shape.ts";
import { moveaxis, reshape } from "../../core/views.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { newIndexArray } from "./_lanes.ts";
import { LaneSorter } from "./_keys.ts";
import { gatherFlat } from "./_gather.ts";
import { groupStarts, rowGroupStarts, rowOrder } from "./_unique.ts";
import { sort } from "./sort.ts";

/** Options of {@linkcode unique}. */
export interface UniqueOpts {
  /** Also return `indices`: where each unique value first occurs in the (flattened) input. */
  returnIndex?: boolean;
  /** Also return `inverse`: the index into `values` of every input element. */
  returnInverse?: boolean;
  /** Also return `counts`: how many times each unique value occurs. */
  returnCounts?: boolean;
  /**
   * Find unique sub-arrays along this axis (rows for 0, ...) instead of unique elements of the
   * flattened array (null, the default).
   */
  axis?: number | null;
  /** Collapse all NaNs into one value (default true). Ignored with `axis`, as NumPy does. */
  equalNan?: boolean;
}

/** Options of {@linkcode unique} that ask for no extra output. */
export interface UniqueValuesOpts extends UniqueOpts {
  returnIndex?: false;
  returnInverse?: false;
  returnCounts?: false;
}

/**
 * What {@linkcode unique} returns when any of `returnIndex`, `returnInverse`, `returnCounts` is
 * set: the sorted unique `values`, plus each requested array (present exactly when its option
 * is true; with literal `true` options the field's type is not optional).
 */
export type UniqueResult<D extends DType = DType, O extends UniqueOpts = UniqueOpts> =
  & {
    /** The sorted unique values (1-D; with `axis`, the unique sub-arrays stacked along it). */
    values: NDArray<D>;
  }
  & (O extends { returnIndex: true } ? {
      /** Flat index of the first occurrence of each unique value (along `axis` if given). */
      indices: NDArray<"int64">;
    }
    : { indices?: NDArray<"int64"> })
  & (O extends { returnInverse: true } ? {
      /**
       * For each input element, the index of its value in `values`: shaped like the input when
       * `axis` is null (NumPy 2), 1-D along `axis` otherwise.
       */
      inverse: NDArray<"int64">;
    }
    : { inverse?: NDArray<"int64"> })
  & (O extends { returnCounts: true } ? {
      /** Number of occurrences of each unique value. */
      counts: NDArray<"int64">;
    }
    : { counts?: NDArray<"int64"> });

/**
 * The return type of {@linkcode unique} for options of type `O`: the values alone when no
 * output flag can be true, a {@linkcode UniqueResult} when one is literally `true`, and either
 * when a flag is a runtime boolean.
 */
export type UniqueReturn<D extends DType, O extends UniqueOpts> = O extends
  { returnIndex: true } | { returnInverse: true } | { returnCounts: true } ? UniqueResult<D, O>
  : O extends UniqueValuesOpts ? NDArray<D>
  : NDArray<D> | UniqueResult<D, O>;

/**
 * The sorted unique elements of `a` (flattened), as `np.unique`. Without output flags the
 * result is the 1-D array of values. With any of `returnIndex`, `returnInverse`,
 * `returnCounts` it is an object `{ values, indices?, inverse?, counts? }` holding the requested
 * arrays (all int64; see {@linkcode UniqueResult}). Values are ordered as `sort` orders them;
 * -0.0 and 0.0 are one value (the first occurrence is kept); NaNs collapse into one unless
 * `equalNan: false`. With `axis`, unique sub-arrays along that axis are found instead (ordered
 * lexicographically; NaN-holding sub-arrays are never equal, as in NumPy). All results are new
 * arrays (NumPy returns a view for `values` with `axis`). When several equal values form one
 * group (-0.0 and 0.0, or NaNs), `values` holds the first of them in a stable sort, i.e. the
 * first occurrence in the input (for collapsed complex NaNs: the smallest in NumPy's order).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * console.assert(nd.unique([3, 1, 3, 2, 1]).toArray().join() === "1,2,3");
 * const { values, inverse, counts } = nd.unique([3, 1, 3], {
 *   returnInverse: true,
 *   returnCounts: true,
 * });
 * console.assert(values.toArray().join() === "1,3");
 * console.assert(inverse.toArray().join() === "1,0,1" && counts.toArray().join() === "1,2");
 * const rows = nd.unique([[1, 2], [0, 5], [1, 2]], { axis: 0 });
 * console.assert(rows.shape.join() === "2,2" && rows.toArray().flat().join() === "0,5,1,2");
 * ```
 */
export function unique<D extends DType = DType, const O extends UniqueOpts = UniqueValuesOpts>(
  a: NDArray<D> | ArrayLike,
  opts?: O,
): UniqueReturn<D, O> {
  const o: UniqueOpts = opts ?? {};
  const arr = toArray(a as ArrayLike, "unique") as NDArray<D>;
  const flags = !!(o.returnIndex || o.returnInverse || o.returnCounts);
  const axis = o.axis === undefined || o.axis === null
    ? null
    : normalizeAxis(o.axis, arr.ndim, "unique");
  const r = axis === null || arr.ndim === 1 ? uniqueFlat(arr, o, flags) : uniqueAxis(arr, axis, o);
  return (flags ? r : r.values) as UniqueReturn<D, O>;
}

interface Parts<D extends DType> {
  values: NDArray<D>;
  indices?: NDArray<"int64">;
  inverse?: NDArray<"int64">;
  counts?: NDArray<"int64">;
}

function uniqueFlat<D extends DType>(arr: NDArray<D>, o: UniqueOpts, flags: boolean): Parts<D> {
  const flat = reshape(arr, [-1]);
  const n = flat.size;
  const equalNan = o.equalNan ?? true;
  if (!flags) {
    const sorted = sort(flat);
    return { values: gatherFlat(sorted, positions(groupStarts(sorted, equalNan))) };
  }
  const sorter = new LaneSorter(arr.dtype, flat.data, n);
  sorter.load(flat.offset, flat.strides[0]);
  sorter.sort();
  const perm = sorter.ix;
  const sorted = gatherStrided(flat, perm);
  const starts = groupStarts(sorted, equalNan);
  const pos = positions(starts);
  return finish(gatherFlat(sorted, pos), perm, starts, pos, o, arr.shape);
}

/** The elements of a 1-D array at `perm` (positions along it), as a new contiguous array. */
function gatherStrided<D extends DType>(flat: NDArray<D>, perm: Int32Array): NDArray<D> {
  const c = flat.strides[0] === 1 ? flat : copy(flat);
  return gatherFlat(c, perm);
}

function positions(mask: Uint8Array): Int32Array {
  let k = 0;
  for (let i = 0; i < mask.length; i++) k += mask[i];
  const out = new Int32Array(k);
  for (let i = 0, o = 0; o < k; i++) if (mask[i]) out[o++] = i;
  return out;
}

/** Builds the requested outputs from the sort permutation and the group starts. */
function finish<D extends DType>(
  values: NDArray<D>,
  perm: Int32Array,
  starts: Uint8Array,
  pos: Int32Array,
  o: UniqueOpts,
  inverseShape: readonly number[],
): Parts<D> {
  const out: Parts<D> = { values };
  const n = perm.length, k = pos.length;
  if (o.returnIndex) {
    const [idx, w] = newIndexArray([k]);
    for (let g = 0; g < k; g++) w[2 * g] = perm[pos[g]];
    out.indices = idx;
  }
  if (o.returnInverse) {
    const [inv, w] = newIndexArray(inverseShape);
    for (let j = 0, g = -1; j < n; j++) {
      g += starts[j];
      w[2 * perm[j]] = g;
    }
    out.inverse = inv;
  }
  if (o.returnCounts) {
    const [cnt, w] = newIndexArray([k]);
    for (let g = 0; g < k; g++) w[2 * g] = (g + 1 < k ? pos[g + 1] : n) - pos[g];
    out.counts = cnt;
  }
  return out;
}

function uniqueAxis<D extends DType>(arr: NDArray<D>, axis: number, o: UniqueOpts): Parts<D> {
  const moved = moveaxis(arr, axis, 0);
  const rows = moved.shape[0];
  const rest = moved.shape.slice(1);
  let cols = 1;
  for (const s of rest) cols *= s;
  const m = copy(moved);
  const perm = rowOrder(m, rows, cols);
  const starts = rowGroupStarts(m, rows, cols, perm);
  const pos = positions(starts);
  const k = pos.length;
  // Row g of the result is input row perm[pos[g]]: gather its `cols` elements.
  const elem = new Int32Array(k * cols);
  for (let g = 0; g < k; g++) {
    const src = perm[pos[g]] * cols;
    for (let c = 0; c < cols; c++) elem[g * cols + c] = src + c;
  }
  const data = gatherFlat(m, elem).data;
  const stacked = new NDArray(arr.dtype, data, [k, ...rest]);
  const values = axis === 0 ? stacked : copy(moveaxis(stacked, 0, axis));
  return finish(values, perm, starts, pos, o, [rows]);
}
