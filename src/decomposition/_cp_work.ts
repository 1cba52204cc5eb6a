/**
 * The buffers and MTTKRPs of the CP solvers (CP-ALS, multiplicative updates, HALS).
 *
 * The modes are split in two groups, `[0, h)` and `[h, N)`, with `h` chosen so that the two
 * groups' sizes `P_L = I_0⋯I_{h-1}` and `P_R = I_h⋯I_{N-1}` are balanced. The tensor, seen as
 * the P_L × P_R matrix `T` (no copy: its C order), gives two partial products, each one gemm
 * over the whole tensor:
 *
 * - `W_L = T · khatriRao(F_h, …, F_{N-1})` (P_L × R), from which the MTTKRP of every mode of
 *   the first group follows by contracting with that group's other factors;
 * - `W_R = Tᵀ · khatriRao(F_0, …, F_{h-1})` (P_R × R), the same for the second group.
 *
 * A sweep over the modes in order reads the tensor twice instead of N times (a dimension
 * tree): `W_L` stays valid while only first-group factors change, and `W_R` while only
 * second-group ones do. Each partial product is recomputed lazily when a factor it depends
 * on, or the tensor itself (masked imputation), has changed. All buffers are allocated once.
 *
 * @module
 */

import type { FloatBuffer } from "../backend/types.ts";
import { getBackend } from "../backend/mod.ts";
import { tsBackend } from "../backend/ts.ts";
import { gramInto } from "./_cp_small.ts";

/** The float types the CP solvers compute in. */
export type CPDType = "float32" | "float64";

/** Products below this many multiply-adds run in TypeScript (as nd's matmul does). */
const SMALL_GEMM = 4096;

function gemm(
  dt: CPDType,
  ta: "N" | "T",
  tb: "N" | "T",
  m: number,
  n: number,
  k: number,
  a: FloatBuffer,
  oa: number,
  lda: number,
  b: FloatBuffer,
  ldb: number,
  c: FloatBuffer,
  ldc: number,
): void {
  const be = m * n * k < SMALL_GEMM ? tsBackend : getBackend();
  be.gemm(dt, ta, tb, m, n, k, 1, a, oa, lda, b, 0, ldb, 0, c, 0, ldc);
}

/** A new zeroed buffer of `n` entries of `dt`. */
export function alloc(dt: CPDType, n: number): FloatBuffer {
  return dt === "float32" ? new Float32Array(n) : new Float64Array(n);
}

/** The factors, weights and Gram matrices of a CP model, and the tensor it is fitted to. */
export class CPWork {
  /** The group boundary h. */
  readonly h: number;
  /** Sizes of the two groups. */
  readonly pL: number;
  readonly pR: number;
  /** One I_k × R row-major factor per mode, in the tensor's dtype. */
  readonly factors: FloatBuffer[];
  /** R weights. */
  readonly weights: Float64Array;
  /** `FₖᵀFₖ` per mode, kept up to date by {@link factorChanged}. */
  readonly grams: Float64Array[];
  /** The tensor being fitted (C order from `offset`): the input, or a masked working copy. */
  tensor: FloatBuffer;
  offset: number;
  private readonly krL: FloatBuffer;
  private readonly krR: FloatBuffer;
  private readonly wL: FloatBuffer;
  private readonly wR: FloatBuffer;
  private readonly kTmp: Float64Array;
  private validL = false;
  private validR = false;
  private krW: FloatBuffer | null = null;

  constructor(
    readonly dt: CPDType,
    readonly shape: readonly number[],
    readonly rank: number,
    tensor: FloatBuffer,
    offset: number,
    factors: FloatBuffer[],
    weights: Float64Array,
  ) {
    this.tensor = tensor;
    this.offset = offset;
    this.factors = factors;
    this.weights = weights;
    const n = shape.length, total = shape.reduce((a, b) => a * b, 1);
    let best = 1, bestCost = Infinity;
    for (let h = 1, pl = 1; h < n; h++) {
      pl *= shape[h - 1];
      const cost = Math.max(pl, total / pl);
      if (cost < bestCost) [best, bestCost] = [h, cost];
    }
    this.h = best;
    this.pL = shape.slice(0, best).reduce((a, b) => a * b, 1);
    this.pR = total / this.pL;
    const r = rank;
    this.krL = alloc(dt, best > 1 ? this.pL * r : 0);
    this.krR = alloc(dt, n - best > 1 ? this.pR * r : 0);
    this.wL = alloc(dt, this.pL * r);
    this.wR = alloc(dt, this.pR * r);
    const minMode = Math.max(Math.min(...shape), 1);
    this.kTmp = new Float64Array((Math.max(this.pL, this.pR) / minMode) * r + r);
    this.grams = shape.map((s, k) => {
      const g = new Float64Array(r * r);
      gramInto(factors[k], s, r, g);
      return g;
    });
  }

  /** Records that factor `k` changed in place: its Gram matrix and the partial products. */
  factorChanged(k: number): void {
    gramInto(this.factors[k], this.shape[k], this.rank, this.grams[k]);
    if (k < this.h) this.validR = false;
    else this.validL = false;
  }

  /** Records that the tensor's values changed (masked imputation). */
  tensorChanged(): void {
    this.validL = this.validR = false;
  }

  /** The Khatri–Rao product of factors [from, to) (the factor itself for one mode). */
  private kr(from: number, to: number, out: FloatBuffer): FloatBuffer {
    if (to - from === 1) return this.factors[from];
    khatriRaoInto(this.factors.slice(from, to), this.shape.slice(from, to), this.rank, out);
    return out;
  }

  private passLeft(): void {
    const { dt, pL, pR, rank: r, tensor, offset } = this;
    const kr = this.kr(this.h, this.shape.length, this.krR);
    gemm(dt, "N", "N", pL, r, pR, tensor, offset, pR, kr, r, this.wL, r);
    this.validL = true;
  }

  private passRight(): void {
    const { dt, pL, pR, rank: r, tensor, offset } = this;
    const kr = this.kr(0, this.h, this.krL);
    gemm(dt, "T", "N", pR, r, pL, tensor, offset, pR, kr, r, this.wR, r);
    this.validR = true;
  }

  /**
   * `out = unfold(tensor, k) · khatriRao(factors, {skip: k}) · diag(weights)` (I_k × R,
   * float64), TensorLy's `unfolding_dot_khatri_rao(tensor, (weights, factors), k)`.
   */
  mttkrp(k: number, out: Float64Array): void {
    const left = k < this.h;
    if (left && !this.validL) this.passLeft();
    if (!left && !this.validR) this.passRight();
    const [g0, g1, w] = left ? [0, this.h, this.wL] : [this.h, this.shape.length, this.wR];
    const r = this.rank, ik = this.shape[k], wt = this.weights;
    if (g1 - g0 === 1) {
      for (let i = 0, o = 0; i < ik; i++, o += r) {
        for (let c = 0; c < r; c++) out[o + c] = w[o + c] * wt[c];
      }
      return;
    }
    let pb = 1, pa = 1;
    for (let m = g0; m < k; m++) pb *= this.shape[m];
    for (let m = k + 1; m < g1; m++) pa *= this.shape[m];
    const others = this.factors.slice(g0, g1).filter((_, i) => i !== k - g0);
    let kt: FloatBuffer | Float64Array = others[0];
    if (others.length > 1) {
      khatriRaoInto(others, this.shape.slice(g0, g1).filter((_, i) => i !== k - g0), r, this.kTmp);
      kt = this.kTmp;
    }
    // M[i, c] = w_c · Σ_{b, a} W[b, i, a, c] · K[b, a, c]: one scalar sum per entry.
    const len = pa * r, wstride = ik * len;
    if (pa === 1) {
      // The last mode of its group: one strided sum over b per entry.
      for (let i = 0; i < ik; i++) {
        for (let c = 0; c < r; c++) {
          let sum = 0;
          for (let b = 0, wo = i * r + c, ko = c; b < pb; b++, wo += wstride, ko += r) {
            sum += w[wo] * kt[ko];
          }
          out[i * r + c] = sum * wt[c];
        }
      }
      return;
    }
    for (let i = 0; i < ik; i++) {
      for (let c = 0; c < r; c++) {
        let sum = 0;
        for (let b = 0, wo = i * len + c, ko = c; b < pb; b++, wo += wstride, ko += len) {
          for (let q = 0; q < len; q += r) sum += w[wo + q] * kt[ko + q];
        }
        out[i * r + c] = sum * wt[c];
      }
    }
  }

  /** The full tensor of the current model, written into `out` (C order). */
  reconstructInto(out: FloatBuffer): void {
    const r = this.rank, n = this.shape.length;
    const kl = this.kr(0, this.h, this.krL);
    this.krW ??= alloc(this.dt, this.pL * r);
    const kw = this.krW, wt = this.weights;
    for (let i = 0, o = 0; i < this.pL; i++, o += r) {
      for (let c = 0; c < r; c++) kw[o + c] = kl[o + c] * wt[c];
    }
    const kr = this.kr(this.h, n, this.krR);
    gemm(this.dt, "N", "T", this.pL, this.pR, r, kw, 0, r, kr, r, out, this.pR);
  }
}

/**
 * The Khatri–Rao product of `fs` (first varying slowest) into `out` (∏ rows × R), built in
 * place from the last rows backwards.
 */
export function khatriRaoInto(
  fs: readonly FloatBuffer[],
  rows: readonly number[],
  r: number,
  out: FloatBuffer | Float64Array,
): void {
  let n = rows[0], m = 1;
  const f0 = fs[0];
  if (fs.length > 1) {
    // The first two factors directly: out[(p, i), c] = F0[p, c] · F1[i, c].
    const f1 = fs[1], i1 = rows[1];
    for (let p = 0, o = 0; p < n; p++) {
      const po = p * r;
      for (let i = 0, io = 0; i < i1; i++, io += r, o += r) {
        for (let c = 0; c < r; c++) out[o + c] = f0[po + c] * f1[io + c];
      }
    }
    n *= i1;
    m = 2;
  } else for (let i = 0; i < n * r; i++) out[i] = f0[i];
  const tmp = new Float64Array(r);
  for (; m < fs.length; m++) {
    const f = fs[m], im = rows[m];
    for (let p = n - 1; p >= 0; p--) {
      for (let c = 0; c < r; c++) tmp[c] = out[p * r + c];
      for (let i = im - 1; i >= 0; i--) {
        const o = (p * im + i) * r, fo = i * r;
        for (let c = 0; c < r; c++) out[o + c] = tmp[c] * f[fo + c];
      }
    }
    n *= im;
  }
}
