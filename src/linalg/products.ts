/**
 * Vector, matrix and tensor products besides `matmul`/`dot`: {@linkcode vdot},
 * {@linkcode inner}, {@linkcode outer}, {@linkcode tensordot}, {@linkcode kron} and
 * {@linkcode trace}. The sum products are computed by `matmul` after a transpose and reshape;
 * the result dtype is the promoted dtype of the operands (JS numbers count as int64/float64
 * arrays, as in NumPy), and integer sums wrap as NumPy's do.
 *
 * @module
 */

import { checkDType, type DType, DTYPES } from "../core/dtype.ts";
import type { NDArray } from "../core/ndarray.ts";
import { fmtShape, shapeSize } from "../core/shape.ts";
import { toArray } from "../core/asarray.ts";
import { reshape, transpose, view } from "../core/views.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { conjugate, multiply } from "../ops/elementwise.ts";
import { sum, sumDType } from "../ops/reduce/reductions.ts";
import { matmul } from "./matmul.ts";
import { isNumber, optionsOf } from "./_options.ts";

/**
 * Dot product of two arrays flattened to vectors, conjugating the first when it is complex
 * (`np.vdot`). Both must have the same number of elements. Returns a 0-d array.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(nd.vdot([[1, 2], [3, 4]], [1, 1, 1, 1]).item(), 10n);
 * const z = nd.array([{ re: 1, im: 2 }, { re: 3, im: 4 }]);
 * assert.deepEqual(nd.vdot(z, z).item(), { re: 30, im: 0 }); // |z|² = 1 + 4 + 9 + 16
 * ```
 */
export function vdot(a: ArrayLike, b: ArrayLike): NDArray {
  const x = toArray(a, "vdot"), y = toArray(b, "vdot");
  if (x.size !== y.size) {
    throw new TypeError(
      `vdot: vectors have different lengths: a has ${x.size} elements, b has ${y.size}`,
    );
  }
  const xv = reshape(DTYPES[x.dtype].kind === "c" ? conjugate(x) : x, [x.size]);
  return matmul(xv, reshape(y, [y.size]));
}

/**
 * Inner product (`np.inner`): sums products over the last axis of both arrays, so the result
 * has shape `[...a.shape.slice(0, -1), ...b.shape.slice(0, -1)]` (0-d for two vectors). A 0-d
 * operand multiplies the other.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(nd.inner([1, 2, 3], [4, 5, 6]).item(), 32n);
 * const r = nd.inner([[1, 0], [0, 2]], [[1, 1], [2, 3], [0, 1]]);
 * assert.deepEqual(r.toArray(), [[1n, 2n, 0n], [2n, 6n, 2n]]);
 * ```
 */
export function inner(a: ArrayLike, b: ArrayLike): NDArray {
  const x = toArray(a, "inner"), y = toArray(b, "inner");
  if (x.ndim === 0 || y.ndim === 0) return multiply(x, y);
  const k = x.shape[x.ndim - 1];
  if (k !== y.shape[y.ndim - 1]) {
    throw new TypeError(
      `inner: shapes ${fmtShape(x.shape)} and ${fmtShape(y.shape)} not aligned: ` +
        `last axes have ${k} and ${y.shape[y.ndim - 1]} elements`,
    );
  }
  const xs = x.shape.slice(0, -1), ys = y.shape.slice(0, -1);
  const x2 = reshape(x, [shapeSize(xs), k]), y2 = reshape(y, [shapeSize(ys), k]);
  return reshape(matmul(x2, transpose(y2)), [...xs, ...ys]);
}

/**
 * Outer product of two arrays flattened to vectors (`np.outer`): `r[i, j] = a[i] * b[j]`,
 * shape `[a.size, b.size]`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(nd.outer([1, 2], [1, 10, 100]).toArray(), [[1n, 10n, 100n], [2n, 20n, 200n]]);
 * assert.deepEqual(nd.outer([[1, 2], [3, 4]], [1]).shape, [4, 1]);
 * ```
 */
export function outer(a: ArrayLike, b: ArrayLike): NDArray {
  const x = toArray(a, "outer"), y = toArray(b, "outer");
  return multiply(reshape(x, [x.size, 1]), reshape(y, [1, y.size]));
}

/** Options of {@linkcode tensordot}. */
export interface TensordotOpts {
  /**
   * The axes to sum over: `n` for the last `n` axes of `a` with the first `n` of `b`, in
   * order (default 2), or a pair `[axesOfA, axesOfB]` of axes (or single axes) matched one to
   * one.
   */
  axes?: number | readonly [number | readonly number[], number | readonly number[]];
}

function checkAxisList(v: unknown, nd: number, name: "a" | "b"): number[] {
  const list = typeof v === "number" ? [v] : v;
  if (!Array.isArray(list)) {
    throw new TypeError(
      `tensordot: the axes of ${name} must be a number or an array of numbers, got ${String(v)}`,
    );
  }
  const out = list.map((ax: unknown) => {
    if (typeof ax !== "number" || !Number.isInteger(ax)) {
      throw new TypeError(`tensordot: axes must be integers, got ${String(ax)} for ${name}`);
    }
    if (ax < -nd || ax >= nd) {
      throw new RangeError(
        `tensordot: axis ${ax} is out of bounds for ${name} of dimension ${nd}`,
      );
    }
    return ax < 0 ? ax + nd : ax;
  });
  if (new Set(out).size !== out.length) {
    throw new RangeError(`tensordot: repeated axis in the axes of ${name} [${list.join(",")}]`);
  }
  return out;
}

/** The summed axes of `a` and of `b`, validated. */
function tensordotAxes(opt: TensordotOpts["axes"], na: number, nb: number): [number[], number[]] {
  if (opt === undefined || typeof opt === "number") {
    const n = opt ?? 2;
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`tensordot: axes must be a non-negative integer or a pair, got ${n}`);
    }
    if (n > na || n > nb) {
      throw new RangeError(
        `tensordot: cannot sum over ${n} axes: a has ${na} dimension${na === 1 ? "" : "s"} ` +
          `and b has ${nb}`,
      );
    }
    return [
      Array.from({ length: n }, (_, i) => na - n + i),
      Array.from({ length: n }, (_, i) => i),
    ];
  }
  if (!Array.isArray(opt) || opt.length !== 2) {
    throw new TypeError(
      `tensordot: axes must be a number or a pair [axesOfA, axesOfB], got ${String(opt)}`,
    );
  }
  const ax = checkAxisList(opt[0], na, "a"), bx = checkAxisList(opt[1], nb, "b");
  if (ax.length !== bx.length) {
    throw new RangeError(
      `tensordot: a and b need as many summed axes: got [${ax}] for a and [${bx}] for b`,
    );
  }
  return [ax, bx];
}

/**
 * Tensor dot product (`np.tensordot`): sums products over the given axes of `a` and `b`.
 * The result's axes are the remaining axes of `a`, then those of `b`. `axes: 0` gives the
 * outer product, `axes: 1` on matrices the matrix product.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.arange(24).reshape([2, 3, 4]), b = nd.ones([3, 4, 5], { dtype: "int64" });
 * const r = nd.tensordot(a, b); // sums over a's last two axes and b's first two
 * assert.deepEqual(r.shape, [2, 5]);
 * assert.equal(r.get(1, 0), 210n); // 12 + 13 + ... + 23
 * const s = nd.tensordot(a, nd.ones([4, 3]), { axes: [[1, 2], [1, 0]] });
 * assert.deepEqual(s.toArray(), [66, 210]);
 * assert.throws(() => nd.tensordot(nd.ones([2, 3]), nd.ones([4, 2]), { axes: 1 }), {
 *   name: "TypeError",
 *   message: "tensordot: shape mismatch for sum: a axis 1 has 3 elements, b axis 0 has 4",
 * });
 * ```
 */
export function tensordot(
  a: ArrayLike,
  b: ArrayLike,
  options: TensordotOpts | NonNullable<TensordotOpts["axes"]> = {},
): NDArray {
  const opts = optionsOf<TensordotOpts>(
    "tensordot",
    options,
    "axes",
    (v) => typeof v === "number" || Array.isArray(v),
    "{ axes: 1 }",
  );
  const x = toArray(a, "tensordot"), y = toArray(b, "tensordot");
  const [ax, bx] = tensordotAxes(opts.axes, x.ndim, y.ndim);
  ax.forEach((i, k) => {
    if (x.shape[i] !== y.shape[bx[k]]) {
      throw new TypeError(
        `tensordot: shape mismatch for sum: a axis ${i} has ${x.shape[i]} elements, ` +
          `b axis ${bx[k]} has ${y.shape[bx[k]]}`,
      );
    }
  });
  const freeA = x.shape.map((_, i) => i).filter((i) => !ax.includes(i));
  const freeB = y.shape.map((_, i) => i).filter((i) => !bx.includes(i));
  const shapeA = freeA.map((i) => x.shape[i]), shapeB = freeB.map((i) => y.shape[i]);
  const k = shapeSize(ax.map((i) => x.shape[i]));
  const x2 = reshape(transpose(x, { axes: [...freeA, ...ax] }), [shapeSize(shapeA), k]);
  const y2 = reshape(transpose(y, { axes: [...bx, ...freeB] }), [k, shapeSize(shapeB)]);
  return reshape(matmul(x2, y2), [...shapeA, ...shapeB]);
}

/**
 * Kronecker product (`np.kron`): the blocks `a[i, j, ...] * b`, laid out so that the result
 * has shape `a.shape[i] * b.shape[i]` along each axis. When the dimensions differ, the
 * operand with fewer gets leading size-1 axes.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(nd.kron([1, 10], [1, 2, 3]).toArray(), [1n, 2n, 3n, 10n, 20n, 30n]);
 * const k = nd.kron(nd.eye(2), [[1, 2], [3, 4]]);
 * assert.deepEqual(k.shape, [4, 4]);
 * assert.deepEqual(k.toArray()[3], [0, 0, 3, 4]);
 * ```
 */
export function kron(a: ArrayLike, b: ArrayLike): NDArray {
  const x = toArray(a, "kron"), y = toArray(b, "kron");
  const n = Math.max(x.ndim, y.ndim);
  const xs = [...new Array<number>(n - x.ndim).fill(1), ...x.shape];
  const ys = [...new Array<number>(n - y.ndim).fill(1), ...y.shape];
  const r = multiply(reshape(x, xs.flatMap((s) => [s, 1])), reshape(y, ys.flatMap((s) => [1, s])));
  return reshape(r, xs.map((s, i) => s * ys[i]));
}

/** Options of {@linkcode trace}. */
export interface TraceOpts {
  /** Diagonal offset: above the main diagonal when positive, below when negative; 0. */
  offset?: number;
  /** First axis of the 2-D planes whose diagonals are summed; 0. */
  axis1?: number;
  /** Second axis of those planes; 1. */
  axis2?: number;
  /**
   * Accumulator and result dtype; by default that of `sum`: int64 for bool and signed
   * integers narrower than 64 bits, uint64 for narrower unsigned ones, else the input's.
   */
  dtype?: DType;
}

function traceAxis(v: number | undefined, dflt: number, nd: number, name: string): number {
  const ax = v ?? dflt;
  if (typeof ax !== "number" || !Number.isInteger(ax)) {
    throw new TypeError(`trace: ${name} must be an integer, got ${String(ax)}`);
  }
  if (ax < -nd || ax >= nd) {
    throw new RangeError(`trace: ${name} ${ax} is out of bounds for array of dimension ${nd}`);
  }
  return ax < 0 ? ax + nd : ax;
}

/**
 * Sum along a diagonal (`np.trace`): of a matrix, a 0-d array; of more dimensions, the sums
 * of the diagonals of the planes `axis1`, `axis2`, with the other axes remaining in order.
 * Integer and bool inputs sum as `sum` does (int64 for bool and signed integers narrower than
 * 64 bits, uint64 for narrower unsigned ones) unless `dtype` says otherwise. An offset past
 * the edge gives an empty diagonal, whose sum is 0.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.arange(9).reshape([3, 3]);
 * assert.equal(nd.trace(a).item(), 12n); // 0 + 4 + 8
 * assert.equal(nd.trace(a, { offset: 1 }).item(), 6n); // 1 + 5
 * const u = nd.ones([2, 2], { dtype: "uint8" });
 * assert.equal(nd.trace(u).dtype, "uint64");
 * assert.deepEqual(nd.trace(nd.ones([2, 3, 3]), { axis1: 1, axis2: 2 }).toArray(), [3, 3]);
 * ```
 */
export function trace(a: ArrayLike, options: TraceOpts | number = {}): NDArray {
  const opts = optionsOf<TraceOpts>("trace", options, "offset", isNumber, "{ offset: 1 }");
  const x = toArray(a, "trace");
  if (x.ndim < 2) {
    throw new TypeError(
      `trace: the array needs at least 2 dimensions, got shape ${fmtShape(x.shape)}`,
    );
  }
  const offset = opts.offset ?? 0;
  if (typeof offset !== "number" || !Number.isInteger(offset)) {
    throw new TypeError(`trace: offset must be an integer, got ${String(offset)}`);
  }
  const i = traceAxis(opts.axis1, 0, x.ndim, "axis1");
  const j = traceAxis(opts.axis2, 1, x.ndim, "axis2");
  if (i === j) {
    throw new RangeError(`trace: axis1 and axis2 must differ, both are axis ${i}`);
  }
  const dtype = opts.dtype === undefined ? sumDType(x.dtype) : checkDType(opts.dtype, "trace");
  const rows = x.shape[i], cols = x.shape[j];
  const len = Math.max(
    0,
    offset >= 0 ? Math.min(rows, cols - offset) : Math.min(rows + offset, cols),
  );
  const start = len === 0
    ? x.offset
    : x.offset + (offset >= 0 ? offset * x.strides[j] : -offset * x.strides[i]);
  const rest = x.shape.map((_, k) => k).filter((k) => k !== i && k !== j);
  const diag = view(
    x,
    [...rest.map((k) => x.shape[k]), len],
    [...rest.map((k) => x.strides[k]), x.strides[i] + x.strides[j]],
    start,
  );
  return sum(diag, { axis: -1, dtype });
}
