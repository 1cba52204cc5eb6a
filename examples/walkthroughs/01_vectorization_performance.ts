/**
 * Walkthrough 1 — vectorization and performance: a loop against a vectorized dot product, a
 * dataset processed through a memory map, stride tricks, a pairwise distance matrix, and the
 * BLAS backend against the TypeScript one. Each step returns its numbers and a figure; `run`
 * does them all for the demo, `notebooks/01_vectorization_performance.ipynb` one cell each.
 *
 * @module
 */

import * as nd from "../../mod.ts";
import { type Output, timeMs } from "./_output.ts";

/** Timings of a dot product written as an element loop, as a typed-array loop, and with nd. */
export interface DotResult {
  n: number;
  /** A loop reading elements one by one through `get` (what a Python loop does). */
  elementLoopMs: number;
  /** A loop over the Float64Arrays directly. */
  typedLoopMs: number;
  /** `nd.dot` (BLAS `ddot` when it loads). */
  ndMs: number;
  /** elementLoopMs / ndMs. */
  speedup: number;
  value: number;
  figure: nd.plot.Figure;
}

/** The dot product of two random vectors of length `n`, three ways. */
export function dotProduct(n = 1_000_000): DotResult {
  const rng = nd.random.defaultRng(1);
  const a = rng.random(n) as nd.NDArray<"float64">, b = rng.random(n) as nd.NDArray<"float64">;
  const elementLoop = () => {
    let s = 0;
    for (let i = 0; i < n; i++) s += (a.get(i) as number) * (b.get(i) as number);
    return s;
  };
  const typedLoop = () => {
    const x = a.data, y = b.data;
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i] * y[i];
    return s;
  };
  const value = nd.dot(a, b).item() as number;
  if (Math.abs(elementLoop() - value) > 1e-6 * value) throw new Error("the loops disagree");
  const elementLoopMs = timeMs(elementLoop, 3);
  const typedLoopMs = timeMs(typedLoop);
  const ndMs = timeMs(() => nd.dot(a, b));
  return {
    n,
    elementLoopMs,
    typedLoopMs,
    ndMs,
    speedup: elementLoopMs / ndMs,
    value,
    figure: nd.plot.bar([elementLoopMs, typedLoopMs, ndMs], {
      labels: ["element loop", "typed-array loop", "nd.dot"],
      title: `Dot product of ${n.toLocaleString("en")} float64 (ms)`,
    }),
  };
}

/** Column statistics of a dataset file computed chunk by chunk through a memory map. */
export interface MemmapResult {
  rows: number;
  cols: number;
  megabytes: number;
  backing: "mmap" | "file";
  means: nd.NDArray;
  stds: nd.NDArray;
  /** Largest difference from the same statistics computed in memory. */
  maxDiff: number;
  seconds: number;
  figure: nd.plot.Figure;
}

/**
 * Writes a `rows × cols` float64 .npy to a temporary file through `openMemmap` in chunks, then
 * reads it back with `load(path, { mmapMode: "r" })` and `nd.io.chunks`, accumulating column
 * means and standard deviations (Chan et al.'s chunk combination). The file is removed.
 */
export function memmapStatistics(rows = 200_000, cols = 8): MemmapResult {
  const path = Deno.makeTempFileSync({ prefix: "nd_walkthrough_", suffix: ".npy" });
  const t0 = performance.now();
  try {
    const rng = nd.random.defaultRng(2);
    const out = nd.openMemmap(path, { mode: "w+", dtype: "float64", shape: [rows, cols] });
    const shift = nd.arange(cols).astype("float64");
    for (const c of nd.io.chunks(out, { size: 16_384 })) {
      const block = rng.normal(0, 1, { size: c.shape }) as nd.NDArray;
      nd.add(block, shift, { out: c });
    }
    out.close();
    const m = nd.load(path as `${string}.npy`, { mmapMode: "r" }) as nd.Memmap;
    let n = 0, mean: nd.NDArray = nd.zeros([cols]), m2: nd.NDArray = nd.zeros([cols]);
    for (const c of nd.io.chunks(m, { size: 16_384 })) {
      const k = c.shape[0], cm = nd.mean(c, { axis: 0 });
      const dev = nd.sum(nd.square(c.sub(cm)), { axis: 0 });
      const delta = cm.sub(mean), tot = n + k;
      mean = mean.add(delta.mul(k / tot));
      m2 = m2.add(dev).add(delta.mul(delta).mul((n * k) / tot));
      n = tot;
    }
    const stds = nd.sqrt(m2.div(n));
    const whole = nd.load(path as `${string}.npy`) as nd.NDArray;
    const maxDiff = Math.max(
      nd.max(nd.abs(mean.sub(nd.mean(whole, { axis: 0 })))).item() as number,
      nd.max(nd.abs(stds.sub(nd.std(whole, { axis: 0 })))).item() as number,
    );
    const backing = m.backing;
    m.close();
    return {
      rows,
      cols,
      megabytes: (rows * cols * 8) / 2 ** 20,
      backing,
      means: mean,
      stds,
      maxDiff,
      seconds: (performance.now() - t0) / 1000,
      figure: nd.plot.bar(mean, {
        labels: Array.from({ length: cols }, (_, j) => `col ${j}`),
        title: "Column means read through a memory map (column j has mean j)",
      }),
    };
  } finally {
    Deno.removeSync(path);
  }
}

/** Stride tricks: a moving average through sliding windows and an outer sum by broadcasting. */
export interface StrideResult {
  windowShape: number[];
  sharesMemory: boolean;
  outerShape: number[];
  figure: nd.plot.Figure;
}

/** A noisy sine smoothed by the mean of its sliding windows (no copy of the windows). */
export function strideTricks(n = 400, window = 25): StrideResult {
  const t = nd.linspace(0, 4 * Math.PI, { num: n });
  const noise = nd.random.defaultRng(3).normal(0, 0.3, { size: [n] }) as nd.NDArray;
  const signal = nd.sin(t).add(noise);
  const windows = nd.slidingWindowView(signal, window); // (n - window + 1) × window, a view
  const smooth = nd.mean(windows, { axis: -1 });
  const half = (window - 1) / 2;
  const outer = nd.add(t.slice(null, nd.newaxis), t.slice(nd.newaxis, null)); // broadcasting
  return {
    windowShape: windows.shape.slice(),
    sharesMemory: windows.base === (signal.base ?? signal),
    outerShape: outer.shape.slice(),
    figure: nd.plot.line(null, [signal.slice(`${half}:${n - half}`), smooth], {
      labels: ["noisy signal", `mean of ${window}-sample windows`],
      title: "Moving average with slidingWindowView",
    }),
  };
}

/** A pairwise distance matrix by broadcasting. */
export interface DistanceResult {
  n: number;
  matrix: nd.NDArray;
  symmetric: boolean;
  figure: nd.plot.Figure;
}

/** Distances between `n` random points of the plane: `‖x_i − x_j‖` for all pairs at once. */
export function distanceMatrix(n = 60): DistanceResult {
  const pts = nd.random.defaultRng(4).random([n, 2]) as nd.NDArray;
  const order = nd.argsort(pts.slice(null, 0)); // sort by x so the heatmap shows structure
  const p = pts.slice(order);
  const diff = nd.subtract(p.slice(null, nd.newaxis, null), p.slice(nd.newaxis, null, null));
  const d = nd.sqrt(nd.sum(nd.square(diff), { axis: -1 }));
  return {
    n,
    matrix: d,
    symmetric: nd.allclose(d, d.T),
    figure: nd.plot.heatmap(d, { title: `Pairwise distances of ${n} points (sorted by x)` }),
  };
}

/** Matrix products on the BLAS backend and on the TypeScript one. */
export interface BackendResult {
  n: number;
  blas: string | null;
  blasMs: number | null;
  tsMs: number;
  figure: nd.plot.Figure;
}

/** Times an n×n float64 matrix product on each backend (BLAS only when it loads). */
export function backendTimings(n = 256): BackendResult {
  const rng = nd.random.defaultRng(5);
  const a = rng.random([n, n]) as nd.NDArray, b = rng.random([n, n]) as nd.NDArray;
  const before = nd.backend.info();
  let blasMs: number | null = null;
  let tsMs: number;
  try {
    nd.backend.use("ts");
    tsMs = timeMs(() => nd.matmul(a, b), 3);
    if (before.name === "blas") {
      nd.backend.use("blas", { path: before.library ?? undefined });
      blasMs = timeMs(() => nd.matmul(a, b), 5);
    }
  } finally {
    if (before.name === "blas") nd.backend.use("blas", { path: before.library ?? undefined });
    else nd.backend.use("ts");
  }
  const labels = blasMs === null ? ["TypeScript"] : ["BLAS", "TypeScript"];
  const times = blasMs === null ? [tsMs] : [blasMs, tsMs];
  return {
    n,
    blas: before.library,
    blasMs,
    tsMs,
    figure: nd.plot.bar(times, { labels, title: `${n}×${n} matmul (ms) by backend` }),
  };
}

/** Runs every step, reporting the key figures and keeping the plots. */
export function run(out: Output): void {
  out.log("1. Vectorization and performance");
  const dot = dotProduct();
  out.log(
    `   dot of 1M: element loop ${dot.elementLoopMs.toFixed(1)} ms, typed loop ${
      dot.typedLoopMs.toFixed(2)
    } ms, nd.dot ${dot.ndMs.toFixed(2)} ms (${dot.speedup.toFixed(0)}× faster than the loop)`,
  );
  out.figure("01_dot_product_times", dot.figure);
  const mm = memmapStatistics();
  out.log(
    `   memmap (${mm.backing}): ${mm.megabytes.toFixed(1)} MiB written and reduced in ${
      mm.seconds.toFixed(2)
    } s, largest difference from in-memory statistics ${mm.maxDiff.toExponential(1)}`,
  );
  out.figure("01_memmap_column_means", mm.figure);
  const st = strideTricks();
  out.log(
    `   sliding windows: shape [${st.windowShape}], a view: ${st.sharesMemory}; outer sum [${st.outerShape}]`,
  );
  out.figure("01_moving_average", st.figure);
  const dm = distanceMatrix();
  out.log(`   distance matrix ${dm.n}×${dm.n}, symmetric: ${dm.symmetric}`);
  out.figure("01_distance_heatmap", dm.figure);
  const be = backendTimings();
  out.log(
    `   ${be.n}×${be.n} matmul: ${
      be.blasMs === null ? "no BLAS" : `BLAS ${be.blasMs.toFixed(2)} ms`
    }, TypeScript ${be.tsMs.toFixed(1)} ms`,
  );
  out.figure("01_backend_matmul_times", be.figure);
}
