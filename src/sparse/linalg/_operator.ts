/**
 * The solvers' view of a matrix: `y = A·x` and `y = Aᵀ·x` on `Float64Array` work vectors.
 * CSR/CSC/COO matrices and dense arrays get allocation-free kernels; other operators (user
 * LinearOperators, matrices of unknown layout) go through their own products.
 *
 * @module
 */

import { NDArray } from "../../core/ndarray.ts";
import { copy } from "../../core/copy.ts";
import { type DType, isComplex, isDType } from "../../core/dtype.ts";
import { fmtShape } from "../../core/shape.ts";
import { type Compressed, compressedOf, isComplexSparse } from "./_compressed.ts";
import { sourceOf } from "./_source.ts";
import { dot } from "./_blas1.ts";
import type { LinearOperator, OperatorLike } from "./linear_operator.ts";
import { aslinearoperator } from "./aslinearoperator.ts";

/** A real matrix the solvers multiply by. `x` and `y` never alias. */
export interface Op {
  /** Rows. */
  readonly m: number;
  /** Columns. */
  readonly n: number;
  /** The dtype of the operator (for the result dtype rules). */
  readonly dtype: DType;
  /** `y ← A·x` (`x` has n entries, `y` m). */
  mv(x: Float64Array, y: Float64Array): void;
  /** `y ← Aᵀ·x` (`x` has m entries, `y` n); throws when the operator has no adjoint. */
  rmv(x: Float64Array, y: Float64Array): void;
  /** `y ← A·x` and returns `x·y` summed in index order (square operators only). */
  mvDot(x: Float64Array, y: Float64Array): number;
}

/** Copies the values of `a` (any real dtype, any layout) into a fresh Float64Array. */
export function toFloat64(a: NDArray): Float64Array {
  if (a.dtype === "float64" && a.flags.cContiguous) {
    return (a.data as Float64Array).slice(a.offset, a.offset + a.size);
  }
  return copy(a, "float64").data as Float64Array;
}

function csrMv(c: Compressed, x: Float64Array, y: Float64Array): void {
  const { indptr, indices, data } = c;
  const m = c.format === "csr" ? c.m : c.n;
  let k = indptr[0];
  for (let i = 0; i < m; i++) {
    let s = 0;
    const end = indptr[i + 1];
    while (k < end) {
      s += data[k] * x[indices[k]];
      k++;
    }
    y[i] = s;
  }
}

/** `csrMv` returning `x·y` (square matrices): one pass instead of two. */
function csrMvDot(c: Compressed, x: Float64Array, y: Float64Array): number {
  const { indptr, indices, data } = c;
  const m = c.m;
  let k = indptr[0], d = 0;
  for (let i = 0; i < m; i++) {
    let s = 0;
    const end = indptr[i + 1];
    while (k < end) {
      s += data[k] * x[indices[k]];
      k++;
    }
    y[i] = s;
    d += x[i] * s;
  }
  return d;
}

function cscMv(c: Compressed, x: Float64Array, y: Float64Array): void {
  const { indptr, indices, data } = c;
  const n = c.format === "csc" ? c.n : c.m;
  y.fill(0);
  for (let j = 0; j < n; j++) {
    const xj = x[j];
    if (xj === 0) continue;
    const end = indptr[j + 1];
    for (let k = indptr[j]; k < end; k++) y[indices[k]] += data[k] * xj;
  }
}

function compressedOp(c: Compressed, dtype: DType): Op {
  const csr = c.format === "csr";
  return {
    m: c.m,
    n: c.n,
    dtype,
    mv: csr ? (x, y) => csrMv(c, x, y) : (x, y) => cscMv(c, x, y),
    rmv: csr ? (x, y) => cscMv(c, x, y) : (x, y) => csrMv(c, x, y),
    mvDot: csr ? (x, y) => csrMvDot(c, x, y) : (x, y) => {
      cscMv(c, x, y);
      return dot(y.length, x, y);
    },
  };
}

function denseOp(a: NDArray): Op {
  const [m, n] = a.shape;
  const d = toFloat64(a);
  return {
    m,
    n,
    dtype: a.dtype === "bool" ? "float64" : a.dtype,
    mv(x, y) {
      for (let i = 0, p = 0; i < m; i++, p += n) {
        let s = 0;
        for (let j = 0; j < n; j++) s += d[p + j] * x[j];
        y[i] = s;
      }
    },
    rmv(x, y) {
      y.fill(0);
      for (let i = 0, p = 0; i < m; i++, p += n) {
        const xi = x[i];
        if (xi === 0) continue;
        for (let j = 0; j < n; j++) y[j] += d[p + j] * xi;
      }
    },
    mvDot(x, y) {
      this.mv(x, y);
      return dot(y.length, x, y);
    },
  };
}

/** Copies a product result (checked to hold `len` real values) into `y`. */
function readInto(r: NDArray, y: Float64Array, len: number, where: string, what: string) {
  if (r.size !== len || r.ndim > 2 || isComplex(r.dtype)) {
    throw new TypeError(
      `${where}: ${what} returned ${
        isComplex(r.dtype) ? `dtype ${r.dtype}` : `shape ${fmtShape(r.shape)}`
      }, expected ${len} real values`,
    );
  }
  if (r.dtype === "float64" && r.flags.cContiguous) {
    y.set((r.data as Float64Array).subarray(r.offset, r.offset + len));
  } else y.set(copy(r, "float64").data as Float64Array);
}

/** A read-only NDArray over a solver's work vector (user code must not write into it). */
function readonly(x: Float64Array, n: number): NDArray {
  return new NDArray("float64", x, [n], [1], 0, null, false);
}

function functionOp(L: LinearOperator, where: string, name: string): Op {
  const [m, n] = L.shape;
  return {
    m,
    n,
    dtype: L.dtype,
    mv(x, y) {
      readInto(L.matvec(readonly(x, n)), y, m, where, `${name}.matvec`);
    },
    rmv(x, y) {
      readInto(L.rmatvec(readonly(x, m)), y, n, where, `${name}.rmatvec`);
    },
    mvDot(x, y) {
      this.mv(x, y);
      return dot(y.length, x, y);
    },
  };
}

/**
 * The {@link Op} of anything the solvers accept (`where` and `name` name the caller and the
 * argument in error messages). Complex operators are refused.
 */
export function toOp(A: OperatorLike, where: string, name: string): Op {
  let L: LinearOperator;
  try {
    L = aslinearoperator(A);
  } catch (e) {
    if (e instanceof TypeError) {
      throw new TypeError(e.message.replace(/^aslinearoperator:/, `${where}: ${name}:`));
    }
    throw e;
  }
  if (isComplex(L.dtype) || isComplexSparse(sourceOf(L))) {
    throw new TypeError(`${where}: complex ${name} is not supported, got dtype ${L.dtype}`);
  }
  const src = sourceOf(L);
  if (src instanceof NDArray) return denseOp(src);
  if (src !== undefined) {
    const c = compressedOf(src);
    const dt = isDType((src as { dtype?: unknown }).dtype)
      ? (src as { dtype: DType }).dtype
      : L.dtype;
    if (c !== null) return compressedOp(c, dt);
  }
  return functionOp(L, where, name);
}
