/**
 * Cuppen's divide and conquer for the eigenvectors of a symmetric tridiagonal matrix, with
 * Gu–Eisenstat eigenvectors of the rank-one updates (LAPACK `stedc`).
 *
 * @module
 */

import { EPS } from "./_machine.ts";
import { tridiagonalQR } from "./_eigh_tridiagonal_qr.ts";

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
export function tridiagonalDC(n: number, d: Float64Array, e: Float64Array): [number, Float64Array] {
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
export function gemmDot(
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
