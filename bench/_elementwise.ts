// Elementwise workloads: add into `out`, add with a new output, exp, broadcasting multiply,
// mixed dtypes.
import * as nd from "../mod.ts";
import { Matrix } from "ml-matrix";
import { f32, f64, rowsOf } from "./_data.ts";
import { ndarray, NjNdArray, ops } from "./_jslibs.ts";
import { tf } from "./_tf.ts";
import type { Workload } from "./_workload.ts";

const N = 10_000_000;
/** ml-matrix is 2-D only: the 10M elements as 1000 rows of 10000. */
const R = 1000, C = 10_000;
/** Broadcasting multiply: (B, B) * (B,). */
const B = 2000;

const f64Array = (n: number, seed: number, shape: number[] = [n]) =>
  new nd.NDArray("float64", f64(n, seed), shape);

function jsAddInto(o: Float64Array, a: Float64Array, b: Float64Array): Float64Array {
  for (let i = 0; i < o.length; i++) o[i] = a[i] + b[i];
  return o;
}
function jsAddNew(a: Float64Array, b: Float64Array): Float64Array {
  const o = new Float64Array(a.length);
  for (let i = 0; i < o.length; i++) o[i] = a[i] + b[i];
  return o;
}
function jsExp(a: Float64Array): Float64Array {
  const o = new Float64Array(a.length);
  for (let i = 0; i < o.length; i++) o[i] = Math.exp(a[i]);
  return o;
}
function jsMulRow(x: Float64Array, row: Float64Array): Float64Array {
  const n = row.length, m = x.length / n;
  const o = new Float64Array(x.length);
  for (let i = 0; i < m; i++) {
    const p = i * n;
    for (let j = 0; j < n; j++) o[p + j] = x[p + j] * row[j];
  }
  return o;
}
function jsAddMixed(a: Float32Array, b: Float64Array): Float64Array {
  const o = new Float64Array(a.length);
  for (let i = 0; i < o.length; i++) o[i] = a[i] + b[i];
  return o;
}

/** The elementwise workloads. */
export const ELEMENTWISE: Workload[] = [
  {
    id: "add_out",
    title: "add 10M float64 into out",
    suite: "elementwise",
    target: 1.5,
    impls: {
      nd: () => {
        const a = f64Array(N, 1), b = f64Array(N, 2), out = nd.empty([N]);
        return () => nd.add(a, b, { out });
      },
      js: () => {
        const a = f64(N, 1), b = f64(N, 2), o = new Float64Array(N);
        return () => jsAddInto(o, a, b);
      },
      ndarray: () => {
        const a = ndarray(f64(N, 1)), b = ndarray(f64(N, 2)), o = ndarray(new Float64Array(N));
        return () => ops.add(o, a, b);
      },
      "ml-matrix": () => {
        const a = new Matrix(rowsOf(R, C, 1)), b = new Matrix(rowsOf(R, C, 2));
        return () => a.add(b);
      },
      numjs: () => {
        const a = new NjNdArray(ndarray(f64(N, 1).slice())), b = new NjNdArray(ndarray(f64(N, 2)));
        return () => a.add(b, false);
      },
    },
    notes: { "ml-matrix": "in place (a += b)", numjs: "in place (a += b)" },
  },
  {
    id: "add_new",
    title: "add 10M float64, new output",
    suite: "elementwise",
    target: 2.0,
    impls: {
      nd: () => {
        const a = f64Array(N, 1), b = f64Array(N, 2);
        return () => nd.add(a, b);
      },
      js: () => {
        const a = f64(N, 1), b = f64(N, 2);
        return () => jsAddNew(a, b);
      },
      ndarray: () => {
        const a = ndarray(f64(N, 1)), b = ndarray(f64(N, 2));
        return () => ops.add(ndarray(new Float64Array(N)), a, b);
      },
      "ml-matrix": () => {
        const a = new Matrix(rowsOf(R, C, 1)), b = new Matrix(rowsOf(R, C, 2));
        return () => Matrix.add(a, b);
      },
      numjs: () => {
        const a = new NjNdArray(ndarray(f64(N, 1))), b = new NjNdArray(ndarray(f64(N, 2)));
        return () => a.add(b);
      },
      tfjs: () => {
        const a = tf.tensor1d(f32(N, 1)), b = tf.tensor1d(f32(N, 2));
        return () => tf.add(a, b).dispose();
      },
    },
    notes: { tfjs: "float32" },
  },
  {
    id: "exp",
    title: "exp 10M float64",
    suite: "elementwise",
    target: 3.5,
    impls: {
      nd: () => {
        const a = f64Array(N, 1);
        return () => nd.exp(a);
      },
      js: () => {
        const a = f64(N, 1);
        return () => jsExp(a);
      },
      ndarray: () => {
        const a = ndarray(f64(N, 1));
        return () => ops.exp(ndarray(new Float64Array(N)), a);
      },
      "ml-matrix": () => {
        const a = new Matrix(rowsOf(R, C, 1));
        return () => Matrix.exp(a);
      },
      numjs: () => {
        const a = new NjNdArray(ndarray(f64(N, 1)));
        return () => a.exp();
      },
      tfjs: () => {
        const a = tf.tensor1d(f32(N, 1));
        return () => tf.exp(a).dispose();
      },
    },
    notes: { tfjs: "float32" },
  },
  {
    id: "mul_bcast",
    title: "multiply (2000,2000) by a (2000,) row",
    suite: "elementwise",
    impls: {
      nd: () => {
        const x = f64Array(B * B, 1, [B, B]), row = f64Array(B, 2);
        return () => nd.multiply(x, row);
      },
      js: () => {
        const x = f64(B * B, 1), row = f64(B, 2);
        return () => jsMulRow(x, row);
      },
      ndarray: () => {
        const x = ndarray(f64(B * B, 1), [B, B]), row = ndarray(f64(B, 2));
        return () => {
          const o = ndarray(new Float64Array(B * B), [B, B]);
          for (let i = 0; i < B; i++) ops.mul(o.pick(i, null), x.pick(i, null), row);
          return o;
        };
      },
      "ml-matrix": () => {
        const x = new Matrix(rowsOf(B, B, 1)), row = Array.from(f64(B, 2));
        return () => x.clone().mulRowVector(row);
      },
      tfjs: () => {
        const x = tf.tensor2d(f32(B * B, 1), [B, B]), row = tf.tensor1d(f32(B, 2));
        return () => tf.mul(x, row).dispose();
      },
    },
    notes: { ndarray: "one ops.mul per row", "ml-matrix": "clone + in place", tfjs: "float32" },
  },
  {
    id: "add_mixed",
    title: "add float32 + float64 → float64, 10M",
    suite: "elementwise",
    impls: {
      nd: () => {
        const a = new nd.NDArray("float32", f32(N, 1), [N]), b = f64Array(N, 2);
        return () => nd.add(a, b);
      },
      js: () => {
        const a = f32(N, 1), b = f64(N, 2);
        return () => jsAddMixed(a, b);
      },
      ndarray: () => {
        const a = ndarray(f32(N, 1)), b = ndarray(f64(N, 2));
        return () => ops.add(ndarray(new Float64Array(N)), a, b);
      },
    },
  },
];
