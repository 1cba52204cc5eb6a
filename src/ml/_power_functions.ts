/**
 * The Yeo-Johnson and Box-Cox transforms, their inverses and the negative log-likelihoods whose
 * minimum gives each feature's lambda, written as scikit-learn 1.2 and SciPy 1.10 write them
 * (same branches, same operation order, NumPy's pairwise sums), for PowerTransformer.
 *
 * @module
 */

import { npSum, npVar } from "./_pairwise_sum.ts";

const SPACING1 = 2.220446049250313e-16; // np.spacing(1.0)
const TINY = 2.2250738585072014e-308; // np.finfo(np.float64).tiny

/** Yeo-Johnson of one value (scikit-learn's `_yeo_johnson_transform`). */
export function yeoJohnson(x: number, l: number): number {
  if (x >= 0) {
    return Math.abs(l) < SPACING1 ? Math.log1p(x) : (Math.pow(x + 1, l) - 1) / l;
  }
  // NaN lands here too, as in scikit-learn's `~pos` branch, and stays NaN
  return Math.abs(l - 2) > SPACING1 ? -(Math.pow(-x + 1, 2 - l) - 1) / (2 - l) : -Math.log1p(-x);
}

/** The inverse Yeo-Johnson of one value. */
export function yeoJohnsonInverse(x: number, l: number): number {
  if (x >= 0) {
    return Math.abs(l) < SPACING1 ? Math.exp(x) - 1 : Math.pow(x * l + 1, 1 / l) - 1;
  }
  return Math.abs(l - 2) > SPACING1
    ? 1 - Math.pow(-(2 - l) * x + 1, 1 / (2 - l))
    : 1 - Math.exp(-x);
}

/** Box-Cox of one value (`scipy.special.boxcox`). */
export function boxCox(x: number, l: number): number {
  return Math.abs(l) < 1e-19 ? Math.log(x) : Math.expm1(l * Math.log(x)) / l;
}

/** The inverse Box-Cox of one value (scikit-learn's `_box_cox_inverse_tranform`). */
export function boxCoxInverse(x: number, l: number): number {
  return l === 0 ? Math.exp(x) : Math.pow(x * l + 1, 1 / l);
}

/**
 * The negative Yeo-Johnson log-likelihood of the non-NaN values `x` as a function of lambda
 * (`_yeo_johnson_optimize._neg_log_likelihood`).
 */
export function yeoJohnsonNll(x: Float64Array): (l: number) => number {
  const n = x.length;
  const t = new Float64Array(n), scratch = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = Math.sign(x[i]) * Math.log1p(Math.abs(x[i]));
  const signedLogSum = npSum(t);
  return (l: number): number => {
    for (let i = 0; i < n; i++) t[i] = yeoJohnson(x[i], l);
    const v = npVar(t, scratch);
    if (v < TINY) return Infinity;
    let loglike = -n / 2 * Math.log(v);
    loglike += (l - 1) * signedLogSum;
    return -loglike;
  };
}

/** `-scipy.stats.boxcox_llf(l, x)` for positive `x`. */
export function boxCoxNll(x: Float64Array): (l: number) => number {
  const n = x.length;
  const logx = x.map(Math.log);
  const logSum = npSum(logx);
  const t = new Float64Array(n), scratch = new Float64Array(n);
  return (l: number): number => {
    let v: number;
    if (l === 0) v = npVar(logx, scratch);
    else {
      for (let i = 0; i < n; i++) t[i] = Math.pow(x[i], l) / l;
      v = npVar(t, scratch);
    }
    return -((l - 1) * logSum - n / 2 * Math.log(v));
  };
}
