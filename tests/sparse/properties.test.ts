// Properties: every nd.sparse operation agrees with the same operation on the dense matrix,
// for COO/CSR/CSC matrices with duplicates, unsorted indices and explicit zeros, in every
// dtype the properties cover. (bool matrices are deduplicated first where SciPy counts
// stored bool duplicates separately: products and axis sums.)
import fc from "fast-check";
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as sparse from "../../src/sparse/mod.ts";
import { assertDense, build, dense, type Spec, specArb, withDType } from "./_arbitrary.ts";

const RUNS = { numRuns: 150 };

/** The matrix, deduplicated when bool (see the module comment). */
function built(s: Spec): sparse.SparseMatrix {
  const a = build(s);
  return s.dtype === "bool" ? a.sumDuplicates() : a;
}

const floats = (n: number) =>
  fc.array(fc.integer({ min: -4, max: 4 }), { minLength: n, maxLength: n });

Deno.test("sparse properties: structure", async (t) => {
  await t.step("toDense equals the accumulated entries, in every format", () => {
    fc.assert(
      fc.property(specArb(), (s) => {
        const a = build(s);
        assertDense(a.toDense(), dense(s));
        for (const f of ["csr", "csc", "coo"] as const) {
          assertDense(a.asformat(f).toDense(), dense(s), f);
        }
      }),
      RUNS,
    );
  });
  await t.step("COO → CSR/CSC is canonical; CSR ↔ CSC is sorted; T shares the arrays", () => {
    fc.assert(
      fc.property(specArb(), (s) => {
        const a = build(s);
        if (a.format === "coo") {
          assert(a.tocsr().hasCanonicalFormat && a.tocsc().hasCanonicalFormat);
        } else {
          const other = a.format === "csr" ? a.tocsc() : a.tocsr();
          assert(other.hasSortedIndices);
          const c = a as sparse.CSR;
          assert.equal((a.T as sparse.CSC).indices, c.indices);
          assert.equal((a.T as sparse.CSC).indptr, c.indptr);
          assert.equal(a.T.data, a.data);
        }
        assertDense(a.T.toDense(), nd.transpose(dense(s)), "T");
        assert.deepEqual([...a.T.T.shape], [...a.shape]);
      }),
      RUNS,
    );
  });
  await t.step(
    "sumDuplicates, sortIndices, eliminateZeros keep the matrix and set the flags",
    () => {
      fc.assert(
        fc.property(specArb(), (s) => {
          const a = build(s), d = dense(s);
          const b = a.copy().sortIndices();
          assert(b.hasSortedIndices);
          assertDense(b.toDense(), d, "sortIndices");
          const c = a.copy().sumDuplicates();
          assert(c.hasCanonicalFormat && c.hasSortedIndices);
          assertDense(c.toDense(), d, "sumDuplicates");
          const e = a.copy().sumDuplicates().eliminateZeros();
          assert.equal(e.nnz, Number(nd.countNonzero(d).item()));
          assertDense(e.toDense(), d, "eliminateZeros");
          assert.equal(a.countNonzero(), e.nnz);
          a.check();
        }),
        RUNS,
      );
    },
  );
  await t.step("get, diagonal, trace", () => {
    fc.assert(
      fc.property(specArb(), fc.integer({ min: -7, max: 7 }), (s, k) => {
        const a = build(s), d = dense(s);
        for (let i = 0; i < s.m; i++) {
          for (let j = 0; j < s.n; j++) assert.deepEqual(a.get(i, j), d.get(i, j));
        }
        assertDense(a.diagonal(k), nd.diag(d, { k }), "diagonal");
        assertDense(a.trace(k), nd.sum(nd.diag(d, { k })), "trace");
      }),
      RUNS,
    );
  });
  await t.step("npz bytes round trip keeps format, arrays and dtype", () => {
    fc.assert(
      fc.property(specArb(), fc.boolean(), (s, compressed) => {
        const a = build(s);
        const b = sparse.fromNpzBytes(sparse.toNpzBytes(a, { compressed }));
        assert.equal(b.format, a.format);
        assert.equal(b.dtype, a.dtype);
        assert.deepEqual(b.data.toArray(), a.data.toArray());
        assertDense(b.toDense(), dense(s));
      }),
      RUNS,
    );
  });
});

Deno.test("sparse properties: products", async (t) => {
  await t.step("matmul with a dense vector and matrix; rmatvec", () => {
    fc.assert(
      fc.property(
        specArb({ m: fc.constant(5), n: fc.constant(4) }),
        floats(4),
        floats(12),
        floats(5),
        (s, xv, xm, yv) => {
          const a = built(s), d = nd.astype(a.toDense(), a.dtype);
          const x = nd.array(xv, { dtype: "float64" });
          assertDense(a.matmul(x), nd.matmul(d, x), "spmv");
          const X = nd.array(xm, { dtype: "float64" }).reshape([4, 3]);
          assertDense(a.matmul(X), nd.matmul(d, X), "spmm");
          assertDense(a.matmul(X.T.T), nd.matmul(d, X), "spmm strided");
          const y = nd.array(yv, { dtype: "float64" });
          assertDense(a.rmatvec(y), nd.matmul(nd.transpose(nd.conj(d)), y), "rmatvec");
        },
      ),
      RUNS,
    );
  });
  await t.step("matmul with a sparse matrix (spgemm), every format pair", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5 }).chain((k) =>
          fc.tuple(specArb({ n: fc.constant(k) }), specArb({ m: fc.constant(k) }))
        ),
        ([sa, sb]) => {
          const b = withDType(sb, sa.dtype);
          const A = built(sa), B = built(b);
          const expected = nd.matmul(A.toDense(), B.toDense());
          const c = A.matmul(B);
          assert.equal(c.format, A.format === "csc" ? "csc" : "csr");
          assertDense(c.toDense(), expected, "spgemm");
          c.check();
        },
      ),
      RUNS,
    );
  });
});

Deno.test("sparse properties: arithmetic", async (t) => {
  const pair = fc.integer({ min: 0, max: 5 }).chain((m) =>
    fc.integer({ min: 0, max: 5 }).chain((n) =>
      fc.tuple(
        specArb({ m: fc.constant(m), n: fc.constant(n) }),
        specArb({ m: fc.constant(m), n: fc.constant(n) }),
      )
    )
  );
  await t.step("add, sub, multiply of two sparse matrices", () => {
    fc.assert(
      fc.property(pair, ([sa, sb0]) => {
        const sb = withDType(sb0, sa.dtype);
        const A = build(sa), B = build(sb), da = dense(sa), db = dense(sb);
        assertDense(A.add(B).toDense(), nd.add(da, db), "add");
        if (sa.dtype !== "bool") assertDense(A.sub(B).toDense(), nd.subtract(da, db), "sub");
        const p = A.multiply(B);
        assertDense(p.toDense(), nd.multiply(da, db), "multiply");
        assert.equal(p.nnz, Number(nd.countNonzero(nd.multiply(da, db)).item()));
      }),
      RUNS,
    );
  });
  // a matrix and a sparse row, column or 1×1 operand (or a row and a column), either order
  const broadcastPair = fc.integer({ min: 0, max: 5 }).chain((m) =>
    fc.integer({ min: 0, max: 5 }).chain((n) =>
      fc.constantFrom(
        [[m, n], [1, n]],
        [[m, n], [m, 1]],
        [[m, n], [1, 1]],
        [[1, n], [m, 1]],
      ).chain(([[xm, xn], [ym, yn]]) =>
        fc.tuple(
          specArb({ m: fc.constant(xm), n: fc.constant(xn) }),
          specArb({ m: fc.constant(ym), n: fc.constant(yn) }),
          fc.boolean(),
        )
      )
    )
  );
  await t.step("multiply by a broadcast sparse operand equals the dense product", () => {
    fc.assert(
      fc.property(broadcastPair, ([s0, s1, swap]) => {
        const [sx, sy] = swap ? [s1, s0] : [s0, s1];
        const one = (s: Spec) => s.m === 1 && s.n === 1;
        const dx = dense(sx), dy = dense(sy);
        const p = built(sx).multiply(built(sy));
        p.check();
        // SciPy scales by the sum of a 1×1 left operand's values (NumPy's sum dtype)
        const want = nd.multiply(one(sx) && !one(sy) ? nd.sum(dx) : dx, dy);
        assertDense(p.toDense(), want, "multiply");
        // a 1×1 operand keeps the other's structure; otherwise zero products are dropped
        if (!one(sx) && !one(sy)) {
          assert.equal(p.nnz, Number(nd.countNonzero(want).item()));
          assert(p.hasCanonicalFormat);
        }
      }),
      RUNS,
    );
  });
  await t.step("with dense arrays and scalars", () => {
    fc.assert(
      fc.property(
        specArb({ m: fc.constant(3), n: fc.constant(4) }),
        floats(12),
        floats(4),
        (s, dv, rv) => {
          const A = built(s), d = dense(s);
          const D = nd.array(dv, { dtype: "float64" }).reshape([3, 4]);
          const row = nd.array(rv, { dtype: "float64" });
          assertDense(A.add(D) as nd.NDArray, nd.add(d, D), "add dense");
          assertDense(A.multiply(D).toDense(), nd.multiply(d, D), "multiply dense");
          assertDense(A.multiply(row).toDense(), nd.multiply(d, row), "multiply row");
          assertDense(A.mul(2).toDense(), nd.multiply(d, 2), "mul");
          assertDense(A.div(2).toDense(), nd.divide(d, 2), "div");
          assertDense(A.abs().toDense(), nd.abs(d), "abs");
          if (s.dtype !== "bool") {
            assertDense(A.neg().toDense(), nd.negative(d), "neg");
            assertDense(A.power(2).toDense(), nd.power(d, 2), "power");
          }
        },
      ),
      RUNS,
    );
  });
  await t.step("zero-preserving functions", () => {
    const names = [
      "sqrt",
      "sin",
      "tan",
      "arctan",
      "sinh",
      "tanh",
      "arcsinh",
      "expm1",
      "floor",
      "ceil",
      "trunc",
      "rint",
      "sign",
      "deg2rad",
      "rad2deg",
    ] as const;
    fc.assert(
      fc.property(specArb({ dtype: "float64" }), fc.constantFrom(...names), (s, f) => {
        const A = build(s).abs(), d = nd.abs(dense(s));
        const ufunc = (nd as unknown as Record<string, (x: nd.NDArray) => nd.NDArray>)[f];
        assertDense(
          (A as unknown as Record<string, () => sparse.SparseMatrix>)[f]().toDense(),
          ufunc(d),
          f,
        );
      }),
      RUNS,
    );
  });
});

Deno.test("sparse properties: reductions", async (t) => {
  await t.step("sum, mean, max, min, countNonzero with and without axis", () => {
    fc.assert(
      fc.property(specArb(), fc.constantFrom(undefined, 0, 1, -1, -2), (s, axis) => {
        const A = built(s), d = dense(s);
        assertDense(A.sum({ axis }), nd.sum(d, { axis }), "sum");
        if (s.m * s.n > 0) assertDense(A.mean({ axis }), nd.mean(d, { axis }), "mean");
        const empty = axis === undefined
          ? s.m * s.n === 0
          : (axis === 0 || axis === -2 ? s.m : s.n) === 0;
        if (s.dtype !== "complex128" && !empty) {
          assertDense(A.max({ axis }), nd.max(d, { axis }), "max");
          assertDense(A.min({ axis }), nd.min(d, { axis }), "min");
        }
        if (axis === undefined) assert.equal(A.countNonzero(), Number(nd.countNonzero(d).item()));
      }),
      RUNS,
    );
  });
});

Deno.test("sparse properties: indexing and construction", async (t) => {
  const entry = (n: number) =>
    fc.oneof(
      fc.constant(null),
      fc.integer({ min: -n, max: n - 1 }),
      fc.tuple(
        fc.integer({ min: -n - 1, max: n + 1 }),
        fc.integer({ min: -n - 1, max: n + 1 }),
        fc.constantFrom(1, 2, -1, -2),
      )
        .map(([a, b, c]) => `${a}:${b}:${c}`),
      fc.array(fc.integer({ min: -n, max: n - 1 }), { maxLength: 6 }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    );
  const spec = specArb({ m: fc.integer({ min: 1, max: 6 }), n: fc.integer({ min: 1, max: 6 }) });
  await t.step("slice(rows, cols) is NumPy's outer indexing; getRow, getCol", () => {
    fc.assert(
      fc.property(
        spec.chain((s) => fc.tuple(fc.constant(s), entry(s.m), entry(s.n))),
        ([s, r, c]) => {
          const A = build(s), d = dense(s);
          const keep = (e: unknown) => typeof e === "number" ? [e] : e;
          const expected = nd.slice(
            nd.slice(d, keep(r) as nd.Index, null),
            null,
            keep(c) as nd.Index,
          );
          const got = A.slice(r as nd.Index, c as nd.Index);
          assert.equal(got.format, A.format === "csc" ? "csc" : "csr");
          assertDense(got.toDense(), expected, `slice ${JSON.stringify([r, c])}`);
          got.check();
          assertDense(A.getRow(s.m - 1).toDense(), nd.slice(d, [s.m - 1], null), "getRow");
          assertDense(A.getCol(0).toDense(), nd.slice(d, null, [0]), "getCol");
        },
      ),
      RUNS,
    );
  });
  await t.step("kron, tril, triu, vstack, hstack, blockDiag", () => {
    fc.assert(
      fc.property(
        specArb({ dtype: "int64" }),
        specArb({ dtype: "int64" }),
        fc.integer({ min: -3, max: 3 }),
        (sa, sb, k) => {
          const A = build(sa), B = build(sb), da = dense(sa), db = dense(sb);
          assertDense(sparse.kron(A, B).toDense(), nd.kron(da, db), "kron");
          assertDense(sparse.tril(A, { k }).toDense(), nd.tril(da, { k }), "tril");
          assertDense(sparse.triu(A, { k }).toDense(), nd.triu(da, { k }), "triu");
          assertDense(
            sparse.blockDiag([A, B]).toDense().slice(`0:${sa.m}`, `0:${sa.n}`),
            da,
            "blockDiag",
          );
          if (sa.n === sb.n) {
            assertDense(sparse.vstack([A, B]).toDense(), nd.vstack([da, db]), "vstack");
          }
          if (sa.m === sb.m) {
            assertDense(sparse.hstack([A, B]).toDense(), nd.hstack([da, db]), "hstack");
          }
        },
      ),
      RUNS,
    );
  });
  await t.step("fromDense, eye and diags agree with nd's dense constructors", () => {
    fc.assert(
      fc.property(
        specArb(),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: -6, max: 6 }),
        (s, n, m, k) => {
          const d = dense(s);
          for (const format of ["csr", "csc", "coo"] as const) {
            const a = sparse.fromDense(d, { format });
            assert(a.hasCanonicalFormat);
            assertDense(a.toDense(), d, "fromDense");
          }
          assertDense(sparse.eye(n, { m, k }).toDense(), nd.eye(n, { m, k }), "eye");
          const v = nd.arange(1, n + 1, { dtype: "float64" });
          assertDense(
            sparse.diags(v, { offsets: k, shape: [n + Math.abs(k), n + Math.abs(k)] }).toDense(),
            nd.diag(v, { k }),
            "diags",
          );
        },
      ),
      RUNS,
    );
  });
});
