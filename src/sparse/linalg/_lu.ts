/**
 * Sparse LU with partial pivoting by the left-looking Gilbert–Peierls algorithm: column k of
 * `L` and `U` comes from one sparse triangular solve with the columns already factored,
 * whose nonzero pattern is found first by a depth-first search in the graph of `L`
 * (so the work is proportional to the flops, not to n per column).
 *
 * Factors: `P·A·Q = L·U` with `L` unit lower triangular (diagonal stored first in each
 * column), `U` upper triangular (diagonal stored last), `P` the row permutation chosen by
 * pivoting (`pinv[i]` = position of row i) and `Q` a fill-reducing column order (`q[k]` =
 * the column of `A` factored k-th).
 *
 * @module
 */

import { LinAlgError } from "../../linalg/errors.ts";
import type { Csc } from "./_csc.ts";

/** The factors of {@link luFactor}. */
export interface LuFactors {
  n: number;
  lp: Int32Array;
  li: Int32Array;
  lx: Float64Array;
  up: Int32Array;
  ui: Int32Array;
  ux: Float64Array;
  pinv: Int32Array;
  q: Int32Array;
}

function grow<T extends Int32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as { new (n: number): T })(Math.max(need, 2 * a.length));
  b.set(a);
  return b;
}

/**
 * Factors the square `A` with column order `q`. A pivot candidate on the diagonal (row
 * `q[k]`) is kept when its magnitude is at least `thresh` times the largest candidate's
 * (SuperLU's `diag_pivot_thresh`; 1 = pure partial pivoting, 0 = always the diagonal when
 * non-zero). Throws a LinAlgError (naming `where`) when the matrix is exactly singular.
 */
export function luFactor(A: Csc, q: Int32Array, thresh: number, where: string): LuFactors {
  const n = A.n, Ap = A.p, Ai = A.i, Ax = A.x;
  const cap = 4 * Ap[n] + n;
  let li = new Int32Array(cap), lx = new Float64Array(cap);
  let ui = new Int32Array(cap), ux = new Float64Array(cap);
  const lp = new Int32Array(n + 1), up = new Int32Array(n + 1);
  const pinv = new Int32Array(n).fill(-1);
  const x = new Float64Array(n);
  const xi = new Int32Array(n), stack = new Int32Array(n), pstack = new Int32Array(n);
  const mark = new Int32Array(n);
  let lnz = 0, unz = 0;
  for (let k = 0; k < n; k++) {
    lp[k] = lnz;
    up[k] = unz;
    if (lnz + n > li.length) {
      li = grow(li, lnz + n);
      lx = grow(lx, lnz + n);
    }
    if (unz + n > ui.length) {
      ui = grow(ui, unz + n);
      ux = grow(ux, unz + n);
    }
    const col = q[k], stamp = k + 1;
    // Pattern of L⁻¹·A(:, col): the rows reachable from A's nonzeros, in topological order
    // in xi[top..n).
    let top = n;
    for (let p = Ap[col]; p < Ap[col + 1]; p++) {
      const start = Ai[p];
      if (mark[start] === stamp) continue;
      let head = 0;
      stack[0] = start;
      while (head >= 0) {
        const j = stack[head], jc = pinv[j];
        if (mark[j] !== stamp) {
          mark[j] = stamp;
          pstack[head] = jc < 0 ? 0 : lp[jc] + 1;
        }
        let done = true;
        const end = jc < 0 ? 0 : lp[jc + 1];
        for (let pp = pstack[head]; pp < end; pp++) {
          const i = li[pp];
          if (mark[i] === stamp) continue;
          pstack[head] = pp + 1;
          stack[++head] = i;
          done = false;
          break;
        }
        if (done) {
          head--;
          xi[--top] = j;
        }
      }
    }
    // Numeric solve L·x = A(:, col) over that pattern.
    for (let p = top; p < n; p++) x[xi[p]] = 0;
    for (let p = Ap[col]; p < Ap[col + 1]; p++) x[Ai[p]] = Ax[p];
    for (let px = top; px < n; px++) {
      const j = xi[px], jc = pinv[j];
      if (jc < 0) continue;
      const xj = x[j];
      if (xj === 0) continue;
      for (let p = lp[jc] + 1, end = lp[jc + 1]; p < end; p++) x[li[p]] -= lx[p] * xj;
    }
    // Pivot: the largest candidate among rows not yet pivotal; U gets the others.
    let ipiv = -1, amax = -1;
    for (let px = top; px < n; px++) {
      const i = xi[px];
      if (pinv[i] < 0) {
        const t = Math.abs(x[i]);
        if (t > amax) {
          amax = t;
          ipiv = i;
        }
      } else {
        ui[unz] = pinv[i];
        ux[unz++] = x[i];
      }
    }
    if (ipiv === -1 || !(amax > 0)) {
      throw new LinAlgError(`${where}: matrix is exactly singular`, 0, k + 1);
    }
    if (pinv[col] < 0 && mark[col] === stamp && Math.abs(x[col]) >= amax * thresh) {
      if (x[col] !== 0) ipiv = col;
    }
    const pivot = x[ipiv];
    ui[unz] = k;
    ux[unz++] = pivot;
    pinv[ipiv] = k;
    li[lnz] = ipiv;
    lx[lnz++] = 1;
    for (let px = top; px < n; px++) {
      const i = xi[px];
      if (pinv[i] < 0) {
        li[lnz] = i;
        lx[lnz++] = x[i] / pivot;
      }
      x[i] = 0;
    }
  }
  lp[n] = lnz;
  up[n] = unz;
  for (let p = 0; p < lnz; p++) li[p] = pinv[li[p]];
  return {
    n,
    lp,
    li: li.slice(0, lnz),
    lx: lx.slice(0, lnz),
    up,
    ui: ui.slice(0, unz),
    ux: ux.slice(0, unz),
    pinv,
    q,
  };
}

/**
 * Solves `A·x = b` (`trans` false) or `Aᵀ·x = b` (true) with the factors; `b` is read,
 * `out` written, `work` is scratch (all of length n; `out` may be `b`).
 */
export function luSolve(
  f: LuFactors,
  b: Float64Array,
  out: Float64Array,
  work: Float64Array,
  trans: boolean,
): void {
  const { n, lp, li, lx, up, ui, ux, pinv, q } = f;
  const x = work;
  if (!trans) {
    for (let i = 0; i < n; i++) x[pinv[i]] = b[i];
    for (let j = 0; j < n; j++) {
      const xj = x[j];
      if (xj === 0) continue;
      for (let p = lp[j] + 1, end = lp[j + 1]; p < end; p++) x[li[p]] -= lx[p] * xj;
    }
    for (let j = n - 1; j >= 0; j--) {
      const end = up[j + 1] - 1;
      const xj = x[j] / ux[end];
      x[j] = xj;
      if (xj === 0) continue;
      for (let p = up[j]; p < end; p++) x[ui[p]] -= ux[p] * xj;
    }
    for (let k = 0; k < n; k++) out[q[k]] = x[k];
    return;
  }
  for (let k = 0; k < n; k++) x[k] = b[q[k]];
  for (let j = 0; j < n; j++) {
    const end = up[j + 1] - 1;
    let s = x[j];
    for (let p = up[j]; p < end; p++) s -= ux[p] * x[ui[p]];
    x[j] = s / ux[end];
  }
  for (let j = n - 1; j >= 0; j--) {
    let s = x[j];
    for (let p = lp[j] + 1, end = lp[j + 1]; p < end; p++) s -= lx[p] * x[li[p]];
    x[j] = s;
  }
  for (let i = 0; i < n; i++) out[i] = x[pinv[i]];
}
