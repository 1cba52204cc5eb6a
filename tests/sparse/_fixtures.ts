// Loading tests/fixtures/sparse (written by tests/fixtures/fixtures_sparse.py with SciPy) and
// comparing nd.sparse results with SciPy's.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as sparse from "../../src/sparse/mod.ts";

const DIR = new URL("../fixtures/sparse/", import.meta.url);

/** A packed array: [pool, offset, shape, dtype]. */
export type Ref = [string, number, number[], nd.DType];

/** Sparse parts as SciPy holds them. */
export interface Parts {
  format: "csr" | "csc" | "coo";
  shape: [number, number];
  data: Ref;
  indices?: Ref;
  indptr?: Ref;
  row?: Ref;
  col?: Ref;
}

/** One fixture case. */
export interface Case {
  name: string;
  file: string;
  op: string;
  a?: string;
  b?: string;
  x?: Ref;
  opts: Record<string, unknown>;
  out: "dense" | "sparse" | "exact" | "text";
  result?: Ref | Parts;
  text?: string;
}

const MANIFEST: { matrices: Record<string, Parts>; cases: Case[] } = JSON.parse(
  Deno.readTextFileSync(new URL("cases.json", DIR)),
);

/** Every case. */
export const CASES: readonly Case[] = MANIFEST.cases;

const pools = new Map<string, Record<string, nd.NDArray>>();

/** The array a reference points to, in its original dtype. */
export function array(ref: Ref, file: string): nd.NDArray {
  let p = pools.get(file);
  if (p === undefined) {
    p = nd.load(new URL(`${file}.npz`, DIR).pathname as `${string}.npz`);
    pools.set(file, p);
  }
  const [pool, off, shape, dtype] = ref;
  const size = shape.reduce((a, b) => a * b, 1);
  const flat = p[pool].slice(`${off}:${off + size}`);
  return nd.astype(flat, dtype).reshape(shape);
}

/** A sparse matrix from SciPy's parts (through nd.sparse's checked constructors). */
export function matrix(parts: Parts, file: string): sparse.SparseMatrix {
  const data = array(parts.data, file);
  if (parts.format === "coo") {
    return sparse.coo({
      data,
      row: array(parts.row!, file),
      col: array(parts.col!, file),
      shape: parts.shape,
    });
  }
  const init = {
    data,
    indices: array(parts.indices!, file),
    indptr: array(parts.indptr!, file),
    shape: parts.shape,
  };
  return parts.format === "csr" ? sparse.csr(init) : sparse.csc(init);
}

/** Operand `a` or `b` of a case. */
export function operand(c: Case, which: "a" | "b"): sparse.SparseMatrix {
  const key = c[which];
  if (key === undefined) throw new Error(`${c.name}: no operand ${which}`);
  return matrix(MANIFEST.matrices[key], c.file);
}

/** Tolerances for comparing values of a dtype (orders of summation may differ from SciPy's). */
export function tolerance(dtype: nd.DType): { rtol: number; atol: number } {
  if (dtype === "float32" || dtype === "complex64") return { rtol: 2e-6, atol: 1e-6 };
  if (dtype === "float64" || dtype === "complex128") return { rtol: 1e-12, atol: 1e-12 };
  return { rtol: 0, atol: 0 };
}

/** Asserts dtype and values (exact for integers and bool). */
export function assertArray(actual: nd.NDArray, expected: nd.NDArray, what: string): void {
  assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
  assert.deepEqual(actual.shape, expected.shape, `${what}: shape`);
  const t = tolerance(expected.dtype);
  if (t.rtol === 0) nd.testing.assertArrayEqual(actual, expected, { errMsg: what });
  else nd.testing.assertAllClose(actual, expected, { ...t, equalNan: true, errMsg: what });
}

/** The parts of an nd matrix in SciPy's layout, as NDArrays. */
function ndParts(m: sparse.SparseMatrix): Record<string, Int32Array> {
  if (m.format === "coo") {
    const c = m as sparse.COO;
    return { row: c.row, col: c.col };
  }
  const c = m as sparse.CSR;
  return { indices: c.indices, indptr: c.indptr };
}

/**
 * Asserts the same stored arrays as SciPy's: index arrays equal; values equal per run of
 * equal coordinates (SciPy's unstable sorts may order duplicates differently).
 */
export function assertExact(m: sparse.SparseMatrix, parts: Parts, file: string, what: string) {
  assert.equal(m.format, parts.format, `${what}: format`);
  assert.deepEqual([...m.shape], parts.shape, `${what}: shape`);
  const mine = ndParts(m);
  for (const [k, v] of Object.entries(mine)) {
    const ref = parts[k as keyof Parts] as Ref;
    assert.deepEqual(
      [...v],
      (array(ref, file).toArray() as (number | bigint)[]).map(Number),
      `${what}: ${k}`,
    );
  }
  const expected = array(parts.data, file);
  assert.equal(m.dtype, expected.dtype, `${what}: dtype`);
  // sort values within runs of equal coordinates before comparing
  const key = m.format === "coo" ? (k: number) => `${mine.row[k]},${mine.col[k]}` : (() => {
    const ip = mine.indptr;
    const major = new Int32Array(m.nnz);
    for (let i = 0; i + 1 < ip.length; i++) major.fill(i, ip[i], ip[i + 1]);
    return (k: number) => `${major[k]},${mine.indices[k]}`;
  })();
  const order = Array.from({ length: m.nnz }, (_, k) => k);
  const sortRuns = (vals: nd.NDArray) => {
    const out = order.slice();
    let s = 0;
    for (let k = 1; k <= m.nnz; k++) {
      if (k === m.nnz || key(k) !== key(s)) {
        const run = out.slice(s, k).sort((p, q) => cmp(vals, p, q));
        out.splice(s, k - s, ...run);
        s = k;
      }
    }
    return nd.take(vals, nd.array(out, { dtype: "int64" }));
  };
  assertArray(sortRuns(m.data), sortRuns(expected), `${what}: data`);
}

function cmp(a: nd.NDArray, p: number, q: number): number {
  const x = a.get(p), y = a.get(q);
  if (typeof x === "object") {
    const u = x as nd.Complex, v = y as nd.Complex;
    return u.re - v.re || u.im - v.im;
  }
  return Number(x) - Number(y);
}

/** Asserts the same matrix (densely) with SciPy's format (unless `format` is false) and dtype. */
export function assertSame(
  m: sparse.SparseMatrix,
  parts: Parts,
  file: string,
  what: string,
  format = true,
): void {
  if (format) assert.equal(m.format, parts.format, `${what}: format`);
  const expected = matrix(parts, file);
  assertArray(m.toDense(), expected.toDense(), what);
}
