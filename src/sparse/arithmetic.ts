// Arithmetic: add/sub (sparse ± sparse of the same shape → sparse, sparse ± dense → dense),
// multiply (elementwise with a scalar, sparse or dense operand → sparse; a sparse 1×1, 1×n or
// m×1 operand broadcasts, see _broadcast.ts), div, power, neg. Values go through nd's own
// ufuncs, so dtypes promote as NumPy's do (int8 + uint8 → int16 ...).
import { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { astype } from "../core/copy.ts";
import {
  add as ndAdd,
  divide,
  multiply as ndMultiply,
  negative,
  power as ndPower,
  subtract,
} from "../ops/elementwise.ts";
import type { ArrayLike, Scalar } from "../core/_array_like.ts";
import type { DType } from "../core/dtype.ts";
import type { SparseMatrix } from "./_base.ts";
import type { Compressed } from "./_compressed.ts";
import { newCompressed } from "./_factory.ts";
import { asCompressed } from "./_convert.ts";
import { checkSparseDType, gather, gatherOrZero, wrapData } from "./_values.ts";
import { intersectMerge, type Merged, unionMerge } from "./_kernels_binop.ts";
import { denseAtEntries, multiplyBroadcast } from "./_broadcast.ts";

/** Whether `x` is a sparse matrix (duck-typed: no class import, see _factory.ts). */
export function isSparse(x: unknown): x is SparseMatrix {
  return typeof x === "object" && x !== null && !(x instanceof NDArray) && "format" in x &&
    "nnz" in x && "tocsr" in x;
}

/**
 * `x` when it is a scalar operand: a JS number, bigint, boolean or `{re, im}` (weak, as NumPy
 * treats Python scalars) or a 0-d NDArray (strong); undefined otherwise.
 */
export function scalarOf(x: unknown): Scalar | NDArray | undefined {
  if (typeof x === "number" || typeof x === "bigint" || typeof x === "boolean") return x;
  if (x instanceof NDArray) return x.ndim === 0 ? x : undefined;
  if (
    typeof x === "object" && x !== null && !Array.isArray(x) && !ArrayBuffer.isView(x) &&
    "re" in x && "im" in x
  ) {
    return x as Scalar;
  }
  return undefined;
}

function isZeroScalar(x: Scalar | NDArray): boolean {
  const s = x instanceof NDArray ? x.item() as Scalar : x;
  if (typeof s === "object") return s.re === 0 && s.im === 0;
  return s == 0;
}

function checkSameShape(a: SparseMatrix, b: SparseMatrix, where: string): void {
  if (a.shape[0] !== b.shape[0] || a.shape[1] !== b.shape[1]) {
    throw new TypeError(
      `${where}: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} differ`,
    );
  }
}

/** `m` itself when canonical, else a canonical copy (the input is left as it is). */
function canonical(m: Compressed): Compressed {
  return m.hasCanonicalFormat ? m : (m.copy() as Compressed).sumDuplicates();
}

type Op = (a: NDArray, b: ArrayLike) => NDArray;

/** A binary operation on the merged patterns of two sparse matrices; zeros are dropped. */
function sparseBinop(a: SparseMatrix, b: SparseMatrix, op: Op, union: boolean, where: string) {
  checkSameShape(a, b, where);
  const A = canonical(asCompressed(a));
  const B = canonical(b.asformat(A.format) as Compressed);
  const merge = union ? unionMerge : intersectMerge;
  const m: Merged = merge(A.nMajor, A.indptr, A.indices, B.indptr, B.indices);
  const n = m.indices.length;
  const va = wrapData(A.dtype, (union ? gatherOrZero : gather)(A.dtype, A.data.data, m.pa), n);
  const vb = wrapData(B.dtype, (union ? gatherOrZero : gather)(B.dtype, B.data.data, m.pb), n);
  const vals = op(va, vb);
  checkSparseDType(vals.dtype, where);
  const flags = { canonical: true };
  return newCompressed(A.format, vals, m.indices, m.indptr, a.shape, flags).eliminateZeros();
}

function scalarAddError(where: string): never {
  throw new TypeError(
    `${where}: adding a nonzero scalar to a sparse matrix is not supported: every entry would ` +
      "become nonzero; use toDense() first",
  );
}

/** `a + x`: see `SparseMatrix.add`. */
export function add(a: SparseMatrix, x: ArrayLike | SparseMatrix): NDArray | SparseMatrix {
  if (isSparse(x)) return sparseBinop(a, x, ndAdd, true, "add");
  const s = scalarOf(x);
  if (s !== undefined) return isZeroScalar(s) ? a.copy() : scalarAddError("add");
  return ndAdd(a.toDense(), toArray(x as ArrayLike, "add"));
}

/** `a - x`: see `SparseMatrix.sub`. */
export function sub(a: SparseMatrix, x: ArrayLike | SparseMatrix): NDArray | SparseMatrix {
  if (isSparse(x)) return sparseBinop(a, x, subtract, true, "sub");
  const s = scalarOf(x);
  if (s !== undefined) return isZeroScalar(s) ? a.copy() : scalarAddError("sub");
  return subtract(a.toDense(), toArray(x as ArrayLike, "sub"));
}

/** The data of `a` through a ufunc with a scalar, as a matrix of the same structure. */
function withScalar(a: SparseMatrix, s: Scalar | NDArray, op: Op, where: string): SparseMatrix {
  const vals = op(a.data, s); // a JS scalar is weak (NEP 50): int8 * 3 stays int8
  checkSparseDType(vals.dtype, where);
  return a.withData(vals);
}

/** Elementwise `a * x`: see `SparseMatrix.multiply`. */
export function multiply(a: SparseMatrix, x: ArrayLike | SparseMatrix): SparseMatrix {
  if (isSparse(x)) {
    return a.shape[0] === x.shape[0] && a.shape[1] === x.shape[1]
      ? sparseBinop(a, x, ndMultiply, false, "multiply")
      : multiplyBroadcast(a, x, "multiply");
  }
  const s = scalarOf(x);
  if (s !== undefined) return withScalar(a, s, ndMultiply, "multiply");
  const X = toArray(x as ArrayLike, "multiply");
  if (X.ndim > 2) {
    throw new TypeError(
      `multiply: expected a scalar or a 1-D or 2-D operand, got shape ${fmtShape(X.shape)}`,
    );
  }
  const vals = ndMultiply(a.data, denseAtEntries(a, X, "multiply"));
  checkSparseDType(vals.dtype, "multiply");
  return a.withData(vals).eliminateZeros();
}

/** True division: see `SparseMatrix.div`. */
export function div(a: SparseMatrix, x: ArrayLike | SparseMatrix): NDArray | SparseMatrix {
  if (isSparse(x)) {
    checkSameShape(a, x, "div");
    return divide(a.toDense(), x.toDense());
  }
  const s = scalarOf(x);
  if (s !== undefined) {
    if (isZeroScalar(s)) {
      throw new RangeError(
        "div: division by zero: the implicit zeros would become NaN; use toDense() first",
      );
    }
    return withScalar(a, s, divide, "div");
  }
  return divide(a.toDense(), toArray(x as ArrayLike, "div"));
}

/** Elementwise power of the stored values (duplicates summed first). */
export function power(a: SparseMatrix, n: number, opts: { dtype?: DType } = {}): SparseMatrix {
  if (typeof n !== "number" && typeof n !== "bigint") {
    throw new TypeError(`power: the exponent must be a number, got ${typeof n}`);
  }
  if (n == 0) {
    throw new RangeError(
      "power: a zero power is not supported: every entry would become 1; use nd.ones(shape)",
    );
  }
  a.sumDuplicates();
  let data = a.data;
  if (opts.dtype !== undefined) data = astype(data, checkSparseDType(opts.dtype, "power"));
  const vals = ndPower(data, n);
  checkSparseDType(vals.dtype, "power");
  return a.withData(vals);
}

/** `-a` (a TypeError for bool, as SciPy refuses it). */
export function neg(a: SparseMatrix): SparseMatrix {
  if (a.dtype === "bool") {
    throw new TypeError("neg: negating a bool sparse matrix is not supported");
  }
  return a.withData(negative(a.data));
}
