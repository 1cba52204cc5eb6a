/**
 * `RandomState`: NumPy's legacy `numpy.random.RandomState` on MT19937, with its own Gaussian
 * (the polar method, caching the second value of each pair) and masked-rejection integers, so
 * `new RandomState(seed)` reproduces `np.random.RandomState(seed)` call for call.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { copy } from "../core/copy.ts";
import { shapeSize } from "../core/shape.ts";
import { take } from "../ops/manipulation/take.ts";
import { checkRange, cont, isOpts, type Param, type Size, sizeShape } from "./_common.ts";
import { type ChoiceOpts, choose } from "./_choice.ts";
import {
  drawIntegers,
  type IntegerBound,
  type IntegerDType,
  type IntegerScalar,
} from "./_integers.ts";
import { glibcLog } from "./_libm.ts";
import { shuffleInPlace } from "./_shuffle.ts";
import { type LegacySeed, MT19937, type MT19937State } from "./mt19937.ts";

/** Options of {@link RandomState.randint}. */
export interface RandintOpts {
  /** Output shape (one bigint when omitted, for the default int64). */
  size?: Size;
  /** Result dtype (default "int64", NumPy's `int` on 64-bit Linux). */
  dtype?: IntegerDType;
}

/** Options with a size only. */
export interface LegacySizeOpts {
  /** Output shape (one JS number when omitted, unless a parameter is an array). */
  size?: Size;
}

/** A RandomState's full state: the MT19937 state plus the cached Gaussian. */
export interface RandomStateState extends MT19937State {
  /** 1 when a Gaussian from the last pair is cached. */
  hasGauss: 0 | 1;
  /** The cached Gaussian. */
  gauss: number;
}

function dims(where: string, shape: number[]): number[] | null {
  for (const s of shape) {
    if (typeof s !== "number" || !Number.isInteger(s) || s < 0) {
      throw new RangeError(
        `${where}: dimensions must be non-negative integers, got ${shape.join(", ")}`,
      );
    }
  }
  return shape.length === 0 ? null : shape;
}

/**
 * NumPy's legacy `RandomState` (MT19937). `rand`/`randn` take dimensions as arguments; the other
 * methods take an options object with `size`. Without a size the result is one JS number (a
 * bigint for `randint`'s default int64).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const rs = new nd.random.RandomState(0);
 * assert.equal(rs.rand(), 0.5488135039273248); // np.random.RandomState(0).rand()
 * assert.equal(rs.randn(), 0.7415917408091613);
 * ```
 */
export class RandomState {
  /** The bit generator the draws come from. */
  readonly bitGenerator: MT19937;
  #hasGauss = false;
  #gauss = 0;

  /** Seeds like `np.random.RandomState(seed)` (OS entropy when omitted). */
  constructor(seed?: LegacySeed) {
    this.bitGenerator = new MT19937(seed);
  }

  /** Re-seeds (and forgets the cached Gaussian), like `RandomState.seed`. */
  seed(seed?: LegacySeed): void {
    this.bitGenerator.seed(seed);
    this.#hasGauss = false;
    this.#gauss = 0;
  }

  /** The state, including the cached Gaussian (NumPy's `get_state(legacy=False)`). */
  get state(): RandomStateState {
    return { ...this.bitGenerator.state, hasGauss: this.#hasGauss ? 1 : 0, gauss: this.#gauss };
  }

  /** Restores a state taken from {@link state}. */
  set state(st: RandomStateState) {
    this.bitGenerator.state = st;
    this.#hasGauss = st.hasGauss === 1;
    this.#gauss = st.gauss ?? 0;
  }

  /** One Gaussian: the polar method, two uniforms per pair, the second value cached. */
  #gaussian(): number {
    if (this.#hasGauss) {
      this.#hasGauss = false;
      const g = this.#gauss;
      this.#gauss = 0;
      return g;
    }
    const bg = this.bitGenerator;
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * bg.nextDouble() - 1;
      x2 = 2 * bg.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt(-2 * glibcLog(r2) / r2);
    this.#gauss = f * x1;
    this.#hasGauss = true;
    return f * x2;
  }

  /** Floats in [0, 1) (53 bits from two 32-bit draws). */
  randomSample(): number;
  /** Draws of the given shape. */
  randomSample(size: Size): NDArray<"float64">;
  /** One draw, or an array when a size is given. */
  randomSample(size?: Size): number | NDArray<"float64">;
  randomSample(size?: Size): number | NDArray<"float64"> {
    const shape = sizeShape(size, "randomSample");
    if (shape === null) return this.bitGenerator.nextDouble();
    const out = new Float64Array(shapeSize(shape));
    this.bitGenerator.fillDoubles(out, 0, out.length);
    return new NDArray("float64", out, shape);
  }

  /** NumPy's `random_sample` (alias of {@link randomSample}). */
  random_sample(size?: Size): number | NDArray<"float64"> {
    return this.randomSample(size);
  }

  /** NumPy's `random` (alias of {@link randomSample}). */
  random(size?: Size): number | NDArray<"float64"> {
    return this.randomSample(size);
  }

  /** Floats in [0, 1) of shape `dims` (`rand()` is one number). */
  rand(): number;
  /** Draws of the given shape. */
  rand(d0: number, ...dims: number[]): NDArray<"float64">;
  rand(...shape: number[]): number | NDArray<"float64"> {
    const s = dims("rand", shape);
    return s === null ? this.randomSample() as number : this.randomSample(s);
  }

  /** Standard normal draws of shape `dims` (`randn()` is one number). */
  randn(): number;
  /** Draws of the given shape. */
  randn(d0: number, ...dims: number[]): NDArray<"float64">;
  randn(...shape: number[]): number | NDArray<"float64"> {
    const s = dims("randn", shape);
    return s === null ? this.#gaussian() : this.standardNormal(s);
  }

  /** Standard normal draws (legacy polar method). */
  standardNormal(): number;
  /** Draws of the given shape. */
  standardNormal(size: Size): NDArray<"float64">;
  /** One draw, or an array when a size is given. */
  standardNormal(size?: Size): number | NDArray<"float64">;
  standardNormal(size?: Size): number | NDArray<"float64"> {
    const shape = sizeShape(size, "standardNormal");
    if (shape === null) return this.#gaussian();
    const out = new Float64Array(shapeSize(shape));
    for (let i = 0; i < out.length; i++) out[i] = this.#gaussian();
    return new NDArray("float64", out, shape);
  }

  /** Normal draws `loc + scale·z`; `scale` must be non-negative. */
  normal(loc: Param, scale: Param, opts: LegacySizeOpts & { size: Size }): NDArray<"float64">;
  /** One draw, or an array when a size is given. */
  normal(loc?: Param, scale?: Param, opts?: LegacySizeOpts): number | NDArray<"float64">;
  normal(loc: Param = 0, scale: Param = 1, opts: LegacySizeOpts = {}): number | NDArray<"float64"> {
    if (isOpts(loc)) [loc, opts] = [0, loc as LegacySizeOpts];
    else if (isOpts(scale)) [scale, opts] = [1, scale as LegacySizeOpts];
    return cont("normal", opts.size, [
      { name: "loc", value: loc, check: "none" },
      { name: "scale", value: scale, check: "nonNegative" },
    ], (m, s) => m + s * this.#gaussian());
  }

  /** Floats in [low, high) as `low + (high - low)·u` (high < low allowed, as in NumPy). */
  uniform(low: Param, high: Param, opts: LegacySizeOpts & { size: Size }): NDArray<"float64">;
  /** One draw, or an array when a size is given. */
  uniform(low?: Param, high?: Param, opts?: LegacySizeOpts): number | NDArray<"float64">;
  uniform(low: Param = 0, high: Param = 1, opts: LegacySizeOpts = {}): number | NDArray<"float64"> {
    if (isOpts(low)) [low, opts] = [0, low as LegacySizeOpts];
    else if (isOpts(high)) [high, opts] = [1, high as LegacySizeOpts];
    const bg = this.bitGenerator;
    return cont(
      "uniform",
      opts.size,
      [{ name: "low", value: low, check: "none" }, { name: "high", value: high, check: "none" }],
      (lo, hi) => lo + (hi - lo) * bg.nextDouble(),
      (lo, hi) => checkRange("uniform", lo, hi, false),
    );
  }

  /**
   * Integers in [low, high), or [0, low) when `high` is omitted, by NumPy's legacy masked
   * rejection. int64 by default: without `size` the result is a bigint. Array bounds broadcast
   * against each other (and `size`), one draw per element in C order, as in NumPy.
   */
  randint(low: IntegerBound, opts?: RandintOpts): IntegerScalar | NDArray;
  /** One draw, or an array when a size is given or a bound is an array. */
  randint(
    low: IntegerBound,
    high: IntegerBound | undefined,
    opts?: RandintOpts,
  ): IntegerScalar | NDArray;
  randint(
    low: IntegerBound,
    high?: IntegerBound | RandintOpts,
    opts: RandintOpts = {},
  ): IntegerScalar | NDArray {
    if (isOpts(high)) [high, opts] = [undefined, high as RandintOpts];
    const dtype = opts.dtype ?? "int64";
    return drawIntegers(this.bitGenerator, "randint", low, high, opts.size, dtype, false, true);
  }

  /** A random sample from `arange(a)` or the 1-D array `a` (NumPy's legacy algorithms). */
  choice(a: number | ArrayLike, opts: Omit<ChoiceOpts, "axis" | "shuffle"> = {}): unknown {
    return choose(this.bitGenerator, "choice", a, opts, true);
  }

  /** A shuffled copy of `x` along axis 0, or of `arange(x)` when `x` is an integer. */
  permutation(x: number | ArrayLike): NDArray {
    if (typeof x === "number") {
      if (!Number.isInteger(x) || x < 0) {
        throw new RangeError(`permutation: x must be a non-negative integer or an array, got ${x}`);
      }
      const out = new NDArray("int64", BigInt64Array.from({ length: x }, (_, i) => BigInt(i)), [x]);
      /** One draw, or an array when a size is given. */
      shuffleInPlace(this.bitGenerator, out, 0, "permutation");
      return out;
    }
    const arr = toArray(x, "permutation");
    if (arr.ndim === 0) {
      throw new RangeError("permutation: x must be an integer or at least 1-dimensional");
    }
    if (arr.ndim === 1) {
      const out = copy(arr);
      /** One draw, or an array when a size is given. */
      shuffleInPlace(this.bitGenerator, out, 0, "permutation");
      return out;
    }
    const n = arr.shape[0];
    const idx = new NDArray("int64", BigInt64Array.from({ length: n }, (_, i) => BigInt(i)), [n]);
    /** One draw, or an array when a size is given. */
    shuffleInPlace(this.bitGenerator, idx, 0, "permutation");
    return take(arr, idx, { axis: 0 });
  }

  /** Shuffles `x` in place along axis 0: an NDArray, or a JS array. */
  shuffle(x: NDArray | unknown[]): void {
    /** One draw, or an array when a size is given. */
    shuffleInPlace(this.bitGenerator, x, 0, "shuffle");
  }
}
