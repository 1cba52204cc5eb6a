/**
 * Symmetric and Hermitian eigenvalue problems in TypeScript (LAPACK `syevd`/`heevd` semantics).
 *
 * Method: the triangle `uplo` is copied into a float64 scratch matrix (column-major, lower
 * triangle), reduced to real symmetric tridiagonal form T = Qᴴ·A·Q by Householder reflectors
 * (for complex input the reflectors are chosen so that the off-diagonal of T is real), and T
 * is diagonalised by implicit QR steps with Wilkinson shifts (Golub & Van Loan, Algorithm
 * 8.3.2). With eigenvectors, Q is formed explicitly (backward accumulation) and every Givens
 * rotation of the QR steps is applied to two contiguous columns of Q.
 *
 * @module
 */

import type { FloatBuffer, LinalgDType, Uplo } from "./types.ts";

const EPS = 2 ** -53;
const SAFMIN = 2 ** -1022;

/**
 * Eigenvalues (ascending, into `w`) and optionally orthonormal eigenvectors (columns of `a`)
 * of the symmetric (real) or Hermitian (complex) column-major n×n `a`, of which only the
 * triangle `uplo` is read. Returns 0 on success, > 0 when the QR iteration did not converge.
 */
export function tsSyevd(
  dt: LinalgDType,
  jobz: "V" | "N",
  uplo: Uplo,
  n: number,
  a: FloatBuffer,
  lda: number,
  w: FloatBuffer,
): number {
  if (n === 0) return 0;
  const cplx = dt === "complex64" || dt === "complex128";
  const wantV = jobz === "V";
  const s = cplx ? loadHermitian(n, a, lda, uplo) : loadSymmetric(n, a, lda, uplo);
  const anorm = cplx ? maxAbsComplex(n, s) : maxAbsReal(n, s);
  if (!(anorm <= Number.MAX_VALUE)) {
    // NaN or infinity: the iteration cannot converge (LAPACK would spin until its limit).
    for (let i = 0; i < n; i++) w[i] = NaN;
    return 1;
  }
  // Scale by a power of two (exact) so that the largest entry lies in [0.5, 1): every
  // threshold below (deflation, underflow guards) is then relative to the matrix.
  const ex = anorm > 0 ? Math.ceil(Math.log2(anorm) + 1e-12) : 0;
  const down1 = 2 ** -(ex >> 1), down2 = 2 ** -(ex - (ex >> 1));
  const up1 = 1 / down1, up2 = 1 / down2;
  if (ex !== 0) { for (let i = 0; i < s.length; i++) s[i] = s[i] * down1 * down2; }

  const d = new Float64Array(n), e = new Float64Array(n), tau = new Float64Array(cplx ? 2 * n : n);
  if (cplx) tridiagonalizeComplex(n, s, d, e, tau);
  else tridiagonalizeReal(n, s, d, e, tau);
  if (!wantV) {
    const info = tridiagonalQR(n, d, e, null, 0, 0, 0);
    const sorted = d.slice().sort();
    for (let j = 0; j < n; j++) w[j] = sorted[j] * up1 * up2;
    return info;
  }
  const qh = cplx ? formQComplex(n, s, tau) : formQReal(n, s, tau);
  const [info, zt] = tridiagonalDC(n, d, e);
  const perm = new Array<number>(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  perm.sort((p, q) => d[p] - d[q] || p - q);
  for (let j = 0; j < n; j++) w[j] = d[perm[j]] * up1 * up2;
  // Eigenvectors of A: Q·Z, Q taken by rows (real and imaginary parts separately).
  const boffs = new Int32Array(n), coffs = new Int32Array(n);
  for (let j = 0; j < n; j++) boffs[j] = perm[j] * n, coffs[j] = j * n;
  const rows = new Float64Array(n * n), out = new Float64Array(n * n);
  const parts = cplx ? 2 : 1;
  for (let part = 0; part < parts; part++) {
    for (let c = 0; c < n; c++) {
      for (let r = 0; r < n; r++) rows[r * n + c] = qh[parts * (c * n + r) + part];
    }
    gemmDot(n, n, n, rows, 0, n, zt, boffs, out, coffs);
    for (let j = 0; j < n; j++) {
      const dst = parts * j * lda + part, src = j * n;
      for (let i = 0; i < n; i++) a[dst + parts * i] = out[src + i];
    }
  }
  return info;
}

/** Lower triangle of the symmetric input in a dense column-major float64 n×n scratch. */
function loadSymmetric(n: number, a: FloatBuffer, lda: number, uplo: Uplo): Float64Array {
  const s = new Float64Array(n * n);
  for (let c = 0; c < n; c++) {
    for (let r = c; r < n; r++) {
      s[c * n + r] = uplo === "L" ? a[c * lda + r] : a[r * lda + c];
    }
  }
  return s;
}

/** Lower triangle of the Hermitian input (interleaved, real diagonal) in a float64 scratch. */
function loadHermitian(n: number, a: FloatBuffer, lda: number, uplo: Uplo): Float64Array {
  const s = new Float64Array(2 * n * n);
  for (let c = 0; c < n; c++) {
    for (let r = c; r < n; r++) {
      const o = 2 * (c * n + r);
      if (uplo === "L") {
        const q = 2 * (c * lda + r);
        s[o] = a[q];
        s[o + 1] = r === c ? 0 : a[q + 1];
      } else {
        const q = 2 * (r * lda + c);
        s[o] = a[q];
        s[o + 1] = r === c ? 0 : -a[q + 1];
      }
    }
  }
  return s;
}

function maxAbsReal(n: number, s: Float64Array): number {
  let m = 0;
  for (let c = 0; c < n; c++) {
    for (let r = c; r < n; r++) {
      const v = Math.abs(s[c * n + r]);
      if (v > m || v !== v) m = v; // NaN sticks
    }
  }
  return m;
}

function maxAbsComplex(n: number, s: Float64Array): number {
  let m = 0;
  for (let c = 0; c < n; c++) {
    for (let r = c; r < n; r++) {
      const o = 2 * (c * n + r);
      const v = Math.hypot(s[o], s[o + 1]);
      if (v > m || v !== v) m = v; // NaN sticks
    }
  }
  return m;
}

/**
 * Householder reduction of the lower triangle of `s` (column-major n×n) to tridiagonal form:
 * diagonal `d`, off-diagonal `e[0..n-2]`. Reflector i (H = I − τ·v·vᵀ, v[i+1] = 1) is left
 * in column i below the subdiagonal, τ in `tau[i]`.
 */
function tridiagonalizeReal(
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
function formQReal(n: number, s: Float64Array, tau: Float64Array): Float64Array {
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
function tridiagonalizeComplex(
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
function formQComplex(n: number, s: Float64Array, tau: Float64Array): Float64Array {
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

/**
 * Diagonalises the symmetric tridiagonal (d, e[0..n−2]) in place by implicit QR steps with
 * Wilkinson shifts. When `z` is given, rotation k acts on the contiguous columns
 * `z[zoff + k·ldz …]` and `z[zoff + (k+1)·ldz …]` of length `zlen`. Returns 0, or the number
 * of off-diagonal entries that did not converge.
 */
function tridiagonalQR(
  n: number,
  d: Float64Array,
  e: Float64Array,
  z: Float64Array | null,
  zoff: number,
  ldz: number,
  zlen: number,
): number {
  const eps2 = EPS * EPS;
  const maxIter = 30 * n;
  let iter = 0;
  let hi = n - 1;
  while (hi > 0) {
    let lo = hi;
    while (lo > 0) {
      const x = e[lo - 1];
      if (x * x <= eps2 * Math.abs(d[lo - 1]) * Math.abs(d[lo]) + SAFMIN) {
        e[lo - 1] = 0;
        break;
      }
      lo--;
    }
    if (lo === hi) {
      hi--;
      continue;
    }
    if (lo === hi - 1) {
      // A 2×2 block: solve it directly (LAPACK's dlaev2), exact on small integer matrices.
      const r = eigen2x2(d[lo], e[lo], d[hi]);
      d[lo] = r[0], d[hi] = r[1], e[lo] = 0;
      if (z !== null) rotate(z, zoff + lo * ldz, zoff + hi * ldz, zlen, r[2], r[3]);
      hi -= 2;
      continue;
    }
    if (++iter > maxIter) {
      let bad = 0;
      for (let k = 0; k < n - 1; k++) if (e[k] !== 0) bad++;
      return bad;
    }
    // Wilkinson shift: the eigenvalue of the trailing 2×2 closer to d[hi].
    const eh = e[hi - 1];
    const delta = 0.5 * (d[hi - 1] - d[hi]);
    const root = Math.hypot(delta, eh);
    const mu = d[hi] - eh * eh / (delta >= 0 ? delta + root : delta - root);
    let x = d[lo] - mu, y = e[lo];
    for (let k = lo; k < hi; k++) {
      let r = Math.sqrt(x * x + y * y);
      if (!(r > 1e-150 && r < 1e150)) r = Math.hypot(x, y);
      let c = 1, sn = 0;
      if (r !== 0) c = x / r, sn = y / r;
      if (k > lo) e[k - 1] = r;
      const a = d[k], b = e[k], dd = d[k + 1];
      const cc = c * c, ss = sn * sn, cs = c * sn;
      d[k] = cc * a + 2 * cs * b + ss * dd;
      d[k + 1] = ss * a - 2 * cs * b + cc * dd;
      e[k] = cs * (dd - a) + (cc - ss) * b;
      if (k < hi - 1) {
        x = e[k];
        y = sn * e[k + 1];
        e[k + 1] *= c;
      }
      if (z !== null && sn !== 0) rotate(z, zoff + k * ldz, zoff + (k + 1) * ldz, zlen, c, sn);
    }
  }
  return 0;
}

/** Columns p0 and p1 (length len) of z become c·z₀ + s·z₁ and c·z₁ − s·z₀. */
function rotate(z: Float64Array, p0: number, p1: number, len: number, c: number, s: number): void {
  for (let j = 0; j < len; j++) {
    const u = z[p0 + j], v = z[p1 + j];
    z[p0 + j] = c * u + s * v;
    z[p1 + j] = c * v - s * u;
  }
}

/** Result slots of {@link eigen2x2}: rt1, rt2, cs, sn. */
const EIG2 = new Float64Array(4);

/**
 * Eigen-decomposition of the symmetric [[a, b], [b, c]] (the algorithm of LAPACK's dlaev2):
 * rt1 (the larger in absolute value), rt2, and (cs, sn), the unit eigenvector of rt1.
 */
function eigen2x2(a: number, b: number, c: number): Float64Array {
  const sm = a + c, df = a - c, adf = Math.abs(df), tb = b + b, ab = Math.abs(tb);
  const [acmx, acmn] = Math.abs(a) > Math.abs(c) ? [a, c] : [c, a];
  const rt = adf > ab
    ? adf * Math.sqrt(1 + (ab / adf) ** 2)
    : adf < ab
    ? ab * Math.sqrt(1 + (adf / ab) ** 2)
    : ab * Math.SQRT2;
  let rt1: number, rt2: number, sgn1: number;
  if (sm < 0) {
    rt1 = 0.5 * (sm - rt), sgn1 = -1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else if (sm > 0) {
    rt1 = 0.5 * (sm + rt), sgn1 = 1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else {
    rt1 = 0.5 * rt, rt2 = -0.5 * rt, sgn1 = 1;
  }
  const sgn2 = df >= 0 ? 1 : -1;
  const cs = df >= 0 ? df + rt : df - rt;
  let cs1: number, sn1: number;
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    sn1 = 1 / Math.sqrt(1 + ct * ct), cs1 = ct * sn1;
  } else if (ab === 0) {
    cs1 = 1, sn1 = 0;
  } else {
    const tn = -cs / tb;
    cs1 = 1 / Math.sqrt(1 + tn * tn), sn1 = tn * cs1;
  }
  if (sgn1 === sgn2) [cs1, sn1] = [-sn1, cs1];
  EIG2[0] = rt1, EIG2[1] = rt2, EIG2[2] = cs1, EIG2[3] = sn1;
  return EIG2;
}

/** Subproblems at most this large are solved by {@link tridiagonalQR}. */
const LEAF = 24;

/** Scratch shared by the merges of one divide-and-conquer run (sized for the whole problem). */
interface DCWork {
  n: number;
  q: Float64Array;
  z: Float64Array;
  dd: Float64Array;
  kind: Int8Array;
  nd: Int32Array;
  group: Int32Array;
  sd: Float64Array;
  sz: Float64Array;
  lam: Float64Array;
  zh: Float64Array;
  tv: Float64Array;
  base: Float64Array;
  wt: Float64Array;
  u: Float64Array;
  boffs: Int32Array;
  coffs: Int32Array;
}

/**
 * Eigenvalues (into `d`, unordered) and eigenvectors (columns of the returned n×n
 * column-major matrix) of the symmetric tridiagonal (d, e) by Cuppen's divide and conquer
 * with Gu–Eisenstat eigenvectors of the rank-one updates. Returns [info, vectors].
 */
function tridiagonalDC(n: number, d: Float64Array, e: Float64Array): [number, Float64Array] {
  const w: DCWork = {
    n,
    q: new Float64Array(n * n),
    z: new Float64Array(n),
    dd: new Float64Array(n),
    kind: new Int8Array(n),
    nd: new Int32Array(n),
    group: new Int32Array(n),
    sd: new Float64Array(n),
    sz: new Float64Array(n),
    lam: new Float64Array(n),
    zh: new Float64Array(n),
    tv: new Float64Array(n),
    base: new Float64Array(n),
    wt: new Float64Array(n <= LEAF ? 0 : n * n),
    u: new Float64Array(n <= LEAF ? 0 : n * n),
    boffs: new Int32Array(n),
    coffs: new Int32Array(n),
  };
  const info = dcSolve(0, n, d, e, w);
  return [info, w.q];
}

function dcSolve(lo: number, hi: number, d: Float64Array, e: Float64Array, w: DCWork): number {
  const m = hi - lo, n = w.n;
  if (m <= LEAF) {
    const b0 = lo * n + lo;
    for (let c = 0; c < m; c++) w.q[b0 + c * n + c] = 1;
    return tridiagonalQR(m, d.subarray(lo, hi), e.subarray(lo, hi), w.q, b0, n, m);
  }
  const mid = lo + (m >> 1);
  const coupling = e[mid - 1];
  const r = Math.abs(coupling);
  d[mid - 1] -= r;
  d[mid] -= r;
  const info = dcSolve(lo, mid, d, e, w) || dcSolve(mid, hi, d, e, w);
  if (info !== 0) return info;
  if (r !== 0) dcMerge(lo, mid, hi, coupling, d, w);
  return 0;
}

/**
 * Merges the solved halves [lo, mid) and [mid, hi): the block is Q̂·(D + ρ·z·zᵀ)·Q̂ᵀ. Small
 * components of z and close pairs of D deflate (Givens rotations on the columns of Q̂); the
 * rest is solved through the secular equation and multiplied into Q̂.
 */
function dcMerge(
  lo: number,
  mid: number,
  hi: number,
  coupling: number,
  d: Float64Array,
  w: DCWork,
): void {
  const n = w.n, q = w.q, z = w.z, dd = w.dd, kind = w.kind, nd = w.nd;
  const m = hi - lo, n1 = mid - lo, b0 = lo * n + lo;
  const sg = coupling < 0 ? -1 : 1;
  const rho = 2 * Math.abs(coupling);
  let dmax = 0;
  for (let c = 0; c < m; c++) {
    z[c] = c < n1 ? q[b0 + c * n + n1 - 1] * Math.SQRT1_2 : sg * q[b0 + c * n + n1] * Math.SQRT1_2;
    kind[c] = c < n1 ? 1 : 3;
    dd[c] = d[lo + c];
    dmax = Math.max(dmax, Math.abs(dd[c]));
  }
  const perm: number[] = [];
  for (let c = 0; c < m; c++) perm.push(c);
  perm.sort((p, r) => dd[p] - dd[r]);
  const tol = 8 * EPS * Math.max(dmax, rho);

  // Deflation: pj is the last candidate kept; a later close one rotates it away.
  let k = 0, pj = -1;
  for (let t = 0; t < m; t++) {
    const j = perm[t];
    if (rho * Math.abs(z[j]) <= tol) continue;
    if (pj < 0) {
      pj = j;
      continue;
    }
    const zp = z[pj], zj = z[j];
    const nrm = Math.hypot(zp, zj);
    const c = zj / nrm, s = zp / nrm;
    if (Math.abs((dd[j] - dd[pj]) * c * s) <= tol) {
      z[j] = nrm;
      z[pj] = 0;
      const p0 = b0 + pj * n, p1 = b0 + j * n;
      for (let r = 0; r < m; r++) {
        const u = q[p0 + r], v = q[p1 + r];
        q[p0 + r] = c * u - s * v;
        q[p1 + r] = s * u + c * v;
      }
      if (kind[pj] !== kind[j]) kind[j] = 2;
      const dp = dd[pj], dj = dd[j];
      dd[pj] = dp * c * c + dj * s * s;
      dd[j] = dp * s * s + dj * c * c;
    } else nd[k++] = pj;
    pj = j;
  }
  if (pj >= 0) nd[k++] = pj;
  for (let c = 0; c < m; c++) d[lo + c] = dd[c];
  if (k === 0) return;

  // Secular equation for the kept part: roots, then Gu–Eisenstat's recomputed ẑ.
  const sd = w.sd, sz = w.sz, u = w.u, lam = w.lam, zh = w.zh, tv = w.tv;
  // Solve in units of a power of two near the block's scale (exact; avoids overflow of the
  // squared reciprocals when the block is tiny).
  let big = rho;
  for (let i = 0; i < k; i++) big = Math.max(big, Math.abs(dd[nd[i]]));
  const unit = 2 ** Math.ceil(Math.log2(big)), inv = 1 / unit;
  let zz = 0;
  for (let i = 0; i < k; i++) {
    sd[i] = dd[nd[i]] * inv;
    sz[i] = z[nd[i]];
    zz += sz[i] * sz[i];
  }
  const srho = rho * inv;
  for (let i = 0; i < k; i++) {
    lam[i] = unit * secularRoot(k, sd, sz, srho, zz, i, u, i * k, w.base);
  }
  for (let j = 0; j < k; j++) {
    let p = -u[j * k + j];
    for (let i = 0; i < k; i++) if (i !== j) p *= -u[i * k + j] / (sd[i] - sd[j]);
    p /= srho;
    const v = Math.sqrt(p > 0 ? p : 0);
    zh[j] = sz[j] >= 0 ? v : -v;
  }
  // Order the kept columns by kind (top-only, mixed, bottom-only) for the block products.
  const group = w.group;
  let g = 0, k1 = 0, k3 = 0;
  for (let want = 1; want <= 3; want++) {
    for (let i = 0; i < k; i++) {
      if (kind[nd[i]] === want) {
        group[g++] = i;
        if (want === 1) k1++;
        else if (want === 3) k3++;
      }
    }
  }
  // Eigenvectors of D + ρ·ẑ·ẑᵀ, rows permuted by group.
  for (let i = 0; i < k; i++) {
    const col = i * k;
    let s2 = 0;
    for (let j = 0; j < k; j++) {
      const v = zh[j] / u[col + j];
      tv[j] = v;
      s2 += v * v;
    }
    const nrm = 1 / Math.sqrt(s2);
    for (let l = 0; l < k; l++) u[col + l] = tv[group[l]] * nrm;
  }
  // Kept columns of Q̂, row-major (row r holds the k entries of row r), in group order.
  const wt = w.wt;
  for (let l = 0; l < k; l++) {
    const src = b0 + nd[group[l]] * n;
    for (let r = 0; r < m; r++) wt[r * k + l] = q[src + r];
  }
  for (let i = 0; i < k; i++) d[lo + nd[i]] = lam[i];
  const boffs = w.boffs, coffs = w.coffs;
  const kTop = k - k3, kBot = k - k1;
  for (let i = 0; i < k; i++) {
    boffs[i] = i * k;
    coffs[i] = b0 + nd[i] * n;
  }
  if (kTop > 0) gemmDot(n1, k, kTop, wt, 0, k, u, boffs, q, coffs);
  else for (let i = 0; i < k; i++) q.fill(0, coffs[i], coffs[i] + n1);
  for (let i = 0; i < k; i++) {
    boffs[i] += k1;
    coffs[i] += n1;
  }
  if (kBot > 0) gemmDot(m - n1, k, kBot, wt, n1 * k + k1, k, u, boffs, q, coffs);
  else for (let i = 0; i < k; i++) q.fill(0, coffs[i], coffs[i] + m - n1);
}

/**
 * Root i of the secular equation 1 + ρ·Σ z_j²/(d_j − λ) = 0 (d ascending, distinct, z ≠ 0):
 * λ ∈ (d_i, d_{i+1}), or (d_{k−1}, d_{k−1} + ρ·zz) for the last. The root is kept as an offset
 * τ from the nearer pole so that the differences d_j − λ (written to `delta[off + j]`) are
 * accurate. Iteration: two-pole rational interpolation safeguarded by bisection.
 */
function secularRoot(
  k: number,
  d: Float64Array,
  z: Float64Array,
  rho: number,
  zz: number,
  i: number,
  delta: Float64Array,
  off: number,
  base: Float64Array,
): number {
  const last = i === k - 1;
  let origin = i, lo: number, hi: number;
  if (last) {
    lo = 0;
    hi = rho * zz;
  } else {
    const half = 0.5 * (d[i + 1] - d[i]);
    let f = 1;
    for (let j = 0; j < k; j++) f += rho * z[j] * z[j] / ((d[j] - d[i]) - half);
    if (f >= 0) {
      lo = 0;
      hi = half;
    } else {
      origin = i + 1;
      lo = -half;
      hi = 0;
    }
  }
  const o = d[origin];
  for (let j = 0; j < k; j++) base[j] = d[j] - o;
  let tau = origin === i ? hi : lo;
  for (let iter = 0; iter < 100; iter++) {
    let psi = 0, dpsi = 0, phi = 0, dphi = 0;
    for (let j = 0; j <= i; j++) {
      const t = z[j] / (base[j] - tau);
      psi += z[j] * t;
      dpsi += t * t;
    }
    for (let j = i + 1; j < k; j++) {
      const t = z[j] / (base[j] - tau);
      phi += z[j] * t;
      dphi += t * t;
    }
    psi *= rho, dpsi *= rho, phi *= rho, dphi *= rho;
    const f = 1 + psi + phi;
    const bound = EPS * (8 + 8 * (phi - psi) + Math.abs(tau) * (dpsi + dphi));
    if (Math.abs(f) <= bound) break;
    if (f < 0) lo = tau;
    else hi = tau;
    if (hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) break;
    // ψ ≈ a1 + b1/(D1 − η), φ ≈ a2 + b2/(D2 − η) around the current τ (η = step).
    const d1 = base[i] - tau;
    const b1 = dpsi * d1 * d1;
    let eta: number;
    if (last) {
      const c = 1 + psi - b1 / d1;
      eta = c > 0 ? d1 + b1 / c : NaN;
    } else {
      const d2 = base[i + 1] - tau;
      const b2 = dphi * d2 * d2;
      const c = 1 + (psi - b1 / d1) + (phi - b2 / d2);
      // c·η² − B·η + C = 0 with C = d1·d2·f; take the root between the poles.
      const bq = c * (d1 + d2) + b1 + b2, cq = d1 * d2 * f;
      const disc = Math.sqrt(Math.max(0, bq * bq - 4 * c * cq));
      const qq = 0.5 * (bq + (bq >= 0 ? disc : -disc));
      const r1 = qq !== 0 ? cq / qq : NaN, r2 = c !== 0 ? qq / c : NaN;
      eta = r1 > d1 && r1 < d2 ? r1 : r2;
    }
    let next = tau + eta;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (next === tau) break;
    tau = next;
  }
  for (let j = 0; j < k; j++) delta[off + j] = base[j] - tau;
  return o + tau;
}

/**
 * C[:, j] = A·B[:, j] for `cols` columns, A given by rows: entry r of column j is
 * `Σ_l at[aOff + r·lda + l]·b[boffs[j] + l]` (l < p), written to `c[coffs[j] + r]`. Every entry
 * is a dot product; blocked two rows by four columns.
 */
function gemmDot(
  rows: number,
  cols: number,
  p: number,
  at: Float64Array,
  aOff: number,
  lda: number,
  b: Float64Array,
  boffs: Int32Array,
  c: Float64Array,
  coffs: Int32Array,
): void {
  let j = 0;
  for (; j + 3 < cols; j += 4) {
    const x0 = boffs[j], x1 = boffs[j + 1], x2 = boffs[j + 2], x3 = boffs[j + 3];
    const c0 = coffs[j], c1 = coffs[j + 1], c2 = coffs[j + 2], c3 = coffs[j + 3];
    let r = 0;
    for (; r + 1 < rows; r += 2) {
      const a0 = aOff + r * lda, a1 = a0 + lda;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let l = 0; l < p; l++) {
        const u0 = at[a0 + l], u1 = at[a1 + l];
        let v = b[x0 + l];
        s00 += u0 * v;
        s10 += u1 * v;
        v = b[x1 + l];
        s01 += u0 * v;
        s11 += u1 * v;
        v = b[x2 + l];
        s02 += u0 * v;
        s12 += u1 * v;
        v = b[x3 + l];
        s03 += u0 * v;
        s13 += u1 * v;
      }
      c[c0 + r] = s00, c[c1 + r] = s01, c[c2 + r] = s02, c[c3 + r] = s03;
      c[c0 + r + 1] = s10, c[c1 + r + 1] = s11, c[c2 + r + 1] = s12, c[c3 + r + 1] = s13;
    }
    if (r < rows) {
      const a0 = aOff + r * lda;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let l = 0; l < p; l++) {
        const u0 = at[a0 + l];
        s0 += u0 * b[x0 + l];
        s1 += u0 * b[x1 + l];
        s2 += u0 * b[x2 + l];
        s3 += u0 * b[x3 + l];
      }
      c[c0 + r] = s0, c[c1 + r] = s1, c[c2 + r] = s2, c[c3 + r] = s3;
    }
  }
  for (; j < cols; j++) {
    const x0 = boffs[j], c0 = coffs[j];
    for (let r = 0; r < rows; r++) {
      const a0 = aOff + r * lda;
      let s0 = 0, s1 = 0, l = 0;
      for (; l + 1 < p; l += 2) {
        s0 += at[a0 + l] * b[x0 + l];
        s1 += at[a0 + l + 1] * b[x0 + l + 1];
      }
      if (l < p) s0 += at[a0 + l] * b[x0 + l];
      c[c0 + r] = s0 + s1;
    }
  }
}
