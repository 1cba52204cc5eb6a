/**
 * Internal: the higher-order orthogonal iteration (HOOI) behind `tucker` and `partialTucker`
 * (TensorLy's `partial_tucker` loop).
 *
 * One sweep updates the factors in mode order. Mode n needs `X ×ₘ Uₘᵀ` over every other
 * factored mode, with the factors of the earlier modes already updated; the running prefix
 * `Z = X ×₀ U₀ᵀ … ×ₙ₋₁ Uₙ₋₁ᵀ` is shared between the modes (it also ends as the new core), so
 * a sweep touches the full tensor twice instead of once per mode.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { matmul } from "../linalg/matmul.ts";
import type { HooiBaseOpts } from "./partial_tucker.ts";
import {
  asWork,
  checkCount,
  checkNonNeg,
  flat,
  type FloatDType,
  fromData,
  innerAll,
  modeProduct,
  multiModeProduct,
  sqNorm,
  sweepsConverged,
} from "./_tucker_ops.ts";
import { checkSvd, leadingOfUnfolding, type SvdMethod } from "./_tucker_svd.ts";
import { checkInit, type InitOpts, placed } from "./_tucker_init.ts";

/** The HOOI problem: factors[i] belongs to modes[i]; `update[i]` false keeps it as given. */
export interface HooiState {
  modes: readonly number[];
  ranks: readonly number[];
  factors: NDArray[];
  update: readonly boolean[];
  core: NDArray;
}

/** HOOI's options. */
export interface HooiOpts {
  nIterMax: number;
  tol: number;
  svd: SvdMethod;
  /** 1 where the tensor is known, 0 where missing (C-contiguous, work dtype), or null. */
  mask: NDArray | null;
}

/** The validated options of `tucker` and `partialTucker`: HOOI's and its starting point's. */
export interface HooiSetup extends HooiOpts, InitOpts {}

/** Checks the options shared by `tucker` and `partialTucker`. */
export function checkHooiOpts(x: NDArray, o: HooiBaseOpts, where: string): HooiSetup {
  const nIterMax = checkCount(o.nIterMax ?? 100, "nIterMax", where, 0);
  const tol = checkNonNeg(o.tol ?? 1e-4, "tol", where);
  const svd = checkSvd(o.svd, where, "symeig_svd");
  const init = checkInit(o.init, where);
  const svdMaskRepeats = checkCount(o.svdMaskRepeats ?? 5, "svdMaskRepeats", where, 0);
  let mask: NDArray | null = null;
  if (o.mask !== undefined && o.mask !== null) {
    const m = toArray(o.mask, where);
    if (m.ndim !== x.ndim || m.shape.some((n, k) => n !== x.shape[k])) {
      throw new TypeError(
        `${where}: mask has shape ${fmtShape(m.shape)}, the tensor has shape ${fmtShape(x.shape)}`,
      );
    }
    mask = asWork(m, x.dtype as FloatDType);
  }
  return { nIterMax, tol, svd, init, mask, svdMaskRepeats, rng: o.rng, nonNegative: false };
}

/** `x ×ₖ Fₖ` for the factored modes. */
export function reconstruct(
  core: NDArray,
  factors: readonly NDArray[],
  modes: readonly number[],
): NDArray {
  return multiModeProduct(core, placed(factors, modes, core.ndim), false);
}

/** `x·mask + fit·(1 − mask)` as a fresh C-contiguous array. */
export function impute(x: NDArray, fit: NDArray, mask: NDArray): NDArray {
  const a = flat(x), b = flat(fit), m = flat(mask);
  const out = new (a.constructor as Float64ArrayConstructor)(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] * m[i] + b[i] * (1 - m[i]);
  return fromData(x.dtype as FloatDType, out, x.shape.slice());
}

/**
 * ‖X − G ×ₖ Fₖ‖² where G = X ×ₖ Fₖᵀ (so ⟨X, G ×ₖ Fₖ⟩ = ‖G‖²), for factors that need not be
 * orthonormal: ‖X‖² − 2‖G‖² + ⟨G, G ×ₖ FₖᵀFₖ⟩.
 */
function projectedResidual(
  normX2: number,
  core: NDArray,
  factors: readonly NDArray[],
  modes: readonly number[],
): number {
  const grams = factors.map((f) => matmul(f.T, f));
  const gg = multiModeProduct(core, placed(grams, modes, core.ndim), false);
  return normX2 - 2 * sqNorm(core) + innerAll(core, gg);
}

/**
 * Runs HOOI on the C-contiguous work tensor `x` from `st` (modes in sweep order), updating
 * `st.factors` and `st.core` in place, and returns the relative errors, one per sweep:
 * `√|‖X‖² − ‖G‖²| / ‖X‖` as TensorLy (exact for orthonormal factors; with fixed factors the
 * residual is computed for factors of any scaling). Stops after sweep i > 1 when the error
 * changed by less than `tol`.
 */
export function hooi(x: NDArray, st: HooiState, o: HooiOpts): number[] {
  const normX2 = sqNorm(x), normX = Math.sqrt(normX2);
  const anyFixed = st.update.some((u) => !u);
  const errors: number[] = [];
  for (let it = 0; it < o.nIterMax; it++) {
    const tensor = o.mask ? impute(x, reconstruct(st.core, st.factors, st.modes), o.mask) : x;
    let z = tensor;
    for (let i = 0; i < st.modes.length; i++) {
      const mode = st.modes[i];
      if (st.update[i]) {
        const later: (NDArray | null)[] = new Array(x.ndim).fill(null);
        for (let j = i + 1; j < st.modes.length; j++) later[st.modes[j]] = st.factors[j];
        const y = multiModeProduct(z, later, true);
        st.factors[i] = leadingOfUnfolding(y, mode, st.ranks[i], o.svd).U;
      }
      z = modeProduct(z, st.factors[i], mode, true);
    }
    st.core = z;
    const res2 = anyFixed ? projectedResidual(normX2, z, st.factors, st.modes) : normX2 - sqNorm(z);
    errors.push(normX > 0 ? Math.sqrt(Math.abs(res2)) / normX : 0);
    if (sweepsConverged(errors, o.tol)) break;
  }
  return errors;
}
