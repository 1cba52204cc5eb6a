// Behaviour of the matrix objects: sharing and copying, in-place canonicalisation, flags,
// the interface sparse.linalg relies on, display, random's SciPy-identical draws.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as sparse from "../../src/sparse/mod.ts";

/** The Jupyter MIME bundle of a matrix. */
function bundle(m: sparse.SparseMatrix): Record<string, string> {
  const f = (m as unknown as Record<symbol, () => Record<string, string>>)[
    Symbol.for("Jupyter.display")
  ];
  return f.call(m);
}

const messy = () =>
  sparse.csr({
    data: [1.5, 2, 0, 4, 5],
    indices: [2, 0, 2, 1, 1],
    indptr: [0, 3, 3, 5],
    shape: [3, 3],
  });

Deno.test("sparse matrix: sharing, copies and in-place methods", async (t) => {
  await t.step("csr() keeps Int32Array and contiguous data without copying unless asked", () => {
    const indices = Int32Array.of(0, 1), indptr = Int32Array.of(0, 1, 2);
    const data = nd.array([1.5, 2.5]);
    const a = sparse.csr({ data, indices, indptr, shape: [2, 2] });
    assert.equal(a.indices, indices);
    assert.equal(a.indptr, indptr);
    assert.equal(a.data, data);
    const b = sparse.csr({ data, indices, indptr, shape: [2, 2], copy: true });
    assert.notEqual(b.indices, indices);
    assert.notEqual(b.data, data);
  });
  await t.step("prune: entries past indptr's end are dropped, as SciPy does", () => {
    const a = sparse.csr({ data: [1, 2, 9], indices: [0, 1, 1], indptr: [0, 1, 2], shape: [2, 2] });
    assert.equal(a.nnz, 2);
    assert.deepEqual([...a.indices], [0, 1]);
  });
  await t.step("shapes are inferred from the indices", () => {
    const a = sparse.csr({ data: [1], indices: [4], indptr: [0, 0, 1] });
    assert.deepEqual(a.shape, [2, 5]);
    const c = sparse.csc({ data: [1], indices: [3], indptr: [0, 1] });
    assert.deepEqual(c.shape, [4, 1]);
  });
  await t.step(
    "sortIndices/sumDuplicates/eliminateZeros replace the arrays, never write them",
    () => {
      const a = messy(), t = a.T as sparse.CSC;
      const before = [...a.indices];
      a.sortIndices();
      assert(a.hasSortedIndices && !a.hasCanonicalFormat);
      assert.deepEqual([...t.indices], before, "the transpose keeps its arrays");
      a.sumDuplicates();
      assert(a.hasCanonicalFormat);
      assert.deepEqual([...a.indices], [0, 2, 1]);
      assert.deepEqual(a.data.toArray(), [2, 1.5, 9]);
      assert.equal(a.nnz, 3);
      const z = messy().eliminateZeros();
      assert.equal(z.nnz, 4);
      assert.deepEqual(z.toDense().toArray(), messy().toDense().toArray());
    },
  );
  await t.step("copy is deep; astype copies the indices; withData shares them", () => {
    const a = messy();
    const c = a.copy();
    c.indices[0] = 0;
    assert.equal(a.indices[0], 2);
    const f = a.astype("float32");
    assert.equal(f.dtype, "float32");
    assert.notEqual(f.indices, a.indices);
    const w = a.withData(nd.ones([5], { dtype: "int8" }));
    assert.equal(w.indices, a.indices);
    assert.equal(w.dtype, "int8");
    const strided = a.withData(nd.arange(10, { dtype: "float64" }).slice("::2"));
    assert.deepEqual(strided.data.toArray(), [0, 2, 4, 6, 8]);
  });
  await t.step("conversions share what they can", () => {
    const a = messy();
    const coo = a.tocoo();
    assert.equal(coo.col, a.indices);
    assert.equal(coo.data, a.data);
    assert.equal(a.tocsr(), a);
    assert.equal(a.tocsc().tocsc().format, "csc");
    assert.equal(coo.tocoo(), coo);
    assert.equal(a.asformat("coo").format, "coo");
    assert.equal(a.transpose().format, "csc");
    assert.deepEqual(coo.T.shape, [3, 3]);
    assert.equal(coo.T.row, coo.col);
    const csc = a.tocsc();
    assert.equal(csc.tocoo().row, csc.indices);
  });
  await t.step("COO sortIndices is stable row-major and keeps duplicates", () => {
    const c = sparse.coo({
      data: [1, 2, 3, 4],
      row: [1, 0, 1, 0],
      col: [0, 1, 0, 0],
      shape: [2, 2],
    });
    c.sortIndices();
    assert(c.hasSortedIndices && !c.hasCanonicalFormat);
    assert.deepEqual([...c.row], [0, 0, 1, 1]);
    assert.deepEqual([...c.col], [0, 1, 0, 0]);
    assert.deepEqual(c.data.toArray(), [4n, 2n, 1n, 3n]);
    c.sumDuplicates();
    assert.equal(c.nnz, 3);
    const z = sparse.coo({ data: [0, 2], row: [0, 1], col: [0, 0], shape: [2, 1] })
      .eliminateZeros();
    assert.equal(z.nnz, 1);
    assert.equal(z.copy().check().nnz, 1);
  });
});

Deno.test("sparse matrix: what sparse.linalg needs", () => {
  const a = sparse.random(20, 20, { density: 0.2, rng: nd.random.defaultRng(1), format: "csr" });
  for (const m of [a, a.tocsc(), a.tocoo()]) {
    const x = nd.random.defaultRng(2).standardNormal({ size: 20 });
    const y = m.matmul(x);
    assert.equal(y.ndim, 1);
    assert.equal(y.dtype, "float64");
    nd.testing.assertAllClose(y, nd.matmul(a.toDense(), x));
    nd.testing.assertAllClose(m.rmatvec(x), nd.matmul(a.toDense().T, x));
    nd.testing.assertAllClose(m.T.matmul(x), nd.matmul(a.toDense().T, x));
    nd.testing.assertAllClose(m.dot(x.reshape([20, 1])).reshape([20]), y);
    assert.deepEqual(m.shape, [20, 20]);
  }
  const z = sparse.fromDense(nd.array([[{ re: 0, im: 1 }]], { dtype: "complex128" }));
  assert.deepEqual(z.rmatvec([1]).toArray(), [{ re: 0, im: -1 }]);
  assert.deepEqual(z.conj().toDense().toArray(), [[{ re: 0, im: -1 }]]);
});

Deno.test("sparse matrix: random draws SciPy's matrices", () => {
  // (entry-for-entry equality with SciPy is in the fixtures: random_0 .. random_7)
  const a = sparse.random(3, 4, { density: 0.5, rng: nd.random.defaultRng(0) });
  assert.equal(a.format, "coo");
  assert.equal(a.nnz, 6);
  const b = sparse.random(3, 4, { density: 0.5, rng: nd.random.defaultRng(0) });
  assert.deepEqual(a.toDense().toArray(), b.toDense().toArray());
  assert.equal(sparse.random(3, 3, { density: 1 / 6, rng: nd.random.defaultRng(0) }).nnz, 2); // round half even
  assert.equal(sparse.random(5, 5, { density: 0 }).nnz, 0);
  const b8 = sparse.random(3, 3, { density: 0.5, dtype: "bool", rng: nd.random.defaultRng(0) });
  assert.equal(b8.dtype, "bool");
});

Deno.test("sparse matrix: display", async (t) => {
  const a = sparse.fromDense([[1.5, 0], [0, -2]]);
  await t.step("toString and the Jupyter text are SciPy's str", () => {
    const s = "<Compressed Sparse Row sparse matrix of dtype 'float64'\n\twith 2 stored elements " +
      "and shape (2, 2)>\n  Coords\tValues\n  (0, 0)\t1.5\n  (1, 1)\t-2.0";
    assert.equal(a.toString(), s);
    const b = bundle(a);
    assert.equal(b["text/plain"], s);
    assert.equal(Deno.inspect(a), s);
  });
  await t.step("the HTML shows format, shape, dtype, entries, density and the entries", () => {
    const html = bundle(a)["text/html"];
    for (
      const part of [
        "csr (Compressed Sparse Row)",
        "(2, 2)",
        "float64",
        'stored entries</th><td style="text-align:left">2</td>',
        "50.0%",
        "<td>1.5</td>",
        "<td>-2.0</td>",
      ]
    ) {
      assert(html.includes(part), part);
    }
  });
  await t.step("long matrices are elided in the middle", () => {
    const big = sparse.eye(100, { format: "coo" });
    const lines = big.toString().split("\n");
    assert.equal(lines.length, 3 + 50 + 1);
    assert.equal(lines[28], "  :\t:");
    const html = bundle(big)["text/html"];
    assert.equal(html.split("<tr><td>").length - 1, 10 + 1 + 5); // head, the ⋮ row, tail
    assert(html.includes("⋮"));
    const empty = bundle(sparse.csr({ shape: [0, 0] }));
    assert(empty["text/html"].includes("n/a"));
  });
  await t.step("values print as Python prints them", () => {
    const v = sparse.fromDense(
      nd.array([[{ re: 0, im: 2 }, { re: -0.5, im: -1 }, { re: 1e20, im: 1 }]], {
        dtype: "complex128",
      }),
    );
    assert.deepEqual(v.toString().split("\n").slice(3).map((l) => l.split("\t")[1]), [
      "2j",
      "(-0.5-1j)",
      "(1e+20+1j)",
    ]);
    const f = sparse.fromDense([[1e-5, 1e16, 0.1, NaN, -Infinity]]);
    assert.deepEqual(f.toString().split("\n").slice(3).map((l) => l.split("\t")[1]), [
      "1e-05",
      "1e+16",
      "0.1",
      "nan",
      "-inf",
    ]);
  });
});

Deno.test("sparse matrix: spgemm takes the symbolic pass when products far outnumber the inputs", () => {
  // a 40×1 column times a 1×40 row: 1600 products from 80 stored entries
  const col = sparse.fromDense(nd.ones([40, 1])), row = sparse.fromDense(nd.ones([1, 40]));
  const outer = col.matmul(row);
  assert.equal(outer.nnz, 1600);
  nd.testing.assertArrayEqual(outer.toDense(), nd.ones([40, 40]));
  // and sums that cancel are dropped on that path too
  const a = sparse.fromDense(nd.concatenate([nd.ones([40, 1]), nd.full([40, 1], -1)], { axis: 1 }));
  const b = sparse.fromDense(nd.ones([2, 40]));
  const z = a.matmul(b);
  assert.equal(z.nnz, 0);
  assert.deepEqual(z.shape, [40, 40]);
  const c = a.tocsc().matmul(b);
  assert.equal(c.format, "csc");
  assert.equal(c.nnz, 0);
});
