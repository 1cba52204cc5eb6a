/**
 * `integers`/`randint`: bounds checking per dtype and the bounded draws of `_bounded.ts`,
 * returned as NumPy returns them (a scalar without size: bigint for 64-bit types, boolean for
 * bool, a number otherwise). Array bounds take NumPy's broadcast path: one draw per output
 * element, in C order, each from its own range.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import type { DTypeMap } from "../core/dtype.ts";
import type { ArrayLike as NDArrayLike } from "../core/_array_like.ts";
import {
  broadcastShapes,
  broadcastStrides,
  cStrides,
  fmtShape,
  shapesEqual,
  shapeSize,
} from "../core/shape.ts";
import type { BitGen } from "./_bitgen.ts";
import {
  bounded32,
  boundedFill32,
  boundedFill64,
  boundedFillSmall,
  PieceDraws,
} from "./_bounded.ts";
import { type Size, sizeShape } from "./_common.ts";
import {
  type Bounds,
  bounds,
  checkHigh,
  checkLow,
  checkOrder,
  type Limits,
} from "./_integer_bounds.ts";

/** The dtypes `integers` can produce. */
export type IntegerDType =
  | "int64"
  | "int32"
  | "int16"
  | "int8"
  | "uint64"
  | "uint32"
  | "uint16"
  | "uint8"
  | "bool";

type IntData = DTypeMap[IntegerDType];

/**
 * A bound of `integers`/`randint`: an integer (a bigint beyond 2⁵³), or an array of them (nested
 * JS arrays, a typed array or an NDArray) to broadcast against the other bound.
 */
export type IntegerBound = number | bigint | NDArrayLike;

/** A scalar integer result: bigint (64-bit types), boolean (bool) or number. */
export type IntegerScalar = bigint | number | boolean;

const BITS: Record<IntegerDType, { bits: number; signed: boolean }> = {
  int64: { bits: 64, signed: true },
  int32: { bits: 32, signed: true },
  int16: { bits: 16, signed: true },
  int8: { bits: 8, signed: true },
  uint64: { bits: 64, signed: false },
  uint32: { bits: 32, signed: false },
  uint16: { bits: 16, signed: false },
  uint8: { bits: 8, signed: false },
  bool: { bits: 1, signed: false },
};

/**
 * Draws integers in [low, high) (or [low, high] with `closed`) of `dtype`; `high` undefined
 * means [0, low). `masked` selects the legacy masked rejection instead of Lemire's method.
 * Array bounds broadcast against each other (and `size`), one draw per output element.
 */
export function drawIntegers(
  bg: BitGen,
  where: string,
  lowIn: unknown,
  highIn: unknown,
  size: Size | undefined,
  dtype: IntegerDType,
  closed: boolean,
  masked: boolean,
): IntegerScalar | NDArray {
  const info = BITS[dtype as IntegerDType];
  if (!info) {
    throw new TypeError(
      `${where}: dtype must be an integer dtype or "bool", got ${String(dtype)}`,
    );
  }
  const shape = sizeShape(size, where);
  if (shape !== null && shapeSize(shape) === 0) return empty(dtype, shape);
  let low = bounds(where, highIn === undefined ? "high" : "low", lowIn);
  let high: bigint | Bounds;
  if (highIn === undefined) {
    high = low;
    low = 0n;
  } else high = bounds(where, "high", highIn);
  const bits = BigInt(info.bits);
  const lb = info.signed ? -(1n << (bits - 1n)) : 0n;
  const ub = info.signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
  const limits: Limits = { where, dtype, closed, lb, ub };
  if (typeof low !== "bigint" || typeof high !== "bigint") {
    return drawBroadcast(bg, limits, wrap(low), wrap(high), shape, info, masked);
  }
  const hiClosed = closed ? high : high - 1n;
  checkLow(limits, low);
  checkHigh(limits, high);
  checkOrder(limits, low, high);
  const rng = hiClosed - low;
  const n = shape === null ? 1 : shapeSize(shape);
  const off = BigInt.asUintN(info.bits, low);
  let data: IntData;
  if (info.bits === 64) {
    const w = boundedFill64(bg, off, rng, n, masked);
    data = info.signed ? new BigInt64Array(w.buffer) : new BigUint64Array(w.buffer);
  } else if (info.bits === 32) {
    data = typed(dtype, boundedFill32(bg, Number(off), Number(rng), n, masked));
  } else {
    const w = boundedFillSmall(bg, info.bits as 16 | 8 | 1, Number(off), Number(rng), n, masked);
    data = typed(dtype, w);
  }
  if (shape === null) {
    const v = data[0];
    return dtype === "bool" ? v === 1 : v;
  }
  return new NDArray(dtype, data, shape);
}

function wrap(b: bigint | Bounds): Bounds {
  if (typeof b !== "bigint") return b;
  return { shape: [], vals: Number.isSafeInteger(Number(b)) ? Float64Array.of(Number(b)) : [b] };
}

/** The values as bigints (when either bound has one beyond 2⁵³). */
function asBig(vals: Float64Array | bigint[]): bigint[] {
  return vals instanceof Float64Array ? Array.from(vals, BigInt) : vals;
}

/** For each element of `target` (C order), the flat index of the value of `shape` it reads. */
function broadcastIndex(shape: number[], target: number[]): Int32Array {
  const st = broadcastStrides(shape, cStrides(shape), target);
  const n = shapeSize(target), nd = target.length, idx = new Int32Array(n);
  const ctr = new Array<number>(nd).fill(0);
  let cur = 0;
  for (let i = 0; i < n; i++) {
    idx[i] = cur;
    for (let k = nd - 1; k >= 0; k--) {
      if (++ctr[k] < target[k]) {
        cur += st[k];
        break;
      }
      cur -= st[k] * (target[k] - 1);
      ctr[k] = 0;
    }
  }
  return idx;
}

/**
 * NumPy's `_rand_<dtype>_broadcast`: the bounds are checked (low, then high, then their order in
 * broadcast order), then each output element gets its own draw, in C order, from its own range:
 * 64- and 32-bit types as one-element fills draw, 16-, 8- and 1-bit types from one buffer of
 * 32-bit words shared by all the elements.
 */
function drawBroadcast(
  bg: BitGen,
  l: Limits,
  low: Bounds,
  high: Bounds,
  size: number[] | null,
  info: { bits: number; signed: boolean },
  masked: boolean,
): NDArray {
  let lv = low.vals, hv = high.vals;
  if (!(lv instanceof Float64Array && hv instanceof Float64Array)) {
    [lv, hv] = [asBig(lv), asBig(hv)];
  }
  for (let i = 0; i < lv.length; i++) checkLow(l, lv[i]);
  for (let i = 0; i < hv.length; i++) checkHigh(l, hv[i]);
  const shapes = `${fmtShape(low.shape)}, ${fmtShape(high.shape)}`;
  let joint: number[];
  try {
    joint = broadcastShapes(low.shape, high.shape);
  } catch {
    throw new TypeError(`${l.where}: parameter shapes ${shapes} do not broadcast to one shape`);
  }
  const jl = broadcastIndex(low.shape, joint), jh = broadcastIndex(high.shape, joint);
  for (let i = 0; i < jl.length; i++) checkOrder(l, lv[jl[i]], hv[jh[i]]);
  const out = size ?? joint;
  if (size !== null && !fitsSize(size, joint)) {
    throw new TypeError(
      `${l.where}: parameter shapes ${shapes} do not broadcast to size ${fmtShape(size)}`,
    );
  }
  const li = size === null ? jl : broadcastIndex(low.shape, out);
  const hi = size === null ? jh : broadcastIndex(high.shape, out);
  const n = li.length, open = l.closed ? 0 : 1;
  if (info.bits === 64) {
    // 64-bit words, low first (as boundedFill64 writes them)
    const w = new Uint32Array(2 * n);
    const put = (i: number, v: bigint): void => {
      w[2 * i] = Number(v & 0xffffffffn);
      w[2 * i + 1] = Number(BigInt.asUintN(64, v) >> 32n);
    };
    if (lv instanceof Float64Array && hv instanceof Float64Array) {
      for (let i = 0; i < n; i++) {
        const lo = lv[li[i]], rng = hv[hi[i]] - open - lo;
        if (rng <= 0xffffffff) { // lo + draw is a safe integer: split it into words
          const v = lo + bounded32(bg, rng, masked);
          w[2 * i] = v >>> 0;
          w[2 * i + 1] = Math.floor(v / 4294967296) >>> 0;
        } else put(i, draw64(bg, BigInt(lo), BigInt(hv[hi[i]]) - BigInt(open), masked));
      }
    } else {
      const lb = lv as bigint[], hb = hv as bigint[];
      for (let i = 0; i < n; i++) put(i, draw64(bg, lb[li[i]], hb[hi[i]] - BigInt(open), masked));
    }
    const data = info.signed ? new BigInt64Array(w.buffer) : new BigUint64Array(w.buffer);
    return new NDArray(l.dtype as IntegerDType, data, out);
  }
  const ln = lv as Float64Array, hn = hv as Float64Array; // the checks passed: safe integers
  const data = typed(l.dtype as IntegerDType, new Uint32Array(n));
  if (info.bits === 32) {
    for (let i = 0; i < n; i++) {
      const lo = ln[li[i]];
      data[i] = lo + bounded32(bg, hn[hi[i]] - open - lo, masked);
    }
  } else {
    const d = new PieceDraws(bg, info.bits as 16 | 8 | 1);
    for (let i = 0; i < n; i++) {
      const lo = ln[li[i]];
      data[i] = lo + d.bounded(hn[hi[i]] - open - lo, masked);
    }
  }
  return new NDArray(l.dtype as IntegerDType, data, out);
}

/** One 64-bit draw in [lo, hiClosed] (NumPy's `random_bounded_uint64`), modulo 2⁶⁴. */
function draw64(bg: BitGen, lo: bigint, hiClosed: bigint, masked: boolean): bigint {
  const w = boundedFill64(bg, BigInt.asUintN(64, lo), hiClosed - lo, 1, masked);
  return (BigInt(w[1]) << 32n) | BigInt(w[0]);
}

/** Whether `joint` broadcasts to `size` (NumPy's condition on an explicit size). */
function fitsSize(size: number[], joint: number[]): boolean {
  try {
    return shapesEqual(broadcastShapes(size, joint), size);
  } catch {
    return false;
  }
}

/** The draws (as unsigned words) in the typed array of a dtype up to 32 bits. */
function typed(dtype: IntegerDType, w: Uint32Array): IntData {
  switch (dtype) {
    case "int32":
      return new Int32Array(w.buffer);
    case "uint32":
      return w;
    case "int16":
      return Int16Array.from(w);
    case "uint16":
      return Uint16Array.from(w);
    case "int8":
      return Int8Array.from(w);
    default: // uint8, bool
      return Uint8Array.from(w);
  }
}

function empty(dtype: IntegerDType, shape: number[]): NDArray {
  const ctor = {
    int64: BigInt64Array,
    int32: Int32Array,
    int16: Int16Array,
    int8: Int8Array,
    uint64: BigUint64Array,
    uint32: Uint32Array,
    uint16: Uint16Array,
    uint8: Uint8Array,
    bool: Uint8Array,
  }[dtype];
  return new NDArray(dtype, new ctor(0), shape);
}
