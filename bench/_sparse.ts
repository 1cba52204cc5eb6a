// Sparse-matrix workloads (issue 6): CSR × vector and × 16 dense columns on a 100,000 ×
// 100,000 matrix with 1M nonzeros, COO → CSR of 1M entries (20% of them duplicates),
// B·Bᵀ for a 10,000² matrix at density 1e-3, CSR → CSC of the 1M-nonzero matrix. The inputs
// are the same as SciPy's in bench/compare/numpy_workloads.py: nd.sparse.random and nd's
// Generator draw exactly what scipy.sparse.random and NumPy's default_rng draw.
//
// Targets from issue 6 (ratios to SciPy): spmv ≤ 1.5, spmm ≤ 1.5, COO → CSR ≤ 1.0,
// spgemm ≤ 1.5, CSR → CSC ≤ 1.5.
//
// The runs are timed back to back (`gcBetweenRuns: false`), as a program calling these in a
// loop runs them: every workload returns 0.8–13 MB of fresh typed arrays, and right after a
// forced collection V8 gets them from newly mapped memory whose page faults cost about 0.5 ms
// per MB on the benchmark VM (12.8 MB: 6.5 ms to allocate and fill after gc(), 1.0 ms
// without), while NumPy's large arrays are mapped with transparent huge pages (NumPy's
// madvise) and fault 512 times less. V8's own collections still run, and are counted.

import * as nd from "../mod.ts";
import * as sparse from "../src/sparse/mod.ts";
import type { Workload } from "./_workload.ts";

const N = 100_000, NNZ = 1_000_000, B = 10_000;

let big: sparse.CSR | undefined;
/** The 100,000² CSR matrix with 1M nonzeros (SciPy: `random(N, N, 1e-4, "csr", rng=default_rng(1))`). */
function bigCsr(): sparse.CSR {
  big ??= sparse.random(N, N, {
    density: NNZ / (N * N),
    format: "csr",
    rng: nd.random.defaultRng(1),
  }) as sparse.CSR;
  return big;
}

/** 1M COO entries in [0, N)², the last 200,000 repeating earlier positions. */
function cooWithDuplicates(): sparse.COO {
  const rng = nd.random.defaultRng(5);
  const unique = 800_000;
  const row = nd.astype(rng.integers(0, N, { size: NNZ }) as nd.NDArray, "int32")
    .data as Int32Array;
  const col = nd.astype(rng.integers(0, N, { size: NNZ }) as nd.NDArray, "int32")
    .data as Int32Array;
  const dup = (rng.integers(0, unique, { size: NNZ - unique }) as nd.NDArray).data as BigInt64Array;
  for (let i = unique; i < NNZ; i++) {
    const k = Number(dup[i - unique]);
    row[i] = row[k];
    col[i] = col[k];
  }
  const data = rng.uniform(-1, 1, { size: NNZ });
  return sparse.coo({ data, row, col, shape: [N, N] });
}

/**
 * The timed function, after collecting the garbage its inputs left (untimed): building the
 * 1M-entry matrix draws `choice` through a million-entry set, and with runs timed back to back
 * that garbage was otherwise collected inside the first timed runs (spmm_16 alone measured
 * 30–53 ms in bench/compare/_runner.ts, 13–16 ms with this collection).
 */
function settled(run: () => unknown): () => unknown {
  (globalThis as { gc?: () => void }).gc?.();
  return run;
}

/** The sparse workloads. */
export const SPARSE: Workload[] = [
  {
    id: "spmv_1m",
    title: "CSR × vector, 100,000² with 1M nonzeros",
    suite: "sparse",
    gcBetweenRuns: false,
    target: 1.5,
    impls: {
      nd: () => {
        const a = bigCsr(), x = nd.random.defaultRng(2).uniform(-1, 1, { size: N });
        return settled(() => a.matmul(x));
      },
    },
  },
  {
    id: "spmm_16",
    title: "CSR × 16 dense columns, 100,000² with 1M nonzeros",
    suite: "sparse",
    gcBetweenRuns: false,
    target: 1.5,
    impls: {
      nd: () => {
        const a = bigCsr(), x = nd.random.defaultRng(3).uniform(-1, 1, { size: [N, 16] });
        return settled(() => a.matmul(x));
      },
    },
  },
  {
    id: "coo_tocsr_1m",
    title: "COO → CSR, 1M entries with 200,000 duplicates",
    suite: "sparse",
    gcBetweenRuns: false,
    target: 1.0,
    impls: {
      nd: () => {
        const c = cooWithDuplicates();
        return settled(() => c.tocsr());
      },
    },
  },
  {
    id: "spgemm_1e3",
    title: "B @ B.T, 10,000² CSR at density 1e-3",
    suite: "sparse",
    gcBetweenRuns: false,
    target: 1.5,
    impls: {
      nd: () => {
        const b = sparse.random(B, B, {
          density: 1e-3,
          format: "csr",
          rng: nd.random.defaultRng(4),
        });
        return settled(() => b.matmul(b.T));
      },
    },
  },
  {
    id: "csr_tocsc_1m",
    title: "CSR → CSC, 100,000² with 1M nonzeros",
    suite: "sparse",
    gcBetweenRuns: false,
    target: 1.5,
    impls: {
      nd: () => {
        const a = bigCsr();
        return settled(() => a.tocsc());
      },
    },
  },
];
