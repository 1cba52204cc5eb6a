// nd.sparse.linalg.spsolve and splu against SciPy (SuperLU) and nd.linalg.solve: every
// column ordering, pivoting on zero diagonals, transposed solves, properties, errors.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import {
  CASES,
  CsrArrays,
  loadCase,
  matrix,
  relErr,
  sla,
  throwsLike,
  type Triplets,
} from "./linalg_helpers.test.ts";

const SPECS = ["COLAMD", "MMD_AT_PLUS_A", "MMD_ATA", "NATURAL"] as const;

/** The matrix in CSC layout (SciPy's `format: "csc"`), to exercise that reader too. */
function cscArrays(t: Triplets) {
  const T: Triplets = { shape: [t.shape[1], t.shape[0]], row: t.col, col: t.row, val: t.val };
  const csr = new CsrArrays(T);
  return {
    format: "csc",
    shape: t.shape,
    dtype: "float64",
    indptr: csr.indptr,
    indices: csr.indices,
    data: csr.data,
    matmul: () => {
      throw new Error("not used");
    },
  };
}

/** The matrix as COO with duplicated entries (each value split in two halves). */
function cooDup(t: Triplets) {
  const nnz = t.val.length;
  const row = new Int32Array(2 * nnz), col = new Int32Array(2 * nnz);
  const data = new Float64Array(2 * nnz);
  for (let k = 0; k < nnz; k++) {
    row[k] = row[nnz + k] = t.row[k];
    col[k] = col[nnz + k] = t.col[k];
    data[k] = data[nnz + k] = t.val[k] / 2;
  }
  return {
    format: "coo",
    shape: t.shape,
    dtype: "float64",
    row,
    col,
    data,
    matmul: () => nd.zeros([1]),
  };
}

Deno.test("spsolve against SciPy", async (t) => {
  for (const c of CASES.filter((c) => c.fn === "spsolve")) {
    await t.step(c.name, () => {
      const z = loadCase(c.name);
      const f = matrix(c.matrix);
      const forms: [string, sla.OperatorLike][] = [
        ["csr", f.csr],
        ["csc", cscArrays(f.t) as unknown as sla.OperatorLike],
        ["coo with duplicates", cooDup(f.t) as unknown as sla.OperatorLike],
        ["dense (LAPACK)", f.dense],
        ["nd.sparse CSR", f.spCsr],
        ["nd.sparse CSC", f.spCsc],
        ["nd.sparse COO", f.spCoo],
      ];
      for (const [name, A] of forms) {
        for (const permcSpec of name === "csr" ? SPECS : ["COLAMD"] as const) {
          const x = sla.spsolve(A, z.b, { permcSpec });
          assert.deepEqual(x.shape, z.x.shape, `${c.name} ${name}`);
          assert(relErr(x, z.x) < 1e-10, `${c.name} ${name} ${permcSpec}: ${relErr(x, z.x)}`);
        }
      }
    });
  }
});

Deno.test("splu", async (t) => {
  await t.step("solve, transposed solve and permutations", () => {
    for (const name of ["nonsym60", "zerodiag4", "convdiff20"]) {
      const f = matrix(name);
      const n = f.t.shape[0];
      const b = nd.random.defaultRng(1).standardNormal({ size: [n, 2] }) as nd.NDArray;
      for (const permcSpec of SPECS) {
        const lu = sla.splu(f.csr, { permcSpec });
        assert.deepEqual(lu.shape, [n, n]);
        nd.testing.assertAllClose(lu.solve(b), nd.linalg.solve(f.dense, b), { rtol: 1e-9 });
        for (const trans of ["T", "H"] as const) {
          nd.testing.assertAllClose(
            lu.solve(b, { trans }),
            nd.linalg.solve(f.dense.T, b),
            { rtol: 1e-9 },
          );
        }
        const pr = Array.from(lu.permR.data as Int32Array).sort((a, b) => a - b);
        const pc = Array.from(lu.permC.data as Int32Array).sort((a, b) => a - b);
        assert.deepEqual(pr, Array.from({ length: n }, (_, i) => i));
        assert.deepEqual(pc, Array.from({ length: n }, (_, i) => i));
        assert(lu.nnz >= f.t.val.length);
      }
      assert.deepEqual(
        Array.from(sla.splu(f.csr, { permcSpec: "NATURAL" }).permC.data as Int32Array),
        Array.from({ length: n }, (_, i) => i),
      );
    }
  });
  await t.step(
    "partial pivoting picks the largest entry; diagPivotThresh 0 keeps the diagonal",
    () => {
      const A = nd.array([[1, 2], [3, 4]]);
      const lu = sla.splu(A, { permcSpec: "NATURAL" });
      assert.deepEqual(Array.from(lu.permR.data as Int32Array), [1, 0]);
      const lu0 = sla.splu(A, { permcSpec: "NATURAL", diagPivotThresh: 0 });
      assert.deepEqual(Array.from(lu0.permR.data as Int32Array), [0, 1]);
      nd.testing.assertAllClose(lu0.solve([5, 11]), [1, 2]);
    },
  );
  await t.step("fill-reducing orders: fewer entries than the natural order on Poisson", () => {
    const P = matrix("poisson20").csr;
    const natural = sla.splu(P, { permcSpec: "NATURAL" }).nnz;
    for (const permcSpec of ["COLAMD", "MMD_AT_PLUS_A"] as const) {
      assert(sla.splu(P, { permcSpec }).nnz < 0.8 * natural, permcSpec);
    }
  });
  await t.step("default order: MMD_AT_PLUS_A for symmetric patterns, else COLAMD", () => {
    const P = matrix("poisson20").csr, N = matrix("nonsym60").csr;
    const perm = (lu: sla.SparseLU) => Array.from(lu.permC.data as Int32Array);
    assert.deepEqual(perm(sla.splu(P)), perm(sla.splu(P, { permcSpec: "MMD_AT_PLUS_A" })));
    assert.deepEqual(perm(sla.splu(N)), perm(sla.splu(N, { permcSpec: "COLAMD" })));
    // convdiff20 has a symmetric pattern with nonsymmetric values.
    const C = matrix("convdiff20").csr;
    assert.deepEqual(perm(sla.splu(C)), perm(sla.splu(C, { permcSpec: "MMD_AT_PLUS_A" })));
  });
  await t.step("float32 matrices and right-hand sides give float32", () => {
    const A = nd.astype(matrix("nonsym60").dense, "float32");
    const b = nd.ones([60], { dtype: "float32" });
    assert.equal(sla.splu(A).solve(b).dtype, "float32");
    assert.equal(sla.splu(A).solve(nd.ones([60])).dtype, "float64");
    assert.equal(sla.SparseLU.factor(matrix("nonsym60").csr).solve(b).dtype, "float64");
  });
  await t.step("factorized: one factorisation, many solves", () => {
    const f = matrix("convdiff20");
    const solve = sla.factorized(f.spCsr);
    for (let s = 0; s < 3; s++) {
      const b = nd.random.defaultRng(s).standardNormal({ size: 400 }) as nd.NDArray;
      nd.testing.assertAllClose(solve(b), nd.linalg.solve(f.dense, b), { rtol: 1e-9 });
    }
    throwsLike(
      () => sla.factorized(nd.ones([2, 3])),
      TypeError,
      "splu: A must be square, got shape [2,3]",
    );
  });
  await t.step("integer matrices compute in float64", () => {
    nd.testing.assertAllClose(sla.spsolve(nd.array([[2, 0], [0, 4]]), [2, 2]), [1, 0.5]);
    nd.testing.assertAllClose(sla.splu(nd.array([[2, 0], [0, 4]])).solve([2, 2]), [1, 0.5]);
  });
  await t.step("random sparse systems (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0.02, max: 0.6, noNaN: true }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom(...SPECS),
        (n, density, seed, permcSpec) => {
          const rng = nd.random.defaultRng(seed);
          const R = rng.standardNormal({ size: [n, n] }) as nd.NDArray;
          const keep = nd.less(rng.random([n, n]) as nd.NDArray, density);
          // A random permutation of a well-conditioned matrix: the diagonal is mostly zero.
          const perm = rng.permutation(n) as nd.NDArray;
          const D = nd.add(nd.multiply(R, keep), nd.multiply(nd.eye(n), 4));
          const A = nd.take(D, perm, { axis: 0 });
          const b = rng.standardNormal({ size: n }) as nd.NDArray;
          const x = sla.spsolve(new CsrArrays(toTriplets(A)), b, { permcSpec });
          nd.testing.assertAllClose(nd.matmul(A, x), b, { atol: 1e-9, rtol: 1e-9 });
        },
      ),
      { numRuns: 80 },
    );
  });
});

function toTriplets(A: nd.NDArray): Triplets {
  const [m, n] = A.shape;
  const d = nd.copy(A, "float64").data as Float64Array;
  const row: number[] = [], col: number[] = [], val: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      if (d[i * n + j] !== 0) {
        row.push(i);
        col.push(j);
        val.push(d[i * n + j]);
      }
    }
  }
  return {
    shape: [m, n],
    row: Int32Array.from(row),
    col: Int32Array.from(col),
    val: Float64Array.from(val),
  };
}

Deno.test("spsolve and splu errors", async (t) => {
  const f = matrix("nonsym60");
  await t.step("singular matrices", () => {
    const S = nd.array([[1, 2, 0], [2, 4, 0], [0, 0, 1]]);
    for (const A of [S, new CsrArrays(toTriplets(S))]) {
      assert.throws(() => sla.spsolve(A, [1, 2, 3]), (e: unknown) => {
        assert(e instanceof nd.linalg.LinAlgError);
        assert.equal((e as Error).message, "spsolve: matrix is exactly singular");
        return true;
      });
    }
    throwsLike(
      () => sla.splu(new CsrArrays(toTriplets(nd.array([[1, 0], [0, 0]])))),
      nd.linalg.LinAlgError,
      "splu: matrix is exactly singular",
    );
    throwsLike(
      () => sla.splu(nd.zeros([3, 3])),
      nd.linalg.LinAlgError,
      "splu: matrix is exactly singular",
    );
  });
  await t.step("shapes and types", () => {
    throwsLike(
      () => sla.spsolve(nd.ones([2, 3]), [1, 2]),
      TypeError,
      "spsolve: A must be square, got shape [2,3]",
    );
    throwsLike(
      () => sla.spsolve(new CsrArrays(toTriplets(nd.ones([2, 3]))), [1, 2]),
      TypeError,
      "spsolve: A must be square, got shape [2,3]",
    );
    throwsLike(
      () => sla.spsolve(f.csr, [1, 2]),
      TypeError,
      "spsolve: b of shape [2] does not match A of shape [60,60]: expected [60] or [60,K]",
    );
    throwsLike(
      () => sla.spsolve(f.csr, nd.ones([60, 2, 2])),
      TypeError,
      "spsolve: b of shape [60,2,2] does not match A of shape [60,60]: expected [60] or [60,K]",
    );
    throwsLike(
      () => sla.spsolve(f.op, nd.ones([60])),
      TypeError,
      "spsolve: A must be a sparse matrix or a dense array, got a LinearOperator",
    );
    throwsLike(
      () => sla.spsolve({ shape: [2, 2], matmul: (x: nd.NDArray) => x }, [1, 1]),
      TypeError,
      "spsolve: A must be a sparse matrix or a dense array: cannot read the entries of Object of shape [2,2]",
    );
    throwsLike(
      () => sla.spsolve(nd.ones([2, 2], { dtype: "complex128" }), [1, 1]),
      TypeError,
      "spsolve: complex A is not supported, got dtype complex128",
    );
    throwsLike(
      () => sla.splu(nd.ones([2, 2], { dtype: "complex128" })),
      TypeError,
      "splu: complex A is not supported, got dtype complex128",
    );
    throwsLike(
      () => sla.spsolve(nd.eye(2), nd.ones([2], { dtype: "complex64" })),
      TypeError,
      "spsolve: complex b is not supported, got dtype complex64",
    );
    throwsLike(
      () => sla.spsolve(nd.ones([3]), [1, 2, 3]),
      TypeError,
      "spsolve: A must be square, got shape [3]",
    );
    throwsLike(() => sla.splu(nd.ones([3])), TypeError, "splu: A must be 2-D, got shape [3]");
    throwsLike(
      () => sla.spsolve(f.csr, nd.ones([60]), null as unknown as sla.SpsolveOpts),
      TypeError,
      "spsolve: options must be an object, got null",
    );
  });
  await t.step("non-finite entries", () => {
    const N = new CsrArrays(toTriplets(nd.array([[1, 0], [NaN, 1]])));
    throwsLike(() => sla.splu(N), RangeError, "splu: A contains non-finite values");
    throwsLike(() => sla.spsolve(N, [1, 1]), RangeError, "spsolve: A contains non-finite values");
    // A dense A goes to LAPACK, which propagates NaN as numpy.linalg.solve does.
    assert(Number.isNaN(sla.spsolve(nd.array([[1, 0], [NaN, 1]]), [1, 1]).get(1) as number));
  });
  await t.step("options", () => {
    throwsLike(
      () => sla.spsolve(f.csr, nd.ones([60]), { permcSpec: "AMD" as "COLAMD" }),
      RangeError,
      'spsolve: permcSpec must be "COLAMD", "MMD_ATA", "MMD_AT_PLUS_A" or "NATURAL", got "AMD"',
    );
    throwsLike(
      () => sla.splu(f.csr, { diagPivotThresh: 2 }),
      RangeError,
      "splu: diagPivotThresh must be a number in [0, 1], got 2",
    );
    const lu = sla.splu(f.csr);
    throwsLike(
      () => lu.solve(nd.ones([59])),
      TypeError,
      "SparseLU.solve: b of shape [59] does not match A of shape [60,60]: expected [60] or [60,K]",
    );
    throwsLike(
      () => lu.solve(nd.ones([60], { dtype: "complex128" })),
      TypeError,
      "SparseLU.solve: complex b is not supported, got dtype complex128",
    );
    throwsLike(
      () => lu.solve(nd.ones([60]), { trans: "C" as "T" }),
      RangeError,
      'SparseLU.solve: trans must be "N", "T" or "H", got "C"',
    );
  });
});
