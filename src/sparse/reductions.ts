// Reductions with SciPy's semantics: sum/mean (SciPy's sum dtypes: small ints → int64,
// unsigned → uint64), max/min counting the implicit zeros, countNonzero. Axis results are
// dense 1-D NDArrays (SciPy returns 1×n matrices or sparse vectors).
import { NDArray } from "../core/ndarray.ts";
import { allocate, type DType, DTYPES } from "../core/dtype.ts";
import { normalizeAxis } from "../core/shape.ts";
import { astype } from "../core/copy.ts";
import { full } from "../ops/creation.ts";
import { multiply } from "../ops/elementwise.ts";
import { sum as ndSum } from "../ops/reduce/mod.ts";
import type { SparseMatrix } from "./_base.ts";
import type { Compressed } from "./_compressed.ts";
import { matmul } from "./matmul.ts";
import { checkSparseDType, zeroOf } from "./_values.ts";

/** Options of `sum`. */
export interface SumOpts {
  /** 0 (sum each column), 1 (each row), -2/-1 likewise; all entries when omitted or null. */
  axis?: number | null;
  /** The accumulator and result dtype (default: SciPy's, int64/uint64 for small integers). */
  dtype?: DType;
}

/** Options of `mean`. */
export interface MeanOpts {
  /** As for `sum`. */
  axis?: number | null;
  /** The result dtype (default float64 for integer and bool matrices, else the matrix's). */
  dtype?: DType;
}

/** Options of `max` and `min`. */
export interface MinMaxOpts {
  /** As for `sum`. */
  axis?: number | null;
}

/** SciPy's `get_sum_dtype`: bool and signed ints → int64, unsigned → uint64, else the same. */
export function sumDType(d: DType): DType {
  const k = DTYPES[d].kind;
  if (k === "u") return "uint64";
  if (k === "i" || k === "b") return "int64";
  return d;
}

function axisOf(axis: number | null | undefined, where: string): number | null {
  return axis === undefined || axis === null ? null : normalizeAxis(axis, 2, where);
}

/**
 * The sum over all entries (0-d) or along `axis` (1-D), as SciPy computes it: over all
 * entries, the deduplicated values (duplicates are summed in place first; for bool that is
 * an or); along an axis, a product with ones of the sum dtype (bool entries count 1 each).
 */
export function sparseSum(a: SparseMatrix, opts: SumOpts = {}): NDArray {
  const axis = axisOf(opts.axis, "sum");
  const r = opts.dtype === undefined ? sumDType(a.dtype) : checkSparseDType(opts.dtype, "sum");
  if (axis === null) {
    a.sumDuplicates();
    return ndSum(a.data, { dtype: r });
  }
  const [m, n] = a.shape;
  const ones = full([axis === 0 ? m : n], 1, { dtype: r });
  return castTo(matmul(axis === 0 ? a.T : a, ones) as NDArray, r);
}

function castTo(x: NDArray, d: DType): NDArray {
  return x.dtype === d ? x : astype(x, d);
}

/**
 * The mean over all entries or along `axis`, implicit zeros included, as SciPy's: the values
 * cast to float64 (integers, bool) or kept, scaled by 1/count, then summed.
 */
export function sparseMean(a: SparseMatrix, opts: MeanOpts = {}): NDArray {
  const axis = axisOf(opts.axis, "mean");
  const k = DTYPES[a.dtype].kind;
  const inter: DType = k === "f" || k === "c" ? a.dtype : "float64";
  const [m, n] = a.shape;
  const count = axis === null ? m * n : axis === 0 ? m : n;
  const scaled = a.withData(multiply(castTo(a.data, inter), 1 / count));
  const s = sparseSum(scaled, { axis, dtype: inter });
  return opts.dtype === undefined ? s : castTo(s, checkSparseDType(opts.dtype, "mean"));
}

type Better = (v: number | bigint, best: number | bigint) => boolean;
const GREATER: Better = (v, b) => v > b;
const LESS: Better = (v, b) => v < b;

/** max/min over stored values of segments, with 0 where a segment has implicit zeros. */
function extremum(a: SparseMatrix, axis: number | null, better: Better, name: string): NDArray {
  if (DTYPES[a.dtype].kind === "c") {
    throw new TypeError(`${name}: complex sparse matrices are not ordered`);
  }
  const [m, n] = a.shape;
  const reduced = axis === null ? m * n : axis === 0 ? m : n;
  if (reduced === 0) {
    throw new RangeError(
      `${name}: zero-size array to reduction operation ${
        name === "max" ? "maximum" : "minimum"
      } which has no identity`,
    );
  }
  const dtype = a.dtype, zero = zeroOf(dtype);
  // segments of `reduced` entries each: all entries (axis null), rows (axis 1), columns (axis 0)
  const c = (axis === 0 ? a.tocsc() : a.tocsr()) as Compressed;
  const nSeg = axis === null ? 1 : axis === 1 ? m : n;
  c.sumDuplicates();
  const ip = c.indptr, d = c.data.data;
  const out = allocate(dtype, nSeg);
  // deno-lint-ignore no-explicit-any
  const o = out as any;
  for (let s = 0; s < nSeg; s++) {
    const lo = axis === null ? 0 : ip[s], hi = axis === null ? c.nnz : ip[s + 1];
    let best: number | bigint = hi - lo < reduced ? zero : d[lo];
    for (let k = lo; k < hi; k++) {
      const v = d[k];
      if (v !== v) { // NaN propagates, as np.maximum
        best = v;
        break;
      }
      if (better(v, best)) best = v;
    }
    o[s] = best;
  }
  return new NDArray(dtype, out, axis === null ? [] : [nSeg]);
}

/** The maximum, implicit zeros included (duplicates summed first, in place). */
export function sparseMax(a: SparseMatrix, opts: MinMaxOpts = {}): NDArray {
  return extremum(a, axisOf(opts.axis, "max"), GREATER, "max");
}

/** The minimum, implicit zeros included (duplicates summed first, in place). */
export function sparseMin(a: SparseMatrix, opts: MinMaxOpts = {}): NDArray {
  return extremum(a, axisOf(opts.axis, "min"), LESS, "min");
}

/** The number of nonzero values (duplicates summed first), overall or along `axis`. */
export function countNonzero(
  a: SparseMatrix,
  opts: { axis?: number | null } = {},
): number | NDArray<"int64"> {
  const axis = axisOf(opts.axis, "countNonzero");
  const [m, n] = a.shape;
  const c = (axis === 0 ? a.tocsc() : a.tocsr()) as Compressed;
  c.sumDuplicates();
  const lanes = DTYPES[c.dtype].lanes, d = c.data.data, ip = c.indptr;
  // deno-lint-ignore no-explicit-any
  const nz = (k: number) => lanes === 2 ? d[2 * k] !== 0 || d[2 * k + 1] !== 0 : (d as any)[k] != 0;
  if (axis === null) {
    let cnt = 0;
    for (let k = 0; k < c.nnz; k++) if (nz(k)) cnt++;
    return cnt;
  }
  const nSeg = axis === 0 ? n : m, out = new BigInt64Array(nSeg);
  for (let s = 0; s < nSeg; s++) {
    let cnt = 0;
    for (let k = ip[s]; k < ip[s + 1]; k++) if (nz(k)) cnt++;
    out[s] = BigInt(cnt);
  }
  return new NDArray("int64", out, [nSeg]);
}
