/**
 * Balancing for the general eigenvalue problem (LAPACK `gebal`/`gebak`), shared by
 * the real and complex paths: entries are one or two slots wide.
 *
 * @module
 */

import { SAFMIN, ULP } from "./_machine.ts";

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
export function balance(
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
  /** Whether row `i` (column `i` with `col`) is zero off the diagonal over indices lo..hi. */
  const isolated = (i: number, lo: number, hi: number, col: boolean): boolean => {
    for (let t = lo; t <= hi; t++) {
      if (t !== i && (col ? nz(t, i) : nz(i, t))) return false;
    }
    return true;
  };
  scale.fill(1);
  let k = 0, l = n - 1;
  // Rows isolating an eigenvalue go to the bottom.
  let again = true;
  while (again && l > 0) {
    again = false;
    for (let i = l; i >= 0; i--) {
      if (!isolated(i, 0, l, false)) continue;
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
      if (!isolated(j, k, l, true)) continue;
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
export function undoBalance(
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

export function clearBelowSubdiagonal(n: number, h: Float64Array, st: number): void {
  for (let j = 0; j < n; j++) {
    for (let i = j + 2; i < n; i++) {
      h[st * (j * n + i)] = 0;
      if (st === 2) h[st * (j * n + i) + 1] = 0;
    }
  }
}
