// Shared preparation of partition/argpartition: option checks, kth parsing, and whether a lane
// can be selected on float64 copies of its values.
import { allocate, type DType, DTYPES } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { ascontiguous, copy } from "../../core/copy.ts";
import { moveaxis, reshape } from "../../core/views.ts";
import { toArray } from "../../core/asarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { laneStarts, sortAxis } from "./_lanes.ts";
import { words } from "./_keys.ts";

/** Options of `partition` and `argpartition`. */
export interface PartitionOpts {
  /** The axis to partition along (default -1); null partitions the flattened array. */
  axis?: number | null;
  /** NumPy's only selection algorithm name; checked, and the only accepted value. */
  kind?: "introselect";
}

/** The array (flattened when axis is null) and the axis to work along. */
export function prepare(
  a: ArrayLike,
  opts: PartitionOpts,
  where: string,
): { arr: NDArray; axis: number } {
  let arr = toArray(a, where);
  if (opts.kind !== undefined && opts.kind !== "introselect") {
    throw new RangeError(`${where}: kind must be "introselect", got ${JSON.stringify(opts.kind)}`);
  }
  const ax = sortAxis(opts.axis, arr.ndim, where);
  if (ax === null) {
    arr = reshape(arr, [-1]);
    return { arr, axis: 0 };
  }
  return { arr, axis: ax };
}

/** The kth option as sorted distinct indices in [0, n), or throws naming the bad entry. */
export function parseKth(
  kth: number | readonly number[] | NDArray,
  n: number,
  where: string,
): number[] {
  let list: unknown[];
  if (kth instanceof NDArray) {
    if (kth.ndim > 1) {
      throw new TypeError(
        `${where}: kth must be an integer or a 1-D list of integers, got shape [${
          kth.shape.join(",")
        }]`,
      );
    }
    list = kth.ndim === 0 ? [kth.item()] : kth.toArray();
  } else {list = typeof kth === "number" || typeof kth === "bigint"
      ? [kth]
      : Array.from(kth as readonly unknown[]);}
  const out: number[] = [];
  for (const k0 of list) {
    if (typeof k0 === "boolean" || !(typeof k0 === "bigint" || Number.isInteger(k0))) {
      throw new TypeError(`${where}: kth must hold integers, got ${String(k0)}`);
    }
    const k = Number(k0);
    if (k < -n || k >= n) {
      throw new RangeError(`${where}: kth ${k} is out of bounds for an axis of size ${n}`);
    }
    out.push(k < 0 ? k + n : k);
  }
  return [...new Set(out)].sort((x, y) => x - y);
}

/**
 * Whether every element of `arr` is a real number that float64 holds exactly (all real dtypes
 * except int64/uint64 values beyond ±2^53).
 */
export function fitsFloat64(arr: NDArray): boolean {
  const info = DTYPES[arr.dtype];
  if (info.kind === "c") return false;
  if (!info.bigint) return true;
  const c = ascontiguous(arr);
  const w = words(c.data);
  const signed = arr.dtype === "int64";
  for (let i = 2 * c.offset + 1, e = 2 * (c.offset + c.size); i < e; i += 2) {
    const h = signed ? w[i] | 0 : w[i];
    if (h >= 0x200000 || h < -0x200000) return false;
  }
  return true;
}

const TWO32 = 4294967296;

/**
 * The lanes of `arr` along `axis` as float64 values (exact: see {@linkcode fitsFloat64}), in
 * C order of the layout with `axis` moved last. int64/uint64 are read as words, never bigints.
 */
export function lanesAsFloat64(arr: NDArray, axis: number): Float64Array {
  const last = axis === arr.ndim - 1;
  if (!DTYPES[arr.dtype].bigint) {
    return copy(last ? arr : moveaxis(arr, axis, -1), "float64").data as Float64Array;
  }
  const n = arr.shape[axis], st = arr.strides[axis];
  const starts = laneStarts(arr.shape, arr.strides, arr.offset, axis);
  const w = words(arr.data);
  const out = new Float64Array(arr.size);
  const signed = arr.dtype === "int64";
  for (let r = 0, o = 0; r < starts.length; r++) {
    for (let j = 0; j < n; j++, o++) {
      const p = 2 * (starts[r] + j * st);
      out[o] = (signed ? w[p + 1] | 0 : w[p + 1]) * TWO32 + w[p];
    }
  }
  return out;
}

/** The array of `dtype` and `shape` whose lanes along `axis` are `x` (as lanesAsFloat64 lays them out). */
export function fromLanes<D extends DType>(
  x: Float64Array,
  dtype: D,
  shape: readonly number[],
  axis: number,
): NDArray<D> {
  const last = axis === shape.length - 1;
  const moved = [...shape.slice(0, axis), ...shape.slice(axis + 1), shape[axis]];
  let m: NDArray;
  if (dtype === "float64") m = new NDArray("float64", x, moved);
  else if (DTYPES[dtype].bigint) {
    const data = allocate(dtype, x.length);
    const w = words(data);
    for (let i = 0; i < x.length; i++) {
      const v = x[i], hi = Math.floor(v / TWO32);
      w[2 * i] = v - hi * TWO32;
      w[2 * i + 1] = hi;
    }
    m = new NDArray(dtype, data, moved);
  } else m = copy(new NDArray("float64", x, moved), dtype);
  return (last ? m : copy(moveaxis(m, -1, axis))) as NDArray<D>;
}
