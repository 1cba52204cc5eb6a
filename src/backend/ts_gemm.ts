/**
 * The TypeScript gemm: row-major `C = alpha·op(A)·op(B) + beta·C` for the four LAPACK types.
 *
 * Small products (`m·n·k` below {@link SMALL_WORK}, or a dimension at most {@link SKINNY})
 * run a direct kernel. Larger ones use the blocked design of Goto and van de Geijn (as in
 * BLIS): for each `NC`-column panel of C and each `KC`-deep slice of the inner dimension,
 * op(B) is packed once into contiguous slivers; for each `MC`-row block op(A) is packed
 * (scaled by alpha); the 2×4 register-blocked micro-kernel then sweeps the block, one B
 * sliver (kept in L1) against every A sliver (kept in L2). Complex products are computed as
 * real products of twice the width (see `ts_gemm_pack.ts`), so all types share one kernel.
 *
 * `beta` is applied to C first (C is zeroed, not read, when `beta` is 0); the kernel then
 * adds each KC slice's contribution. Float32 C is updated through a float64 tile and rounded
 * on every store (once per KC slice).
 *
 * @module
 */

import type { FloatBuffer, LinalgDType, Trans } from "./types.ts";
import { addTileF32, addTileF64, kernel2x4, MR, NR } from "./ts_gemm_kernel.ts";
import { packA, packAComplex, packB, packBComplex } from "./ts_gemm_pack.ts";
import { smallGemm } from "./ts_gemm_small.ts";

/** Products with `m·n·k` below this run the direct kernel (no packing). */
export const SMALL_WORK = 20000;
/** Products with a dimension at most this also run the direct kernel (packing does not pay). */
export const SKINNY = 4;
// Block sizes. Measured at n = 512 and 1024 (f64): KC from 128 to 512, MC from 48 to 192 and
// NC of 1024 or 2048 all reach 91–97% of the kernel's in-cache speed, within the noise of the
// shared machine. KC = 512 halves the float32 roundings of C and the per-call overhead; the
// packed A block (MC·KC doubles, 384 KiB) stays in L2 and a B sliver (NR·KC, 16 KiB) plus an
// A sliver (MR·KC, 8 KiB) in L1.
/** Depth of a packed slice (real inner-dimension steps; even, for complex pairs). */
const KC = 512;
/** Rows of a packed A block (a multiple of MR). */
const MC = 96;
/** Columns of a packed B panel (a multiple of NR). */
const NC = 2048;

let apBuf = new Float64Array(0);
let bpBuf = new Float64Array(0);
const tile = new Float64Array(MR * NR);

/**
 * Row-major `C[m×n] = alpha·op(A)·op(B) + beta·C` (see `Backend.gemm`). Arguments are assumed
 * valid (callers check them).
 * @param dt Element type.
 * @param transA op applied to A.
 * @param transB op applied to B.
 * @param m Rows of C.
 * @param n Columns of C.
 * @param k Inner dimension.
 * @param alpha Scale of the product.
 * @param a Buffer of A.
 * @param offA Element offset of A.
 * @param lda Row stride of the stored A.
 * @param b Buffer of B.
 * @param offB Element offset of B.
 * @param ldb Row stride of the stored B.
 * @param beta Scale of the old C (0: C is not read).
 * @param c Buffer of C.
 * @param offC Element offset of C.
 * @param ldc Row stride of C.
 */
export function tsGemm(
  dt: LinalgDType,
  transA: Trans,
  transB: Trans,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: FloatBuffer,
  offA: number,
  lda: number,
  b: FloatBuffer,
  offB: number,
  ldb: number,
  beta: number,
  c: FloatBuffer,
  offC: number,
  ldc: number,
): void {
  if (m === 0 || n === 0) return;
  const cplx = dt === "complex64" || dt === "complex128";
  // Real views of C: a complex row of n elements is 2n reals.
  const w = cplx ? 2 : 1;
  if (alpha === 0 || k === 0) {
    scaleRows(c, w * offC, w * ldc, m, w * n, beta);
    return;
  }
  if (m * n * k < SMALL_WORK || m <= SKINNY || n <= SKINNY || k <= SKINNY) {
    smallGemm(dt, transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
    return;
  }
  // op(A)(i, p) = A[offA + i·sai + p·sap], op(B)(p, j) = B[offB + p·sbp + j·sbj].
  const tA = transA !== "N", tB = transB !== "N";
  const sai = tA ? 1 : lda, sap = tA ? lda : 1;
  const sbp = tB ? 1 : ldb, sbj = tB ? ldb : 1;
  if (beta !== 1) scaleRows(c, w * offC, w * ldc, m, w * n, beta);
  const nr = w * n, kr = w * k, oc = w * offC, lc = w * ldc;
  const ncMax = Math.min(NC, Math.ceil(nr / NR) * NR);
  const kcMax = Math.min(KC, kr);
  if (bpBuf.length < ncMax * kcMax) bpBuf = new Float64Array(ncMax * kcMax);
  if (apBuf.length < MC * kcMax) apBuf = new Float64Array(MC * kcMax);
  const ap = apBuf, bp = bpBuf;
  for (let jc = 0; jc < nr; jc += NC) {
    const nb = Math.min(NC, nr - jc);
    for (let pc = 0; pc < kr; pc += KC) {
      const kb = Math.min(KC, kr - pc);
      if (cplx) packBComplex(b, offB, sbp, sbj, pc / 2, kb / 2, jc / 2, nb / 2, transB === "C", bp);
      else packB(b, offB, sbp, sbj, pc, kb, jc, nb, bp);
      for (let ic = 0; ic < m; ic += MC) {
        const mb = Math.min(MC, m - ic);
        if (!cplx) packA(a, offA, sai, sap, ic, mb, pc, kb, alpha, ap);
        // An untransposed complex A already is A' (m × 2k reals, row stride 2·lda).
        else if (!tA) packA(a, 2 * offA, 2 * lda, 1, ic, mb, pc, kb, alpha, ap);
        else packAComplex(a, offA, sai, sap, ic, mb, pc / 2, kb / 2, alpha, transA === "C", ap);
        const ci = oc + ic * lc + jc;
        if (c instanceof Float64Array) macroF64(kb, mb, nb, ap, bp, c, ci, lc);
        else macroF32(kb, mb, nb, ap, bp, c, ci, lc);
      }
    }
  }
}

/** Sweeps a packed mb×kb A block against a packed kb×nb B panel into float64 C. */
function macroF64(
  kb: number,
  mb: number,
  nb: number,
  ap: Float64Array,
  bp: Float64Array,
  c: Float64Array,
  ci: number,
  ldc: number,
): void {
  for (let jr = 0; jr < nb; jr += NR) {
    const nr = Math.min(NR, nb - jr), ib = jr * kb;
    for (let ir = 0; ir < mb; ir += MR) {
      const mr = Math.min(MR, mb - ir), ic = ci + ir * ldc + jr;
      if (mr === MR && nr === NR) kernel2x4(kb, ap, ir * kb, bp, ib, c, ic, ldc);
      else {
        clearTile();
        kernel2x4(kb, ap, ir * kb, bp, ib, tile, 0, NR);
        addTileF64(tile, mr, nr, c, ic, ldc);
      }
    }
  }
}

/** Sweeps a packed mb×kb A block against a packed kb×nb B panel into float32 C. */
function macroF32(
  kb: number,
  mb: number,
  nb: number,
  ap: Float64Array,
  bp: Float64Array,
  c: Float32Array,
  ci: number,
  ldc: number,
): void {
  for (let jr = 0; jr < nb; jr += NR) {
    const nr = Math.min(NR, nb - jr), ib = jr * kb;
    for (let ir = 0; ir < mb; ir += MR) {
      const mr = Math.min(MR, mb - ir);
      clearTile();
      kernel2x4(kb, ap, ir * kb, bp, ib, tile, 0, NR);
      addTileF32(tile, mr, nr, c, ci + ir * ldc + jr, ldc);
    }
  }
}

/** Zeroes the tile the edge and float32 paths accumulate into. */
function clearTile(): void {
  for (let t = 0; t < MR * NR; t++) tile[t] = 0;
}

/** `beta·C` on `rows` rows of `width` values (0 writes zeros without reading C). */
function scaleRows(
  c: FloatBuffer,
  off: number,
  ld: number,
  rows: number,
  width: number,
  beta: number,
): void {
  if (beta === 1) return;
  for (let i = 0; i < rows; i++) {
    const r = off + i * ld;
    if (beta === 0) c.fill(0, r, r + width);
    else for (let j = r; j < r + width; j++) c[j] *= beta;
  }
}
