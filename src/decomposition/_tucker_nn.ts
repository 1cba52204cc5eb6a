/**
 * Internal pieces shared by the non-negative Tucker decompositions: the contraction of two
 * tensors over every mode but one, the Tucker fit error from small products, TensorLy's
 * `tucker_normalize`, and the non-negative starting point.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { matmul } from "../linalg/matmul.ts";
import {
  flat,
  type FloatDType,
  fromData,
  innerAll,
  multiModeProduct,
  unfoldCopy,
} from "./_tucker_ops.ts";

/** `unfold(a, mode) · unfold(b, mode)ᵀ`: a and b contracted over every mode but `mode`. */
export function unfoldDot(a: NDArray, b: NDArray, mode: number): NDArray {
  return matmul(unfoldCopy(a, mode), unfoldCopy(b, mode).T);
}

/** FᵀF for every factor. */
export function grams(factors: readonly NDArray[]): NDArray[] {
  return factors.map((f) => matmul(f.T, f));
}

/**
 * The relative error ‖X − G ×ₖ Fₖ‖/‖X‖ from `xf = X ×ₖ Fₖᵀ` and the Grams FₖᵀFₖ:
 * ‖X‖² − 2⟨xf, G⟩ + ⟨G, G ×ₖ FₖᵀFₖ⟩, without forming the full tensor.
 */
export function fitError(
  normX2: number,
  xf: NDArray,
  core: NDArray,
  gramList: readonly NDArray[],
): number {
  const gg = multiModeProduct(core, gramList, false);
  const r2 = normX2 - 2 * innerAll(xf, core) + innerAll(core, gg);
  return normX2 > 0 ? Math.sqrt(Math.max(r2, 0) / normX2) : 0;
}

/**
 * TensorLy's `tucker_normalize`: unit-norm factor columns, their norms moved into the core
 * (zero columns stay zero). Returns fresh arrays.
 */
export function tuckerNormalize(
  core: NDArray,
  factors: readonly NDArray[],
): { core: NDArray; factors: NDArray[] } {
  const dtype = core.dtype as FloatDType;
  let g = core;
  const out = factors.map((f, k) => {
    const [rows, r] = f.shape;
    const src = flat(f);
    const scales = new Float64Array(r);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < r; j++) scales[j] += src[i * r + j] ** 2;
    }
    for (let j = 0; j < r; j++) scales[j] = Math.sqrt(scales[j]);
    const nf = new (src.constructor as Float64ArrayConstructor)(rows * r);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < r; j++) nf[i * r + j] = src[i * r + j] / (scales[j] || 1);
    }
    g = scaleMode(g, k, scales);
    return fromData(dtype, nf, [rows, r]);
  });
  return { core: g, factors: out };
}

/** `g` with slice j along `mode` multiplied by s[j] (a fresh C-contiguous array). */
function scaleMode(g: NDArray, mode: number, s: Float64Array): NDArray {
  const src = flat(g);
  const n = g.shape[mode];
  let q = 1;
  for (let k = mode + 1; k < g.ndim; k++) q *= g.shape[k];
  const out = new (src.constructor as Float64ArrayConstructor)(src.length);
  for (let i = 0; i < src.length; i++) out[i] = src[i] * s[Math.floor(i / q) % n];
  return fromData(g.dtype as FloatDType, out, g.shape.slice());
}
