/**
 * Matrix products: `matmul` (NumPy's `@`, batched with broadcasting) and `dot`.
 *
 * Float and complex products run through the selected backend's gemm (BLAS or TypeScript);
 * integer and bool products use a plain TypeScript loop with NumPy's wrap-around.
 *
 * @module
 */

import { allocate, type DType, DTYPES, type TypedArray } from "../core/dtype.ts";
import { assertLive, NDArray } from "../core/ndarray.ts";
import { resultType } from "../core/promotion.ts";
import { broadcastShapes, fmtShape, shapeSize } from "../core/shape.ts";
import { toArray } from "../core/asarray.ts";
import { ascontiguous, copy, copyInto } from "../core/copy.ts";
import { broadcastTo, moveaxis } from "../core/views.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { multiply } from "../ops/elementwise.ts";
import { getBackend } from "../backend/mod.ts";
import { tsBackend } from "../backend/ts.ts";
import { smallGemmBatch } from "../backend/ts_gemm_small.ts";
import type { FloatBuffer, LinalgDType, Trans } from "../backend/types.ts";

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
 * const out = nd.empty([2, 2]);
 * assert(nd.matmul(a, a, { out }) === out && out.get(1, 1) === 22);
 * ```
 */
export function matmul(x: ArrayLike, y: ArrayLike, opts: MatmulOpts = {}): NDArray {
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
  let shape = [...batch, m, n];
  if (a0.ndim === 1) shape = [...batch, n];
  if (b0.ndim === 1) shape = a0.ndim === 1 ? [...batch] : [...batch, m];
  const out = opts.out;
  if (out !== undefined) checkOut(out, shape, dtype);
  const work: DType = dtype === "float16" ? "float32" : dtype;
  if (isLinalgType(work)) {
    const A = cast(a, work), B = cast(b, work);
    // Write straight into `out` when it can take gemm's output as is and overlaps no input.
    const direct = out !== undefined && work === dtype && out.flags.cContiguous &&
        out.offset === 0 && out.data.buffer !== A.data.buffer && out.data.buffer !== B.data.buffer
      ? out.data as FloatBuffer
      : undefined;
    const r = blasMatmul(A, B, batch, m, n, k, work, direct);
    if (direct !== undefined) return out!;
    const full = work === dtype ? r.reshape(shape) : copy(r, dtype).reshape(shape);
    if (out === undefined) return full;
    copyInto(out, full);
    return out;
  }
  const A = ascontiguous(copyIfNeeded(broadcastTo(a, [...batch, m, k]), dtype));
  const B = ascontiguous(copyIfNeeded(broadcastTo(b, [...batch, k, n]), dtype));
  const nb = shapeSize(batch);
  const res = new NDArray(dtype, allocate(dtype, nb * m * n), [...batch, m, n]);
  for (let t = 0; t < nb; t++) {
    gemmGeneric(
      dtype,
      A.data,
      A.offset + t * m * k,
      B.data,
      B.offset + t * k * n,
      res.data,
      t * m * n,
      m,
      k,
      n,
    );
  }
  if (out === undefined) return res.reshape(shape);
  copyInto(out, res.reshape(shape));
  return out;
}

/** Options of {@link matmul}. */
export interface MatmulOpts {
  /**
   * Where to put the result: an array of exactly the result's shape and dtype (NumPy's
   * `out=`). Reusing one array across calls saves allocating (and, for large results,
   * faulting in) fresh memory each time. Returned.
   */
  out?: NDArray;
}

function checkOut(out: NDArray, shape: readonly number[], dtype: DType): void {
  if (!(out instanceof NDArray)) {
    throw new TypeError(`matmul: out must be an NDArray, got ${typeof out}`);
  }
  if (out.shape.length !== shape.length || out.shape.some((d, i) => d !== shape[i])) {
    throw new TypeError(
      `matmul: out has shape ${fmtShape(out.shape)}, the result has shape ${fmtShape(shape)}`,
    );
  }
  if (out.dtype !== dtype) {
    throw new TypeError(`matmul: out has dtype ${out.dtype}, the result has dtype ${dtype}`);
  }
  assertLive(out, "matmul");
  if (!out.flags.writeable) throw new TypeError("matmul: out is read-only");
}

function isLinalgType(d: DType): d is LinalgDType {
  return d === "float64" || d === "float32" || d === "complex128" || d === "complex64";
}

function cast(a: NDArray, d: DType): NDArray {
  return a.dtype === d ? a : copy(a, d);
}

/** How one operand's matrices are handed to gemm: transpose flag, row stride, base offsets. */
interface GemmOperand {
  data: FloatBuffer;
  trans: Trans;
  ld: number;
  offsets: Int32Array | Float64Array;
}

/**
 * Prepares the stack `a` (`[..., rows, cols]`, broadcast to `batch`) for gemm without
 * copying when each matrix has a unit stride along one of its axes.
 */
function operand(a: NDArray, batch: readonly number[], rows: number, cols: number): GemmOperand {
  let v = broadcastTo(a, [...batch, rows, cols]);
  let [rs, cs] = v.strides.slice(-2);
  let trans: Trans;
  if ((cs === 1 || cols <= 1) && rs >= Math.max(1, cols)) trans = "N";
  else if ((rs === 1 || rows <= 1) && cs >= Math.max(1, rows)) trans = "T";
  else {
    v = ascontiguous(copy(v));
    [rs, cs] = v.strides.slice(-2);
    trans = "N";
  }
  const ld = trans === "N" ? Math.max(1, cols, rs) : Math.max(1, rows, cs);
  const nb = shapeSize(batch);
  // Int32 offsets when they fit: the kernels then index with small integers (doubles made the
  // TypeScript kernel of 10,000 stacked 8×8 products twice as slow).
  const offsets = v.data.length < 2 ** 31 ? new Int32Array(nb) : new Float64Array(nb);
  const bs = v.strides.slice(0, -2);
  if (batch.length === 1) {
    for (let t = 0, s = bs[0]; t < nb; t++) offsets[t] = v.offset + t * s;
    return { data: v.data as FloatBuffer, trans, ld, offsets };
  }
  for (let t = 0, idx = new Array(batch.length).fill(0); t < nb; t++) {
    let off = v.offset;
    for (let d = 0; d < idx.length; d++) off += idx[d] * bs[d];
    offsets[t] = off;
    for (let d = idx.length - 1; d >= 0; d--) {
      if (++idx[d] < batch[d]) break;
      idx[d] = 0;
    }
  }
  return { data: v.data as FloatBuffer, trans, ld, offsets };
}

/** Products below this many multiply-adds run in TypeScript even when BLAS is loaded. */
const SMALL_GEMM = 4096;

function blasMatmul(
  a: NDArray,
  b: NDArray,
  batch: readonly number[],
  m: number,
  n: number,
  k: number,
  dt: LinalgDType,
  dest?: FloatBuffer,
): NDArray {
  const nb = shapeSize(batch);
  const out = new NDArray(dt, dest ?? allocate(dt, nb * m * n), [...batch, m, n]);
  if (nb === 0 || m === 0 || n === 0) return out;
  const c = out.data as FloatBuffer;
  if (k === 0) {
    // An empty sum: zeros (a fresh buffer already is; `out` may hold old values).
    if (dest !== undefined) {
      c.fill(0, 0, nb * m * n * (dt === "complex64" || dt === "complex128" ? 2 : 1));
    }
    return out;
  }
  if (b.ndim === 2 && a.flags.cContiguous && nb > 1) {
    // One product of the stacked rows: [nb·m, k] × [k, n].
    const B2 = operand(b, [], k, n);
    const rows = nb * m;
    const be = rows * n * k < SMALL_GEMM ? tsBackend : getBackend();
    be.gemm(
      dt,
      "N",
      B2.trans,
      rows,
      n,
      k,
      1,
      a.data as FloatBuffer,
      a.offset,
      k,
      B2.data,
      B2.offsets[0],
      B2.ld,
      0,
      c,
      0,
      n,
    );
    return out;
  }
  const A = operand(a, batch, m, k), B = operand(b, batch, k, n);
  const be = m * n * k < SMALL_GEMM ? tsBackend : getBackend();
  if (n === 1) {
    // Matrix × vector (or vector · vector): gemv / dot on the strided column of B.
    const incB = B.trans === "N" ? B.ld : 1, incA = A.trans === "N" ? 1 : A.ld;
    const [ar, ac] = A.trans === "N" ? [m, k] : [k, m];
    for (let t = 0; t < nb; t++) {
      if (m === 1) {
        const [re, im] = be.dot(
          dt,
          k,
          A.data,
          A.offsets[t],
          incA,
          B.data,
          B.offsets[t],
          incB,
          false,
        );
        if (dt === "complex64" || dt === "complex128") c[2 * t] = re, c[2 * t + 1] = im;
        else c[t] = re;
      } else {be.gemv(
          dt,
          A.trans,
          ar,
          ac,
          1,
          A.data,
          A.offsets[t],
          A.ld,
          B.data,
          B.offsets[t],
          incB,
          0,
          c,
          t * m,
          1,
        );}
    }
    return out;
  }
  if (be === tsBackend && nb > 1) {
    // Many tiny products: one call for the stack (no per-product dispatch).
    smallGemmBatch(
      dt,
      A.trans,
      B.trans,
      m,
      n,
      k,
      A.data,
      A.offsets,
      A.ld,
      B.data,
      B.offsets,
      B.ld,
      c,
      nb,
    );
    return out;
  }
  for (let t = 0; t < nb; t++) {
    be.gemm(
      dt,
      A.trans,
      B.trans,
      m,
      n,
      k,
      1,
      A.data,
      A.offsets[t],
      A.ld,
      B.data,
      B.offsets[t],
      B.ld,
      0,
      c,
      t * m * n,
      n,
    );
  }
  return out;
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
