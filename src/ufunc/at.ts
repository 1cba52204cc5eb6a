/**
 * `ufunc.at`: NumPy's unbuffered in-place operation at indices. `add.at(a, [0, 0], 1)` adds 1
 * twice to `a[0]` (where `a[[0, 0]] += 1` adds it once).
 *
 * @module
 */

import { allocate, DTYPES, type TypedArray } from "../core/dtype.ts";
import { assertLive, NDArray } from "../core/ndarray.ts";
import { broadcastShapes, fmtShape, shapesEqual } from "../core/shape.ts";
import { toArray } from "../core/asarray.ts";
import { copy } from "../core/copy.ts";
import { broadcastTo } from "../core/views.ts";
import { slice } from "../core/indexing.ts";
import type { Index } from "../core/_index_types.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { UfuncAtIndices } from "../ops/ufunc.ts";
import { expectArray, typedLoops, type UfuncCore } from "./_common.ts";
import { weakKind } from "../core/promotion.ts";

const isIndexScalar = (v: unknown): boolean => typeof v === "number" || typeof v === "bigint";

/**
 * The index entries of `indices`: a flat JS array of integers (or of booleans) is one index
 * array, as NumPy treats a list; a JS array holding NDArrays, nested arrays, slice strings or
 * null is a tuple with one entry per axis. An empty list indexes a 0-d array as `()`.
 */
function indexEntries(indices: UfuncAtIndices, ndim: number, where: string): Index[] {
  const entry = (v: unknown): Index => {
    if (typeof v === "bigint") return Number(v);
    if (
      typeof v === "number" || typeof v === "string" || v === null || typeof v === "symbol" ||
      v instanceof NDArray
    ) {
      return v as Index;
    }
    if (Array.isArray(v) && v.length === 0) return new NDArray("int64", new BigInt64Array(0), [0]);
    return toArray(v as ArrayLike, where);
  };
  if (Array.isArray(indices)) {
    if (indices.length === 0 && ndim === 0) return [];
    if (indices.length === 0 || indices.every(isIndexScalar)) {
      return [entry(indices.map((v) => (typeof v === "bigint" ? Number(v) : v)))];
    }
    if (indices.every((v) => typeof v === "boolean")) return [entry(indices)];
    return indices.map(entry);
  }
  return [entry(indices)];
}

/**
 * The offsets (in elements of `a.data`) of the elements `a[...index]` selects, as a C-ordered
 * Float64Array, and the indexed shape. Each axis's contribution is read through a broadcast
 * view of `arange(n) * stride`, so NumPy's indexing rules (and its errors) apply unchanged.
 */
function offsetsOf(a: NDArray, index: Index[], where: string): [Float64Array, number[]] {
  const pick = (comp: NDArray): NDArray => {
    try {
      return copy(slice(comp, ...index));
    } catch (e) {
      if (e instanceof Error && e.message.startsWith("slice:")) {
        const E = e.constructor as new (m: string) => Error;
        throw new E(e.message.replace(/^slice:/, `${where}:`));
      }
      throw e;
    }
  };
  if (a.ndim === 0) {
    const sel = pick(new NDArray("float64", Float64Array.of(a.offset), []));
    return [sel.data as Float64Array, sel.shape.slice()];
  }
  let total: Float64Array | undefined;
  let shape: number[] = [];
  for (let k = 0; k < a.ndim; k++) {
    const n = a.shape[k];
    const steps = new Float64Array(Math.max(n, 1));
    for (let i = 0; i < n; i++) steps[i] = i * a.strides[k] + (k === 0 ? a.offset : 0);
    const strides = a.shape.map((_, j) => (j === k ? 1 : 0));
    const sel = pick(new NDArray("float64", steps, a.shape, strides));
    const d = sel.data as Float64Array;
    if (total === undefined) {
      total = d;
      shape = sel.shape.slice();
    } else for (let i = 0; i < d.length; i++) total[i] += d[i];
  }
  return [total!, shape];
}

/** Copies elements `src[from[k]]` to `dst[to[k]]` (element indices; complex takes 2 slots). */
function move(
  dst: TypedArray,
  to: readonly number[] | Int32Array | Float64Array | null,
  src: TypedArray,
  from: readonly number[] | Int32Array | Float64Array | null,
  n: number,
  lanes: number,
): void {
  const d = dst as Float64Array, s = src as Float64Array;
  for (let k = 0; k < n; k++) {
    const i = to ? to[k] : k, j = from ? from[k] : k;
    if (lanes === 2) {
      d[2 * i] = s[2 * j];
      d[2 * i + 1] = s[2 * j + 1];
    } else d[i] = s[j];
  }
}

/**
 * NumPy's `ufunc.at(a, indices, b)`: performs `a[idx] = ufunc(a[idx], b[k])` for every index
 * in turn (unbuffered: repeated indices accumulate), in place. `indices` is an integer, a slice
 * string, an integer array or bool mask, or a list with one entry per axis; `b` (binary ufuncs
 * only) broadcasts to the indexed shape and is converted to an array first (its dtype counts,
 * as in NumPy); results are cast back to `a.dtype` unsafely. On error `a` is unchanged.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.zeros([4]);
 * nd.add.at(a, [0, 1, 1, 3], 1);
 * assert.deepEqual(a.toArray(), [1, 2, 0, 1]);
 * const m = nd.arange(6).reshape([2, 3]);
 * nd.negative.at(m, [[1, 1], [0, 2]]);
 * assert.deepEqual(m.toArray(), [[0n, 1n, 2n], [-3n, 4n, -5n]]);
 * ```
 */
export function ufuncAt(core: UfuncCore, a: NDArray, indices: UfuncAtIndices, b?: ArrayLike): void {
  const { call, meta } = core;
  const where = `${meta.name}.at`;
  if (meta.nout !== 1) {
    throw new TypeError(`${where}: at only supported for functions returning a single value`);
  }
  if (meta.nin === 1 && b !== undefined) {
    throw new TypeError(`${where}: second operand provided when ufunc is unary`);
  }
  if (meta.nin === 2 && b === undefined) {
    throw new TypeError(`${where}: second operand needed for ufunc`);
  }
  if (meta.nin !== 1 && meta.nin !== 2) {
    throw new TypeError(
      `${where}: only unary and binary ufuncs are supported, got nin=${meta.nin}`,
    );
  }
  if (!(a instanceof NDArray)) {
    throw new TypeError(`${where}: a must be an NDArray (it is modified in place)`);
  }
  assertLive(a, where);
  if (!a.flags.writeable) throw new TypeError(`${where}: array is read-only`);
  const [offs, shape] = offsetsOf(a, indexEntries(indices, a.ndim, where), where);
  const m = offs.length;
  let vals: NDArray | undefined;
  if (meta.nin === 2) {
    vals = toArray(b!, where);
    let ok: boolean;
    try {
      ok = shapesEqual(broadcastShapes(vals.shape, shape), shape);
    } catch {
      ok = false;
    }
    if (!ok) {
      throw new TypeError(
        `${where}: value array of shape ${
          fmtShape(vals.shape)
        } could not be broadcast to indexing result of shape ${fmtShape(shape)}`,
      );
    }
    vals = copy(broadcastTo(vals, shape));
  }
  if (m === 0) return;
  // Without typed loops (frompyfunc) a JS scalar reaches the function as it is, as NumPy's
  // object loops receive the Python scalar.
  const scalarB = meta.nin === 2 && !typedLoops(meta) && weakKind(b) !== undefined;
  // Distinct targets, and for each index its occurrence number among equal targets: round r
  // applies the r-th occurrences, whose targets are distinct, in one ufunc call.
  const slotOf = new Map<number, number>();
  const targets: number[] = [];
  const slot = new Int32Array(m), rank = new Int32Array(m);
  const seen: number[] = [];
  let rounds = 0;
  for (let k = 0; k < m; k++) {
    let s = slotOf.get(offs[k]);
    if (s === undefined) {
      s = targets.length;
      slotOf.set(offs[k], s);
      targets.push(offs[k]);
      seen.push(0);
    }
    slot[k] = s;
    rank[k] = seen[s]++;
    if (rank[k] + 1 > rounds) rounds = rank[k] + 1;
  }
  const lanes = DTYPES[a.dtype].lanes;
  const work = new NDArray(a.dtype, allocate(a.dtype, targets.length), [targets.length]);
  move(work.data, null, a.data, targets, targets.length, lanes);
  const members: number[][] = Array.from({ length: rounds }, () => []);
  for (let k = 0; k < m; k++) members[rank[k]].push(k);
  for (const ks of members) {
    const slots = ks.map((k) => slot[k]);
    const cur = new NDArray(a.dtype, allocate(a.dtype, ks.length), [ks.length]);
    move(cur.data, null, work.data, slots, ks.length, lanes);
    let r: unknown;
    if (scalarB) r = call(cur, b as number);
    else if (vals) {
      const bl = DTYPES[vals.dtype].lanes;
      const bk = new NDArray(vals.dtype, allocate(vals.dtype, ks.length), [ks.length]);
      move(bk.data, null, vals.data, ks, ks.length, bl);
      r = call(cur, bk);
    } else r = call(cur);
    const res = expectArray(r, where);
    const back = res.dtype === a.dtype ? copy(res) : copy(res, a.dtype);
    move(work.data, slots, back.data, null, ks.length, lanes);
  }
  move(a.data, targets, work.data, null, targets.length, lanes);
}
