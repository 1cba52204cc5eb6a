/**
 * The complex path of the general eigenvalue problem: Hessenberg reduction, single-shift
 * QR with Givens rotations and back substitution for the eigenvectors (LAPACK `zgehrd`,
 * `zlahqr`, `ztrevc`).
 *
 * @module
 */

import { GROW, KEXSH, SAFMIN, ULP } from "./_machine.ts";
import { dot } from "./_eig_schur_real.ts";
import { cdiv } from "./_eig_vectors_real.ts";

/** Result slots of {@link dotc}: re, im. */
const CDOT = new Float64Array(2);

/** Σ conj(x_r)·y_r over `len` complex entries starting at slots px, py. */
function dotc(x: Float64Array, px: number, y: Float64Array, py: number, len: number): Float64Array {
  let sr = 0, si = 0;
  for (let r = 0; r < 2 * len; r += 2) {
    const ar = x[px + r], ai = x[px + r + 1], br = y[py + r], bi = y[py + r + 1];
    sr += ar * br + ai * bi;
    si += ar * bi - ai * br;
  }
  CDOT[0] = sr, CDOT[1] = si;
  return CDOT;
}

/** y += (fr + i·fi)·x over `len` complex entries starting at slots px, py. */
function caxpy(
  fr: number,
  fi: number,
  x: Float64Array,
  px: number,
  y: Float64Array,
  py: number,
  len: number,
): void {
  for (let r = 0; r < 2 * len; r += 2) {
    const ar = x[px + r], ai = x[px + r + 1];
    y[py + r] += fr * ar - fi * ai;
    y[py + r + 1] += fr * ai + fi * ar;
  }
}

/**
 * Complex Householder reduction to Hessenberg form (LAPACK `zgehd2`): A ← Hᴴ·A·H with
 * H = I − τ·v·vᴴ and a real subdiagonal entry β. Reflectors stay below the subdiagonal.
 */
export function hessenbergComplex(
  n: number,
  h: Float64Array,
  ilo: number,
  ihi: number,
): Float64Array {
  const tau = new Float64Array(2 * n);
  const y = new Float64Array(2 * n);
  for (let k = ilo; k < ihi - 1; k++) hessenbergStepComplex(n, h, k, ihi, y, tau);
  return tau;
}

/** Step k of {@link hessenbergComplex}; writes τ to tau[2k], tau[2k+1]. */
function hessenbergStepComplex(
  n: number,
  h: Float64Array,
  k: number,
  ihi: number,
  y: Float64Array,
  tau: Float64Array,
): void {
  const m = ihi - k; // v has m entries, rows k+1..ihi
  const p0 = 2 * (k * n + k + 1);
  const ar = h[p0], ai = h[p0 + 1];
  const xn = dot(h, p0 + 2, h, p0 + 2, 2 * (m - 1));
  if (xn === 0 && ai === 0) return;
  const nrm = Math.sqrt(ar * ar + ai * ai + xn);
  const beta = ar >= 0 ? -nrm : nrm;
  const tr = (beta - ar) / beta, ti = -ai / beta;
  const q = cdiv(1, 0, ar - beta, ai);
  const sr = q[0], si = q[1];
  for (let r = p0 + 2; r < p0 + 2 * m; r += 2) {
    const xr = h[r], xi = h[r + 1];
    h[r] = xr * sr - xi * si;
    h[r + 1] = xr * si + xi * sr;
  }
  tau[2 * k] = tr, tau[2 * k + 1] = ti;
  h[p0] = 1, h[p0 + 1] = 0;
  // Right: H[0..ihi, k+1..ihi] ← H·(I − τ v vᴴ): y = H·v, then H[:, c] −= y·τ·conj(v_c).
  y.fill(0, 0, 2 * (ihi + 1));
  for (let c = k + 1; c <= ihi; c++) {
    const vr = h[p0 + 2 * (c - k - 1)], vi = h[p0 + 2 * (c - k - 1) + 1];
    caxpy(vr, vi, h, 2 * c * n, y, 0, ihi + 1);
  }
  for (let c = k + 1; c <= ihi; c++) {
    const vr = h[p0 + 2 * (c - k - 1)], vi = -h[p0 + 2 * (c - k - 1) + 1];
    const fr = tr * vr - ti * vi, fi = tr * vi + ti * vr;
    caxpy(-fr, -fi, y, 0, h, 2 * c * n, ihi + 1);
  }
  // Left: H[k+1..ihi, k+1..n−1] ← (I − conj(τ) v vᴴ)·H.
  for (let c = k + 1; c < n; c++) {
    const pc = 2 * (c * n + k + 1);
    const d = dotc(h, p0, h, pc, m);
    const fr = tr * d[0] + ti * d[1], fi = tr * d[1] - ti * d[0];
    if (fr !== 0 || fi !== 0) caxpy(-fr, -fi, h, p0, h, pc, m);
  }
  h[p0] = beta, h[p0 + 1] = 0;
}

/** The unitary Q of {@link hessenbergComplex} (LAPACK `unghr`), interleaved column-major. */
export function hessenbergQComplex(
  n: number,
  h: Float64Array,
  ilo: number,
  ihi: number,
  tau: Float64Array,
): Float64Array {
  const q = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) q[2 * (i * n + i)] = 1;
  for (let k = ihi - 2; k >= ilo; k--) {
    const tr = tau[2 * k], ti = tau[2 * k + 1];
    if (tr === 0 && ti === 0) continue;
    const pv = 2 * (k * n + k + 2), len = ihi - k - 1; // v = (1, h[k+2..ihi, k])
    for (let c = k + 1; c <= ihi; c++) {
      const cc = 2 * (c * n + k + 1);
      const d = dotc(h, pv, q, cc + 2, len);
      const dr = q[cc] + d[0], di = q[cc + 1] + d[1];
      const fr = tr * dr - ti * di, fi = tr * di + ti * dr;
      if (fr === 0 && fi === 0) continue;
      q[cc] -= fr, q[cc + 1] -= fi;
      caxpy(-fr, -fi, h, pv, q, cc + 2, len);
    }
  }
  return q;
}

function cabs1(h: Float64Array, p: number): number {
  return Math.abs(h[p]) + Math.abs(h[p + 1]);
}

/** Complex analogue of {@link splitPointReal} (|·|₁ for magnitudes, as LAPACK `zlahqr`). */
function splitPointComplex(
  n: number,
  h: Float64Array,
  l: number,
  i: number,
  ilo: number,
  ihi: number,
  smlnum: number,
): number {
  let k = i;
  for (; k > l; k--) {
    const sub = cabs1(h, 2 * ((k - 1) * n + k));
    if (sub <= smlnum) break;
    const pk = 2 * (k * n + k), pp = 2 * ((k - 1) * n + k - 1);
    let tst = cabs1(h, pp) + cabs1(h, pk);
    if (tst === 0) {
      if (k - 2 >= ilo) tst += cabs1(h, 2 * ((k - 2) * n + k - 1));
      if (k + 1 <= ihi) tst += cabs1(h, 2 * (k * n + k + 1));
    }
    if (sub <= ULP * tst) {
      const sup = cabs1(h, 2 * (k * n + k - 1));
      const ab = Math.max(sub, sup), ba = Math.min(sub, sup);
      const dk = cabs1(h, pk);
      const df = Math.abs(h[pp] - h[pk]) + Math.abs(h[pp + 1] - h[pk + 1]);
      const aa = Math.max(dk, df), bb = Math.min(dk, df);
      const s = aa + ab;
      if (ba * (ab / s) <= Math.max(smlnum, ULP * (bb * (aa / s)))) break;
    }
  }
  return k;
}

/** Shift of {@link wilkinsonShift} (re, im) and first rotation input of {@link bulgeStartComplex}. */
const SHIFT = new Float64Array(2);
const FIRST = new Float64Array(4);

/**
 * The eigenvalue of the trailing 2×2 [a b; c d] at rows i−1, i closer to d: d − bc/(x + y)
 * with x = (a − d)/2 and y = ±√(x² + bc), the sign making |x + y| largest.
 */
function wilkinsonShift(n: number, h: Float64Array, i: number): Float64Array {
  const pa = 2 * ((i - 1) * n + i - 1), pb = 2 * (i * n + i - 1);
  const pc = pa + 2, pd = pb + 2;
  const bcr = h[pb] * h[pc] - h[pb + 1] * h[pc + 1];
  const bci = h[pb] * h[pc + 1] + h[pb + 1] * h[pc];
  SHIFT[0] = h[pd], SHIFT[1] = h[pd + 1];
  if (bcr === 0 && bci === 0) return SHIFT;
  const xr = 0.5 * (h[pa] - h[pd]), xi = 0.5 * (h[pa + 1] - h[pd + 1]);
  const dr = xr * xr - xi * xi + bcr, di = 2 * xr * xi + bci;
  const mod = Math.hypot(dr, di);
  let yr = 0, yi = 0;
  if (mod > 0) {
    if (dr >= 0) {
      yr = Math.sqrt(0.5 * (mod + dr));
      yi = di / (2 * yr);
    } else {
      const t = Math.sqrt(0.5 * (mod - dr));
      yr = Math.abs(di) / (2 * t);
      yi = di >= 0 ? t : -t;
    }
  }
  if (xr * yr + xi * yi < 0) yr = -yr, yi = -yi;
  if (xr + yr !== 0 || xi + yi !== 0) {
    const q = cdiv(bcr, bci, xr + yr, xi + yi);
    SHIFT[0] -= q[0], SHIFT[1] -= q[1];
  }
  return SHIFT;
}

/**
 * Row m ≥ l where the single-shift sweep on rows ..i starts (H(m, m−1) negligible after the
 * first rotation); (H(m,m) − σ, H(m+1,m)) go to {@link FIRST}.
 */
function bulgeStartComplex(
  n: number,
  h: Float64Array,
  l: number,
  i: number,
  sr: number,
  si: number,
): number {
  let m = i - 1;
  for (; m >= l; m--) {
    const p = 2 * (m * n + m);
    const fr = h[p] - sr, fi = h[p + 1] - si, gr = h[p + 2], gi = h[p + 3];
    FIRST[0] = fr, FIRST[1] = fi, FIRST[2] = gr, FIRST[3] = gi;
    if (m === l) break;
    const s = Math.abs(fr) + Math.abs(fi) + Math.abs(gr) + Math.abs(gi);
    const lhs = cabs1(h, 2 * ((m - 1) * n + m)) * ((Math.abs(gr) + Math.abs(gi)) / s);
    const rhs = ((Math.abs(fr) + Math.abs(fi)) / s) *
      (cabs1(h, p) + cabs1(h, 2 * ((m + 1) * n + m + 1)));
    if (lhs <= ULP * rhs) break;
  }
  return m;
}

/** Rows k, k+1 over columns j0..j1 ← G·rows with G = [c s; −conj(s) c], s = snr + i·sni. */
function crotRows(
  h: Float64Array,
  n: number,
  k: number,
  j0: number,
  j1: number,
  c: number,
  snr: number,
  sni: number,
): void {
  for (let j = j0; j <= j1; j++) {
    const p = 2 * (j * n + k);
    const ar = h[p], ai = h[p + 1], br = h[p + 2], bi = h[p + 3];
    h[p] = c * ar + snr * br - sni * bi;
    h[p + 1] = c * ai + snr * bi + sni * br;
    h[p + 2] = c * br - (snr * ar + sni * ai);
    h[p + 3] = c * bi - (snr * ai - sni * ar);
  }
}

/** Columns k, k+1 over rows r0..r1 ← columns·Gᴴ (see {@link crotRows}). */
function crotCols(
  h: Float64Array,
  n: number,
  k: number,
  r0: number,
  r1: number,
  c: number,
  snr: number,
  sni: number,
): void {
  const c0 = 2 * k * n, c1 = c0 + 2 * n;
  for (let j = 2 * r0; j <= 2 * r1; j += 2) {
    const ar = h[c0 + j], ai = h[c0 + j + 1], br = h[c1 + j], bi = h[c1 + j + 1];
    h[c0 + j] = c * ar + (br * snr + bi * sni);
    h[c0 + j + 1] = c * ai + (bi * snr - br * sni);
    h[c1 + j] = c * br - (ar * snr - ai * sni);
    h[c1 + j + 1] = c * bi - (ar * sni + ai * snr);
  }
}

/**
 * One implicit single-shift sweep from row m (first rotation from {@link FIRST}) to row i:
 * complex Givens rotations chase the bulge, updating columns/rows i1..i2 of H and rows
 * ilo..ihi of the Schur vectors `z`.
 */
function complexSweep(
  n: number,
  h: Float64Array,
  z: Float64Array | null,
  l: number,
  m: number,
  i: number,
  i1: number,
  i2: number,
  ilo: number,
  ihi: number,
): void {
  let fr = FIRST[0], fi = FIRST[1], gr = FIRST[2], gi = FIRST[3];
  for (let k = m; k < i; k++) {
    if (k > m) {
      const p = 2 * ((k - 1) * n + k);
      fr = h[p], fi = h[p + 1], gr = h[p + 2], gi = h[p + 3];
    }
    const fa = Math.hypot(fr, fi), ga = Math.hypot(gr, gi);
    let c: number, snr: number, sni: number, rr: number, ri: number;
    if (ga === 0) {
      c = 1, snr = 0, sni = 0, rr = fr, ri = fi;
    } else if (fa === 0) {
      c = 0, snr = gr / ga, sni = -gi / ga, rr = ga, ri = 0;
    } else {
      // c = |f|/ρ, s = (f/|f|)·conj(g)/ρ, r = (f/|f|)·ρ with ρ = ‖(f, g)‖.
      const nrm = Math.hypot(fa, ga);
      c = fa / nrm;
      const ur = fr / fa, ui = fi / fa;
      snr = (ur * gr + ui * gi) / nrm, sni = (ui * gr - ur * gi) / nrm;
      rr = ur * nrm, ri = ui * nrm;
    }
    if (k > m) {
      const p = 2 * ((k - 1) * n + k);
      h[p] = rr, h[p + 1] = ri, h[p + 2] = 0, h[p + 3] = 0;
    } else if (m > l) {
      // The rotation's effect on H(m, m−1); the fill below it is negligible.
      const p = 2 * ((m - 1) * n + m);
      h[p] *= c, h[p + 1] *= c;
    }
    crotRows(h, n, k, k, i2, c, snr, sni);
    crotCols(h, n, k, i1, Math.min(k + 2, i), c, snr, sni);
    if (z !== null) crotCols(z, n, k, ilo, ihi, c, snr, sni);
  }
}

/**
 * Single-shift complex QR on the Hessenberg `h` (interleaved; active part ilo..ihi): Wilkinson
 * shift, exceptional shifts every {@link KEXSH} iterations, the bulge chased by complex Givens
 * rotations (LAPACK `zlahqr`'s strategy). With `wantT` the full triangular Schur form is
 * produced and the Schur vectors accumulated into `z`. Returns 0 or the 1-based index of
 * failure.
 */
export function schurComplex(
  n: number,
  h: Float64Array,
  ilo: number,
  ihi: number,
  wr: Float64Array,
  wi: Float64Array,
  wantT: boolean,
  z: Float64Array | null,
): number {
  for (let i = 0; i < n; i++) {
    if (i < ilo || i > ihi) wr[i] = h[2 * (i * n + i)], wi[i] = h[2 * (i * n + i) + 1];
  }
  const nh = ihi - ilo + 1;
  const smlnum = SAFMIN * (nh / ULP);
  const itmax = 30 * Math.max(10, nh);
  let i1 = 0, i2 = n - 1;
  let kdefl = 0;
  let i = ihi;
  while (i >= ilo) {
    let l = ilo;
    let converged = false;
    for (let its = 0; its <= itmax; its++) {
      l = splitPointComplex(n, h, l, i, ilo, ihi, smlnum);
      if (l > ilo) {
        const p = 2 * ((l - 1) * n + l);
        h[p] = 0, h[p + 1] = 0;
      }
      if (l >= i) {
        converged = true;
        break;
      }
      kdefl++;
      if (!wantT) i1 = l, i2 = i;
      let sr: number, si: number;
      if (kdefl % (2 * KEXSH) === 0) {
        const p = 2 * ((i - 1) * n + i), d = 2 * (i * n + i);
        sr = 0.75 * Math.hypot(h[p], h[p + 1]) + h[d], si = h[d + 1];
      } else if (kdefl % KEXSH === 0) {
        const p = 2 * (l * n + l + 1), d = 2 * (l * n + l);
        sr = 0.75 * Math.hypot(h[p], h[p + 1]) + h[d], si = h[d + 1];
      } else {
        const s = wilkinsonShift(n, h, i);
        sr = s[0], si = s[1];
      }
      const m = bulgeStartComplex(n, h, l, i, sr, si);
      complexSweep(n, h, z, l, m, i, i1, i2, ilo, ihi);
    }
    if (!converged) return i + 1;
    wr[i] = h[2 * (i * n + i)], wi[i] = h[2 * (i * n + i) + 1];
    kdefl = 0;
    i = l - 1;
  }
  return 0;
}

/**
 * Right eigenvectors of the complex upper triangular Schur form T, back-transformed by the
 * Schur vectors (LAPACK `ztrevc`, side "R", howmny "B"). Not normalised.
 */
export function eigenvectorsComplex(n: number, t: Float64Array, z: Float64Array): Float64Array {
  const v = new Float64Array(2 * n * n);
  const x = new Float64Array(2 * n);
  const smlnum = SAFMIN * (n / ULP);
  for (let ki = n - 1; ki >= 0; ki--) {
    const lr = t[2 * (ki * n + ki)], li = t[2 * (ki * n + ki) + 1];
    const smin = Math.max(ULP * (Math.abs(lr) + Math.abs(li)), smlnum);
    x[2 * ki] = 1, x[2 * ki + 1] = 0;
    for (let k = 0; k < 2 * ki; k++) x[k] = -t[2 * ki * n + k];
    for (let j = ki - 1; j >= 0; j--) {
      let dr = t[2 * (j * n + j)] - lr, di = t[2 * (j * n + j) + 1] - li;
      if (Math.abs(dr) + Math.abs(di) < smin) dr = smin, di = 0;
      const q0 = Math.abs(x[2 * j]) + Math.abs(x[2 * j + 1]) || 1;
      const s = cdiv(x[2 * j] / q0, x[2 * j + 1] / q0, dr, di);
      let yr = s[0], yi = s[1];
      const ym = Math.abs(yr) + Math.abs(yi);
      if (ym > GROW / q0) {
        // Rescale the whole vector so that this component gets magnitude ~1.
        const f = 1 / ym / q0;
        for (let k = 0; k <= 2 * ki + 1; k++) x[k] *= f;
        yr /= ym, yi /= ym;
      } else yr *= q0, yi *= q0;
      x[2 * j] = yr, x[2 * j + 1] = yi;
      caxpy(-yr, -yi, t, 2 * j * n, x, 0, j);
    }
    const dst = 2 * ki * n;
    for (let k = 0; k <= ki; k++) {
      const fr = x[2 * k], fi = x[2 * k + 1];
      if (fr !== 0 || fi !== 0) caxpy(fr, fi, z, 2 * k * n, v, dst, n);
    }
  }
  return v;
}

/** `zgeev`'s normalisation: norm 1, component of largest magnitude real and positive. */
export function normalizeComplex(n: number, v: Float64Array): void {
  for (let j = 0; j < n; j++) {
    const c = 2 * j * n;
    let s = 0;
    for (let r = 0; r < 2 * n; r++) s += v[c + r] * v[c + r];
    const f = 1 / Math.sqrt(s);
    let big = -1, at = 0;
    for (let r = 0; r < 2 * n; r += 2) {
      v[c + r] *= f, v[c + r + 1] *= f;
      const m = v[c + r] * v[c + r] + v[c + r + 1] * v[c + r + 1];
      if (m > big) big = m, at = r;
    }
    const m = Math.sqrt(big);
    const ur = v[c + at] / m, ui = -v[c + at + 1] / m; // conj(v_at)/|v_at|
    for (let r = 0; r < 2 * n; r += 2) {
      const xr = v[c + r], xi = v[c + r + 1];
      v[c + r] = xr * ur - xi * ui;
      v[c + r + 1] = xr * ui + xi * ur;
    }
    v[c + at + 1] = 0;
  }
}
