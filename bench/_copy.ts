// Copy workloads: materialising a transpose, contiguous copy, dtype conversion.
import * as nd from "../mod.ts";
import { Matrix } from "ml-matrix";
import { f32, f64, rowsOf } from "./_data.ts";
import { ndarray, NjNdArray, ops } from "./_jslibs.ts";
import { tf } from "./_tf.ts";
import type { Workload } from "./_workload.ts";

const T = 4096;
const N = 10_000_000;

function jsTransposeCopy(a: Float64Array, n: number): Float64Array {
  const o = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) o[i * n + j] = a[j * n + i];
  }
  return o;
}

/** The copy workloads. */
export const COPY: Workload[] = [
  {
    id: "transpose_copy",
    title: "copy of the transpose of 4096×4096 float64",
    suite: "copy",
    target: 0.6,
    impls: {
      nd: () => {
        const a = new nd.NDArray("float64", f64(T * T, 5), [T, T]);
        return () => nd.copy(a.T);
      },
      js: () => {
        const a = f64(T * T, 5);
        return () => jsTransposeCopy(a, T);
      },
      ndarray: () => {
        const a = ndarray(f64(T * T, 5), [T, T]);
        return () => {
          const o = ndarray(new Float64Array(T * T), [T, T]);
          ops.assign(o, a.transpose(1, 0));
          return o;
        };
      },
      "ml-matrix": () => {
        const a = new Matrix(rowsOf(T, T, 5));
        return () => a.transpose();
      },
      tfjs: () => {
        const a = tf.tensor2d(f32(T * T, 5), [T, T]);
        return () => tf.transpose(a).dispose();
      },
    },
    notes: { js: "naive double loop", tfjs: "float32" },
  },
  {
    id: "copy_contig",
    title: "copy of 10M contiguous float64",
    suite: "copy",
    impls: {
      nd: () => {
        const a = new nd.NDArray("float64", f64(N, 1), [N]);
        return () => nd.copy(a);
      },
      js: () => {
        const a = f64(N, 1);
        return () => a.slice();
      },
      ndarray: () => {
        const a = ndarray(f64(N, 1));
        return () => {
          const o = ndarray(new Float64Array(N));
          ops.assign(o, a);
          return o;
        };
      },
      "ml-matrix": () => {
        const a = new Matrix(rowsOf(1000, 10_000, 1));
        return () => a.clone();
      },
      numjs: () => {
        const a = new NjNdArray(ndarray(f64(N, 1)));
        return () => a.clone();
      },
    },
    notes: { js: "TypedArray.prototype.slice" },
  },
  {
    id: "astype_f32",
    title: "astype float64 → float32, 10M",
    suite: "copy",
    impls: {
      nd: () => {
        const a = new nd.NDArray("float64", f64(N, 1), [N]);
        return () => nd.astype(a, "float32");
      },
      js: () => {
        const a = f64(N, 1);
        return () => new Float32Array(a);
      },
      ndarray: () => {
        const a = ndarray(f64(N, 1));
        return () => {
          const o = ndarray(new Float32Array(N));
          ops.assign(o, a);
          return o;
        };
      },
    },
    notes: { js: "new Float32Array(float64Array)" },
  },
];
