/**
 * The BLAS backend: the system CBLAS (level 1–3, row-major) and Fortran LAPACK bound with
 * `Deno.dlopen`.
 *
 * Every routine validates its arguments first (see `validate.ts`), so no bad size, stride or
 * buffer reaches native code. A routine whose symbol the library lacks delegates to the
 * fallback backend, per routine and dtype. Fortran routines take every argument by pointer:
 * integer scalars live in small reused `Int32Array` views, character flags in 1-byte views,
 * and the hidden string lengths gfortran appends are passed last, in order. Workspaces come
 * from LAPACK's own size queries (`lwork = -1`) and are kept between calls up to
 * {@link WORK_CACHE_LIMIT} elements. Threads are left to the library (`OPENBLAS_NUM_THREADS`),
 * with one exception: OpenBLAS's multithreaded LU overflows small thread stacks (see
 * `_thread_stack.ts`), so on a thread with less than {@link SMALL_STACK} bytes of stack —
 * Deno workers and most `deno test` modules — `getrf` runs with one OpenBLAS thread.
 *
 * @module
 */

import type { Backend } from "./types.ts";
import { hintOpenblasCore } from "./openblas_core.ts";
import { blasDefs, lapackDefs, type NativeFn, SET_THREADS, THREADS } from "./_blas_symbols.ts";
import { makeBackend } from "./_blas_backend.ts";

export { SMALL_STACK, WORK_CACHE_LIMIT } from "./_blas_backend.ts";

/** Options of {@link loadBlas}. */
export interface LoadBlasOptions {
  /** A library to load instead of searching `ND_BLAS` and the usual names. */
  path?: string;
  /** The backend a routine delegates to when its symbol is missing from the library. */
  fallback: Backend;
}

/** A loaded BLAS backend and what it is made of. */
export interface BlasLoaded {
  /** The backend calling the native routines. */
  backend: Backend;
  /** The library the BLAS (and, when present, LAPACK) symbols come from, as it was opened. */
  library: string;
  /** A second library LAPACK symbols were taken from (BLIS and reference BLAS pairings). */
  lapackLibrary?: string;
  /** The library's thread count when it reports one (`openblas_get_num_threads`). */
  threads?: number;
  /** The symbols the library lacks; their routines run on the fallback backend. */
  missing: readonly string[];
  /** `OPENBLAS_CORETYPE` as nd set it before loading OpenBLAS (see openblas_core.ts). */
  coreType?: string;
}

interface Candidate {
  blas: string;
  lapack?: string;
}

function candidates(): Candidate[] {
  const os = Deno.build.os;
  if (os === "darwin") {
    return [
      { blas: "/System/Library/Frameworks/Accelerate.framework/Accelerate" },
      { blas: "libopenblas.dylib" },
      { blas: "/opt/homebrew/opt/openblas/lib/libopenblas.dylib" },
      { blas: "/usr/local/opt/openblas/lib/libopenblas.dylib" },
    ];
  }
  if (os === "windows") return [{ blas: "libopenblas.dll" }, { blas: "openblas.dll" }];
  return [
    { blas: "libopenblas.so.0" },
    { blas: "libopenblas.so" },
    { blas: "libblis.so.4", lapack: "liblapack.so.3" },
    { blas: "libblis.so", lapack: "liblapack.so.3" },
    { blas: "libmkl_rt.so.2" },
    { blas: "libmkl_rt.so" },
    { blas: "libblas.so.3", lapack: "liblapack.so.3" },
  ];
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

interface Opened {
  symbols: Map<string, NativeFn>;
  library: string;
  lapackLibrary?: string;
}

function open(path: string, defs: Record<string, Deno.ForeignFunction>): Map<string, NativeFn> {
  const lib = Deno.dlopen(path, defs);
  const table = lib.symbols as unknown as Record<string, NativeFn | null>;
  const found = new Map<string, NativeFn>();
  for (const name of Object.keys(defs)) {
    const f = table[name];
    if (f !== null && f !== undefined) found.set(name, f);
  }
  if (found.size === 0) lib.close();
  return found;
}

function tryCandidate(c: Candidate): Opened | string {
  let symbols: Map<string, NativeFn>;
  try {
    symbols = open(c.blas, { ...blasDefs(), ...lapackDefs() });
  } catch (e) {
    return `${c.blas} (${firstLine(e)})`;
  }
  let lapackLibrary: string | undefined;
  if (c.lapack !== undefined) {
    const wanted = lapackDefs();
    for (const name of Object.keys(wanted)) if (symbols.has(name)) delete wanted[name];
    if (Object.keys(wanted).length > 0) {
      try {
        const extra = open(c.lapack, wanted);
        for (const [name, f] of extra) symbols.set(name, f);
        if (extra.size > 0) lapackLibrary = c.lapack;
      } catch {
        // The BLAS part alone is still useful; LAPACK routines then use the fallback.
      }
    }
  }
  if (symbols.size === 0) return `${c.blas} (no BLAS or LAPACK symbols found)`;
  return { symbols, library: c.blas, lapackLibrary };
}

function granted(desc: Deno.PermissionDescriptor): boolean {
  try {
    return Deno.permissions.querySync(desc).state === "granted";
  } catch {
    return false;
  }
}

/**
 * Loads the system BLAS/LAPACK and returns a {@link Backend} calling it, or the reason it
 * cannot. Needs the `ffi` permission already granted (it never prompts). Without
 * `opts.path`, `ND_BLAS` (read only when the `env` permission is granted) names the library
 * or disables the search with `"none"`; otherwise OpenBLAS, BLIS (+ liblapack), MKL, Apple
 * Accelerate, OpenBLAS on macOS and the reference libblas + liblapack are tried in order.
 */
export function loadBlas(opts: LoadBlasOptions): BlasLoaded | { reason: string } {
  if (typeof Deno === "undefined" || typeof Deno.dlopen !== "function") {
    return { reason: "Deno.dlopen is not available in this runtime" };
  }
  if (!granted({ name: "ffi" })) {
    return { reason: "the ffi permission is not granted (run with --allow-ffi)" };
  }
  let list: Candidate[];
  if (opts.path !== undefined) list = [{ blas: opts.path }];
  else {
    const env = granted({ name: "env", variable: "ND_BLAS" }) ? Deno.env.get("ND_BLAS") : undefined;
    if (env === "none") return { reason: 'ND_BLAS is "none": the BLAS backend is disabled' };
    list = env !== undefined && env !== "" ? [{ blas: env }] : candidates();
  }
  const failures: string[] = [];
  let coreType: string | null = null;
  for (const c of list) {
    if (/openblas/i.test(c.blas) && coreType === null) coreType = hintOpenblasCore();
    const r = tryCandidate(c);
    if (typeof r === "string") {
      failures.push(r);
      continue;
    }
    const all = [...Object.keys(blasDefs()), ...Object.keys(lapackDefs())];
    const missing = all.filter((name) =>
      name !== THREADS && name !== SET_THREADS && !r.symbols.has(name)
    );
    const result: BlasLoaded = {
      backend: makeBackend(r.symbols, opts.fallback),
      library: r.library,
      missing,
    };
    if (r.lapackLibrary !== undefined) result.lapackLibrary = r.lapackLibrary;
    if (coreType !== null && /openblas/i.test(r.library)) result.coreType = coreType;
    const threads = r.symbols.get(THREADS);
    if (threads !== undefined) result.threads = threads() as number;
    return result;
  }
  return { reason: `no BLAS library could be loaded: tried ${failures.join("; ")}` };
}
