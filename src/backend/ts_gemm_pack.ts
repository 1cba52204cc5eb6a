/**
 * Packing for the TypeScript gemm: copies a block of op(A) or op(B) into contiguous
 * `Float64Array` slivers in the order the micro-kernel reads them, resolving transposes,
 * conjugation, strides and float32→float64 conversion on the way, so the kernel is
 * monomorphic.
 *
 * Complex products are computed as real ones ("realification"): with op(A) = Ar + i·Ai and
 * op(B) = Br + i·Bi, the interleaved C row `[Re c_0, Im c_0, Re c_1, …]` equals the real
 * product A'·B' where A' (m × 2k) interleaves `Ar, Ai` along k and B' (2k × 2n) holds the 2×2
 * block `[[Br, Bi], [−Bi, Br]]` for each element. The flop count is that of a complex gemm
 * (four real multiply-adds per complex one); only B' is twice as large to pack.
 *
 * Layouts (MR = 2, NR = 4): A slivers hold MR rows, `MR` values per k step; B slivers hold NR
 * columns, `NR` values per k step. Partial slivers are padded (with zeros, or in the complex
 * packers with zero times a repeated element); padded lanes only reach tile entries that are
 * never stored.
 *
 * @module
 */

import type { FloatBuffer } from "./types.ts";

/**
 * Packs `alpha·X[i0:i0+mb, p0:p0+kb]` of a real matrix `X(i, p) = a[off + i·rs + p·cs]` into
 * 2-row slivers.
 * @param a Source buffer.
 * @param off Index of X(0, 0).
 * @param rs Stride between rows of X.
 * @param cs Stride between columns of X.
 * @param i0 First row.
 * @param mb Number of rows.
 * @param p0 First column.
 * @param kb Number of columns.
 * @param alpha Scale applied while packing.
 * @param ap Destination (at least `ceil(mb/2)·2·kb` values).
 */
export function packA(
  a: FloatBuffer,
  off: number,
  rs: number,
  cs: number,
  i0: number,
  mb: number,
  p0: number,
  kb: number,
  alpha: number,
  ap: Float64Array,
): void {
  let q = 0;
  for (let s = 0; s < mb; s += 2) {
    let x0 = off + (i0 + s) * rs + p0 * cs;
    if (s + 1 < mb) {
      let x1 = x0 + rs;
      for (let p = 0; p < kb; p++) {
        ap[q] = alpha * a[x0];
        ap[q + 1] = alpha * a[x1];
        x0 += cs;
        x1 += cs;
        q += 2;
      }
    } else {
      for (let p = 0; p < kb; p++) {
        ap[q] = alpha * a[x0];
        ap[q + 1] = 0;
        x0 += cs;
        q += 2;
      }
    }
  }
}

/**
 * Packs `X[p0:p0+kb, j0:j0+nb]` of a real matrix `X(p, j) = b[off + p·rs + j·cs]` into 4-column
 * slivers.
 * @param b Source buffer.
 * @param off Index of X(0, 0).
 * @param rs Stride between rows of X.
 * @param cs Stride between columns of X.
 * @param p0 First row.
 * @param kb Number of rows.
 * @param j0 First column.
 * @param nb Number of columns.
 * @param bp Destination (at least `ceil(nb/4)·4·kb` values).
 */
export function packB(
  b: FloatBuffer,
  off: number,
  rs: number,
  cs: number,
  p0: number,
  kb: number,
  j0: number,
  nb: number,
  bp: Float64Array,
): void {
  let q = 0;
  for (let s = 0; s < nb; s += 4) {
    let x = off + p0 * rs + (j0 + s) * cs;
    const w = nb - s;
    if (w >= 4) {
      const c2 = 2 * cs, c3 = 3 * cs;
      for (let p = 0; p < kb; p++) {
        bp[q] = b[x];
        bp[q + 1] = b[x + cs];
        bp[q + 2] = b[x + c2];
        bp[q + 3] = b[x + c3];
        x += rs;
        q += 4;
      }
    } else {
      for (let p = 0; p < kb; p++) {
        for (let j = 0; j < 4; j++) bp[q + j] = j < w ? b[x + j * cs] : 0;
        x += rs;
        q += 4;
      }
    }
  }
}

/**
 * Packs rows `i0:i0+mb` and complex columns `p0:p0+kb` of `alpha·X` (X complex, element
 * `(i, p)` at slots `2·(off + i·rs + p·cs)` and `+1`, conjugated when `conj`) as the real
 * m × 2k matrix A' (re, im interleaved along k), in 2-row slivers of 2·kb steps.
 * @param a Source buffer (interleaved complex).
 * @param off Element index of X(0, 0).
 * @param rs Element stride between rows of X.
 * @param cs Element stride between columns of X.
 * @param i0 First row.
 * @param mb Number of rows.
 * @param p0 First complex column.
 * @param kb Number of complex columns.
 * @param alpha Real scale applied while packing.
 * @param conj Whether X is conjugated.
 * @param ap Destination (at least `ceil(mb/2)·4·kb` values).
 */
export function packAComplex(
  a: FloatBuffer,
  off: number,
  rs: number,
  cs: number,
  i0: number,
  mb: number,
  p0: number,
  kb: number,
  alpha: number,
  conj: boolean,
  ap: Float64Array,
): void {
  const ai = conj ? -alpha : alpha;
  const rs2 = 2 * rs, cs2 = 2 * cs;
  let q = 0;
  for (let s = 0; s < mb; s += 2) {
    let x0 = 2 * (off + (i0 + s) * rs + p0 * cs);
    const two = s + 1 < mb;
    let x1 = two ? x0 + rs2 : x0;
    const a1 = two ? alpha : 0, ai1 = two ? ai : 0;
    for (let p = 0; p < kb; p++) {
      ap[q] = alpha * a[x0];
      ap[q + 1] = a1 * a[x1];
      ap[q + 2] = ai * a[x0 + 1];
      ap[q + 3] = ai1 * a[x1 + 1];
      x0 += cs2;
      x1 += cs2;
      q += 4;
    }
  }
}

/**
 * Packs complex rows `p0:p0+kb` and complex columns `j0:j0+nb` of X (element `(p, j)` at
 * slots `2·(off + p·rs + j·cs)` and `+1`, conjugated when `conj`) as the real 2k × 2n matrix
 * B' (block `[[Br, Bi], [−Bi, Br]]` per element), in 4-column slivers (2 complex columns).
 * @param b Source buffer (interleaved complex).
 * @param off Element index of X(0, 0).
 * @param rs Element stride between rows of X.
 * @param cs Element stride between columns of X.
 * @param p0 First complex row.
 * @param kb Number of complex rows.
 * @param j0 First complex column.
 * @param nb Number of complex columns.
 * @param conj Whether X is conjugated.
 * @param bp Destination (at least `ceil(nb/2)·8·kb` values).
 */
export function packBComplex(
  b: FloatBuffer,
  off: number,
  rs: number,
  cs: number,
  p0: number,
  kb: number,
  j0: number,
  nb: number,
  conj: boolean,
  bp: Float64Array,
): void {
  const sg = conj ? -1 : 1;
  const rs2 = 2 * rs, cs2 = 2 * cs;
  let q = 0;
  for (let s = 0; s < nb; s += 2) {
    let x0 = 2 * (off + p0 * rs + (j0 + s) * cs);
    const two = s + 1 < nb;
    let x1 = two ? x0 + cs2 : x0;
    const w1 = two ? 1 : 0, s1 = two ? sg : 0;
    for (let p = 0; p < kb; p++) {
      const r0 = b[x0], i0 = sg * b[x0 + 1];
      const r1 = w1 * b[x1], i1 = s1 * b[x1 + 1];
      bp[q] = r0;
      bp[q + 1] = i0;
      bp[q + 2] = r1;
      bp[q + 3] = i1;
      bp[q + 4] = -i0;
      bp[q + 5] = r0;
      bp[q + 6] = -i1;
      bp[q + 7] = r1;
      x0 += rs2;
      x1 += rs2;
      q += 8;
    }
  }
}
