/**
 * The pure-TypeScript backend: every routine of {@link Backend} without native code. It is
 * the fallback when no BLAS/LAPACK library can be loaded (or FFI is not permitted) and the
 * reference the tests compare the BLAS backend against.
 *
 * @module
 */

import type { Backend } from "./types.ts";
import { tsDot, tsGemm, tsGemv } from "./ts_blas.ts";
import { tsGetrf, tsGetrs } from "./ts_lu.ts";
import { tsGeqrf, tsOrgqr } from "./ts_qr.ts";
import { tsGesdd } from "./ts_svd.ts";
import { tsSyevd } from "./ts_eigh.ts";
import { tsGeev } from "./ts_eig.ts";
import { tsPotrf } from "./ts_cholesky.ts";
import { tsGelsd } from "./ts_lstsq.ts";

/** The TypeScript implementation of every backend routine. */
export const tsBackend: Backend = Object.freeze({
  name: "ts" as const,
  gemm: tsGemm,
  gemv: tsGemv,
  dot: tsDot,
  getrf: tsGetrf,
  getrs: tsGetrs,
  geqrf: tsGeqrf,
  orgqr: tsOrgqr,
  gesdd: tsGesdd,
  syevd: tsSyevd,
  geev: tsGeev,
  potrf: tsPotrf,
  gelsd: tsGelsd,
});
