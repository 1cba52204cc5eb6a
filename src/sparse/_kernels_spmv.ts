// Sparse × dense kernels. "Row" kernels gather along CSR rows (y[i] = Σ a[i,j]·x[j]);
// "scatter" kernels run down CSC columns (y[row] += a·x[j]), which is also the product of a
// CSR matrix's transpose. Dense operands are C-contiguous with `k` columns (k = 1: a vector).
// float64 has its own monomorphic kernels (the benchmarked path); the real kernels take any
// typed array of one kind (numbers, or bigints for int64/uint64, with `zero` to match);
// complex ones work on interleaved (re, im) pairs.

/**
 * CSR × vector, float64. One accumulator and the entry index carried across rows measured
 * fastest on matrices with uneven rows (two or four accumulators, two rows at a time and a
 * flat loop over the nonzeros were 8–90% slower on a 100,000² matrix with Poisson rows).
 */
export function csrSpmvF64(
  m: number,
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
  x: Float64Array,
  y: Float64Array,
): void {
  let k = indptr[0];
  for (let i = 0; i < m; i++) {
    const e = indptr[i + 1];
    let s = 0;
    for (; k < e; k++) s += data[k] * x[indices[k] | 0];
    y[i] = s;
  }
}

type SpmmF64 = (
  m: number,
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
  x: Float64Array,
  y: Float64Array,
) => void;

const SPMM_CACHE = new Map<number, SpmmF64>();
/** Column counts up to this get a kernel generated with `k` as a constant. */
const SPMM_GEN_MAX = 32;

/**
 * Source of a CSR × dense kernel for exactly `k` columns: per row, blocks of 8 columns with 8
 * register accumulators over the row's nonzeros (V8 keeps constant strides and offsets out of
 * the loop; a variable `k` measured 2.7× slower at k = 16).
 */
function spmmSource(k: number): string {
  const lines = [
    "for (let i = 0; i < m; i++) {",
    "  const s = indptr[i], e = indptr[i + 1];",
  ];
  for (let c = 0; c < k; c += 8) {
    const w = Math.min(8, k - c);
    const acc = Array.from({ length: w }, (_, t) => `a${t} = 0`).join(", ");
    const off = (t: number) => (t ? ` + ${t}` : "");
    lines.push(`  { let ${acc};`);
    lines.push(`    for (let q = s; q < e; q++) {`);
    lines.push(`      const v = data[q], b = indices[q] * ${k}${off(c)};`);
    lines.push(
      "      " + Array.from({ length: w }, (_, t) => `a${t} += v * x[b${off(t)}];`).join(" "),
    );
    lines.push("    }");
    lines.push(`    const o = i * ${k}${off(c)};`);
    lines.push("    " + Array.from({ length: w }, (_, t) => `y[o${off(t)}] = a${t};`).join(" "));
    lines.push("  }");
  }
  lines.push("}");
  return lines.join("\n");
}

/** CSR × dense (k columns), float64 (k = 1: {@linkcode csrSpmvF64}). */
export function csrSpmmF64(
  m: number,
  k: number,
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
  x: Float64Array,
  y: Float64Array,
): void {
  if (k === 1) {
    csrSpmvF64(m, indptr, indices, data, x, y);
    return;
  }
  if (k <= SPMM_GEN_MAX) {
    let f = SPMM_CACHE.get(k);
    if (f === undefined) {
      f = new Function("m", "indptr", "indices", "data", "x", "y", spmmSource(k)) as SpmmF64;
      SPMM_CACHE.set(k, f);
    }
    f(m, indptr, indices, data, x, y);
    return;
  }
  for (let i = 0; i < m; i++) {
    const s = indptr[i], e = indptr[i + 1], o = i * k;
    for (let q = s; q < e; q++) {
      const v = data[q], b = indices[q] * k;
      for (let c = 0; c < k; c++) y[o + c] += v * x[b + c];
    }
  }
}

/** CSR × dense (k columns) for any real dtype (`zero` is 0 or 0n). */
export function csrSpmmReal(
  m: number,
  k: number,
  indptr: Int32Array,
  indices: Int32Array,
  // deno-lint-ignore no-explicit-any
  data: any,
  // deno-lint-ignore no-explicit-any
  x: any,
  // deno-lint-ignore no-explicit-any
  y: any,
  zero: number | bigint,
): void {
  for (let i = 0; i < m; i++) {
    const s = indptr[i], e = indptr[i + 1], o = i * k;
    for (let c = 0; c < k; c++) {
      // deno-lint-ignore no-explicit-any
      let acc: any = zero;
      for (let q = s; q < e; q++) acc += data[q] * x[indices[q] * k + c];
      y[o + c] = acc;
    }
  }
}

/** CSR × dense (k columns), complex (interleaved pairs). */
export function csrSpmmComplex(
  m: number,
  k: number,
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array | Float32Array,
  x: Float64Array | Float32Array,
  y: Float64Array | Float32Array,
): void {
  for (let i = 0; i < m; i++) {
    const s = indptr[i], e = indptr[i + 1], o = i * k;
    for (let c = 0; c < k; c++) {
      let re = 0, im = 0;
      for (let q = s; q < e; q++) {
        const ar = data[2 * q], ai = data[2 * q + 1];
        const p = 2 * (indices[q] * k + c), xr = x[p], xi = x[p + 1];
        re += ar * xr - ai * xi;
        im += ar * xi + ai * xr;
      }
      y[2 * (o + c)] = re;
      y[2 * (o + c) + 1] = im;
    }
  }
}

/**
 * Scatter product: for each segment j of a compressed matrix, `y[indices[q], :] += data[q] ·
 * x[j, :]` (CSC × dense, or CSRᵀ × dense). `y` must start zeroed.
 */
export function scatterSpmmF64(
  nMajor: number,
  k: number,
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array,
  x: Float64Array,
  y: Float64Array,
): void {
  if (k === 1) {
    for (let j = 0; j < nMajor; j++) {
      const xj = x[j];
      for (let q = indptr[j], e = indptr[j + 1]; q < e; q++) y[indices[q]] += data[q] * xj;
    }
    return;
  }
  for (let j = 0; j < nMajor; j++) {
    const b = j * k;
    for (let q = indptr[j], e = indptr[j + 1]; q < e; q++) {
      const v = data[q], o = indices[q] * k;
      for (let c = 0; c < k; c++) y[o + c] += v * x[b + c];
    }
  }
}

/** The scatter product for any real dtype. */
export function scatterSpmmReal(
  nMajor: number,
  k: number,
  indptr: Int32Array,
  indices: Int32Array,
  // deno-lint-ignore no-explicit-any
  data: any,
  // deno-lint-ignore no-explicit-any
  x: any,
  // deno-lint-ignore no-explicit-any
  y: any,
): void {
  for (let j = 0; j < nMajor; j++) {
    const b = j * k;
    for (let q = indptr[j], e = indptr[j + 1]; q < e; q++) {
      const v = data[q], o = indices[q] * k;
      for (let c = 0; c < k; c++) y[o + c] += v * x[b + c];
    }
  }
}

/** The scatter product, complex (interleaved pairs). */
export function scatterSpmmComplex(
  nMajor: number,
  k: number,
  indptr: Int32Array,
  indices: Int32Array,
  data: Float64Array | Float32Array,
  x: Float64Array | Float32Array,
  y: Float64Array | Float32Array,
): void {
  for (let j = 0; j < nMajor; j++) {
    const b = j * k;
    for (let q = indptr[j], e = indptr[j + 1]; q < e; q++) {
      const ar = data[2 * q], ai = data[2 * q + 1], o = indices[q] * k;
      for (let c = 0; c < k; c++) {
        const p = 2 * (b + c), xr = x[p], xi = x[p + 1], t = 2 * (o + c);
        y[t] += ar * xr - ai * xi;
        y[t + 1] += ar * xi + ai * xr;
      }
    }
  }
}
