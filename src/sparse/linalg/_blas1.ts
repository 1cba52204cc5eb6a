/**
 * Level-1 vector kernels on `Float64Array` work vectors, shared by the iterative solvers and
 * the Lanczos code of `nd.sparse.linalg`. Every loop is monomorphic on `Float64Array`.
 *
 * @module
 */

/** `Σ x[i]·y[i]` over the first `n` entries. */
export function dot(n: number, x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i] * y[i];
  return s;
}

/**
 * The Euclidean norm of the first `n` entries of `x`: `sqrt(x·x)` as NumPy's `norm` computes
 * it, with a scaled pass when the sum of squares overflows or underflows.
 */
export function nrm2(n: number, x: Float64Array): number {
  return normFromSquares(dot(n, x, x), n, x);
}

/** `nrm2(n, x)` given `ss = dot(n, x, x)` already summed in index order. */
export function normFromSquares(s: number, n: number, x: Float64Array): number {
  if (s < 1e300 && s > 1e-290) return Math.sqrt(s);
  if (s !== s) return NaN;
  if (s === 0 && !anyNonzero(n, x)) return 0;
  return scaledNrm2(n, x);
}

function scaledNrm2(n: number, x: Float64Array): number {
  let scale = 0, ssq = 1;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v !== 0) {
      const a = v < 0 ? -v : v;
      if (scale < a) {
        const r = scale / a;
        ssq = 1 + ssq * r * r;
        scale = a;
      } else {
        const r = a / scale;
        ssq += r * r;
      }
    } else if (v !== v) return NaN;
  }
  return scale * Math.sqrt(ssq);
}

/** `y += alpha·x` over the first `n` entries. */
export function axpy(n: number, alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < n; i++) y[i] += alpha * x[i];
}

/** True when some entry of the first `n` of `x` is non-zero (NumPy's `x.any()`). */
export function anyNonzero(n: number, x: Float64Array): boolean {
  for (let i = 0; i < n; i++) if (x[i] !== 0) return true;
  return false;
}
