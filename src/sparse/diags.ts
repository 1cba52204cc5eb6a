/**
 * {@linkcode diags}: a sparse matrix from diagonals (SciPy's `diags`).
 *
 * @module
 */
import { NDArray } from "../core/ndarray.ts";
import type { DType } from "../core/dtype.ts";
import { toArray } from "../core/asarray.ts";
import { slice } from "../core/indexing.ts";
import { resultType } from "../core/promotion.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { SparseFormat, SparseMatrix } from "./_base.ts";
import { newCoo } from "./_factory.ts";
import { checkShape2 } from "./_check.ts";
import { checkSparseDType, concatData, gather, wrapData } from "./_values.ts";
import { checkFormat } from "./from_dense.ts";

/** Options of {@linkcode diags}. */
export interface DiagsOpts {
  /** The diagonal of each array: 0 main, k > 0 above, k < 0 below (default 0). */
  offsets?: number | readonly number[];
  /** `[rows, cols]` (default: square, just large enough for the first diagonal). */
  shape?: readonly number[];
  /** The result's format (default `"csr"`; SciPy's default is DIA, which nd lacks). */
  format?: SparseFormat;
  /** The values' dtype (default: the diagonals' common dtype). */
  dtype?: DType;
}

function isList(x: unknown): x is readonly unknown[] {
  return Array.isArray(x);
}

/**
 * A sparse matrix with the given diagonals: `diagonals[j]` goes on diagonal `offsets[j]`.
 * A diagonal of length 1 is repeated along its diagonal; a longer one is cut to fit, a
 * shorter one is an error (as SciPy). One diagonal may be given alone (`diags([1, 2, 3])`).
 * Zero values are not stored.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const t = sparse.diags([[1, 1], [-2, -2, -2], [1, 1]], { offsets: [-1, 0, 1] });
 * assert.deepEqual(t.toDense().toArray(), [[-2n, 1n, 0n], [1n, -2n, 1n], [0n, 1n, -2n]]);
 * ```
 */
export function diags(
  diagonals: ArrayLike | readonly ArrayLike[],
  opts: DiagsOpts = {},
): SparseMatrix {
  const format = checkFormat(opts.format ?? "csr", "diags");
  const single = typeof opts.offsets === "number" || opts.offsets === undefined;
  const offsets = single ? [opts.offsets ?? 0] as number[] : [...opts.offsets as number[]];
  // one diagonal given alone: a flat list or a 1-D array with a scalar offset
  const alone = single && (
    diagonals instanceof NDArray ? diagonals.ndim <= 1 : !isList(diagonals) ||
      !diagonals.some((d) => isList(d) || d instanceof NDArray || ArrayBuffer.isView(d))
  );
  const list =
    (alone
      ? [diagonals]
      : diagonals instanceof NDArray
      ? Array.from({ length: diagonals.shape[0] }, (_, i) => slice(diagonals, i))
      : [...(diagonals as readonly ArrayLike[])]).map((d, j) => {
        const a = toArray(d as ArrayLike, "diags");
        if (a.ndim > 1) {
          throw new TypeError(`diags: diagonal ${j} must be 1-D, got shape [${a.shape.join(",")}]`);
        }
        return a.ndim === 0 ? new NDArray(a.dtype, a.data, [1], [0], a.offset) : a;
      });
  if (list.length !== offsets.length) {
    throw new TypeError(
      `diags: ${list.length} diagonals but ${offsets.length} offsets: give one offset per diagonal`,
    );
  }
  for (const k of offsets) {
    if (typeof k !== "number" || !Number.isInteger(k)) {
      throw new TypeError(`diags: offsets must be integers, got ${String(k)}`);
    }
  }
  if (list.length === 0) throw new TypeError("diags: no diagonals given");
  const n0 = list[0].shape[0] + Math.abs(offsets[0]);
  const [m, n] = checkShape2(opts.shape ?? [n0, n0], "diags");
  const dtype = checkSparseDType(
    opts.dtype ?? (list.length === 1 ? list[0].dtype : resultType(...list)),
    "diags",
  );
  const rows: number[] = [], cols: number[] = [], parts: NDArray[] = [];
  for (let j = 0; j < list.length; j++) {
    const k = offsets[j], d = list[j];
    const r0 = Math.max(0, -k), c0 = Math.max(0, k);
    const len = Math.min(m - r0, n - c0);
    if (len < 0) {
      throw new RangeError(`diags: offset ${k} (diagonal ${j}) is outside a ${m}×${n} matrix`);
    }
    const have = d.shape[0];
    if (have !== 1 && have < len) {
      throw new TypeError(
        `diags: diagonal ${j} has length ${have} but offset ${k} of a ${m}×${n} matrix needs ${len}`,
      );
    }
    const pos = new Int32Array(len);
    for (let t = 0; t < len; t++) {
      rows.push(r0 + t);
      cols.push(c0 + t);
      pos[t] = d.offset + (have === 1 ? 0 : t * d.strides[0]);
    }
    parts.push(wrapData(d.dtype, gather(d.dtype, d.data, pos), len));
  }
  const data = concatData(parts, dtype);
  const a = newCoo(data, Int32Array.from(rows), Int32Array.from(cols), [m, n]).asformat(format);
  return a.eliminateZeros();
}
