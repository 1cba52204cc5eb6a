// Compiled-ufunc workloads (numba's role): swish x / (1 + exp(-x)) and a clip to [-1, 1] on
// 10M float64 through nd.ufunc, serial and with { parallel: true }, beside hand-written JS
// loops over the same Float64Arrays, the same swish as an nd expression and through
// nd.frompyfunc. The Python side is bench/compare/numba_workloads.py (numba @vectorize,
// target='parallel', the NumPy expression and np.frompyfunc).
//
// Targets from issue 5 (ratios to numba): swish serial ≤ 1.5 (and ≤ 1.1 × the JS loop),
// parallel ≤ 1.0 × numba's target='parallel', clip ≤ 1.5, frompyfunc ≥ 20 × faster than
// np.frompyfunc (0.05).
import * as nd from "../mod.ts";
import { ufunc } from "../src/ufunc/compiled_ufunc.ts";
import { toShared } from "../src/ufunc/shared.ts";
import { f64 } from "./_data.ts";
import type { Workload } from "./_workload.ts";

const N = 10_000_000;

const swishFn = (x: number) => x / (1 + Math.exp(-x));
const clipFn = (x: number) => (x < -1 ? -1 : x > 1 ? 1 : x);

const vec = (a: Float64Array) => new nd.NDArray("float64", a, [a.length]);
/** Input number 1 in [-2, 2): half of it outside the clip range, at random. */
const wide = () => f64(N, 1).map((v) => 2 * v);

function jsSwish(a: Float64Array, o: Float64Array = new Float64Array(a.length)): Float64Array {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    o[i] = x / (1 + Math.exp(-x));
  }
  return o;
}
function jsClip(a: Float64Array, o: Float64Array = new Float64Array(a.length)): Float64Array {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    o[i] = x < -1 ? -1 : x > 1 ? 1 : x;
  }
  return o;
}

/** The compiled-ufunc workloads. */
export const UFUNC: Workload[] = [
  {
    id: "swish_10m",
    title: "swish 10M float64 via nd.ufunc (serial), new output",
    suite: "ufunc",
    target: 1.5,
    impls: {
      nd: () => {
        const swish = ufunc(swishFn), x = vec(f64(N, 1));
        return () => swish(x);
      },
      js: () => {
        const a = f64(N, 1);
        return () => jsSwish(a);
      },
    },
    notes: { js: "hand-written loop, new Float64Array (target: nd ≤ 1.1 × this)" },
  },
  {
    id: "swish_10m_out",
    title: "swish 10M float64 via nd.ufunc (serial), into out",
    suite: "ufunc",
    impls: {
      nd: () => {
        const swish = ufunc(swishFn), x = vec(f64(N, 1)), out = nd.empty([N]);
        return () => swish(x, { out });
      },
      js: () => {
        const a = f64(N, 1), o = new Float64Array(N);
        return () => jsSwish(a, o);
      },
    },
  },
  {
    id: "swish_10m_fastmath",
    title: "swish 10M float64 via nd.ufunc({ fastmath: true }) (nd's exp), new output",
    suite: "ufunc",
    target: 1.5,
    impls: {
      nd: () => {
        const swish = ufunc(swishFn, { fastmath: true }), x = vec(f64(N, 1));
        return () => swish(x);
      },
    },
  },
  {
    id: "swish_10m_fastmath_out",
    title: "swish 10M float64 via nd.ufunc({ fastmath: true }) (nd's exp), into out",
    suite: "ufunc",
    impls: {
      nd: () => {
        const swish = ufunc(swishFn, { fastmath: true }), x = vec(f64(N, 1)), out = nd.empty([N]);
        return () => swish(x, { out });
      },
    },
  },
  {
    id: "swish_10m_parallel",
    title: "swish 10M float64 via nd.ufunc({ parallel: true }), new shared output",
    suite: "ufunc",
    target: 1.0,
    impls: {
      nd: () => {
        const swish = ufunc(swishFn, { parallel: true }), x = toShared(vec(f64(N, 1)));
        return () => swish(x);
      },
    },
  },
  {
    id: "swish_10m_parallel_out",
    title: "swish 10M float64 via nd.ufunc({ parallel: true }), into a shared out",
    suite: "ufunc",
    impls: {
      nd: () => {
        const swish = ufunc(swishFn, { parallel: true });
        const x = toShared(vec(f64(N, 1))), out = toShared(nd.zeros([N]));
        return () => swish(x, { out });
      },
    },
  },
  {
    id: "swish_10m_parallel_fastmath",
    title:
      "swish 10M float64 via nd.ufunc({ parallel: true, fastmath: true }), new shared output " +
      "(numba: target='parallel', fastmath=True)",
    suite: "ufunc",
    target: 1.0,
    impls: {
      nd: () => {
        const swish = ufunc(swishFn, { parallel: true, fastmath: true });
        const x = toShared(vec(f64(N, 1)));
        return () => swish(x);
      },
    },
  },
  {
    id: "swish_10m_numpy",
    title: "swish 10M float64 as an nd expression (NumPy: the same expression)",
    suite: "ufunc",
    impls: {
      nd: () => {
        const x = vec(f64(N, 1));
        return () => nd.divide(x, nd.add(1, nd.exp(nd.negative(x))));
      },
    },
  },
  {
    id: "swish_10m_frompyfunc",
    title: "swish 10M float64 via nd.frompyfunc (NumPy: np.frompyfunc)",
    suite: "ufunc",
    target: 0.05,
    impls: {
      nd: () => {
        const swish = nd.frompyfunc((x) => swishFn(x as number), { nin: 1 }), x = vec(f64(N, 1));
        return () => swish(x);
      },
    },
  },
  {
    id: "clip_10m",
    title: "clip 10M float64 in [-2, 2) to [-1, 1] via nd.ufunc, new output",
    suite: "ufunc",
    target: 1.5,
    impls: {
      nd: () => {
        const clip = ufunc(clipFn), x = vec(wide());
        return () => clip(x);
      },
      js: () => {
        const a = wide();
        return () => jsClip(a);
      },
    },
    notes: { js: "hand-written ternary loop (branches), new Float64Array" },
  },
  {
    id: "clip_10m_out",
    title: "clip 10M float64 in [-2, 2) to [-1, 1] via nd.ufunc, into out",
    suite: "ufunc",
    impls: {
      nd: () => {
        const clip = ufunc(clipFn), x = vec(wide()), out = nd.empty([N]);
        return () => clip(x, { out });
      },
      js: () => {
        const a = wide(), o = new Float64Array(N);
        return () => jsClip(a, o);
      },
    },
    notes: { js: "hand-written ternary loop (branches)" },
  },
];
