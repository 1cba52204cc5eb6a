// Private helper of insert/delete: the indices an `obj` argument names along an axis.
import { DTYPES } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { parseSlice } from "../../core/indexing.ts";
import { toArray } from "../../core/asarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { intValues } from "./_indices.ts";

/** What `obj` was: one integer, a list of integers, a bool mask or a slice string. */
export interface AxisIndices {
  kind: "scalar" | "list" | "mask";
  /** The (not yet normalized) integer indices; for a mask, the positions where it is true. */
  values: Float64Array;
}

/** Reads the `obj` argument of insert/delete against an axis of length `n`. */
export function axisIndices(
  obj: ArrayLike | string,
  n: number,
  where: string,
  oneDim: boolean,
): AxisIndices {
  if (typeof obj === "string") {
    const { start, step, length } = parseSlice(obj, n, where);
    const values = new Float64Array(length);
    for (let i = 0; i < length; i++) values[i] = start + i * step;
    return { kind: "list", values };
  }
  if (typeof obj === "number" || typeof obj === "bigint") {
    const v = Number(obj);
    if (!Number.isInteger(v)) throw new TypeError(`${where}: index ${obj} is not an integer`);
    return { kind: "scalar", values: Float64Array.of(v) };
  }
  const arr = Array.isArray(obj) && obj.length === 0
    ? new NDArray("int64", new BigInt64Array(0), [0])
    : toArray(obj as ArrayLike, where);
  const k = DTYPES[arr.dtype].kind;
  if (k === "b") {
    if (arr.ndim !== 1 || arr.shape[0] !== n) {
      throw new TypeError(
        `${where}: a bool mask must be one-dimensional and match the axis length of ${n}, got shape [${arr.shape}]`,
      );
    }
    const pos: number[] = [];
    for (let i = 0; i < n; i++) if (arr.get(i)) pos.push(i);
    return { kind: "mask", values: Float64Array.from(pos) };
  }
  if (k !== "i" && k !== "u") {
    throw new TypeError(`${where}: indices must be integers, got ${arr.dtype}`);
  }
  if (oneDim && arr.ndim > 1) {
    throw new TypeError(
      `${where}: indices must be one-dimensional or a scalar, got shape [${arr.shape}]`,
    );
  }
  const { values } = intValues(arr, "indices", where, "integer");
  return { kind: arr.ndim === 0 ? "scalar" : "list", values };
}
