/**
 * NumPy's pairwise summation (`pairwise_sum_DOUBLE` in loops_utils.h.src), used by `np.sum`,
 * `np.mean` and `np.var` along a contiguous axis: blocks of up to 128 values summed with eight
 * interleaved accumulators, larger runs split in halves (multiples of 8). Reproducing it keeps
 * the objective functions of PowerTransformer's optimizer bit-identical to SciPy's. The `32`
 * variants add in float32 (`pairwise_sum_FLOAT`), for the sums NumPy takes of float32 data.
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

/**
 * Σ a[off + i] for i < n in NumPy's pairwise order with float32 arithmetic (`np.sum` of a
 * contiguous float32 vector; `a` holds float32 values): every addition rounded to float32.
 */
export function pairwiseSum32(a: Float64Array, off: number, n: number): number {
  const f = Math.fround;
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res = f(res + a[off + i]);
    return res;
  }
  if (n <= PW_BLOCKSIZE) {
    let r0 = a[off], r1 = a[off + 1], r2 = a[off + 2], r3 = a[off + 3];
    let r4 = a[off + 4], r5 = a[off + 5], r6 = a[off + 6], r7 = a[off + 7];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const p = off + i;
      r0 = f(r0 + a[p]);
      r1 = f(r1 + a[p + 1]);
      r2 = f(r2 + a[p + 2]);
      r3 = f(r3 + a[p + 3]);
      r4 = f(r4 + a[p + 4]);
      r5 = f(r5 + a[p + 5]);
      r6 = f(r6 + a[p + 6]);
      r7 = f(r7 + a[p + 7]);
    }
    let res = f(f(f(r0 + r1) + f(r2 + r3)) + f(f(r4 + r5) + f(r6 + r7)));
    for (; i < n; i++) res = f(res + a[off + i]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return f(pairwiseSum32(a, off, n2) + pairwiseSum32(a, off + n2, n - n2));
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

/** `np.mean(a)` of a contiguous float32 vector (float32 arithmetic; `a` holds float32 values). */
export function npMean32(a: Float64Array): number {
  return Math.fround(Math.fround(0 + pairwiseSum32(a, 0, a.length)) / a.length);
}

/** `np.var(a)` of a contiguous float32 vector, in float32 arithmetic as NumPy computes it. */
export function npVar32(a: Float64Array): number {
  const n = a.length, mean = npMean32(a);
  const sq = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = Math.fround(a[i] - mean);
    sq[i] = Math.fround(d * d);
  }
  return Math.fround(Math.fround(0 + pairwiseSum32(sq, 0, n)) / n);
}
