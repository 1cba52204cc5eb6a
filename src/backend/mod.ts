/**
 * Backend selection: which implementation of the heavy linear-algebra routines nd uses.
 *
 * At first use nd tries the system BLAS/LAPACK through Deno FFI — only when the `ffi`
 * permission is already granted (it never prompts) and `ND_BLAS` is not `none` — and falls
 * back to the pure-TypeScript backend otherwise, keeping the reason.
 *
 * @module
 */

import type { Backend } from "./types.ts";
import { tsBackend } from "./ts.ts";
import { loadBlas } from "./blas_ffi.ts";

/** What {@link backend.info} reports. */
export interface BackendInfo {
  /** The backend in use. */
  name: "blas" | "ts";
  /** The native library loaded for `"blas"`, null for `"ts"`. */
  library: string | null;
  /** Why this backend was chosen (for `"ts"`: why BLAS is not in use). */
  reason: string;
}

/** Options of {@link backend.use}. */
export interface UseOpts {
  /** For `"blas"`: the path of the library to load instead of searching the usual names. */
  path?: string;
}

interface State {
  backend: Backend;
  info: BackendInfo;
}

let state: State | null = null;

/** Libraries loaded so far, by requested path ("" for the default search): loaded once. */
const loaded = new Map<string, State>();

function tsState(reason: string): State {
  return { backend: tsBackend, info: { name: "ts", library: null, reason } };
}

function tryBlas(path: string | undefined): State | string {
  const cached = loaded.get(path ?? "");
  if (cached) return cached;
  const r = loadBlas({ path, fallback: tsBackend });
  if ("reason" in r) return r.reason;
  const threads = r.threads === undefined ? "" : ` with ${r.threads} thread(s)`;
  const core = r.coreType === undefined
    ? ""
    : ` (OPENBLAS_CORETYPE=${r.coreType} set from the CPU flags)`;
  const st: State = {
    backend: r.backend,
    info: { name: "blas", library: r.library, reason: `loaded ${r.library}${threads}${core}` },
  };
  loaded.set(path ?? "", st);
  loaded.set(r.library, st);
  return st;
}

/** The backend in use, chosen at the first call. */
export function getBackend(): Backend {
  return (state ??= initial()).backend;
}

function initial(): State {
  const r = tryBlas(undefined);
  return typeof r === "string" ? tsState(r) : r;
}

/**
 * The linear-algebra backend: `info()` tells which implementation runs the heavy routines
 * (gemm, LU, QR, SVD, eigen, Cholesky, least squares) and why; `use()` switches.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const before = nd.backend.info();
 * nd.backend.use("ts");
 * assert.equal(nd.backend.info().name, "ts");
 * assert.equal(nd.backend.info().library, null);
 * if (before.name === "blas") nd.backend.use("blas", { path: before.library! });
 * ```
 */
export const backend: {
  /** Which backend is in use, the library it loaded and why it was chosen. */
  info(): BackendInfo;
  /**
   * Switches to the TypeScript backend, or loads a BLAS/LAPACK library (the usual names, or
   * `opts.path`). Throws a `RangeError` with the reason when the library cannot be used; the
   * previous backend then stays in use.
   */
  use(name: "ts" | "blas", opts?: UseOpts): void;
} = {
  info(): BackendInfo {
    return { ...(state ??= initial()).info };
  },
  use(name: "ts" | "blas", opts: UseOpts = {}): void {
    if (name !== "ts" && name !== "blas") {
      throw new TypeError(
        `backend.use: unknown backend ${JSON.stringify(name)}: use "ts" or "blas"`,
      );
    }
    if (opts.path !== undefined && typeof opts.path !== "string") {
      throw new TypeError(`backend.use: path must be a string, got ${typeof opts.path}`);
    }
    if (name === "ts") {
      if (opts.path !== undefined) {
        throw new TypeError('backend.use: a path applies only to the "blas" backend');
      }
      state = tsState('selected with backend.use("ts")');
      return;
    }
    const r = tryBlas(opts.path);
    if (typeof r === "string") throw new RangeError(`backend.use: cannot use BLAS: ${r}`);
    state = r;
  },
};
