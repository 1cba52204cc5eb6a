// Private helpers of take/put-like functions: integer index arguments, modes, bounds.
import { type DType, DTYPES } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { canCast } from "../../core/promotion.ts";
import { toArray } from "../../core/asarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";

/**
 * The values of an integer array-like as JS numbers (C order), after checking that its dtype
 * casts to int64 under `casting` ("safe": bool and integers but uint64; "same_kind": all
 * integers and bool; "integer": signed and unsigned integers only).
 */
export function intValues(
  x: ArrayLike,
  what: string,
  where: string,
  casting: "safe" | "same_kind" | "integer" = "safe",
): { values: Float64Array; shape: readonly number[] } {
  const arr = Array.isArray(x) && x.length === 0
    ? new NDArray("int64", new BigInt64Array(0), [0])
    : toArray(x, where);
  if (casting === "integer") {
    const k = DTYPES[arr.dtype].kind;
    if (k !== "i" && k !== "u") {
      throw new TypeError(`${where}: ${what} must be an integer array, got ${arr.dtype}`);
    }
  } else if (!canCast(arr.dtype, "int64", { casting })) {
    throw new TypeError(
      `${where}: cannot cast ${what} from ${arr.dtype} to int64 according to the rule "${casting}"`,
    );
  }
  const n = arr.size;
  const values = new Float64Array(n);
  const c = arr.flags.cContiguous ? arr : toArray(arr.copy(), where);
  const d = c.data, o = c.offset;
  if (DTYPES[c.dtype].bigint) {
    // Read the 64-bit integers as (low, high) 32-bit halves: much faster than Number(bigint).
    // Exact below 2**53, far beyond any valid index or count.
    const lo = new Uint32Array(d.buffer, d.byteOffset + 8 * o, 2 * n);
    const hi = c.dtype === "int64" ? new Int32Array(d.buffer, d.byteOffset + 8 * o, 2 * n) : lo;
    for (let i = 0; i < n; i++) values[i] = hi[2 * i + 1] * 4294967296 + lo[2 * i];
  } else {
    for (let i = 0; i < n; i++) values[i] = d[o + i] as number;
  }
  return { values, shape: arr.shape };
}

/** How `take`-like functions treat out-of-range indices. */
export type IndexMode = "raise" | "wrap" | "clip";

/** Validates a mode option. */
export function checkMode(mode: unknown, where: string): IndexMode {
  if (mode !== "raise" && mode !== "wrap" && mode !== "clip") {
    throw new RangeError(
      `${where}: mode must be one of "raise", "wrap" or "clip", got ${JSON.stringify(mode)}`,
    );
  }
  return mode;
}

/**
 * Normalizes indices in place against an axis of size `n` with `mode` (NumPy's `take`/`put`
 * rules: "raise" accepts -n..n-1, "wrap" takes the remainder, "clip" clamps to 0..n-1).
 */
export function normalizeIndices(
  idx: Float64Array,
  n: number,
  mode: IndexMode,
  axis: number,
  where: string,
): void {
  const len = idx.length;
  if (mode === "raise") {
    for (let i = 0; i < len; i++) {
      const v = idx[i];
      if (v < -n || v >= n) {
        throw new RangeError(
          `${where}: index ${v} is out of bounds for axis ${axis} with size ${n}`,
        );
      }
      if (v < 0) idx[i] = v + n;
    }
  } else if (mode === "wrap") {
    for (let i = 0; i < len; i++) {
      const v = idx[i] % n;
      idx[i] = v < 0 ? v + n : v === 0 ? 0 : v;
    }
  } else {
    for (let i = 0; i < len; i++) {
      const v = idx[i];
      idx[i] = v < 0 ? 0 : v >= n ? n - 1 : v;
    }
  }
}

/**
 * Element offsets (into `a.data`, in elements) of the flat C-order positions `flat` of `a`.
 */
export function flatOffsets(a: NDArray, flat: Float64Array): Float64Array {
  const out = new Float64Array(flat.length);
  if (a.flags.cContiguous) {
    for (let k = 0; k < flat.length; k++) out[k] = a.offset + flat[k];
    return out;
  }
  const sh = a.shape, st = a.strides, nd = sh.length;
  for (let k = 0; k < flat.length; k++) {
    let i = flat[k], p = a.offset;
    for (let d = nd - 1; d >= 0; d--) {
      const q = i % sh[d];
      p += q * st[d];
      i = (i - q) / sh[d];
    }
    out[k] = p;
  }
  return out;
}

/** Throws NumPy 2's error when a JS integer does not fit an integer dtype. */
export function checkIntFits(v: number | bigint, dtype: DType, where: string): void {
  const info = DTYPES[dtype];
  if (info.kind !== "i" && info.kind !== "u") return;
  if (typeof v === "number" && !Number.isInteger(v)) return;
  const bits = BigInt(info.itemsize * 8);
  const lo = info.kind === "u" ? 0n : -(1n << (bits - 1n));
  const hi = info.kind === "u" ? (1n << bits) - 1n : (1n << (bits - 1n)) - 1n;
  const b = BigInt(v);
  if (b < lo || b > hi) {
    throw new RangeError(`${where}: JS integer ${v} is out of bounds for ${dtype}`);
  }
}
