/**
 * The SVD of a real upper bidiagonal matrix by implicit-shift QR (internal to the TS backend's
 * `gesdd`), after Demmel and Kahan: the shift comes from the trailing 2×2; zero-shift sweeps
 * are used when the shift would spoil relative accuracy; each block is chased top-down or
 * bottom-up according to its grading; convergence is tested relatively. The rotations update
 * the U and V columns through `_svd_columns.ts`, for real and complex factors alike.
 *
 * @module
 */

import { rotBackward, rotForward, scaledColumns, swapColumns, unscale } from "./_svd_columns.ts";

/** LAPACK's relative machine precision for float64 (unit roundoff). */
const EPS = 2 ** -53;
/** The smallest normal float64. */
const UNFL = 2.2250738585072014e-308;

/** Outputs of a Givens generator: c, s, r. */
const GV = new Float64Array(3);

/** Givens rotation with c·f + s·g = r, −s·f + c·g = 0, c ≥ 0; writes c, s, r into GV. */
function givens(f: number, g: number): void {
  if (g === 0) {
    GV[0] = 1, GV[1] = 0, GV[2] = f;
    return;
  }
  if (f === 0) {
    GV[0] = 0, GV[1] = 1, GV[2] = g;
    return;
  }
  const q = f * f + g * g;
  let r = q > 1e-290 && q < 1e290 ? Math.sqrt(q) : Math.hypot(f, g);
  if (f < 0) r = -r;
  GV[0] = f / r, GV[1] = g / r, GV[2] = r;
}

/** The smaller singular value of the upper triangular [[f, g], [0, h]], without overflow. */
function minSingular2(f: number, g: number, h: number): number {
  const fa = Math.abs(f), ga = Math.abs(g), ha = Math.abs(h);
  const mn = Math.min(fa, ha), mx = Math.max(fa, ha);
  if (mn === 0) return 0;
  if (ga < mx) {
    const as = 1 + mn / mx, at = (mx - mn) / mx, au = (ga / mx) * (ga / mx);
    return mn * (2 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au)));
  }
  const au = mx / ga;
  if (au === 0) return (mn * mx) / ga;
  const as = 1 + mn / mx, at = (mx - mn) / mx;
  const c = 1 / (Math.sqrt(1 + (as * au) * (as * au)) + Math.sqrt(1 + (at * au) * (at * au)));
  return 2 * (mn * c) * au;
}

/**
 * SVD of the n×n upper bidiagonal B (diagonal `d`, superdiagonal `e`): B = Ub·diag(d)·Vbᵀ.
 * On exit `d` holds the singular values in descending order; U ← U·Ub and V ← V·Vb (first n
 * columns of each; column j at j·ld, `len` real entries, `len` = 2·rows for complex) unless
 * null. Returns 0, or the number of superdiagonals that did not converge.
 */
export function bidiagonalQr(
  n: number,
  d: Float64Array,
  e: Float64Array,
  u: Float64Array | null,
  ldu: number,
  lenU: number,
  v: Float64Array | null,
  ldv: number,
  lenV: number,
): number {
  if (n === 0) return 0;
  const tol = Math.max(10, Math.min(100, EPS ** -0.125)) * EPS;
  // Threshold for negligible superdiagonals, from an estimate of the smallest singular value.
  let mu = Math.abs(d[0]), sminoa = mu;
  for (let i = 1; i < n && sminoa !== 0; i++) {
    mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i - 1])));
    if (mu < sminoa) sminoa = mu;
  }
  const thresh = Math.max((tol * sminoa) / Math.sqrt(n), 6 * n * n * UNFL);
  // rot: left (U) cosines/sines, right (V) cosines/sines, one entry per pair index.
  const rot = new Float64Array(4 * n);
  const cu = 0, su = n, cv = 2 * n, sv = 3 * n;
  const maxIter = 6 * n * n;
  const uc = u ? scaledColumns(u, ldu, lenU, n) : null;
  const vc = v ? scaledColumns(v, ldv, lenV, n) : null;
  let iter = 0, hi = n - 1, oldLo = -1, oldHi = -1, dir = 0;
  let info = 0;
  outer: while (hi > 0) {
    if (iter > maxIter) {
      for (let i = 0; i < n - 1; i++) if (e[i] !== 0) info++;
      break;
    }
    // The unreduced block lo..hi at the bottom.
    let smax = Math.abs(d[hi]), lo = 0;
    for (let l = hi - 1; l >= 0; l--) {
      const ae = Math.abs(e[l]);
      if (ae <= thresh) {
        e[l] = 0;
        lo = l + 1;
        break;
      }
      smax = Math.max(smax, Math.abs(d[l]), ae);
    }
    if (lo === hi) {
      hi--;
      continue;
    }
    // A new block chooses its chasing direction: towards the smaller end.
    if (lo > oldHi || hi < oldLo) dir = Math.abs(d[lo]) >= Math.abs(d[hi]) ? 1 : 2;
    // Relative convergence tests (Demmel–Kahan), also estimating the smallest singular value.
    let sminl: number;
    if (dir === 1) {
      if (Math.abs(e[hi - 1]) <= tol * Math.abs(d[hi])) {
        e[hi - 1] = 0;
        continue;
      }
      mu = Math.abs(d[lo]);
      sminl = mu;
      for (let l = lo; l < hi; l++) {
        if (Math.abs(e[l]) <= tol * mu) {
          e[l] = 0;
          continue outer;
        }
        mu = Math.abs(d[l + 1]) * (mu / (mu + Math.abs(e[l])));
        if (mu < sminl) sminl = mu;
      }
    } else {
      if (Math.abs(e[lo]) <= tol * Math.abs(d[lo])) {
        e[lo] = 0;
        continue;
      }
      mu = Math.abs(d[hi]);
      sminl = mu;
      for (let l = hi - 1; l >= lo; l--) {
        if (Math.abs(e[l]) <= tol * mu) {
          e[l] = 0;
          continue outer;
        }
        mu = Math.abs(d[l]) * (mu / (mu + Math.abs(e[l])));
        if (mu < sminl) sminl = mu;
      }
    }
    oldLo = lo, oldHi = hi;
    // Shift: the smaller singular value of the 2×2 at the chased-towards end, or zero when it
    // is negligible against the block (then the zero-shift sweep keeps relative accuracy).
    let shift = 0;
    if (n * tol * (sminl / smax) > Math.max(EPS, 0.01 * tol)) {
      let sll: number;
      if (dir === 1) {
        sll = Math.abs(d[lo]);
        shift = minSingular2(d[hi - 1], e[hi - 1], d[hi]);
      } else {
        sll = Math.abs(d[hi]);
        shift = minSingular2(d[lo], e[lo], d[lo + 1]);
      }
      if (sll > 0 && (shift / sll) * (shift / sll) < EPS) shift = 0;
    }
    iter += hi - lo;
    if (dir === 1) {
      if (shift === 0) {
        let cs = 1, oldCs = 1, oldSn = 0;
        for (let i = lo; i < hi; i++) {
          givens(d[i] * cs, e[i]);
          cs = GV[0];
          const sn = GV[1], r = GV[2];
          if (i > lo) e[i - 1] = oldSn * r;
          givens(oldCs * r, d[i + 1] * sn);
          oldCs = GV[0], oldSn = GV[1], d[i] = GV[2];
          rot[cv + i] = cs, rot[sv + i] = sn, rot[cu + i] = oldCs, rot[su + i] = oldSn;
        }
        const h = d[hi] * cs;
        d[hi] = h * oldCs;
        e[hi - 1] = h * oldSn;
      } else {
        let f = (Math.abs(d[lo]) - shift) * ((d[lo] >= 0 ? 1 : -1) + shift / d[lo]);
        let g = e[lo];
        for (let i = lo; i < hi; i++) {
          givens(f, g);
          const cr = GV[0], sr = GV[1];
          if (i > lo) e[i - 1] = GV[2];
          f = cr * d[i] + sr * e[i];
          e[i] = cr * e[i] - sr * d[i];
          g = sr * d[i + 1];
          d[i + 1] = cr * d[i + 1];
          givens(f, g);
          const cl = GV[0], sl = GV[1];
          d[i] = GV[2];
          f = cl * e[i] + sl * d[i + 1];
          d[i + 1] = cl * d[i + 1] - sl * e[i];
          if (i < hi - 1) {
            g = sl * e[i + 1];
            e[i + 1] = cl * e[i + 1];
          }
          rot[cv + i] = cr, rot[sv + i] = sr, rot[cu + i] = cl, rot[su + i] = sl;
        }
        e[hi - 1] = f;
      }
      if (vc) rotForward(vc, lo, hi, rot, cv, sv);
      if (uc) rotForward(uc, lo, hi, rot, cu, su);
      if (Math.abs(e[hi - 1]) <= thresh) e[hi - 1] = 0;
    } else {
      // Bottom-up chase: the top-down sweep of the reversed transpose; left and right swap
      // roles and each rotation acts on the pair (j−1, j) with a negated sine.
      if (shift === 0) {
        let cs = 1, oldCs = 1, oldSn = 0;
        for (let j = hi; j > lo; j--) {
          givens(d[j] * cs, e[j - 1]);
          cs = GV[0];
          const sn = GV[1], r = GV[2];
          if (j < hi) e[j] = oldSn * r;
          givens(oldCs * r, d[j - 1] * sn);
          oldCs = GV[0], oldSn = GV[1], d[j] = GV[2];
          rot[cu + j - 1] = cs, rot[su + j - 1] = -sn;
          rot[cv + j - 1] = oldCs, rot[sv + j - 1] = -oldSn;
        }
        const h = d[lo] * cs;
        d[lo] = h * oldCs;
        e[lo] = h * oldSn;
      } else {
        let f = (Math.abs(d[hi]) - shift) * ((d[hi] >= 0 ? 1 : -1) + shift / d[hi]);
        let g = e[hi - 1];
        for (let j = hi; j > lo; j--) {
          givens(f, g);
          const cr = GV[0], sr = GV[1];
          if (j < hi) e[j] = GV[2];
          f = cr * d[j] + sr * e[j - 1];
          e[j - 1] = cr * e[j - 1] - sr * d[j];
          g = sr * d[j - 1];
          d[j - 1] = cr * d[j - 1];
          givens(f, g);
          const cl = GV[0], sl = GV[1];
          d[j] = GV[2];
          f = cl * e[j - 1] + sl * d[j - 1];
          d[j - 1] = cl * d[j - 1] - sl * e[j - 1];
          if (j > lo + 1) {
            g = sl * e[j - 2];
            e[j - 2] = cl * e[j - 2];
          }
          rot[cu + j - 1] = cr, rot[su + j - 1] = -sr;
          rot[cv + j - 1] = cl, rot[sv + j - 1] = -sl;
        }
        e[lo] = f;
      }
      if (vc) rotBackward(vc, lo, hi, rot, cv, sv);
      if (uc) rotBackward(uc, lo, hi, rot, cu, su);
      if (Math.abs(e[lo]) <= thresh) e[lo] = 0;
    }
  }
  if (uc) unscale(uc);
  if (vc) unscale(vc);
  // Non-negative values (the sign moves into V), then descending order.
  for (let i = 0; i < n; i++) {
    if (d[i] < 0) {
      d[i] = -d[i];
      if (v) { for (let r = i * ldv, end = r + lenV; r < end; r++) v[r] = -v[r]; }
    }
  }
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    for (let j = i + 1; j < n; j++) if (d[j] > d[k]) k = j;
    if (k === i) continue;
    const t = d[i];
    d[i] = d[k];
    d[k] = t;
    if (u) swapColumns(u, ldu, lenU, i, k);
    if (v) swapColumns(v, ldv, lenV, i, k);
  }
  return info;
}
