// Preprocessing workloads (issue 8's speed targets, against scikit-learn 1.2 in
// bench/compare/sklearn_workloads.py): StandardScaler and MinMaxScaler fitTransform on
// 1,000,000 × 20 float64, PCA(nComponents: 10) fit on 10,000 × 100 float64 (the randomized
// solver, as scikit-learn's "auto" picks it there). The inputs are bench/_data.ts's shared
// uniform [-1, 1) values, wrapped without copying.
import * as nd from "../mod.ts";
import * as ml from "../src/ml/mod.ts";
import { f64 } from "./_data.ts";
import { onTs } from "./_linalg.ts";
import type { Workload } from "./_workload.ts";

const ROWS = 1_000_000, FEATURES = 20;
const PCA_ROWS = 10_000, PCA_FEATURES = 100;

/** The 1M × 20 input. */
function big(): nd.NDArray<"float64"> {
  return new nd.NDArray("float64", f64(ROWS * FEATURES, 11), [ROWS, FEATURES]);
}

/** A plain loop doing StandardScaler's work: two passes for mean and variance, one to scale. */
function jsStandardize(x: Float64Array, n: number, c: number): Float64Array {
  const mean = new Float64Array(c), sq = new Float64Array(c);
  for (let i = 0, k = 0; i < n; i++) for (let j = 0; j < c; j++, k++) mean[j] += x[k];
  for (let j = 0; j < c; j++) mean[j] /= n;
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = 0; j < c; j++, k++) {
      const d = x[k] - mean[j];
      sq[j] += d * d;
    }
  }
  const sd = sq.map((s) => Math.sqrt(s / n) || 1);
  const out = new Float64Array(n * c);
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = 0; j < c; j++, k++) out[k] = (x[k] - mean[j]) / sd[j];
  }
  return out;
}

/** A plain loop doing MinMaxScaler's work: one pass for the extremes, one to scale. */
function jsMinMax(x: Float64Array, n: number, c: number): Float64Array {
  const lo = new Float64Array(c).fill(Infinity), hi = new Float64Array(c).fill(-Infinity);
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = 0; j < c; j++, k++) {
      const v = x[k];
      if (v < lo[j]) lo[j] = v;
      if (v > hi[j]) hi[j] = v;
    }
  }
  const scale = lo.map((l, j) => 1 / ((hi[j] - l) || 1));
  const min = lo.map((l, j) => -l * scale[j]);
  const out = new Float64Array(n * c);
  for (let i = 0, k = 0; i < n; i++) {
    for (let j = 0; j < c; j++, k++) out[k] = x[k] * scale[j] + min[j];
  }
  return out;
}

function pcaSetup(): () => unknown {
  const x = new nd.NDArray("float64", f64(PCA_ROWS * PCA_FEATURES, 12), [PCA_ROWS, PCA_FEATURES]);
  return () => new ml.PCA({ nComponents: 10, randomState: 0 }).fit(x);
}

/** The scikit-learn preprocessing workloads. */
export const ML: Workload[] = [
  {
    id: "standard_scaler_1m",
    title: "StandardScaler().fitTransform of 1M x 20 float64",
    suite: "ml",
    target: 1.0,
    impls: {
      nd: () => {
        const x = big();
        return () => new ml.StandardScaler().fitTransform(x);
      },
      js: () => {
        const x = f64(ROWS * FEATURES, 11);
        return () => jsStandardize(x, ROWS, FEATURES);
      },
    },
    notes: { js: "three plain passes (sum, centered squares, scale) into a new Float64Array" },
  },
  {
    id: "minmax_scaler_1m",
    title: "MinMaxScaler().fitTransform of 1M x 20 float64",
    suite: "ml",
    target: 1.0,
    impls: {
      nd: () => {
        const x = big();
        return () => new ml.MinMaxScaler().fitTransform(x);
      },
      js: () => {
        const x = f64(ROWS * FEATURES, 11);
        return () => jsMinMax(x, ROWS, FEATURES);
      },
    },
    notes: { js: "two plain passes (extremes, scale) into a new Float64Array" },
  },
  {
    id: "pca_10k",
    title: "PCA({ nComponents: 10 }).fit of 10,000 x 100 float64 (randomized solver)",
    suite: "ml",
    target: 1.5,
    // BLAS products: timed back to back, as the linear-algebra suite (see Workload.gcBetweenRuns)
    gcBetweenRuns: false,
    impls: { nd: pcaSetup, "nd-ts": () => onTs(pcaSetup()) },
  },
];
