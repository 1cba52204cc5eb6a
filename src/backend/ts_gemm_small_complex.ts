/**
 * Direct complex gemm kernels for small or skinny products, called by `smallGemm`
 * (`ts_gemm_small.ts`): one per element type, so each stays monomorphic.
 *
 * @module
 */

/**
 * Direct complex128 gemm for small products, like `smallF64` with complex elements:
 * X(i, p) at slots `2·(offA + i·sai + p·sap)` (+1), conjugated when `conjA`; likewise Y with
 * `conjB`. `c` is not read when `beta` is 0.
 * @param m Rows of C.
 * @param n Columns of C.
 * @param k Inner dimension.
 * @param alpha Real scale of the product.
 * @param a Buffer of A (interleaved).
 * @param offA Element index of X(0, 0).
 * @param sai Element row stride of X.
 * @param sap Element column stride of X.
 * @param conjA Whether X is conjugated.
 * @param b Buffer of B (interleaved).
 * @param offB Element index of Y(0, 0).
 * @param sbp Element row stride of Y.
 * @param sbj Element column stride of Y.
 * @param conjB Whether Y is conjugated.
 * @param beta Real scale of the old C.
 * @param c Buffer of C (interleaved, row-major, unit column stride).
 * @param offC Element index of C(0, 0).
 * @param ldc Element row stride of C.
 */
export function smallC128(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float64Array,
  offA: number,
  sai: number,
  sap: number,
  conjA: boolean,
  b: Float64Array,
  offB: number,
  sbp: number,
  sbj: number,
  conjB: boolean,
  beta: number,
  c: Float64Array,
  offC: number,
  ldc: number,
): void {
  const sa = conjA ? -1 : 1, sb = conjB ? -1 : 1;
  const ap = 2 * sap, bp = 2 * sbp;
  for (let i = 0; i < m; i++) {
    const xi = 2 * (offA + i * sai), ci = 2 * (offC + i * ldc);
    for (let j = 0; j < n; j++) {
      let sr = 0, si = 0;
      let x = xi, y = 2 * (offB + j * sbj);
      for (let p = 0; p < k; p++) {
        const ar = a[x], ai = sa * a[x + 1], br = b[y], bi = sb * b[y + 1];
        sr += ar * br - ai * bi;
        si += ar * bi + ai * br;
        x += ap;
        y += bp;
      }
      const r = ci + 2 * j;
      if (beta === 0) {
        c[r] = alpha * sr;
        c[r + 1] = alpha * si;
      } else {
        c[r] = alpha * sr + beta * c[r];
        c[r + 1] = alpha * si + beta * c[r + 1];
      }
    }
  }
}

/** {@link smallC128} for complex64 buffers (the sums are rounded on store). */
export function smallC64(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float32Array,
  offA: number,
  sai: number,
  sap: number,
  conjA: boolean,
  b: Float32Array,
  offB: number,
  sbp: number,
  sbj: number,
  conjB: boolean,
  beta: number,
  c: Float32Array,
  offC: number,
  ldc: number,
): void {
  const sa = conjA ? -1 : 1, sb = conjB ? -1 : 1;
  const ap = 2 * sap, bp = 2 * sbp;
  for (let i = 0; i < m; i++) {
    const xi = 2 * (offA + i * sai), ci = 2 * (offC + i * ldc);
    for (let j = 0; j < n; j++) {
      let sr = 0, si = 0;
      let x = xi, y = 2 * (offB + j * sbj);
      for (let p = 0; p < k; p++) {
        const ar = a[x], ai = sa * a[x + 1], br = b[y], bi = sb * b[y + 1];
        sr += ar * br - ai * bi;
        si += ar * bi + ai * br;
        x += ap;
        y += bp;
      }
      const r = ci + 2 * j;
      if (beta === 0) {
        c[r] = alpha * sr;
        c[r + 1] = alpha * si;
      } else {
        c[r] = alpha * sr + beta * c[r];
        c[r + 1] = alpha * si + beta * c[r + 1];
      }
    }
  }
}
