/**
 * Real Schur form for the general eigenvalue problem: Householder reduction to Hessenberg
 * form and Francis double-shift QR (LAPACK `gehrd`, `orghr`, `lahqr`, `lanv2`).
 *
 * @module
 */

import { EPS, KEXSH, SAFMIN, ULP } from "./_machine.ts";

/** Σ x[px + r]·y[py + r] for r < len (two accumulators). */
export function dot(x: Float64Array, px: number, y: Float64Array, py: number, len: number): number {
  let s0 = 0, s1 = 0, r = 0;
  for (; r + 1 < len; r += 2) {
    s0 += x[px + r] * y[py + r];
    s1 += x[px + r + 1] * y[py + r + 1];
  }
  if (r < len) s0 += x[px + r] * y[py + r];
  return s0 + s1;
}

/** y[py + r] += f·x[px + r] for r < len. */
export function axpy(
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
export function hessenbergReal(n: number, h: Float64Array, ilo: number, ihi: number): Float64Array {
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
export function hessenbergQReal(
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
export function schurReal(
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
