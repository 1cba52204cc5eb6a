/**
 * Internal: the starting point of the Tucker family (TensorLy's `initialize_tucker`) — leading
 * singular vectors of the unfoldings ("svd", with masked imputation and the NNDSVDA
 * non-negative variant), uniform random factors ("random"), or a given decomposition.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { matmul } from "../linalg/matmul.ts";
import { svd } from "../linalg/svd.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { TuckerTensor } from "./tucker_tensor.ts";
import { type RngLike, toRng } from "./random_tensors.ts";
import {
  asWork,
  checkModes,
  flat,
  type FloatDType,
  fromData,
  multiModeProduct,
  unfoldCopy,
} from "./_tucker_ops.ts";
import { leadingOfUnfolding, leadingSvd, nndsvda, type SvdMethod } from "./_tucker_svd.ts";

/** A starting decomposition: a Tucker tensor, or a core and the factors of the decomposed modes. */
export type TuckerInit =
  | "svd"
  | "random"
  | TuckerTensor
  | { core?: ArrayLike | null; factors: readonly ArrayLike[] };

/** What {@link initTucker} needs besides the tensor. */
export interface InitOpts {
  init: TuckerInit;
  svd: SvdMethod;
  rng: RngLike;
  /** 1 where values are known, 0 where missing (same shape as the tensor, work dtype). */
  mask: NDArray | null;
  svdMaskRepeats: number;
  nonNegative: boolean;
}

/** The starting core and factors (factors[i] belongs to modes[i]). */
export interface Start {
  core: NDArray;
  factors: NDArray[];
}

/** Checks an `init` option. */
export function checkInit(init: unknown, where: string): TuckerInit {
  if (init === undefined) return "svd";
  if (init === "svd" || init === "random") return init;
  if (init instanceof TuckerTensor) return init;
  if (
    typeof init === "object" && init !== null &&
    Array.isArray((init as { factors: unknown }).factors)
  ) return init as TuckerInit;
  throw new TypeError(
    `${where}: init must be "svd", "random", a TuckerTensor or { core, factors }, got ` +
      (typeof init === "string" ? JSON.stringify(init) : typeof init),
  );
}

/**
 * The modes of a `fixedModes`-like option `name` (default none), whose factors stay as `init`
 * gives them: `init` must then be a decomposition.
 */
export function checkFixedModes(
  v: unknown,
  ndim: number,
  init: TuckerInit,
  name: string,
  where: string,
): number[] {
  const fixed = checkModes(v ?? [], ndim, where, name);
  if (fixed.length > 0 && typeof init === "string") {
    throw new TypeError(
      `${where}: ${name} [${fixed.join(",")}] needs init to be a TuckerTensor or ` +
        `{ core, factors } holding the fixed factors, got init ${JSON.stringify(init)}`,
    );
  }
  return fixed;
}

/** The leading vectors of one unfolding, imputing masked entries from the running fit. */
function maskedLeading(
  m: NDArray,
  mask: NDArray,
  r: number,
  repeats: number,
): { U: NDArray; S: Float64Array } {
  let mat = m;
  const md = flat(mask);
  for (let rep = 0; rep < repeats; rep++) {
    const res = svd(mat, { fullMatrices: false });
    const k = res.S.shape[0];
    const us = res.U.mul(res.S.reshape([1, k]));
    const fit = flat(
      matmul(us.slice(null, `:${r}`), res.Vh.slice(`:${r}`, null)),
    );
    const src = flat(m);
    const out = new (src.constructor as Float64ArrayConstructor)(src.length);
    for (let i = 0; i < out.length; i++) out[i] = src[i] * md[i] + fit[i] * (1 - md[i]);
    mat = fromData(m.dtype as FloatDType, out, m.shape.slice());
  }
  return leadingSvd(mat, r, "truncated_svd");
}

/**
 * The starting decomposition of `x` for the decomposed `modes` with `ranks` (TensorLy's
 * `initialize_tucker`): the core is `x ×ₖ Fₖᵀ` for "svd", uniform in [0.01, 1.01) for
 * "random"; with `nonNegative`, absolute values of both (always fresh arrays).
 */
export function initTucker(
  x: NDArray,
  ranks: readonly number[],
  modes: readonly number[],
  o: InitOpts,
  where: string,
): Start {
  const dtype = x.dtype as FloatDType;
  const coreShape = x.shape.map((n, k) => modes.includes(k) ? ranks[modes.indexOf(k)] : n);
  let core: NDArray | null = null, factors: NDArray[];
  if (o.init === "svd") {
    let mean = 0;
    if (o.nonNegative) {
      const d = flat(x);
      for (let i = 0; i < d.length; i++) mean += d[i];
      mean /= d.length;
    }
    factors = modes.map((mode, i) => {
      const unf = o.mask || o.nonNegative ? unfoldCopy(x, mode) : null;
      const lead = o.mask
        ? maskedLeading(unf!, unfoldCopy(o.mask, mode), ranks[i], o.svdMaskRepeats)
        : leadingOfUnfolding(x, mode, ranks[i], o.svd);
      return o.nonNegative ? nndsvda(unf!, lead, mean) : lead.U;
    });
  } else if (o.init === "random") {
    const rng = toRng(o.rng, where);
    core = (rng.random(coreShape, { dtype }) as NDArray).add(0.01);
    factors = modes.map((mode, i) => rng.random([x.shape[mode], ranks[i]], { dtype }) as NDArray);
  } else {
    const given = o.init;
    if (given.factors.length !== modes.length) {
      throw new TypeError(
        `${where}: init has ${given.factors.length} factors, expected ${modes.length} (one per ` +
          `decomposed mode)`,
      );
    }
    factors = given.factors.map((f, i) => {
      const a = toArray(f, where);
      const want = [x.shape[modes[i]], ranks[i]];
      if (a.ndim !== 2 || a.shape[0] !== want[0] || a.shape[1] !== want[1]) {
        throw new TypeError(
          `${where}: init factor ${i} has shape ${fmtShape(a.shape)}, expected ${fmtShape(want)}`,
        );
      }
      return asWork(a, dtype);
    });
    if (given.core !== undefined && given.core !== null) {
      const c = toArray(given.core, where);
      if (c.ndim !== coreShape.length || c.shape.some((n, k) => n !== coreShape[k])) {
        throw new TypeError(
          `${where}: init core has shape ${fmtShape(c.shape)}, expected ${fmtShape(coreShape)}`,
        );
      }
      core = asWork(c, dtype);
    }
  }
  core ??= multiModeProduct(x, placed(factors, modes, x.ndim), true);
  if (o.nonNegative) {
    factors = factors.map((f) => absCopy(f));
    core = absCopy(core);
  }
  return { core, factors };
}

/** `factors` placed at their modes in an array of `ndim` entries (null elsewhere). */
export function placed(
  factors: readonly NDArray[],
  modes: readonly number[],
  ndim: number,
): (NDArray | null)[] {
  const out: (NDArray | null)[] = new Array(ndim).fill(null);
  modes.forEach((m, i) => out[m] = factors[i]);
  return out;
}

/** |a| as a fresh C-contiguous array. */
function absCopy(a: NDArray): NDArray {
  const src = flat(asWork(a, a.dtype as FloatDType));
  const out = new (src.constructor as Float64ArrayConstructor)(src.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.abs(src[i]);
  return fromData(a.dtype as FloatDType, out, a.shape.slice());
}
