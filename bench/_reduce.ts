// Reduction workloads: sum of 10M, axis sums of 3000×3000, per-channel mean and
// normalization of an image batch.
import * as nd from "../mod.ts";
import { Matrix } from "ml-matrix";
import { f32, f64, rowsOf } from "./_data.ts";
import { ndarray, NjNdArray, ops } from "./_jslibs.ts";
import { tf } from "./_tf.ts";
import { Unavailable, type Workload } from "./_workload.ts";

const N = 10_000_000;
const R = 1000, C = 10_000;
const M = 3000;
/** Image batch (32, 3, 64, 64): 96 planes of 4096 pixels. */
const BATCH = [32, 3, 64, 64];
const PLANES = 96, PIX = 4096;

/** Why nd cannot reduce yet (the reductions are written separately), or null. */
function noReductions(): string | null {
  try {
    nd.zeros([2]).sum();
    return null;
  } catch (e) {
    return `nd reductions are not available yet: ${(e as Error).message}`;
  }
}
function needReductions(): void {
  const why = noReductions();
  if (why) throw new Unavailable(why);
}

function jsSum(a: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
function jsSumAxis0(a: Float64Array, m: number, n: number): Float64Array {
  const o = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    const p = i * n;
    for (let j = 0; j < n; j++) o[j] += a[p + j];
  }
  return o;
}
function jsSumAxis1(a: Float64Array, m: number, n: number): Float64Array {
  const o = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const p = i * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += a[p + j];
    o[i] = s;
  }
  return o;
}
function jsPlaneMeans(x: Float64Array, planes: number, pix: number): Float64Array {
  const o = new Float64Array(planes);
  for (let k = 0; k < planes; k++) {
    const p = k * pix;
    let s = 0;
    for (let j = 0; j < pix; j++) s += x[p + j];
    o[k] = s / pix;
  }
  return o;
}
function jsNormalize(x: Float64Array, planes: number, pix: number): Float64Array {
  const mean = jsPlaneMeans(x, planes, pix);
  const o = new Float64Array(x.length);
  for (let k = 0; k < planes; k++) {
    const p = k * pix, m = mean[k];
    for (let j = 0; j < pix; j++) o[p + j] = x[p + j] - m;
  }
  return o;
}
function ndarrayPlaneMeans(x: ReturnType<typeof ndarray>): Float64Array {
  const o = new Float64Array(PLANES);
  for (let n = 0; n < BATCH[0]; n++) {
    for (let c = 0; c < BATCH[1]; c++) o[n * BATCH[1] + c] = ops.sum(x.pick(n, c)) / PIX;
  }
  return o;
}

const batch = () => new nd.NDArray("float64", f64(PLANES * PIX, 3), BATCH);
const square = () => new nd.NDArray("float64", f64(M * M, 4), [M, M]);

/** The reduction workloads. */
export const REDUCE: Workload[] = [
  {
    id: "sum",
    title: "sum of 10M float64",
    suite: "reduce",
    unavailable: noReductions,
    target: 3.5,
    impls: {
      nd: () => {
        needReductions();
        const a = new nd.NDArray("float64", f64(N, 1), [N]);
        return () => a.sum();
      },
      js: () => {
        const a = f64(N, 1);
        return () => jsSum(a);
      },
      ndarray: () => {
        const a = ndarray(f64(N, 1));
        return () => ops.sum(a);
      },
      "ml-matrix": () => {
        const a = new Matrix(rowsOf(R, C, 1));
        return () => a.sum();
      },
      numjs: () => {
        const a = new NjNdArray(ndarray(f64(N, 1)));
        return () => a.sum();
      },
      tfjs: () => {
        const a = tf.tensor1d(f32(N, 1));
        return () => tf.sum(a).dispose();
      },
    },
    notes: { js: "naive loop (NumPy sums pairwise)", tfjs: "float32" },
  },
  ...([0, 1] as const).map((axis): Workload => ({
    id: `sum_axis${axis}`,
    title: `sum of 3000×3000 float64 along axis ${axis}`,
    suite: "reduce",
    unavailable: noReductions,
    target: 4,
    impls: {
      nd: () => {
        needReductions();
        const a = square();
        return () => a.sum({ axis });
      },
      js: () => {
        const a = f64(M * M, 4);
        return axis === 0 ? () => jsSumAxis0(a, M, M) : () => jsSumAxis1(a, M, M);
      },
      ndarray: () => {
        const a = ndarray(f64(M * M, 4), [M, M]);
        return axis === 0
          ? () => {
            const o = ndarray(new Float64Array(M));
            for (let i = 0; i < M; i++) ops.addeq(o, a.pick(i, null));
            return o;
          }
          : () => {
            const o = new Float64Array(M);
            for (let i = 0; i < M; i++) o[i] = ops.sum(a.pick(i, null));
            return o;
          };
      },
      "ml-matrix": () => {
        const a = new Matrix(rowsOf(M, M, 4));
        return () => a.sum(axis === 0 ? "column" : "row");
      },
      tfjs: () => {
        const a = tf.tensor2d(f32(M * M, 4), [M, M]);
        return () => tf.sum(a, axis).dispose();
      },
    },
    notes: {
      ndarray: axis === 0 ? "ops.addeq per row" : "ops.sum per row",
      tfjs: "float32",
    },
  })),
  {
    id: "mean_23",
    title: "mean of (32,3,64,64) over axes (2,3), keepdims",
    suite: "reduce",
    unavailable: noReductions,
    impls: {
      nd: () => {
        needReductions();
        const x = batch();
        return () => x.mean({ axis: [2, 3], keepdims: true });
      },
      js: () => {
        const x = f64(PLANES * PIX, 3);
        return () => jsPlaneMeans(x, PLANES, PIX);
      },
      ndarray: () => {
        const x = ndarray(f64(PLANES * PIX, 3), BATCH);
        return () => ndarrayPlaneMeans(x);
      },
      "ml-matrix": () => {
        const x = new Matrix(rowsOf(PLANES, PIX, 3));
        return () => x.mean("row");
      },
      tfjs: () => {
        const x = tf.tensor4d(f32(PLANES * PIX, 3), BATCH as [number, number, number, number]);
        return () => tf.mean(x, [2, 3], true).dispose();
      },
    },
    notes: { "ml-matrix": "as a (96, 4096) matrix", tfjs: "float32" },
  },
  {
    id: "normalize",
    title: "x - mean(x, axis=(2,3), keepdims) for x (32,3,64,64)",
    suite: "reduce",
    unavailable: noReductions,
    target: 3,
    impls: {
      nd: () => {
        needReductions();
        const x = batch();
        return () => x.sub(x.mean({ axis: [2, 3], keepdims: true }));
      },
      js: () => {
        const x = f64(PLANES * PIX, 3);
        return () => jsNormalize(x, PLANES, PIX);
      },
      ndarray: () => {
        const x = ndarray(f64(PLANES * PIX, 3), BATCH);
        return () => {
          const mean = ndarrayPlaneMeans(x);
          const o = ndarray(new Float64Array(PLANES * PIX), BATCH);
          for (let n = 0; n < BATCH[0]; n++) {
            for (let c = 0; c < BATCH[1]; c++) {
              ops.subs(o.pick(n, c), x.pick(n, c), mean[n * BATCH[1] + c]);
            }
          }
          return o;
        };
      },
      "ml-matrix": () => {
        const x = new Matrix(rowsOf(PLANES, PIX, 3));
        return () => x.clone().subColumnVector(x.mean("row"));
      },
      tfjs: () => {
        const x = tf.tensor4d(f32(PLANES * PIX, 3), BATCH as [number, number, number, number]);
        return () => tf.tidy(() => tf.sub(x, tf.mean(x, [2, 3], true))).dispose();
      },
    },
    notes: { "ml-matrix": "as a (96, 4096) matrix", tfjs: "float32" },
  },
];
