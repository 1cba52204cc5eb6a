/**
 * The native signatures nd binds: CBLAS level 1–3 (row-major, scalars by value or, for complex,
 * by pointer) and Fortran LAPACK (every argument by pointer, hidden string lengths last), per
 * element type, with the tables that map nd's flags to CBLAS's enums.
 *
 * @module
 */

import type { FloatBuffer, LinalgDType, Trans } from "./types.ts";

export type Arg = number | FloatBuffer | Int32Array | Uint8Array;
export type NativeFn = (...args: Arg[]) => unknown;
export type Row = readonly (NativeFn | null)[];

export const DT: Record<LinalgDType, number> = {
  float32: 0,
  float64: 1,
  complex64: 2,
  complex128: 3,
};
const P = ["s", "d", "c", "z"];
export const ROW_MAJOR = 101;
export const TRANS_REAL: Record<Trans, number> = { N: 111, T: 112, C: 112 };
export const TRANS_COMPLEX: Record<Trans, number> = { N: 111, T: 112, C: 113 };

/** Symbol names per routine, indexed like {@link DT}. */
export const NAMES = {
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
export const THREADS = "openblas_get_num_threads";
export const SET_THREADS = "openblas_set_num_threads";

function fn(parameters: Deno.NativeType[], result: Deno.NativeResultType = "void") {
  return { parameters, result, optional: true };
}

/** Fortran: `pointers` arguments by reference, then `strings` hidden lengths. */
function fortran(pointers: number, strings = 0) {
  const p: Deno.NativeType[] = new Array(pointers).fill("buffer");
  for (let i = 0; i < strings; i++) p.push("usize");
  return fn(p);
}

export function blasDefs(): Record<string, Deno.ForeignFunction> {
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

export function lapackDefs(): Record<string, Deno.ForeignFunction> {
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
