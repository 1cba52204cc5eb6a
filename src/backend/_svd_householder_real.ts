/**
 * Real Householder kernels of the TS backend's `gesdd` (column-major float64, leading
 * dimension = rows): bidiagonalization A = Q·B·Pᵀ, the QR factorization that precedes it for
 * tall matrices, and the formation and application of Q from the reflectors, four at a time
 * in compact WY form.
 *
 * @module
 */

import { columnViews } from "./_svd_columns.ts";

/** Outputs of the Householder generator: β, τ. */
const HH = new Float64Array(2);

/**
 * Real reflector H = I − τ·v·vᵀ with H·x = β·e₁ for x = a[off..off+len): v (v₀ = 1 implicit)
 * overwrites a[off+1..]; β and τ go to HH[0], HH[1].
 */
function houseReal(a: Float64Array, off: number, len: number): void {
  const alpha = a[off];
  let sig = 0;
  for (let i = off + 1, end = off + len; i < end; i++) sig += a[i] * a[i];
  if (sig === 0) {
    HH[0] = alpha, HH[1] = 0;
    return;
  }
  const nrm = Math.sqrt(alpha * alpha + sig);
  const beta = alpha >= 0 ? -nrm : nrm;
  HH[0] = beta, HH[1] = (beta - alpha) / beta;
  const sc = 1 / (alpha - beta);
  for (let i = off + 1, end = off + len; i < end; i++) a[i] *= sc;
}

/**
 * Bidiagonalizes the real m×n `a` (m ≥ n ≥ 1): a = Q·B·Pᵀ. Left reflector k is column k of `a`
 * from row k (a[k,k] set to 1), right reflector k is column k of `p` (n×n) from row k+1.
 * Each step makes two fused passes over the trailing matrix.
 */
export function bidiagReal(
  m: number,
  n: number,
  a: Float64Array,
  d: Float64Array,
  e: Float64Array,
  tauq: Float64Array,
  taup: Float64Array,
  p: Float64Array,
): void {
  const w = new Float64Array(n), y = new Float64Array(m);
  const col = columnViews(a, m, m, n);
  houseReal(a, 0, m);
  d[0] = HH[0], tauq[0] = HH[1], a[0] = 1;
  const c0 = col[0];
  for (let j = 1; j < n; j++) {
    const x = col[j];
    let s0 = 0;
    for (let i = 0; i < m; i++) s0 += c0[i] * x[i];
    w[j] = s0;
  }
  for (let k = 0; k < n - 1; k++) {
    const tq = tauq[k], pk = k * n, vk = col[k], i0 = k + 1;
    // Row k after the left reflector, then the right reflector that annihilates it.
    for (let j = k + 1; j < n; j++) p[pk + j] = col[j][k] - tq * w[j];
    houseReal(p, pk + k + 1, n - k - 1);
    e[k] = HH[0], taup[k] = HH[1], p[pk + k + 1] = 1;
    const tp = HH[1];
    // Pass 1: the left update of every trailing column, accumulating y = A·v_right.
    y.fill(0, i0, m);
    let j = k + 1;
    for (; j + 1 < n; j += 2) {
      const x0 = col[j], x1 = col[j + 1], f0 = tq * w[j], f1 = tq * w[j + 1];
      const v0 = p[pk + j], v1 = p[pk + j + 1];
      for (let i = i0; i < m; i++) {
        const u = vk[i], t0 = x0[i] - f0 * u, t1 = x1[i] - f1 * u;
        x0[i] = t0, x1[i] = t1;
        y[i] += v0 * t0 + v1 * t1;
      }
    }
    if (j < n) {
      const x0 = col[j], f0 = tq * w[j], v0 = p[pk + j];
      for (let i = i0; i < m; i++) {
        const t0 = x0[i] - f0 * vk[i];
        x0[i] = t0;
        y[i] += v0 * t0;
      }
    }
    // Pass 2: the right update; column k+1 first gives the next left reflector, whose dot
    // products with the other columns are formed on the way.
    const u1 = col[k + 1];
    for (let i = i0; i < m; i++) u1[i] -= tp * y[i];
    houseReal(a, (k + 1) * m + k + 1, m - k - 1);
    d[k + 1] = HH[0], tauq[k + 1] = HH[1], u1[k + 1] = 1;
    j = k + 2;
    for (; j + 1 < n; j += 2) {
      const x0 = col[j], x1 = col[j + 1], f0 = tp * p[pk + j], f1 = tp * p[pk + j + 1];
      let s0 = 0, s1 = 0;
      for (let i = i0; i < m; i++) {
        const yi = y[i], u = u1[i];
        const t0 = x0[i] - f0 * yi, t1 = x1[i] - f1 * yi;
        x0[i] = t0, x1[i] = t1;
        s0 += u * t0, s1 += u * t1;
      }
      w[j] = s0, w[j + 1] = s1;
    }
    if (j < n) {
      const x0 = col[j], f0 = tp * p[pk + j];
      let s0 = 0;
      for (let i = i0; i < m; i++) {
        const t0 = x0[i] - f0 * y[i];
        x0[i] = t0;
        s0 += u1[i] * t0;
      }
      w[j] = s0;
    }
  }
}

/**
 * Copies reflectors k0..k0+3 (those ≥ nr are zero with τ = 0) into the zero-padded rows×4
 * block `vb` and builds the 4×4 upper triangular T (row-major in `tm`) of the compact WY form
 * H_k0·…·H_k0+3 = I − V·T·Vᵀ. Reflector k is r[k·ldr + k + shift ..] with first entry 1.
 */
function blockReal(
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
  for (let t = 0; t < 4; t++) {
    const k = k0 + t;
    if (k >= nr) break;
    const st = k + shift, vo = k * ldr, bo = t * rows;
    vb[bo + st] = 1;
    for (let i = st + 1; i < rows; i++) vb[bo + i] = r[vo + i];
    const tk = tau[k];
    tm[5 * t] = tk;
    // T[0:t, t] = −τ·T[0:t, 0:t]·(V[:, 0:t]ᵀ·v_t)
    const z = [0, 0, 0];
    for (let l = 0; l < t; l++) {
      let dot = 0;
      for (let i = st; i < rows; i++) dot += vb[l * rows + i] * vb[bo + i];
      z[l] = dot;
    }
    for (let l = 0; l < t; l++) {
      let acc = 0;
      for (let q = l; q < t; q++) acc += tm[4 * l + q] * z[q];
      tm[4 * l + t] = -tk * acc;
    }
  }
}

/**
 * Q (rows × cols, leading dimension rows) ← H_0·H_1·…·H_{nr−1}·Q for real reflectors stored as
 * in {@link blockReal}; four reflectors share each pass over a column. With `fromIdentity`, Q
 * starts as the identity and columns that are still unit vectors are skipped.
 */
export function applyReflectorsReal(
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
  const vb = new Float64Array(4 * rows), tm = new Float64Array(16);
  const v0 = vb.subarray(0, rows), v1 = vb.subarray(rows, 2 * rows);
  const v2 = vb.subarray(2 * rows, 3 * rows), v3 = vb.subarray(3 * rows, 4 * rows);
  for (let k0 = (nr - 1) & ~3; k0 >= 0; k0 -= 4) {
    blockReal(rows, nr, r, ldr, shift, tau, k0, vb, tm);
    const r0 = k0 + shift;
    const t00 = tm[0], t01 = tm[1], t02 = tm[2], t03 = tm[3], t11 = tm[5], t12 = tm[6];
    const t13 = tm[7], t22 = tm[10], t23 = tm[11], t33 = tm[15];
    for (let j = fromIdentity ? r0 : 0; j < cols; j++) {
      const x = q.subarray(j * rows, (j + 1) * rows);
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let i = r0; i < rows; i++) {
        const xi = x[i];
        s0 += v0[i] * xi, s1 += v1[i] * xi, s2 += v2[i] * xi, s3 += v3[i] * xi;
      }
      const a0 = t00 * s0 + t01 * s1 + t02 * s2 + t03 * s3;
      const a1 = t11 * s1 + t12 * s2 + t13 * s3, a2 = t22 * s2 + t23 * s3, a3 = t33 * s3;
      for (let i = r0; i < rows; i++) x[i] -= v0[i] * a0 + v1[i] * a1 + v2[i] * a2 + v3[i] * a3;
    }
  }
}

/** Forms H_0·…·H_{nr−1}·[I] (rows×cols) from real reflectors (see {@link blockReal}). */
export function formQReal(
  rows: number,
  cols: number,
  nr: number,
  r: Float64Array,
  ldr: number,
  shift: number,
  tau: Float64Array,
): Float64Array {
  const q = new Float64Array(rows * cols);
  for (let j = 0; j < cols && j < rows; j++) q[j * rows + j] = 1;
  applyReflectorsReal(rows, cols, nr, r, ldr, shift, tau, q, true);
  return q;
}

/** Householder QR of the real m×n `a` (m ≥ n): reflectors below the diagonal, R above. */
export function qrReal(
  m: number,
  n: number,
  a: Float64Array,
  tau: Float64Array,
  rd: Float64Array,
): void {
  const col = columnViews(a, m, m, n);
  for (let k = 0; k < n; k++) {
    houseReal(a, k * m + k, m - k);
    const v = col[k], t = HH[1];
    rd[k] = HH[0], tau[k] = t, v[k] = 1;
    if (t === 0) continue;
    for (let j = k + 1; j < n; j++) {
      const x = col[j];
      let s0 = 0;
      for (let i = k; i < m; i++) s0 += v[i] * x[i];
      const c = t * s0;
      for (let i = k; i < m; i++) x[i] -= c * v[i];
    }
  }
}

/**
 * Columns n..m−1 of Q = H_0·…·H_{n−1} (from {@link qrReal}) into `u` (m×m), through the
 * compact WY form Q = I − Y·T·Yᵀ: column j is e_j − Y·(T·Y[j, :]ᵀ), with no dot products.
 */
export function qTailReal(
  m: number,
  n: number,
  a: Float64Array,
  tau: Float64Array,
  u: Float64Array,
): void {
  // Y without the R part above its unit diagonal, padded to a multiple of 4 columns.
  const nb = (n + 3) & ~3, y = new Float64Array(m * nb), t = new Float64Array(nb * nb);
  for (let l = 0; l < n; l++) {
    y[l * m + l] = 1;
    for (let i = l + 1; i < m; i++) y[l * m + i] = a[l * m + i];
  }
  const yc = columnViews(y, m, m, nb);
  for (let i = 0; i < n; i++) {
    // T[0:i, i] = −τ_i·T[0:i, 0:i]·(Y[:, 0:i]ᵀ·y_i)
    const yi = yc[i], w = new Float64Array(i);
    for (let l = 0; l < i; l++) {
      const yl = yc[l];
      let acc = 0;
      for (let r = i; r < m; r++) acc += yl[r] * yi[r];
      w[l] = acc;
    }
    for (let l = 0; l < i; l++) {
      let acc = 0;
      for (let q = l; q < i; q++) acc += t[q * nb + l] * w[q];
      t[i * nb + l] = -tau[i] * acc;
    }
    t[i * nb + i] = tau[i];
  }
  const z = new Float64Array(nb);
  for (let j = n; j < m; j++) {
    // z = T·Y[j, :]ᵀ
    for (let l = 0; l < n; l++) {
      let acc = 0;
      for (let q = l; q < n; q++) acc += t[q * nb + l] * y[q * m + j];
      z[l] = acc;
    }
    const x = u.subarray(j * m, (j + 1) * m);
    for (let l = 0; l < nb; l += 4) {
      const y0 = yc[l], y1 = yc[l + 1], y2 = yc[l + 2], y3 = yc[l + 3];
      const z0 = z[l], z1 = z[l + 1], z2 = z[l + 2], z3 = z[l + 3];
      for (let i = l; i < m; i++) x[i] -= z0 * y0[i] + z1 * y1[i] + z2 * y2[i] + z3 * y3[i];
    }
    x[j] += 1;
  }
}
