/**
 * Right eigenvectors of a real quasi-triangular Schur factor by back substitution, and
 * LAPACK's normalisation (LAPACK `trevc`).
 *
 * @module
 */

import { GROW, SAFMIN, ULP } from "./_machine.ts";
import { axpy } from "./_eig_schur_real.ts";

/** Result slots of {@link cdiv}: re, im. */
const CDIV = new Float64Array(2);

/** (ar + i·ai)/(br + i·bi) by Smith's method (no overflow/underflow of |b|²). */
export function cdiv(ar: number, ai: number, br: number, bi: number): Float64Array {
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
export function eigenvectorsReal(n: number, t: Float64Array, z: Float64Array): Float64Array {
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
export function normalizeReal(n: number, v: Float64Array, wi: Float64Array): void {
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
