/**
 * Arrays in shared memory, and the worker pool of `{ parallel: true }` ufuncs and kernels.
 *
 * Parallel calls split large inputs (at least {@linkcode PARALLEL_MIN_SIZE} elements) across
 * a pool of workers that read and write the arrays' memory directly, so every array they
 * touch must live in a `SharedArrayBuffer`: {@linkcode toShared} copies an array there, and
 * the outputs of parallel calls are allocated there (so they can feed the next parallel call).
 * Inputs in ordinary memory keep the call serial. The pool is created on the first parallel
 * call, with `navigator.hardwareConcurrency - 1` workers (the calling thread computes its
 * share too); idle workers do not keep the process alive. Parallel calls stay synchronous.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * import { isShared, terminateWorkers, toShared } from "./shared.ts";
 * import { ufunc } from "./compiled_ufunc.ts";
 * const x = toShared(nd.linspace(-4, 4, { num: 1 << 18 }));
 * assert(isShared(x) && !isShared(nd.zeros([3])));
 * const swish = ufunc((x: number) => x / (1 + Math.exp(-x)), { parallel: true });
 * const y = swish(x); // split across the workers (and this thread)
 * assert(isShared(y));
 * assert.equal(y.get(0), -4 / (1 + Math.exp(4)));
 * await terminateWorkers();
 * ```
 *
 * @module
 */

import { type DType, type DTypeMap, DTYPES, viewBuffer } from "../core/dtype.ts";
import { NDArray } from "../core/ndarray.ts";
import { shapeSize } from "../core/shape.ts";
import { toArray } from "../core/asarray.ts";
import { copyInto } from "../core/copy.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import {
  getThreads,
  PARALLEL_MIN_SIZE as MIN_SIZE,
  type PoolInfo,
  poolInfo,
  setThreads,
  startPool,
  terminatePool,
} from "./_parallel.ts";

export type { PoolInfo };

/** Elements below which a parallel call stays serial: 2^18 (262,144). */
export const PARALLEL_MIN_SIZE: number = MIN_SIZE;

/**
 * A zero-filled typed array of `n` elements of `dtype` in a new `SharedArrayBuffer`.
 *
 * @example
 * ```ts
 * import { allocateShared } from "./shared.ts";
 * import assert from "node:assert/strict";
 * const a = allocateShared("float32", 4);
 * assert(a instanceof Float32Array && a.buffer instanceof SharedArrayBuffer);
 * ```
 */
export function allocateShared<D extends DType>(dtype: D, n: number): DTypeMap[D] {
  return viewBuffer(dtype, new SharedArrayBuffer(n * DTYPES[dtype].itemsize), 0, n);
}

/**
 * Whether `a`'s memory is a `SharedArrayBuffer` (so that parallel calls can use it).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * import { isShared, toShared } from "./shared.ts";
 * assert(!isShared(nd.ones([2])));
 * assert(isShared(toShared(nd.ones([2]))));
 * ```
 */
export function isShared(a: NDArray): boolean {
  return a instanceof NDArray && a.data.buffer instanceof SharedArrayBuffer;
}

/**
 * A C-contiguous copy of `a` (same dtype and values) in a new `SharedArrayBuffer`, for the
 * inputs of parallel ufuncs and kernels (see {@linkcode ufunc} and {@linkcode kernel}). It
 * always copies.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * import { toShared } from "./shared.ts";
 * const s = toShared(nd.arange(6).reshape([2, 3]).T);
 * assert(s.data.buffer instanceof SharedArrayBuffer && s.flags.cContiguous);
 * assert.deepEqual(s.toArray(), [[0n, 3n], [1n, 4n], [2n, 5n]]);
 * ```
 */
export function toShared<D extends DType>(a: NDArray<D> | ArrayLike): NDArray<D> {
  const src = toArray(a as ArrayLike, "toShared") as NDArray<D>;
  const out = new NDArray(src.dtype, allocateShared(src.dtype, shapeSize(src.shape)), src.shape);
  copyInto(out, src);
  return out;
}

/**
 * Starts the worker pool now (it otherwise starts on the first parallel call, whose chunks
 * the still-starting workers then leave to the calling thread) and resolves with the number
 * of workers ready, 0 when workers cannot be used. Useful before timing parallel calls.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { startWorkers, terminateWorkers, workerInfo } from "./shared.ts";
 * const n = await startWorkers();
 * assert.equal(n, workerInfo().ready);
 * await terminateWorkers();
 * ```
 */
export function startWorkers(): Promise<number> {
  return startPool();
}

/**
 * Terminates the pool's workers (the next parallel call starts new ones). Idle workers do not
 * keep a script alive, so this is needed only where leaked workers matter (test sanitizers).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { terminateWorkers, workerInfo } from "./shared.ts";
 * await terminateWorkers();
 * assert.equal(workerInfo().workers, 0);
 * ```
 */
export function terminateWorkers(): Promise<void> {
  return terminatePool();
}

/**
 * The pool's size and counters: threads used (the main thread included), workers created and
 * ready, jobs posted and chunks computed by workers, and why workers are not used, if so.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { workerInfo } from "./shared.ts";
 * const info = workerInfo();
 * assert(info.threads >= 1 && info.jobs >= 0);
 * ```
 */
export function workerInfo(): PoolInfo {
  return poolInfo();
}

/**
 * Sets how many threads parallel calls use, the calling thread included (default
 * `navigator.hardwareConcurrency`; 1 makes every call serial). A running pool is terminated.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getNumThreads, setNumThreads, workerInfo } from "./shared.ts";
 * const before = getNumThreads();
 * setNumThreads(1);
 * assert.equal(workerInfo().threads, 1);
 * setNumThreads(before);
 * ```
 */
export function setNumThreads(n: number): void {
  setThreads(n);
}

/**
 * The number of threads parallel calls use, the calling thread included.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getNumThreads } from "./shared.ts";
 * assert(getNumThreads() >= 1);
 * ```
 */
export function getNumThreads(): number {
  return getThreads();
}
