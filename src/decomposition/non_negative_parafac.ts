/**
 * `nonNegativeParafac`: non-negative CP decomposition by multiplicative updates (TensorLy's
 * `non_negative_parafac`).
 *
 * @module
 */

import { finfo } from "../core/finfo.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { CPResult } from "./cp_result.ts";
import type { CPCommonOpts } from "./cp_options.ts";
import { CPSweeps, finish, setupCp } from "./_cp_common.ts";
import { hadamardInto, scaleByWeights } from "./_cp_small.ts";

/** Options of {@link nonNegativeParafac} (and of the {@link NonNegativeCP} class). */
export interface NonNegativeParafacOpts extends CPCommonOpts {
  /**
   * Observed entries (nonzero/true) of the tensor, same shape: the others are missing, never
   * read, and replaced by the current reconstruction before each factor update.
   */
  mask?: ArrayLike;
}

/**
 * Non-negative CP decomposition by multiplicative updates (Shashua & Hazan; TensorLy's
 * `non_negative_parafac`): each factor in turn becomes
 * `Fₖ ∘ max(mttkrpₖ, ε) / max(Fₖ · (∘_{l≠k} FₗᵀFₗ), ε)` (weights included, ε the dtype's
 * machine epsilon), which keeps it non-negative. The SVD start is NNDSVDA (non-negative parts
 * of the singular vectors, small entries set to the tensor's mean); a `"random"` start is
 * uniform in [0, 1). Default `tol` 1e-6 (TensorLy's `10e-7`). Returns a {@link CPResult}
 * with the relative error after each iteration.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.randomCp([6, 3, 12], 3, { rng: 1, full: true }) as nd.NDArray;
 * const cp = nd.decomposition.nonNegativeParafac(t, 3, { nIterMax: 300, rng: 0 });
 * assert.ok(cp.factors.every((f) => (nd.min(f).item() as number) >= 0));
 * assert.ok(cp.errors.at(-1)! < 0.07);
 * ```
 */
export function nonNegativeParafac(
  t: ArrayLike,
  rank: number,
  opts: NonNegativeParafacOpts = {},
): CPResult {
  const where = "nonNegativeParafac";
  const s = setupCp(
    t,
    rank,
    opts,
    { defaultTol: 1e-6, nonNegative: true, mask: opts?.mask },
    where,
  );
  const { work, modes, rank: r } = s;
  const sw = CPSweeps.start(s);
  if (sw === null) return finish(work, [], 0);
  const eps = finfo(work.dt).eps;
  const acc = new Float64Array(r * r), row = new Float64Array(r);
  for (let it = 0; it < s.nIterMax; it++) {
    for (const k of modes) {
      // Masked, the missing entries follow the model: the sweep's error left them fresh for
      // the first mode.
      if (s.masked && k !== modes[0]) s.masked.impute(work, true);
      hadamardInto(work.grams, k, acc);
      scaleByWeights(acc, work.weights);
      const mk = sw.mttkrp(k);
      const f = work.factors[k];
      for (let i = 0, o = 0; i < work.shape[k]; i++, o += r) {
        for (let c = 0; c < r; c++) {
          let d = 0;
          for (let e = 0; e < r; e++) d += f[o + e] * acc[e * r + c];
          row[c] = d;
        }
        for (let c = 0; c < r; c++) {
          f[o + c] = f[o + c] * Math.max(mk[o + c], eps) / Math.max(row[c], eps);
        }
      }
      sw.factorUpdated(k);
    }
    if (sw.endSweep(sw.sweepError())) break;
  }
  return sw.result();
}
