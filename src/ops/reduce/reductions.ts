/**
 * Reductions over axes: `sum`, `prod`, `min`, `max`, `any`, `all` and the NaN-ignoring
 * `nansum`, `nanprod`, `nanmin`, `nanmax`. Options `{ axis, keepdims, dtype }` as NumPy:
 * `axis` is a number, a list of numbers, or omitted/null for all axes.
 *
 * Accumulators follow NumPy: sums and products of bool and integer types narrower than 64 bits
 * use int64 (uint64 for unsigned types); float sums use pairwise summation.
 *
 * @module
 */

import { checkDType, type DType, DTYPES } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { normalizeAxes } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { type RedOp, reduceAxes } from "./_engine.ts";
import { isnan } from "../elementwise.ts";
import { copy, copyInto } from "../../core/copy.ts";

/** Options of the reductions. */
export interface ReductionOpts {
  /** Axis or axes to reduce; all when omitted or null. */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as size-1 dimensions. */
  keepdims?: boolean;
  /** Accumulator and result dtype. */
  dtype?: DType;
}

/** The accumulator NumPy uses for sums and products of `d`. */
export function sumDType(d: DType): DType {
  const k = DTYPES[d].kind;
  if (k === "b" || (k === "i" && d !== "int64")) return "int64";
  if (k === "u" && d !== "uint64") return "uint64";
  return d;
}

function checkOpts(opts: unknown, where: string): ReductionOpts {
  if (opts === undefined) return {};
  if (typeof opts !== "object" || opts === null || Array.isArray(opts)) {
    throw new TypeError(
      `${where}: options must be an object like { axis: 0 }, got ${String(opts)}`,
    );
  }
  return opts as ReductionOpts;
}

/** Shared front end: validates, resolves axes and dtypes, and runs the engine. */
export function reduceWith(
  x: ArrayLike,
  opts: ReductionOpts | undefined,
  op: RedOp,
  where: string,
  defaultAcc: (d: DType) => DType,
): NDArray {
  const o = checkOpts(opts, where);
  const a = toArray(x, where);
  const axes = normalizeAxes(o.axis, a.ndim, where);
  const dtype = o.dtype === undefined ? undefined : checkDType(o.dtype, where);
  const acc = dtype ?? defaultAcc(a.dtype);
  const out = dtype ?? (op === "any" || op === "all" ? "bool" : acc);
  // float16: runs of contiguous elements are summed pairwise in float32 and every other
  // step rounds to float16, as NumPy's half loops do (see _engine.ts).
  return reduceAxes(a, axes, op, acc, out, o.keepdims ?? false, where);
}

/**
 * Sum of elements over the given axes (pairwise summation for floats).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.array([[1, 2], [3, 4]]);
 * assert(nd.sum(a).item() === 10n);
 * assert(nd.sum(a, { axis: 0 }).toArray().join() === "4,6");
 * assert(nd.sum(a, { axis: 1, keepdims: true }).shape.join() === "2,1");
 * ```
 */
export function sum(a: ArrayLike, opts?: ReductionOpts): NDArray {
  return reduceWith(a, opts, "sum", "sum", sumDType);
}

/**
 * Product of elements over the given axes.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.prod([1.5, 2, 4]).item() === 12);
 * ```
 */
export function prod(a: ArrayLike, opts?: ReductionOpts): NDArray {
  return reduceWith(a, opts, "prod", "prod", sumDType);
}

/**
 * Maximum over the given axes; NaN propagates. Raises for an empty reduction.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.max([[1, 5], [7, 2]], { axis: 1 }).toArray().join() === "5,7");
 * ```
 */
export function max(a: ArrayLike, opts?: ReductionOpts): NDArray {
  return reduceWith(a, opts, "max", "max", (d) => d);
}

/**
 * Minimum over the given axes; NaN propagates. Raises for an empty reduction.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.min([3, 1, 2]).item() === 1n);
 * ```
 */
export function min(a: ArrayLike, opts?: ReductionOpts): NDArray {
  return reduceWith(a, opts, "min", "min", (d) => d);
}

/** Alias of {@linkcode max}. */
export const amax: (a: ArrayLike, opts?: ReductionOpts) => NDArray = max;
/** Alias of {@linkcode min}. */
export const amin: (a: ArrayLike, opts?: ReductionOpts) => NDArray = min;

/**
 * Whether any element (along the axes) is true/non-zero.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.any([0, 0, 3]).item() === true);
 * ```
 */
export function any(a: ArrayLike, opts?: Omit<ReductionOpts, "dtype">): NDArray<"bool"> {
  return reduceWith(a, opts, "any", "any", () => "bool") as NDArray<"bool">;
}

/**
 * Whether all elements (along the axes) are true/non-zero.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.all([[1, 0], [1, 1]], { axis: 0 }).toArray().join() === "true,false");
 * ```
 */
export function all(a: ArrayLike, opts?: Omit<ReductionOpts, "dtype">): NDArray<"bool"> {
  return reduceWith(a, opts, "all", "all", () => "bool") as NDArray<"bool">;
}

/** `a` with NaNs replaced by `value` (a copy), or `a` itself for non-float dtypes. */
export function replaceNan(a: NDArray, value: number): NDArray {
  const k = DTYPES[a.dtype].kind;
  if (k !== "f" && k !== "c") return a;
  const c = copy(a);
  copyInto(
    c,
    toArray(value, "replaceNan", a.dtype === "complex64" ? "float32" : undefined),
    isnan(a) as NDArray<"bool">,
  );
  return c;
}

/**
 * Sum treating NaN as zero.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.nansum([1, NaN, 2]).item() === 3);
 * ```
 */
export function nansum(a: ArrayLike, opts?: ReductionOpts): NDArray {
  return reduceWith(replaceNan(toArray(a, "nansum"), 0), opts, "sum", "nansum", sumDType);
}

/**
 * Product treating NaN as one.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.nanprod([2, NaN, 3]).item() === 6);
 * ```
 */
export function nanprod(a: ArrayLike, opts?: ReductionOpts): NDArray {
  return reduceWith(replaceNan(toArray(a, "nanprod"), 1), opts, "prod", "nanprod", sumDType);
}

/**
 * Maximum ignoring NaN (NaN only where a whole slice is NaN).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.nanmax([1, NaN, 3]).item() === 3);
 * ```
 */
export function nanmax(a: ArrayLike, opts?: ReductionOpts): NDArray {
  return reduceWith(a, opts, "fmax", "nanmax", (d) => d);
}

/**
 * Minimum ignoring NaN (NaN only where a whole slice is NaN).
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.nanmin([NaN, 2, 3]).item() === 2);
 * ```
 */
export function nanmin(a: ArrayLike, opts?: ReductionOpts): NDArray {
  return reduceWith(a, opts, "fmin", "nanmin", (d) => d);
}
