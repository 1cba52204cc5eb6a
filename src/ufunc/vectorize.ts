/**
 * `vectorize`: NumPy's `np.vectorize`, with generalized-ufunc signatures.
 *
 * @module
 */

import { allocate, checkDType, type DType } from "../core/dtype.ts";
import { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { broadcastShapes, fmtShape, shapeSize } from "../core/shape.ts";
import { broadcastTo } from "../core/views.ts";
import { setSlice } from "../core/indexing.ts";
import { type ScalarLike, writeScalar } from "../core/_scalar.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { bindSignature, type CoreDim, coreShape, parseSignature } from "./_signature.ts";
import {
  broadcastOf,
  Collector,
  type Elements,
  forEachOffset,
  modeOf,
  readerOf,
  toElements,
} from "./_elements.ts";

/** Options of {@link vectorize}. */
export interface VectorizeOpts {
  /**
   * A generalized-ufunc signature such as `"(n),(n)->()"` or `"(m,n),(n)->(m)"`: `fn` then
   * receives the core dimensions of each input as NDArray views and returns arrays of the
   * outputs' core shapes, and nd loops over the broadcast remaining dimensions.
   */
  signature?: string;
  /**
   * The output dtypes, one per output. Without them each output's dtype comes from `fn`'s
   * first result (a number gives float64, a boolean bool, a bigint int64, `{re, im}`
   * complex128, an NDArray its dtype); the other results are cast to it.
   */
  otypes?: readonly DType[];
  /** Positions of arguments passed to `fn` as they are, not broadcast over. */
  excluded?: readonly number[];
}

/** What {@link vectorize} returns: NumPy broadcasting over `fn`. */
export type Vectorized = (...args: unknown[]) => NDArray | unknown;

/** The dtype of a first result (or null: keep arbitrary JS values). */
function dtypeOfResult(v: unknown): DType | null {
  if (v instanceof NDArray) return v.dtype;
  const m = modeOf(v);
  return m === "any" ? null : m;
}

function castValue(v: unknown, dtype: DType, where: string): ScalarLike {
  const t = typeof v;
  if (t === "number" || t === "boolean" || t === "bigint") return v as ScalarLike;
  if (typeof v === "object" && v !== null && "re" in v && "im" in v) return v as ScalarLike;
  throw new TypeError(`${where}: cannot store the result ${String(v)} in a ${dtype} array`);
}

/**
 * Broadcasts `fn` over its arguments like NumPy's `np.vectorize`. Without a signature, `fn`
 * is called once per element with JS values (as in {@link frompyfunc}) and the results fill
 * an array of the dtype given by `otypes` or by the first result — or nested JS arrays when
 * results are not numbers, booleans, bigints or complex values. With a signature, `fn`
 * receives NDArray views of each argument's core dimensions. Several outputs: `fn` returns
 * an array of them, and so does the vectorized function. Empty inputs need `otypes`, as in
 * NumPy. Arguments at the `excluded` positions are passed through unchanged.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const clip = nd.vectorize((x, lo) => Math.min(Math.max(x as number, lo as number), 1));
 * assert.deepEqual((clip([-2, 0.5, 3], 0) as nd.NDArray).toArray(), [0, 0.5, 1]);
 * const dot = nd.vectorize((a, b) => nd.sum((a as nd.NDArray).mul(b as nd.NDArray)), {
 *   signature: "(n),(n)->()",
 * });
 * const r = dot(nd.arange(6).reshape([2, 3]), [1, 1, 1]) as nd.NDArray;
 * assert.deepEqual(r.shape, [2]);
 * assert.deepEqual(r.toArray(), [3n, 12n]);
 * ```
 */
export function vectorize(fn: (...args: never[]) => unknown, opts: VectorizeOpts = {}): Vectorized {
  if (typeof fn !== "function") {
    throw new TypeError(`vectorize: fn must be a function, got ${typeof fn}`);
  }
  const where = fn.name ? `vectorize(${fn.name})` : "vectorize";
  const sig = opts.signature === undefined ? null : parseSignature(opts.signature, "vectorize");
  const otypes = opts.otypes?.map((d) => checkDType(d, "vectorize"));
  const excluded = new Set(opts.excluded ?? []);
  for (const e of excluded) {
    if (!Number.isInteger(e) || e < 0) {
      throw new RangeError(`vectorize: excluded positions must be non-negative integers, got ${e}`);
    }
  }
  if (sig && otypes && otypes.length !== sig.outputs.length) {
    throw new TypeError(
      `vectorize: otypes has ${otypes.length} entries, the signature ${sig.text} has ` +
        `${sig.outputs.length} output(s)`,
    );
  }
  const f = fn as (...a: unknown[]) => unknown;
  return (...args: unknown[]): NDArray | unknown => {
    const pos = args.map((_, i) => i).filter((i) => !excluded.has(i));
    const call = (vals: unknown[]): unknown => {
      const full = args.slice();
      pos.forEach((p, i) => (full[p] = vals[i]));
      return f(...full);
    };
    return sig === null
      ? elementwise(pos.map((p) => toElements(args[p], where)), call)
      : withCore(pos.map((p) => toArray(args[p] as ArrayLike, where)), call);
  };

  function elementwise(inputs: Elements[], call: (vals: unknown[]) => unknown): unknown {
    const shape = broadcastOf(inputs);
    const size = shapeSize(shape);
    const readers = inputs.map((e) => readerOf(e, shape));
    const offs = new Array<number>(readers.length);
    const vals = new Array<unknown>(readers.length);
    if (size === 0) {
      if (!otypes) {
        throw new TypeError(
          `${where}: cannot call vectorize on size 0 inputs unless otypes is set`,
        );
      }
      return otypes.length === 1
        ? new NDArray(otypes[0], allocate(otypes[0], 0), shape)
        : otypes.map((d) => new NDArray(d, allocate(d, 0), shape));
    }
    let nout = otypes?.length ?? -1;
    let types: (DType | null)[] | null = otypes ? [...otypes] : null;
    let outs: (NDArray | Collector)[] = [];
    forEachOffset(shape, readers, offs, (k) => {
      for (let i = 0; i < readers.length; i++) vals[i] = readers[i].read(offs[i]);
      const r = call(vals);
      if (k === 0) {
        if (nout === -1) nout = Array.isArray(r) ? r.length : 1;
        const first = nout === 1 ? [r] : r as unknown[];
        types ??= first.map(dtypeOfResult);
        outs = types.map((d) =>
          d === null ? new Collector(size) : new NDArray(d, allocate(d, size), shape)
        );
      }
      const rs = nout === 1 ? [r] : r as unknown[];
      if (nout !== 1 && (!Array.isArray(r) || r.length !== nout)) {
        throw new TypeError(
          `${where}: expected ${nout} outputs from the function, got ${String(r)}`,
        );
      }
      outs.forEach((o, j) => {
        if (o instanceof Collector) o.put(k, rs[j]);
        else writeScalar(o.data, o.dtype, k, castValue(rs[j], o.dtype, where));
      });
    });
    const res = outs.map((o) => (o instanceof Collector ? o.result(shape) : o));
    return nout === 1 ? res[0] : res;
  }

  function withCore(inputs: NDArray[], call: (vals: unknown[]) => unknown): unknown {
    const s = sig!;
    const b = bindSignature(s, inputs.map((a) => a.shape), where);
    const loop = broadcastShapes(...b.loopShapes);
    const cores = s.inputs.map((c) => coreShape(c, b.sizes));
    const views = inputs.map((a, k) => broadcastTo(a, [...loop, ...cores[k]]));
    const n = shapeSize(loop), nout = s.outputs.length;
    const sizes = new Map(b.sizes);
    const outCores: (number[] | null)[] = s.outputs.map((dims) =>
      dims.every((d) => typeof d === "number" || sizes.has(d)) ? coreShape(dims, sizes) : null
    );
    let outs: NDArray[] | null = null;
    if (n === 0) {
      if (!otypes || outCores.some((c) => c === null)) {
        throw new TypeError(
          `${where}: cannot call vectorize with signature ${s.text} on size 0 inputs unless ` +
            `otypes is set and every output dimension comes from the inputs`,
        );
      }
      outs = otypes.map((d, j) => new NDArray(d, allocate(d, 0), [...loop, ...outCores[j]!]));
      return nout === 1 ? outs[0] : outs;
    }
    const idx = new Array<number>(loop.length).fill(0);
    for (let t = 0; t < n; t++) {
      const r = call(views.map((v) => v.slice(...idx)));
      const rs = nout === 1 ? [r] : r as unknown[];
      if (nout !== 1 && (!Array.isArray(r) || r.length !== nout)) {
        throw new TypeError(
          `${where}: expected ${nout} outputs from the function, got ${String(r)}`,
        );
      }
      const arrs = rs.map((x) => toArray(x as ArrayLike, where));
      if (outs === null) {
        outs = arrs.map((a, j) => {
          const dims = s.outputs[j];
          learn(dims, a.shape, j);
          const core = coreShape(dims, sizes);
          const dt = otypes?.[j] ?? a.dtype;
          return new NDArray(dt, allocate(dt, n * shapeSize(core)), [...loop, ...core]);
        });
      }
      arrs.forEach((a, j) => {
        const want = outs![j].shape.slice(loop.length);
        if (a.shape.length !== want.length || a.shape.some((d, i) => d !== want[i])) {
          throw new TypeError(
            `${where}: output ${j} has shape ${fmtShape(a.shape)}, the signature ${s.text} ` +
              `needs ${fmtShape(want)}`,
          );
        }
        setSlice(outs![j], idx, a);
      });
      for (let d = loop.length - 1; d >= 0; d--) {
        if (++idx[d] < loop[d]) break;
        idx[d] = 0;
      }
    }
    return nout === 1 ? outs![0] : outs;

    function learn(dims: readonly CoreDim[], shape: readonly number[], j: number): void {
      if (shape.length !== dims.length) {
        throw new TypeError(
          `${where}: output ${j} has ${shape.length} dimension(s), the signature ${s.text} ` +
            `gives it ${dims.length}`,
        );
      }
      dims.forEach((d, i) => {
        if (typeof d === "string" && !sizes.has(d)) sizes.set(d, shape[i]);
      });
    }
  }
}
