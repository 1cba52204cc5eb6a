/**
 * `Generator` and `defaultRng`: NumPy's `numpy.random.Generator` on the PCG64 bit generator,
 * drawing the same numbers as NumPy for the same seed and the same sequence of calls.
 *
 * @module
 */

import { assertLive, NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { copy } from "../core/copy.ts";
import { normalizeAxis, shapeSize } from "../core/shape.ts";
import { take } from "../ops/manipulation/take.ts";
import { checkRange, cont, isOpts, type Param, type Size, sizeShape } from "./_common.ts";
import { type ChoiceOpts, choose } from "./_choice.ts";
import {
  drawIntegers,
  type IntegerBound,
  type IntegerDType,
  type IntegerScalar,
} from "./_integers.ts";
import { shuffleInPlace } from "./_shuffle.ts";
import {
  fillStandardNormal,
  nextFloat,
  standardExponential,
  standardNormal,
  standardNormalF,
} from "./_ziggurat.ts";
import { PCG64 } from "./pcg64.ts";
import type { SeedLike, SeedSequence } from "./seed_sequence.ts";

/** Options of {@link Generator.random} and {@link Generator.standardNormal}. */
export interface FloatOpts {
  /** Output shape (one JS number when omitted). */
  size?: Size;
  /** "float64" (default) or "float32". */
  dtype?: "float64" | "float32";
  /**
   * `random` only: a C-contiguous, writeable array of the dtype to fill instead of a new one
   * (NumPy's `out=`; its shape is the size, and must equal `size` when both are given).
   * Reusing one array saves allocating fresh memory for every batch. Returned.
   */
  out?: NDArray;
}

/** Options of {@link Generator.integers}. */
export interface IntegersOpts {
  /** Output shape (one value when omitted: a bigint for 64-bit dtypes). */
  size?: Size;
  /** Include `high` (default false). */
  endpoint?: boolean;
  /** Result dtype (default "int64"). */
  dtype?: IntegerDType;
}

/** Options with a size only. */
export interface SampleOpts {
  /** Output shape (one JS number when omitted, unless a parameter is an array). */
  size?: Size;
}

/** Options of {@link Generator.permutation} and {@link Generator.shuffle}. */
export interface AxisOpts {
  /** The axis to permute along (default 0). */
  axis?: number;
}

function floatDType(where: string, d: unknown): "float64" | "float32" {
  if (d === undefined || d === "float64") return "float64";
  if (d === "float32") return "float32";
  throw new TypeError(`${where}: dtype must be "float64" or "float32", got ${String(d)}`);
}

/** `random`'s `out`: checked before any draw, then filled in place. */
function fillOut(
  out: NDArray,
  dtype: "float64" | "float32",
  shape: number[] | null,
  bg: PCG64,
): NDArray<"float64" | "float32"> {
  if (!(out instanceof NDArray)) {
    throw new TypeError(`random: out must be an NDArray, got ${typeof out}`);
  }
  if (out.dtype !== dtype) {
    throw new TypeError(`random: out has dtype ${out.dtype}, the draws are ${dtype}`);
  }
  assertLive(out, "random");
  if (!out.flags.cContiguous || !out.flags.writeable) {
    throw new TypeError("random: out must be C-contiguous and writeable");
  }
  if (shape !== null && (shape.length !== out.ndim || shape.some((d, i) => d !== out.shape[i]))) {
    throw new TypeError(
      `random: size [${shape}] does not match out's shape [${out.shape.join(",")}]`,
    );
  }
  if (out.size === 0) return out as NDArray<"float64" | "float32">;
  if (dtype === "float64") bg.fillDoubles(out.data as Float64Array, out.offset, out.size);
  else {
    const d = out.data as Float32Array;
    for (let i = out.offset; i < out.offset + out.size; i++) d[i] = nextFloat(bg);
  }
  return out as NDArray<"float64" | "float32">;
}

/** Splits `(size | opts)` into options. */
function floatOpts(where: string, a: Size | FloatOpts | undefined, b?: FloatOpts): FloatOpts {
  if (isOpts(a)) return a as FloatOpts;
  return { ...(b ?? {}), size: a as Size | undefined, dtype: floatDType(where, b?.dtype) };
}

/**
 * NumPy's `Generator` over a {@link PCG64} bit generator. Methods take the distribution's
 * parameters, then an options object with `size`; without `size` they return one JS number
 * (a bigint for 64-bit integers), with it an NDArray of that shape. Make one with
 * {@link defaultRng}.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const rng = nd.random.defaultRng(42);
 * assert.equal(rng.random(), 0.7739560485559633); // np.random.default_rng(42).random()
 * assert.equal(rng.integers(10), 6n);
 * assert.deepEqual(rng.random(2).toArray(), [0.8585979199113825, 0.6973680290593639]);
 * ```
 */
export class Generator {
  /** The bit generator the draws come from. */
  readonly bitGenerator: PCG64;

  /** Wraps a bit generator (see {@link defaultRng} for seeding). */
  constructor(bitGenerator: PCG64) {
    if (!(bitGenerator instanceof PCG64)) {
      throw new TypeError("Generator: bitGenerator must be a PCG64");
    }
    this.bitGenerator = bitGenerator;
  }

  /**
   * Floats in [0, 1): `(next64 >> 11)·2⁻⁵³` for float64, `(next32 >> 8)·2⁻²⁴` for float32.
   * `random()` gives one number, `random(shape)` an array; the dtype goes in the options.
   */
  random(): number;
  /** Draws of the given shape. */
  random(size: Size, opts?: FloatOpts): NDArray<"float64" | "float32">;
  /** Draws of the given shape. */
  random(opts: FloatOpts & { size: Size }): NDArray<"float64" | "float32">;
  /** One draw, or an array when a size is given. */
  random(opts: FloatOpts): number | NDArray<"float64" | "float32">;
  random(size?: Size | FloatOpts, opts?: FloatOpts): number | NDArray<"float64" | "float32"> {
    const o = floatOpts("random", size, opts);
    const dtype = floatDType("random", o.dtype);
    const shape = sizeShape(o.size, "random");
    const bg = this.bitGenerator;
    if (o.out !== undefined) return fillOut(o.out, dtype, shape, bg);
    if (dtype === "float32") {
      if (shape === null) return nextFloat(bg);
      const out = new Float32Array(shapeSize(shape));
      for (let i = 0; i < out.length; i++) out[i] = nextFloat(bg);
      return new NDArray("float32", out, shape);
    }
    if (shape === null) return bg.nextDouble();
    const out = new Float64Array(shapeSize(shape));
    bg.fillDoubles(out, 0, out.length);
    return new NDArray("float64", out, shape);
  }

  /**
   * Integers in [low, high) (or [low, high] with `endpoint`), or [0, low) when `high` is
   * omitted, drawn with Lemire's method as NumPy does. int64 by default: without `size` the
   * result is a bigint. `low` and `high` may be arrays: they broadcast against each other (and
   * must broadcast to `size` when it is given), and each element is drawn from its own range,
   * in C order, from the same stream as NumPy. Bounds are read exactly (bigints too) and must be
   * integers. Unlike NumPy, which fills a `size` that the bounds broadcast with but do not
   * broadcast to (e.g. bounds [2] and size [3, 1]) with part of the broadcast draws, such a
   * size is rejected, as for the other distributions.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const rng = nd.random.defaultRng(0);
   * // np.random.default_rng(0).integers([0, 10], [5, 20])
   * assert.deepEqual((rng.integers([0, 10], [5, 20]) as nd.NDArray).toArray(), [4n, 16n]);
   * // then .integers([[0], [5]], [10, 20, 30], dtype=np.int32): shapes [2,1] and [3] -> [2,3]
   * const x = rng.integers([[0], [5]], [10, 20, 30], { dtype: "int32" }) as nd.NDArray;
   * assert.deepEqual(x.toArray(), [[5, 5, 9], [5, 6, 5]]);
   * ```
   */
  integers(low: IntegerBound, opts?: IntegersOpts): IntegerScalar | NDArray;
  /** One draw, or an array when a size is given or a bound is an array. */
  integers(
    low: IntegerBound,
    high: IntegerBound | undefined,
    opts?: IntegersOpts,
  ): IntegerScalar | NDArray;
  integers(
    low: IntegerBound,
    high?: IntegerBound | IntegersOpts,
    opts: IntegersOpts = {},
  ): IntegerScalar | NDArray {
    if (isOpts(high)) [high, opts] = [undefined, high as IntegersOpts];
    const endpoint = opts.endpoint ?? false;
    if (typeof endpoint !== "boolean") {
      throw new TypeError(`integers: endpoint must be a boolean, got ${typeof endpoint}`);
    }
    return drawIntegers(
      this.bitGenerator,
      "integers",
      low,
      high,
      opts.size,
      opts.dtype ?? "int64",
      endpoint,
      false,
    );
  }

  /** Floats in [low, high): `low + (high - low)·u`. Parameters may be arrays (broadcast). */
  uniform(low: Param, high: Param, opts: SampleOpts & { size: Size }): NDArray<"float64">;
  /** One draw, or an array when a size is given. */
  uniform(low?: Param, high?: Param, opts?: SampleOpts): number | NDArray<"float64">;
  uniform(low: Param = 0, high: Param = 1, opts: SampleOpts = {}): number | NDArray<"float64"> {
    if (isOpts(low)) [low, opts] = [0, low as SampleOpts];
    else if (isOpts(high)) [high, opts] = [1, high as SampleOpts];
    const bg = this.bitGenerator;
    return cont(
      "uniform",
      opts.size,
      [{ name: "low", value: low, check: "none" }, { name: "high", value: high, check: "none" }],
      (lo, hi) => lo + (hi - lo) * bg.nextDouble(),
      (lo, hi) => checkRange("uniform", lo, hi, true),
    );
  }

  /** Normal draws `loc + scale·z` (ziggurat); `scale` must be non-negative. */
  normal(loc: Param, scale: Param, opts: SampleOpts & { size: Size }): NDArray<"float64">;
  /** One draw, or an array when a size is given. */
  normal(loc?: Param, scale?: Param, opts?: SampleOpts): number | NDArray<"float64">;
  normal(loc: Param = 0, scale: Param = 1, opts: SampleOpts = {}): number | NDArray<"float64"> {
    if (isOpts(loc)) [loc, opts] = [0, loc as SampleOpts];
    else if (isOpts(scale)) [scale, opts] = [1, scale as SampleOpts];
    const bg = this.bitGenerator;
    return cont("normal", opts.size, [
      { name: "loc", value: loc, check: "none" },
      { name: "scale", value: scale, check: "nonNegative" },
    ], (m, s) => m + s * standardNormal(bg));
  }

  /** Standard normal draws (ziggurat), float64 or float32. */
  standardNormal(opts: FloatOpts & { size: Size }): NDArray<"float64" | "float32">;
  /** One draw, or an array when a size is given. */
  standardNormal(opts?: FloatOpts): number | NDArray<"float64" | "float32">;
  /** Draws of the given shape. */
  standardNormal(size: Size, opts?: FloatOpts): NDArray<"float64" | "float32">;
  standardNormal(
    size?: Size | FloatOpts,
    opts?: FloatOpts,
  ): number | NDArray<"float64" | "float32"> {
    const o = floatOpts("standardNormal", size, opts);
    const dtype = floatDType("standardNormal", o.dtype);
    const shape = sizeShape(o.size, "standardNormal");
    const bg = this.bitGenerator;
    if (dtype === "float32") {
      if (shape === null) return standardNormalF(bg);
      const out = new Float32Array(shapeSize(shape));
      for (let i = 0; i < out.length; i++) out[i] = standardNormalF(bg);
      return new NDArray("float32", out, shape);
    }
    if (shape === null) return standardNormal(bg);
    const out = new Float64Array(shapeSize(shape));
    fillStandardNormal(bg, out, 0, out.length);
    return new NDArray("float64", out, shape);
  }

  /** Exponential draws `scale·e` (ziggurat); `scale` must be non-negative. */
  exponential(scale: Param, opts: SampleOpts & { size: Size }): NDArray<"float64">;
  /** One draw, or an array when a size is given. */
  exponential(scale?: Param, opts?: SampleOpts): number | NDArray<"float64">;
  exponential(scale: Param = 1, opts: SampleOpts = {}): number | NDArray<"float64"> {
    if (isOpts(scale)) [scale, opts] = [1, scale as SampleOpts];
    const bg = this.bitGenerator;
    return cont("exponential", opts.size, [
      { name: "scale", value: scale, check: "nonNegative" },
    ], (s) => s * standardExponential(bg));
  }

  /**
   * A random sample from `arange(a)` (a an integer) or from the entries of `a` along `axis`,
   * with NumPy's algorithms: with replacement by bounded integers (or the inverse CDF of `p`),
   * without by Floyd's algorithm or a tail shuffle (or rounds over `p`). Without `size` one
   * entry is returned (a bigint index when `a` is an integer).
   */
  choice(a: number | ArrayLike, opts: ChoiceOpts = {}): unknown {
    return choose(this.bitGenerator, "choice", a, opts, false);
  }

  /**
   * A shuffled copy of `x` along `axis` (an NDArray or array-like), or of `arange(x)` when `x`
   * is an integer.
   */
  permutation(x: number | ArrayLike, opts: AxisOpts = {}): NDArray {
    if (typeof x === "number") {
      if (!Number.isInteger(x) || x < 0) {
        throw new RangeError(`permutation: x must be a non-negative integer or an array, got ${x}`);
      }
      const out = new NDArray("int64", BigInt64Array.from({ length: x }, (_, i) => BigInt(i)), [x]);
      shuffleInPlace(this.bitGenerator, out, 0, "permutation");
      return out;
    }
    const arr = toArray(x, "permutation");
    const axis = opts.axis ?? 0;
    if (arr.ndim === 0) {
      throw new RangeError(`permutation: axis ${axis} is out of bounds for array of dimension 0`);
    }
    const ax = normalizeAxis(axis, arr.ndim, "permutation");
    if (arr.ndim === 1) {
      const out = copy(arr);
      shuffleInPlace(this.bitGenerator, out, 0, "permutation");
      return out;
    }
    const n = arr.shape[ax];
    const idx = new NDArray("int64", BigInt64Array.from({ length: n }, (_, i) => BigInt(i)), [n]);
    shuffleInPlace(this.bitGenerator, idx, 0, "permutation");
    return take(arr, idx, { axis: ax });
  }

  /** Shuffles `x` in place along `axis` (default 0): an NDArray, or a JS array. */
  shuffle(x: NDArray | unknown[], opts: AxisOpts = {}): void {
    shuffleInPlace(this.bitGenerator, x, opts.axis ?? 0, "shuffle");
  }
}

/**
 * A {@link Generator} on PCG64 seeded like NumPy's `np.random.default_rng(seed)`: from a
 * non-negative integer (number or bigint), an array of them, a {@link SeedSequence}, a
 * {@link PCG64} (wrapped) or a Generator (returned as is); fresh OS entropy when omitted.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const x = nd.random.defaultRng(0).standardNormal({ size: 3 });
 * assert.equal(x.shape[0], 3);
 * assert.equal(nd.random.defaultRng(0).normal(), 0.1257302210933933); // np.random.default_rng(0).normal()
 * ```
 */
export function defaultRng(seed?: SeedLike | SeedSequence | PCG64 | Generator): Generator {
  if (seed instanceof Generator) return seed;
  if (seed instanceof PCG64) return new Generator(seed);
  return new Generator(new PCG64(seed));
}
