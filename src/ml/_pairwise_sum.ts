/**
 * NumPy's pairwise summation (`pairwise_sum_DOUBLE` in loops_utils.h.src), used by `np.sum`,
 * `np.mean` and `np.var` along a contiguous axis: blocks of up to 128 values summed with eight
 * interleaved accumulators, larger runs split in halves (multiples of 8). Reproducing it keeps
 * the objective functions of PowerTransformer's optimizer bit-identical to SciPy's.
 *
 * @module
 */

const PW_BLOCKSIZE = 128;

/** Σ a[off + i·stride] for i < n, in NumPy's pairwise order. */
export function pairwiseSum(a: Float64Array, off: number, n: number, stride: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[off + i * stride];
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let r0 = a[off], r1 = a[off + stride], r2 = a[off + 2 * stride], r3 = a[off + 3 * stride];
    let r4 = a[off + 4 * stride], r5 = a[off + 5 * stride], r6 = a[off + 6 * stride];
    let r7 = a[off + 7 * stride];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const p = off + i * stride;
      r0 += a[p];
      r1 += a[p + stride];
      r2 += a[p + 2 * stride];
      r3 += a[p + 3 * stride];
      r4 += a[p + 4 * stride];
      r5 += a[p + 5 * stride];
      r6 += a[p + 6 * stride];
      r7 += a[p + 7 * stride];
    }
    let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) res += a[off + i * stride];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, off, n2, stride) + pairwiseSum(a, off + n2 * stride, n - n2, stride);
}

/** `np.sum(a)` of a contiguous float64 vector (the identity 0 first, as NumPy's reduce). */
export function npSum(a: Float64Array): number {
  return 0 + pairwiseSum(a, 0, a.length, 1);
}

/** `np.mean(a)`. */
export function npMean(a: Float64Array): number {
  return npSum(a) / a.length;
}

/** `np.var(a)` (ddof 0): the mean of the squared deviations from the mean. */
export function npVar(a: Float64Array, scratch: Float64Array = new Float64Array(a.length)): number {
  const n = a.length;
  const mean = npSum(a) / n;
  for (let i = 0; i < n; i++) {
    const d = a[i] - mean;
    scratch[i] = d * d;
  }
  return pairwiseSum(scratch, 0, n, 1) / n;
}
