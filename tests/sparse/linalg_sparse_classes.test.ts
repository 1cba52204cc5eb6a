// nd.sparse.linalg on nd.sparse's own CSR/CSC/COO matrices: dtypes, non-canonical storage,
// the transpose path of aslinearoperator, sparse right-hand sides, analytically known
// spectra of 2-D Laplacians built with sparse.kron/diags.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { sla, sparse, throwsLike } from "./linalg_helpers.test.ts";

/** The 2-D Laplacian on an m×m grid, as kron(I, T) + kron(T, I). */
function laplacian2d(m: number): sparse.SparseMatrix {
  const T = sparse.diags([[-1], [2], [-1]], { offsets: [-1, 0, 1], shape: [m, m] });
  const I = sparse.eye(m);
  return sparse.kron(I, T).add(sparse.kron(T, I)).tocsr();
}

Deno.test("sparse.linalg with nd.sparse matrices", async (t) => {
  await t.step("a 2-D Laplacian: cg, spsolve and eigsh agree with the analytic solution", () => {
    const m = 40, n = m * m;
    const A = laplacian2d(m);
    assert.equal(A.format, "csr");
    const b = nd.ones([n]);
    const { x, info } = sla.cg(A, b, { rtol: 1e-10 });
    assert.equal(info, 0);
    nd.testing.assertAllClose(sla.spsolve(A, b), x, { rtol: 1e-8 });
    const lam = (i: number, j: number) =>
      4 * Math.sin((i * Math.PI) / (2 * (m + 1))) ** 2 +
      4 * Math.sin((j * Math.PI) / (2 * (m + 1))) ** 2;
    const smallest = [lam(1, 1), lam(1, 2), lam(2, 1), lam(2, 2)];
    nd.testing.assertAllClose(sla.eigsh(A, { k: 4, sigma: 0 }).eigenvalues, smallest, {
      rtol: 1e-10,
    });
    nd.testing.assertAllClose(
      sla.eigsh(A.tocsc(), { k: 1, which: "LA" }).eigenvalues,
      [lam(m, m)],
      { rtol: 1e-10 },
    );
    nd.testing.assertAllClose(sla.norm(A, { ord: Infinity }), 8);
    nd.testing.assertAllClose(sla.norm(A, { ord: 2 }), lam(m, m), { rtol: 1e-10 });
  });
  await t.step("integer matrices compute in float64", () => {
    const A = sparse.coo({
      data: [4, 1, 1, 3],
      row: [0, 0, 1, 1],
      col: [0, 1, 0, 1],
      shape: [2, 2],
    });
    assert.equal(A.dtype, "int64");
    for (const M of [A, A.tocsr(), A.tocsc()]) {
      const r = sla.cg(M, [1, 2], { rtol: 1e-12 });
      assert.equal(r.x.dtype, "float64");
      nd.testing.assertAllClose(r.x, [1 / 11, 7 / 11]);
      nd.testing.assertAllClose(sla.spsolve(M, [1, 2]), [1 / 11, 7 / 11]);
      nd.testing.assertAllClose(sla.norm(M), Math.sqrt(27));
      nd.testing.assertAllClose(sla.aslinearoperator(M).rmatvec([1, 0]), [4, 1]);
    }
  });
  await t.step("float32 matrices give float32 results", () => {
    const A = laplacian2d(6).astype("float32");
    const b = nd.ones([36], { dtype: "float32" });
    assert.equal(sla.cg(A, b).x.dtype, "float32");
    assert.equal(sla.gmres(A, b).x.dtype, "float32");
    assert.equal(sla.spsolve(A, b).dtype, "float32");
    assert.equal(sla.eigsh(A, { k: 2 }).eigenvalues.dtype, "float32");
    assert.equal(sla.svds(A, { k: 2 }).S.dtype, "float32");
  });
  await t.step("non-canonical CSR (duplicates, unsorted indices) and explicit zeros", () => {
    const A = sparse.csr({
      data: [1, 1, 2, 0, 5],
      indices: [1, 1, 0, 2, 2],
      indptr: [0, 3, 4, 5],
      shape: [3, 3],
    }).astype("float64");
    assert.equal(A.hasCanonicalFormat, false);
    const D = nd.array([[2, 2, 0], [0, 0, 0], [0, 0, 5]]);
    const B = nd.add(D, nd.eye(3));
    const Ap = A.add(sparse.eye(3));
    nd.testing.assertAllClose(sla.spsolve(Ap, [1, 2, 3]), nd.linalg.solve(B, [1, 2, 3]));
    nd.testing.assertAllClose(
      sla.gmres(Ap, [1, 2, 3], { rtol: 1e-12 }).x,
      nd.linalg.solve(B, [1, 2, 3]),
    );
    nd.testing.assertAllClose(sla.norm(A, { ord: 1 }), 5);
    nd.testing.assertAllClose(sla.norm(A, { ord: 0, axis: 1 }), [2, 0, 1]);
    nd.testing.assertAllClose(sla.aslinearoperator(A).matvec([1, 1, 1]), [4, 0, 5]);
  });
  await t.step("aslinearoperator(sparse).T and .H use the sparse transpose", () => {
    const R = sparse.random(30, 20, { density: 0.3, rng: nd.random.defaultRng(2) });
    const D = R.toDense();
    const L = sla.aslinearoperator(R);
    assert.deepEqual(L.T.shape, [20, 30]);
    const y = nd.random.defaultRng(3).standardNormal({ size: 30 }) as nd.NDArray;
    nd.testing.assertAllClose(L.T.matvec(y), nd.matmul(D.T, y));
    nd.testing.assertAllClose(L.H.matmat(nd.eye(30)), D.T);
    nd.testing.assertAllClose(L.rmatvec(y), nd.matmul(D.T, y));
  });
  await t.step("svds of a random sparse matrix against the dense SVD", () => {
    const R = sparse.random(300, 120, { density: 0.05, rng: nd.random.defaultRng(4) });
    const s = nd.linalg.svd(R.toDense(), { computeUv: false }).toArray() as number[];
    nd.testing.assertAllClose(sla.svds(R, { k: 5 }).S, s.slice(0, 5).reverse(), { rtol: 1e-10 });
    nd.testing.assertAllClose(sla.svds(R.T, { k: 5 }).S, s.slice(0, 5).reverse(), { rtol: 1e-10 });
  });
  await t.step("a sparse right-hand side is densified (spsolve)", () => {
    const A = laplacian2d(5);
    const B = sparse.random(25, 3, { density: 0.3, rng: nd.random.defaultRng(5) });
    const X = sla.spsolve(A, B);
    assert(X instanceof nd.NDArray);
    nd.testing.assertAllClose(nd.matmul(A.toDense(), X), B.toDense(), { atol: 1e-12 });
  });
  await t.step("complex sparse matrices are refused", () => {
    const C = sparse.coo({
      data: nd.array([{ re: 1, im: 1 }, { re: 2, im: 0 }]),
      row: [0, 1],
      col: [0, 1],
      shape: [2, 2],
    }).tocsr();
    assert.equal(C.dtype, "complex128");
    throwsLike(
      () => sla.cg(C, [1, 1]),
      TypeError,
      "cg: complex A is not supported, got dtype complex128",
    );
    throwsLike(
      () => sla.spsolve(C, [1, 1]),
      TypeError,
      "spsolve: complex A is not supported, got dtype complex128",
    );
    throwsLike(
      () => sla.eigsh(C, { k: 1 }),
      TypeError,
      "eigsh: complex A is not supported, got dtype complex128",
    );
    throwsLike(
      () => sla.norm(C),
      TypeError,
      "norm: complex A is not supported, got dtype complex128",
    );
  });
});
