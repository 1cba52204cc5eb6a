// What a benchmark workload is, and how one is timed. Used by the `deno bench` suites
// (bench/*_bench.ts) and by `deno task bench:compare` (bench/compare/compare.ts).

/** The libraries a workload may be implemented in. `js` is a plain typed-array loop. */
export type Lib = "nd" | "js" | "ml-matrix" | "ndarray" | "numjs" | "tfjs";

/** Every library, nd first. */
export const LIBS: readonly Lib[] = ["nd", "js", "ml-matrix", "ndarray", "numjs", "tfjs"];

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
  suite: "elementwise" | "reduce" | "copy" | "indexing";
  /** The target ratio nd/NumPy from the performance issue, if there is one. */
  target?: number;
  /** Why nd cannot run the workload in this build, or null when it can (checked first). */
  unavailable?: () => string | null;
  /** The implementations. */
  impls: Partial<Record<Lib, Setup>>;
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
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Times `run`: `warmup` untimed calls, then `runs` timed calls with `performance.now()`.
 * When V8's `gc` is exposed (`--v8-flags=--expose-gc`), a collection runs before each call,
 * untimed: NumPy frees each result as soon as it is dropped, while V8 may leave hundreds of
 * megabytes of dead results around, and touching fresh memory is what then gets measured.
 */
export function time(run: Run, reps: Reps): Timing {
  let sink: unknown;
  for (let i = 0; i < reps.warmup; i++) {
    sink = undefined;
    gc?.();
    sink = run();
  }
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < reps.runs; i++) {
    sink = undefined;
    gc?.();
    const t0 = performance.now();
    sink = run();
    samples.push(performance.now() - t0);
    if (i >= 2 && performance.now() - start > (reps.budgetMs ?? Infinity)) break;
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
