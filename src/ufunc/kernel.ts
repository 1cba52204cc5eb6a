/**
 * `kernel`: a compiled generalized ufunc from a JS loop over core dimensions (numba's
 * `@guvectorize`).
 *
 * @module
 */

import {
  allocate,
  checkDType,
  type DType,
  type DTypeMap,
  DTYPES,
  viewBuffer,
} from "../core/dtype.ts";
import { assertLive, NDArray } from "../core/ndarray.ts";
import { canCast, weakKind } from "../core/promotion.ts";
import {
  broadcastShapes,
  broadcastStrides,
  fmtShape,
  shapesEqual,
  shapeSize,
} from "../core/shape.ts";
import { toArray } from "../core/asarray.ts";
import { copy, copyInto, sharesBuffer } from "../core/copy.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { bindSignature, coreShape, parseSignature, type Signature } from "./_signature.ts";
import { compileSource, notSelfContained } from "./_inline.ts";
import {
  type Job,
  PARALLEL_MIN_SIZE,
  participants,
  registerExecutor,
  runParallel,
  WorkerError,
} from "./_parallel.ts";
import { allocateShared } from "./shared.ts";

/**
 * What a kernel function receives for each argument: the argument's buffer and where its core
 * block lies in it for the current outer index. Element `[i, j]` of a 2-D core block is
 * `data[off + i * st0 + j * st1]`; a 1-D block (`"(n)"`) is `data[off + i * st]` for `i < n`;
 * a scalar (`"()"`) is `data[off]`. Strides are in elements and may be 0 or negative (views,
 * broadcast inputs). nd passes the same objects to every call of one kernel call and only
 * moves `off`: read the fields at the start of the function (or in the loop; V8 keeps them in
 * registers), and do not keep a view after returning.
 *
 * Speed: indexing with a stride V8 does not know costs about 2× on long streaming loops
 * (measured: a 10M-element dot product in 10 ms against 5 ms for a plain typed-array loop).
 * For long core dimensions, branch on `st === 1` and loop over
 * `data.subarray(off, off + n)`: that runs as fast as the plain loop.
 */
export interface KernelView<D extends DType = "float64"> {
  /** The typed array holding the argument (the whole buffer: index it with `off`). */
  readonly data: DTypeMap[D];
  /** Index in `data` of the core block's first element, for this call. */
  readonly off: number;
  /** Size of the first core dimension (1 for a scalar core). Same as `n0`. */
  readonly n: number;
  /** Stride of the first core dimension, in elements (0 for a scalar core). Same as `st0`. */
  readonly st: number;
  /** Size of core dimension 0 (1 when absent). */
  readonly n0: number;
  /** Stride of core dimension 0 (0 when absent). */
  readonly st0: number;
  /** Size of core dimension 1 (1 when absent). */
  readonly n1: number;
  /** Stride of core dimension 1 (0 when absent). */
  readonly st1: number;
  /** Size of core dimension 2 (1 when absent). */
  readonly n2: number;
  /** Stride of core dimension 2 (0 when absent). */
  readonly st2: number;
  /** Number of core dimensions. */
  readonly ndim: number;
  /** All core sizes (for kernels with more than three core dimensions). */
  readonly shape: readonly number[];
  /** All core strides. */
  readonly strides: readonly number[];
}

/** The one class of every view (a single hidden class keeps kernel code monomorphic). */
class View {
  data: DTypeMap[DType];
  off: number;
  n: number;
  st: number;
  n0: number;
  st0: number;
  n1: number;
  st1: number;
  n2: number;
  st2: number;
  ndim: number;
  shape: readonly number[];
  strides: readonly number[];
  constructor(data: DTypeMap[DType], shape: readonly number[], strides: readonly number[]) {
    this.data = data;
    this.off = 0;
    this.n = shape.length > 0 ? shape[0] : 1;
    this.st = shape.length > 0 ? strides[0] : 0;
    this.n0 = this.n;
    this.st0 = this.st;
    this.n1 = shape.length > 1 ? shape[1] : 1;
    this.st1 = shape.length > 1 ? strides[1] : 0;
    this.n2 = shape.length > 2 ? shape[2] : 1;
    this.st2 = shape.length > 2 ? strides[2] : 0;
    this.ndim = shape.length;
    this.shape = Object.freeze(shape.slice());
    this.strides = Object.freeze(strides.slice());
  }
}

/** Loop dtypes of kernels (every real dtype; complex data has no single-number element). */
export type KernelDType = Exclude<DType, "complex64" | "complex128">;

/** Options of {@linkcode kernel}. */
export interface KernelOpts<D extends KernelDType = "float64"> {
  /** The generalized-ufunc signature, e.g. `"(n),(n)->()"` or `"(m,n),(n)->(m)"` (required). */
  signature: string;
  /**
   * The dtype of every argument (default float64): inputs are cast to it (with "same_kind"
   * casting), outputs are allocated with it.
   */
  dtype?: D;
  /** The kernel's name, for messages (default `fn.name`, or `"anonymous"`). */
  name?: string;
  /**
   * Split the outer loop of large calls across worker threads: calls whose arguments hold at
   * least `PARALLEL_MIN_SIZE` elements, with at least two outer positions, whose input and
   * `out` arrays are in shared memory (see `toShared`; inputs cast to `dtype` are copied there),
   * when `fn` is self-contained (workers rebuild it from its source; closures run serially).
   * Each outer position must write only its own output blocks, as in any kernel.
   */
  parallel?: boolean;
}

/** Options of a kernel call. */
export interface KernelCallOpts {
  /** The output array(s) to write into: the exact shape and dtype nd would allocate. */
  out?: NDArray | readonly NDArray[];
}

/** A compiled generalized ufunc (see {@linkcode kernel}). */
export interface Kernel<R extends NDArray | NDArray[] = NDArray> {
  /** Calls the kernel: the inputs (arrays or values), then optionally `{ out }`. */
  (...args: (ArrayLike | KernelCallOpts)[]): R;
  /** The kernel's name. */
  readonly name: string;
  /** The signature, without spaces. */
  readonly signature: string;
  /** Number of inputs. */
  readonly nin: number;
  /** Number of outputs. */
  readonly nout: number;
  /** The dtype of every argument. */
  readonly dtype: KernelDType;
  /** True when large calls on shared arrays run on the worker pool. */
  readonly parallel: boolean;
  /** Why calls stay serial although `parallel` was asked for, or null. */
  readonly parallelReason: string | null;
}

// ---- the outer loop ----

type Drive = (
  views: readonly View[],
  outerStrides: readonly (readonly number[])[],
  bases: readonly number[],
  shape: readonly number[],
  lo: number,
  hi: number,
) => void;

let driverCount = 0;

/**
 * The outer loop of one kernel: calls `fn` for the outer positions `lo..hi` (flat, C order),
 * moving each view's `off`. Generated per kernel so that the call site sees one function.
 */
function makeDriver(fn: (...v: View[]) => unknown, nargs: number, name: string): Drive {
  const ks = Array.from({ length: nargs }, (_, k) => k);
  const each = (f: (k: number) => string) => ks.map(f).join(" ");
  const src = `// kernel driver ${++driverCount} (${name}, ${nargs} arguments)
return function drive(V, O, B, shape, lo, hi) {
  if (lo >= hi) return;
  ${each((k) => `const V${k} = V[${k}], O${k} = O[${k}];`)}
  const nd = shape.length;
  if (nd === 0) {
    ${each((k) => `V${k}.off = B[${k}];`)}
    fn(${ks.map((k) => `V${k}`).join(", ")});
    return;
  }
  const idx = new Array(nd);
  let rem = lo;
  for (let d = nd - 1; d >= 0; d--) {
    idx[d] = rem % shape[d];
    rem = (rem - idx[d]) / shape[d];
  }
  ${each((k) => `let o${k} = B[${k}];`)}
  for (let d = 0; d < nd; d++) {
    ${each((k) => `o${k} += idx[d] * O${k}[d];`)}
  }
  const last = nd - 1, nl = shape[last];
  ${each((k) => `const s${k} = O${k}[last];`)}
  let t = lo;
  for (;;) {
    let j = idx[last];
    const stop = Math.min(nl, j + (hi - t));
    t += stop - j;
    for (; j < stop; j++) {
      ${each((k) => `V${k}.off = o${k};`)}
      fn(${ks.map((k) => `V${k}`).join(", ")});
      ${each((k) => `o${k} += s${k};`)}
    }
    if (t >= hi) return;
    ${each((k) => `o${k} -= s${k} * nl;`)}
    idx[last] = 0;
    for (let d = last - 1; d >= 0; d--) {
      idx[d]++;
      ${each((k) => `o${k} += O${k}[d];`)}
      if (idx[d] < shape[d]) break;
      ${each((k) => `o${k} -= O${k}[d] * shape[d];`)}
      idx[d] = 0;
    }
  }
};`;
  return new Function("fn", src)(fn) as Drive;
}

interface Impl {
  drive: Drive;
}

// ---- parallel jobs ----

interface ArgDesc {
  buffer: SharedArrayBuffer;
  byteOffset: number;
  length: number;
  base: number;
  outer: number[];
  core: number[];
  coreStrides: number[];
}

interface KernelJob extends Job {
  kind: "kernel";
  src: string;
  dtype: KernelDType;
  name: string;
  nargs: number;
  shape: number[];
  total: number;
  args: ArgDesc[];
}

registerExecutor<KernelJob, Impl>("kernel", {
  build: (job) => ({
    drive: makeDriver(compileSource(job.src) as (...v: View[]) => unknown, job.nargs, job.name),
  }),
  run: (impl, job, c) => {
    const views = job.args.map((a) =>
      new View(
        viewBuffer(job.dtype, a.buffer, a.byteOffset, a.length),
        a.core,
        a.coreStrides,
      )
    );
    const lo = Math.floor((c * job.total) / job.nchunks);
    const hi = Math.floor(((c + 1) * job.total) / job.nchunks);
    impl.drive(views, job.args.map((a) => a.outer), job.args.map((a) => a.base), job.shape, lo, hi);
  },
});

const CHUNKS_PER_THREAD = 8;

function isCallOpts(x: unknown): x is KernelCallOpts {
  return typeof x === "object" && x !== null && !(x instanceof NDArray) && !Array.isArray(x) &&
    !ArrayBuffer.isView(x) && weakKind(x) === undefined;
}

const shared = (a: NDArray) => a.data.buffer instanceof SharedArrayBuffer;

// ---- kernel ----

/**
 * A compiled generalized ufunc from a JS function over core blocks — numba's
 * `@guvectorize`. `fn(...inputs, ...outputs)` is called once per position of the broadcast
 * outer (loop) dimensions with one {@linkcode KernelView} per argument, and writes the
 * outputs in place: `out.data[out.off + i * out.st] = ...`. nd allocates the outputs from the
 * signature (zero-filled, so every output core dimension must appear among the inputs'),
 * casts the inputs to the kernel's dtype, checks the core dimensions (`bindSignature`'s errors)
 * and broadcasts the outer ones. One output gives an NDArray, several an array of them.
 *
 * The views are plain objects of one shape, reused from call to call (only `off` moves), so
 * V8 compiles `fn` as it would a loop over a typed array: no allocation, no lookups.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * import { kernel, type KernelView } from "./kernel.ts";
 * const dot = kernel((x: KernelView, y: KernelView, out: KernelView) => {
 *   let s = 0;
 *   for (let i = 0; i < x.n; i++) s += x.data[x.off + i * x.st] * y.data[y.off + i * y.st];
 *   out.data[out.off] = s;
 * }, { signature: "(n),(n)->()" });
 * const a = nd.arange(6).reshape([2, 3]);
 * assert.deepEqual(dot(a, [1, 1, 1]).toArray(), [3, 12]); // one dot product per row
 * const matvec = kernel((m: KernelView, v: KernelView, out: KernelView) => {
 *   for (let i = 0; i < m.n0; i++) {
 *     let s = 0;
 *     for (let j = 0; j < m.n1; j++) s += m.data[m.off + i * m.st0 + j * m.st1] * v.data[v.off + j * v.st];
 *     out.data[out.off + i * out.st] = s;
 *   }
 * }, { signature: "(m,n),(n)->(m)" });
 * assert.deepEqual(matvec(a, [1, 0, 2]).toArray(), [4, 13]);
 * ```
 */
export function kernel<R extends NDArray | NDArray[] = NDArray, D extends KernelDType = "float64">(
  fn: (...views: KernelView<D>[]) => unknown,
  opts: KernelOpts<D>,
): Kernel<R> {
  if (typeof fn !== "function") {
    throw new TypeError(`kernel: fn must be a function, got ${fn === null ? "null" : typeof fn}`);
  }
  if (typeof opts !== "object" || opts === null || opts.signature === undefined) {
    throw new TypeError('kernel: a signature is required, e.g. { signature: "(n),(n)->()" }');
  }
  const sig: Signature = parseSignature(opts.signature, "kernel");
  const dtype = (opts.dtype ?? "float64") as KernelDType;
  checkDType(dtype, "kernel");
  if (DTYPES[dtype].kind === "c") {
    throw new RangeError(`kernel: unsupported dtype ${dtype}: kernels take real dtypes`);
  }
  const base = opts.name ?? (fn.name || "anonymous");
  if (typeof base !== "string" || base === "" || /[\n\r\u2028\u2029]/.test(base)) {
    throw new TypeError(
      `kernel: name must be a non-empty string on one line, got ${JSON.stringify(base)}`,
    );
  }
  const where = `kernel ${base}`;
  const inNames = new Set(sig.inputs.flat());
  for (const dims of sig.outputs) {
    for (const d of dims) {
      if (typeof d === "string" && !inNames.has(d)) {
        throw new TypeError(
          `${where}: output core dimension ${d} of signature ${sig.text} does not appear in ` +
            `the inputs: nd sizes the outputs from the inputs`,
        );
      }
    }
  }
  const nin = sig.inputs.length, nout = sig.outputs.length, nargs = nin + nout;
  if (fn.length !== 0 && fn.length !== nargs) {
    throw new TypeError(
      `${where}: fn takes ${fn.length} parameter(s) but the signature ${sig.text} has ${nargs} ` +
        `arguments (${nin} input(s), then ${nout} output(s))`,
    );
  }
  const src = Function.prototype.toString.call(fn);
  const why = opts.parallel ? notSelfContained(fn as (...xs: never[]) => unknown) : null;
  const parallel = opts.parallel === true && why === null;
  let impl: Impl | undefined;
  const key = `kernel|${dtype}|${sig.text}|${src}`;

  const call = (...argsIn: (ArrayLike | KernelCallOpts)[]): R => {
    const args = argsIn.slice();
    let callOpts: KernelCallOpts = {};
    if (args.length === nin + 1 && (isCallOpts(args[nin]) || args[nin] === undefined)) {
      callOpts = (args.pop() as KernelCallOpts | undefined) ?? {};
    }
    if (args.length !== nin) {
      throw new TypeError(
        `${where}: expected ${nin} input(s) for signature ${sig.text}, got ${args.length}`,
      );
    }
    const ins = (args as ArrayLike[]).map((a) => toArray(a, where));
    ins.forEach((a, i) => {
      if (!canCast(a.dtype, dtype, { casting: "same_kind" })) {
        throw new TypeError(
          `${where}: cannot cast input ${i} from ${a.dtype} to ${dtype} with casting rule "same_kind"`,
        );
      }
    });
    const bind = bindSignature(sig, ins.map((a) => a.shape), where);
    let outer: number[];
    try {
      outer = broadcastShapes(...bind.loopShapes);
    } catch {
      throw new TypeError(
        `${where}: cannot broadcast the loop dimensions ${
          bind.loopShapes.map(fmtShape).join(", ")
        } of the inputs (signature ${sig.text})`,
      );
    }
    const outShapes = sig.outputs.map((dims) => [...outer, ...coreShape(dims, bind.sizes)]);
    const total = shapeSize(outer);
    const work = total * [...sig.inputs, ...sig.outputs].reduce(
      (s, dims) => s + shapeSize(coreShape(dims, bind.sizes)),
      0,
    );
    const given = callOpts.out === undefined
      ? undefined
      : callOpts.out instanceof NDArray
      ? [callOpts.out]
      : callOpts.out;
    const goParallel = parallel && total >= 2 && work >= PARALLEL_MIN_SIZE &&
      ins.every((a) => shared(a) || a.dtype !== dtype) &&
      (given === undefined || given.every((o) => o instanceof NDArray && shared(o)));
    // Outputs.
    let outs: NDArray[];
    if (given !== undefined) {
      if (!Array.isArray(given) || given.length !== nout) {
        throw new TypeError(`${where}: out must be ${nout} NDArray(s) for signature ${sig.text}`);
      }
      given.forEach((o, k) => {
        if (!(o instanceof NDArray)) throw new TypeError(`${where}: out[${k}] must be an NDArray`);
        if (!shapesEqual(o.shape, outShapes[k]) || o.dtype !== dtype) {
          throw new TypeError(
            `${where}: out[${k}] must have shape ${fmtShape(outShapes[k])} and dtype ${dtype}, ` +
              `got shape ${fmtShape(o.shape)} and dtype ${o.dtype}`,
          );
        }
        assertLive(o, where);
        if (!o.flags.writeable) throw new TypeError(`${where}: out[${k}] is read-only`);
      });
      outs = given.slice();
    } else {
      outs = outShapes.map((s) =>
        new NDArray(
          dtype,
          goParallel ? allocateShared(dtype, shapeSize(s)) : allocate(dtype, shapeSize(s)),
          s,
        )
      );
    }
    // Inputs in the kernel's dtype, never sharing memory with an output.
    const inputs = ins.map((a) => {
      if (a.dtype === dtype && !outs.some((o) => sharesBuffer(a, o))) return a;
      if (!goParallel) return copy(a, dtype);
      const c = new NDArray(dtype, allocateShared(dtype, a.size), a.shape);
      copyInto(c, a);
      return c;
    });
    if (total === 0) return (nout === 1 ? outs[0] : outs) as R;
    const all = [...inputs, ...outs];
    const cores = [...sig.inputs, ...sig.outputs].map((d) => d.length);
    const outerOf = (a: NDArray, k: number) => {
      const nl = a.ndim - cores[k];
      return broadcastStrides(a.shape.slice(0, nl), a.strides.slice(0, nl), outer);
    };
    impl ??= { drive: makeDriver(fn as (...v: View[]) => unknown, nargs, base) };
    if (goParallel) {
      const job: KernelJob = {
        kind: "kernel",
        key,
        nchunks: Math.min(total, participants() * CHUNKS_PER_THREAD),
        src,
        dtype,
        name: base,
        nargs,
        shape: outer,
        total,
        args: all.map((a, k) => ({
          buffer: a.data.buffer as SharedArrayBuffer,
          byteOffset: a.data.byteOffset,
          length: a.data.length,
          base: a.offset,
          outer: outerOf(a, k),
          core: a.shape.slice(a.ndim - cores[k]),
          coreStrides: a.strides.slice(a.ndim - cores[k]),
        })),
      };
      const done = runParallel(job, impl);
      if (done instanceof WorkerError) {
        const Ctor = done.errorName === "TypeError"
          ? TypeError
          : done.errorName === "RangeError"
          ? RangeError
          : Error;
        throw new Ctor(`${where}: ${done.message} (in a worker)`);
      }
      if (done) return (nout === 1 ? outs[0] : outs) as R;
    }
    const views = all.map((a, k) =>
      new View(a.data, a.shape.slice(a.ndim - cores[k]), a.strides.slice(a.ndim - cores[k]))
    );
    impl.drive(views, all.map(outerOf), all.map((a) => a.offset), outer, 0, total);
    return (nout === 1 ? outs[0] : outs) as R;
  };
  Object.defineProperties(call, {
    name: { value: base, configurable: true },
    signature: { value: sig.text },
    nin: { value: nin },
    nout: { value: nout },
    dtype: { value: dtype },
    parallel: { value: parallel },
    parallelReason: {
      value: why === null ? null : `${why}: workers rebuild the function from its source`,
    },
  });
  return call as unknown as Kernel<R>;
}
