// Histogram edges the way NumPy computes them: the outer edges (from `range`, the data, or
// [0, 1]), their types (a JS number is a "weak" scalar like a Python float; the data's
// min/max are scalars of the data's dtype), and equal-width edges from NumPy's `linspace`
// evaluated in the edges' dtype and cast to the bin dtype.
import { type DType, DTYPES } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { max, min } from "../reduce/reductions.ts";
import { rounder } from "./_opts.ts";

/** A scalar edge: its value and dtype (null for a weak JS number). */
export interface Edge {
  v: number | bigint;
  dt: DType | null;
}

/** `x` as a number. */
export function num(x: number | bigint): number {
  return typeof x === "bigint" ? Number(x) : x;
}

/** The smallest and largest of `av`, or NaNs when it holds a NaN (as NumPy's min/max). */
function extremes(av: Float64Array): [number, number] {
  let lo = av[0], hi = av[0];
  for (let i = 1; i < av.length; i++) {
    const v = av[i];
    if (v < lo) lo = v;
    else if (v > hi) hi = v;
    else if (v !== v) return [NaN, NaN];
  }
  return lo !== lo ? [NaN, NaN] : [lo, hi];
}

/**
 * The first and last edge (NumPy's `_get_outer_edges`); `a` is flat, real, not bool, and
 * `av` holds its values as float64.
 */
export function outerEdges(a: NDArray, range: unknown, av: Float64Array): [Edge, Edge] {
  let first: Edge, last: Edge;
  if (range !== undefined && range !== null) {
    if (
      !Array.isArray(range) || range.length !== 2 || typeof range[0] !== "number" ||
      typeof range[1] !== "number"
    ) {
      throw new TypeError(
        `histogram: range must be an array of two numbers [min, max], got ${String(range)}`,
      );
    }
    const [lo, hi] = range as number[];
    if (lo > hi) {
      throw new RangeError(
        `histogram: max must be larger than min in range parameter, got [${lo}, ${hi}]`,
      );
    }
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
      throw new RangeError(`histogram: supplied range of [${lo}, ${hi}] is not finite`);
    }
    first = { v: lo, dt: null };
    last = { v: hi, dt: null };
  } else if (a.size === 0) {
    first = { v: 0, dt: null };
    last = { v: 1, dt: null };
  } else {
    // Exact in float64 except for 64-bit integers, which are reduced in their own dtype.
    const [lo, hi]: (number | bigint)[] = DTYPES[a.dtype].bigint
      ? [min(a).item() as bigint, max(a).item() as bigint]
      : extremes(av);
    if (!Number.isFinite(num(lo)) || !Number.isFinite(num(hi))) {
      throw new RangeError(
        `histogram: autodetected range of [${lo}, ${hi}] is not finite`,
      );
    }
    first = { v: lo, dt: a.dtype };
    last = { v: hi, dt: a.dtype };
  }
  if (first.v === last.v) {
    // Widen an empty range by 0.5 on each side, in the edges' type (integers become float64).
    const dt = first.dt;
    const float = dt === null || DTYPES[dt].kind === "f";
    const r = rounder(float && dt !== null ? dt : "float64");
    first = { v: r(num(first.v) - 0.5), dt: float ? dt : "float64" };
    last = { v: r(num(last.v) + 0.5), dt: float ? dt : "float64" };
  }
  return [first, last];
}

/** NumPy's `_unsigned_subtract(last, first)`: exact for integers. */
export function edgeDelta(first: Edge, last: Edge): Edge {
  if (first.dt === null) return { v: num(last.v) - num(first.v), dt: null };
  if (DTYPES[first.dt].kind === "f") {
    return { v: rounder(first.dt)(num(last.v) - num(first.v)), dt: first.dt };
  }
  const d = typeof first.v === "bigint"
    ? Number((last.v as bigint) - first.v)
    : (last.v as number) - first.v;
  return { v: d, dt: "uint64" };
}

/** The dtype of the bin edges: the data's float dtype, else float64. */
export function binDType(a: NDArray): DType {
  return DTYPES[a.dtype].kind === "f" ? a.dtype : "float64";
}

/** `nbins + 1` equal-width edges from `first` to `last` (NumPy's linspace), in `out`. */
export function linspaceEdges(first: Edge, last: Edge, nbins: number, out: Float64Array): void {
  const dt = first.dt;
  const l: DType = dt !== null && DTYPES[dt].kind === "f" ? dt : "float64";
  const r = rounder(l);
  const start = r(num(first.v)), stop = r(num(last.v));
  const delta = r(stop - start);
  const div = nbins;
  const step = r(delta / div);
  for (let i = 0; i <= nbins; i++) {
    const y = step === 0 ? r(r(r(i) / div) * delta) : r(r(i) * step);
    out[i] = r(y + start);
  }
  out[nbins] = stop;
}
