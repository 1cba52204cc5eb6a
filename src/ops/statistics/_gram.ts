// Products of rows of a contiguous row-major buffer with the conjugates of rows of another:
// `c[i, j] = sum_k x[i, k] * conj(y[j, k])` (NumPy's `dot(X, Y.T.conj())` in cov). Rows are
// walked in 2x2 blocks so that each loaded value feeds two products.

/** Real case: `x`, `y` are p×n, `c` is p×p. When `sym`, only j >= i is computed and mirrored. */
export function gramReal(
  x: Float64Array,
  y: Float64Array,
  p: number,
  n: number,
  c: Float64Array,
  sym: boolean,
): void {
  for (let i = 0; i < p; i += 2) {
    const i1 = Math.min(i + 1, p - 1);
    const a0 = i * n, a1 = i1 * n;
    for (let j = sym ? i : 0; j < p; j += 2) {
      const j1 = Math.min(j + 1, p - 1);
      const b0 = j * n, b1 = j1 * n;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0;
      for (let k = 0; k < n; k++) {
        const u0 = x[a0 + k], u1 = x[a1 + k], v0 = y[b0 + k], v1 = y[b1 + k];
        s00 += u0 * v0;
        s01 += u0 * v1;
        s10 += u1 * v0;
        s11 += u1 * v1;
      }
      c[i * p + j] = s00;
      c[i * p + j1] = s01;
      c[i1 * p + j] = s10;
      c[i1 * p + j1] = s11;
    }
  }
  if (sym) {
    for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) c[i * p + j] = c[j * p + i];
  }
}

/** Complex case over interleaved (re, im) buffers; `c` holds p×p complex values. */
export function gramComplex(
  x: Float64Array,
  y: Float64Array,
  p: number,
  n: number,
  c: Float64Array,
): void {
  for (let i = 0; i < p; i++) {
    const a = 2 * i * n;
    for (let j = 0; j < p; j++) {
      const b = 2 * j * n;
      let sr = 0, si = 0;
      for (let k = 0; k < 2 * n; k += 2) {
        const ur = x[a + k], ui = x[a + k + 1], vr = y[b + k], vi = -y[b + k + 1];
        sr += ur * vr - ui * vi;
        si += ur * vi + ui * vr;
      }
      c[2 * (i * p + j)] = sr;
      c[2 * (i * p + j) + 1] = si;
    }
  }
}
