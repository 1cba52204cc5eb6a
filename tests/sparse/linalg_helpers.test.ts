// Shared helpers of the nd.sparse.linalg tests (imported by the other linalg*.test.ts files):
// the SciPy fixture loader and two CSR test doubles, with tests of the doubles themselves.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as sla from "../../src/sparse/linalg/mod.ts";
import * as sparse from "../../src/sparse/mod.ts";

export { sla, sparse };

export const FIXTURES = new URL("../fixtures/sparse_linalg/", import.meta.url);

/** One case of tests/fixtures/sparse_linalg/cases.json. */
export interface Case {
  name: string;
  fn: string;
  matrix: string;
  opts: Record<string, unknown>;
  scipy_opts: Record<string, unknown>;
}

function decode(v: unknown): unknown {
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

/** Every fixture case (options decoded: "inf" → Infinity). */
export const CASES: Case[] = (JSON.parse(
  Deno.readTextFileSync(new URL("cases.json", FIXTURES)),
).cases as Case[]).map((c) => ({ ...c, opts: decode(c.opts) as Record<string, unknown> }));

/** A case's arrays. */
export function loadCase(name: string): Record<string, nd.NDArray> {
  return nd.load(new URL(`${name}.npz`, FIXTURES).pathname as `${string}.npz`);
}

/** A matrix stored as triplets: shape, rows, cols, values. */
export interface Triplets {
  shape: [number, number];
  row: Int32Array;
  col: Int32Array;
  val: Float64Array;
}

/** Reads `<name>.npy` (first row: rows, cols, nnz; then one (row, col, value) per row). */
export function loadTriplets(name: string): Triplets {
  const t = nd.load(new URL(`${name}.npy`, FIXTURES).pathname as `${string}.npy`);
  const d = t.data as Float64Array;
  const m = d[0], n = d[1], nnz = d[2];
  const row = new Int32Array(nnz), col = new Int32Array(nnz), val = new Float64Array(nnz);
  for (let k = 0; k < nnz; k++) {
    row[k] = d[3 * (k + 1)];
    col[k] = d[3 * (k + 1) + 1];
    val[k] = d[3 * (k + 1) + 2];
  }
  return { shape: [m, n], row, col, val };
}

/** The dense NDArray of triplets. */
export function toDense(t: Triplets): nd.NDArray {
  const [m, n] = t.shape;
  const a = new Float64Array(m * n);
  for (let k = 0; k < t.val.length; k++) a[t.row[k] * n + t.col[k]] += t.val[k];
  return new nd.NDArray("float64", a, [m, n]);
}

/** Dense product of triplets with a 1-D or 2-D NDArray (the doubles' `matmul`). */
function tripletMatmul(t: Triplets, x: nd.NDArray, transpose: boolean): nd.NDArray {
  const [m0, n0] = t.shape;
  const [m, n] = transpose ? [n0, m0] : [m0, n0];
  const rows = transpose ? t.col : t.row, cols = transpose ? t.row : t.col;
  if (x.shape[0] !== n || x.ndim > 2) {
    throw new TypeError(`double.matmul: shape [${x.shape}] for a [${m},${n}] matrix`);
  }
  const k = x.ndim === 1 ? 1 : x.shape[1];
  const xd = nd.copy(x, "float64").data as Float64Array;
  const y = new Float64Array(m * k);
  for (let p = 0; p < t.val.length; p++) {
    const i = rows[p], j = cols[p], v = t.val[p];
    for (let c = 0; c < k; c++) y[i * k + c] += v * xd[j * k + c];
  }
  return new nd.NDArray("float64", y, x.ndim === 1 ? [m] : [m, k]);
}

/**
 * A sparse matrix the solvers can only multiply by (no readable arrays): the interface the
 * sparse classes promise (`shape`, `dtype`, `matmul`, `T`). Counts products in `calls`.
 */
export class OpaqueMatrix {
  readonly shape: readonly [number, number];
  readonly dtype = "float64";
  calls = 0;
  constructor(readonly t: Triplets, readonly transposed = false) {
    this.shape = transposed ? [t.shape[1], t.shape[0]] : t.shape;
  }
  matmul(x: nd.NDArray): nd.NDArray {
    this.calls++;
    return tripletMatmul(this.t, x, this.transposed);
  }
  get T(): OpaqueMatrix {
    return new OpaqueMatrix(this.t, !this.transposed);
  }
}

/** A CSR matrix in SciPy's layout (`format`, `indptr`, `indices`, `data`) plus `matmul`. */
export class CsrArrays {
  readonly format = "csr";
  readonly dtype = "float64";
  readonly shape: readonly [number, number];
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly data: nd.NDArray;
  constructor(readonly t: Triplets) {
    const [m] = t.shape;
    this.shape = t.shape;
    const nnz = t.val.length;
    const indptr = new Int32Array(m + 1);
    for (let k = 0; k < nnz; k++) indptr[t.row[k] + 1]++;
    for (let i = 0; i < m; i++) indptr[i + 1] += indptr[i];
    const next = indptr.slice(0, m), indices = new Int32Array(nnz), data = new Float64Array(nnz);
    for (let k = 0; k < nnz; k++) {
      const p = next[t.row[k]]++;
      indices[p] = t.col[k];
      data[p] = t.val[k];
    }
    this.indptr = indptr;
    this.indices = indices;
    this.data = new nd.NDArray("float64", data, [nnz]);
  }
  matmul(x: nd.NDArray): nd.NDArray {
    return tripletMatmul(this.t, x, false);
  }
  get T(): OpaqueMatrix {
    return new OpaqueMatrix(this.t, true);
  }
}

/** Every form of a fixture matrix the solvers accept. */
export interface MatrixForms {
  t: Triplets;
  dense: nd.NDArray;
  opaque: OpaqueMatrix;
  csr: CsrArrays;
  op: sla.LinearOperator;
  /** nd.sparse matrices. */
  spCsr: sparse.CSR;
  spCsc: sparse.CSC;
  spCoo: sparse.COO;
}

/** An nd.sparse COO matrix of triplets. */
export function sparseCoo(t: Triplets): sparse.COO {
  return sparse.coo({
    data: new nd.NDArray("float64", t.val, [t.val.length]),
    row: t.row,
    col: t.col,
    shape: t.shape,
  });
}

const cache = new Map<string, MatrixForms>();

/** A fixture matrix as a dense array, the two doubles and a function LinearOperator. */
export function matrix(name: string): MatrixForms {
  let f = cache.get(name);
  if (f) return f;
  const t = loadTriplets(name);
  const opaque = new OpaqueMatrix(t);
  const coo = sparseCoo(t);
  f = {
    spCsr: coo.tocsr(),
    spCsc: coo.tocsc(),
    spCoo: coo,
    t,
    dense: toDense(t),
    opaque,
    csr: new CsrArrays(t),
    op: new sla.LinearOperator({
      shape: t.shape,
      matvec: (x) => tripletMatmul(t, x, false),
      rmatvec: (x) => tripletMatmul(t, x, true),
      dtype: "float64",
    }),
  };
  cache.set(name, f);
  return f;
}

/** Asserts that `fn` throws an instance of `cls` whose message is `msg` (or matches it). */
export function throwsLike(
  fn: () => unknown,
  cls: new (...args: never[]) => Error,
  msg: string | RegExp,
): void {
  assert.throws(fn, (e: unknown) => {
    assert(
      e instanceof cls,
      `expected ${cls.name}, got ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`,
    );
    if (typeof msg === "string") assert.equal((e as Error).message, msg);
    else assert.match((e as Error).message, msg);
    return true;
  });
}

/** ‖a − b‖₂ / ‖b‖₂ of two vectors. */
export function relErr(a: nd.NDArray, b: nd.NDArray): number {
  const x = nd.copy(a, "float64").data as Float64Array;
  const y = nd.copy(b, "float64").data as Float64Array;
  let num = 0, den = 0;
  for (let i = 0; i < y.length; i++) {
    num += (x[i] - y[i]) ** 2;
    den += y[i] ** 2;
  }
  return Math.sqrt(num / (den || 1));
}

Deno.test("sparse.linalg test doubles agree with the dense matrix", async (t) => {
  const f = matrix("nonsym60");
  const x = nd.random.defaultRng(3).standardNormal({ size: 60 }) as nd.NDArray;
  const X = nd.random.defaultRng(4).standardNormal({ size: [60, 3] }) as nd.NDArray;
  await t.step("matmul with vectors and matrices", () => {
    for (const m of [f.opaque, f.csr]) {
      nd.testing.assertAllClose(m.matmul(x), nd.matmul(f.dense, x), { rtol: 1e-12 });
      nd.testing.assertAllClose(m.matmul(X), nd.matmul(f.dense, X), { rtol: 1e-12 });
    }
    nd.testing.assertAllClose(f.op.matvec(x), nd.matmul(f.dense, x), { rtol: 1e-12 });
  });
  await t.step("transposes", () => {
    nd.testing.assertAllClose(f.opaque.T.matmul(x), nd.matmul(f.dense.T, x), { rtol: 1e-12 });
    nd.testing.assertAllClose(f.csr.T.matmul(x), nd.matmul(f.dense.T, x), { rtol: 1e-12 });
    nd.testing.assertAllClose(f.op.rmatvec(x), nd.matmul(f.dense.T, x), { rtol: 1e-12 });
  });
  await t.step("nd.sparse matrices", () => {
    for (const m of [f.spCsr, f.spCsc, f.spCoo]) {
      nd.testing.assertAllClose(m.matmul(x), nd.matmul(f.dense, x), { rtol: 1e-12 });
      nd.testing.assertAllClose(m.toDense(), f.dense);
    }
  });
  await t.step("CSR arrays are sorted by row", () => {
    assert.equal(f.csr.indptr[60], f.t.val.length);
    for (let i = 0; i < 60; i++) assert(f.csr.indptr[i] <= f.csr.indptr[i + 1]);
  });
});
