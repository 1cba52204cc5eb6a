/**
 * Walkthrough 2 — custom functions: activations written as plain TypeScript and turned into
 * ufuncs three ways (`frompyfunc`, `vectorize`, the compiled `nd.ufunc`), their speed, the ufunc
 * methods (reduce, accumulate, outer), and the MSE gradient of a linear regression three ways.
 * Each step returns its numbers and a figure; `run` does them all for the demo.
 *
 * @module
 */

import * as nd from "../../mod.ts";
import { compare as compareGradients } from "../mse_gradient.ts";
import { type Output, timeMs } from "./_output.ts";

/** Swish, x·σ(x), as a scalar function. */
export const swishFn = (x: number): number => x / (1 + Math.exp(-x));
/** GELU (tanh approximation), as a scalar function. */
export const geluFn = (x: number): number =>
  0.5 * x * (1 + Math.tanh(0.7978845608028654 * (x + 0.044715 * x * x * x)));

/** The three ufunc flavours of the activations, evaluated on a grid. */
export interface ActivationResult {
  x: nd.NDArray;
  curves: Record<string, nd.NDArray>;
  /** Whether nd.ufunc could inline swish's body into its loop. */
  swishInlined: boolean;
  figure: nd.plot.Figure;
}

/** Swish via `nd.ufunc`, GELU via `frompyfunc`, a leaky ReLU via `vectorize`. */
export function activations(): ActivationResult {
  const x = nd.linspace(-4, 4, { num: 161 });
  const swish = nd.ufunc(swishFn, { name: "swish" });
  const gelu = nd.frompyfunc((v) => geluFn(v as number), { nin: 1 });
  const leaky = nd.vectorize((v) => ((v as number) > 0 ? (v as number) : 0.1 * (v as number)));
  const curves = {
    "swish (nd.ufunc)": swish(x),
    "GELU (frompyfunc)": gelu(x) as nd.NDArray,
    "leaky ReLU (vectorize)": leaky(x) as nd.NDArray,
  };
  return {
    x,
    curves,
    swishInlined: swish.inlined,
    figure: nd.plot.line(x, Object.values(curves), {
      labels: Object.keys(curves),
      title: "Custom activations",
    }),
  };
}

/** Times of one activation over `n` values, per implementation. */
export interface SpeedResult {
  n: number;
  ms: Record<string, number>;
  figure: nd.plot.Figure;
}

/** Swish over `n` float64 values: frompyfunc, vectorize, nd.ufunc, an nd expression, a JS loop. */
export function ufuncSpeed(n = 1_000_000): SpeedResult {
  const x = nd.random.defaultRng(6).normal(0, 2, { size: [n] }) as nd.NDArray<"float64">;
  const swish = nd.ufunc(swishFn);
  const viaFrompy = nd.frompyfunc((v) => swishFn(v as number), { nin: 1 });
  const viaVectorize = nd.vectorize((v) => swishFn(v as number));
  const loop = () => {
    const d = x.data, o = new Float64Array(n);
    for (let i = 0; i < n; i++) o[i] = d[i] / (1 + Math.exp(-d[i]));
    return o;
  };
  const ms = {
    "vectorize": timeMs(() => viaVectorize(x), 3),
    "frompyfunc": timeMs(() => viaFrompy(x)),
    "nd expression": timeMs(() => x.div(nd.exp(x.neg()).add(1))),
    "nd.ufunc": timeMs(() => swish(x)),
    "JS loop": timeMs(loop),
  };
  return {
    n,
    ms,
    figure: nd.plot.bar(Object.values(ms), {
      labels: Object.keys(ms),
      title: `swish over ${n.toLocaleString("en")} float64 (ms)`,
    }),
  };
}

/** Ufunc methods at work. */
export interface MethodsResult {
  total: number;
  runningMax: nd.NDArray;
  table: nd.NDArray;
  figures: { runningMax: nd.plot.Figure; table: nd.plot.Figure };
}

/** `add.reduce`, `maximum.accumulate` (the running maximum of a random walk), `multiply.outer`. */
export function ufuncMethods(): MethodsResult {
  const steps = nd.random.defaultRng(7).normal(0, 1, { size: [300] }) as nd.NDArray;
  const walk = nd.add.accumulate(steps);
  const runningMax = nd.maximum.accumulate(walk);
  const table = nd.multiply.outer(nd.arange(1, 13), nd.arange(1, 13));
  return {
    total: nd.add.reduce(steps).item() as number,
    runningMax,
    table,
    figures: {
      runningMax: nd.plot.line(null, [walk, runningMax], {
        labels: ["random walk (add.accumulate)", "running maximum (maximum.accumulate)"],
        title: "Ufunc accumulate",
      }),
      table: nd.plot.heatmap(table, { title: "multiply.outer: the 12×12 times table" }),
    },
  };
}

/** The MSE gradient of a linear regression three ways. */
export interface GradientResult {
  rows: number;
  cols: number;
  maxDiff: number;
  ms: { vectorized: number; kernel: number; naive: number };
  figure: nd.plot.Figure;
}

/** 2/m · Xᵀ(Xw − y) with BLAS, with an `nd.kernel` loop and with a naive loop (examples/mse_gradient.ts). */
export function mseGradient(rows = 100_000, cols = 32): GradientResult {
  const r = compareGradients(rows, cols);
  return {
    rows,
    cols,
    ...r,
    figure: nd.plot.bar([r.ms.vectorized, r.ms.kernel, r.ms.naive], {
      labels: ["vectorized (BLAS)", "nd.kernel loop", "naive JS loop"],
      title: `MSE gradient of a ${rows.toLocaleString("en")}×${cols} regression (ms)`,
    }),
  };
}

/** Runs every step, reporting the key figures and keeping the plots. */
export function run(out: Output): void {
  out.log("2. Custom functions and ufuncs");
  const act = activations();
  out.log(`   activations over 161 points; swish body inlined by nd.ufunc: ${act.swishInlined}`);
  out.figure("02_activations", act.figure);
  const sp = ufuncSpeed();
  out.log(
    `   swish over 1M: ${
      Object.entries(sp.ms).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(", ")
    }`,
  );
  out.figure("02_ufunc_speed", sp.figure);
  const m = ufuncMethods();
  out.log(
    `   add.reduce of the steps ${m.total.toFixed(3)}; final running max ${
      (m.runningMax.get(299) as number).toFixed(3)
    }; outer table ${m.table.shape.join("×")}`,
  );
  out.figure("02_accumulate", m.figures.runningMax);
  out.figure("02_outer_table", m.figures.table);
  const g = mseGradient();
  out.log(
    `   MSE gradient: BLAS ${g.ms.vectorized.toFixed(2)} ms, kernel ${
      g.ms.kernel.toFixed(2)
    } ms, naive ${g.ms.naive.toFixed(2)} ms; agree to ${g.maxDiff.toExponential(1)}`,
  );
  out.figure("02_mse_gradient_times", g.figure);
}
