/**
 * Householder reduction of a symmetric or Hermitian matrix to real symmetric tridiagonal form, and
 * the explicit orthogonal/unitary Q (LAPACK `sytrd`/`hetrd`, `orgtr`/`ungtr`).
 *
 * @module
 */

/**
 * Householder reduction of the lower triangle of `s` (column-major n×n) to tridiagonal form:
 * diagonal `d`, off-diagonal `e[0..n-2]`. Reflector i (H = I − τ·v·vᵀ, v[i+1] = 1) is left
 * in column i below the subdiagonal, τ in `tau[i]`.
 */
export function tridiagonalizeReal(
  n: number,
  s: Float64Array,
  d: Float64Array,
  e: Float64Array,
  tau: Float64Array,
): void {
  const p = new Float64Array(n);
  for (let i = 0; i < n - 2; i++) {
    const ci = i * n;
    d[i] = s[ci + i];
    const alpha = s[ci + i + 1];
    let xn = 0;
    for (let r = i + 2; r < n; r++) xn += s[ci + r] * s[ci + r];
    if (xn === 0) {
      tau[i] = 0;
      e[i] = alpha;
      continue;
    }
    const beta = alpha >= 0 ? -Math.sqrt(alpha * alpha + xn) : Math.sqrt(alpha * alpha + xn);
    const t = (beta - alpha) / beta;
    const sc = 1 / (alpha - beta);
    for (let r = i + 2; r < n; r++) s[ci + r] *= sc;
    s[ci + i + 1] = 1;
    e[i] = beta;
    tau[i] = t;
    // p = A22·v from the lower triangle of A22, two columns per pass.
    for (let r = i + 1; r < n; r++) p[r] = 0;
    let c = i + 1;
    for (; c + 1 < n; c += 2) {
      const c0 = c * n, c1 = c0 + n, v0 = s[ci + c], v1 = s[ci + c + 1];
      const x10 = s[c0 + c + 1];
      let acc0 = s[c0 + c] * v0 + x10 * v1, acc1 = x10 * v0 + s[c1 + c + 1] * v1;
      for (let r = c + 2; r < n; r++) {
        const x0 = s[c0 + r], x1 = s[c1 + r], vr = s[ci + r];
        acc0 += x0 * vr;
        acc1 += x1 * vr;
        p[r] += x0 * v0 + x1 * v1;
      }
      p[c] += acc0;
      p[c + 1] += acc1;
    }
    if (c < n) p[c] += s[c * n + c] * s[ci + c];
    // w = τ·p − (τ²/2)(pᵀv)·v, then A22 -= v·wᵀ + w·vᵀ (lower triangle).
    let pv = 0;
    for (let r = i + 1; r < n; r++) pv += p[r] * s[ci + r];
    const k = -0.5 * t * t * pv;
    for (let r = i + 1; r < n; r++) p[r] = t * p[r] + k * s[ci + r];
    c = i + 1;
    for (; c + 1 < n; c += 2) {
      const c0 = c * n, c1 = c0 + n;
      const v0 = s[ci + c], w0 = p[c], v1 = s[ci + c + 1], w1 = p[c + 1];
      s[c0 + c] -= 2 * v0 * w0;
      s[c0 + c + 1] -= v1 * w0 + w1 * v0;
      s[c1 + c + 1] -= 2 * v1 * w1;
      for (let r = c + 2; r < n; r++) {
        const vr = s[ci + r], wr = p[r];
        s[c0 + r] -= vr * w0 + wr * v0;
        s[c1 + r] -= vr * w1 + wr * v1;
      }
    }
    if (c < n) s[c * n + c] -= 2 * s[ci + c] * p[c];
  }
  if (n >= 2) {
    d[n - 2] = s[(n - 2) * n + n - 2];
    e[n - 2] = s[(n - 2) * n + n - 1];
  }
  d[n - 1] = s[n * n - 1];
}

/** Q = H₀·H₁⋯H_{n−3} from the reflectors left by {@link tridiagonalizeReal}, column-major. */
export function formQReal(n: number, s: Float64Array, tau: Float64Array): Float64Array {
  const z = new Float64Array(n * n);
  for (let i = 0; i < n; i++) z[i * n + i] = 1;
  for (let i = n - 3; i >= 0; i--) {
    const t = tau[i];
    if (t === 0) continue;
    const ci = i * n;
    let c = i + 1;
    // Four columns at a time: independent dot products, one pass over v.
    for (; c + 3 < n; c += 4) {
      const z0 = c * n, z1 = z0 + n, z2 = z1 + n, z3 = z2 + n;
      let d0 = 0, d1 = 0, d2 = 0, d3 = 0;
      for (let r = i + 1; r < n; r++) {
        const v = s[ci + r];
        d0 += v * z[z0 + r];
        d1 += v * z[z1 + r];
        d2 += v * z[z2 + r];
        d3 += v * z[z3 + r];
      }
      d0 *= t, d1 *= t, d2 *= t, d3 *= t;
      for (let r = i + 1; r < n; r++) {
        const v = s[ci + r];
        z[z0 + r] -= d0 * v;
        z[z1 + r] -= d1 * v;
        z[z2 + r] -= d2 * v;
        z[z3 + r] -= d3 * v;
      }
    }
    for (; c < n; c++) {
      const cc = c * n;
      let dot = 0;
      for (let r = i + 1; r < n; r++) dot += s[ci + r] * z[cc + r];
      const f = t * dot;
      for (let r = i + 1; r < n; r++) z[cc + r] -= f * s[ci + r];
    }
  }
  return z;
}

/**
 * Complex version of {@link tridiagonalizeReal}: Hᴴ·A·H with H = I − τ·v·vᴴ, τ complex and the
 * new subdiagonal entry β real, so the tridiagonal matrix is real symmetric. `s` and `tau` are
 * interleaved.
 */
export function tridiagonalizeComplex(
  n: number,
  s: Float64Array,
  d: Float64Array,
  e: Float64Array,
  tau: Float64Array,
): void {
  const p = new Float64Array(2 * n);
  for (let i = 0; i < n - 2; i++) {
    const ci = 2 * i * n;
    d[i] = s[ci + 2 * i];
    const q = ci + 2 * (i + 1);
    const ar = s[q], ai = s[q + 1];
    let xn = 0;
    for (let r = 2 * (i + 2); r < 2 * n; r++) xn += s[ci + r] * s[ci + r];
    if (xn === 0 && ai === 0) {
      tau[2 * i] = 0, tau[2 * i + 1] = 0;
      e[i] = ar;
      continue;
    }
    const nrm = Math.sqrt(ar * ar + ai * ai + xn);
    const beta = ar >= 0 ? -nrm : nrm;
    const tr = (beta - ar) / beta, ti = -ai / beta;
    // scale x by 1/(alpha − beta)
    const dr = ar - beta, di = ai, dd = dr * dr + di * di;
    const sr = dr / dd, si = -di / dd;
    for (let r = 2 * (i + 2); r < 2 * n; r += 2) {
      const xr = s[ci + r], xi = s[ci + r + 1];
      s[ci + r] = xr * sr - xi * si;
      s[ci + r + 1] = xr * si + xi * sr;
    }
    s[q] = 1, s[q + 1] = 0;
    e[i] = beta;
    tau[2 * i] = tr, tau[2 * i + 1] = ti;
    // p = A22·v using A[r,c] (r > c) and A[c,r] = conj(A[r,c]).
    for (let r = 2 * (i + 1); r < 2 * n; r++) p[r] = 0;
    for (let c = i + 1; c < n; c++) {
      const cc = 2 * c * n, vcr = s[ci + 2 * c], vci = s[ci + 2 * c + 1];
      const diag = s[cc + 2 * c];
      let accr = diag * vcr, acci = diag * vci;
      for (let r = 2 * (c + 1); r < 2 * n; r += 2) {
        const xr = s[cc + r], xi = s[cc + r + 1];
        const vr = s[ci + r], vi = s[ci + r + 1];
        accr += xr * vr + xi * vi; // conj(x)·v
        acci += xr * vi - xi * vr;
        p[r] += xr * vcr - xi * vci; // x·v_c
        p[r + 1] += xr * vci + xi * vcr;
      }
      p[2 * c] += accr;
      p[2 * c + 1] += acci;
    }
    // p ← τ·p; α = −½·τ·(pᴴv); w = p + α·v
    for (let r = 2 * (i + 1); r < 2 * n; r += 2) {
      const xr = p[r], xi = p[r + 1];
      p[r] = tr * xr - ti * xi;
      p[r + 1] = tr * xi + ti * xr;
    }
    let hr = 0, hi = 0;
    for (let r = 2 * (i + 1); r < 2 * n; r += 2) {
      const xr = p[r], xi = p[r + 1], vr = s[ci + r], vi = s[ci + r + 1];
      hr += xr * vr + xi * vi;
      hi += xr * vi - xi * vr;
    }
    const alr = -0.5 * (tr * hr - ti * hi), ali = -0.5 * (tr * hi + ti * hr);
    for (let r = 2 * (i + 1); r < 2 * n; r += 2) {
      const vr = s[ci + r], vi = s[ci + r + 1];
      p[r] += alr * vr - ali * vi;
      p[r + 1] += alr * vi + ali * vr;
    }
    // A22 -= v·wᴴ + w·vᴴ (lower triangle; the diagonal stays real)
    for (let c = i + 1; c < n; c++) {
      const cc = 2 * c * n;
      const vcr = s[ci + 2 * c], vci = s[ci + 2 * c + 1];
      const wcr = p[2 * c], wci = p[2 * c + 1];
      s[cc + 2 * c] -= 2 * (vcr * wcr + vci * wci);
      s[cc + 2 * c + 1] = 0;
      for (let r = 2 * (c + 1); r < 2 * n; r += 2) {
        const vr = s[ci + r], vi = s[ci + r + 1], wr = p[r], wi = p[r + 1];
        s[cc + r] -= vr * wcr + vi * wci + wr * vcr + wi * vci;
        s[cc + r + 1] -= vi * wcr - vr * wci + wi * vcr - wr * vci;
      }
    }
  }
  if (n >= 2) {
    const o = 2 * ((n - 2) * n + n - 2);
    d[n - 2] = s[o];
    // The last subdiagonal entry may be complex: rotate its phase into column n−1 of Q later.
    const br = s[o + 2], bi = s[o + 3];
    const m = Math.hypot(br, bi);
    e[n - 2] = m;
    // Record the phase as a final diagonal "reflector": tau slot n−2 unused otherwise.
    if (bi !== 0) {
      tau[2 * (n - 2)] = br / m, tau[2 * (n - 2) + 1] = bi / m;
    } else {
      tau[2 * (n - 2)] = br >= 0 ? 1 : -1, tau[2 * (n - 2) + 1] = 0;
      e[n - 2] = Math.abs(br);
    }
  }
  d[n - 1] = s[2 * n * n - 2];
}

/**
 * Unitary Q from {@link tridiagonalizeComplex}: Q = H₀⋯H_{n−3}·D where D = diag(1, …, 1, φ)
 * carries the phase φ of the last subdiagonal entry, column-major interleaved.
 */
export function formQComplex(n: number, s: Float64Array, tau: Float64Array): Float64Array {
  const z = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) z[2 * (i * n + i)] = 1;
  if (n >= 2) {
    z[2 * (n * n - 1)] = tau[2 * (n - 2)];
    z[2 * (n * n - 1) + 1] = tau[2 * (n - 2) + 1];
  }
  for (let i = n - 3; i >= 0; i--) {
    const tr = tau[2 * i], ti = tau[2 * i + 1];
    if (tr === 0 && ti === 0) continue;
    const ci = 2 * i * n;
    for (let c = i + 1; c < n; c++) {
      const cc = 2 * c * n;
      let hr = 0, hi = 0; // vᴴ·z_c
      for (let r = 2 * (i + 1); r < 2 * n; r += 2) {
        const vr = s[ci + r], vi = s[ci + r + 1], xr = z[cc + r], xi = z[cc + r + 1];
        hr += vr * xr + vi * xi;
        hi += vr * xi - vi * xr;
      }
      if (hr === 0 && hi === 0) continue;
      const fr = tr * hr - ti * hi, fi = tr * hi + ti * hr;
      for (let r = 2 * (i + 1); r < 2 * n; r += 2) {
        const vr = s[ci + r], vi = s[ci + r + 1];
        z[cc + r] -= fr * vr - fi * vi;
        z[cc + r + 1] -= fr * vi + fi * vr;
      }
    }
  }
  return z;
}
