/**
 * The real block reflector of the TS backend's blocked QR: a panel of {@link NB} Householder
 * reflectors H(1)···H(nb) = I − V·T·Vᵀ is formed (LAPACK `dlarft`) and applied to the columns
 * right of it (`dlarfb`) with two {@link tsSubMul} products.
 *
 * @module
 */

import { tsSubMul } from "./_ts_submul.ts";

/** Panel width of the blocked real QR and Q formation. */
export const NB = 32;

/** Scratch and steps of a real block reflector I − V·T·Vᵀ (LAPACK `dlarft` and `dlarfb`). */
export class BlockWork {
  /** V with its unit diagonal and zeros above made explicit, column-major, ld = its rows. */
  v: Float64Array;
  /** The NB×NB upper triangular T, column-major. */
  t: Float64Array = new Float64Array(NB * NB);
  /** Vᵀ·C and then op(T)·Vᵀ·C, NB×cols, column-major. */
  w: Float64Array;

  /** Scratch for panels of up to {@link NB} reflectors of m rows, applied to up to n columns. */
  constructor(m: number, n: number) {
    this.v = new Float64Array(m * NB);
    this.w = new Float64Array(NB * n);
  }

  /** Copies the `jb` reflectors at `a[off]` (`mv` rows) into V and builds T from `tau[t0..]`. */
  form(
    mv: number,
    jb: number,
    a: Float64Array,
    off: number,
    lda: number,
    tau: Float64Array,
    t0: number,
  ): void {
    const v = this.v, t = this.t;
    for (let j = 0; j < jb; j++) {
      const c = j * mv, src = off + j * lda;
      v.fill(0, c, c + j);
      v[c + j] = 1;
      for (let r = j + 1; r < mv; r++) v[c + r] = a[src + r];
    }
    for (let i = 0; i < jb; i++) {
      const ti = tau[t0 + i], ci = i * NB, vi = i * mv;
      t.fill(0, ci, ci + NB);
      if (ti === 0) continue;
      for (let j = 0; j < i; j++) { // T[j, i] = −tau_i·V[:, j]ᵀ·v_i
        let s = 0;
        for (let r = i, vj = j * mv; r < mv; r++) s += v[vj + r] * v[vi + r];
        t[ci + j] = -ti * s;
      }
      for (let j = 0; j < i; j++) { // T[0:i, i] = T[0:i, 0:i]·T[0:i, i], top row first
        let s = 0;
        for (let p = j; p < i; p++) s += t[p * NB + j] * t[ci + p];
        t[ci + j] = s;
      }
      t[ci + i] = ti;
    }
  }

  /**
   * C := (I − V·op(T)·Vᵀ)·C for the mv×cols C at `a[off]`, with op(T) = Tᵀ when `transT`
   * (applying Hᵀ, for `geqrf`) and T otherwise (applying H, for `orgqr`).
   */
  apply(
    mv: number,
    cols: number,
    jb: number,
    a: Float64Array,
    off: number,
    lda: number,
    transT: boolean,
  ): void {
    if (cols <= 0) return;
    const v = this.v, t = this.t, w = this.w;
    w.fill(0, 0, jb * cols);
    tsSubMul(jb, cols, mv, v, 0, mv, 1, a, off, 1, lda, w, 0, jb, false); // W = −Vᵀ·C
    for (let c = 0; c < cols * jb; c += jb) { // W := −op(T)·W
      if (transT) {
        for (let i = jb - 1; i >= 0; i--) {
          let s = 0;
          for (let p = 0; p <= i; p++) s += t[i * NB + p] * w[c + p];
          w[c + i] = -s;
        }
      } else {
        for (let i = 0; i < jb; i++) {
          let s = 0;
          for (let p = i; p < jb; p++) s += t[p * NB + i] * w[c + p];
          w[c + i] = -s;
        }
      }
    }
    tsSubMul(mv, cols, jb, v, 0, 1, mv, w, 0, 1, jb, a, off, lda, false); // C −= V·W
  }
}
