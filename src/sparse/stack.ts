/**
 * Joining matrices: {@linkcode vstack}, {@linkcode hstack}, {@linkcode blockDiag}.
 *
 * @module
 */
import type { NDArray } from "../core/ndarray.ts";
import type { DType } from "../core/dtype.ts";
import { resultType } from "../core/promotion.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { SparseFormat, SparseMatrix } from "./_base.ts";
import type { Compressed } from "./_compressed.ts";
import { newCompressed, newCoo, type OrderFlags, type Shape2 } from "./_factory.ts";
import { checkShape2 } from "./_check.ts";
import { checkSparseDType, concatData, gather, wrapData } from "./_values.ts";
import { checkFormat, fromDense } from "./from_dense.ts";
import { isSparse } from "./arithmetic.ts";
import type { COO } from "./coo.ts";

/** Options of the stacking functions. */
export interface StackOpts {
  /** The result's format (default, as SciPy's: CSR when every block is CSR, CSC when every
   * block is CSC, else COO). */
  format?: SparseFormat;
  /** The values' dtype (default: the blocks' common dtype). */
  dtype?: DType;
}

/** Sparse blocks from sparse matrices or dense 2-D arrays. */
function blocksOf(blocks: readonly (SparseMatrix | ArrayLike)[], where: string): SparseMatrix[] {
  if (!Array.isArray(blocks) || blocks.length === 0) {
    throw new TypeError(`${where}: expected a non-empty list of matrices`);
  }
  return blocks.map((b) => isSparse(b) ? b : fromDense(b as ArrayLike, { format: "coo" }));
}

function commonDType(ms: SparseMatrix[], dtype: DType | undefined, where: string): DType {
  if (dtype !== undefined) return checkSparseDType(dtype, where);
  return checkSparseDType(resultType(...ms.map((m) => m.dtype)), where);
}

/** The values of `ms` in storage order, concatenated and cast to `dtype`. */
function concatValues(ms: SparseMatrix[], dtype: DType): NDArray {
  return concatData(ms.map((m) => m.data), dtype);
}

/** The order flags a stack of compressed blocks keeps: those every block has. */
function commonFlags(ms: Compressed[]): OrderFlags {
  const sorted = ms.every((m) => m.orderFlags.sorted),
    canon = ms.every((m) => m.orderFlags.canonical);
  return { sorted: sorted || undefined, canonical: canon || undefined };
}

/** Compressed blocks stacked along their major axis: indptr offset, indices as they are. */
function stackCompressed(ms: Compressed[], dtype: DType, shape: Shape2, format: "csr" | "csc") {
  const nMajor = ms.reduce((s, m) => s + m.nMajor, 0);
  const indptr = new Int32Array(nMajor + 1);
  const indices = new Int32Array(ms.reduce((s, m) => s + m.nnz, 0));
  let r = 0, o = 0;
  for (const m of ms) {
    indices.set(m.indices, o);
    for (let i = 1; i <= m.nMajor; i++) indptr[r + i] = o + m.indptr[i];
    r += m.nMajor;
    o += m.nnz;
  }
  return newCompressed(format, concatValues(ms, dtype), indices, indptr, shape, commonFlags(ms));
}

/**
 * Compressed blocks stacked along their minor axis (hstack of CSR, vstack of CSC): each row
 * (column) is the blocks' rows (columns) one after the other, indices offset by the widths
 * before them. Duplicates and explicit zeros are kept, as SciPy's fast path keeps them.
 */
function stackMinor(ms: Compressed[], dtype: DType, shape: Shape2, format: "csr" | "csc") {
  const nMajor = ms[0].nMajor, nnz = ms.reduce((s, m) => s + m.nnz, 0);
  const indptr = new Int32Array(nMajor + 1);
  const indices = new Int32Array(nnz), pos = new Int32Array(nnz);
  const offs: number[] = [], bases: number[] = [];
  let off = 0, base = 0;
  for (const m of ms) {
    offs.push(off);
    bases.push(base);
    off += m.nMinor;
    base += m.nnz;
  }
  let o = 0;
  for (let i = 0; i < nMajor; i++) {
    ms.forEach((m, b) => {
      const p = m.indptr, idx = m.indices, shift = offs[b], at = bases[b];
      for (let k = p[i], e = p[i + 1]; k < e; k++, o++) {
        indices[o] = idx[k] + shift;
        pos[o] = at + k;
      }
    });
    indptr[i + 1] = o;
  }
  const all = concatValues(ms, dtype);
  const data = wrapData(dtype, gather(dtype, all.data, pos), nnz);
  return newCompressed(format, data, indices, indptr, shape, commonFlags(ms));
}

/** COO blocks placed at row/column offsets. */
function placeCoo(
  ms: SparseMatrix[],
  rowOff: number[],
  colOff: number[],
  dtype: DType,
  shape: Shape2,
): COO {
  const coos = ms.map((m) => m.tocoo());
  const total = coos.reduce((s, m) => s + m.nnz, 0);
  const row = new Int32Array(total), col = new Int32Array(total);
  let o = 0;
  coos.forEach((m, b) => {
    for (let k = 0; k < m.nnz; k++) {
      row[o + k] = m.row[k] + rowOff[b];
      col[o + k] = m.col[k] + colOff[b];
    }
    o += m.nnz;
  });
  return newCoo(concatValues(coos, dtype), row, col, shape);
}

function stack(
  blocks: readonly (SparseMatrix | ArrayLike)[],
  opts: StackOpts,
  vertical: boolean,
): SparseMatrix {
  const where = vertical ? "vstack" : "hstack";
  const ms = blocksOf(blocks, where);
  const dtype = commonDType(ms, opts.dtype, where);
  const natural = commonDType(ms, undefined, where);
  const along = vertical ? 0 : 1, across = 1 - along;
  const width = ms[0].shape[across];
  ms.forEach((m, b) => {
    if (m.shape[across] !== width) {
      throw new TypeError(
        `${where}: block ${b} has ${m.shape[across]} ${vertical ? "columns" : "rows"}, ` +
          `block 0 has ${width}`,
      );
    }
  });
  const total = ms.reduce((s, m) => s + m.shape[along], 0);
  const shape = checkShape2(vertical ? [total, width] : [width, total], where);
  const major = vertical ? "csr" : "csc";
  const first = ms[0].format;
  const common = first !== "coo" && ms.every((m) => m.format === first) ? first : undefined;
  const format = checkFormat(opts.format ?? common ?? "coo", where);
  if (format === common) {
    // SciPy's fast paths: the blocks' arrays concatenated, duplicates and zeros kept (but a
    // `dtype` other than the blocks' own goes through SciPy's astype, which sums duplicates)
    const cs = ms as Compressed[];
    const out = format === major
      ? stackCompressed(cs, dtype, shape, format)
      : stackMinor(cs, dtype, shape, format);
    return dtype === natural ? out : out.sumDuplicates();
  }
  const offs: number[] = [];
  let o = 0;
  for (const m of ms) {
    offs.push(o);
    o += m.shape[along];
  }
  const zeros = ms.map(() => 0);
  return placeCoo(ms, vertical ? offs : zeros, vertical ? zeros : offs, dtype, shape).asformat(
    format,
  );
}

/**
 * Blocks stacked on top of each other (same number of columns). Dense 2-D arrays are
 * accepted as blocks. The result is CSR when every block is CSR, CSC when every block is
 * CSC, else COO, unless `format` says otherwise (SciPy's rule). Explicit zeros and
 * duplicates are kept, except where SciPy sums duplicates: in a conversion to the result's
 * format, or a cast of CSR/CSC blocks to a `dtype` other than their own.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const v = sparse.vstack([sparse.eye(2), sparse.fromDense([[5, 6]])]);
 * assert.equal(v.format, "csr");
 * assert.deepEqual(v.toDense().toArray(), [[1, 0], [0, 1], [5, 6]]);
 * ```
 */
export function vstack(
  blocks: readonly (SparseMatrix | ArrayLike)[],
  opts: StackOpts = {},
): SparseMatrix {
  return stack(blocks, opts, true);
}

/**
 * Blocks side by side (same number of rows). Formats as {@linkcode vstack}: CSR blocks give
 * CSR, CSC blocks give CSC, mixed or dense blocks give COO unless `format` is given.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const h = sparse.hstack([sparse.eye(2), [[7], [8]]], { format: "csr" });
 * assert.deepEqual(h.toDense().toArray(), [[1, 0, 7], [0, 1, 8]]);
 * const r = sparse.hstack([sparse.eye(2), sparse.fromDense([[0, 5], [6, 0]])]);
 * assert.equal(r.format, "csr");
 * assert.deepEqual(r.toDense().toArray(), [[1, 0, 0, 5], [0, 1, 6, 0]]);
 * ```
 */
export function hstack(
  blocks: readonly (SparseMatrix | ArrayLike)[],
  opts: StackOpts = {},
): SparseMatrix {
  return stack(blocks, opts, false);
}

/**
 * A block-diagonal matrix of the given blocks (SciPy's `block_diag`; default format COO).
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const d = sparse.blockDiag([[[1, 2]], sparse.eye(1, { dtype: "int64" })]);
 * assert.deepEqual(d.shape, [2, 3]);
 * assert.deepEqual(d.toDense().toArray(), [[1n, 2n, 0n], [0n, 0n, 1n]]);
 * ```
 */
export function blockDiag(
  mats: readonly (SparseMatrix | ArrayLike)[],
  opts: StackOpts = {},
): SparseMatrix {
  const ms = blocksOf(mats, "blockDiag");
  const dtype = commonDType(ms, opts.dtype, "blockDiag");
  const rowOff: number[] = [], colOff: number[] = [];
  let r = 0, c = 0;
  for (const m of ms) {
    rowOff.push(r);
    colOff.push(c);
    r += m.shape[0];
    c += m.shape[1];
  }
  const shape = checkShape2([r, c], "blockDiag");
  const format = checkFormat(opts.format ?? "coo", "blockDiag");
  return placeCoo(ms, rowOff, colOff, dtype, shape).asformat(format);
}
