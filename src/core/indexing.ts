/**
 * NumPy indexing: `slice` (read) and `setSlice` (write).
 *
 * Basic indices (integers, slice strings, `null`, `"..."`, `newaxis`) give views. Integer
 * arrays and bool masks ("advanced" indices) give copies; their dimensions are broadcast
 * together and placed where the first advanced index stands when all advanced indices are
 * adjacent, else first, exactly as NumPy does. With any advanced index present, plain
 * integers count as advanced too.
 *
 * @module
 */

import { allocate, type DType, DTYPES, type TypedArray } from "./dtype.ts";
import { assertLive, NDArray } from "./ndarray.ts";
import { broadcastShapes, broadcastStrides, fmtShape, shapesEqual, shapeSize } from "./shape.ts";
import { indexOffsets, maskSelect } from "./_mask_select.ts";
import { type Index, newaxis } from "./_index_types.ts";
import { toArray } from "./asarray.ts";
import { copyInto } from "./copy.ts";
import { view } from "./views.ts";
import type { ArrayLike } from "./_array_like.ts";

/**
 * Python's `slice.indices`: start, step and length of `"start:stop:step"` on an axis of size `n`.
 *
 * @example
 * ```ts
 * import { parseSlice } from "./indexing.ts";
 * import assert from "node:assert/strict";
 * assert(JSON.stringify(parseSlice("::-1", 5, "slice")) === '{"start":4,"step":-1,"length":5}');
 * ```
 */
export function parseSlice(
  s: string,
  n: number,
  where: string,
): { start: number; step: number; length: number } {
  let parsed = SLICE_CACHE.get(s);
  if (parsed === undefined) {
    parsed = parseSliceText(s, where);
    if (SLICE_CACHE.size > 1024) SLICE_CACHE.clear();
    SLICE_CACHE.set(s, parsed);
  }
  const [start0, stop0, step] = parsed;
  let start = start0, stop = stop0;
  if (step > 0) {
    start = start === undefined ? 0 : start < 0 ? Math.max(0, start + n) : Math.min(start, n);
    stop = stop === undefined ? n : stop < 0 ? Math.max(0, stop + n) : Math.min(stop, n);
  } else {
    start = start === undefined
      ? n - 1
      : start < 0
      ? Math.max(-1, start + n)
      : Math.min(start, n - 1);
    stop = stop === undefined ? -1 : stop < 0 ? Math.max(-1, stop + n) : Math.min(stop, n - 1);
  }
  const length = Math.max(0, Math.ceil((stop - start) / step));
  return { start, step, length };
}

type SliceParts = [number | undefined, number | undefined, number];
const SLICE_CACHE = new Map<string, SliceParts>();

/** The raw start, stop and step of a slice string (validated; cached by the caller). */
function parseSliceText(s: string, where: string): SliceParts {
  const parts = s.split(":");
  if (parts.length < 2 || parts.length > 3) {
    throw new TypeError(`${where}: invalid slice ${JSON.stringify(s)}: expected "start:stop:step"`);
  }
  const num = (p: string | undefined): number | undefined => {
    if (p === undefined || p.trim() === "") return undefined;
    const v = Number(p.trim());
    if (!Number.isInteger(v)) {
      throw new TypeError(
        `${where}: invalid slice ${JSON.stringify(s)}: ${JSON.stringify(p)} is not an integer`,
      );
    }
    return v;
  };
  const step = num(parts[2]) ?? 1;
  if (step === 0) {
    throw new RangeError(`${where}: slice step cannot be zero in ${JSON.stringify(s)}`);
  }
  return [num(parts[0]), num(parts[1]), step];
}

type Entry =
  | { kind: "int"; value: number }
  | { kind: "slice"; text: string }
  | { kind: "newaxis" }
  | { kind: "ellipsis" }
  | { kind: "array"; value: NDArray }
  | { kind: "mask"; value: NDArray };

function classify(idx: Index, where: string): Entry {
  if (typeof idx === "number") {
    if (!Number.isInteger(idx)) throw new TypeError(`${where}: index ${idx} is not an integer`);
    return { kind: "int", value: idx };
  }
  if (idx === null) return { kind: "slice", text: ":" };
  if (idx === newaxis) return { kind: "newaxis" };
  if (typeof idx === "string") {
    if (idx.trim() === "...") return { kind: "ellipsis" };
    if (!idx.includes(":")) {
      throw new TypeError(
        `${where}: invalid index ${JSON.stringify(idx)}: expected a slice like "1:3" or "..."`,
      );
    }
    return { kind: "slice", text: idx };
  }
  let arr: NDArray;
  if (idx instanceof NDArray) arr = idx;
  else if (Array.isArray(idx)) {
    arr = idx.length === 0
      ? new NDArray("int64", new BigInt64Array(0), [0])
      : toArray(idx as ArrayLike, where);
  } else {
    throw new TypeError(`${where}: invalid index ${String(idx)}`);
  }
  if (arr.dtype === "bool") return { kind: "mask", value: arr };
  const k = DTYPES[arr.dtype].kind;
  if (k !== "i" && k !== "u") {
    throw new TypeError(
      `${where}: arrays used as indices must be of integer or boolean type, got ${arr.dtype}`,
    );
  }
  return { kind: "array", value: arr };
}

/** Integer positions (int64 arrays, one per mask dimension) of the true elements of a mask. */
function maskToIndices(mask: NDArray): NDArray[] {
  const n = mask.size, nd = mask.ndim;
  const pos: number[][] = Array.from({ length: nd }, () => []);
  const idx = new Array<number>(nd).fill(0);
  for (let k = 0; k < n; k++) {
    let p = mask.offset;
    for (let d = 0; d < nd; d++) p += idx[d] * mask.strides[d];
    if (mask.data[p] !== 0) { for (let d = 0; d < nd; d++) pos[d].push(idx[d]); }
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < mask.shape[d]) break;
      idx[d] = 0;
    }
  }
  return pos.map((p) => new NDArray("int64", BigInt64Array.from(p, (x) => BigInt(x)), [p.length]));
}

interface Plan {
  /** The basic-indexing view, keeping one axis per advanced index. */
  base: NDArray;
  /** Axes of `base` indexed by the advanced arrays, in order. */
  advAxes: number[];
  /** The advanced index arrays (after mask expansion), same order. */
  advIdx: NDArray[];
  /** Where the broadcast advanced dimensions go in the result. */
  insertAt: number;
}

function plan(a: NDArray, index: readonly Index[], where: string): Plan {
  const entries = index.map((i) => classify(i, where));
  const ellipses = entries.filter((e) => e.kind === "ellipsis").length;
  if (ellipses > 1) {
    throw new RangeError(`${where}: an index can only have a single ellipsis ("...")`);
  }
  const consumed = entries.reduce(
    (s, e) =>
      s +
      (e.kind === "newaxis" || e.kind === "ellipsis" ? 0 : e.kind === "mask" ? e.value.ndim : 1),
    0,
  );
  if (consumed > a.ndim) {
    throw new RangeError(
      `${where}: too many indices for array: array is ${a.ndim}-dimensional, but ${consumed} were indexed`,
    );
  }
  const fill: Entry[] = Array.from(
    { length: a.ndim - consumed },
    () => ({ kind: "slice", text: ":" }),
  );
  const ei = entries.findIndex((e) => e.kind === "ellipsis");
  const full = ei >= 0
    ? [...entries.slice(0, ei), ...fill, ...entries.slice(ei + 1)]
    : [...entries, ...fill];
  const fancy = full.some((e) => e.kind === "array" || e.kind === "mask");

  const shape: number[] = [], strides: number[] = [];
  let offset = a.offset, dim = 0;
  const advAxes: number[] = [], advIdx: NDArray[] = [];
  const advPositions: number[] = []; // entry positions of advanced indices, for adjacency
  full.forEach((e, pos) => {
    switch (e.kind) {
      case "newaxis":
        shape.push(1);
        strides.push(0);
        return;
      case "slice": {
        const n = a.shape[dim];
        const { start, step, length } = parseSlice(e.text, n, where);
        if (length > 0) offset += start * a.strides[dim];
        shape.push(length);
        strides.push(step * a.strides[dim]);
        dim++;
        return;
      }
      case "int": {
        const n = a.shape[dim];
        if (e.value < -n || e.value >= n) {
          throw new RangeError(
            `${where}: index ${e.value} is out of bounds for axis ${dim} with size ${n}`,
          );
        }
        if (fancy) {
          advAxes.push(shape.length);
          advIdx.push(new NDArray("int64", BigInt64Array.of(BigInt(e.value)), []));
          advPositions.push(pos);
          shape.push(n);
          strides.push(a.strides[dim]);
        } else {
          offset += (e.value < 0 ? e.value + n : e.value) * a.strides[dim];
        }
        dim++;
        return;
      }
      case "array":
        advAxes.push(shape.length);
        advIdx.push(e.value);
        advPositions.push(pos);
        shape.push(a.shape[dim]);
        strides.push(a.strides[dim]);
        dim++;
        return;
      case "mask": {
        const m = e.value;
        for (let d = 0; d < m.ndim; d++) {
          if (m.shape[d] !== a.shape[dim + d]) {
            throw new RangeError(
              `${where}: boolean index did not match indexed array along axis ${
                dim + d
              }; size of axis is ${a.shape[dim + d]} but size of corresponding boolean axis is ${
                m.shape[d]
              }`,
            );
          }
        }
        maskToIndices(m).forEach((ix, d) => {
          advAxes.push(shape.length);
          advIdx.push(ix);
          shape.push(a.shape[dim + d]);
          strides.push(a.strides[dim + d]);
        });
        advPositions.push(pos);
        dim += m.ndim;
        return;
      }
    }
  });
  const base = view(a, shape, strides, offset);
  const adjacent = advPositions.every((p, i) => i === 0 || p === advPositions[i - 1] + 1);
  return { base, advAxes, advIdx, insertAt: adjacent && advAxes.length ? advAxes[0] : 0 };
}

/** Source element offsets (in elements) and result shape of an advanced index. */
function gatherPlan(p: Plan, where: string): { shape: number[]; offsets: Float64Array } {
  const { base, advAxes, advIdx } = p;
  let bshape: number[];
  try {
    bshape = broadcastShapes(...advIdx.map((x) => x.shape));
  } catch {
    throw new TypeError(
      `${where}: shape mismatch: indexing arrays could not be broadcast together with shapes ${
        advIdx.map((x) => fmtShape(x.shape)).join(" ")
      }`,
    );
  }
  const rest = base.shape.map((_, i) => i).filter((i) => !advAxes.includes(i));
  const restShape = rest.map((i) => base.shape[i]);
  const shape = [...restShape.slice(0, p.insertAt), ...bshape, ...restShape.slice(p.insertAt)];
  const nb = shapeSize(bshape);
  // Offsets of each broadcast advanced position.
  const advOff = new Float64Array(nb).fill(base.offset);
  advIdx.forEach((ix, j) => {
    const ax = advAxes[j], n = base.shape[ax], st = base.strides[ax];
    const bst = broadcastStrides(ix.shape, ix.strides, bshape);
    const cnt = new Array<number>(bshape.length).fill(0);
    for (let k = 0; k < nb; k++) {
      let q = ix.offset;
      for (let d = 0; d < bshape.length; d++) q += cnt[d] * bst[d];
      let v = Number(ix.data[q]);
      if (v < -n || v >= n) {
        throw new RangeError(`${where}: index ${v} is out of bounds for axis ${ax} with size ${n}`);
      }
      if (v < 0) v += n;
      advOff[k] += v * st;
      for (let d = bshape.length - 1; d >= 0; d--) {
        if (++cnt[d] < bshape[d]) break;
        cnt[d] = 0;
      }
    }
  });
  // Walk the result in C order: dims are [pre rest..., broadcast..., post rest...].
  const total = shapeSize(shape);
  const offsets = new Float64Array(total);
  const pre = restShape.slice(0, p.insertAt), post = restShape.slice(p.insertAt);
  const preSt = rest.slice(0, p.insertAt).map((i) => base.strides[i]);
  const postSt = rest.slice(p.insertAt).map((i) => base.strides[i]);
  const npre = shapeSize(pre), npost = shapeSize(post);
  const offsOf = (sh: number[], st: number[], n: number) => {
    const out = new Float64Array(n);
    const c = new Array<number>(sh.length).fill(0);
    for (let k = 0; k < n; k++) {
      let q = 0;
      for (let d = 0; d < sh.length; d++) q += c[d] * st[d];
      out[k] = q;
      for (let d = sh.length - 1; d >= 0; d--) {
        if (++c[d] < sh[d]) break;
        c[d] = 0;
      }
    }
    return out;
  };
  const preO = offsOf(pre, preSt, npre), postO = offsOf(post, postSt, npost);
  let k = 0;
  for (let i = 0; i < npre; i++) {
    for (let b = 0; b < nb; b++) {
      const o = preO[i] + advOff[b];
      for (let j = 0; j < npost; j++) offsets[k++] = o + postO[j];
    }
  }
  return { shape, offsets };
}

function gather<D extends DType>(
  src: NDArray<D>,
  offsets: Float64Array,
  shape: number[],
): NDArray<D> {
  const n = offsets.length;
  const out = allocate(src.dtype, n);
  const s = src.data as TypedArray & Float64Array, o = out as TypedArray & Float64Array;
  if (DTYPES[src.dtype].lanes === 2) {
    for (let k = 0; k < n; k++) {
      o[2 * k] = s[2 * offsets[k]];
      o[2 * k + 1] = s[2 * offsets[k] + 1];
    }
  } else {
    for (let k = 0; k < n; k++) o[k] = s[offsets[k]];
  }
  return new NDArray(src.dtype, out, shape);
}

/**
 * The view for an index of only in-range integers, `null` and slice strings (the common case),
 * or null to take the general path (which also produces the errors).
 */
function basicView<D extends DType>(a: NDArray<D>, index: readonly Index[]): NDArray<D> | null {
  if (index.length > a.ndim) return null;
  const shape: number[] = [], strides: number[] = [];
  let offset = a.offset;
  for (let d = 0; d < index.length; d++) {
    const e = index[d], n = a.shape[d], st = a.strides[d];
    if (typeof e === "number") {
      if (!Number.isInteger(e) || e < -n || e >= n) return null;
      offset += (e < 0 ? e + n : e) * st;
    } else if (e === null) {
      shape.push(n);
      strides.push(st);
    } else if (typeof e === "string" && e.includes(":")) {
      const { start, step, length } = parseSlice(e, n, "slice");
      if (length > 0) offset += start * st;
      shape.push(length);
      strides.push(step * st);
    } else return null;
  }
  for (let d = index.length; d < a.ndim; d++) {
    shape.push(a.shape[d]);
    strides.push(a.strides[d]);
  }
  return view(a, shape, strides, offset);
}

/**
 * NumPy indexing `a[...]`. Each argument indexes one axis (see the module doc); basic
 * indexing returns a view, advanced (integer array or bool mask) indexing returns a copy.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.arange(12).reshape([3, 4]);
 * assert(a.slice(1).toArray().join() === "4,5,6,7");          // row view
 * assert(a.slice(null, "::2").shape.join() === "3,2");         // every other column
 * assert(a.slice("...", -1).toArray().join() === "3,7,11");    // last column
 * assert(a.slice([0, 2], [1, 3]).toArray().join() === "1,11"); // fancy: copy
 * assert(a.slice(a.greater(9)).toArray().join() === "10,11");  // mask: copy
 * ```
 */
export function slice<D extends DType>(a: NDArray<D>, ...index: Index[]): NDArray<D> {
  // Fast paths for the two commonest advanced indices: a full-shape mask, and one integer
  // array into a 1-D array.
  if (index.length === 1 && index[0] instanceof NDArray) {
    const ix = index[0];
    if (ix.dtype === "bool" && shapesEqual(ix.shape, a.shape) && a.ndim > 0) {
      return maskSelect(a, ix);
    }
    const k = DTYPES[ix.dtype].kind;
    if (a.ndim === 1 && (k === "i" || k === "u")) {
      return gather(a, indexOffsets(a, ix, "slice"), ix.shape.slice());
    }
  }
  const fast = basicView(a, index);
  if (fast) return fast;
  const p = plan(a, index, "slice");
  if (p.advIdx.length === 0) return p.base as NDArray<D>;
  const { shape, offsets } = gatherPlan(p, "slice");
  return gather(p.base as NDArray<D>, offsets, shape);
}

function checkScalarFits(value: ArrayLike, dtype: DType, where: string): void {
  if (typeof value !== "number" && typeof value !== "bigint") return;
  const k = DTYPES[dtype].kind;
  if (k !== "i" && k !== "u") return;
  if (typeof value === "number" && !Number.isInteger(value)) return;
  const bits = DTYPES[dtype].itemsize * 8;
  const v = BigInt(value);
  const lo = k === "u" ? 0n : -(1n << BigInt(bits - 1));
  const hi = k === "u" ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits - 1)) - 1n;
  if (v < lo || v > hi) {
    throw new RangeError(`${where}: integer ${value} is out of bounds for ${dtype}`);
  }
}

/**
 * Assigns `value` (broadcast to the indexed shape and cast to `a.dtype`) to `a[...index]` in
 * place. JS integers that do not fit an integer dtype raise, as in NumPy 2.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.zeros([2, 3]);
 * a.setSlice([null, 0], 5);           // a[:, 0] = 5
 * a.setSlice([1, "1:"], [7, 8]);      // a[1, 1:] = [7, 8]
 * assert(a.toArray().flat().join() === "5,0,0,5,7,8");
 * ```
 */
export function setSlice(a: NDArray, index: readonly Index[], value: ArrayLike): void {
  assertLive(a, "setSlice");
  if (!a.flags.writeable) throw new TypeError("setSlice: assignment destination is read-only");
  checkScalarFits(value, a.dtype, "setSlice");
  const p = plan(a, index, "setSlice");
  let v = toArray(value, "setSlice");
  const fit = (shape: readonly number[]): void => {
    // Leading size-1 dimensions of the value beyond the target's are dropped, as NumPy does.
    const given = v.shape;
    let k = 0;
    while (v.ndim - k > shape.length && v.shape[k] === 1) k++;
    if (k > 0) v = view(v, v.shape.slice(k), v.strides.slice(k));
    const ok = v.ndim <= shape.length &&
      v.shape.every((s, i) => s === 1 || s === shape[shape.length - v.ndim + i]);
    if (!ok) {
      throw new TypeError(
        `setSlice: could not broadcast input of shape ${fmtShape(given)} into indexed shape ${
          fmtShape(shape)
        }`,
      );
    }
  };
  if (p.advIdx.length === 0) {
    fit(p.base.shape);
    copyInto(p.base, v);
    return;
  }
  const { shape, offsets } = gatherPlan(p, "setSlice");
  const src = new NDArray(a.dtype, allocate(a.dtype, shapeSize(shape)), shape);
  fit(shape);
  copyInto(src, v);
  const d = a.data as TypedArray & Float64Array, s = src.data as TypedArray & Float64Array;
  const n = offsets.length;
  if (DTYPES[a.dtype].lanes === 2) {
    for (let k = 0; k < n; k++) {
      d[2 * offsets[k]] = s[2 * k];
      d[2 * offsets[k] + 1] = s[2 * k + 1];
    }
  } else {
    for (let k = 0; k < n; k++) d[offsets[k]] = s[k];
  }
}
