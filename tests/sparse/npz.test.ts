// saveNpz/loadNpz against real SciPy, both ways: files nd writes load in scipy.sparse.load_npz
// with the same format, shape, dtype and arrays, and SciPy's save_npz files (matrices and
// sparse arrays, compressed or not, int64 indices) load in nd. Skipped when no Python with
// SciPy is found, except in CI (CI=true), where that is a failure.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as sparse from "../../src/sparse/mod.ts";

const CI = Deno.env.get("CI") === "true";

async function findScipy(): Promise<string | null> {
  for (const py of ["python3", "/usr/bin/python3"]) {
    try {
      const r = await new Deno.Command(py, { args: ["-c", "import scipy.sparse"], stderr: "null" })
        .output();
      if (r.success) return py;
    } catch {
      // not installed
    }
  }
  return null;
}

const PY = await findScipy();
if (PY === null && CI) throw new Error("CI=true but no Python with SciPy was found");

async function python(script: string, ...args: string[]): Promise<string> {
  const r = await new Deno.Command(PY!, { args: ["-c", script, ...args] }).output();
  const out = new TextDecoder().decode(r.stdout);
  if (!r.success) throw new Error(`python failed:\n${new TextDecoder().decode(r.stderr)}\n${out}`);
  return out;
}

/** What Python reports of a loaded matrix (values as repr strings, exact). */
interface Report {
  cls: string;
  format: string;
  shape: [number, number];
  dtype: string;
  data: string[];
  idx: Record<string, number[]>;
}

const DESCRIBE = `
import json, sys
import numpy as np, scipy.sparse as sp
def describe(m):
    idx = {"row": m.row.tolist(), "col": m.col.tolist()} if m.format == "coo" else \\
        {"indices": m.indices.tolist(), "indptr": m.indptr.tolist()}
    return {"cls": type(m).__name__, "format": m.format, "shape": list(m.shape),
            "dtype": str(m.dtype), "data": [repr(v) for v in m.data.tolist()], "idx": idx}
`;

/** Matrices covering the formats, dtypes, duplicates, unsorted indices and emptiness. */
function matrices(): Record<string, sparse.SparseMatrix> {
  const rng = nd.random.defaultRng(3);
  return {
    csr_f64: sparse.random(7, 5, { density: 0.4, format: "csr", rng }),
    csc_f32: sparse.random(4, 9, { density: 0.3, format: "csc", rng, dtype: "float32" }),
    coo_dups_i64: sparse.coo({
      data: [1, 2, 3, -4],
      row: [0, 2, 0, 1],
      col: [1, 1, 1, 0],
      shape: [3, 2],
    }),
    csr_unsorted_c128: sparse.csr({
      data: nd.array([{ re: 1, im: -2 }, { re: 0.5, im: 0 }, { re: 0, im: 3 }], {
        dtype: "complex128",
      }),
      indices: [2, 0, 1],
      indptr: [0, 2, 3],
      shape: [2, 3],
    }),
    csr_bool: sparse.fromDense([[true, false], [false, true]]),
    csc_u8: sparse.fromDense(nd.array([[0, 200], [7, 0]], { dtype: "uint8" }), { format: "csc" }),
    csr_empty: sparse.csr({ shape: [0, 4] }),
    coo_c64: sparse.coo({
      data: nd.array([{ re: 1.5, im: 1 }], { dtype: "complex64" }),
      row: [1],
      col: [2],
      shape: [2, 3],
    }),
  };
}

function ndIndexArrays(m: sparse.SparseMatrix): Record<string, number[]> {
  if (m.format === "coo") {
    const c = m as sparse.COO;
    return { row: [...c.row], col: [...c.col] };
  }
  const c = m as sparse.CSR;
  return { indices: [...c.indices], indptr: [...c.indptr] };
}

Deno.test({
  name: "sparse npz: nd's files load in SciPy",
  ignore: PY === null,
  async fn(t) {
    const dir = Deno.makeTempDirSync();
    try {
      const ms = matrices();
      for (const compressed of [true, false]) {
        for (const [name, m] of Object.entries(ms)) {
          sparse.saveNpz(`${dir}/${name}_${compressed}.npz`, m, { compressed });
        }
      }
      const out = await python(
        DESCRIBE + `
d = sys.argv[1]
print(json.dumps({n: describe(sp.load_npz(f"{d}/{n}.npz")) for n in sys.argv[2:]}))
`,
        dir,
        ...Object.keys(ms).flatMap((n) => [`${n}_true`, `${n}_false`]),
      );
      const reports: Record<string, Report> = JSON.parse(out);
      for (const [name, m] of Object.entries(ms)) {
        await t.step(name, () => {
          for (const compressed of [true, false]) {
            const r = reports[`${name}_${compressed}`];
            assert.equal(r.cls, `${m.format}_matrix`);
            assert.equal(r.format, m.format);
            assert.deepEqual(r.shape, [...m.shape]);
            assert.equal(r.dtype, m.dtype);
            assert.deepEqual(r.idx, ndIndexArrays(m));
            const vals = m.data.toArray() as unknown[];
            assert.deepEqual(r.data, vals.map((v) => reprOf(v, m.dtype)));
          }
        });
      }
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "sparse npz: SciPy's save_npz files load in nd",
  ignore: PY === null,
  async fn(t) {
    const dir = Deno.makeTempDirSync();
    try {
      const out = await python(
        DESCRIBE + `
d = sys.argv[1]
rng = np.random.default_rng(7)
a = sp.random(6, 4, density=0.5, format="csr", random_state=rng)
mats = {
    "csr_matrix": a,
    "csc_matrix_c": sp.csc_matrix(a.astype(np.complex128) * (1 - 2j)),
    "coo_dups": sp.coo_matrix(([1.5, 2.0, -1.0], ([0, 0, 2], [1, 1, 0])), shape=(3, 3)),
    "csr_array": sp.csr_array(a.astype(np.int32)),
    "coo_array": sp.coo_array(a.astype(np.float32)),
    "csr_int64_indices": sp.csr_matrix((a.data, a.indices.astype(np.int64), a.indptr.astype(np.int64)), shape=a.shape),
    "csr_unsorted": sp.csr_matrix((np.array([1.0, 2.0]), np.array([2, 0]), np.array([0, 2])), shape=(1, 3)),
    "csc_bool": sp.csc_matrix(np.array([[True, False], [True, True]])),
    "empty": sp.csr_matrix((3, 0)),
}
report = {}
for n, m in mats.items():
    for c in (True, False):
        sp.save_npz(f"{d}/{n}_{c}.npz", m, compressed=c)
    report[n] = describe(m)
print(json.dumps(report))
`,
        dir,
      );
      const reports: Record<string, Report> = JSON.parse(out);
      for (const [name, r] of Object.entries(reports)) {
        await t.step(name, () => {
          for (const c of ["True", "False"]) {
            const m = sparse.loadNpz(`${dir}/${name}_${c}.npz`);
            assert.equal(m.format, r.format);
            assert.deepEqual([...m.shape], r.shape);
            assert.equal(m.dtype, r.dtype);
            assert.deepEqual(ndIndexArrays(m), r.idx);
            const vals = m.data.toArray() as unknown[];
            assert.deepEqual(vals.map((v) => reprOf(v, m.dtype)), r.data);
          }
        });
      }
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

/** Python's repr of a value as `tolist()` gives it, through nd.sparse's str of a 1×1 matrix. */
function reprOf(v: unknown, dtype: string): string {
  const one = sparse.csr({
    data: nd.array([v as nd.Scalar], { dtype: dtype as nd.DType }),
    indices: [0],
    indptr: [0, 1],
    shape: [1, 1],
  });
  return one.toString().split("\t").at(-1)!;
}
