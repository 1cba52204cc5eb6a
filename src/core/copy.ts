/**
 * Copies and casts: {@linkcode copyInto} (broadcasting, casting assignment), `copy`, `astype`.
 *
 * @module
 */

import { allocate, type DType, DTYPES } from "./dtype.ts";
import { assertLive, NDArray } from "./ndarray.ts";
import { broadcastShapes, broadcastStrides, fmtShape, shapesEqual } from "./shape.ts";
import { HELPERS, type LoopSpec, runLoop } from "./_kernel.ts";

const specs = new Map<string, LoopSpec>();
function copySpec(dtype: DType): LoopSpec {
  let s = specs.get(dtype);
  if (!s) {
    const cplx = DTYPES[dtype].kind === "c";
    s = {
      key: `copy:${dtype}`,
      loopIn: [dtype],
      loopOut: [dtype],
      body: cplx
        ? (x, r) => `${r[0]}r = ${x[0]}r; ${r[0]}i = ${x[0]}i;`
        : (x, r) => `${r[0]} = ${x[0]};`,
    };
    specs.set(dtype, s);
  }
  return s;
}

const F64 = new Float64Array(1), U64 = new BigUint64Array(F64.buffer);

/**
 * A 64-bit integer rounded once to float32 (`Math.fround(Number(x))` rounds twice and can
 * land on the wrong side of a tie): rounds to float64 with round-to-odd, then to float32.
 */
function big2f32(x: bigint): number {
  const f = Number(x);
  const b = BigInt(f);
  if (b === x) return Math.fround(f);
  F64[0] = f;
  if (x > 0n ? b > x : b < x) U64[0] -= 1n; // truncate toward zero
  U64[0] |= 1n; // sticky bit
  return Math.fround(F64[0]);
}
HELPERS.big2f32 = big2f32;

/** Casts the generic copy loop gets wrong: complex → bool, int64/uint64 → float32/complex64. */
function specialSpec(from: DType, to: DType): LoopSpec | undefined {
  const cToBool = DTYPES[from].kind === "c" && to === "bool";
  const bigToF32 = DTYPES[from].bigint && (to === "float32" || to === "complex64");
  if (!cToBool && !bigToF32) return undefined;
  const key = `copy:${from}->${to}`;
  let s = specs.get(key);
  if (!s) {
    s = cToBool
      ? {
        key,
        loopIn: [from],
        loopOut: ["bool"],
        body: (x, r) => `${r[0]} = ${x[0]}r !== 0 || ${x[0]}i !== 0 ? 1 : 0;`,
      }
      : {
        key,
        loopIn: [from],
        loopOut: ["float32"],
        body: (x, r) => `${r[0]} = big2f32(${x[0]});`,
      };
    specs.set(key, s);
  }
  return s;
}

/** Whether two arrays may share memory (same underlying buffer). */
export function sharesBuffer(a: NDArray, b: NDArray): boolean {
  return a.data.buffer === b.data.buffer;
}

/**
 * Writes `src` (broadcast to `dst.shape`, cast unsafely to `dst.dtype`) into `dst` in place.
 * Overlapping memory is handled by copying `src` first. `where`, when given, is a bool mask
 * broadcast to `dst.shape`: only those elements are written.
 */
export function copyInto(dst: NDArray, src: NDArray, where?: NDArray<"bool">): void {
  assertLive(dst, "copyto");
  assertLive(src, "copyto");
  if (!dst.flags.writeable) {
    throw new TypeError("copyto: assignment destination is read-only");
  }
  let shape: number[] | undefined;
  try {
    shape = broadcastShapes(dst.shape, src.shape, ...(where ? [where.shape] : []));
  } catch {
    shape = undefined;
  }
  if (shape === undefined || !shapesEqual(shape, dst.shape)) {
    throw new TypeError(
      `copyto: could not broadcast input of shape ${
        fmtShape(src.shape)
      } into destination of shape ${fmtShape(dst.shape)}`,
    );
  }
  if (
    sharesBuffer(dst, src) &&
    !(src.offset === dst.offset && shapesEqual(src.strides, dst.strides) && src.dtype === dst.dtype)
  ) {
    src = copy(src);
  }
  const ops = [
    {
      data: src.data,
      dtype: src.dtype,
      offset: src.offset,
      strides: broadcastStrides(src.shape, src.strides, shape),
    },
    { data: dst.data, dtype: dst.dtype, offset: dst.offset, strides: dst.strides },
  ];
  if (where) {
    ops.push({
      data: where.data,
      dtype: "bool",
      offset: where.offset,
      strides: broadcastStrides(where.shape, where.strides, shape),
    });
  }
  // Compute in the wider of the two types so that no precision is lost before the final cast.
  const loop = DTYPES[src.dtype].kind === "c" || DTYPES[dst.dtype].kind !== "c"
    ? src.dtype
    : dst.dtype;
  const spec = specialSpec(src.dtype, dst.dtype) ?? copySpec(loop);
  runLoop(spec, shape, ops);
}

/**
 * A C-contiguous copy of `a` that owns its data, optionally cast to `dtype`
 * (unsafe casting, as NumPy's `astype`).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.arange(6).reshape([2, 3]).T;
 * const c = nd.copy(a);
 * assert(c.flags.cContiguous && c.base === null);
 * ```
 */
export function copy<D extends DType>(a: NDArray<D>): NDArray<D>;
export function copy<T extends DType>(a: NDArray, dtype: T): NDArray<T>;
export function copy(a: NDArray, dtype?: DType): NDArray {
  assertLive(a, "copy");
  const d = dtype ?? a.dtype;
  const out = new NDArray(d, allocate(d, a.size), a.shape);
  copyInto(out, a);
  return out;
}

/**
 * A copy of `a` cast to `dtype` (unsafe casting: floats truncate toward zero, integers wrap).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.array([1.7, -1.7, 300]).astype("uint8");
 * assert(a.toArray().join() === "1,255,44");
 * ```
 */
export function astype<T extends DType>(a: NDArray, dtype: T): NDArray<T> {
  if (!Object.hasOwn(DTYPES, dtype)) {
    throw new TypeError(`astype: unknown dtype ${JSON.stringify(dtype)}`);
  }
  return copy(a, dtype);
}

/** `a` when it is C-contiguous (and of `dtype` if given), else a C-contiguous copy. */
export function ascontiguous<D extends DType>(a: NDArray<D>): NDArray<D> {
  return a.flags.cContiguous ? a : copy(a);
}
