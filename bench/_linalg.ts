// Linear-algebra workloads: matrix products (float64/float32 at n = 256 and 1024, and 10,000
// stacked 8×8 products), SVD, solve, eigh, Cholesky and QR. `nd` runs on whichever backend is
// active (the system BLAS/LAPACK when it loads), `nd-ts` on the TypeScript backend.
import * as nd from "../mod.ts";
import {
  CholeskyDecomposition,
  EigenvalueDecomposition,
  Matrix,
  QrDecomposition,
  SingularValueDecomposition,
  solve as mlSolve,
} from "ml-matrix";
import { f32, f64, rowsOf } from "./_data.ts";
import { ndarray, NjNdArray, type SciND } from "./_jslibs.ts";
import { tf } from "./_tf.ts";
import { type Run, type Setup, Unavailable, type Workload } from "./_workload.ts";

/** The part of numjs' `NdArray` the matrix products use. */
interface NjMatrix {
  dot(x: NjMatrix): NjMatrix;
}
const NjMat = NjNdArray as unknown as new (selection: SciND) => NjMatrix;

/** Stacked small products: BATCH matrices of S×S. */
const BATCH = 10_000, S = 8;

// ---- availability and the TypeScript-backend wrapper ----

/** A check that returns why `f` (a tiny nd call) fails, or null when it works. */
function probe(what: string, f: () => unknown): () => string | null {
  return () => {
    try {
      f();
      return null;
    } catch (e) {
      return `nd ${what} is not available yet: ${(e as Error).message}`;
    }
  };
}

const tiny = (): nd.NDArray => new nd.NDArray("float64", Float64Array.from([4, 1, 1, 3]), [2, 2]);

/**
 * Runs `run` on the TypeScript backend and restores the backend that was active before. Both
 * switches are cheap (the BLAS library is loaded once and cached by nd), a few microseconds.
 */
export function onTs(run: Run): Run {
  return () => {
    const prev = nd.backend.info();
    if (prev.name === "ts") return run();
    nd.backend.use("ts");
    try {
      return run();
    } finally {
      nd.backend.use("blas", { path: prev.library ?? undefined });
    }
  };
}

/** The `nd` setup: fails with `Unavailable` when nd cannot run the routine yet. */
function ndSetup(why: () => string | null, setup: Setup): Setup {
  return () => {
    const reason = why();
    if (reason) throw new Unavailable(reason);
    return setup();
  };
}

/** The `nd-ts` setup: the same work with the TypeScript backend selected around each call. */
function ndTsSetup(why: () => string | null, setup: Setup): Setup {
  return () => {
    const reason = onTs(why)() as string | null;
    if (reason) throw new Unavailable(`on the TypeScript backend: ${reason}`);
    return onTs(setup());
  };
}

// ---- inputs ----

const square = (n: number, seed: number): nd.NDArray =>
  new nd.NDArray("float64", f64(n * n, seed), [n, n]);

/** The rows of the C-ordered n×n `data`, for ml-matrix. */
function rows(data: Float64Array, n: number): Float64Array[] {
  return Array.from({ length: n }, (_, i) => data.slice(i * n, (i + 1) * n));
}

const derived = new Map<string, Float64Array>();

/** (A + Aᵀ)/2 for A = f64(n², seed): exactly symmetric. */
function symmetric(n: number, seed: number): Float64Array {
  const key = `sym:${n}:${seed}`;
  let s = derived.get(key);
  if (!s) {
    const a = f64(n * n, seed);
    s = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        const v = 0.5 * (a[i * n + j] + a[j * n + i]);
        s[i * n + j] = v;
        s[j * n + i] = v;
      }
    }
    derived.set(key, s);
  }
  return s;
}

/** A·Aᵀ + n·I for A = f64(n², seed): symmetric positive definite, exactly symmetric. */
function spd(n: number, seed: number): Float64Array {
  const key = `spd:${n}:${seed}`;
  let s = derived.get(key);
  if (!s) {
    const a = f64(n * n, seed);
    s = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const pi = i * n;
      for (let j = 0; j <= i; j++) {
        const pj = j * n;
        let d = 0;
        for (let k = 0; k < n; k++) d += a[pi + k] * a[pj + k];
        if (i === j) d += n;
        s[pi + j] = d;
        s[pj + i] = d;
      }
    }
    derived.set(key, s);
  }
  return s;
}

// ---- plain JS products (naive i-k-j loops, one per element type) ----

function jsMatmul64(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const pi = i * n;
    for (let k = 0; k < n; k++) {
      const aik = a[pi + k], pk = k * n;
      for (let j = 0; j < n; j++) c[pi + j] += aik * b[pk + j];
    }
  }
  return c;
}

function jsMatmul32(a: Float32Array, b: Float32Array, n: number): Float32Array {
  const c = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    const pi = i * n;
    for (let k = 0; k < n; k++) {
      const aik = a[pi + k], pk = k * n;
      for (let j = 0; j < n; j++) c[pi + j] += aik * b[pk + j];
    }
  }
  return c;
}

function jsBatchMatmul(a: Float64Array, b: Float64Array, count: number, n: number): Float64Array {
  const c = new Float64Array(count * n * n);
  for (let t = 0; t < count; t++) {
    const o = t * n * n;
    for (let i = 0; i < n; i++) {
      const pi = o + i * n;
      for (let k = 0; k < n; k++) {
        const aik = a[pi + k], pk = o + k * n;
        for (let j = 0; j < n; j++) c[pi + j] += aik * b[pk + j];
      }
    }
  }
  return c;
}

// ---- workloads ----

const canMatmul = probe("matmul", () => nd.matmul(tiny(), tiny()));

function matmul(dtype: "float64" | "float32", n: number): Workload {
  const bits = dtype === "float64" ? 64 : 32;
  const nda = (seed: number) =>
    dtype === "float64"
      ? new nd.NDArray("float64", f64(n * n, seed), [n, n])
      : new nd.NDArray("float32", f32(n * n, seed), [n, n]);
  const ndRun: Setup = () => {
    const a = nda(21), b = nda(22);
    return () => nd.matmul(a, b);
  };
  const w: Workload = {
    id: `matmul_f${bits}_${n}`,
    title: `matmul ${n}×${n} @ ${n}×${n} ${dtype}`,
    suite: "linalg",
    gcBetweenRuns: false,
    target: 1.05,
    tsTargetMs: n === 1024 ? (dtype === "float64" ? 400 : 450) : undefined,
    unavailable: canMatmul,
    impls: {
      nd: ndSetup(canMatmul, ndRun),
      "nd-ts": ndTsSetup(canMatmul, ndRun),
      js: dtype === "float64"
        ? () => {
          const a = f64(n * n, 21), b = f64(n * n, 22);
          return () => jsMatmul64(a, b, n);
        }
        : () => {
          const a = f32(n * n, 21), b = f32(n * n, 22);
          return () => jsMatmul32(a, b, n);
        },
    },
    notes: { js: "naive i-k-j loop" },
  };
  if (dtype === "float64") {
    w.impls["ml-matrix"] = () => {
      const a = new Matrix(rowsOf(n, n, 21)), b = new Matrix(rowsOf(n, n, 22));
      return () => a.mmul(b);
    };
    w.impls.numjs = () => {
      const a = new NjMat(ndarray(f64(n * n, 21), [n, n]));
      const b = new NjMat(ndarray(f64(n * n, 22), [n, n]));
      return () => a.dot(b);
    };
  } else {
    w.impls.tfjs = () => {
      const a = tf.tensor2d(f32(n * n, 21), [n, n]), b = tf.tensor2d(f32(n * n, 22), [n, n]);
      return () => tf.matMul(a, b).dispose();
    };
  }
  return w;
}

/** `matmul(a, b, { out })` at n = 1024 float64: the product without a fresh 8 MB result. */
const matmulOut: Workload = {
  id: "matmul_f64_1024_out",
  title: "matmul 1024×1024 @ 1024×1024 float64 into out",
  suite: "linalg",
  gcBetweenRuns: false,
  unavailable: canMatmul,
  impls: {
    nd: ndSetup(canMatmul, () => {
      const a = square(1024, 21), b = square(1024, 22), out = nd.empty([1024, 1024]);
      return () => nd.matmul(a, b, { out });
    }),
  },
};

const canBatch = probe("stacked matmul", () => nd.matmul(tiny().reshape([1, 2, 2]), tiny()));

const matmulBatch: Setup = () => {
  const a = new nd.NDArray("float64", f64(BATCH * S * S, 23), [BATCH, S, S]);
  const b = new nd.NDArray("float64", f64(BATCH * S * S, 24), [BATCH, S, S]);
  return () => nd.matmul(a, b);
};

/** A LAPACK-style routine on one square float64 matrix, in nd, nd-ts and ml-matrix. */
interface Routine {
  id: string;
  title: string;
  target?: number;
  tsTargetMs?: number;
  /** A tiny nd call that fails when nd cannot run the routine yet. */
  check: () => unknown;
  nd: Setup;
  ml: Setup;
  mlNote?: string;
}

function routine(r: Routine): Workload {
  const why = probe(r.id.replace(/_\d+$/, ""), r.check);
  return {
    id: r.id,
    title: r.title,
    suite: "linalg",
    gcBetweenRuns: false,
    target: r.target,
    tsTargetMs: r.tsTargetMs,
    unavailable: why,
    impls: {
      nd: ndSetup(why, r.nd),
      "nd-ts": ndTsSetup(why, r.nd),
      "ml-matrix": r.ml,
    },
    notes: r.mlNote ? { "ml-matrix": r.mlNote } : undefined,
  };
}

const SVD_N = 500, EIGH_N = 500, CHOL_N = 1000, QR_N = 500;

function solveRoutine(n: number, target?: number, tsTargetMs?: number): Routine {
  return {
    id: `solve_${n}`,
    title: `solve ${n}×${n} float64, one right-hand side`,
    target,
    tsTargetMs,
    check: () => nd.linalg.solve(tiny(), [1, 2]),
    nd: () => {
      const a = square(n, 31), b = new nd.NDArray("float64", f64(n, 32), [n]);
      return () => nd.linalg.solve(a, b);
    },
    ml: () => {
      const a = new Matrix(rowsOf(n, n, 31)), b = Matrix.columnVector(f64(n, 32));
      return () => mlSolve(a, b);
    },
    mlNote: "LU",
  };
}

/** The linear-algebra workloads. */
export const LINALG: Workload[] = [
  matmul("float64", 256),
  matmul("float64", 1024),
  matmulOut,
  matmul("float32", 256),
  matmul("float32", 1024),
  {
    id: "matmul_batch_8",
    title: `matmul of ${BATCH.toLocaleString("en")} stacked 8×8 float64 pairs`,
    suite: "linalg",
    gcBetweenRuns: false,
    target: 2,
    unavailable: canBatch,
    impls: {
      nd: ndSetup(canBatch, matmulBatch),
      "nd-ts": ndTsSetup(canBatch, matmulBatch),
      js: () => {
        const a = f64(BATCH * S * S, 23), b = f64(BATCH * S * S, 24);
        return () => jsBatchMatmul(a, b, BATCH, S);
      },
      "ml-matrix": () => {
        const a = Array.from(
          { length: BATCH },
          (_, t) =>
            new Matrix(rows(f64(BATCH * S * S, 23).subarray(t * S * S, (t + 1) * S * S), S)),
        );
        const b = Array.from(
          { length: BATCH },
          (_, t) =>
            new Matrix(rows(f64(BATCH * S * S, 24).subarray(t * S * S, (t + 1) * S * S), S)),
        );
        return () => a.map((m, t) => m.mmul(b[t]));
      },
      tfjs: () => {
        const a = tf.tensor3d(f32(BATCH * S * S, 23), [BATCH, S, S]);
        const b = tf.tensor3d(f32(BATCH * S * S, 24), [BATCH, S, S]);
        return () => tf.matMul(a, b).dispose();
      },
    },
    notes: {
      js: "naive i-k-j loops",
      "ml-matrix": "10,000 Matrix.mmul calls",
      tfjs: "float32",
    },
  },
  routine({
    id: `svd_${SVD_N}`,
    title: `SVD ${SVD_N}×${SVD_N} float64 with U and Vh`,
    target: 1.1,
    tsTargetMs: 500,
    check: () => nd.linalg.svd(tiny()),
    nd: () => {
      const a = square(SVD_N, 33);
      return () => nd.linalg.svd(a);
    },
    ml: () => {
      const a = new Matrix(rowsOf(SVD_N, SVD_N, 33));
      return () => new SingularValueDecomposition(a);
    },
    mlNote: "U and V",
  }),
  routine(solveRoutine(1000, 1.1)),
  routine(solveRoutine(500, undefined, 30)),
  routine({
    id: `eigh_${EIGH_N}`,
    title: `eigh ${EIGH_N}×${EIGH_N} symmetric float64 with eigenvectors`,
    target: 1.1,
    check: () => nd.linalg.eigh(tiny()),
    nd: () => {
      const a = new nd.NDArray("float64", symmetric(EIGH_N, 34), [EIGH_N, EIGH_N]);
      return () => nd.linalg.eigh(a);
    },
    ml: () => {
      const a = new Matrix(rows(symmetric(EIGH_N, 34), EIGH_N));
      return () => new EigenvalueDecomposition(a, { assumeSymmetric: true });
    },
  }),
  routine({
    id: `cholesky_${CHOL_N}`,
    title: `cholesky ${CHOL_N}×${CHOL_N} float64 (A·Aᵀ + n·I)`,
    target: 1.1,
    check: () => nd.linalg.cholesky(tiny()),
    nd: () => {
      const a = new nd.NDArray("float64", spd(CHOL_N, 35), [CHOL_N, CHOL_N]);
      return () => nd.linalg.cholesky(a);
    },
    ml: () => {
      const a = new Matrix(rows(spd(CHOL_N, 35), CHOL_N));
      return () => new CholeskyDecomposition(a);
    },
  }),
  routine({
    id: `qr_${QR_N}`,
    title: `QR ${QR_N}×${QR_N} float64, reduced (Q and R)`,
    tsTargetMs: 300,
    check: () => nd.linalg.qr(tiny()),
    nd: () => {
      const a = square(QR_N, 36);
      return () => nd.linalg.qr(a);
    },
    ml: () => {
      const a = new Matrix(rowsOf(QR_N, QR_N, 36));
      return () => {
        const qr = new QrDecomposition(a);
        return [qr.orthogonalMatrix, qr.upperTriangularMatrix];
      };
    },
    mlNote: "Q and R",
  }),
];
