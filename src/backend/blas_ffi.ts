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

import type { Backend, FloatBuffer, LinalgDType, Trans } from "./types.ts";
import {
  INT32_MAX,
  validateDot,
  validateGeev,
  validateGelsd,
  validateGemm,
  validateGemv,
  validateGeqrf,
  validateGesdd,
  validateGetrf,
  validateGetrs,
  validateOrgqr,
  validatePotrf,
  validateSyevd,
} from "./validate.ts";
import { hintOpenblasCore } from "./openblas_core.ts";
import { threadStackBytes } from "./_thread_stack.ts";

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

/**
 * Thread stacks smaller than this (bytes) run OpenBLAS's `getrf` single-threaded: its
 * parallel LU needs about 0.5 MiB of stack per recursion level (Debian's 64-thread build).
 * The main thread has 8 MiB less a guard page by default, Web Workers 4 MiB, and the threads
 * `deno test` runs most modules on 2 MiB.
 */
export const SMALL_STACK: number = 6 << 20;

/** Elements of workspace kept between calls (per buffer); larger ones are dropped after use. */
export const WORK_CACHE_LIMIT: number = 1 << 20;

type Arg = number | FloatBuffer | Int32Array | Uint8Array;
type NativeFn = (...args: Arg[]) => unknown;
type Row = readonly (NativeFn | null)[];

const DT: Record<LinalgDType, number> = { float32: 0, float64: 1, complex64: 2, complex128: 3 };
const P = ["s", "d", "c", "z"];
const ROW_MAJOR = 101;
const TRANS_REAL: Record<Trans, number> = { N: 111, T: 112, C: 112 };
const TRANS_COMPLEX: Record<Trans, number> = { N: 111, T: 112, C: 113 };

/** Symbol names per routine, indexed like {@link DT}. */
const NAMES = {
  gemm: P.map((p) => `cblas_${p}gemm`),
  gemv: P.map((p) => `cblas_${p}gemv`),
  dotu: ["cblas_sdot", "cblas_ddot", "cblas_cdotu_sub", "cblas_zdotu_sub"],
  dotc: ["cblas_sdot", "cblas_ddot", "cblas_cdotc_sub", "cblas_zdotc_sub"],
  getrf: P.map((p) => `${p}getrf_`),
  getrs: P.map((p) => `${p}getrs_`),
  geqrf: P.map((p) => `${p}geqrf_`),
  orgqr: ["sorgqr_", "dorgqr_", "cungqr_", "zungqr_"],
  gesdd: P.map((p) => `${p}gesdd_`),
  syevd: ["ssyevd_", "dsyevd_", "cheevd_", "zheevd_"],
  geev: P.map((p) => `${p}geev_`),
  potrf: P.map((p) => `${p}potrf_`),
  gelsd: P.map((p) => `${p}gelsd_`),
};
const THREADS = "openblas_get_num_threads";
const SET_THREADS = "openblas_set_num_threads";

function fn(parameters: Deno.NativeType[], result: Deno.NativeResultType = "void") {
  return { parameters, result, optional: true };
}

/** Fortran: `pointers` arguments by reference, then `strings` hidden lengths. */
function fortran(pointers: number, strings = 0) {
  const p: Deno.NativeType[] = new Array(pointers).fill("buffer");
  for (let i = 0; i < strings; i++) p.push("usize");
  return fn(p);
}

function blasDefs(): Record<string, Deno.ForeignFunction> {
  const d: Record<string, Deno.ForeignFunction> = {};
  for (let i = 0; i < 4; i++) {
    const real = i < 2;
    const sc: Deno.NativeType = i === 0 ? "f32" : "f64";
    const ab: Deno.NativeType = real ? sc : "buffer";
    const I = "i32", B = "buffer";
    d[NAMES.gemm[i]] = fn([I, I, I, I, I, I, ab, B, I, B, I, ab, B, I]);
    d[NAMES.gemv[i]] = fn([I, I, I, I, ab, B, I, B, I, ab, B, I]);
    if (real) d[NAMES.dotu[i]] = fn([I, B, I, B, I], sc);
    else {
      d[NAMES.dotu[i]] = fn([I, B, I, B, I, B]);
      d[NAMES.dotc[i]] = fn([I, B, I, B, I, B]);
    }
  }
  d[THREADS] = fn([], "i32");
  d[SET_THREADS] = fn(["i32"]);
  return d;
}

function lapackDefs(): Record<string, Deno.ForeignFunction> {
  const d: Record<string, Deno.ForeignFunction> = {};
  for (let i = 0; i < 4; i++) {
    const cx = i < 2 ? 0 : 1; // complex variants take an extra rwork pointer
    d[NAMES.getrf[i]] = fortran(6);
    d[NAMES.getrs[i]] = fortran(9, 1);
    d[NAMES.geqrf[i]] = fortran(8);
    d[NAMES.orgqr[i]] = fortran(9);
    d[NAMES.gesdd[i]] = fortran(14 + cx, 1);
    d[NAMES.syevd[i]] = fortran(11 + 2 * cx, 2);
    d[NAMES.geev[i]] = fortran(14, 2);
    d[NAMES.potrf[i]] = fortran(5, 1);
    d[NAMES.gelsd[i]] = fortran(14 + cx);
  }
  return d;
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

function lapackError(fn: string, info: number): Error {
  return new Error(`${fn}: LAPACK rejected argument ${-info}: this is a bug in nd's validation`);
}

function makeBackend(found: Map<string, NativeFn>, fallback: Backend): Backend {
  const row = (names: string[]): Row => names.map((n) => found.get(n) ?? null);
  const T = {
    gemm: row(NAMES.gemm),
    gemv: row(NAMES.gemv),
    dotu: row(NAMES.dotu),
    dotc: row(NAMES.dotc),
    getrf: row(NAMES.getrf),
    getrs: row(NAMES.getrs),
    geqrf: row(NAMES.geqrf),
    orgqr: row(NAMES.orgqr),
    gesdd: row(NAMES.gesdd),
    syevd: row(NAMES.syevd),
    geev: row(NAMES.geev),
    potrf: row(NAMES.potrf),
    gelsd: row(NAMES.gelsd),
  };

  // Scalar arguments: views on one off-heap buffer, reused by every call.
  const mem = new ArrayBuffer(256);
  const int = (k: number) => new Int32Array(mem, 4 * k, 1);
  const iM = int(0), iN = int(1), iK = int(2), iNrhs = int(3), iLda = int(4), iLdb = int(5);
  const iLdu = int(6), iLdvt = int(7), iLwork = int(8), iLrwork = int(9), iLiwork = int(10);
  const iInfo = int(11), iRank = int(12), iQuery = int(13);
  const c1 = new Uint8Array(mem, 56, 1), c2 = new Uint8Array(mem, 57, 1);
  const alpha64 = new Float64Array(mem, 64, 2), beta64 = new Float64Array(mem, 80, 2);
  const out64 = new Float64Array(mem, 96, 2), real64 = new Float64Array(mem, 112, 2);
  const dummy64 = new Float64Array(mem, 128, 2);
  const alpha32 = new Float32Array(mem, 144, 2), beta32 = new Float32Array(mem, 152, 2);
  const out32 = new Float32Array(mem, 160, 2), real32 = new Float32Array(mem, 168, 2);
  const dummy32 = new Float32Array(mem, 176, 2);

  // Workspaces: slot 0 work, 1 rwork, 2 auxiliary; grown on demand, kept up to the limit.
  const pool32 = [new Float32Array(0), new Float32Array(0), new Float32Array(0)];
  const pool64 = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];
  let poolInt = new Int32Array(0);
  const work = (i: number, slot: number, len: number): FloatBuffer => {
    if (i === 0 || i === 2) {
      let b = pool32[slot];
      if (b.length < len) {
        b = new Float32Array(len);
        if (len <= WORK_CACHE_LIMIT) pool32[slot] = b;
      }
      return b;
    }
    let b = pool64[slot];
    if (b.length < len) {
      b = new Float64Array(len);
      if (len <= WORK_CACHE_LIMIT) pool64[slot] = b;
    }
    return b;
  };
  const iwork = (len: number): Int32Array => {
    if (poolInt.length >= len) return poolInt;
    const b = new Int32Array(len);
    if (len <= WORK_CACHE_LIMIT) poolInt = b;
    return b;
  };
  /** Sizes from a workspace query, rounded up (single-precision queries may round down). */
  const size = (fn: string, v: number, single: boolean, min: number): number => {
    let n = Math.ceil(v);
    if (single && n > 1 << 24) n = Math.ceil(n * (1 + 2 ** -22));
    n = Math.max(n, min, 1);
    if (!(n <= INT32_MAX)) {
      throw new RangeError(`${fn}: the LAPACK workspace of ${n} elements exceeds ${INT32_MAX}`);
    }
    return n;
  };
  const queryBuf = (i: number): FloatBuffer => (i === 0 || i === 2 ? out32 : out64);
  const realBuf = (i: number): FloatBuffer => (i === 0 || i === 2 ? real32 : real64);
  const dummy = (i: number): FloatBuffer => (i === 0 || i === 2 ? dummy32 : dummy64);
  const view = (buf: FloatBuffer, off: number, slots: number): FloatBuffer =>
    off === 0 ? buf : buf.subarray(off * slots);
  const getThreads = found.get(THREADS), setThreads = found.get(SET_THREADS);
  /** Runs `call` with one OpenBLAS thread when this thread's stack is small (see SMALL_STACK). */
  const onSmallStackSerial = (call: () => void): void => {
    if (getThreads === undefined || setThreads === undefined) return call();
    const stack = threadStackBytes();
    const threads = stack !== null && stack < SMALL_STACK ? getThreads() as number : 1;
    if (threads <= 1) return call();
    setThreads(1);
    try {
      call();
    } finally {
      setThreads(threads);
    }
  };
  const check = (fn: string): number => {
    const info = iInfo[0];
    if (info < 0) throw lapackError(fn, info);
    return info;
  };

  // Each routine: validate, delegate when the symbol is missing, skip empty work, call.
  const gemm: Backend["gemm"] = (
    dt,
    tA,
    tB,
    m,
    n,
    k,
    alpha,
    a,
    oA,
    lda,
    b,
    oB,
    ldb,
    beta,
    c,
    oC,
    ldc,
  ) => {
    validateGemm(dt, tA, tB, m, n, k, alpha, a, oA, lda, b, oB, ldb, beta, c, oC, ldc);
    const i = DT[dt], f = T.gemm[i];
    if (f === null) {
      return fallback.gemm(dt, tA, tB, m, n, k, alpha, a, oA, lda, b, oB, ldb, beta, c, oC, ldc);
    }
    if (m === 0 || n === 0) return;
    const sl = i < 2 ? 1 : 2, A = view(a, oA, sl), B = view(b, oB, sl), C = view(c, oC, sl);
    if (i < 2) {
      f(ROW_MAJOR, TRANS_REAL[tA], TRANS_REAL[tB], m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
      return;
    }
    const al = i === 2 ? alpha32 : alpha64, be = i === 2 ? beta32 : beta64;
    al[0] = alpha, be[0] = beta;
    f(ROW_MAJOR, TRANS_COMPLEX[tA], TRANS_COMPLEX[tB], m, n, k, al, A, lda, B, ldb, be, C, ldc);
  };

  const gemv: Backend["gemv"] = (
    dt,
    tr,
    m,
    n,
    alpha,
    a,
    oA,
    lda,
    x,
    oX,
    incX,
    beta,
    y,
    oY,
    incY,
  ) => {
    validateGemv(dt, tr, m, n, alpha, a, oA, lda, x, oX, incX, beta, y, oY, incY);
    const i = DT[dt], f = T.gemv[i];
    if (f === null) {
      return fallback.gemv(dt, tr, m, n, alpha, a, oA, lda, x, oX, incX, beta, y, oY, incY);
    }
    const ny = tr === "N" ? m : n, sl = i < 2 ? 1 : 2;
    if (ny === 0) return;
    if (m === 0 || n === 0) {
      // BLAS returns early on an empty A without scaling y: do it here (beta = 0 writes zeros).
      for (let j = 0, p = oY * sl; j < ny; j++, p += incY * sl) {
        y[p] = beta === 0 ? 0 : beta * y[p];
        if (sl === 2) y[p + 1] = beta === 0 ? 0 : beta * y[p + 1];
      }
      return;
    }
    const A = view(a, oA, sl), X = view(x, oX, sl), Y = view(y, oY, sl);
    if (i < 2) {
      f(ROW_MAJOR, TRANS_REAL[tr], m, n, alpha, A, lda, X, incX, beta, Y, incY);
      return;
    }
    const al = i === 2 ? alpha32 : alpha64, be = i === 2 ? beta32 : beta64;
    al[0] = alpha, be[0] = beta;
    f(ROW_MAJOR, TRANS_COMPLEX[tr], m, n, al, A, lda, X, incX, be, Y, incY);
  };

  const dot: Backend["dot"] = (dt, n, x, oX, incX, y, oY, incY, conj) => {
    validateDot(dt, n, x, oX, incX, y, oY, incY, conj);
    const i = DT[dt], f = (conj ? T.dotc : T.dotu)[i];
    if (f === null) return fallback.dot(dt, n, x, oX, incX, y, oY, incY, conj);
    if (n === 0) return [0, 0];
    if (i < 2) return [f(n, view(x, oX, 1), incX, view(y, oY, 1), incY) as number, 0];
    const out = queryBuf(i);
    f(n, view(x, oX, 2), incX, view(y, oY, 2), incY, out);
    return [out[0], out[1]];
  };

  const getrf: Backend["getrf"] = (dt, m, n, a, lda, ipiv) => {
    validateGetrf(dt, m, n, a, lda, ipiv);
    const f = T.getrf[DT[dt]];
    if (f === null) return fallback.getrf(dt, m, n, a, lda, ipiv);
    if (m === 0 || n === 0) return 0;
    iM[0] = m, iN[0] = n, iLda[0] = lda, iInfo[0] = 0;
    onSmallStackSerial(() => f(iM, iN, a, iLda, ipiv, iInfo));
    return check("getrf");
  };

  const getrs: Backend["getrs"] = (dt, trans, n, nrhs, a, lda, ipiv, b, ldb) => {
    validateGetrs(dt, trans, n, nrhs, a, lda, ipiv, b, ldb);
    const f = T.getrs[DT[dt]];
    if (f === null) return fallback.getrs(dt, trans, n, nrhs, a, lda, ipiv, b, ldb);
    if (n === 0 || nrhs === 0) return 0;
    c1[0] = trans.charCodeAt(0);
    iN[0] = n, iNrhs[0] = nrhs, iLda[0] = lda, iLdb[0] = ldb, iInfo[0] = 0;
    f(c1, iN, iNrhs, a, iLda, ipiv, b, iLdb, iInfo, 1);
    return check("getrs");
  };

  const geqrf: Backend["geqrf"] = (dt, m, n, a, lda, tau) => {
    validateGeqrf(dt, m, n, a, lda, tau);
    const i = DT[dt], f = T.geqrf[i];
    if (f === null) return fallback.geqrf(dt, m, n, a, lda, tau);
    if (m === 0 || n === 0) return 0;
    const q = queryBuf(i);
    iM[0] = m, iN[0] = n, iLda[0] = lda, iLwork[0] = -1, iInfo[0] = 0;
    f(iM, iN, a, iLda, tau, q, iLwork, iInfo);
    check("geqrf");
    const lw = (iLwork[0] = size("geqrf", q[0], i === 0 || i === 2, n));
    f(iM, iN, a, iLda, tau, work(i, 0, lw * (i < 2 ? 1 : 2)), iLwork, iInfo);
    return check("geqrf");
  };

  const orgqr: Backend["orgqr"] = (dt, m, n, k, a, lda, tau) => {
    validateOrgqr(dt, m, n, k, a, lda, tau);
    const i = DT[dt], f = T.orgqr[i];
    if (f === null) return fallback.orgqr(dt, m, n, k, a, lda, tau);
    if (n === 0) return 0;
    const q = queryBuf(i);
    iM[0] = m, iN[0] = n, iK[0] = k, iLda[0] = lda, iLwork[0] = -1, iInfo[0] = 0;
    f(iM, iN, iK, a, iLda, tau, q, iLwork, iInfo);
    check("orgqr");
    const lw = (iLwork[0] = size("orgqr", q[0], i === 0 || i === 2, n));
    f(iM, iN, iK, a, iLda, tau, work(i, 0, lw * (i < 2 ? 1 : 2)), iLwork, iInfo);
    return check("orgqr");
  };

  const gesdd: Backend["gesdd"] = (dt, jobz, m, n, a, lda, s, u, ldu, vt, ldvt) => {
    validateGesdd(dt, jobz, m, n, a, lda, s, u, ldu, vt, ldvt);
    const i = DT[dt], f = T.gesdd[i];
    if (f === null) return fallback.gesdd(dt, jobz, m, n, a, lda, s, u, ldu, vt, ldvt);
    const mn = Math.min(m, n), mx = Math.max(m, n), sl = i < 2 ? 1 : 2;
    if (mn === 0) {
      // LAPACK returns at once; give the square factors of jobz "A" their natural value.
      if (jobz === "A") {
        identity(u as FloatBuffer, m, ldu, sl);
        identity(vt as FloatBuffer, n, ldvt, sl);
      }
      return 0;
    }
    const none = jobz === "N", U = none ? dummy(i) : u!, VT = none ? dummy(i) : vt!;
    c1[0] = jobz.charCodeAt(0);
    iM[0] = m, iN[0] = n, iLda[0] = lda, iInfo[0] = 0, iLwork[0] = -1;
    iLdu[0] = none ? 1 : ldu, iLdvt[0] = none ? 1 : ldvt;
    const iw = iwork(8 * mn), q = queryBuf(i);
    if (i < 2) {
      f(c1, iM, iN, a, iLda, s, U, iLdu, VT, iLdvt, q, iLwork, iw, iInfo, 1);
      check("gesdd");
      const w = work(i, 0, iLwork[0] = size("gesdd", q[0], i === 0, 1));
      f(c1, iM, iN, a, iLda, s, U, iLdu, VT, iLdvt, w, iLwork, iw, iInfo, 1);
      return check("gesdd");
    }
    // rwork sizes from the LAPACK documentation of cgesdd/zgesdd.
    const lrw = none ? 7 * mn : Math.max(5 * mn * mn + 5 * mn, 2 * mx * mn + 2 * mn * mn + mn);
    const rw = work(i, 1, lrw);
    f(c1, iM, iN, a, iLda, s, U, iLdu, VT, iLdvt, q, iLwork, rw, iw, iInfo, 1);
    check("gesdd");
    const w = work(i, 0, 2 * (iLwork[0] = size("gesdd", q[0], i === 2, 1)));
    f(c1, iM, iN, a, iLda, s, U, iLdu, VT, iLdvt, w, iLwork, rw, iw, iInfo, 1);
    return check("gesdd");
  };

  const syevd: Backend["syevd"] = (dt, jobz, uplo, n, a, lda, w) => {
    validateSyevd(dt, jobz, uplo, n, a, lda, w);
    const i = DT[dt], f = T.syevd[i];
    if (f === null) return fallback.syevd(dt, jobz, uplo, n, a, lda, w);
    if (n === 0) return 0;
    const single = i === 0 || i === 2, q = queryBuf(i), rq = realBuf(i);
    c1[0] = jobz.charCodeAt(0), c2[0] = uplo.charCodeAt(0);
    iN[0] = n, iLda[0] = lda, iLwork[0] = -1, iLrwork[0] = -1, iLiwork[0] = -1, iInfo[0] = 0;
    if (i < 2) {
      f(c1, c2, iN, a, iLda, w, q, iLwork, iQuery, iLiwork, iInfo, 1, 1);
      check("syevd");
      const wk = work(i, 0, iLwork[0] = size("syevd", q[0], single, 1));
      const iw = iwork(iLiwork[0] = size("syevd", iQuery[0], false, 1));
      f(c1, c2, iN, a, iLda, w, wk, iLwork, iw, iLiwork, iInfo, 1, 1);
      return check("syevd");
    }
    f(c1, c2, iN, a, iLda, w, q, iLwork, rq, iLrwork, iQuery, iLiwork, iInfo, 1, 1);
    check("syevd");
    const wk = work(i, 0, 2 * (iLwork[0] = size("syevd", q[0], single, 1)));
    const rw = work(i, 1, iLrwork[0] = size("syevd", rq[0], single, 1));
    const iw = iwork(iLiwork[0] = size("syevd", iQuery[0], false, 1));
    f(c1, c2, iN, a, iLda, w, wk, iLwork, rw, iLrwork, iw, iLiwork, iInfo, 1, 1);
    return check("syevd");
  };

  const geev: Backend["geev"] = (dt, jobvr, n, a, lda, w, vr, ldvr) => {
    validateGeev(dt, jobvr, n, a, lda, w, vr, ldvr);
    const i = DT[dt], f = T.geev[i];
    if (f === null) return fallback.geev(dt, jobvr, n, a, lda, w, vr, ldvr);
    if (n === 0) return 0;
    // jobvl = "N": vl is a dummy with ldvl = 1 (iLdu); ldvr goes in iLdvt.
    const q = queryBuf(i), vl = dummy(i), VR = jobvr === "V" ? vr! : vl;
    c1[0] = 78, c2[0] = jobvr.charCodeAt(0);
    iN[0] = n, iLda[0] = lda, iLdu[0] = 1, iLdvt[0] = jobvr === "V" ? ldvr : 1;
    iLwork[0] = -1, iInfo[0] = 0;
    if (i < 2) {
      const aux = work(i, 2, 2 * n), wr = aux.subarray(0, n), wi = aux.subarray(n, 2 * n);
      f(c1, c2, iN, a, iLda, wr, wi, vl, iLdu, VR, iLdvt, q, iLwork, iInfo, 1, 1);
      check("geev");
      const wk = work(i, 0, iLwork[0] = size("geev", q[0], i === 0, 4 * n));
      f(c1, c2, iN, a, iLda, wr, wi, vl, iLdu, VR, iLdvt, wk, iLwork, iInfo, 1, 1);
      for (let j = 0; j < n; j++) {
        w[2 * j] = wr[j];
        w[2 * j + 1] = wi[j];
      }
      return check("geev");
    }
    const rw = work(i, 1, 2 * n);
    f(c1, c2, iN, a, iLda, w, vl, iLdu, VR, iLdvt, q, iLwork, rw, iInfo, 1, 1);
    check("geev");
    const wk = work(i, 0, 2 * (iLwork[0] = size("geev", q[0], i === 2, 2 * n)));
    f(c1, c2, iN, a, iLda, w, vl, iLdu, VR, iLdvt, wk, iLwork, rw, iInfo, 1, 1);
    return check("geev");
  };

  const potrf: Backend["potrf"] = (dt, uplo, n, a, lda) => {
    validatePotrf(dt, uplo, n, a, lda);
    const f = T.potrf[DT[dt]];
    if (f === null) return fallback.potrf(dt, uplo, n, a, lda);
    if (n === 0) return 0;
    c1[0] = uplo.charCodeAt(0);
    iN[0] = n, iLda[0] = lda, iInfo[0] = 0;
    f(c1, iN, a, iLda, iInfo, 1);
    return check("potrf");
  };

  const gelsd: Backend["gelsd"] = (dt, m, n, nrhs, a, lda, b, ldb, s, rcond) => {
    validateGelsd(dt, m, n, nrhs, a, lda, b, ldb, s, rcond);
    const i = DT[dt], f = T.gelsd[i];
    if (f === null) return fallback.gelsd(dt, m, n, nrhs, a, lda, b, ldb, s, rcond);
    const sl = i < 2 ? 1 : 2;
    if (m === 0 || n === 0) {
      // LAPACK returns at once; the minimum-norm solution of an empty system is zero.
      for (let c = 0; c < nrhs; c++) b.fill(0, c * ldb * sl, (c * ldb + n) * sl);
      return { info: 0, rank: 0 };
    }
    // dlalsd needs nrhs ≥ 1: for nrhs = 0 solve for one zero right-hand side in scratch.
    const nr = nrhs === 0 ? 1 : nrhs, ldx = nrhs === 0 ? Math.max(m, n) : ldb;
    const B = nrhs === 0 ? work(i, 2, ldx * sl).fill(0, 0, ldx * sl) : b;
    const single = i === 0 || i === 2, q = queryBuf(i), rq = realBuf(i);
    const rc = dummy(i); // rcond, by reference
    rc[0] = rcond;
    iM[0] = m, iN[0] = n, iNrhs[0] = nr, iLda[0] = lda, iLdb[0] = ldx;
    iLwork[0] = -1, iInfo[0] = 0, iRank[0] = 0, iQuery[0] = 0;
    // Documented minimum sizes (SMLSIZ = 25), used when a query reports less.
    const mn = Math.min(m, n);
    const nlvl = Math.max(0, Math.trunc(Math.log2(mn / 26)) + 1);
    const minIw = 3 * mn * nlvl + 11 * mn;
    if (i < 2) {
      f(iM, iN, iNrhs, a, iLda, B, iLdb, s, rc, iRank, q, iLwork, iQuery, iInfo);
      check("gelsd");
      const wk = work(i, 0, iLwork[0] = size("gelsd", q[0], single, 1));
      const iw = iwork(size("gelsd", iQuery[0], false, minIw));
      f(iM, iN, iNrhs, a, iLda, B, iLdb, s, rc, iRank, wk, iLwork, iw, iInfo);
      return { info: check("gelsd"), rank: iRank[0] };
    }
    rq[0] = 0;
    f(iM, iN, iNrhs, a, iLda, B, iLdb, s, rc, iRank, q, iLwork, rq, iQuery, iInfo);
    check("gelsd");
    const minRw = 10 * mn + 2 * mn * 25 + 8 * mn * nlvl + 3 * 25 * nr +
      Math.max(26 * 26, mn * (1 + nr) + 2 * nr);
    const wk = work(i, 0, 2 * (iLwork[0] = size("gelsd", q[0], single, 1)));
    const rw = work(i, 1, size("gelsd", rq[0], single, minRw));
    const iw = iwork(size("gelsd", iQuery[0], false, minIw));
    f(iM, iN, iNrhs, a, iLda, B, iLdb, s, rc, iRank, wk, iLwork, rw, iw, iInfo);
    return { info: check("gelsd"), rank: iRank[0] };
  };

  return Object.freeze({
    name: "blas" as const,
    gemm,
    gemv,
    dot,
    getrf,
    getrs,
    geqrf,
    orgqr,
    gesdd,
    syevd,
    geev,
    potrf,
    gelsd,
  });
}

/** Writes the n×n identity (column-major, leading dimension ld, `sl` slots per element). */
function identity(buf: FloatBuffer, n: number, ld: number, sl: number): void {
  for (let c = 0; c < n; c++) {
    buf.fill(0, c * ld * sl, (c * ld + n) * sl);
    buf[(c * ld + c) * sl] = 1;
  }
}
