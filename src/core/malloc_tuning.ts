/**
 * Reuse of freed large buffers: glibc's `malloc` tuned for a process that makes many large
 * arrays, so that a new result is placed in memory an earlier, collected one gave back instead
 * of in freshly mapped pages.
 *
 * By default glibc serves every allocation above a threshold (128 KiB, adapting up to 32 MiB)
 * with its own `mmap` and unmaps it on `free`: each new multi-megabyte typed array then costs a
 * page fault per 4 KiB on first write. NumPy frees an array the moment its last reference goes,
 * so glibc's adaptive threshold soon serves its arrays from the heap, already faulted in; V8
 * frees array buffers only after a garbage collection, and its arrays kept paying the faults
 * (on the project's VM a new 80 MB result cost ≈ 33 ms to fault in, its computation 7–70 ms).
 * With the `ffi` permission already granted (never prompting) and glibc loaded, nd raises the
 * `mmap` threshold and the heap-trim threshold to {@link REUSE_LIMIT} the first time it
 * allocates a buffer of {@link TUNE_AT} bytes or more: allocations below that size come from the
 * heap, and memory freed by a collection is reused by the next ones (zeroed by `calloc`, never
 * faulted in again). The cost is that up to {@link REUSE_LIMIT} bytes of freed memory stay
 * with the process instead of going back to the system.
 *
 * Set the environment variable `ND_MALLOC=system` to leave `malloc` as it is (the check needs
 * the `env` permission; without it the tuning applies). {@link mallocInfo} tells what happened.
 *
 * @module
 */

/** Allocations below this many bytes come from glibc's heap once tuned (512 MiB). */
export const REUSE_LIMIT: number = 1 << 29;

/** The first allocation of at least this many bytes applies the tuning (1 MiB). */
export const TUNE_AT: number = 1 << 20;

/** What {@link mallocInfo} reports. */
export interface MallocInfo {
  /** Whether freed large buffers are reused (glibc's thresholds raised to `REUSE_LIMIT`). */
  readonly reuse: boolean;
  /** Why, or why not (also "not yet" before the first large allocation). */
  readonly reason: string;
}

const M_TRIM_THRESHOLD = -1;
const M_MMAP_THRESHOLD = -3;

let state: MallocInfo | null = null;

function envOptOut(): boolean {
  try {
    if (Deno.permissions.querySync({ name: "env", variable: "ND_MALLOC" }).state !== "granted") {
      return false;
    }
    return Deno.env.get("ND_MALLOC") === "system";
  } catch {
    return false;
  }
}

function apply(): MallocInfo {
  if (Deno.build.os !== "linux") return { reuse: false, reason: "not Linux (glibc)" };
  if (envOptOut()) return { reuse: false, reason: "ND_MALLOC=system" };
  try {
    if (Deno.permissions.querySync({ name: "ffi" }).state !== "granted") {
      return { reuse: false, reason: "no ffi permission" };
    }
    const lib = Deno.dlopen("libc.so.6", {
      mallopt: { parameters: ["i32", "i32"], result: "i32" },
    });
    const ok = lib.symbols.mallopt(M_MMAP_THRESHOLD, REUSE_LIMIT) === 1 &&
      lib.symbols.mallopt(M_TRIM_THRESHOLD, REUSE_LIMIT) === 1;
    return ok
      ? { reuse: true, reason: "glibc's mmap and trim thresholds raised to 512 MiB" }
      : { reuse: false, reason: "glibc refused mallopt" };
  } catch (e) {
    return { reuse: false, reason: `glibc not loadable: ${(e as Error).message}` };
  }
}

/**
 * Applies the tuning once, when `bytes` reaches {@link TUNE_AT} (called by `allocate`; cheap
 * after the first time).
 *
 * @example
 * ```ts
 * import { mallocInfo, noteAllocation } from "./malloc_tuning.ts";
 * noteAllocation(8 << 20);
 * console.log(mallocInfo().reason);
 * ```
 */
export function noteAllocation(bytes: number): void {
  if (state === null && bytes >= TUNE_AT) state = apply();
}

/**
 * Whether nd reuses freed large buffers in this process, and why (see the module).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const info = nd.mallocInfo();
 * console.log(info.reuse, info.reason);
 * ```
 */
export function mallocInfo(): MallocInfo {
  return state ?? { reuse: false, reason: "not yet: no large array allocated" };
}
