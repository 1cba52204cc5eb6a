/**
 * `ufunc`: a compiled ufunc from a scalar JS function (numba's `@vectorize`).
 *
 * @module
 */

import { allocate, checkDType, type DType, DTYPES, viewBuffer } from "../core/dtype.ts";
import { assertLive, NDArray } from "../core/ndarray.ts";
import { canCast, type Casting, promoteWeak, resultType, weakKind } from "../core/promotion.ts";
import {
  broadcastShapes,
  broadcastStrides,
  fmtShape,
  shapesEqual,
  shapeSize,
} from "../core/shape.ts";
import { HELPERS, type LoopSpec, type Operand, runLoop } from "../core/_kernel.ts";
import { toArray } from "../core/asarray.ts";
import { writeScalar } from "../core/_scalar.ts";
import { copy, copyInto, sharesBuffer } from "../core/copy.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { type Body, makeUfunc, type Ufunc, type UfuncOpts } from "../ops/ufunc.ts";
// The built-in ufuncs register the kernel helpers (`fexp`) that `fastmath` bodies call: loaded
// here, they are in place in every thread that compiles a ufunc (workers included).
import "../ops/elementwise.ts";
import { type UfuncCall, withProtocol } from "./protocol.ts";
import { analyzeInline, compileSource, notSelfContained } from "./_inline.ts";
import {
  type Job,
  PARALLEL_MIN_SIZE,
  participants,
  registerExecutor,
  runParallel,
} from "./_parallel.ts";
import { allocateShared } from "./shared.ts";

/** The loop dtypes a compiled ufunc may be fixed to (numbers in JS: no bigint, no complex). */
export type UfuncLoopDType =
  | "float64"
  | "float32"
  | "float16"
  | "int32"
  | "int16"
  | "int8"
  | "uint32"
  | "uint16"
  | "uint8";

const LOOP_DTYPES: readonly UfuncLoopDType[] = [
  "float64",
  "float32",
  "float16",
  "int32",
  "int16",
  "int8",
  "uint32",
  "uint16",
  "uint8",
];

/** Options of {@linkcode ufunc}. */
export interface CompiledUfuncOpts {
  /** Number of inputs (default `fn.length`, the number of declared parameters). */
  nin?: number;
  /**
   * Fixes the loop dtype: inputs are cast to it (with "same_kind" casting: a float input
   * cannot go to an integer loop), `fn` runs on those values and its results are stored as
   * that dtype. By default the loop is float32 when the inputs promote to float32 or float16,
   * and float64 otherwise (integer and bool inputs are cast to float64, as NumPy's float loops).
   */
  dtype?: UfuncLoopDType;
  /** The identity for reductions (default null). */
  identity?: number | null;
  /** The ufunc's name (default `fn.name`, or `"anonymous"`). */
  name?: string;
  /**
   * Compute `Math.exp` in inlined bodies with nd's own exp (the one `nd.exp` uses): within
   * 1 ulp of `Math.exp` and 1.6× faster, so results may differ from `fn`'s in the last bit
   * (numba's `fastmath` also trades exactness for speed). Default false: the values `fn`
   * returns, exactly.
   */
  fastmath?: boolean;
  /**
   * Split calls on large inputs across worker threads (see `toShared`): calls with at least
   * `PARALLEL_MIN_SIZE` elements whose arrays are all in shared memory, when `fn` is
   * self-contained (it reads no variable of an enclosing scope: workers rebuild it from its
   * source). Other calls run serially; results are the same either way.
   */
  parallel?: boolean;
}

/** A compiled ufunc: a full {@linkcode Ufunc}, plus how it was compiled. */
export interface CompiledUfunc extends Ufunc {
  /** True when `fn`'s body was inlined into the loops (no call per element). */
  readonly inlined: boolean;
  /** Why the body was not inlined (the loops then call `fn`), or null. */
  readonly inlineReason: string | null;
  /** True when large calls on shared arrays run on the worker pool. */
  readonly parallel: boolean;
  /** Why calls stay serial although `parallel` was asked for, or null. */
  readonly parallelReason: string | null;
}

// ---- names and the functions that fallback loops call ----

/** Internal names (used in messages and in the kernel cache keys) and what they compile. */
const NAMES = new Map<string, string>();

/**
 * The internal name of a ufunc: `ufunc <name>`, numbered when another function already uses
 * it (the loop cache is keyed by it); the space keeps it apart from every built-in ufunc.
 */
function internalName(base: string, identity: string): string {
  for (let k = 1;; k++) {
    const n = k === 1 ? `ufunc ${base}` : `ufunc ${base}#${k}`;
    const owner = NAMES.get(n);
    if (owner === undefined) NAMES.set(n, identity);
    if (owner === undefined || owner === identity) return n;
  }
}

/** The functions the fallback loops call, by id (cleared when their ufunc is collected). */
const FNS: (((...xs: number[]) => unknown) | undefined)[] = [];
HELPERS.$ufn = FNS;
const RELEASE = new FinalizationRegistry<number>((id) => {
  FNS[id] = undefined;
});

// ---- dtype rules ----

function loopOf(common: DType, fixed: DType | undefined): DType {
  return fixed ?? (common === "float32" || common === "float16" ? "float32" : "float64");
}

/** Why inputs of these dtypes are refused, or null. */
function refusal(inputs: readonly DType[], fixed: DType | undefined): string | null {
  for (const d of inputs) {
    if (DTYPES[d].kind === "c") {
      return `complex inputs (${d}) are not supported: the function runs on real numbers`;
    }
    if (fixed !== undefined && !canCast(d, fixed, { casting: "same_kind" })) {
      return `cannot cast an input from ${d} to the loop dtype ${fixed} with casting rule "same_kind"`;
    }
  }
  return null;
}

function isOpts(x: unknown): x is UfuncOpts {
  return typeof x === "object" && x !== null && !(x instanceof NDArray) && !Array.isArray(x) &&
    !ArrayBuffer.isView(x) && weakKind(x) === undefined;
}

const CASTINGS: readonly Casting[] = ["no", "equiv", "safe", "same_kind", "unsafe"];

const INT_RANGE: Partial<Record<DType, [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
};

/**
 * A ufunc of three or more inputs, with the same rules as `makeUfunc` (whose definitions take
 * one or two): broadcasting, weak scalars, `{ out, where, dtype, casting }`.
 */
function makeN(
  name: string,
  nin: number,
  fixed: DType | undefined,
  body: Body,
  identity: number | null,
): Ufunc {
  const loops: DType[] = fixed ? [fixed] : ["float32", "float64"];
  const specs = new Map<DType, LoopSpec>();
  const specFor = (d: DType): LoopSpec => {
    let s = specs.get(d);
    if (!s) {
      const key = `${name}:${Array(nin).fill(d).join(",")}->${d}`;
      specs.set(d, s = { key, loopIn: Array(nin).fill(d), loopOut: [d], body });
    }
    return s;
  };
  const call = (...args: (ArrayLike | UfuncOpts)[]): NDArray => {
    let opts: UfuncOpts = {};
    if (args.length === nin + 1 && (isOpts(args[nin]) || args[nin] === undefined)) {
      opts = (args.pop() as UfuncOpts | undefined) ?? {};
    }
    if (args.length !== nin) {
      throw new TypeError(`${name}: expected ${nin} array argument(s), got ${args.length}`);
    }
    const casting = opts.casting ?? "same_kind";
    if (!CASTINGS.includes(casting)) {
      throw new RangeError(
        `${name}: casting must be one of ${CASTINGS.map((c) => `"${c}"`).join(", ")}, got ${
          JSON.stringify(casting) ?? String(casting)
        }`,
      );
    }
    const arrays: (NDArray | null)[] = [];
    const kinds: DType[] = [];
    let strong: DType | undefined;
    let weak: "int" | "float" | "complex" | undefined;
    const rank = ["int", "float", "complex"];
    for (const a of args as ArrayLike[]) {
      const w = weakKind(a);
      if (w !== undefined && w !== "bool") {
        arrays.push(null);
        kinds.push(promoteWeak(undefined, w));
        if (weak === undefined || rank.indexOf(w) > rank.indexOf(weak)) weak = w;
      } else {
        const arr = toArray(a, name);
        arrays.push(arr);
        kinds.push(arr.dtype);
        strong = strong === undefined ? arr.dtype : resultType(strong, arr.dtype);
      }
    }
    const why = refusal(kinds, fixed);
    if (why) throw new TypeError(`${name}: ${why}`);
    let loop: DType;
    if (opts.dtype !== undefined) {
      const want = checkDType(opts.dtype, name);
      if (!loops.includes(want)) {
        throw new TypeError(
          `${name}: no loop produces dtype ${want}: loops are ${loops.join(", ")}`,
        );
      }
      loop = want;
      arrays.forEach((a, i) => {
        if (a && !canCast(a.dtype, loop, { casting })) {
          throw new TypeError(
            `${name}: cannot cast input ${i} from ${a.dtype} to ${loop} with casting rule "${casting}"`,
          );
        }
      });
    } else {
      loop = loopOf(promoteWeak(strong, weak), fixed);
    }
    const ins = arrays.map((a, i) => {
      if (a) return a;
      const v = args[i] as number | bigint;
      const lim = INT_RANGE[loop];
      if (lim && (Number(v) < lim[0] || Number(v) > lim[1])) {
        throw new RangeError(`${name}: JS integer ${v} is out of bounds for ${loop}`);
      }
      const data = allocate(loop, 1);
      writeScalar(data, loop, 0, typeof v === "bigint" ? Number(v) : v);
      return new NDArray(loop, data, []);
    });
    const where = opts.where === undefined ? undefined : toArray(opts.where, name, "bool");
    const shapes = ins.map((a) => a.shape);
    if (where) shapes.push(where.shape);
    let shape = broadcastShapes(...shapes);
    let out = opts.out;
    if (out !== undefined) {
      if (!(out instanceof NDArray)) throw new TypeError(`${name}: out must be an NDArray`);
      const withOut = broadcastShapes(shape, out.shape);
      if (!shapesEqual(withOut, out.shape)) {
        throw new TypeError(
          `${name}: non-broadcastable output operand with shape ${
            fmtShape(out.shape)
          } doesn't match the broadcast shape ${fmtShape(withOut)}`,
        );
      }
      if (!canCast(loop, out.dtype, { casting })) {
        throw new TypeError(
          `${name}: cannot cast output from ${loop} to ${out.dtype} with casting rule "${casting}"`,
        );
      }
      assertLive(out, name);
      if (!out.flags.writeable) throw new TypeError(`${name}: output array is read-only`);
      shape = withOut;
    } else {
      out = new NDArray(loop, allocate(loop, shapeSize(shape)), shape);
    }
    const dst = out;
    const operands: Operand[] = ins.map((a) => {
      const same = a.offset === dst.offset && shapesEqual(a.strides, dst.strides) &&
        shapesEqual(a.shape, dst.shape);
      const src = opts.out && sharesBuffer(a, dst) && !same ? copy(a) : a;
      return {
        data: src.data,
        dtype: src.dtype,
        offset: src.offset,
        strides: broadcastStrides(src.shape, src.strides, shape),
      };
    });
    // Results are values of the loop dtype before any cast to another `out` dtype.
    const direct = dst.dtype === loop || loop === "float64";
    const dest = direct ? dst : new NDArray(loop, allocate(loop, shapeSize(shape)), shape);
    operands.push({
      data: dest.data,
      dtype: dest.dtype,
      offset: dest.offset,
      strides: dest.strides,
    });
    if (where && direct) {
      operands.push({
        data: where.data,
        dtype: "bool",
        offset: where.offset,
        strides: broadcastStrides(where.shape, where.strides, shape),
      });
    }
    runLoop(specFor(loop), shape, operands);
    if (!direct) copyInto(dst, dest, where as NDArray<"bool"> | undefined);
    return dst;
  };
  return withProtocol(call, {
    name,
    nin,
    nout: 1,
    identity,
    types: loops.map((d) => DTYPES[d].char.repeat(nin) + "->" + DTYPES[d].char),
    acceptsOut: true,
  });
}

// ---- parallel calls ----

/** Where a parallel job finds an array: its shared buffer and its layout over the loop. */
interface OperandDesc {
  buffer: SharedArrayBuffer;
  byteOffset: number;
  /** Typed-array slots. */
  length: number;
  dtype: DType;
  offset: number;
  /** Strides over the job's full loop shape (0 on broadcast axes). */
  strides: number[];
}

interface UfuncJob extends Job {
  kind: "ufunc";
  src: string;
  nin: number;
  fixed: UfuncLoopDType | undefined;
  fastmath: boolean;
  name: string;
  shape: number[];
  axis: number;
  args: ({ scalar: number | bigint } | OperandDesc)[];
  out: OperandDesc;
  where: OperandDesc | null;
  dtype: DType | undefined;
  casting: Casting | undefined;
}

function describe(a: NDArray, shape: readonly number[]): OperandDesc {
  return {
    buffer: a.data.buffer as SharedArrayBuffer,
    byteOffset: a.data.byteOffset,
    length: a.data.length,
    dtype: a.dtype,
    offset: a.offset,
    strides: broadcastStrides(a.shape, a.strides, shape),
  };
}

const CHUNKS_PER_THREAD = 8, MIN_CHUNK = 1 << 15;

/** How a loop shape is cut: along which axis, in how many chunks. */
function cut(shape: readonly number[]): { axis: number; nchunks: number } {
  const want = Math.max(
    1,
    Math.min(participants() * CHUNKS_PER_THREAD, Math.ceil(shapeSize(shape) / MIN_CHUNK)),
  );
  let axis = shape.findIndex((n) => n >= want);
  if (axis < 0) axis = shape.indexOf(Math.max(...shape));
  return { axis, nchunks: Math.min(want, shape[axis]) };
}

/** The bounds of chunk `c` of `n` over `extent` positions. */
function bounds(c: number, n: number, extent: number): [number, number] {
  return [Math.floor((c * extent) / n), Math.floor(((c + 1) * extent) / n)];
}

function viewOf(
  d: OperandDesc,
  shape: readonly number[],
  axis: number,
  lo: number,
  hi: number,
): NDArray {
  const data = viewBuffer(d.dtype, d.buffer, d.byteOffset, d.length / DTYPES[d.dtype].lanes);
  const sh = shape.slice();
  sh[axis] = hi - lo;
  return new NDArray(d.dtype, data, sh, d.strides, d.offset + lo * d.strides[axis]);
}

registerExecutor<UfuncJob, Ufunc>("ufunc", {
  build: (job) =>
    ufunc(compileSource(job.src) as (...xs: number[]) => number, {
      nin: job.nin,
      dtype: job.fixed,
      fastmath: job.fastmath,
      name: job.name,
    }),
  run: (impl, job, c) => {
    const [lo, hi] = bounds(c, job.nchunks, job.shape[job.axis]);
    const v = (d: OperandDesc) => viewOf(d, job.shape, job.axis, lo, hi);
    const args = job.args.map((a) => ("scalar" in a ? a.scalar : v(a)));
    impl(...args, {
      out: v(job.out),
      where: job.where ? v(job.where) : undefined,
      dtype: job.dtype,
      casting: job.casting,
    });
  },
});

const shared = (a: unknown): a is NDArray =>
  a instanceof NDArray && a.data.buffer instanceof SharedArrayBuffer;

/**
 * Runs a call of a parallel ufunc on the pool, or returns null when it must run serially
 * (small, arrays not in shared memory, or anything unusual: the serial call then also raises
 * the errors with their usual messages).
 */
function callParallel(
  inner: Ufunc,
  meta: {
    src: string;
    nin: number;
    fixed: UfuncLoopDType | undefined;
    fastmath: boolean;
    name: string;
    key: string;
  },
  argsIn: readonly (ArrayLike | UfuncOpts)[],
): NDArray | null {
  const args = argsIn.slice();
  const nin = meta.nin;
  let opts: UfuncOpts = {};
  if (args.length === nin + 1 && isOpts(args[nin])) opts = args.pop() as UfuncOpts;
  if (args.length !== nin) return null;
  const scalarOk = (a: unknown) =>
    (typeof a === "number" || typeof a === "bigint") && weakKind(a) !== undefined;
  if (!args.every((a) => shared(a) || scalarOk(a))) return null;
  if (opts.out !== undefined && !shared(opts.out)) return null;
  if (opts.where !== undefined && !(shared(opts.where) && opts.where.dtype === "bool")) return null;
  const arrays = args.filter(shared);
  let shape: number[];
  try {
    shape = broadcastShapes(
      ...arrays.map((a) => a.shape),
      ...(opts.where ? [(opts.where as NDArray).shape] : []),
    );
    if (opts.out) {
      if (!shapesEqual(broadcastShapes(shape, opts.out.shape), opts.out.shape)) return null;
      shape = opts.out.shape.slice();
    }
  } catch {
    return null;
  }
  if (shapeSize(shape) < PARALLEL_MIN_SIZE) return null;
  if (
    opts.out && arrays.some((a) =>
      sharesBuffer(a, opts.out!) &&
      !(a.offset === opts.out!.offset && shapesEqual(a.strides, opts.out!.strides) &&
        shapesEqual(a.shape, opts.out!.shape))
    )
  ) {
    return null;
  }
  // The result dtype, and every check of the serial call, from a call on empty arrays.
  const empty = (d: DType) => new NDArray(d, allocate(d, 0), [0]);
  let dtype: DType;
  try {
    dtype = inner(...args.map((a) => (shared(a) ? empty(a.dtype) : a)), {
      dtype: opts.dtype,
      casting: opts.casting,
      out: opts.out ? empty(opts.out.dtype) : undefined,
      where: opts.where ? empty("bool") : undefined,
    }).dtype;
  } catch {
    return null;
  }
  const out = opts.out ??
    new NDArray(dtype, allocateShared(dtype, shapeSize(shape)), shape);
  const { axis, nchunks } = cut(shape);
  const job: UfuncJob = {
    kind: "ufunc",
    key: meta.key,
    nchunks,
    src: meta.src,
    nin,
    fixed: meta.fixed,
    fastmath: meta.fastmath,
    name: meta.name,
    shape,
    axis,
    args: args.map((a) => (shared(a) ? describe(a, shape) : { scalar: a as number | bigint })),
    out: describe(out, shape),
    where: opts.where ? describe(opts.where as NDArray, shape) : null,
    dtype: opts.dtype,
    casting: opts.casting,
  };
  // Elementwise work can always be redone: a worker's failure falls back to a serial call.
  const done = runParallel(job, inner);
  if (done !== true) inner(...args, { ...opts, out });
  return out;
}

// ---- ufunc ----

/**
 * A compiled ufunc from a scalar function over numbers — numba's `@vectorize`: the result is
 * a full {@linkcode Ufunc} (broadcasting, `{ out, where, dtype, casting }`, `reduce`,
 * `accumulate`, `outer`, `at`) whose loops are generated per input dtype and stride pattern.
 *
 * When `fn` is an arrow function whose body is an expression (or `const`/`let` declarations
 * and a final `return`) over its parameters, its locals and the safe globals `Math`, `Number`,
 * `Infinity`, `NaN`, `isNaN`, `isFinite` and `undefined`, its body is inlined into the loops:
 * the hot loop has no call. Otherwise (a closure over outer variables, a `function`, default
 * or destructured parameters, statements other than declarations...) the loops call `fn` per
 * element. `inlined` and `inlineReason` tell which happened. Either way the results are the
 * same values `fn` returns, stored as the loop dtype (see {@linkcode CompiledUfuncOpts.dtype}).
 * Conditional chains over parameters and numeric constants, such as a clip, are generated
 * without branches.
 *
 * Create a ufunc once and call it many times: each one compiles its own loops.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * import { ufunc } from "./compiled_ufunc.ts";
 * const swish = ufunc((x: number) => x / (1 + Math.exp(-x)), { name: "swish" });
 * assert(swish.inlined && swish.nin === 1 && swish.name === "swish");
 * assert.equal(swish([0, 1]).get(1), 1 / (1 + Math.exp(-1)));
 * const clip = ufunc((x: number) => (x < -1 ? -1 : x > 1 ? 1 : x));
 * assert.deepEqual(clip(nd.array([-3, 0.5, 2], { dtype: "float32" })).toArray(), [-1, 0.5, 1]);
 * const k = 3;
 * const times = ufunc((x: number, y: number) => k * x + y); // a closure: called per element
 * assert(!times.inlined);
 * assert.deepEqual(times([1, 2], 1).toArray(), [4, 7]);
 * ```
 */
export function ufunc(
  fn: (...xs: number[]) => number | boolean,
  opts: CompiledUfuncOpts = {},
): CompiledUfunc {
  if (typeof fn !== "function") {
    throw new TypeError(`ufunc: fn must be a function, got ${fn === null ? "null" : typeof fn}`);
  }
  const nin = opts.nin ?? fn.length;
  if (!Number.isInteger(nin) || nin < 1 || nin > 32) {
    throw new RangeError(
      `ufunc: nin must be an integer from 1 to 32, got ${nin}${
        opts.nin === undefined ? ` (fn declares ${fn.length} parameters): pass { nin }` : ""
      }`,
    );
  }
  const fixed = opts.dtype;
  if (fixed !== undefined) {
    checkDType(fixed, "ufunc");
    if (!LOOP_DTYPES.includes(fixed)) {
      throw new RangeError(
        `ufunc: unsupported loop dtype ${fixed}: expected one of ${LOOP_DTYPES.join(", ")}`,
      );
    }
  }
  const identity = opts.identity ?? null;
  if (identity !== null && typeof identity !== "number") {
    throw new TypeError(`ufunc: identity must be a number or null, got ${typeof identity}`);
  }
  const base = opts.name ?? (fn.name || "anonymous");
  if (typeof base !== "string" || base === "" || /[\n\r\u2028\u2029]/.test(base)) {
    throw new TypeError(
      `ufunc: name must be a non-empty string on one line, got ${JSON.stringify(base)}`,
    );
  }
  const src = Function.prototype.toString.call(fn);
  const fastmath = opts.fastmath === true;
  const inl = analyzeInline(fn, nin, { fastmath });
  let id = -1;
  const identityKey = inl.inlined
    ? `inline|${fixed ?? "fd"}|${nin}|${fastmath}|${src}`
    : `call|${id = FNS.push(fn) - 1}`;
  const name = internalName(base, identityKey);
  const body: Body = inl.inlined
    ? (x, r) => inl.body(x, r[0])
    : (x, r) => `${r[0]} = $ufn[${id}](${x.join(", ")});`;
  const inner = nin <= 2
    ? makeUfunc({
      name,
      nin: nin as 1 | 2,
      types: fixed ? DTYPES[fixed].char : "fd",
      body: () => body,
      identity,
      resolve: (common) => loopOf(common, fixed),
      refuse: (ins) => refusal(ins, fixed),
    })
    : makeN(name, nin, fixed, body, identity);
  let parallelReason: string | null = null;
  if (opts.parallel) parallelReason = inl.inlined ? null : notSelfContained(fn);
  const parallel = opts.parallel === true && parallelReason === null;
  let result = inner;
  if (parallel) {
    const meta = { src, nin, fixed, fastmath, name: base, key: `ufunc|${identityKey}` };
    const call: UfuncCall = (...args) => callParallel(inner, meta, args) ?? inner(...args);
    const loops: DType[] = fixed ? [fixed] : ["float32", "float64"];
    result = withProtocol(call, {
      name,
      nin,
      nout: 1,
      identity,
      types: inner.types,
      acceptsOut: true,
      loopBody: nin === 2 ? (d) => (loops.includes(d) ? body : null) : undefined,
    });
  }
  Object.defineProperties(result, {
    name: { value: base, configurable: true },
    ufuncName: { value: base, configurable: true },
    inlined: { value: inl.inlined },
    inlineReason: { value: inl.inlined ? null : inl.reason },
    parallel: { value: parallel },
    parallelReason: {
      value: opts.parallel && parallelReason !== null
        ? `${parallelReason}: workers rebuild the function from its source`
        : null,
    },
  });
  if (id >= 0) RELEASE.register(result, id);
  return result as CompiledUfunc;
}
