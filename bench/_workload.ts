// What a benchmark workload is, and how one is timed. Used by the `deno bench` suites
// (bench/*_bench.ts) and by `deno task bench:compare` (bench/compare/compare.ts).

/**
 * The libraries a workload may be implemented in. `js` is a plain typed-array loop; `nd-ts` is
 * nd with its TypeScript linear-algebra backend selected around each call (`nd` runs on
 * whichever backend is active: the system BLAS/LAPACK when it loads).
 */
export type Lib = "nd" | "nd-ts" | "js" | "ml-matrix" | "ndarray" | "numjs" | "tfjs";

/** Every library, nd first. */
export const LIBS: readonly Lib[] = ["nd", "nd-ts", "js", "ml-matrix", "ndarray", "numjs", "tfjs"];

/** The timed part of a workload: one call does the work once. */
export type Run = () => unknown;

/** Builds the inputs (untimed) and returns the timed function. */
export type Setup = () => Run;

/** One piece of work, implemented in nd and in whichever other libraries can do it. */
export interface Workload {
  /** Stable identifier, the same in numpy_workloads.py (`add_out`). */
  id: string;
  /** What is measured, for tables (`add 10M float64 into out`). */
  title: string;
  /** The `deno bench` suite it belongs to. */
  suite:
    | "elementwise"
    | "reduce"
    | "copy"
    | "indexing"
    | "linalg"
    | "memory"
    | "random"
    | "ufunc"
    | "decomposition"
    | "ml"
    | "sparse";
  /** The target ratio nd/NumPy from the performance issue, if there is one. */
  target?: number;
  /** The target time of `nd-ts` (the TypeScript backend) in milliseconds, if there is one. */
  tsTargetMs?: number;
  /** Why nd cannot run the workload in this build, or null when it can (checked first). */
  unavailable?: () => string | null;
  /** The implementations. */
  impls: Partial<Record<Lib, Setup>>;
  /**
   * False to time runs back to back, without the collection `time` forces before each run.
   * The linear-algebra suite sets it: a forced full collection leaves OpenBLAS's worker threads
   * cold (a raw 256×256 dgemm through FFI measured 0.30 ms back to back and about 1 ms right
   * after `gc()`), a cost NumPy's runner never pays; its results are small, so V8's own
   * collections, counted in the times, are few.
   */
  gcBetweenRuns?: boolean;
  /** How an implementation differs from the nd one (in place instead of `out`, float32...). */
  notes?: Partial<Record<Lib, string>>;
}

/** Thrown by a setup when the library cannot run the workload in this build. */
export class Unavailable extends Error {
  override name = "Unavailable";
}

/** The outcome of timing one implementation. */
export interface Timing {
  /** Median wall time of one run, in milliseconds. */
  ms: number;
  /** Every timed run, in milliseconds, in the order they ran. */
  samples: number[];
}

/** Repetitions: untimed warm-up runs, then timed runs (the median is reported). */
export interface Reps {
  warmup: number;
  runs: number;
  /** Stop timing after this many milliseconds (once 3 runs are done). */
  budgetMs?: number;
  /**
   * Keep going past `runs` (up to {@link MAX_RUNS}) until the timed runs add up to this many
   * milliseconds: sub-millisecond workloads then get a median over hundreds of runs instead
   * of 15 (NumPy's runner does the same).
   */
  minMs?: number;
  /**
   * Keep warming up past `warmup` (up to {@link MAX_RUNS}) until the warm-up runs add up to
   * this many milliseconds. V8 optimizes a loop that runs once per call only after enough
   * calls: the stacked 8×8 matmul ran at 3.5 ms for its first ~60 calls (~200 ms), then at
   * 2.0 ms. Times are of the steady state, as `deno bench` reports them.
   */
  warmupMs?: number;
  /** False: no forced collection before each call (see {@link Workload.gcBetweenRuns}). */
  collect?: boolean;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** The most timed runs of one workload. */
export const MAX_RUNS = 1000;

/**
 * Times `run`: `warmup` untimed calls, then `runs` timed calls with `performance.now()`.
 * When V8's `gc` is exposed (`--v8-flags=--expose-gc`), a collection runs before each call,
 * untimed: NumPy frees each result as soon as it is dropped, while V8 may leave hundreds of
 * megabytes of dead results around, and touching fresh memory is what then gets measured.
 */
export function time(run: Run, reps: Reps): Timing {
  const collect = reps.collect === false ? undefined : gc;
  const minMs = reps.minMs ?? 0, budget = reps.budgetMs ?? Infinity;
  let sink: unknown;
  let warm = 0;
  const warmupMs = reps.warmupMs ?? 0;
  for (let i = 0; i < reps.warmup || (warm < warmupMs && i < MAX_RUNS); i++) {
    sink = undefined;
    collect?.();
    const t0 = performance.now();
    sink = run();
    warm += performance.now() - t0;
  }
  const samples: number[] = [];
  const start = performance.now();
  let timed = 0;
  for (let i = 0; i < reps.runs || (timed < minMs && i < MAX_RUNS); i++) {
    sink = undefined;
    collect?.();
    const t0 = performance.now();
    sink = run();
    const dt = performance.now() - t0;
    samples.push(dt);
    timed += dt;
    if (i >= 2 && performance.now() - start > budget) break;
  }
  keep(sink);
  const sorted = samples.slice().sort((a, b) => a - b);
  const m = sorted.length >> 1;
  const ms = sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  return { ms, samples };
}

let kept: unknown;
/** Keeps a result reachable so that the work producing it cannot be skipped. */
function keep(x: unknown): void {
  kept = x;
}
/** The last kept value. */
export function lastKept(): unknown {
  return kept;
}
