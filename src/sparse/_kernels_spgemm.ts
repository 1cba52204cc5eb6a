// Sparse × sparse (CSR × CSR → CSR), SciPy's Gustavson algorithm: a symbolic pass counts
// each output row's distinct columns with a dense marker array (skipped when the number of
// products is a small enough capacity), then a numeric pass accumulates the products in
// place, remembering where each column of the current row went.
// Output columns come in order of first appearance (unsorted, as SciPy's); sums that are
// exactly zero are dropped, as SciPy's csr_matmat does.

/** Output row pointers of A·B (A: m rows; B: `n` columns). Throws past the int32 range. */
export function spgemmSymbolic(
  m: number,
  n: number,
  ap: Int32Array,
  aj: Int32Array,
  bp: Int32Array,
  bj: Int32Array,
): Int32Array {
  const mask = new Int32Array(n).fill(-1);
  const cp = new Int32Array(m + 1);
  let nnz = 0;
  for (let i = 0; i < m; i++) {
    for (let k = ap[i], ke = ap[i + 1]; k < ke; k++) {
      const j = aj[k];
      for (let q = bp[j], qe = bp[j + 1]; q < qe; q++) {
        const c = bj[q];
        if (mask[c] !== i) {
          mask[c] = i;
          nnz++;
        }
      }
    }
    if (nnz > 0x7fffffff) {
      throw new RangeError(
        `matmul: the product has more than ${0x7fffffff} stored entries, past the int32 indices`,
      );
    }
    cp[i + 1] = nnz;
  }
  return cp;
}

/** The number of products A·B forms (an upper bound of its stored entries), in O(nnz(A)). */
export function spgemmUpperBound(
  m: number,
  ap: Int32Array,
  aj: Int32Array,
  bp: Int32Array,
): number {
  let total = 0;
  for (let k = 0, e = ap[m]; k < e; k++) total += bp[aj[k] + 1] - bp[aj[k]];
  return total;
}

/** Drops the zeros of row segment [start, w) in place; returns the new end. */
function dropZerosF64(cj: Int32Array, cx: Float64Array, start: number, w: number): number {
  let t = start;
  for (let q = start; q < w; q++) {
    if (cx[q] !== 0) {
      cj[t] = cj[q];
      cx[t++] = cx[q];
    }
  }
  return t;
}

/** The numeric pass, float64. Returns the number of entries written (zeros dropped). */
export function spgemmF64(
  m: number,
  n: number,
  ap: Int32Array,
  aj: Int32Array,
  ax: Float64Array,
  bp: Int32Array,
  bj: Int32Array,
  bx: Float64Array,
  cp: Int32Array,
  cj: Int32Array,
  cx: Float64Array,
): number {
  const pos = new Int32Array(n).fill(-1);
  let w = 0;
  for (let i = 0; i < m; i++) {
    const start = w;
    for (let k = ap[i], ke = ap[i + 1]; k < ke; k++) {
      const j = aj[k], v = ax[k];
      for (let q = bp[j], qe = bp[j + 1]; q < qe; q++) {
        const c = bj[q], p = pos[c];
        if (p < start) {
          pos[c] = w;
          cj[w] = c;
          cx[w++] = v * bx[q];
        } else cx[p] += v * bx[q];
      }
    }
    let zero = false;
    for (let q = start; q < w; q++) if (cx[q] === 0) zero = true;
    if (zero) {
      // compaction moves entries below positions `pos` still holds: forget this row's
      for (let q = start; q < w; q++) pos[cj[q]] = -1;
      w = dropZerosF64(cj, cx, start, w);
    }
    cp[i + 1] = w;
  }
  return w;
}

/** The numeric pass for any real dtype (`zero` is 0 or 0n). */
export function spgemmReal(
  m: number,
  n: number,
  ap: Int32Array,
  aj: Int32Array,
  // deno-lint-ignore no-explicit-any
  ax: any,
  bp: Int32Array,
  bj: Int32Array,
  // deno-lint-ignore no-explicit-any
  bx: any,
  cp: Int32Array,
  cj: Int32Array,
  // deno-lint-ignore no-explicit-any
  cx: any,
  zero: number | bigint,
): number {
  const pos = new Int32Array(n).fill(-1);
  // accumulate in JS values (double or bigint), store once per entry
  // deno-lint-ignore no-explicit-any
  const acc: any[] = new Array(n).fill(zero);
  const cols = new Int32Array(n);
  let w = 0;
  for (let i = 0; i < m; i++) {
    let len = 0;
    for (let k = ap[i], ke = ap[i + 1]; k < ke; k++) {
      const j = aj[k], v = ax[k];
      for (let q = bp[j], qe = bp[j + 1]; q < qe; q++) {
        const c = bj[q];
        if (pos[c] !== i) {
          pos[c] = i;
          cols[len++] = c;
          acc[c] = v * bx[q];
        } else acc[c] += v * bx[q];
      }
    }
    for (let t = 0; t < len; t++) {
      const c = cols[t];
      cx[w] = acc[c];
      if (cx[w] != 0) cj[w++] = c;
    }
    cp[i + 1] = w;
  }
  return w;
}

/** The numeric pass, complex (interleaved pairs). */
export function spgemmComplex(
  m: number,
  n: number,
  ap: Int32Array,
  aj: Int32Array,
  ax: Float64Array | Float32Array,
  bp: Int32Array,
  bj: Int32Array,
  bx: Float64Array | Float32Array,
  cp: Int32Array,
  cj: Int32Array,
  cx: Float64Array | Float32Array,
): number {
  const pos = new Int32Array(n).fill(-1);
  const re = new Float64Array(n), im = new Float64Array(n);
  const cols = new Int32Array(n);
  let w = 0;
  for (let i = 0; i < m; i++) {
    let len = 0;
    for (let k = ap[i], ke = ap[i + 1]; k < ke; k++) {
      const j = aj[k], ar = ax[2 * k], ai = ax[2 * k + 1];
      for (let q = bp[j], qe = bp[j + 1]; q < qe; q++) {
        const c = bj[q], br = bx[2 * q], bi = bx[2 * q + 1];
        if (pos[c] !== i) {
          pos[c] = i;
          cols[len++] = c;
          re[c] = 0;
          im[c] = 0;
        }
        re[c] += ar * br - ai * bi;
        im[c] += ar * bi + ai * br;
      }
    }
    for (let t = 0; t < len; t++) {
      const c = cols[t];
      cx[2 * w] = re[c];
      cx[2 * w + 1] = im[c];
      if (cx[2 * w] !== 0 || cx[2 * w + 1] !== 0) cj[w++] = c;
    }
    cp[i + 1] = w;
  }
  return w;
}
