/**
 * Matrix products: `matmul` (NumPy's `@`, batched with broadcasting) and `dot`.
 *
 * This is the plain TypeScript product; the BLAS-backed path arrives with the backend seam.
 *
 * @module
 */

import { allocate, type DType, DTYPES, type TypedArray } from "../core/dtype.ts";
import { NDArray } from "../core/ndarray.ts";
import { resultType } from "../core/promotion.ts";
import { broadcastShapes, fmtShape, shapeSize } from "../core/shape.ts";
import { toArray } from "../core/asarray.ts";
import { ascontiguous, copy } from "../core/copy.ts";
import { broadcastTo, moveaxis } from "../core/views.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { multiply } from "../ops/elementwise.ts";

/** C[m×n] += A[m×k] · B[k×n] on contiguous row-major blocks at the given offsets. */
function gemmReal(
  a: Float64Array | Float32Array,
  ao: number,
  b: Float64Array | Float32Array,
  bo: number,
  c: Float64Array | Float32Array,
  co: number,
  m: number,
  k: number,
  n: number,
): void {
  const acc = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    acc.fill(0);
    const ai = ao + i * k;
    for (let p = 0; p < k; p++) {
      const x = a[ai + p];
      if (x === 0) continue;
      const bp = bo + p * n;
      for (let j = 0; j < n; j++) acc[j] += x * b[bp + j];
    }
    const ci = co + i * n;
    for (let j = 0; j < n; j++) c[ci + j] = acc[j];
  }
}

function gemmGeneric(
  dtype: DType,
  a: TypedArray,
  ao: number,
  b: TypedArray,
  bo: number,
  c: TypedArray,
  co: number,
  m: number,
  k: number,
  n: number,
): void {
  const info = DTYPES[dtype];
  if (info.kind === "c") {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let re = 0, im = 0;
        for (let p = 0; p < k; p++) {
          const x = 2 * (ao + i * k + p), y = 2 * (bo + p * n + j);
          const ar = a[x] as number,
            ai = a[x + 1] as number,
            br = b[y] as number,
            bi = b[y + 1] as number;
          re += ar * br - ai * bi;
          im += ar * bi + ai * br;
        }
        c[2 * (co + i * n + j)] = re;
        c[2 * (co + i * n + j) + 1] = im;
      }
    }
    return;
  }
  if (info.bigint) {
    const A = a as BigInt64Array, B = b as BigInt64Array, C = c as BigInt64Array;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0n;
        for (let p = 0; p < k; p++) s += A[ao + i * k + p] * B[bo + p * n + j];
        C[co + i * n + j] = s;
      }
    }
    return;
  }
  const A = a as Float64Array, B = b as Float64Array, C = c as Float64Array;
  const bool = dtype === "bool";
  const int32 = info.kind !== "f" && !bool;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) {
        const x = A[ao + i * k + p], y = B[bo + p * n + j];
        if (bool) {
          if (x && y) {
            s = 1;
            break;
          }
        } else s = int32 ? (s + Math.imul(x, y)) | 0 : s + x * y;
      }
      C[co + i * n + j] = s;
    }
  }
}

/**
 * Matrix product of two arrays (NumPy's `matmul` / `@`): 2-D × 2-D is the matrix product;
 * more dimensions are stacks of matrices broadcast against each other; a 1-D operand is
 * promoted to a matrix by adding an axis, removed again from the result. Scalars are refused.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.array([[1, 2], [3, 4]], { dtype: "float64" });
 * assert(nd.matmul(a, a).toArray().flat().join() === "7,10,15,22");
 * assert(nd.matmul(a, [1, 1]).toArray().join() === "3,7");
 * ```
 */
export function matmul(x: ArrayLike, y: ArrayLike): NDArray {
  const a0 = toArray(x, "matmul"), b0 = toArray(y, "matmul");
  if (a0.ndim === 0 || b0.ndim === 0) {
    throw new TypeError(
      "matmul: input operands must have at least 1 dimension, got a scalar: use multiply instead",
    );
  }
  const a = a0.ndim === 1 ? a0.reshape([1, a0.shape[0]]) : a0;
  const b = b0.ndim === 1 ? b0.reshape([b0.shape[0], 1]) : b0;
  const [m, k] = a.shape.slice(-2), [k2, n] = b.shape.slice(-2);
  if (k !== k2) {
    throw new TypeError(
      `matmul: cannot multiply shapes ${fmtShape(a0.shape)} and ${
        fmtShape(b0.shape)
      }: inner dimensions ${k} and ${k2} differ`,
    );
  }
  const batch = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const dtype = resultType(a, b);
  const A = ascontiguous(copyIfNeeded(broadcastTo(a, [...batch, m, k]), dtype));
  const B = ascontiguous(copyIfNeeded(broadcastTo(b, [...batch, k, n]), dtype));
  const nb = shapeSize(batch);
  const work: DType = dtype === "float16" ? "float32" : dtype;
  const out = new NDArray(work, allocate(work, nb * m * n), [...batch, m, n]);
  const Aw = work === dtype ? A : copy(A, work), Bw = work === dtype ? B : copy(B, work);
  for (let t = 0; t < nb; t++) {
    const ao = Aw.offset + t * m * k, bo = Bw.offset + t * k * n, co = t * m * n;
    if (work === "float64" || work === "float32") {
      gemmReal(
        Aw.data as Float64Array,
        ao,
        Bw.data as Float64Array,
        bo,
        out.data as Float64Array,
        co,
        m,
        k,
        n,
      );
    } else gemmGeneric(work, Aw.data, ao, Bw.data, bo, out.data, co, m, k, n);
  }
  let shape = [...batch, m, n];
  if (a0.ndim === 1) shape = [...batch, n];
  if (b0.ndim === 1) shape = a0.ndim === 1 ? [...batch] : [...batch, m];
  const r = work === dtype ? out : copy(out, dtype);
  return new NDArray(dtype, r.data, shape);
}

function copyIfNeeded(a: NDArray, dtype: DType): NDArray {
  return a.dtype === dtype && a.flags.cContiguous ? a : copy(a, dtype);
}

/**
 * NumPy's `dot`: the inner product for 1-D arrays, the matrix product for 2-D, a product
 * with a scalar, and for N-D a sum product over the last axis of `a` and the second-to-last
 * of `b`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(nd.dot([1, 2, 3], [4, 5, 6]).item() === 32n);
 * assert(nd.dot([[1, 0], [0, 1]], [[4, 1], [2, 2]]).toArray().flat().join() === "4,1,2,2");
 * ```
 */
export function dot(x: ArrayLike, y: ArrayLike): NDArray {
  const a = toArray(x, "dot"), b = toArray(y, "dot");
  if (a.ndim === 0 || b.ndim === 0) return multiply(a, b);
  if (b.ndim <= 2) {
    if (a.shape[a.ndim - 1] !== b.shape[0]) {
      throw new TypeError(
        `dot: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} not aligned: ${
          a.shape[a.ndim - 1]
        } (dim ${a.ndim - 1}) != ${b.shape[0]} (dim 0)`,
      );
    }
    if (a.ndim <= 2) return matmul(a, b);
    const r = matmul(a.reshape([-1, a.shape[a.ndim - 1]]), b);
    return r.reshape([...a.shape.slice(0, -1), ...b.shape.slice(1)]);
  }
  const k = a.shape[a.ndim - 1];
  if (k !== b.shape[b.ndim - 2]) {
    throw new TypeError(
      `dot: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} not aligned: ${k} (dim ${
        a.ndim - 1
      }) != ${b.shape[b.ndim - 2]} (dim ${b.ndim - 2})`,
    );
  }
  const bm = moveaxis(b, -2, 0);
  const r = matmul(a.reshape([-1, k]), bm.reshape([k, -1]));
  return r.reshape([...a.shape.slice(0, -1), ...b.shape.slice(0, -2), b.shape[b.ndim - 1]]);
}
