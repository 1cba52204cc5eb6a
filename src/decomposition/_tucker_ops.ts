/**
 * Internal helpers of the Tucker family, tensor train/ring, PARAFAC2 and robust PCA: input
 * validation, C-contiguous work tensors, n-mode products that never copy their input, the
 * Gram matrix of an unfolding, and option checks.
 *
 * Every product here takes a C-contiguous tensor and returns a fresh C-contiguous one: seen as
 * `[P, Iₙ, Q]` (the sizes before, at and after the mode), `x ×ₙ M` is one gemm when P or Q is 1
 * and P stacked gemms otherwise, all on the buffer as it is (TensorLy's `unfold` → `dot` →
 * `fold` copies the tensor twice per product).
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { ascontiguous, copy } from "../core/copy.ts";
import { fmtShape, shapeSize } from "../core/shape.ts";
import { allocate, isComplex } from "../core/dtype.ts";
import { matmul } from "../linalg/matmul.ts";
import { getBackend } from "../backend/mod.ts";
import { tsBackend } from "../backend/ts.ts";
import type { FloatBuffer } from "../backend/types.ts";
import type { ArrayLike } from "../core/_array_like.ts";

/** The dtypes the decompositions compute in. */
export type FloatDType = "float32" | "float64";

/** Products below this many multiply-adds run in TypeScript (as `matmul` does). */
const SMALL_GEMM = 4096;

/**
 * `t` as a C-contiguous float tensor with at least one dimension: float32/float64 as they are
 * (no copy when already contiguous, so memmapped tensors are read in place), float16 as float32,
 * integers and bools as float64. Complex tensors are rejected.
 */
export function workTensor(t: ArrayLike, where: string, minNdim = 1): NDArray {
  const a = toArray(t, where);
  if (isComplex(a.dtype)) {
    throw new TypeError(`${where}: complex tensors are not supported, got dtype ${a.dtype}`);
  }
  if (a.ndim < minNdim) {
    throw new TypeError(
      `${where}: expected a tensor with at least ${minNdim} dimension(s), got shape ` +
        fmtShape(a.shape),
    );
  }
  if (a.size === 0) {
    throw new TypeError(`${where}: cannot decompose an empty tensor of shape ${fmtShape(a.shape)}`);
  }
  if (a.dtype === "float64" || a.dtype === "float32") return ascontiguous(a);
  return copy(a, a.dtype === "float16" ? "float32" : "float64");
}

/** `a` as a C-contiguous array of `dtype` (no copy when it already is one). */
export function asWork(a: NDArray, dtype: FloatDType): NDArray {
  return a.dtype === dtype ? ascontiguous(a) : copy(a, dtype);
}

/**
 * `x ×ₘₒ𝒹ₑ M` (M is J × Iₙ), or `x ×ₘₒ𝒹ₑ Mᵀ` with `transpose` (M is Iₙ × J). `x` must be
 * C-contiguous; the result is C-contiguous and has size J along `mode`.
 */
export function modeProduct(x: NDArray, m: NDArray, mode: number, transpose = false): NDArray {
  const op = transpose ? m.T : m;
  const shape = x.shape.slice();
  const n = shape[mode];
  const p = shapeSize(shape.slice(0, mode)), q = shapeSize(shape.slice(mode + 1));
  shape[mode] = op.shape[0];
  let r: NDArray;
  if (q === 1) r = matmul(x.reshape([p, n]), op.T);
  else if (p === 1) r = matmul(op, x.reshape([n, q]));
  else r = matmul(op, x.reshape([p, n, q]));
  return r.reshape(shape);
}

/**
 * `x ×ₖ Mₖ` for every mode k whose entry of `ms` is not null, contracting the modes whose
 * matrices shrink the tensor most first (the order does not change the result, only rounding).
 */
export function multiModeProduct(
  x: NDArray,
  ms: readonly (NDArray | null)[],
  transpose = false,
): NDArray {
  const order = ms.map((m, k) => ({ m, k })).filter((e): e is { m: NDArray; k: number } =>
    e.m !== null
  );
  const out = (e: { m: NDArray; k: number }) => e.m.shape[transpose ? 1 : 0];
  order.sort((a, b) => out(a) / x.shape[a.k] - out(b) / x.shape[b.k] || b.k - a.k);
  let y = x;
  for (const e of order) y = modeProduct(y, e.m, e.k, transpose);
  return y;
}

/**
 * The Gram matrix `Xₙ Xₙᵀ` (Iₙ × Iₙ, in x's dtype) of the mode-n unfolding of the C-contiguous
 * `x`, accumulated from gemms on the buffer as it is: no unfolding is formed.
 */
export function unfoldingGram(x: NDArray, mode: number): NDArray {
  const n = x.shape[mode];
  const p = shapeSize(x.shape.slice(0, mode)), q = shapeSize(x.shape.slice(mode + 1));
  const dt = x.dtype as FloatDType;
  const g = allocate(dt, n * n) as FloatBuffer;
  const data = x.data as FloatBuffer;
  const be = n * n * p * q < SMALL_GEMM ? tsBackend : getBackend();
  if (q === 1) {
    be.gemm(dt, "T", "N", n, n, p, 1, data, x.offset, n, data, x.offset, n, 0, g, 0, n);
  } else {
    for (let i = 0; i < p; i++) {
      const off = x.offset + i * n * q;
      be.gemm(dt, "N", "T", n, n, q, 1, data, off, q, data, off, q, i === 0 ? 0 : 1, g, 0, n);
    }
  }
  return new NDArray(dt, g, [n, n]);
}

/** The mode-n unfolding of the C-contiguous `x` as a C-contiguous matrix. */
export function unfoldCopy(x: NDArray, mode: number): NDArray {
  const n = x.shape[mode];
  if (mode === 0) return x.reshape([n, -1]);
  const p = shapeSize(x.shape.slice(0, mode)), q = shapeSize(x.shape.slice(mode + 1));
  return ascontiguous(x.reshape([p, n, q]).transpose([1, 0, 2])).reshape([n, p * q]);
}

/** The inverse of {@link unfoldCopy}: the C-contiguous tensor of `shape` unfolded as `m`. */
export function foldCopy(m: NDArray, mode: number, shape: readonly number[]): NDArray {
  if (mode === 0) return ascontiguous(m).reshape(shape);
  const n = shape[mode];
  const p = shapeSize(shape.slice(0, mode)), q = shapeSize(shape.slice(mode + 1));
  return ascontiguous(m.reshape([n, p, q]).transpose([1, 0, 2])).reshape(shape);
}

/** Σ aᵢ bᵢ over two C-contiguous arrays of the same size (float64 accumulation). */
export function innerAll(a: NDArray, b: NDArray): number {
  const n = a.size;
  if (a.dtype === b.dtype && n >= 256) {
    const be = getBackend();
    return be.dot(
      a.dtype as FloatDType,
      n,
      a.data as FloatBuffer,
      a.offset,
      1,
      b.data as FloatBuffer,
      b.offset,
      1,
      false,
    )[0];
  }
  const x = a.data, y = b.data, oa = a.offset, ob = b.offset;
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[oa + i] as number) * (y[ob + i] as number);
  return s;
}

/** ‖a‖² of a C-contiguous array. */
export function sqNorm(a: NDArray): number {
  return innerAll(a, a);
}

/** The entries of a C-contiguous array's data, from its offset, as a typed array view. */
export function flat(a: NDArray): Float64Array | Float32Array {
  const d = a.data as Float64Array | Float32Array;
  return a.offset === 0 && d.length === a.size ? d : d.subarray(a.offset, a.offset + a.size);
}

/** A fresh C-contiguous array of `dtype` and `shape` over `data`. */
export function fromData(
  dtype: FloatDType,
  data: Float64Array | Float32Array,
  shape: number[],
): NDArray {
  return new NDArray(dtype, data as never, shape) as NDArray;
}

/**
 * The ranks of the given modes: one number for all, or one per mode; each a positive integer
 * at most the mode's size.
 */
export function checkRanks(
  rank: unknown,
  sizes: readonly number[],
  modes: readonly number[],
  where: string,
): number[] {
  const ranks = typeof rank === "number" ? modes.map(() => rank) : rank;
  if (!Array.isArray(ranks) || ranks.length !== modes.length) {
    throw new TypeError(
      `${where}: rank must be a number or an array of ${modes.length} ranks (one per ` +
        `decomposed mode), got ${Array.isArray(rank) ? `${rank.length} ranks` : String(rank)}`,
    );
  }
  return ranks.map((r, i) => {
    const k = modes[i];
    if (typeof r !== "number" || !Number.isInteger(r) || r < 1) {
      throw new RangeError(`${where}: the rank of mode ${k} must be a positive integer, got ${r}`);
    }
    if (r > sizes[k]) {
      throw new RangeError(
        `${where}: the rank of mode ${k} is ${r}, more than the mode's size ${sizes[k]}`,
      );
    }
    return r;
  });
}

/**
 * Checks a rank given to an estimator's constructor before any tensor is seen: a positive
 * integer or a non-empty array of them (the sizes are checked by `fitTransform`).
 */
export function checkRankLike<R>(rank: R, where: string, allowArray = true): R {
  const list = allowArray && Array.isArray(rank) ? rank : [rank];
  const ok = (r: unknown) => typeof r === "number" && Number.isInteger(r) && r >= 1;
  if (list.length === 0 || !list.every(ok)) {
    throw new RangeError(
      `${where}: rank must be a positive integer${allowArray ? " or an array of them" : ""}, ` +
        `got ${Array.isArray(rank) ? `[${rank.join(",")}]` : String(rank)}`,
    );
  }
  return rank;
}

/**
 * Whether the Tucker solvers stop after the sweep whose error ends `errors` (TensorLy's test):
 * from the third sweep on, when the error changed by less than `tol` (never for `tol` 0).
 */
export function sweepsConverged(errors: readonly number[], tol: number): boolean {
  const n = errors.length;
  return n > 2 && tol > 0 && Math.abs(errors[n - 2] - errors[n - 1]) < tol;
}

/** A positive integer option (`nIterMax`, …). */
export function checkCount(v: unknown, name: string, where: string, min = 1): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) {
    throw new RangeError(
      `${where}: ${name} must be an integer ≥ ${min}, got ${String(v)}`,
    );
  }
  return v;
}

/** A finite non-negative number option (`tol`, …). */
export function checkNonNeg(v: unknown, name: string, where: string): number {
  if (typeof v !== "number" || !(v >= 0) || !Number.isFinite(v)) {
    throw new RangeError(`${where}: ${name} must be a finite number ≥ 0, got ${String(v)}`);
  }
  return v;
}

/** The distinct in-range modes of `modes`, negative ones counted from the end, in the given order (default: all of `ndim`). */
export function checkModes(modes: unknown, ndim: number, where: string, name = "modes"): number[] {
  if (modes === undefined) return Array.from({ length: ndim }, (_, i) => i);
  if (!Array.isArray(modes)) {
    throw new TypeError(`${where}: ${name} must be an array of modes, got ${typeof modes}`);
  }
  const seen = new Set<number>();
  for (const m of modes) {
    if (typeof m !== "number" || !Number.isInteger(m) || m < -ndim || m >= ndim) {
      throw new RangeError(
        `${where}: mode ${String(m)} in ${name} is out of range for a tensor with ${ndim} modes`,
      );
    }
    const k = m < 0 ? m + ndim : m;
    if (seen.has(k)) throw new RangeError(`${where}: mode ${k} appears twice in ${name}`);
    seen.add(k);
  }
  return [...seen];
}
