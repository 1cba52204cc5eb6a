/**
 * The pure-TypeScript level 1–3 BLAS of nd's TypeScript backend: `tsGemm` (blocked, packed,
 * register-tiled; `ts_gemm.ts`), `tsGemv` (`ts_gemv.ts`) and `tsDot` (`ts_blas1.ts`), with
 * the parameters of `Backend.gemm`, `Backend.gemv` and `Backend.dot`, for float32, float64,
 * complex64 and complex128.
 *
 * @module
 */

export { tsGemm } from "./ts_gemm.ts";
export { tsGemv } from "./ts_gemv.ts";
export { tsDot } from "./ts_blas1.ts";
