// Tensor decomposition workloads (issue 7's speed targets, measured against the TensorLy 0.9
// figures given there; bench/compare/numpy_workloads.py runs the same ALS loops in NumPy).
// `nd` runs on whichever backend is active (the system BLAS when it loads), `nd-ts` on the
// TypeScript backend. Each engineer appends a clearly separated block of entries.
import * as nd from "../mod.ts";
import type { Workload } from "./_workload.ts";
import { onTs } from "./_linalg.ts";
import { parafac } from "../src/decomposition/parafac.ts";
import { nonNegativeParafac } from "../src/decomposition/non_negative_parafac.ts";
import { tucker } from "../src/decomposition/tucker.ts";
import { tensorTrain } from "../src/decomposition/tensor_train.ts";

/** Every decomposition workload, in table order. */
export const DECOMPOSITION: Workload[] = [];

// ===== CP decompositions: parafac and nonNegativeParafac =====

/**
 * An n³ float64 tensor of CP rank 10 plus uniform noise (±0.05), drawn with
 * `nd.random.defaultRng(seed)`: bit-identical to NumPy's `default_rng(seed)` draws in
 * numpy_workloads.py (factors `random((n, 10))` ×3, then `random((n, n, n))`).
 */
function lowRankPlusNoise(n: number, seed: number): nd.NDArray {
  const rng = nd.random.defaultRng(seed);
  const factors = [0, 1, 2].map(() => rng.random([n, 10]) as nd.NDArray);
  const t = nd.decomposition.cpToTensor({ factors });
  return t.add((rng.random([n, n, n]) as nd.NDArray).sub(0.5).mul(0.1));
}

/** CP-ALS or multiplicative updates, 100 iterations, random start from `default_rng(1)`, tol 0. */
function cpSetup(n: number, solve: typeof parafac): () => () => unknown {
  return () => {
    const t = lowRankPlusNoise(n, n);
    return () => solve(t, 10, { nIterMax: 100, tol: 0, init: "random", rng: 1 });
  };
}

DECOMPOSITION.push(
  {
    id: "parafac_100_r10",
    title: "parafac rank 10, 100³ float64, 100 iterations, random init, tol 0 " +
      "(target ≤ 200 ms; TensorLy 0.9: 410 ms)",
    suite: "decomposition",
    gcBetweenRuns: false,
    impls: { nd: cpSetup(100, parafac), "nd-ts": () => onTs(cpSetup(100, parafac)()) },
    notes: { "nd-ts": "TypeScript backend" },
  },
  {
    id: "nn_parafac_50_r10",
    title: "nonNegativeParafac rank 10, 50³ float64, 100 iterations, random init, tol 0 " +
      "(target ≤ 55 ms; TensorLy 0.9: 110 ms)",
    suite: "decomposition",
    gcBetweenRuns: false,
    impls: {
      nd: cpSetup(50, nonNegativeParafac),
      "nd-ts": () => onTs(cpSetup(50, nonNegativeParafac)()),
    },
    notes: { "nd-ts": "TypeScript backend" },
  },
);

// ===== end of CP decompositions =====

// ===== Tucker and tensor train: tucker (HOOI) and tensorTrain (TT-SVD) =====

/** A uniform [0, 1) n³ float64 tensor from `default_rng(seed)` (the same draws in NumPy). */
function uniformCube(n: number, seed: number): nd.NDArray {
  return nd.random.defaultRng(seed).random([n, n, n]) as nd.NDArray;
}

/** tucker with its defaults (SVD start, tol 1e-4: 4 sweeps on this tensor). */
function tuckerSetup(): () => unknown {
  const t = uniformCube(100, 100);
  return () => tucker(t, [10, 10, 10]);
}

/** TT-SVD with TT ranks [1, 10, 10, 1]. */
function ttSetup(): () => unknown {
  const t = uniformCube(30, 30);
  return () => tensorTrain(t, [1, 10, 10, 1]);
}

DECOMPOSITION.push(
  {
    id: "tucker_100_r10",
    title: "tucker rank [10,10,10], 100³ float64 uniform, defaults (SVD init, tol 1e-4) " +
      "(target ≤ 220 ms; TensorLy 0.9: 440 ms)",
    suite: "decomposition",
    gcBetweenRuns: false,
    impls: { nd: tuckerSetup, "nd-ts": () => onTs(tuckerSetup()) },
    notes: { "nd-ts": "TypeScript backend" },
  },
  {
    id: "tt_30_r10",
    title:
      "tensorTrain rank [1,10,10,1], 30³ float64 uniform (target ≤ 2 ms; TensorLy 0.9: 2.0 ms)",
    suite: "decomposition",
    gcBetweenRuns: false,
    impls: { nd: ttSetup, "nd-ts": () => onTs(ttSetup()) },
    notes: { "nd-ts": "TypeScript backend" },
  },
);

// ===== end of Tucker and tensor train =====
