/**
 * Plumbing shared by the `nd.linalg` routines: NumPy's dtype rule for linear algebra and the
 * conversion of a stack of matrices `[..., m, n]` to and from the column-major buffers the
 * LAPACK-style backend routines work on.
 *
 * @module
 */

import { allocate, type DType } from "../core/dtype.ts";
import { NDArray } from "../core/ndarray.ts";
import { copy } from "../core/copy.ts";
import { swapaxes } from "../core/views.ts";
import { fmtShape, shapeSize } from "../core/shape.ts";
import type { FloatBuffer, LinalgDType } from "../backend/types.ts";
import { transposeInto } from "./_transpose.ts";

/**
 * The type `nd.linalg` computes in for these inputs (NumPy's `_commonType`): float32 or
 * complex64 when every input is single precision, else float64/complex128; integers and bool
 * count as double. float16 is refused, as in NumPy.
 */
export function linalgType(where: string, ...arrays: NDArray[]): LinalgDType {
  let single = true, complex = false;
  for (const a of arrays) {
    const d = a.dtype;
    if (d === "float16") {
      throw new TypeError(`${where}: array type float16 is unsupported in linalg: cast to float32`);
    }
    if (d === "complex64" || d === "complex128") complex = true;
    if (d !== "float32" && d !== "complex64") single = false;
  }
  if (complex) return single ? "complex64" : "complex128";
  return single ? "float32" : "float64";
}

/** The real type of the same precision. */
export function realOf(dt: LinalgDType): "float32" | "float64" {
  return dt === "float32" || dt === "complex64" ? "float32" : "float64";
}

/** True for complex64/complex128. */
export function isComplexType(dt: LinalgDType): boolean {
  return dt === "complex64" || dt === "complex128";
}

/** Refuses arrays with fewer than two dimensions (NumPy's message). */
export function checkMatrixStack(a: NDArray, where: string): void {
  if (a.ndim < 2) {
    throw new TypeError(
      `${where}: ${a.ndim}-dimensional array given: array must be at least two-dimensional`,
    );
  }
}

/** Refuses stacks whose last two dimensions differ. */
export function checkSquareStack(a: NDArray, where: string): void {
  checkMatrixStack(a, where);
  const [m, n] = a.shape.slice(-2);
  if (m !== n) {
    throw new TypeError(
      `${where}: last 2 dimensions of the array must be square: got shape ${fmtShape(a.shape)}`,
    );
  }
}

/** A stack of column-major matrices in one buffer. */
export interface FStack {
  /** Every matrix, column-major, one after another (`count · m · n` elements). */
  data: FloatBuffer;
  /** The leading (batch) dimensions. */
  batch: number[];
  /** Number of matrices. */
  count: number;
  /** Rows. */
  m: number;
  /** Columns. */
  n: number;
}

/** A fresh column-major copy of every matrix of `a` (`[..., m, n]`) in type `dt`. */
export function toFortran(a: NDArray, dt: LinalgDType): FStack {
  const m = a.shape[a.ndim - 2], n = a.shape[a.ndim - 1];
  const batch = a.shape.slice(0, -2), count = shapeSize(batch);
  if (a.dtype === dt && a.flags.cContiguous) {
    // The common case: a blocked transposition per matrix, no dtype conversion.
    const data = alloc(dt, count * m * n), src = a.data as FloatBuffer;
    for (let t = 0; t < count; t++) {
      transposeInto(src, a.offset + t * m * n, data, t * m * n, m, n, isComplexType(dt));
    }
    return { data, batch, count, m, n };
  }
  const t = copy(swapaxes(a, -1, -2), dt as DType);
  return { data: t.data as FloatBuffer, batch, count, m, n };
}

/** The `k`-th matrix (of `rows × cols` elements, `slots` buffer slots each) of a stack. */
export function matrixAt(
  data: FloatBuffer,
  k: number,
  rows: number,
  cols: number,
  dt: LinalgDType,
): FloatBuffer {
  const size = rows * cols * (isComplexType(dt) ? 2 : 1);
  return data.subarray(k * size, (k + 1) * size);
}

/** A C-ordered array `[...batch, m, n]` from column-major matrices stored back to back. */
export function fromFortran(
  data: FloatBuffer,
  dt: LinalgDType,
  batch: readonly number[],
  m: number,
  n: number,
): NDArray {
  const count = shapeSize(batch), out = alloc(dt, count * m * n);
  for (let t = 0; t < count; t++) {
    transposeInto(data, t * m * n, out, t * m * n, n, m, isComplexType(dt));
  }
  return new NDArray(dt as DType, out, [...batch, m, n]);
}

/** An array over `data` with the given shape (no copy). */
export function wrap(data: FloatBuffer, dt: DType, shape: readonly number[]): NDArray {
  return new NDArray(dt, data, shape);
}

/** Allocates a buffer of `count` elements of `dt` (complex: two slots each). */
export function alloc(dt: LinalgDType, count: number): FloatBuffer {
  return allocate(dt as DType, count) as FloatBuffer;
}
