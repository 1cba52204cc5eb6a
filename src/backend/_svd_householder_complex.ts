/**
 * Complex Householder kernels of the TS backend's `gesdd` (interleaved re/im float64,
 * column-major, leading dimension = rows): the counterparts of `_svd_householder_real.ts`.
 * The reflectors are chosen so that every β is real, which makes the bidiagonal B real.
 *
 * @module
 */

import { columnViews } from "./_svd_columns.ts";

/** Outputs of a Householder generator: β, Re τ, Im τ. */
const HH = new Float64Array(3);

/**
 * Complex reflector H = I − τ·v·vᴴ with Hᴴ·x = β·e₁, β real, for the `len` complex entries of
 * x at a[off..] (off counts slots): v (v₀ = 1) overwrites x[1..]; β, Re τ, Im τ go to HH.
 */
function houseComplex(a: Float64Array, off: number, len: number): void {
  const ar = a[off], ai = a[off + 1];
  let sig = 0;
  for (let i = off + 2, end = off + 2 * len; i < end; i++) sig += a[i] * a[i];
  if (sig === 0 && ai === 0) {
    HH[0] = ar, HH[1] = 0, HH[2] = 0;
    return;
  }
  const nrm = Math.sqrt(ar * ar + ai * ai + sig);
  const beta = ar >= 0 ? -nrm : nrm;
  HH[0] = beta, HH[1] = (beta - ar) / beta, HH[2] = -ai / beta;
  // Scale by 1/(α − β).
  const dr = ar - beta, di = ai, q = 1 / (dr * dr + di * di), sr = dr * q, si = -di * q;
  for (let i = off + 2, end = off + 2 * len; i < end; i += 2) {
    const xr = a[i], xi = a[i + 1];
    a[i] = xr * sr - xi * si;
    a[i + 1] = xr * si + xi * sr;
  }
}

/** The complex counterpart of `bidiagReal`: a = Q·B·Pᴴ with B real. */
export function bidiagComplex(
  m: number,
  n: number,
  a: Float64Array,
  d: Float64Array,
  e: Float64Array,
  tauq: Float64Array,
  taup: Float64Array,
  p: Float64Array,
): void {
  const w = new Float64Array(2 * n), y = new Float64Array(2 * m);
  const m2 = 2 * m, n2 = 2 * n;
  const col = columnViews(a, m2, m2, n);
  houseComplex(a, 0, m);
  d[0] = HH[0], tauq[0] = HH[1], tauq[1] = HH[2], a[0] = 1, a[1] = 0;
  const c0 = col[0];
  for (let j = 1; j < n; j++) {
    const x = col[j];
    let sr = 0, si = 0;
    for (let i = 0; i < m2; i += 2) {
      const vr = c0[i], vi = c0[i + 1], xr = x[i], xi = x[i + 1];
      sr += vr * xr + vi * xi;
      si += vr * xi - vi * xr;
    }
    w[2 * j] = sr, w[2 * j + 1] = si;
  }
  for (let k = 0; k < n - 1; k++) {
    const pk = k * n2, vk = col[k], i0 = 2 * (k + 1);
    // conj(τq): the left update applies Hᴴ.
    const qr = tauq[2 * k], qi = -tauq[2 * k + 1];
    // Row k after the left update, conjugated: the right reflector works on conj(row).
    for (let j = k + 1; j < n; j++) {
      const wr = w[2 * j], wi = w[2 * j + 1], x = col[j];
      p[pk + 2 * j] = x[2 * k] - (qr * wr - qi * wi);
      p[pk + 2 * j + 1] = -(x[2 * k + 1] - (qr * wi + qi * wr));
    }
    houseComplex(p, pk + i0, n - k - 1);
    e[k] = HH[0], taup[2 * k] = HH[1], taup[2 * k + 1] = HH[2];
    p[pk + i0] = 1, p[pk + i0 + 1] = 0;
    const tr = HH[1], ti = HH[2];
    // Pass 1: left update, y = A·v_right.
    y.fill(0, i0, m2);
    for (let j = k + 1; j < n; j++) {
      const x = col[j], wr = w[2 * j], wi = w[2 * j + 1];
      const cr = qr * wr - qi * wi, ci = qr * wi + qi * wr;
      const vr = p[pk + 2 * j], vi = p[pk + 2 * j + 1];
      for (let i = i0; i < m2; i += 2) {
        const ur = vk[i], ui = vk[i + 1];
        const xr = x[i] - (cr * ur - ci * ui), xi = x[i + 1] - (cr * ui + ci * ur);
        x[i] = xr, x[i + 1] = xi;
        y[i] += xr * vr - xi * vi;
        y[i + 1] += xr * vi + xi * vr;
      }
    }
    // Pass 2: right update A ← A − τp·y·vᴴ; column k+1 first (v = 1 there).
    const u1 = col[k + 1];
    for (let i = i0; i < m2; i += 2) {
      const yr = y[i], yi = y[i + 1];
      u1[i] -= tr * yr - ti * yi;
      u1[i + 1] -= tr * yi + ti * yr;
    }
    houseComplex(a, (k + 1) * m2 + i0, m - k - 1);
    d[k + 1] = HH[0], tauq[2 * k + 2] = HH[1], tauq[2 * k + 3] = HH[2];
    u1[i0] = 1, u1[i0 + 1] = 0;
    for (let j = k + 2; j < n; j++) {
      const x = col[j], vr = p[pk + 2 * j], vi = -p[pk + 2 * j + 1];
      const cr = tr * vr - ti * vi, ci = tr * vi + ti * vr;
      let sr = 0, si = 0;
      for (let i = i0; i < m2; i += 2) {
        const yr = y[i], yi = y[i + 1];
        const xr = x[i] - (cr * yr - ci * yi), xi = x[i + 1] - (cr * yi + ci * yr);
        x[i] = xr, x[i + 1] = xi;
        const ur = u1[i], ui = u1[i + 1];
        sr += ur * xr + ui * xi;
        si += ur * xi - ui * xr;
      }
      w[2 * j] = sr, w[2 * j + 1] = si;
    }
  }
}

/**
 * The complex counterpart of `blockReal`: H_k0·…·H_k0+3 = I − V·T·Vᴴ with `tau`,
 * `vb` (rows×4 complex) and `tm` (4×4 complex, row-major) interleaved.
 */
function blockComplex(
  rows: number,
  nr: number,
  r: Float64Array,
  ldr: number,
  shift: number,
  tau: Float64Array,
  k0: number,
  vb: Float64Array,
  tm: Float64Array,
): void {
  vb.fill(0);
  tm.fill(0);
  const r2 = 2 * rows;
  for (let t = 0; t < 4; t++) {
    const k = k0 + t;
    if (k >= nr) break;
    const st = 2 * (k + shift), vo = 2 * k * ldr, bo = t * r2;
    vb[bo + st] = 1;
    for (let i = st + 2; i < r2; i++) vb[bo + i] = r[vo + i];
    const tr = tau[2 * k], ti = tau[2 * k + 1];
    tm[10 * t] = tr, tm[10 * t + 1] = ti;
    // z = V[:, 0:t]ᴴ·v_t; T[0:t, t] = −τ·T[0:t, 0:t]·z
    const z = [0, 0, 0, 0, 0, 0];
    for (let l = 0; l < t; l++) {
      let sr = 0, si = 0;
      for (let i = st; i < r2; i += 2) {
        const ar = vb[l * r2 + i], ai = vb[l * r2 + i + 1], br = vb[bo + i], bi = vb[bo + i + 1];
        sr += ar * br + ai * bi;
        si += ar * bi - ai * br;
      }
      z[2 * l] = sr, z[2 * l + 1] = si;
    }
    for (let l = 0; l < t; l++) {
      let accR = 0, accI = 0;
      for (let q = l; q < t; q++) {
        const xr = tm[2 * (4 * l + q)], xi = tm[2 * (4 * l + q) + 1];
        accR += xr * z[2 * q] - xi * z[2 * q + 1];
        accI += xr * z[2 * q + 1] + xi * z[2 * q];
      }
      tm[2 * (4 * l + t)] = -(tr * accR - ti * accI);
      tm[2 * (4 * l + t) + 1] = -(tr * accI + ti * accR);
    }
  }
}

/** The complex counterpart of `applyReflectorsReal`. */
export function applyReflectorsComplex(
  rows: number,
  cols: number,
  nr: number,
  r: Float64Array,
  ldr: number,
  shift: number,
  tau: Float64Array,
  q: Float64Array,
  fromIdentity: boolean,
): void {
  const r2 = 2 * rows;
  const vb = new Float64Array(4 * r2), tm = new Float64Array(32);
  const v0 = vb.subarray(0, r2), v1 = vb.subarray(r2, 2 * r2);
  const v2 = vb.subarray(2 * r2, 3 * r2), v3 = vb.subarray(3 * r2, 4 * r2);
  const sv = new Float64Array(8), av = new Float64Array(8);
  for (let k0 = (nr - 1) & ~3; k0 >= 0; k0 -= 4) {
    blockComplex(rows, nr, r, ldr, shift, tau, k0, vb, tm);
    const i0 = 2 * (k0 + shift);
    for (let j = fromIdentity ? k0 + shift : 0; j < cols; j++) {
      const x = q.subarray(j * r2, (j + 1) * r2);
      let s0r = 0, s0i = 0, s1r = 0, s1i = 0, s2r = 0, s2i = 0, s3r = 0, s3i = 0;
      for (let i = i0; i < r2; i += 2) {
        const xr = x[i], xi = x[i + 1];
        let vr = v0[i], vi = v0[i + 1];
        s0r += vr * xr + vi * xi, s0i += vr * xi - vi * xr;
        vr = v1[i], vi = v1[i + 1];
        s1r += vr * xr + vi * xi, s1i += vr * xi - vi * xr;
        vr = v2[i], vi = v2[i + 1];
        s2r += vr * xr + vi * xi, s2i += vr * xi - vi * xr;
        vr = v3[i], vi = v3[i + 1];
        s3r += vr * xr + vi * xi, s3i += vr * xi - vi * xr;
      }
      sv[0] = s0r, sv[1] = s0i, sv[2] = s1r, sv[3] = s1i;
      sv[4] = s2r, sv[5] = s2i, sv[6] = s3r, sv[7] = s3i;
      for (let l = 0; l < 4; l++) {
        let accR = 0, accI = 0;
        for (let c = l; c < 4; c++) {
          const tr = tm[2 * (4 * l + c)], ti = tm[2 * (4 * l + c) + 1];
          accR += tr * sv[2 * c] - ti * sv[2 * c + 1];
          accI += tr * sv[2 * c + 1] + ti * sv[2 * c];
        }
        av[2 * l] = accR, av[2 * l + 1] = accI;
      }
      const a0r = av[0], a0i = av[1], a1r = av[2], a1i = av[3];
      const a2r = av[4], a2i = av[5], a3r = av[6], a3i = av[7];
      for (let i = i0; i < r2; i += 2) {
        let vr = v0[i], vi = v0[i + 1];
        let dr = vr * a0r - vi * a0i, di = vr * a0i + vi * a0r;
        vr = v1[i], vi = v1[i + 1];
        dr += vr * a1r - vi * a1i, di += vr * a1i + vi * a1r;
        vr = v2[i], vi = v2[i + 1];
        dr += vr * a2r - vi * a2i, di += vr * a2i + vi * a2r;
        vr = v3[i], vi = v3[i + 1];
        dr += vr * a3r - vi * a3i, di += vr * a3i + vi * a3r;
        x[i] -= dr, x[i + 1] -= di;
      }
    }
  }
}

/** The complex counterpart of `formQReal` (H_k = I − τ_k·v·vᴴ). */
export function formQComplex(
  rows: number,
  cols: number,
  nr: number,
  r: Float64Array,
  ldr: number,
  shift: number,
  tau: Float64Array,
): Float64Array {
  const q = new Float64Array(2 * rows * cols);
  for (let j = 0; j < cols && j < rows; j++) q[2 * (j * rows + j)] = 1;
  applyReflectorsComplex(rows, cols, nr, r, ldr, shift, tau, q, true);
  return q;
}

/** Complex Householder QR (m ≥ n): a = Q·R with Q = H_0·…·H_{n−1}; R's diagonal in `rd`. */
export function qrComplex(
  m: number,
  n: number,
  a: Float64Array,
  tau: Float64Array,
  rd: Float64Array,
): void {
  const m2 = 2 * m, col = columnViews(a, m2, m2, n);
  for (let k = 0; k < n; k++) {
    houseComplex(a, k * m2 + 2 * k, m - k);
    const v = col[k], tr = HH[1], ti = -HH[2];
    rd[k] = HH[0], tau[2 * k] = HH[1], tau[2 * k + 1] = HH[2], v[2 * k] = 1, v[2 * k + 1] = 0;
    for (let j = k + 1; j < n; j++) {
      const x = col[j];
      let sr = 0, si = 0;
      for (let i = 2 * k; i < m2; i += 2) {
        const vr = v[i], vi = v[i + 1], xr = x[i], xi = x[i + 1];
        sr += vr * xr + vi * xi;
        si += vr * xi - vi * xr;
      }
      const cr = tr * sr - ti * si, ci = tr * si + ti * sr;
      for (let i = 2 * k; i < m2; i += 2) {
        const vr = v[i], vi = v[i + 1];
        x[i] -= cr * vr - ci * vi;
        x[i + 1] -= cr * vi + ci * vr;
      }
    }
  }
}

/** The complex counterpart of `qTailReal`: Q = I − Y·T·Yᴴ, column j = e_j − Y·T·conj(Y[j, :])ᵀ. */
export function qTailComplex(
  m: number,
  n: number,
  a: Float64Array,
  tau: Float64Array,
  u: Float64Array,
): void {
  const m2 = 2 * m, nb = (n + 3) & ~3;
  const y = new Float64Array(m2 * nb), t = new Float64Array(2 * nb * nb);
  for (let l = 0; l < n; l++) {
    y[l * m2 + 2 * l] = 1;
    for (let i = 2 * (l + 1); i < m2; i++) y[l * m2 + i] = a[l * m2 + i];
  }
  const yc = columnViews(y, m2, m2, nb);
  for (let i = 0; i < n; i++) {
    const yi = yc[i], w = new Float64Array(2 * i);
    for (let l = 0; l < i; l++) {
      const yl = yc[l];
      let sr = 0, si = 0;
      for (let r = 2 * i; r < m2; r += 2) {
        sr += yl[r] * yi[r] + yl[r + 1] * yi[r + 1];
        si += yl[r] * yi[r + 1] - yl[r + 1] * yi[r];
      }
      w[2 * l] = sr, w[2 * l + 1] = si;
    }
    const tr = tau[2 * i], ti = tau[2 * i + 1];
    for (let l = 0; l < i; l++) {
      let ar = 0, ai = 0;
      for (let q = l; q < i; q++) {
        const xr = t[2 * (q * nb + l)], xi = t[2 * (q * nb + l) + 1];
        ar += xr * w[2 * q] - xi * w[2 * q + 1];
        ai += xr * w[2 * q + 1] + xi * w[2 * q];
      }
      t[2 * (i * nb + l)] = -(tr * ar - ti * ai);
      t[2 * (i * nb + l) + 1] = -(tr * ai + ti * ar);
    }
    t[2 * (i * nb + i)] = tr, t[2 * (i * nb + i) + 1] = ti;
  }
  const z = new Float64Array(2 * nb);
  for (let j = n; j < m; j++) {
    for (let l = 0; l < n; l++) {
      let ar = 0, ai = 0;
      for (let q = l; q < n; q++) {
        const xr = t[2 * (q * nb + l)], xi = t[2 * (q * nb + l) + 1];
        const vr = y[q * m2 + 2 * j], vi = -y[q * m2 + 2 * j + 1];
        ar += xr * vr - xi * vi;
        ai += xr * vi + xi * vr;
      }
      z[2 * l] = ar, z[2 * l + 1] = ai;
    }
    const x = u.subarray(j * m2, (j + 1) * m2);
    for (let l = 0; l < nb; l += 2) {
      const y0 = yc[l], y1 = yc[l + 1];
      const z0r = z[2 * l], z0i = z[2 * l + 1], z1r = z[2 * l + 2], z1i = z[2 * l + 3];
      for (let i = 2 * l; i < m2; i += 2) {
        const ar = y0[i], ai = y0[i + 1], br = y1[i], bi = y1[i + 1];
        x[i] -= z0r * ar - z0i * ai + z1r * br - z1i * bi;
        x[i + 1] -= z0r * ai + z0i * ar + z1r * bi + z1i * br;
      }
    }
    x[2 * j] += 1;
  }
}
