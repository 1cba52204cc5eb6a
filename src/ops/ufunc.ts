/**
 * Universal functions: elementwise operations with NumPy's broadcasting, type resolution
 * (loop tables in NumPy's order, NEP 50 weak scalars) and `{ out, where, dtype }` options.
 *
 * @module
 */

import {
  allocate,
  checkDType,
  type Complex,
  type DType,
  dtypeFromChar,
  DTYPES,
} from "../core/dtype.ts";
import { assertLive, NDArray } from "../core/ndarray.ts";
import {
  canCast,
  type Casting,
  promoteWeak,
  resultType,
  type WeakKind,
  weakKind,
} from "../core/promotion.ts";
import {
  broadcastShapes,
  broadcastStrides,
  fmtShape,
  shapesEqual,
  shapeSize,
} from "../core/shape.ts";
import { type LoopSpec, type Operand, runLoop } from "../core/_kernel.ts";
import { toArray } from "../core/asarray.ts";
import { type ScalarLike, writeScalar } from "../core/_scalar.ts";
import { copy, copyInto, sharesBuffer } from "../core/copy.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { RedOp } from "./reduce/_engine.ts";
import { withProtocol } from "../ufunc/protocol.ts";

/** Options every ufunc call accepts. */
export interface UfuncOpts {
  /** Array to write the result into (its shape must be the broadcast shape). */
  out?: NDArray;
  /** Bool mask: only elements where it is true are computed (others keep `out`'s values). */
  where?: ArrayLike;
  /** The loop's output dtype (inputs are cast with the `casting` rule). */
  dtype?: DType;
  /** How inputs may be cast to the loop's types and results to `out` (default "same_kind"). */
  casting?: Casting;
}

/** Options of {@linkcode Ufunc.reduce}. */
export interface UfuncReduceOpts {
  /** Axis or axes to reduce; null for all; 0 when omitted (as NumPy's `reduce`). */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as size-1 dimensions. */
  keepdims?: boolean;
  /** The value the reduction starts from (needed for empty reductions without identity). */
  initial?: number | bigint | boolean | Complex | null;
  /** Bool mask (broadcast to the input): only elements where it is true are reduced. */
  where?: ArrayLike;
  /** The loop dtype (and result dtype). */
  dtype?: DType;
  /** Array to write the result into (the reduced shape). */
  out?: NDArray;
}

/** Options of {@linkcode Ufunc.accumulate} and {@linkcode Ufunc.reduceat}. */
export interface UfuncAccumulateOpts {
  /** The axis to work along (default 0; a one-element list is accepted, as by NumPy). */
  axis?: number | readonly number[];
  /** The loop dtype (and result dtype). */
  dtype?: DType;
  /** Array to write the result into. */
  out?: NDArray;
}

/**
 * Indices of {@linkcode Ufunc.at}: an integer, a slice string (`"1:3"`), an integer array
 * (repeated indices accumulate), a bool mask, or a list with one such entry per axis.
 */
export type UfuncAtIndices =
  | number
  | string
  | ArrayLike
  | readonly (number | string | ArrayLike | null)[];

/** A universal function: callable with NumPy broadcasting, plus its methods and metadata. */
export interface Ufunc {
  (...args: (ArrayLike | UfuncOpts)[]): NDArray;
  /** NumPy's name (`"add"`). */
  readonly name: string;
  /** NumPy's name (`"add"`), as `name`. */
  readonly ufuncName: string;
  /** Number of array inputs. */
  readonly nin: number;
  /** Number of outputs. */
  readonly nout: number;
  /** The identity element for reductions, or null (NumPy's `identity`). */
  readonly identity: number | bigint | boolean | null;
  /** The loop signatures in NumPy's notation (`"dd->d"`), in resolution order. */
  readonly types: readonly string[];
  /** Reduces `a` along `axis` (default 0) by applying the ufunc repeatedly. */
  reduce(a: ArrayLike, opts?: UfuncReduceOpts): NDArray;
  /** The running reduction along `axis` (default 0): same shape as `a`. */
  accumulate(a: ArrayLike, opts?: UfuncAccumulateOpts): NDArray;
  /** Reductions over the slices `indices[i]:indices[i+1]` along `axis` (default 0). */
  reduceat(a: ArrayLike, indices: ArrayLike, opts?: UfuncAccumulateOpts): NDArray;
  /** The ufunc applied to every pair: the result's shape is `a.shape` + `b.shape`. */
  outer(a: ArrayLike, b: ArrayLike, opts?: UfuncOpts): NDArray;
  /** Applies the ufunc in place at `indices` of `a`, unbuffered (repeated indices accumulate). */
  at(a: NDArray, indices: UfuncAtIndices, b?: ArrayLike): void;
}

/** How a ufunc computes one element for a given loop dtype. */
export type Body = (x: readonly string[], r: readonly string[]) => string;

/** The definition a ufunc is made from. */
export interface UfuncDef {
  /** NumPy's name, used in messages and cache keys. */
  name: string;
  nin: 1 | 2;
  /** Input type chars of the loops, in NumPy's order (`"?bBhHiIlLQefdFD"`). */
  types: string;
  /** Output dtype of a loop: the same, bool, or the real type of a complex input. */
  out?: "same" | "bool" | "real";
  /** The element code for a loop dtype, or null where no loop exists. */
  body: (d: DType) => Body | null;
  identity?: number | null;
  /** Overrides the common type before the loop search (true division of ints → float64). */
  resolve?: (common: DType, inputs: readonly DType[]) => DType;
  /** A custom check on the input dtypes (throws a TypeError to refuse). */
  refuse?: (inputs: readonly DType[]) => string | null;
}

interface Loop {
  in: DType;
  out: DType;
}

function loopsOf(def: UfuncDef): Loop[] {
  const seen = new Set<DType>();
  const loops: Loop[] = [];
  for (const c of def.types) {
    const d = dtypeFromChar(c);
    if (!d || seen.has(d)) continue;
    seen.add(d);
    const out: DType = def.out === "bool"
      ? "bool"
      : def.out === "real" && DTYPES[d].kind === "c"
      ? (d === "complex64" ? "float32" : "float64")
      : d;
    loops.push({ in: d, out });
  }
  return loops;
}

const CHAR = (d: DType) => DTYPES[d].char;

function isOpts(x: unknown): x is UfuncOpts {
  return typeof x === "object" && x !== null && !(x instanceof NDArray) && !Array.isArray(x) &&
    !ArrayBuffer.isView(x) && weakKind(x) === undefined;
}

/** Integer range of an integer dtype, as bigints. */
function intRange(d: DType): [bigint, bigint] {
  const bits = BigInt(DTYPES[d].itemsize * 8);
  return DTYPES[d].kind === "u"
    ? [0n, (1n << bits) - 1n]
    : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
}

function isIntDType(d: DType): boolean {
  return DTYPES[d].kind === "i" || DTYPES[d].kind === "u";
}

/** Whether a JS integer scalar lies in the range of integer dtype `d`. */
function fits(v: unknown, d: DType): boolean {
  if (typeof v !== "number" && typeof v !== "bigint") return true;
  if (typeof v === "number" && !Number.isInteger(v)) return true;
  const [lo, hi] = intRange(d);
  const b = BigInt(v);
  return b >= lo && b <= hi;
}

/** A 0-d array holding a weak scalar converted to the loop dtype, range-checked as NumPy 2. */
const INT_LIMITS: Partial<Record<DType, [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
};

function scalarOperand(v: unknown, loop: DType, name: string): NDArray {
  const k = DTYPES[loop].kind;
  if ((k === "i" || k === "u") && (typeof v === "number" || typeof v === "bigint")) {
    const inRange = typeof v === "number" && !DTYPES[loop].bigint
      ? v >= INT_LIMITS[loop]![0] && v <= INT_LIMITS[loop]![1]
      : (() => {
        const [lo, hi] = intRange(loop);
        const b = BigInt(v);
        return b >= lo && b <= hi;
      })();
    if (!inRange) throw new RangeError(`${name}: JS integer ${v} is out of bounds for ${loop}`);
  }
  // A 0-d array of the loop dtype, written directly (no nested-array inspection).
  const data = allocate(loop, 1);
  writeScalar(data, loop, 0, v as ScalarLike);
  return new NDArray(loop, data, []);
}

/**
 * Strides for a new output that follows the memory order of the first input that is not
 * broadcast (NumPy's default `order="K"`): a transposed input gives a transposed output, so
 * that later reductions over it add in the same order as NumPy. Undefined means C order.
 */
function keepOrderStrides(ins: readonly NDArray[], shape: readonly number[]): number[] | undefined {
  if (shape.length < 2) return undefined;
  const ref = ins.find((a) => a.ndim === shape.length && shapesEqual(a.shape, shape));
  if (!ref || ref.flags.cContiguous) return undefined;
  // Size-1 axes do not affect the layout: put them outermost; sort the others by stride.
  const axes = shape.map((_, i) => i);
  const perm = [
    ...axes.filter((i) => shape[i] === 1),
    ...axes.filter((i) => shape[i] !== 1).sort((x, y) =>
      Math.abs(ref.strides[y]) - Math.abs(ref.strides[x]) || x - y
    ),
  ];
  const st = new Array<number>(shape.length);
  let run = 1;
  for (let k = perm.length - 1; k >= 0; k--) {
    st[perm[k]] = run;
    run *= Math.max(shape[perm[k]], 1);
  }
  return st;
}

/** NumPy's identities of the built-in ufuncs whose definitions do not give one. */
const IDENTITIES: Record<string, number | boolean | null> = {
  add: 0,
  multiply: 1,
  logical_and: true,
  logical_or: false,
  logical_xor: false,
  bitwise_and: -1,
  bitwise_or: 0,
  bitwise_xor: 0,
  hypot: 0,
};

/** Built-in ufuncs whose `reduce` is the reduction engine's (NumPy's exact order). */
const REDUCE_OPS: Record<string, RedOp> = {
  add: "sum",
  multiply: "prod",
  maximum: "max",
  minimum: "min",
  fmax: "fmax",
  fmin: "fmin",
  logical_and: "all",
  logical_or: "any",
};

/** Ufuncs without identity that NumPy still lets reduce over several axes at once. */
const REORDERABLE = new Set(["maximum", "minimum", "fmax", "fmin"]);

const CASTINGS: readonly Casting[] = ["no", "equiv", "safe", "same_kind", "unsafe"];

/**
 * Validates a `casting` option (default "same_kind").
 *
 * @example
 * ```ts
 * import { checkCasting } from "./ufunc.ts";
 * import assert from "node:assert/strict";
 * assert.equal(checkCasting(undefined, "add"), "same_kind");
 * assert.throws(() => checkCasting("bogus" as never, "add"), RangeError);
 * ```
 */
export function checkCasting(casting: unknown, where: string): Casting {
  if (casting === undefined) return "same_kind";
  if (!CASTINGS.includes(casting as Casting)) {
    throw new RangeError(
      `${where}: casting must be one of ${CASTINGS.map((c) => `"${c}"`).join(", ")}, got ${
        JSON.stringify(casting) ?? String(casting)
      }`,
    );
  }
  return casting as Casting;
}

function castError(
  name: string,
  what: string,
  from: DType,
  to: DType,
  casting: Casting,
): TypeError {
  return new TypeError(
    `${name}: cannot cast ${what} from ${from} to ${to} with casting rule "${casting}"`,
  );
}

/** Builds a ufunc from its definition. */
export function makeUfunc(def: UfuncDef): Ufunc {
  const loops = loopsOf(def);
  const specs = new Map<string, LoopSpec>();
  const specFor = (loopIn: DType[], loopOut: DType): LoopSpec => {
    const key = `${def.name}:${loopIn.join(",")}->${loopOut}`;
    let s = specs.get(key);
    if (!s) {
      const body = def.body(loopIn[loopIn.length - 1]);
      if (!body) {
        throw new TypeError(`${def.name}: ${loopIn[0]} inputs are not supported yet`);
      }
      s = { key, loopIn, loopOut: [loopOut], body };
      specs.set(key, s);
    }
    return s;
  };

  const fn = (...args: (ArrayLike | UfuncOpts)[]): NDArray => {
    let opts: UfuncOpts = {};
    if (args.length === def.nin + 1 && (isOpts(args[def.nin]) || args[def.nin] === undefined)) {
      opts = (args.pop() as UfuncOpts | undefined) ?? {};
    }
    if (args.length !== def.nin) {
      throw new TypeError(`${def.name}: expected ${def.nin} array argument(s), got ${args.length}`);
    }
    const casting = checkCasting(opts.casting, def.name);
    // Strong arrays and weak scalars.
    const arrays: (NDArray | null)[] = [];
    let strong: DType | undefined;
    let weak: WeakKind | undefined;
    for (const a of args as ArrayLike[]) {
      const w = weakKind(a);
      if (w !== undefined && w !== "bool") {
        arrays.push(null);
        if (
          weak === undefined ||
          ["int", "float", "complex"].indexOf(w) > ["int", "float", "complex"].indexOf(weak)
        ) {
          weak = w;
        }
      } else {
        const arr = toArray(a, def.name);
        arrays.push(arr);
        strong = strong === undefined ? arr.dtype : resultType(strong, arr.dtype);
      }
    }
    const inDTypes = arrays.map((a, i) => a ? a.dtype : promoteWeak(undefined, weakKind(args[i])));
    const refusal = def.refuse?.(arrays.map((a, i) => a?.dtype ?? inDTypes[i]));
    if (refusal) throw new TypeError(`${def.name}: ${refusal}`);
    // Loop resolution.
    let loop: Loop | undefined;
    if (opts.dtype !== undefined) {
      // As NumPy: the first loop with that output dtype whose inputs the arguments cast to
      // with "same_kind" casting (less(int8, 0, { dtype: "bool" }) runs the int8 loop).
      const want = checkDType(opts.dtype, def.name);
      const ok = (l: Loop) =>
        arrays.every((a, i) =>
          canCast(a ? a.dtype : promoteWeak(strong, weakKind(args[i])), l.in, { casting })
        );
      loop = loops.find((l) => l.out === want && ok(l)) ?? loops.find((l) => l.out === want) ??
        loops.find((l) => l.in === want);
      if (!loop) {
        throw new TypeError(
          `${def.name}: no loop produces dtype ${want}: loops are ${
            loops.map((l) => l.in).join(", ")
          }`,
        );
      }
      arrays.forEach((a, i) => {
        if (a && !canCast(a.dtype, loop!.in, { casting })) {
          throw castError(def.name, `input ${i}`, a.dtype, loop!.in, casting);
        }
      });
    } else {
      // As NumPy's type resolver: the first loop that every input casts to safely (int8 and
      // uint8 both fit float16, although their common type int16 does not); weak scalars
      // count as the type they promote to with the arrays.
      let common = promoteWeak(strong, weak);
      let need = arrays.filter((a) => a !== null).map((a) => a!.dtype);
      if (weak !== undefined || need.length === 0) need.push(common);
      if (def.resolve) need = [common = def.resolve(common, inDTypes)];
      loop = loops.find((l) => need.every((d) => canCast(d, l.in)));
      if (!loop) {
        throw new TypeError(
          `${def.name}: no loop matches input types (${inDTypes.join(", ")}): the loops take ${
            loops.map((l) => l.in).join(", ")
          }`,
        );
      }
    }
    // NumPy 2 compares (and tests the truth of) JS integers exactly even where they do not
    // fit the array's integer dtype (`uint8 == 300`): such loops run in int64, or mix int64
    // and uint64 operands as bigints.
    const scalarType = new Array<DType | undefined>(args.length);
    if (def.out === "bool" && isIntDType(loop.in)) {
      arrays.forEach((a, i) => {
        if (a || fits(args[i], loop!.in)) return;
        if (!DTYPES[loop!.in].bigint) loop = loops.find((l) => l.in === "int64") ?? loop;
        if (!fits(args[i], loop!.in)) {
          scalarType[i] = loop!.in === "int64" ? "uint64" : "int64";
        }
      });
    }
    if (opts.dtype === undefined && casting !== "same_kind" && casting !== "unsafe") {
      arrays.forEach((a, i) => {
        if (a && !canCast(a.dtype, scalarType[i] ?? loop!.in, { casting })) {
          throw castError(def.name, `input ${i}`, a.dtype, scalarType[i] ?? loop!.in, casting);
        }
      });
    }
    const ins = arrays.map((a, i) =>
      a ?? scalarOperand(args[i], scalarType[i] ?? loop!.in, def.name)
    );
    // Exact int64/uint64 comparisons keep both operands as bigints.
    const loopIn = ins.map((_, i) => scalarType[i] ?? loop!.in);
    if (
      def.out === "bool" && loop.in === "float64" && ins.every((a) => DTYPES[a.dtype].bigint) &&
      arrays.every((a) => a)
    ) {
      ins.forEach((a, i) => (loopIn[i] = a.dtype));
    }
    // Shapes, where, out.
    const where = opts.where === undefined ? undefined : toArray(opts.where, def.name, "bool");
    const shapes = ins.map((a) => a.shape);
    if (where) shapes.push(where.shape);
    let shape = broadcastShapes(...shapes);
    let out = opts.out;
    if (out !== undefined) {
      if (!(out instanceof NDArray)) throw new TypeError(`${def.name}: out must be an NDArray`);
      const withOut = broadcastShapes(shape, out.shape);
      if (!shapesEqual(withOut, out.shape)) {
        throw new TypeError(
          `${def.name}: non-broadcastable output operand with shape ${
            fmtShape(out.shape)
          } doesn't match the broadcast shape ${fmtShape(withOut)}`,
        );
      }
      if (!canCast(loop.out, out.dtype, { casting })) {
        throw castError(def.name, "output", loop.out, out.dtype, casting);
      }
      assertLive(out, def.name);
      if (!out.flags.writeable) throw new TypeError(`${def.name}: output array is read-only`);
      shape = withOut;
    } else {
      const d: DType = loop.out;
      out = new NDArray(d, allocate(d, shapeSize(shape)), shape, keepOrderStrides(ins, shape));
    }
    const operands: Operand[] = ins.map((a) => {
      let src = a;
      if (
        out !== undefined && opts.out && sharesBuffer(src, out) &&
        !(src.offset === out.offset && shapesEqual(src.strides, out.strides) &&
          shapesEqual(src.shape, out.shape))
      ) {
        src = copy(src);
      }
      return {
        data: src.data,
        dtype: src.dtype,
        offset: src.offset,
        strides: broadcastStrides(src.shape, src.strides, shape),
      };
    });
    // The loop's results are values of its output dtype (wrapped, rounded) before they are
    // cast to a different `out` dtype: int8 127 + 1 is -128 even in a float64 `out`.
    const direct = out.dtype === loop.out || loop.out === "float64" ||
      loop.out === "complex128" || loop.out === "bool";
    const dest = direct ? out : new NDArray(loop.out, allocate(loop.out, shapeSize(shape)), shape);
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
    runLoop(specFor(loopIn, loop.out), shape, operands);
    if (!direct) copyInto(out, dest, where as NDArray<"bool"> | undefined);
    return out;
  };
  return withProtocol(fn, {
    name: def.name,
    nin: def.nin,
    nout: 1,
    identity: def.identity !== undefined ? def.identity : (IDENTITIES[def.name] ?? null),
    types: loops.map((l) => CHAR(l.in).repeat(def.nin) + "->" + CHAR(l.out)),
    reduceOp: REDUCE_OPS[def.name],
    reorderable: REORDERABLE.has(def.name) || undefined,
    acceptsOut: true,
    loopBody: (d) => (loops.some((l) => l.in === d && l.out === d) ? def.body(d) : null),
  });
}
