// Slicing and indexing workloads: views, strided copies, integer-array and mask indexing,
// strided assignment.
import * as nd from "../mod.ts";
import { f32, f64 } from "./_data.ts";
import { ndarray, ops } from "./_jslibs.ts";
import { tf } from "./_tf.ts";
import type { Workload } from "./_workload.ts";

const M = 3000;
const T = 4096;
const N = 10_000_000;
/** Number of fancy indices. */
const K = 1_000_000;
const VIEWS = 1000;

/** K indices into [0, N), deterministic. */
function indices(): Int32Array {
  const u = f64(K, 7);
  const idx = new Int32Array(K);
  for (let i = 0; i < K; i++) idx[i] = Math.floor((u[i] + 1) / 2 * N);
  return idx;
}

function jsTake(a: Float64Array, idx: Int32Array): Float64Array {
  const o = new Float64Array(idx.length);
  for (let k = 0; k < idx.length; k++) o[k] = a[idx[k]];
  return o;
}
function jsMask(a: Float64Array, mask: Uint8Array): Float64Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  const o = new Float64Array(n);
  for (let i = 0, k = 0; i < mask.length; i++) if (mask[i]) o[k++] = a[i];
  return o;
}
function jsStepCopy(a: Float64Array, n: number): Float64Array {
  const h = n >> 1;
  const o = new Float64Array(h * h);
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < h; j++) o[i * h + j] = a[2 * i * n + 2 * j];
  }
  return o;
}
function jsSetStrided(a: Float64Array): Float64Array {
  for (let i = 0; i < a.length; i += 2) a[i] = 0;
  return a;
}

/** The slicing and indexing workloads. */
export const INDEXING: Workload[] = [
  {
    id: "slice_view",
    title: "1000 views a[1:-1, ::2] of 3000×3000",
    suite: "indexing",
    impls: {
      nd: () => {
        const a = new nd.NDArray("float64", f64(M * M, 4), [M, M]);
        return () => {
          let v: unknown;
          for (let i = 0; i < VIEWS; i++) v = a.slice("1:-1", "::2");
          return v;
        };
      },
      ndarray: () => {
        const a = ndarray(f64(M * M, 4), [M, M]);
        return () => {
          let v: unknown;
          for (let i = 0; i < VIEWS; i++) v = a.hi(M - 1, M).lo(1, 0).step(1, 2);
          return v;
        };
      },
    },
  },
  {
    id: "slice_copy",
    title: "copy of a[::2, ::2] of 4096×4096",
    suite: "indexing",
    impls: {
      nd: () => {
        const a = new nd.NDArray("float64", f64(T * T, 5), [T, T]);
        return () => nd.copy(a.slice("::2", "::2"));
      },
      js: () => {
        const a = f64(T * T, 5);
        return () => jsStepCopy(a, T);
      },
      ndarray: () => {
        const a = ndarray(f64(T * T, 5), [T, T]);
        return () => {
          const o = ndarray(new Float64Array(T * T / 4), [T / 2, T / 2]);
          ops.assign(o, a.step(2, 2));
          return o;
        };
      },
      tfjs: () => {
        const a = tf.tensor2d(f32(T * T, 5), [T, T]);
        return () => tf.stridedSlice(a, [0, 0], [T, T], [2, 2]).dispose();
      },
    },
    notes: { tfjs: "float32" },
  },
  {
    id: "take",
    title: "a[idx]: 1M int64 indices into 10M float64",
    suite: "indexing",
    impls: {
      nd: () => {
        const a = new nd.NDArray("float64", f64(N, 1), [N]);
        const idx = new nd.NDArray("int64", BigInt64Array.from(indices(), BigInt), [K]);
        return () => a.slice(idx);
      },
      js: () => {
        const a = f64(N, 1), idx = indices();
        return () => jsTake(a, idx);
      },
      tfjs: () => {
        const a = tf.tensor1d(f32(N, 1)), idx = tf.tensor1d(indices(), "int32");
        return () => tf.gather(a, idx).dispose();
      },
    },
    notes: { js: "int32 indices", tfjs: "float32 values, int32 indices" },
  },
  {
    id: "mask",
    title: "a[a > 0] of 10M float64",
    suite: "indexing",
    impls: {
      nd: () => {
        const a = new nd.NDArray("float64", f64(N, 1), [N]);
        const mask = a.greater(0);
        return () => a.slice(mask);
      },
      js: () => {
        const a = f64(N, 1), mask = new Uint8Array(N);
        for (let i = 0; i < N; i++) mask[i] = a[i] > 0 ? 1 : 0;
        return () => jsMask(a, mask);
      },
    },
    notes: { js: "mask precomputed, as for nd" },
  },
  {
    id: "set_strided",
    title: "a[::2] = 0 on 10M float64",
    suite: "indexing",
    impls: {
      nd: () => {
        const a = new nd.NDArray("float64", f64(N, 1).slice(), [N]);
        return () => a.setSlice(["::2"], 0);
      },
      js: () => {
        const a = f64(N, 1).slice();
        return () => jsSetStrided(a);
      },
      ndarray: () => {
        const a = ndarray(f64(N, 1).slice());
        return () => ops.assigns(a.step(2), 0);
      },
    },
  },
];
