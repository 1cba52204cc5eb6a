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

Deno.test("sparse matrix: stacking gives SciPy's formats", async (t) => {
  const FMTS = ["coo", "csr", "csc"] as const;
  // SciPy 1.17: sp.hstack / sp.vstack of [A.asformat(f), B.asformat(g)] with format=None,
  // "coo", "csr", "csc" (the same table for both): only blocks all CSR or all CSC keep it
  const EXPECTED: Record<string, string[]> = {
    "coo,coo": ["coo", "coo", "csr", "csc"],
    "coo,csr": ["coo", "coo", "csr", "csc"],
    "coo,csc": ["coo", "coo", "csr", "csc"],
    "csr,coo": ["coo", "coo", "csr", "csc"],
    "csr,csr": ["csr", "coo", "csr", "csc"],
    "csr,csc": ["coo", "coo", "csr", "csc"],
    "csc,coo": ["coo", "coo", "csr", "csc"],
    "csc,csr": ["coo", "coo", "csr", "csc"],
    "csc,csc": ["csc", "coo", "csr", "csc"],
  };
  const a = messy(); // [[2, 0, 1.5], [0, 0, 0], [0, 9, 0]] with a duplicate and a zero
  const b = sparse.fromDense(nd.array([[0, 7], [8, 0], [0, 0]], { dtype: "int32" }));
  for (const vertical of [false, true]) {
    const stack = vertical ? sparse.vstack : sparse.hstack;
    const blocks = vertical ? [a.T, b.T] : [a, b];
    const want = vertical
      ? nd.vstack([a.toDense().T, b.toDense().T])
      : nd.hstack([a.toDense(), b.toDense()]);
    await t.step(`${vertical ? "vstack" : "hstack"}: every pair of formats, every format`, () => {
      for (const f of FMTS) {
        for (const g of FMTS) {
          const pair = [blocks[0].asformat(f), blocks[1].asformat(g)];
          [undefined, ...FMTS].forEach((format, k) => {
            const what = `${f},${g} format=${format}`;
            const r = stack(pair, { format });
            assert.equal(r.format, EXPECTED[`${f},${g}`][k], what);
            assert.equal(r.dtype, "float64", what);
            nd.testing.assertArrayEqual(r.toDense(), want, { errMsg: what });
            r.check();
          });
        }
      }
    });
  }
  await t.step("CSR side by side keeps the blocks' entries as SciPy's fast path does", () => {
    // SciPy: h = sp.hstack([A, B]) → csr, indptr [0,4,5,7], indices [2,0,2,4,3,1,1],
    // data [1.5,2,0,7,8,4,5] (duplicates and the stored zero kept, not canonical)
    const h = sparse.hstack([a, b]) as sparse.CSR;
    assert.equal(h.format, "csr");
    assert.deepEqual([...h.indptr], [0, 4, 5, 7]);
    assert.deepEqual([...h.indices], [2, 0, 2, 4, 3, 1, 1]);
    assert.deepEqual(h.data.toArray(), [1.5, 2, 0, 7, 8, 4, 5]);
    assert(!h.hasCanonicalFormat);
    // the same arrays for CSC blocks on top of each other
    const v = sparse.vstack([a.T, b.T]) as sparse.CSC;
    assert.equal(v.format, "csc");
    assert.deepEqual([...v.indptr], [0, 4, 5, 7]);
    assert.deepEqual([...v.indices], [2, 0, 2, 4, 3, 1, 1]);
    assert.deepEqual(v.data.toArray(), [1.5, 2, 0, 7, 8, 4, 5]);
    // canonical blocks give a canonical result
    const c = sparse.hstack([a.copy().sumDuplicates(), b]) as sparse.CSR;
    assert(c.hasCanonicalFormat);
    assert.deepEqual([...c.indices], [0, 2, 4, 3, 1]);
  });
  await t.step("a dtype other than the blocks' own sums duplicates, as SciPy's astype", () => {
    // SciPy: sp.hstack([A, B], dtype=np.float32).data → [2, 1.5, 7, 8, 9], csr
    const h = sparse.hstack([a, b], { dtype: "float32" });
    assert.equal(h.format, "csr");
    assert.equal(h.dtype, "float32");
    assert.deepEqual(h.data.toArray(), [2, 1.5, 7, 8, 9]);
    // the blocks' own dtype changes nothing
    assert.equal(sparse.hstack([a, b], { dtype: "float64" }).nnz, 7);
    // SciPy: sp.hstack([A, B.tocoo()], format="csr") → 5 entries (converted through COO)
    const m = sparse.hstack([a, b.tocoo()], { format: "csr" }) as sparse.CSR;
    assert.deepEqual([...m.indptr], [0, 3, 4, 5]);
    assert.deepEqual([...m.indices], [0, 2, 4, 3, 1]);
    assert.deepEqual(m.data.toArray(), [2, 1.5, 7, 8, 9]);
  });
  await t.step("one block, three blocks, empty blocks and dense blocks", () => {
    assert.equal(sparse.hstack([a]).format, "csr");
    assert.equal(sparse.vstack([a.T]).format, "csc");
    const three = sparse.hstack([a, b, a]);
    assert.equal(three.format, "csr");
    nd.testing.assertArrayEqual(
      three.toDense(),
      nd.hstack([a.toDense(), b.toDense(), a.toDense()]),
    );
    const empty = sparse.csr({ shape: [3, 0] });
    const e = sparse.hstack([empty, a, empty]);
    assert.equal(e.format, "csr");
    nd.testing.assertArrayEqual(e.toDense(), a.toDense());
    assert.equal(sparse.vstack([sparse.csc({ shape: [0, 3] }), a.T]).format, "csc");
    assert.equal(sparse.hstack([a, [[1], [2], [3]]]).format, "coo");
  });
});

Deno.test("sparse matrix: multiply broadcasts sparse vectors as SciPy", async (t) => {
  const FMTS = ["coo", "csr", "csc"] as const;
  const A = [[1, 0, -2, 0], [0, 3, 0, 0], [-3, 4, 0, 5]];
  const a = sparse.fromDense(A);
  // SciPy 1.17, for A in coo/csr/csc (index 0/1/2) and any format of the vector V:
  // A.multiply(V).format and V.multiply(A).format, nnz and the dense product
  const CASES = {
    col: {
      v: [[1], [0], [3]],
      fwd: ["csr", "csr", "csr"],
      rev: ["csr", "csr", "csr"],
      nnz: 5,
      dense: [[1, 0, -2, 0], [0, 0, 0, 0], [-9, 12, 0, 15]],
    },
    row: {
      v: [[2, 0, 0, -1]],
      fwd: ["csr", "csr", "csc"],
      rev: ["csr", "csr", "csc"],
      nnz: 3,
      dense: [[2, 0, 0, 0], [0, 0, 0, 0], [-6, 0, 0, -5]],
    },
    one: {
      v: [[2]],
      fwd: ["csr", "csr", "csc"],
      rev: ["coo", "csr", "csc"],
      nnz: 6,
      dense: [[2, 0, -4, 0], [0, 6, 0, 0], [-6, 8, 0, 10]],
    },
    zero: { // a 1×1 operand keeps the structure: the 6 entries become stored zeros
      v: [[0]],
      fwd: ["csr", "csr", "csc"],
      rev: ["coo", "csr", "csc"],
      nnz: 6,
      dense: [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
    },
  };
  for (const [name, c] of Object.entries(CASES)) {
    await t.step(`by a ${name} vector, both ways, every pair of formats`, () => {
      const v = sparse.fromDense(c.v);
      const want = nd.array(c.dense, { dtype: "int64" });
      FMTS.forEach((fa, k) => {
        for (const fv of FMTS) {
          const A1 = a.asformat(fa), V1 = v.asformat(fv);
          for (const [dir, r] of [["fwd", A1.multiply(V1)], ["rev", V1.multiply(A1)]] as const) {
            const what = `${name} ${dir} ${fa} ${fv}`;
            assert.equal(r.format, c[dir][k], what);
            assert.equal(r.dtype, "int64", what);
            assert.equal(r.nnz, c.nnz, what);
            assert.deepEqual([...r.shape], [3, 4], what);
            nd.testing.assertArrayEqual(r.toDense(), want, { errMsg: what });
            r.check();
          }
        }
      });
    });
  }
  await t.step("a row times a column is their outer product, in the column's format", () => {
    // SciPy: csr([[1, 2, 0]]).multiply(csr([[3], [0], [4], [5]])) → 4×3, 6 stored entries
    const row = sparse.fromDense([[1, 2, 0]]), col = sparse.fromDense([[3], [0], [4], [5]]);
    const want = nd.array([[3, 6, 0], [0, 0, 0], [4, 8, 0], [5, 10, 0]]);
    for (const fr of FMTS) {
      for (const fc of FMTS) {
        for (
          const r of [
            row.asformat(fr).multiply(col.asformat(fc)),
            col.asformat(fc).multiply(row.asformat(fr)),
          ]
        ) {
          assert.equal(r.format, fc === "csc" ? "csc" : "csr", `${fr} ${fc}`);
          assert.equal(r.nnz, 6);
          nd.testing.assertArrayEqual(r.toDense(), want);
          r.check();
        }
      }
    }
  });
  await t.step("dtypes promote as SciPy's: a 1×1 left operand is summed first", () => {
    const ai8 = a.astype("int8");
    // SciPy: int8 A .multiply(uint8 [[2, 0, 0, 1]]) → int16
    const r = ai8.multiply(sparse.fromDense(nd.array([[2, 0, 0, 1]], { dtype: "uint8" })));
    assert.equal(r.dtype, "int16");
    nd.testing.assertArrayEqual(
      r.toDense(),
      nd.array([[2, 0, 0, 0], [0, 0, 0, 0], [-6, 0, 0, 5]], { dtype: "int16" }),
    );
    const one = sparse.fromDense(nd.array([[2]], { dtype: "uint8" }));
    // SciPy: A.multiply(one) → int16; one.multiply(A) → float64 (one.data.sum() is uint64)
    assert.equal(ai8.multiply(one).dtype, "int16");
    const rev = one.multiply(ai8);
    assert.equal(rev.dtype, "float64");
    nd.testing.assertArrayEqual(rev.toDense(), nd.multiply(a.toDense(), 2).astype("float64"));
    // SciPy: bool A .multiply([[True]]) → bool; [[True]].multiply(bool A) → int64
    const ab = a.astype("bool"), t1 = sparse.fromDense([[true]]);
    assert.equal(ab.multiply(t1).dtype, "bool");
    assert.equal(t1.multiply(ab).dtype, "int64");
  });
  await t.step("stored duplicates count as SciPy counts them", () => {
    // a CSR bool matrix with (0,1) stored twice: SciPy sums the products in int8 → 10;
    // as COO it is converted first (bool duplicates or'ed) → 5
    const m = sparse.csr({
      data: [true, true, true],
      indices: [1, 1, 0],
      indptr: [0, 2, 3],
      shape: [2, 2],
    });
    const r = sparse.fromDense(nd.array([[3, 5]], { dtype: "int8" }));
    const p = m.multiply(r);
    assert.equal(p.format, "csr");
    assert.equal(p.dtype, "int8");
    assert.equal(p.nnz, 2);
    assert.deepEqual(p.toDense().toArray(), [[0, 10], [3, 0]]);
    assert.deepEqual(m.tocoo().multiply(r).toDense().toArray(), [[0, 5], [3, 0]]);
    assert.deepEqual(r.multiply(m).toDense().toArray(), [[0, 10], [3, 0]]);
  });
  await t.step("the operands are left as they were", () => {
    const m = messy(), before = [...m.indices];
    const p = m.multiply(sparse.fromDense([[1, 2, 3]]));
    assert.deepEqual([...m.indices], before);
    assert(!m.hasCanonicalFormat);
    assert(p.hasCanonicalFormat);
    // SciPy: [[2, 0, 4.5], [0, 0, 0], [0, 18, 0]], 3 entries
    assert.deepEqual(p.toDense().toArray(), [[2, 0, 4.5], [0, 0, 0], [0, 18, 0]]);
    assert.equal(p.nnz, 3);
  });
});
