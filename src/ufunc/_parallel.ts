/**
 * The worker pool behind `{ parallel: true }`, and synchronous parallel jobs.
 *
 * A job is cut into chunks (ranges of the outer loop). The main thread posts the job to every
 * worker, then claims chunks itself from a shared counter (`Atomics.add`) and computes them,
 * as the workers do with theirs; when no chunk is left it blocks in `Atomics.wait` until the
 * chunks others claimed are done. The call therefore returns only when the whole result is
 * written, like a serial one, and it never depends on a worker being alive: a worker that is
 * still starting (or failed to start) simply claims nothing, and the main thread computes
 * every chunk. Every chunk is computed by the same generated code from the same inputs,
 * so the result does not depend on who computed what.
 *
 * Workers are Node-compatible `worker_threads` workers (Deno implements them): they are
 * `unref()`ed as soon as they are created, so an idle pool never keeps the process alive,
 * and they wait for jobs in their event loop (no spinning). They rebuild the user's function
 * from its source, so only self-contained functions go parallel.
 *
 * @module
 */

import { isMainThread, Worker } from "node:worker_threads";

/** Elements below which a call stays serial (the work is not worth waking workers). */
export const PARALLEL_MIN_SIZE = 2 ** 18;

/** A job as posted to the workers (structured-cloneable: plain data and SharedArrayBuffers). */
export interface Job {
  /** Which executor runs it (`"ufunc"`, `"kernel"`). */
  kind: string;
  /** Identity of the compiled function (workers cache what they build by it). */
  key: string;
  /** Number of chunks. */
  nchunks: number;
  /** The control block, set by {@linkcode runParallel}. */
  ctrl?: SharedArrayBuffer;
}

/** How a kind of job is built from its description (in a worker) and run chunk by chunk. */
export interface Executor<J extends Job, I> {
  /** Builds the implementation from the job's source (workers only). */
  build(job: J): I;
  /** Computes chunk `chunk` of the job. */
  run(impl: I, job: J, chunk: number): void;
}

// deno-lint-ignore no-explicit-any
const EXECUTORS = new Map<string, Executor<any, any>>();

/** Registers the executor of a kind of job (done by the modules that create such jobs). */
export function registerExecutor<J extends Job, I>(kind: string, ex: Executor<J, I>): void {
  EXECUTORS.set(kind, ex);
}

// Control block: Int32 slots, then the first error's text (UTF-8).
const NEXT = 0, DONE = 1, ERR = 2, ERR_LEN = 3, ERR_TEXT = 16, ERR_MAX = 2048;

/** Counters shared by the pool: [0] chunks computed by workers, [1] parallel jobs. */
let STATS = new Int32Array(new SharedArrayBuffer(8));

interface Pool {
  workers: Worker[];
  ready: number;
  failed: number;
  waiters: (() => void)[];
}

let pool: Pool | null = null;
let threads = Math.max(1, Math.floor(globalThis.navigator?.hardwareConcurrency ?? 1));
/** Why no pool can be made (a worker failed to start), or null. */
let broken: string | null = null;

/** The number of threads parallel calls use (the main thread included). */
export function getThreads(): number {
  return threads;
}

/** Sets the number of threads (the main thread included); an existing pool is stopped. */
export function setThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`setNumThreads: n must be a positive integer, got ${n}`);
  }
  if (n !== threads && pool) void terminatePool();
  threads = n;
}

function settle(p: Pool): void {
  if (p.ready + p.failed < p.workers.length) return;
  for (const w of p.waiters.splice(0)) w();
}

/** The pool, created on first use; null when workers cannot be used here. */
function getPool(): Pool | null {
  if (pool) return pool;
  if (broken !== null || threads <= 1 || !isMainThread) return null;
  const p: Pool = { workers: [], ready: 0, failed: 0, waiters: [] };
  try {
    for (let k = 0; k < threads - 1; k++) {
      const w = new Worker(new URL("./_worker.ts", import.meta.url), {
        workerData: { stats: STATS.buffer },
      });
      w.unref();
      w.on("message", (m: unknown) => {
        if (m === "ready") {
          p.ready++;
          settle(p);
        }
      });
      w.on("error", (e: unknown) => {
        broken = `a worker failed: ${e instanceof Error ? e.message : String(e)}`;
        p.failed++;
        settle(p);
      });
      p.workers.push(w);
    }
  } catch (e) {
    broken = `workers cannot be created: ${e instanceof Error ? e.message : String(e)}`;
    for (const w of p.workers) void w.terminate();
    return null;
  }
  pool = p;
  return p;
}

/**
 * Creates the pool if needed and resolves when every worker is ready to take jobs, with the
 * number of workers (0 when workers cannot be used).
 */
export async function startPool(): Promise<number> {
  const p = getPool();
  if (!p) return 0;
  if (p.ready + p.failed < p.workers.length) {
    // Keep the process alive while waiting for the workers to start.
    for (const w of p.workers) w.ref();
    await new Promise<void>((resolve) => {
      p.waiters.push(resolve);
      settle(p);
    });
    for (const w of p.workers) w.unref();
  }
  return p.ready;
}

/** Terminates the pool's workers (a later parallel call creates a new pool). */
export async function terminatePool(): Promise<void> {
  const p = pool;
  pool = null;
  broken = null;
  if (!p) return;
  for (const w of p.waiters.splice(0)) w();
  await Promise.all(p.workers.map((w) => w.terminate()));
}

/** Facts about the pool (see `workerInfo`). */
export interface PoolInfo {
  /** Threads parallel calls use, the main thread included. */
  threads: number;
  /** Workers in the pool (0 before the first parallel call or after `terminateWorkers`). */
  workers: number;
  /** Workers that have started and take jobs. */
  ready: number;
  /** Parallel jobs posted to workers so far. */
  jobs: number;
  /** Chunks of those jobs that workers computed (the main thread computed the others). */
  workerChunks: number;
  /** Why workers are not used, or null. */
  reason: string | null;
}

/** The pool's state and counters. */
export function poolInfo(): PoolInfo {
  const reason = broken ??
    (!isMainThread
      ? "parallel calls made inside a worker run serially"
      : threads <= 1
      ? "one thread: parallel calls run serially"
      : null);
  return {
    threads,
    workers: pool?.workers.length ?? 0,
    ready: pool?.ready ?? 0,
    jobs: Atomics.load(STATS, 1),
    workerChunks: Atomics.load(STATS, 0),
    reason,
  };
}

/** The number of threads a job can be cut for (1 when there is no pool). */
export function participants(): number {
  return getPool() ? threads : 1;
}

/** An error raised in a worker, rebuilt on the main thread. */
export class WorkerError extends Error {
  override name = "WorkerError";
  constructor(readonly errorName: string, message: string) {
    super(message);
  }
}

function recordError(ctrl: Int32Array, e: unknown, code: number): void {
  if (Atomics.compareExchange(ctrl, ERR, 0, code) !== 0 || code !== 2) return;
  const err = e instanceof Error ? e : new Error(String(e));
  const bytes = new TextEncoder().encode(`${err.name}\n${err.message}`).slice(0, ERR_MAX);
  new Uint8Array(ctrl.buffer, ERR_TEXT, bytes.length).set(bytes);
  Atomics.store(ctrl, ERR_LEN, bytes.length);
}

/** Claims and computes chunks until none is left; returns the first error it raised. */
function work(ctrl: Int32Array, n: number, run: (c: number) => void, code: number): unknown {
  let error: unknown;
  for (;;) {
    const c = Atomics.add(ctrl, NEXT, 1);
    if (c >= n) return error;
    if (Atomics.load(ctrl, ERR) === 0) {
      try {
        run(c);
        if (code === 2) Atomics.add(STATS, 0, 1);
      } catch (e) {
        error ??= e;
        recordError(ctrl, e, code);
      }
    }
    if (Atomics.add(ctrl, DONE, 1) + 1 === n) Atomics.notify(ctrl, DONE);
  }
}

/**
 * Runs `job` on the pool and the main thread, `impl` being the main thread's implementation.
 * Returns false (having done nothing) when there is no pool; throws the main thread's error;
 * returns a {@linkcode WorkerError} when a worker's chunk threw; true when all went well.
 */
export function runParallel<J extends Job, I>(job: J, impl: I): boolean | WorkerError {
  const ex = EXECUTORS.get(job.kind);
  const p = getPool();
  if (!ex || !p || p.workers.length === 0) return false;
  const ctrl = new Int32Array(new SharedArrayBuffer(ERR_TEXT + ERR_MAX));
  job.ctrl = ctrl.buffer as SharedArrayBuffer;
  Atomics.add(STATS, 1, 1);
  for (const w of p.workers) w.postMessage(job);
  const n = job.nchunks;
  const error = work(ctrl, n, (c) => ex.run(impl, job, c), 1);
  for (let d = Atomics.load(ctrl, DONE); d < n; d = Atomics.load(ctrl, DONE)) {
    Atomics.wait(ctrl, DONE, d);
  }
  if (error !== undefined) throw error;
  if (Atomics.load(ctrl, ERR) === 2) {
    const len = Atomics.load(ctrl, ERR_LEN);
    const text = new TextDecoder().decode(new Uint8Array(ctrl.buffer, ERR_TEXT, len).slice());
    const nl = text.indexOf("\n");
    return new WorkerError(text.slice(0, nl), text.slice(nl + 1));
  }
  return true;
}

// ---- worker side ----

const BUILT = new Map<string, unknown>();

/** Serves one job in a worker (called by _worker.ts for each message). */
export function serveJob(job: Job, stats: SharedArrayBuffer): void {
  STATS = new Int32Array(stats);
  const ex = EXECUTORS.get(job.kind);
  if (!ex || !job.ctrl) return;
  let impl = BUILT.get(job.key);
  if (impl === undefined) {
    try {
      impl = ex.build(job);
    } catch {
      impl = null; // cannot build it here: leave every chunk to the main thread
    }
    BUILT.set(job.key, impl);
  }
  if (impl === null) return;
  const ctrl = new Int32Array(job.ctrl);
  work(ctrl, job.nchunks, (c) => ex.run(impl, job, c), 2);
}
