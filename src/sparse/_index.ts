// One index entry of `slice(rows, cols)` as the list of positions it selects along an axis.
import { NDArray } from "../core/ndarray.ts";
import { DTYPES } from "../core/dtype.ts";
import { parseSlice } from "../core/indexing.ts";
import type { Index } from "../core/_index_types.ts";

/** The selected positions along one axis, and whether they are all of it in order. */
export interface Selection {
  /** The positions, in output order (repeats allowed for integer arrays). */
  idx: Int32Array;
  /** Every position once, in increasing order (no remapping needed). */
  all: boolean;
  /** Positions strictly increase (sorted input stays sorted). */
  increasing: boolean;
}

function checked(i: number, n: number, axis: number, where: string): number {
  if (!Number.isInteger(i)) {
    throw new TypeError(`${where}: indices must be integers, got ${i}`);
  }
  if (i < -n || i >= n) {
    throw new RangeError(`${where}: index ${i} is out of bounds for axis ${axis} with size ${n}`);
  }
  return i < 0 ? i + n : i;
}

function increasingOf(idx: Int32Array): boolean {
  for (let t = 1; t < idx.length; t++) if (idx[t] <= idx[t - 1]) return false;
  return true;
}

function fromMask(mask: ArrayLike<unknown>, n: number, axis: number, where: string): Selection {
  if (mask.length !== n) {
    throw new TypeError(
      `${where}: boolean index has length ${mask.length}, expected ${n} for axis ${axis}`,
    );
  }
  const out: number[] = [];
  for (let t = 0; t < n; t++) if (mask[t]) out.push(t);
  return { idx: Int32Array.from(out), all: out.length === n, increasing: true };
}

/** The positions an index entry selects on an axis of length `n`. */
export function selection(entry: Index, n: number, axis: number, where: string): Selection {
  if (entry === null || entry === ":") {
    const idx = new Int32Array(n);
    for (let t = 0; t < n; t++) idx[t] = t;
    return { idx, all: true, increasing: true };
  }
  if (typeof entry === "number") {
    return { idx: Int32Array.of(checked(entry, n, axis, where)), all: n === 1, increasing: true };
  }
  if (typeof entry === "string") {
    if (entry === "...") {
      throw new TypeError(`${where}: "..." is not supported: give rows and cols`);
    }
    const { start, step, length } = parseSlice(entry, n, where);
    const idx = new Int32Array(length);
    for (let t = 0; t < length; t++) idx[t] = start + t * step;
    return { idx, all: length === n && step === 1, increasing: step > 0 };
  }
  if (entry instanceof NDArray) {
    if (entry.ndim !== 1) {
      throw new TypeError(
        `${where}: index arrays must be 1-D, got shape [${entry.shape.join(",")}]`,
      );
    }
    if (entry.dtype === "bool") return fromMask(entry.toArray() as boolean[], n, axis, where);
    const k = DTYPES[entry.dtype].kind;
    if (k !== "i" && k !== "u") {
      throw new TypeError(`${where}: index arrays must be integer or bool, got ${entry.dtype}`);
    }
    return fromList((entry.toArray() as (number | bigint)[]).map(Number), n, axis, where);
  }
  if (Array.isArray(entry) || ArrayBuffer.isView(entry)) {
    const list = Array.from(entry as ArrayLike<unknown>);
    if (list.length > 0 && list.every((v) => typeof v === "boolean")) {
      return fromMask(list, n, axis, where);
    }
    if (!list.every((v) => typeof v === "number" || typeof v === "bigint")) {
      throw new TypeError(`${where}: index arrays must hold integers or booleans`);
    }
    return fromList(list.map(Number), n, axis, where);
  }
  throw new TypeError(
    `${where}: unsupported index ${String(entry)}: use an integer, a slice string, null, ` +
      "an integer array or a bool mask",
  );
}

function fromList(list: number[], n: number, axis: number, where: string): Selection {
  const idx = new Int32Array(list.length);
  for (let t = 0; t < list.length; t++) idx[t] = checked(list[t], n, axis, where);
  const increasing = increasingOf(idx);
  return { idx, all: increasing && idx.length === n, increasing };
}
