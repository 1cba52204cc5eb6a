/**
 * The gradient of the mean squared error of linear regression, 2/m · Xᵀ(Xw − y), three ways:
 * vectorized nd (two BLAS matrix-vector products), one `nd.kernel` loop (numba's
 * `@guvectorize` role), and a naive loop over plain Float64Arrays. They agree to 1e-10.
 *
 *   deno run -A examples/mse_gradient.ts [--rows 200000] [--cols 32]
 *
 * The demo and the notebooks import these functions.
 *
 * @module
 */

import * as nd from "../mod.ts";

/** 2/m · Xᵀ(Xw − y) with nd's vectorized operations (matmul runs on BLAS when it loads). */
export function gradVectorized(X: nd.NDArray, w: nd.NDArray, y: nd.NDArray): nd.NDArray {
  const m = X.shape[0];
  return nd.matmul(X.T, nd.matmul(X, w).sub(y)).mul(2 / m);
}

/**
 * The same gradient as one compiled kernel: for each row, its residual, accumulated into the
 * gradient; the loop runs over typed-array views of X, w, y and the output.
 */
export const gradKernel: nd.Kernel = nd.kernel(
  (X: nd.KernelView, w: nd.KernelView, y: nd.KernelView, g: nd.KernelView) => {
    const m = X.n0, n = X.n1, xd = X.data, yd = y.data;
    // Work on contiguous copies of w and g (n values): the inner loops then index with
    // stride 1, which V8 compiles as tightly as a plain loop (see nd.KernelView on strides).
    const wv = new Float64Array(n), gv = new Float64Array(n);
    for (let j = 0; j < n; j++) wv[j] = w.data[w.off + j * w.st];
    const unit = X.st1 === 1;
    for (let i = 0; i < m; i++) {
      const row = X.off + i * X.st0;
      let r = -yd[y.off + i * y.st];
      if (unit) {
        for (let j = 0; j < n; j++) r += xd[row + j] * wv[j];
        for (let j = 0; j < n; j++) gv[j] += r * xd[row + j];
      } else {
        for (let j = 0; j < n; j++) r += xd[row + j * X.st1] * wv[j];
        for (let j = 0; j < n; j++) gv[j] += r * xd[row + j * X.st1];
      }
    }
    for (let j = 0; j < n; j++) g.data[g.off + j * g.st] = gv[j] * (2 / m);
  },
  { signature: "(m,n),(n),(m)->(n)", name: "mse_gradient" },
);

/** The same gradient as a naive loop over row-major Float64Arrays (X is m×n). */
export function gradNaive(
  X: Float64Array,
  w: Float64Array,
  y: Float64Array,
  m: number,
  n: number,
): Float64Array {
  const g = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    let r = -y[i];
    for (let j = 0; j < n; j++) r += X[i * n + j] * w[j];
    for (let j = 0; j < n; j++) g[j] += r * X[i * n + j];
  }
  for (let j = 0; j < n; j++) g[j] *= 2 / m;
  return g;
}

/** A seeded regression problem: X (m×n) standard normal, y = X·w* + noise, w a guess. */
export function problem(m: number, n: number, seed = 0): {
  X: nd.NDArray;
  w: nd.NDArray;
  y: nd.NDArray;
} {
  const rng = nd.random.defaultRng(seed);
  const X = rng.standardNormal({ size: [m, n] }) as nd.NDArray;
  const wTrue = rng.normal(0, 1, { size: [n] }) as nd.NDArray;
  const y = nd.matmul(X, wTrue).add(rng.normal(0, 0.1, { size: [m] }) as nd.NDArray);
  const w = nd.zeros([n]);
  return { X, w, y };
}

/** Median milliseconds of `runs` calls of `f` after two warm-up calls. */
function timeMs(f: () => unknown, runs = 7): number {
  f();
  f();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return ts.sort((a, b) => a - b)[runs >> 1];
}

/** Computes the gradient three ways, checks that they agree, and times them. */
export function compare(m: number, n: number): {
  maxDiff: number;
  ms: { vectorized: number; kernel: number; naive: number };
} {
  const { X, w, y } = problem(m, n);
  const xd = X.data as Float64Array, wd = w.data as Float64Array, yd = y.data as Float64Array;
  const gv = gradVectorized(X, w, y), gk = gradKernel(X, w, y) as nd.NDArray;
  const gn = new nd.NDArray("float64", gradNaive(xd, wd, yd, m, n), [n]);
  const maxDiff = Math.max(
    nd.max(nd.abs(gv.sub(gk))).item() as number,
    nd.max(nd.abs(gv.sub(gn))).item() as number,
  );
  if (!(maxDiff <= 1e-10)) throw new Error(`the three gradients differ by ${maxDiff}`);
  return {
    maxDiff,
    ms: {
      vectorized: timeMs(() => gradVectorized(X, w, y)),
      kernel: timeMs(() => gradKernel(X, w, y)),
      naive: timeMs(() => gradNaive(xd, wd, yd, m, n)),
    },
  };
}

if (import.meta.main) {
  const arg = (name: string, def: number) => {
    const i = Deno.args.indexOf(`--${name}`);
    return i >= 0 ? Number(Deno.args[i + 1]) : def;
  };
  const m = arg("rows", 200_000), n = arg("cols", 32);
  const r = compare(m, n);
  console.log(`MSE gradient of a ${m}×${n} regression (${nd.backend.info().name} backend)`);
  console.log(`largest difference between the three: ${r.maxDiff.toExponential(2)}`);
  for (const [k, v] of Object.entries(r.ms)) console.log(`${k.padEnd(10)} ${v.toFixed(2)} ms`);
}
