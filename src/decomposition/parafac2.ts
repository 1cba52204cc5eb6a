/**
 * `parafac2` and `Parafac2`: the PARAFAC2 decomposition of a list of matrices by alternating
 * least squares (Kiers, ten Berge & Bro 1999), after TensorLy's `parafac2`.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { fmtShape } from "../core/shape.ts";
import { qr } from "../linalg/qr.ts";
import { concatenate } from "../ops/manipulation/concatenate.ts";
import { ones } from "../ops/creation.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { cpNormalize, CPTensor } from "./cp_tensor.ts";
import type { RngLike } from "./random_tensors.ts";
import { Parafac2Result, Parafac2Tensor, randomParafac2 } from "./parafac2_tensor.ts";
import {
  asWork,
  checkCount,
  checkNonNeg,
  checkRankLike,
  type FloatDType,
  sqNorm,
} from "./_tucker_ops.ts";
import { checkSvd, leadingSvd, type SvdMethod } from "./_tucker_svd.ts";
import {
  computeProjections,
  cpSweeps,
  type Factors,
  LineSearch,
  projectSlices,
  reconstructionError,
} from "./parafac2_als.ts";

/** Options of {@link parafac2} and {@link Parafac2}. */
export interface Parafac2Opts {
  /** The most outer iterations (default 2000). */
  nIterMax?: number;
  /**
   * The start: `"random"` (default: a random PARAFAC2 tensor from `rng`), `"svd"` (C from the
   * leading singular vectors of the slices side by side, A ones, B the identity), a
   * Parafac2Tensor, or a CPTensor [A, B, C] (B's QR gives the projections).
   */
  init?: "random" | "svd" | Parafac2Tensor | CPTensor;
  /** How the "svd" start computes singular vectors (default "symeig_svd"). */
  svd?: SvdMethod;
  /** Move the factors' column norms into the weights after each iteration (default false). */
  normalizeFactors?: boolean;
  /**
   * Stop when the squared relative error changes by less than `tol` times its previous value
   * (default 1e-8; 0 never stops early).
   */
  tol?: number;
  /** Stop when the squared relative error falls below this (default 1e-13). */
  absoluteTol?: number;
  /** The source of randomness for `init: "random"`. */
  rng?: RngLike;
  /** CP-ALS sweeps on the projected tensor per iteration (default 5). */
  nIterParafac?: number;
  /** Bro's line search, every other iteration after the sixth (default true). */
  linesearch?: boolean;
}

/** The slices as work matrices of one float dtype. */
function toSlices(slices: ArrayLike | readonly ArrayLike[], where: string): NDArray[] {
  let list: NDArray[];
  if (slices instanceof NDArray) {
    if (slices.ndim !== 3) {
      throw new TypeError(
        `${where}: expected a 3-D tensor or a list of matrices, got shape ${
          fmtShape(slices.shape)
        }`,
      );
    }
    list = Array.from({ length: slices.shape[0] }, (_, i) => slices.slice(i));
  } else if (Array.isArray(slices) && slices.length > 0) {
    list = slices.map((s) => toArray(s, where));
  } else {
    throw new TypeError(`${where}: expected a non-empty list of matrices or a 3-D tensor`);
  }
  const k = list[0].ndim === 2 ? list[0].shape[1] : -1;
  list.forEach((s, i) => {
    if (s.ndim !== 2 || s.shape[1] !== k || s.size === 0) {
      throw new TypeError(
        `${where}: slice ${i} has shape ${fmtShape(s.shape)}: every slice must be a non-empty ` +
          `matrix with ${k} columns like slice 0`,
      );
    }
    if (s.dtype === "complex64" || s.dtype === "complex128") {
      throw new TypeError(`${where}: complex slices are not supported, got dtype ${s.dtype}`);
    }
  });
  const dtype: FloatDType = list.every((s) => s.dtype === "float32") ? "float32" : "float64";
  return list.map((s) => asWork(s, dtype));
}

/** The starting decomposition (TensorLy's `initialize_decomposition`). */
function initialize(
  slices: NDArray[],
  rank: number,
  o: Parafac2Opts,
  method: SvdMethod,
  where: string,
): { weights: NDArray; factors: Factors; projections: NDArray[] } {
  const dtype = slices[0].dtype as FloatDType;
  const init = o.init ?? "random";
  if (init === "random") {
    const p = randomParafac2(slices.map((s) => s.shape), rank, {
      rng: o.rng,
      dtype,
    }) as Parafac2Tensor;
    return { weights: p.weights, factors: [...p.factors], projections: [...p.projections] };
  }
  if (init === "svd") {
    const c = leadingSvd(concatenate(slices, { axis: 0 }).T, rank, method).U;
    const factors: Factors = [ones([slices.length, rank], { dtype }), eyeOf(rank, dtype), c];
    return {
      weights: ones([rank], { dtype }),
      factors,
      projections: computeProjections(slices, factors),
    };
  }
  let p: Parafac2Tensor;
  if (init instanceof Parafac2Tensor) p = init;
  else if (init instanceof CPTensor) {
    const [a, b, c] = init.factors;
    if (init.factors.length !== 3) {
      throw new TypeError(`${where}: a CPTensor init needs 3 factors, got ${init.factors.length}`);
    }
    const { Q, R } = qr(b);
    p = new Parafac2Tensor(init.weights, [a, R, c], slices.map(() => Q));
  } else {
    throw new TypeError(
      `${where}: init must be "random", "svd", a Parafac2Tensor or a CPTensor, got ` +
        (typeof init === "string" ? JSON.stringify(init) : typeof init),
    );
  }
  const want = slices.map((s) => fmtShape(s.shape)).join(" ");
  const got = p.sliceShapes.map((s) => fmtShape(s)).join(" ");
  if (p.rank !== rank || want !== got) {
    throw new TypeError(
      `${where}: init has rank ${p.rank} and slice shapes ${got}, expected rank ${rank} and ${want}`,
    );
  }
  return {
    weights: asWork(p.weights, dtype),
    factors: p.factors.map((f) => asWork(f, dtype)) as Factors,
    projections: p.projections.map((q) => asWork(q, dtype)),
  };
}

function eyeOf(n: number, dtype: FloatDType): NDArray {
  const d = dtype === "float32" ? new Float32Array(n * n) : new Float64Array(n * n);
  for (let i = 0; i < n; i++) d[i * n + i] = 1;
  return new NDArray(dtype, d as never, [n, n]) as NDArray;
}

/**
 * PARAFAC2 by alternating least squares (TensorLy's `parafac2`): slices Xᵢ (Jᵢ × K, same K)
 * ≈ Pᵢ B · diag(w ∘ A[i]) · Cᵀ with orthonormal Pᵢ. Each iteration computes the projections
 * from the SVD of `B (A[i] ∘ C)ᵀ Xᵢᵀ`, projects the slices into an I × R × K tensor and runs
 * `nIterParafac` CP-ALS sweeps on it; Bro's line search extrapolates every other iteration.
 * Stops when the squared relative error changes by less than `tol` relatively or falls below
 * `absoluteTol`. `slices` is a list of matrices or a 3-D tensor (its first-mode slices);
 * `rank` ≤ K and ≤ every Jᵢ.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const truth = nd.decomposition.randomParafac2([[8, 6], [9, 6], [7, 6], [8, 6]], 2, { rng: 1 });
 * const slices = (truth as nd.decomposition.Parafac2Tensor).toSlices();
 * const fit = nd.decomposition.parafac2(slices, 2, { rng: 0 });
 * assert.ok(fit.errors.at(-1)! < 1e-4);
 * nd.testing.assertAllClose(fit.toSlices()[1], slices[1], { atol: 1e-3 });
 * ```
 */
export function parafac2(
  slices: ArrayLike | readonly ArrayLike[],
  rank: number,
  opts: Parafac2Opts = {},
): Parafac2Result {
  return parafac2Impl(slices, rank, opts, "parafac2");
}

function parafac2Impl(
  input: ArrayLike | readonly ArrayLike[],
  rank: number,
  o: Parafac2Opts,
  where: string,
): Parafac2Result {
  const slices = toSlices(input, where);
  const k = slices[0].shape[1], minRows = Math.min(...slices.map((s) => s.shape[0]));
  if (!Number.isInteger(rank) || rank < 1 || rank > k || rank > minRows) {
    throw new RangeError(
      `${where}: rank must be an integer from 1 to the number of columns (${k}) and of rows ` +
        `of every slice (${minRows}), got ${rank}`,
    );
  }
  const nIterMax = checkCount(o.nIterMax ?? 2000, "nIterMax", where, 0);
  const tol = checkNonNeg(o.tol ?? 1e-8, "tol", where);
  const absTol = o.absoluteTol ?? 1e-13;
  if (typeof absTol !== "number" || Number.isNaN(absTol)) {
    throw new RangeError(`${where}: absoluteTol must be a number, got ${String(absTol)}`);
  }
  const nIterParafac = checkCount(o.nIterParafac ?? 5, "nIterParafac", where, 1);
  const method = checkSvd(o.svd, where, "symeig_svd");
  let { weights, factors, projections } = initialize(slices, rank, o, method, where);
  const dtype = slices[0].dtype as FloatDType;
  const normX = Math.sqrt(slices.reduce((s, x) => s + sqNorm(x), 0));
  const search = o.linesearch ?? true ? new LineSearch(slices, normX) : null;
  const errors: number[] = [];
  let nIter = 0;
  for (let it = 0; it < nIterMax; it++) {
    nIter = it + 1;
    factors[1] = factors[1].mul(weights.reshape([1, -1]));
    weights = ones([rank], { dtype });
    const lineIter = search !== null && it % 2 === 0 && it > 5 && errors.length > 0;
    const last = factors;
    projections = computeProjections(slices, factors);
    const projected = projectSlices(slices, projections);
    factors = cpSweeps(projected, factors, nIterParafac);
    if (lineIter) {
      const step = search.step(it, last, factors, projections, errors[errors.length - 1]);
      ({ factors, projections } = step);
      errors[errors.length - 1] = step.error;
    }
    if (o.normalizeFactors) {
      const cp = cpNormalize(new CPTensor(weights, factors));
      weights = cp.weights;
      factors = [...cp.factors] as Factors;
    }
    if (!lineIter) {
      errors.push(reconstructionError(projected, weights, factors, normX) / normX);
    }
    if (tol > 0 && it >= 1) {
      const prev = errors[errors.length - 2] ** 2, cur = errors[errors.length - 1] ** 2;
      if (Math.abs(prev - cur) < tol * prev || cur < absTol) break;
    }
  }
  return new Parafac2Result(weights, factors, projections, errors, nIter);
}

/**
 * PARAFAC2 as an estimator (TensorLy's `Parafac2`): `fitTransform(slices)` runs
 * {@link parafac2}, keeps the result in `decomposition` and the error history in `errors`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const t = nd.decomposition.randomParafac2([[5, 4], [5, 4], [5, 4]], 2, { rng: 3, full: true });
 * const model = new nd.decomposition.Parafac2(2, { rng: 0, nIterMax: 50 });
 * const fit = model.fitTransform(t as nd.NDArray);
 * assert.equal(fit.rank, 2);
 * assert.ok(model.errors.length > 0);
 * ```
 */
export class Parafac2 {
  /** The rank given at construction. */
  readonly rank: number;
  /** The options given at construction. */
  readonly opts: Readonly<Parafac2Opts>;
  #last: Parafac2Result | null = null;

  /** A PARAFAC2 estimator of the given rank and options. */
  constructor(rank: number, opts: Parafac2Opts = {}) {
    this.rank = checkRankLike(rank, "Parafac2", false);
    this.opts = { ...opts };
  }

  /** Decomposes the slices (a list of matrices or a 3-D tensor), keeps and returns the result. */
  fitTransform(slices: ArrayLike | readonly ArrayLike[]): Parafac2Result {
    return (this.#last = parafac2Impl(slices, this.rank, this.opts, "Parafac2.fitTransform"));
  }

  /** The last decomposition (null before the first fit). */
  get decomposition(): Parafac2Result | null {
    return this.#last;
  }

  /** The last fit's relative errors (empty before the first fit). */
  get errors(): readonly number[] {
    return this.#last?.errors ?? [];
  }

  /** As TensorLy prints it. */
  toString(): string {
    return `Rank-${this.rank} PARAFAC2 decomposition via ALS.`;
  }
}
