/**
 * General (non-symmetric) eigenvalue problems in TypeScript (LAPACK `geev` semantics).
 *
 * Pipeline, as in LAPACK's `dgeev`/`zgeev` (Golub & Van Loan ch. 7): scale by a power of two,
 * balance (isolate eigenvalues by permutations, then equilibrate row/column norms by powers of
 * two), reduce to upper Hessenberg form by Householder reflectors, iterate to Schur form —
 * Francis double-shift QR for real input (2×2 blocks standardised so that a complex pair
 * a ± i·b has equal diagonal entries), single-shift complex QR with Givens rotations for
 * complex input — then back-substitute in the (quasi-)triangular factor for the eigenvectors,
 * transform them back by the Schur vectors and the balancing, and normalise them like LAPACK
 * (Euclidean norm 1, component of largest magnitude real).
 *
 * All work happens in float64 column-major scratch (interleaved re/im for complex); float32
 * and complex64 results are rounded on output.
 *
 * @module
 */

import type { FloatBuffer, LinalgDType } from "./types.ts";

const EPS = 2 ** -53;
const ULP = 2 ** -52;
const SAFMIN = 2 ** -1022;
/** dgeev's scaling threshold √safmin/ulp. */
const SMLNUM = Math.sqrt(SAFMIN) / ULP;
/** Back-substitution rescales its vector when a component would exceed this. */
const GROW = 2 ** 330;
/** Iterations on one eigenvalue before an exceptional shift. */
const KEXSH = 10;

/**
 * Eigenvalues (interleaved complex into `w`) and with `jobvr = "V"` right eigenvectors (into
 * the column-major `vr`, LAPACK's packed real form for real types) of the general column-major
 * n×n `a` (destroyed). Returns 0 on success, i > 0 when the QR iteration failed for the i-th
 * eigenvalue (1-based; eigenvalues i+1…n have converged).
 */
export function tsGeev(
  dt: LinalgDType,
  jobvr: "V" | "N",
  n: number,
  a: FloatBuffer,
  lda: number,
  w: FloatBuffer,
  vr: FloatBuffer | null,
  ldvr: number,
): number {
  if (n === 0) return 0;
  const cplx = dt === "complex64" || dt === "complex128";
  const st = cplx ? 2 : 1;
  const wantV = jobvr === "V" && vr !== null;
  const h = new Float64Array(st * n * n);
  let anorm = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const p = st * (j * n + i), q = st * (j * lda + i);
      h[p] = a[q];
      if (cplx) h[p + 1] = a[q + 1];
      const v = cplx ? Math.hypot(h[p], h[p + 1]) : Math.abs(h[p]);
      if (v > anorm || v !== v) anorm = v; // NaN sticks
    }
  }
  if (!(anorm <= Number.MAX_VALUE)) {
    w.fill(NaN, 0, 2 * n);
    if (wantV) vr!.fill(NaN);
    return n;
  }
  // Like dgeev, rescale only a matrix whose largest entry is outside [SMLNUM, 1/SMLNUM], and
  // by a power of two (exact).
  let ex = 0;
  if (anorm > 0 && anorm < SMLNUM) ex = Math.floor(Math.log2(anorm / SMLNUM));
  else if (anorm > 1 / SMLNUM) ex = Math.ceil(Math.log2(anorm * SMLNUM));
  const down1 = 2 ** -(ex >> 1), down2 = 2 ** -(ex - (ex >> 1));
  if (ex !== 0) { for (let i = 0; i < h.length; i++) h[i] = h[i] * down1 * down2; }

  const scale = new Float64Array(n);
  const swaps: number[] = [];
  const [ilo, ihi] = balance(n, h, cplx, scale, swaps);
  const wr = new Float64Array(n), wi = new Float64Array(n);
  let info: number;
  let v: Float64Array | null = null;
  if (cplx) {
    const tau = hessenbergComplex(n, h, ilo, ihi);
    const z = wantV ? hessenbergQComplex(n, h, ilo, ihi, tau) : null;
    clearBelowSubdiagonal(n, h, 2);
    info = schurComplex(n, h, ilo, ihi, wr, wi, wantV, z);
    if (info === 0 && z !== null) v = eigenvectorsComplex(n, h, z);
  } else {
    const tau = hessenbergReal(n, h, ilo, ihi);
    const z = wantV ? hessenbergQReal(n, h, ilo, ihi, tau) : null;
    clearBelowSubdiagonal(n, h, 1);
    info = schurReal(n, h, ilo, ihi, wr, wi, wantV, z);
    if (info === 0 && z !== null) v = eigenvectorsReal(n, h, z);
  }
  const up1 = 1 / down1, up2 = 1 / down2;
  for (let i = 0; i < n; i++) {
    w[2 * i] = wr[i] * up1 * up2;
    w[2 * i + 1] = wi[i] * up1 * up2;
  }
  if (v !== null) {
    undoBalance(n, v, st, ilo, ihi, scale, swaps);
    if (cplx) normalizeComplex(n, v);
    else normalizeReal(n, v, wi);
    const out = vr!;
    for (let j = 0; j < n; j++) {
      const src = st * j * n, dst = st * j * ldvr;
      for (let i = 0; i < st * n; i++) out[dst + i] = v[src + i];
    }
  }
  return info;
}

// ---------------------------------------------------------------------------------------------
// Balancing (shared by real and complex: entries are st = 1 or 2 slots wide)

function entryAbs(h: Float64Array, p: number, cplx: boolean): number {
  return cplx ? Math.hypot(h[p], h[p + 1]) : Math.abs(h[p]);
}

function swapRowsCols(
  n: number,
  h: Float64Array,
  st: number,
  i: number,
  j: number,
  rowsTo: number,
  colsFrom: number,
): void {
  // columns i and j, rows 0..rowsTo
  for (let r = 0; r <= rowsTo; r++) {
    for (let t = 0; t < st; t++) {
      const p = st * (i * n + r) + t, q = st * (j * n + r) + t;
      const x = h[p];
      h[p] = h[q];
      h[q] = x;
    }
  }
  // rows i and j, columns colsFrom..n−1
  for (let c = colsFrom; c < n; c++) {
    for (let t = 0; t < st; t++) {
      const p = st * (c * n + i) + t, q = st * (c * n + j) + t;
      const x = h[p];
      h[p] = h[q];
      h[q] = x;
    }
  }
}

/**
 * LAPACK `gebal` with job "B": permutes rows/columns that isolate eigenvalues to the bottom
 * (rows with no off-diagonal entry in the active part) and to the top (such columns), then
 * scales rows and columns of the active block [ilo, ihi] by powers of two to balance their
 * 2-norms. Records the permutations in `swaps` (pairs, in order) and the scaling in `scale`.
 */
function balance(
  n: number,
  h: Float64Array,
  cplx: boolean,
  scale: Float64Array,
  swaps: number[],
): [number, number] {
  const st = cplx ? 2 : 1;
  const nz = (r: number, c: number): boolean => {
    const p = st * (c * n + r);
    return h[p] !== 0 || (cplx && h[p + 1] !== 0);
  };
  scale.fill(1);
  let k = 0, l = n - 1;
  // Rows isolating an eigenvalue go to the bottom.
  let again = true;
  while (again && l > 0) {
    again = false;
    for (let i = l; i >= 0; i--) {
      let isolated = true;
      for (let j = 0; j <= l; j++) {
        if (i !== j && nz(i, j)) {
          isolated = false;
          break;
        }
      }
      if (!isolated) continue;
      if (i !== l) {
        swapRowsCols(n, h, st, i, l, l, k);
        swaps.push(i, l);
      }
      again = true;
      if (l === 0) return [0, 0];
      l--;
    }
  }
  if (l === 0) return [0, 0];
  // Columns isolating an eigenvalue go to the top.
  again = true;
  while (again) {
    again = false;
    for (let j = k; j <= l; j++) {
      let isolated = true;
      for (let i = k; i <= l; i++) {
        if (i !== j && nz(i, j)) {
          isolated = false;
          break;
        }
      }
      if (!isolated) continue;
      if (j !== k) {
        swapRowsCols(n, h, st, j, k, l, k);
        swaps.push(j, k);
      }
      again = true;
      k++;
    }
  }
  // Iterative equilibration of the block k..l.
  const sfmin1 = SAFMIN / ULP, sfmax1 = 1 / sfmin1, sfmin2 = sfmin1 * 2, sfmax2 = 1 / sfmin2;
  let noconv = true;
  while (noconv) {
    noconv = false;
    for (let i = k; i <= l; i++) {
      let c = 0, r = 0, ca = 0, ra = 0;
      for (let t = k; t <= l; t++) {
        const x = entryAbs(h, st * (i * n + t), cplx), y = entryAbs(h, st * (t * n + i), cplx);
        c += x * x;
        r += y * y;
      }
      c = Math.sqrt(c);
      r = Math.sqrt(r);
      for (let t = 0; t <= l; t++) ca = Math.max(ca, entryAbs(h, st * (i * n + t), cplx));
      for (let t = k; t < n; t++) ra = Math.max(ra, entryAbs(h, st * (t * n + i), cplx));
      if (c === 0 || r === 0) continue;
      let g = r / 2, f = 1;
      const s = c + r;
      while (c < g && Math.max(f, c, ca) < sfmax2 && Math.min(r, g, ra) > sfmin2) {
        f *= 2, c *= 2, ca *= 2, r /= 2, g /= 2, ra /= 2;
      }
      g = c / 2;
      while (g >= r && Math.max(r, ra) < sfmax2 && Math.min(f, c, g, ca) > sfmin2) {
        f /= 2, c /= 2, g /= 2, ca /= 2, r *= 2, ra *= 2;
      }
      if (c + r >= 0.95 * s) continue;
      if (f < 1 && scale[i] < 1 && f * scale[i] <= sfmin1) continue;
      if (f > 1 && scale[i] > 1 && scale[i] >= sfmax1 / f) continue;
      scale[i] *= f;
      noconv = true;
      const gi = 1 / f;
      for (let t = st * (k * n + i); t < st * n * n; t += st * n) {
        h[t] *= gi;
        if (cplx) h[t + 1] *= gi;
      }
      for (let t = st * i * n; t < st * (i * n + l + 1); t++) h[t] *= f;
    }
  }
  return [k, l];
}

/** LAPACK `gebak` for right eigenvectors: undo the scaling, then the permutations. */
function undoBalance(
  n: number,
  v: Float64Array,
  st: number,
  ilo: number,
  ihi: number,
  scale: Float64Array,
  swaps: number[],
): void {
  for (let i = ilo; i <= ihi; i++) {
    const s = scale[i];
    if (s === 1) continue;
    for (let j = 0; j < n; j++) {
      const p = st * (j * n + i);
      v[p] *= s;
      if (st === 2) v[p + 1] *= s;
    }
  }
  for (let t = swaps.length - 2; t >= 0; t -= 2) {
    const i = swaps[t], j = swaps[t + 1];
    for (let c = 0; c < n; c++) {
      for (let u = 0; u < st; u++) {
        const p = st * (c * n + i) + u, q = st * (c * n + j) + u;
        const x = v[p];
        v[p] = v[q];
        v[q] = x;
      }
    }
  }
}

function clearBelowSubdiagonal(n: number, h: Float64Array, st: number): void {
  for (let j = 0; j < n; j++) {
    for (let i = j + 2; i < n; i++) {
      h[st * (j * n + i)] = 0;
      if (st === 2) h[st * (j * n + i) + 1] = 0;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Real: Hessenberg reduction, Francis double-shift QR, eigenvectors

/** Σ x[px + r]·y[py + r] for r < len (two accumulators). */
function dot(x: Float64Array, px: number, y: Float64Array, py: number, len: number): number {
  let s0 = 0, s1 = 0, r = 0;
  for (; r + 1 < len; r += 2) {
    s0 += x[px + r] * y[py + r];
    s1 += x[px + r + 1] * y[py + r + 1];
  }
  if (r < len) s0 += x[px + r] * y[py + r];
  return s0 + s1;
}

/** y[py + r] += f·x[px + r] for r < len. */
function axpy(
  f: number,
  x: Float64Array,
  px: number,
  y: Float64Array,
  py: number,
  len: number,
): void {
  for (let r = 0; r < len; r++) y[py + r] += f * x[px + r];
}

/**
 * Householder reduction of rows/columns ilo..ihi of `h` to upper Hessenberg form (LAPACK
 * `gehd2`): reflector k (H = I − τ·v·vᵀ, v[k+1] = 1) zeroes h[k+2..ihi, k] and is left there.
 */
function hessenbergReal(n: number, h: Float64Array, ilo: number, ihi: number): Float64Array {
  const tau = new Float64Array(n);
  const y = new Float64Array(n);
  for (let k = ilo; k < ihi - 1; k++) tau[k] = hessenbergStepReal(n, h, k, ihi, y);
  return tau;
}

/** Step k of {@link hessenbergReal}; returns τ. */
function hessenbergStepReal(
  n: number,
  h: Float64Array,
  k: number,
  ihi: number,
  y: Float64Array,
): number {
  const ck = k * n, m = ihi - k; // v has m entries, rows k+1..ihi
  const alpha = h[ck + k + 1];
  const xn = dot(h, ck + k + 2, h, ck + k + 2, m - 1);
  if (xn === 0) return 0;
  const nrm = Math.sqrt(alpha * alpha + xn);
  const beta = alpha >= 0 ? -nrm : nrm;
  const t = (beta - alpha) / beta;
  const sc = 1 / (alpha - beta);
  for (let r = k + 2; r <= ihi; r++) h[ck + r] *= sc;
  h[ck + k + 1] = 1;
  // Right: H[0..ihi, k+1..ihi] ← H·(I − τ v vᵀ).
  y.fill(0, 0, ihi + 1);
  for (let c = k + 1; c <= ihi; c++) {
    const vc = h[ck + c];
    if (vc !== 0) axpy(vc, h, c * n, y, 0, ihi + 1);
  }
  for (let c = k + 1; c <= ihi; c++) {
    const f = t * h[ck + c];
    if (f !== 0) axpy(-f, y, 0, h, c * n, ihi + 1);
  }
  // Left: H[k+1..ihi, k+1..n−1] ← (I − τ v vᵀ)·H.
  for (let c = k + 1; c < n; c++) {
    const f = t * dot(h, ck + k + 1, h, c * n + k + 1, m);
    if (f !== 0) axpy(-f, h, ck + k + 1, h, c * n + k + 1, m);
  }
  h[ck + k + 1] = beta;
  return t;
}

/** The orthogonal Q of {@link hessenbergReal} (LAPACK `orghr`), column-major n×n. */
function hessenbergQReal(
  n: number,
  h: Float64Array,
  ilo: number,
  ihi: number,
  tau: Float64Array,
): Float64Array {
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  for (let k = ihi - 2; k >= ilo; k--) {
    const t = tau[k];
    if (t === 0) continue;
    const ck = k * n + k + 2, len = ihi - k - 1; // v = (1, h[k+2..ihi, k])
    for (let c = k + 1; c <= ihi; c++) {
      const cc = c * n + k + 1;
      const f = t * (q[cc] + dot(h, ck, q, cc + 1, len));
      if (f === 0) continue;
      q[cc] -= f;
      axpy(-f, h, ck, q, cc + 1, len);
    }
  }
  return q;
}

/** Result slots of {@link standardize2x2}: a, b, c, d, cs, sn, re1, im1, re2, im2. */
const LANV2 = new Float64Array(10);

/**
 * Schur factorisation of the real 2×2 [a b; c d] = R·[a' b'; c' d']·Rᵀ, R = [cs −sn; sn cs],
 * in standard form (LAPACK `lanv2`): either c' = 0 (real eigenvalues a', d') or a' = d' and
 * b'·c' < 0 (eigenvalues a' ± i·√(|b'c'|), positive imaginary part first).
 */
function standardize2x2(a: number, b: number, c: number, d: number): Float64Array {
  let cs = 1, sn = 0;
  if (c === 0) {
    // already upper triangular
  } else if (b === 0) {
    cs = 0, sn = 1;
    const t = d;
    d = a, a = t, b = -c, c = 0;
  } else if (a - d === 0 && (b > 0) !== (c > 0)) {
    // already standard
  } else {
    const temp = a - d;
    let p = 0.5 * temp;
    const bcmax = Math.max(Math.abs(b), Math.abs(c));
    const bcmis = Math.min(Math.abs(b), Math.abs(c)) * (b >= 0 ? 1 : -1) * (c >= 0 ? 1 : -1);
    const sc = Math.max(Math.abs(p), bcmax);
    let z = (p / sc) * p + (bcmax / sc) * bcmis;
    if (z >= 4 * EPS) {
      // Real eigenvalues: triangularise.
      const root = Math.sqrt(sc) * Math.sqrt(z);
      z = p + (p >= 0 ? root : -root);
      a = d + z;
      d = d - (bcmax / z) * bcmis;
      const tau = Math.hypot(c, z);
      cs = z / tau, sn = c / tau;
      b = b - c, c = 0;
    } else {
      // Complex or nearly equal real eigenvalues: equalise the diagonal.
      const sigma = b + c;
      const tau = Math.hypot(sigma, temp);
      cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
      sn = -(p / (tau * cs)) * (sigma >= 0 ? 1 : -1);
      const aa = a * cs + b * sn, bb = -a * sn + b * cs;
      const cc = c * cs + d * sn, dd = -c * sn + d * cs;
      a = aa * cs + cc * sn, b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs, d = -bb * sn + dd * cs;
      const mid = 0.5 * (a + d);
      a = mid, d = mid;
      if (c !== 0) {
        if (b !== 0) {
          if ((b >= 0) === (c >= 0)) {
            // Real after all: triangularise.
            const sab = Math.sqrt(Math.abs(b)), sac = Math.sqrt(Math.abs(c));
            p = c >= 0 ? sab * sac : -sab * sac;
            const t = 1 / Math.sqrt(Math.abs(b + c));
            a = mid + p, d = mid - p;
            b = b - c, c = 0;
            const cs1 = sab * t, sn1 = sac * t;
            const x = cs * cs1 - sn * sn1;
            sn = cs * sn1 + sn * cs1, cs = x;
          }
        } else {
          b = -c, c = 0;
          const x = cs;
          cs = -sn, sn = x;
        }
      }
    }
  }
  const r = LANV2;
  r[0] = a, r[1] = b, r[2] = c, r[3] = d, r[4] = cs, r[5] = sn;
  r[6] = a, r[8] = d;
  if (c === 0) r[7] = 0, r[9] = 0;
  else {
    r[7] = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
    r[9] = -r[7];
  }
  return r;
}

/** Index k in (l, i] of a negligible subdiagonal entry H(k, k−1), or l if none. */
function splitPointReal(
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
    const sub = Math.abs(h[(k - 1) * n + k]);
    if (sub <= smlnum) break;
    const hkk = h[k * n + k], hpp = h[(k - 1) * n + k - 1];
    let tst = Math.abs(hpp) + Math.abs(hkk);
    if (tst === 0) {
      if (k - 2 >= ilo) tst += Math.abs(h[(k - 2) * n + k - 1]);
      if (k + 1 <= ihi) tst += Math.abs(h[k * n + k + 1]);
    }
    if (sub <= ULP * tst) {
      // Ahues & Tisseur's conservative test.
      const sup = Math.abs(h[k * n + k - 1]);
      const ab = Math.max(sub, sup), ba = Math.min(sub, sup);
      const aa = Math.max(Math.abs(hkk), Math.abs(hpp - hkk));
      const bb = Math.min(Math.abs(hkk), Math.abs(hpp - hkk));
      const s = aa + ab;
      if (ba * (ab / s) <= Math.max(smlnum, ULP * (bb * (aa / s)))) break;
    }
  }
  return k;
}

/** Shifts of {@link doubleShifts}: rt1r, rt1i, rt2r, rt2i; bulge vector of {@link bulgeStart}. */
const SHIFTS = new Float64Array(4);
const BULGE = new Float64Array(3);

/** The two shifts of a double step: eigenvalues of [h11 h12; h21 h22] (LAPACK `lahqr`). */
function doubleShifts(h11: number, h12: number, h21: number, h22: number): Float64Array {
  const r = SHIFTS;
  const s = Math.abs(h11) + Math.abs(h12) + Math.abs(h21) + Math.abs(h22);
  r.fill(0);
  if (s === 0) return r;
  h11 /= s, h21 /= s, h12 /= s, h22 /= s;
  const tr = 0.5 * (h11 + h22);
  const det = (h11 - tr) * (h22 - tr) - h12 * h21;
  const rtdisc = Math.sqrt(Math.abs(det));
  if (det >= 0) {
    r[0] = tr * s, r[2] = r[0], r[1] = rtdisc * s, r[3] = -r[1];
  } else {
    // Two real shifts: use the one closer to h22 twice.
    const a = tr + rtdisc, b = tr - rtdisc;
    r[0] = r[2] = (Math.abs(a - h22) <= Math.abs(b - h22) ? a : b) * s;
  }
  return r;
}

/**
 * Row m ≥ l where the double-shift sweep on rows ..i starts: the first m (going up from i−2)
 * at which the bulge would leave H(m, m−1) negligible. The sweep's first column goes to
 * {@link BULGE}.
 */
function bulgeStart(n: number, h: Float64Array, l: number, i: number, sh: Float64Array): number {
  const rt1r = sh[0], rt1i = sh[1], rt2r = sh[2], rt2i = sh[3];
  let m = i - 2;
  for (; m >= l; m--) {
    const hmm = h[m * n + m], h21 = h[m * n + m + 1];
    let s = Math.abs(hmm - rt2r) + Math.abs(rt2i) + Math.abs(h21);
    const h21s = h21 / s;
    let v0 = h21s * h[(m + 1) * n + m] + (hmm - rt1r) * ((hmm - rt2r) / s) - rt1i * (rt2i / s);
    let v1 = h21s * (hmm + h[(m + 1) * n + m + 1] - rt1r - rt2r);
    let v2 = h21s * h[(m + 1) * n + m + 2];
    s = Math.abs(v0) + Math.abs(v1) + Math.abs(v2);
    v0 /= s, v1 /= s, v2 /= s;
    BULGE[0] = v0, BULGE[1] = v1, BULGE[2] = v2;
    if (m === l) break;
    const h00 = Math.abs(h[(m - 1) * n + m]) * (Math.abs(v1) + Math.abs(v2));
    const h01 = Math.abs(v0) *
      (Math.abs(h[(m - 1) * n + m - 1]) + Math.abs(hmm) + Math.abs(h[(m + 1) * n + m + 1]));
    if (h00 <= ULP * h01) break;
  }
  return m;
}

/** Applies I − t·u·uᵀ, u = (1, u1, u2) (u2 unused when nr = 2), to rows k.. of columns j0..j1. */
function reflectRows(
  h: Float64Array,
  n: number,
  k: number,
  nr: number,
  j0: number,
  j1: number,
  u1: number,
  u2: number,
  t: number,
): void {
  const t2 = t * u1, t3 = t * u2;
  if (nr === 3) {
    for (let j = j0; j <= j1; j++) {
      const p = j * n + k;
      const sum = h[p] + u1 * h[p + 1] + u2 * h[p + 2];
      h[p] -= sum * t, h[p + 1] -= sum * t2, h[p + 2] -= sum * t3;
    }
  } else {
    for (let j = j0; j <= j1; j++) {
      const p = j * n + k;
      const sum = h[p] + u1 * h[p + 1];
      h[p] -= sum * t, h[p + 1] -= sum * t2;
    }
  }
}

/** Applies I − t·u·uᵀ from the right to columns k.. of rows r0..r1 (see {@link reflectRows}). */
function reflectCols(
  h: Float64Array,
  n: number,
  k: number,
  nr: number,
  r0: number,
  r1: number,
  u1: number,
  u2: number,
  t: number,
): void {
  const t2 = t * u1, t3 = t * u2;
  const c0 = k * n, c1 = c0 + n, c2 = c1 + n;
  if (nr === 3) {
    for (let j = r0; j <= r1; j++) {
      const sum = h[c0 + j] + u1 * h[c1 + j] + u2 * h[c2 + j];
      h[c0 + j] -= sum * t, h[c1 + j] -= sum * t2, h[c2 + j] -= sum * t3;
    }
  } else {
    for (let j = r0; j <= r1; j++) {
      const sum = h[c0 + j] + u1 * h[c1 + j];
      h[c0 + j] -= sum * t, h[c1 + j] -= sum * t2;
    }
  }
}

/** Plane rotation (cs, sn) of rows r, r+1 over columns j0..j1: x' = cs·x + sn·y, y' = cs·y − sn·x. */
function rotateRows(
  h: Float64Array,
  n: number,
  r: number,
  j0: number,
  j1: number,
  cs: number,
  sn: number,
): void {
  for (let j = j0; j <= j1; j++) {
    const p = j * n + r;
    const x = h[p], y = h[p + 1];
    h[p] = cs * x + sn * y;
    h[p + 1] = cs * y - sn * x;
  }
}

/** Plane rotation (cs, sn) of columns c, c+1 over rows r0..r1 (see {@link rotateRows}). */
function rotateCols(
  h: Float64Array,
  n: number,
  c: number,
  r0: number,
  r1: number,
  cs: number,
  sn: number,
): void {
  const p = c * n, q = p + n;
  for (let j = r0; j <= r1; j++) {
    const x = h[p + j], y = h[q + j];
    h[p + j] = cs * x + sn * y;
    h[q + j] = cs * y - sn * x;
  }
}

/**
 * One Francis double-shift sweep: chase the bulge started at row m (first column in
 * {@link BULGE}) down to row i with 3-element reflectors, updating columns/rows i1..i2 of H
 * and rows ilo..ihi of the Schur vectors `z`.
 */
function francisSweep(
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
  let v0 = BULGE[0], v1 = BULGE[1], v2 = BULGE[2];
  for (let k = m; k <= i - 1; k++) {
    const nr = Math.min(3, i - k + 1);
    if (k > m) {
      v0 = h[(k - 1) * n + k];
      v1 = h[(k - 1) * n + k + 1];
      v2 = nr === 3 ? h[(k - 1) * n + k + 2] : 0;
    }
    const xn = nr === 3 ? Math.hypot(v1, v2) : Math.abs(v1);
    let t = 0, beta = v0;
    if (xn !== 0) {
      const nrm = Math.hypot(v0, xn);
      beta = v0 >= 0 ? -nrm : nrm;
      t = (beta - v0) / beta;
      const sc = 1 / (v0 - beta);
      v1 *= sc, v2 *= sc;
    }
    if (k > m) {
      h[(k - 1) * n + k] = beta;
      h[(k - 1) * n + k + 1] = 0;
      if (k < i - 1) h[(k - 1) * n + k + 2] = 0;
    } else if (m > l) {
      // The reflector's effect on H(k, k−1); robust when v1, v2 underflow.
      h[(k - 1) * n + k] *= 1 - t;
    }
    if (t === 0) continue;
    reflectRows(h, n, k, nr, k, i2, v1, v2, t);
    reflectCols(h, n, k, nr, i1, Math.min(k + 3, i), v1, v2, t);
    if (z !== null) reflectCols(z, n, k, nr, ilo, ihi, v1, v2, t);
  }
}

/**
 * Francis double-shift QR on the Hessenberg `h` (active rows/columns ilo..ihi), following the
 * structure of LAPACK `lahqr`: deflation by the Ahues–Tisseur criterion, exceptional shifts
 * every {@link KEXSH} iterations, bulge started at two consecutive small subdiagonals when
 * possible. With `wantT` the full Schur form T is produced and the Schur vectors accumulated
 * into `z`; eigenvalues go to (wr, wi). Returns 0 or the 1-based index of failure.
 */
function schurReal(
  n: number,
  h: Float64Array,
  ilo: number,
  ihi: number,
  wr: Float64Array,
  wi: Float64Array,
  wantT: boolean,
  z: Float64Array | null,
): number {
  for (let i = 0; i < ilo; i++) wr[i] = h[i * n + i];
  for (let i = ihi + 1; i < n; i++) wr[i] = h[i * n + i];
  if (ilo === ihi) {
    wr[ilo] = h[ilo * n + ilo];
    return 0;
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
      l = splitPointReal(n, h, l, i, ilo, ihi, smlnum);
      if (l > ilo) h[(l - 1) * n + l] = 0;
      if (l >= i - 1) {
        converged = true;
        break;
      }
      kdefl++;
      if (!wantT) i1 = l, i2 = i;
      let sh: Float64Array;
      if (kdefl % (2 * KEXSH) === 0) {
        const s = Math.abs(h[(i - 1) * n + i]) + Math.abs(h[(i - 2) * n + i - 1]);
        const d = 0.75 * s + h[i * n + i];
        sh = doubleShifts(d, -0.4375 * s, s, d);
      } else if (kdefl % KEXSH === 0) {
        const s = Math.abs(h[l * n + l + 1]) + Math.abs(h[(l + 1) * n + l + 2]);
        const d = 0.75 * s + h[l * n + l];
        sh = doubleShifts(d, -0.4375 * s, s, d);
      } else {
        sh = doubleShifts(
          h[(i - 1) * n + i - 1],
          h[i * n + i - 1],
          h[(i - 1) * n + i],
          h[i * n + i],
        );
      }
      const m = bulgeStart(n, h, l, i, sh);
      francisSweep(n, h, z, l, m, i, i1, i2, ilo, ihi);
    }
    if (!converged) return i + 1;
    if (l === i) {
      wr[i] = h[i * n + i], wi[i] = 0;
    } else {
      // 2×2 block at rows/columns i−1, i: standardise and record its eigenvalues.
      const p = (i - 1) * n + i - 1, q = i * n + i - 1;
      const r = standardize2x2(h[p], h[q], h[p + 1], h[q + 1]);
      h[p] = r[0], h[q] = r[1], h[p + 1] = r[2], h[q + 1] = r[3];
      const cs = r[4], sn = r[5];
      wr[i - 1] = r[6], wi[i - 1] = r[7], wr[i] = r[8], wi[i] = r[9];
      if (wantT) {
        rotateRows(h, n, i - 1, i + 1, i2, cs, sn);
        rotateCols(h, n, i - 1, i1, i - 2, cs, sn);
      }
      if (z !== null) rotateCols(z, n, i - 1, ilo, ihi, cs, sn);
    }
    kdefl = 0;
    i = l - 1;
  }
  return 0;
}

/** Result slots of {@link cdiv}: re, im. */
const CDIV = new Float64Array(2);

/** (ar + i·ai)/(br + i·bi) by Smith's method (no overflow/underflow of |b|²). */
function cdiv(ar: number, ai: number, br: number, bi: number): Float64Array {
  if (Math.abs(br) >= Math.abs(bi)) {
    const r = bi / br, d = br + bi * r;
    CDIV[0] = (ar + ai * r) / d, CDIV[1] = (ai - ar * r) / d;
  } else {
    const r = br / bi, d = bi + br * r;
    CDIV[0] = (ar * r + ai) / d, CDIV[1] = (ai * r - ar) / d;
  }
  return CDIV;
}

/** Complete-pivoting solve of the complex 2×2 system M·x = r; tiny pivots become `smin`. */
const SOLVE2 = new Float64Array(4);
function solve2x2(
  m00r: number,
  m00i: number,
  m01r: number,
  m01i: number,
  m10r: number,
  m10i: number,
  m11r: number,
  m11i: number,
  r0r: number,
  r0i: number,
  r1r: number,
  r1i: number,
  smin: number,
): Float64Array {
  // Choose the pivot (largest |·|₁) and permute it to (0, 0).
  const a0 = Math.abs(m00r) + Math.abs(m00i), a1 = Math.abs(m01r) + Math.abs(m01i);
  const a2 = Math.abs(m10r) + Math.abs(m10i), a3 = Math.abs(m11r) + Math.abs(m11i);
  let swapRows = false, swapCols = false;
  const mx = Math.max(a0, a1, a2, a3);
  if (mx === a1) swapCols = true;
  else if (mx === a2) swapRows = true;
  else if (mx === a3) swapRows = true, swapCols = true;
  let t: number;
  if (swapRows) {
    t = m00r, m00r = m10r, m10r = t, t = m00i, m00i = m10i, m10i = t;
    t = m01r, m01r = m11r, m11r = t, t = m01i, m01i = m11i, m11i = t;
    t = r0r, r0r = r1r, r1r = t, t = r0i, r0i = r1i, r1i = t;
  }
  if (swapCols) {
    t = m00r, m00r = m01r, m01r = t, t = m00i, m00i = m01i, m01i = t;
    t = m10r, m10r = m11r, m11r = t, t = m10i, m10i = m11i, m11i = t;
  }
  if (mx < smin) m00r = smin, m00i = 0;
  let q = cdiv(m10r, m10i, m00r, m00i);
  const lr = q[0], li = q[1];
  let ur = m11r - (lr * m01r - li * m01i), ui = m11i - (lr * m01i + li * m01r);
  if (Math.abs(ur) + Math.abs(ui) < smin) ur = smin, ui = 0;
  const yr = r1r - (lr * r0r - li * r0i), yi = r1i - (lr * r0i + li * r0r);
  q = cdiv(yr, yi, ur, ui);
  const x1r = q[0], x1i = q[1];
  const sr = r0r - (m01r * x1r - m01i * x1i), si = r0i - (m01r * x1i + m01i * x1r);
  q = cdiv(sr, si, m00r, m00i);
  const x0r = q[0], x0i = q[1];
  const out = SOLVE2;
  if (swapCols) out[0] = x1r, out[1] = x1i, out[2] = x0r, out[3] = x0i;
  else out[0] = x0r, out[1] = x0i, out[2] = x1r, out[3] = x1i;
  return out;
}

/** Multiplies x[0..last] (and y[0..last] if given) by s. */
function scaleVec(x: Float64Array, y: Float64Array | null, last: number, s: number): void {
  for (let k = 0; k <= last; k++) x[k] *= s;
  if (y !== null) { for (let k = 0; k <= last; k++) y[k] *= s; }
}

/**
 * Right eigenvectors of the real quasi-triangular Schur form T (in `t`), back-transformed by
 * the Schur vectors `z` (LAPACK `trevc` with side "R", howmny "B"): column j of the result
 * for a real eigenvalue, columns (j, j+1) = (Re, Im) for the pair with positive imaginary
 * part first. Not normalised.
 */
function eigenvectorsReal(n: number, t: Float64Array, z: Float64Array): Float64Array {
  const v = new Float64Array(n * n);
  const xr = new Float64Array(n), xi = new Float64Array(n);
  const smlnum = SAFMIN * (n / ULP);
  let ki = n - 1;
  while (ki >= 0) {
    const pair = ki > 0 && t[(ki - 1) * n + ki] !== 0;
    if (!pair) {
      const wre = t[ki * n + ki];
      const smin = Math.max(ULP * Math.abs(wre), smlnum);
      xr[ki] = 1;
      for (let k = 0; k < ki; k++) xr[k] = -t[ki * n + k];
      let j = ki - 1;
      while (j >= 0) {
        if (j > 0 && t[(j - 1) * n + j] !== 0) {
          const p = (j - 1) * n + j - 1, q = j * n + j - 1;
          const r0 = xr[j - 1], r1 = xr[j];
          const q0 = Math.max(Math.abs(r0), Math.abs(r1)) || 1;
          const s = solve2x2(
            t[p] - wre,
            0,
            t[q],
            0,
            t[p + 1],
            0,
            t[q + 1] - wre,
            0,
            r0 / q0,
            0,
            r1 / q0,
            0,
            smin,
          );
          let y0 = s[0], y1 = s[2];
          const ym = Math.max(Math.abs(y0), Math.abs(y1));
          if (ym > GROW / q0) {
            scaleVec(xr, null, ki, 1 / ym / q0);
            y0 /= ym, y1 /= ym;
          } else y0 *= q0, y1 *= q0;
          xr[j - 1] = y0, xr[j] = y1;
          const c0 = (j - 1) * n, c1 = j * n;
          axpy(-y0, t, c0, xr, 0, j - 1);
          axpy(-y1, t, c1, xr, 0, j - 1);
          j -= 2;
        } else {
          let den = t[j * n + j] - wre;
          if (Math.abs(den) < smin) den = smin;
          const q0 = Math.abs(xr[j]) || 1;
          let y = xr[j] / q0 / den;
          const ym = Math.abs(y);
          if (ym > GROW / q0) {
            // Rescale the whole vector so that this component becomes ±1.
            scaleVec(xr, null, ki, 1 / ym / q0);
            y /= ym;
          } else y *= q0;
          xr[j] = y;
          const cj = j * n;
          axpy(-y, t, cj, xr, 0, j);
          j -= 1;
        }
      }
      // v[:, ki] = Z[:, 0..ki]·x
      const dst = ki * n;
      for (let k = 0; k <= ki; k++) {
        const f = xr[k];
        if (f === 0) continue;
        const ck = k * n;
        axpy(f, z, ck, v, dst, n);
      }
      ki -= 1;
      continue;
    }
    // Complex pair at (ki−1, ki): eigenvalue wre + i·wim with wim > 0.
    const k0 = ki - 1;
    const wre = t[ki * n + ki];
    const b = t[ki * n + k0], c = t[k0 * n + ki];
    const wim = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
    const smin = Math.max(ULP * (Math.abs(wre) + wim), smlnum);
    xr.fill(0, 0, ki + 1), xi.fill(0, 0, ki + 1);
    if (Math.abs(b) >= Math.abs(c)) xr[k0] = 1, xi[ki] = wim / b;
    else xr[k0] = -wim / c, xi[ki] = 1;
    for (let k = 0; k < k0; k++) {
      xr[k] = -xr[k0] * t[k0 * n + k];
      xi[k] = -xi[ki] * t[ki * n + k];
    }
    let j = k0 - 1;
    while (j >= 0) {
      if (j > 0 && t[(j - 1) * n + j] !== 0) {
        const p = (j - 1) * n + j - 1, q = j * n + j - 1;
        const q0 = Math.max(
          Math.abs(xr[j - 1]) + Math.abs(xi[j - 1]),
          Math.abs(xr[j]) + Math.abs(xi[j]),
        ) || 1;
        const s = solve2x2(
          t[p] - wre,
          -wim,
          t[q],
          0,
          t[p + 1],
          0,
          t[q + 1] - wre,
          -wim,
          xr[j - 1] / q0,
          xi[j - 1] / q0,
          xr[j] / q0,
          xi[j] / q0,
          smin,
        );
        let y0r = s[0], y0i = s[1], y1r = s[2], y1i = s[3];
        const ym = Math.max(Math.abs(y0r) + Math.abs(y0i), Math.abs(y1r) + Math.abs(y1i));
        if (ym > GROW / q0) {
          scaleVec(xr, xi, ki, 1 / ym / q0);
          y0r /= ym, y0i /= ym, y1r /= ym, y1i /= ym;
        } else y0r *= q0, y0i *= q0, y1r *= q0, y1i *= q0;
        xr[j - 1] = y0r, xi[j - 1] = y0i, xr[j] = y1r, xi[j] = y1i;
        const c0 = (j - 1) * n, c1 = j * n;
        axpy(-y0r, t, c0, xr, 0, j - 1);
        axpy(-y1r, t, c1, xr, 0, j - 1);
        axpy(-y0i, t, c0, xi, 0, j - 1);
        axpy(-y1i, t, c1, xi, 0, j - 1);
        j -= 2;
      } else {
        let dr = t[j * n + j] - wre, di = -wim;
        if (Math.abs(dr) + Math.abs(di) < smin) dr = smin, di = 0;
        const q0 = Math.abs(xr[j]) + Math.abs(xi[j]) || 1;
        const s = cdiv(xr[j] / q0, xi[j] / q0, dr, di);
        let yr = s[0], yi = s[1];
        const ym = Math.abs(yr) + Math.abs(yi);
        if (ym > GROW / q0) {
          scaleVec(xr, xi, ki, 1 / ym / q0);
          yr /= ym, yi /= ym;
        } else yr *= q0, yi *= q0;
        xr[j] = yr, xi[j] = yi;
        const cj = j * n;
        axpy(-yr, t, cj, xr, 0, j);
        axpy(-yi, t, cj, xi, 0, j);
        j -= 1;
      }
    }
    const dr = k0 * n, di = ki * n;
    for (let k = 0; k <= ki; k++) {
      const fr = xr[k], fi = xi[k];
      const ck = k * n;
      if (fr !== 0) axpy(fr, z, ck, v, dr, n);
      if (fi !== 0) axpy(fi, z, ck, v, di, n);
    }
    ki -= 2;
  }
  return v;
}

/**
 * `dgeev`'s normalisation: a real eigenvector gets Euclidean norm 1; a pair (Re, Im) gets
 * joint norm 1 and is rotated so that its component of largest magnitude is real.
 */
function normalizeReal(n: number, v: Float64Array, wi: Float64Array): void {
  for (let j = 0; j < n; j++) {
    const c = j * n;
    if (wi[j] === 0) {
      let s = 0;
      for (let r = 0; r < n; r++) s += v[c + r] * v[c + r];
      const f = 1 / Math.sqrt(s);
      for (let r = 0; r < n; r++) v[c + r] *= f;
      continue;
    }
    const d = c + n;
    let s = 0;
    for (let r = 0; r < n; r++) s += v[c + r] * v[c + r] + v[d + r] * v[d + r];
    const f = 1 / Math.sqrt(s);
    let big = -1, at = 0;
    for (let r = 0; r < n; r++) {
      v[c + r] *= f, v[d + r] *= f;
      const m = v[c + r] * v[c + r] + v[d + r] * v[d + r];
      if (m > big) big = m, at = r;
    }
    // Rotation (cs, sn) with cs ≥ 0 that makes component `at` real, keeping the sign of its
    // real part (LAPACK 3.10+ `lartg` conventions).
    const fr = v[c + at], gi = v[d + at];
    let cs = 1, sn = 0;
    if (gi !== 0) {
      if (fr === 0) cs = 0, sn = gi > 0 ? 1 : -1;
      else {
        const rr = Math.hypot(fr, gi);
        cs = Math.abs(fr) / rr;
        sn = gi / (fr > 0 ? rr : -rr);
      }
    }
    for (let r = 0; r < n; r++) {
      const x = v[c + r], y = v[d + r];
      v[c + r] = cs * x + sn * y;
      v[d + r] = cs * y - sn * x;
    }
    v[d + at] = 0;
    j++;
  }
}

// ---------------------------------------------------------------------------------------------
// Complex: Hessenberg reduction, single-shift QR, eigenvectors

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
function hessenbergComplex(n: number, h: Float64Array, ilo: number, ihi: number): Float64Array {
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
function hessenbergQComplex(
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
function schurComplex(
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
function eigenvectorsComplex(n: number, t: Float64Array, z: Float64Array): Float64Array {
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
function normalizeComplex(n: number, v: Float64Array): void {
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
