// fast-check arbitraries for the sparse property tests: matrices in every format with
// duplicates, unsorted indices and explicit zeros, and their dense reference computed
// independently of nd.sparse (a plain accumulation of the entries).
import fc from "fast-check";
import * as nd from "../../mod.ts";
import * as sparse from "../../src/sparse/mod.ts";

/** The dtypes the properties run over (values are small integers, exact in every dtype). */
export type PropDType = "float64" | "float32" | "int64" | "int32" | "int8" | "bool" | "complex128";
export const PROP_DTYPES: PropDType[] = [
  "float64",
  "float32",
  "int64",
  "int32",
  "int8",
  "bool",
  "complex128",
];

/** A generated matrix: its entries in storage order, and how to build it. */
export interface Spec {
  m: number;
  n: number;
  rows: number[];
  cols: number[];
  vals: number[];
  imag: number[];
  format: sparse.SparseFormat;
  dtype: PropDType;
}

/** Entries of an m×n matrix: any order, duplicates and zeros likely. */
export function specArb(
  opts: { m?: fc.Arbitrary<number>; n?: fc.Arbitrary<number>; dtype?: PropDType } = {},
): fc.Arbitrary<Spec> {
  const dim = fc.integer({ min: 0, max: 6 });
  return fc.record({
    m: opts.m ?? dim,
    n: opts.n ?? dim,
    format: fc.constantFrom<sparse.SparseFormat>("coo", "csr", "csc"),
    dtype: opts.dtype ? fc.constant(opts.dtype) : fc.constantFrom(...PROP_DTYPES),
    entries: fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat(),
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: -2, max: 2 }),
      ),
      { maxLength: 24 },
    ),
  }).map(({ m, n, format, dtype, entries }) => {
    const e = m * n === 0 ? [] : entries;
    return {
      m,
      n,
      format,
      dtype,
      rows: e.map((t) => t[0] % m),
      cols: e.map((t) => t[1] % n),
      vals: e.map((t) => dtype === "bool" ? Math.abs(t[2]) % 2 : t[2]),
      imag: e.map((t) => dtype === "complex128" ? t[3] : 0),
    };
  });
}

function dataOf(s: Spec): nd.NDArray {
  if (s.dtype === "complex128") {
    return nd.array(s.vals.map((re, k) => ({ re, im: s.imag[k] })), { dtype: "complex128" });
  }
  if (s.dtype === "bool") return nd.array(s.vals.map((v) => v !== 0), { dtype: "bool" });
  return nd.array(s.vals, { dtype: s.dtype });
}

/**
 * The matrix in its format, stored in the generated order: COO as is; CSR/CSC grouped by
 * row/column (stably) with the minor indices in generated order (unsorted, duplicates kept).
 */
export function build(s: Spec): sparse.SparseMatrix {
  const data = dataOf(s);
  if (s.format === "coo") {
    return sparse.coo({ data, row: s.rows, col: s.cols, shape: [s.m, s.n] });
  }
  const csr = s.format === "csr";
  const major = csr ? s.rows : s.cols, minor = csr ? s.cols : s.rows;
  const nMajor = csr ? s.m : s.n;
  const order = major.map((_, k) => k).sort((p, q) => major[p] - major[q] || p - q);
  const indptr = new Int32Array(nMajor + 1);
  for (const i of major) indptr[i + 1]++;
  for (let i = 0; i < nMajor; i++) indptr[i + 1] += indptr[i];
  const init = {
    data: nd.take(data, nd.array(order, { dtype: "int64" })),
    indices: order.map((k) => minor[k]),
    indptr,
    shape: [s.m, s.n],
  };
  return csr ? sparse.csr(init) : sparse.csc(init);
}

/** The dense matrix the entries describe, accumulated without nd.sparse. */
export function dense(s: Spec): nd.NDArray {
  const re = new Float64Array(s.m * s.n), im = new Float64Array(s.m * s.n);
  s.rows.forEach((r, k) => {
    re[r * s.n + s.cols[k]] += s.vals[k];
    im[r * s.n + s.cols[k]] += s.imag[k];
  });
  if (s.dtype === "complex128") {
    const z = Array.from(re, (v, k) => ({ re: v, im: im[k] }));
    return nd.array(z.length ? z : [], { dtype: "complex128" }).reshape([s.m, s.n]);
  }
  if (s.dtype === "bool") {
    return nd.array(Array.from(re, (v) => v !== 0), { dtype: "bool" }).reshape([s.m, s.n]);
  }
  return nd.astype(new nd.NDArray("float64", re, [s.m, s.n]), s.dtype);
}

/** The same entries as a matrix of another dtype (values kept valid for bool). */
export function withDType(s: Spec, dtype: PropDType): Spec {
  return {
    ...s,
    dtype,
    vals: s.vals.map((v) => dtype === "bool" ? Math.abs(v) % 2 : v),
    imag: s.imag.map((v) => dtype === "complex128" ? v : 0),
  };
}

/** Asserts two dense arrays are equal in dtype and (closely) in value. */
export function assertDense(actual: nd.NDArray, expected: nd.NDArray, msg = ""): void {
  if (actual.dtype !== expected.dtype) {
    throw new Error(`${msg}: dtype ${actual.dtype} !== ${expected.dtype}`);
  }
  if (actual.shape.join() !== expected.shape.join()) {
    throw new Error(`${msg}: shape [${actual.shape}] !== [${expected.shape}]`);
  }
  const single = expected.dtype === "float32" || expected.dtype === "complex64";
  nd.testing.assertAllClose(actual, expected, {
    rtol: single ? 1e-5 : 1e-9,
    atol: single ? 1e-6 : 1e-9,
    errMsg: msg,
  });
}
