/**
 * The float64 product kernel `C -= A·B` that the TS backend's blocked factorizations share
 * (LU, its triangular solves, Cholesky and the block reflectors of QR): A and B, at any
 * strides, are packed into 4-wide slices of at most {@link KC} steps, and a 4×4 register block
 * of C is accumulated per pass over a slice.
 *
 * @module
 */

/** Depth of one packed slice of the product kernel. */
const KC = 256;

/** Packed slices of A (grown on demand), of B, and a 4×4 edge tile of C. */
let packA = new Float64Array(0);
const packB = new Float64Array(4 * KC);
const edge = new Float64Array(16);

/**
 * `C -= A·B` on float64 data: A is mr×kb with element (i, p) at `a[offA + i·rsA + p·csA]`, B is
 * kb×nc with (p, j) at `b[offB + p·rsB + j·csB]`, C is column-major (`c[offC + i + j·ldc]`).
 * With `lower`, only the entries with i ≥ j are written (C is the lower triangle of a square
 * block). A and B are packed into 4-wide slices first, so any strides work and the 4×4
 * register-blocked inner loop reads contiguous memory. C must not overlap A or B.
 */
export function tsSubMul(
  mr: number,
  nc: number,
  kb: number,
  a: Float64Array,
  offA: number,
  rsA: number,
  csA: number,
  b: Float64Array,
  offB: number,
  rsB: number,
  csB: number,
  c: Float64Array,
  offC: number,
  ldc: number,
  lower: boolean,
): void {
  if (mr <= 0 || nc <= 0 || kb <= 0) return;
  const mp = (mr + 3) & ~3;
  if (packA.length < mp * Math.min(kb, KC)) packA = new Float64Array(mp * Math.min(kb, KC));
  const pa = packA, pb = packB, t = edge;
  for (let p0 = 0; p0 < kb; p0 += KC) {
    const kc = Math.min(KC, kb - p0), len = 4 * kc;
    for (let i0 = 0; i0 < mr; i0 += 4) {
      const rows = Math.min(4, mr - i0), base = i0 * kc;
      let src = offA + i0 * rsA + p0 * csA;
      for (let d = base; d < base + len; d += 4, src += csA) {
        pa[d] = a[src];
        pa[d + 1] = rows > 1 ? a[src + rsA] : 0;
        pa[d + 2] = rows > 2 ? a[src + 2 * rsA] : 0;
        pa[d + 3] = rows > 3 ? a[src + 3 * rsA] : 0;
      }
    }
    for (let j0 = 0; j0 < nc; j0 += 4) {
      const cols = Math.min(4, nc - j0);
      let src = offB + p0 * rsB + j0 * csB;
      for (let d = 0; d < len; d += 4, src += rsB) {
        pb[d] = b[src];
        pb[d + 1] = cols > 1 ? b[src + csB] : 0;
        pb[d + 2] = cols > 2 ? b[src + 2 * csB] : 0;
        pb[d + 3] = cols > 3 ? b[src + 3 * csB] : 0;
      }
      for (let i0 = lower ? j0 : 0; i0 < mr; i0 += 4) {
        const ao = i0 * kc;
        let c00 = 0, c10 = 0, c20 = 0, c30 = 0, c01 = 0, c11 = 0, c21 = 0, c31 = 0;
        let c02 = 0, c12 = 0, c22 = 0, c32 = 0, c03 = 0, c13 = 0, c23 = 0, c33 = 0;
        for (let q = 0; q < len; q += 4) {
          const a0 = pa[ao + q], a1 = pa[ao + q + 1], a2 = pa[ao + q + 2], a3 = pa[ao + q + 3];
          const b0 = pb[q], b1 = pb[q + 1], b2 = pb[q + 2], b3 = pb[q + 3];
          c00 += a0 * b0, c10 += a1 * b0, c20 += a2 * b0, c30 += a3 * b0;
          c01 += a0 * b1, c11 += a1 * b1, c21 += a2 * b1, c31 += a3 * b1;
          c02 += a0 * b2, c12 += a1 * b2, c22 += a2 * b2, c32 += a3 * b2;
          c03 += a0 * b3, c13 += a1 * b3, c23 += a2 * b3, c33 += a3 * b3;
        }
        let o = offC + i0 + j0 * ldc;
        if (i0 + 4 <= mr && cols === 4 && !(lower && i0 === j0)) {
          c[o] -= c00, c[o + 1] -= c10, c[o + 2] -= c20, c[o + 3] -= c30, o += ldc;
          c[o] -= c01, c[o + 1] -= c11, c[o + 2] -= c21, c[o + 3] -= c31, o += ldc;
          c[o] -= c02, c[o + 1] -= c12, c[o + 2] -= c22, c[o + 3] -= c32, o += ldc;
          c[o] -= c03, c[o + 1] -= c13, c[o + 2] -= c23, c[o + 3] -= c33;
        } else {
          t[0] = c00, t[1] = c10, t[2] = c20, t[3] = c30, t[4] = c01, t[5] = c11;
          t[6] = c21, t[7] = c31, t[8] = c02, t[9] = c12, t[10] = c22, t[11] = c32;
          t[12] = c03, t[13] = c13, t[14] = c23, t[15] = c33;
          const rows = Math.min(4, mr - i0);
          for (let jj = 0; jj < cols; jj++, o += ldc) {
            for (let ii = lower && i0 === j0 ? jj : 0; ii < rows; ii++) c[o + ii] -= t[ii + 4 * jj];
          }
        }
      }
    }
  }
}
