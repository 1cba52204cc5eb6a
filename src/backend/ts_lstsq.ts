/**
 * Minimum-norm least squares in pure TypeScript: the `gelsd` routine of the TS backend.
 *
 * With the thin SVD A = U·diag(s)·Vᴴ (from `_svd_core.ts`), the minimum-norm minimizer of
 * ‖A·X − B‖ is X = V·diag(s⁺)·Uᴴ·B, where s⁺ inverts the singular values above
 * rcond·s[0] and zeroes the rest; their count is the effective rank. This covers
 * overdetermined, underdetermined and rank-deficient systems alike. The work runs in float64
 * scratch for every dtype.
 *
 * @module
 */

import type { FloatBuffer, GelsdResult, LinalgDType } from "./types.ts";
import { svdCore, toScratch } from "./_svd_core.ts";

/**
 * Minimum-norm least squares min‖A·X − B‖ (LAPACK `gelsd` semantics): `a` is m×n
 * column-major, `b` holds B (m×nrhs, leading dimension `ldb` ≥ max(m, n)) on entry and X in
 * its first n rows on exit, `s` receives the min(m, n) singular values, and singular values
 * ≤ rcond·s[0] count as zero (rcond < 0: the machine epsilon of `dt`). An empty A gives
 * X = 0 and rank 0. `a` is left unchanged, which `gelsd` permits.
 */
export function tsGelsd(
  dt: LinalgDType,
  m: number,
  n: number,
  nrhs: number,
  a: FloatBuffer,
  lda: number,
  b: FloatBuffer,
  ldb: number,
  s: FloatBuffer,
  rcond: number,
): GelsdResult {
  const cx = dt === "complex64" || dt === "complex128", w = cx ? 2 : 1;
  const k = Math.min(m, n);
  if (k === 0) {
    for (let j = 0; j < nrhs; j++) b.fill(0, j * ldb * w, (j * ldb + n) * w);
    return { info: 0, rank: 0 };
  }
  const svd = svdCore(cx, nrhs > 0 ? "S" : "N", m, n, toScratch(cx, m, n, a, lda));
  const sv = svd.s;
  for (let i = 0; i < k; i++) s[i] = sv[i];
  if (svd.info > 0) return { info: svd.info, rank: 0 };
  const eps = dt === "float32" || dt === "complex64" ? 2 ** -23 : 2 ** -52;
  const cut = (rcond < 0 ? eps : rcond) * sv[0];
  let rank = 0;
  while (rank < k && sv[rank] > cut) rank++;
  if (nrhs === 0) return { info: 0, rank };
  const u = svd.u!, v = svd.v!;
  const bs = toScratch(cx, m, nrhs, b, ldb);
  const c = new Float64Array(w * rank), x = new Float64Array(w * n);
  for (let j = 0; j < nrhs; j++) {
    const bo = j * m * w;
    // c = diag(1/s)·Uᴴ·b_j over the first `rank` singular triplets.
    for (let l = 0; l < rank; l++) {
      const uo = l * m * w;
      if (cx) {
        let re = 0, im = 0;
        for (let i = 0; i < 2 * m; i += 2) {
          const ur = u[uo + i], ui = u[uo + i + 1], br = bs[bo + i], bi = bs[bo + i + 1];
          re += ur * br + ui * bi;
          im += ur * bi - ui * br;
        }
        c[2 * l] = re / sv[l], c[2 * l + 1] = im / sv[l];
      } else {
        let acc = 0;
        for (let i = 0; i < m; i++) acc += u[uo + i] * bs[bo + i];
        c[l] = acc / sv[l];
      }
    }
    // x_j = V·c.
    x.fill(0);
    for (let l = 0; l < rank; l++) {
      const vo = l * n * w;
      if (cx) {
        const cr = c[2 * l], ci = c[2 * l + 1];
        for (let i = 0; i < 2 * n; i += 2) {
          const vr = v[vo + i], vi = v[vo + i + 1];
          x[i] += vr * cr - vi * ci;
          x[i + 1] += vr * ci + vi * cr;
        }
      } else {
        const cl = c[l];
        for (let i = 0; i < n; i++) x[i] += v[vo + i] * cl;
      }
    }
    const xo = j * ldb * w;
    for (let i = 0; i < n * w; i++) b[xo + i] = x[i];
  }
  return { info: 0, rank };
}
