/**
 * Missing values in the CP solvers (Tomasi & Bro): a working copy of the tensor whose missing
 * entries hold the current model's values, refreshed from the full reconstruction.
 *
 * @module
 */

import type { FloatBuffer } from "../backend/types.ts";
import { alloc, type CPWork } from "./_cp_work.ts";
import type { CPInput } from "./_cp_opts.ts";

/** The observed tensor, a working copy with imputed entries, and the reconstruction buffer. */
export class MaskedTensor {
  /** The working copy the solver fits (observed entries, imputed missing ones). */
  readonly data: FloatBuffer;
  private readonly rec: FloatBuffer;

  constructor(private readonly inp: CPInput, private readonly mask: Uint8Array) {
    const n = mask.length;
    this.data = alloc(inp.dt, n);
    this.rec = alloc(inp.dt, n);
    const src = inp.data, o = inp.offset;
    // Missing entries never enter the computation: they are zero until the first imputation.
    for (let i = 0; i < n; i++) this.data[i] = mask[i] ? src[o + i] : 0;
  }

  /**
   * Reconstructs the model of `work`, and returns the squared error over the observed entries
   * and the squared norm of the tensor imputed with it. With `write`, the missing entries of
   * the working copy take the reconstruction's values (and `work` is told).
   */
  impute(work: CPWork, write: boolean): { errSq: number; normSq: number } {
    work.reconstructInto(this.rec);
    const rec = this.rec, src = this.inp.data, o = this.inp.offset, m = this.mask;
    const d = this.data;
    let errSq = 0, normSq = 0;
    for (let i = 0; i < m.length; i++) {
      const r = rec[i];
      if (m[i]) {
        const x = src[o + i], e = x - r;
        errSq += e * e;
        normSq += x * x;
      } else {
        normSq += r * r;
        if (write) d[i] = r;
      }
    }
    if (write) work.tensorChanged();
    return { errSq, normSq };
  }
}

/** `Σ x²` over the tensor (float64 accumulation). */
export function sumSquares(data: FloatBuffer, offset: number, n: number): number {
  let s = 0;
  for (let i = offset; i < offset + n; i++) s += data[i] * data[i];
  return s;
}
