// nd.sparse.linalg.LinearOperator and aslinearoperator: products, adjoints, composition,
// dtype inference, the wrapped-matrix forms, and every error.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { matrix, OpaqueMatrix, sla, throwsLike } from "./linalg_helpers.test.ts";

const A = nd.array([[1, 2, 0], [3, 4, 5]]);

Deno.test("LinearOperator products", async (t) => {
  const forms: [string, sla.LinearOperator][] = [
    ["dense", sla.aslinearoperator(A)],
    ["nested", sla.aslinearoperator([[1, 2, 0], [3, 4, 5]])],
    [
      "functions",
      new sla.LinearOperator({
        shape: [2, 3],
        matvec: (x) => nd.matmul(A, x),
        rmatvec: (x) => nd.matmul(A.T, x),
      }),
    ],
    [
      "matmat only",
      new sla.LinearOperator({
        shape: [2, 3],
        matmat: (X) => nd.matmul(A, X),
        rmatmat: (X) => nd.matmul(A.T, X),
      }),
    ],
  ];
  for (const [name, L] of forms) {
    await t.step(name, () => {
      assert.deepEqual(L.shape, [2, 3]);
      nd.testing.assertAllClose(L.matvec([1, 1, 1]), [3, 12]);
      nd.testing.assertAllClose(L.matvec([[1], [1], [1]]), [[3], [12]]);
      nd.testing.assertAllClose(L.rmatvec([1, 1]), [4, 6, 5]);
      nd.testing.assertAllClose(L.rmatvec([[1], [1]]), [[4], [6], [5]]);
      nd.testing.assertAllClose(L.matmat(nd.eye(3)), A);
      nd.testing.assertAllClose(L.rmatmat(nd.eye(2)), A.T);
      nd.testing.assertAllClose(L.matmul([1, 0, 0]), [1, 3]);
      nd.testing.assertAllClose(L.matmul(nd.eye(3)), A);
      nd.testing.assertAllClose(L.dot(nd.eye(3)), A);
      nd.testing.assertAllClose(L.T.matmat(nd.eye(2)), A.T);
      nd.testing.assertAllClose(L.H.matmat(nd.eye(2)), A.T);
      nd.testing.assertAllClose(L.T.T.matvec([1, 1, 1]), [3, 12]);
      nd.testing.assertAllClose(L.matmat(nd.zeros([3, 0])), nd.zeros([2, 0]));
    });
  }
  await t.step("composition and arithmetic", () => {
    const L = sla.aslinearoperator(A);
    const G = L.T.matmul(L);
    assert.deepEqual(G.shape, [3, 3]);
    nd.testing.assertAllClose(G.matmat(nd.eye(3)), nd.matmul(A.T, A));
    nd.testing.assertAllClose(G.rmatvec([1, 2, 3]), nd.matmul(nd.matmul(A.T, A), [1, 2, 3]));
    nd.testing.assertAllClose(L.dot(L.T).matmat(nd.eye(2)), nd.matmul(A, A.T));
    nd.testing.assertAllClose(L.mul(2).matvec([1, 1, 1]), [6, 24]);
    nd.testing.assertAllClose(L.dot(-1).rmatvec([1, 0]), [-1, -2, 0]);
    nd.testing.assertAllClose(L.add(A).matvec([1, 1, 1]), [6, 24]);
    nd.testing.assertAllClose(L.sub(L.mul(3)).matvec([1, 1, 1]), [-6, -24]);
    nd.testing.assertAllClose(L.add(L).rmatvec([1, 1]), [8, 12, 10]);
    nd.testing.assertAllClose(L.neg().matmat(nd.eye(3)), nd.negative(A));
    nd.testing.assertAllClose(L.neg().rmatmat(nd.eye(2)), nd.negative(A.T));
    assert.equal(String(L), "<2x3 LinearOperator with dtype=int64>");
  });
  await t.step("dtype: given, inferred from matvec as SciPy, promoted", () => {
    let calls = 0;
    const L = new sla.LinearOperator({
      shape: [2, 2],
      matvec: (x) => {
        calls++;
        return nd.astype(x, "float32");
      },
    });
    assert.equal(L.dtype, "float32");
    assert.equal(calls, 1);
    const M = new sla.LinearOperator({ shape: [2, 2], matvec: (x) => x, dtype: "float64" });
    assert.equal(M.dtype, "float64");
    assert.equal(L.matmul(M).dtype, "float64");
    assert.equal(L.add(L).dtype, "float32");
    assert.equal(sla.aslinearoperator(nd.eye(2, { dtype: "float32" })).dtype, "float32");
    assert.equal(sla.aslinearoperator(new OpaqueMatrix(matrix("skew2").t)).dtype, "float64");
  });
  await t.step("complex operators: T conjugates, H does not double-conjugate", () => {
    const C = nd.array([[{ re: 1, im: 1 }, 2], [0, { re: 0, im: 3 }]]);
    const L = sla.aslinearoperator(C);
    nd.testing.assertAllClose(L.H.matmat(nd.eye(2)), nd.conj(C.T));
    nd.testing.assertAllClose(L.T.matmat(nd.eye(2)), C.T);
    const F = new sla.LinearOperator({
      shape: [2, 2],
      matvec: (x) => nd.matmul(C, x),
      rmatvec: (x) => nd.matmul(nd.conj(C.T), x),
    });
    assert.equal(F.dtype, "complex128");
    nd.testing.assertAllClose(F.T.matmat(nd.eye(2)), C.T);
    nd.testing.assertAllClose(F.H.matmat(nd.eye(2)), nd.conj(C.T));
  });
  await t.step("wrapped sparse-like matrices use their matmul and T", () => {
    const f = matrix("nonsym60");
    const L = sla.aslinearoperator(f.opaque);
    const x = nd.random.defaultRng(0).standardNormal({ size: 60 }) as nd.NDArray;
    nd.testing.assertAllClose(L.matvec(x), nd.matmul(f.dense, x), { rtol: 1e-12 });
    nd.testing.assertAllClose(L.rmatvec(x), nd.matmul(f.dense.T, x), { rtol: 1e-12 });
    nd.testing.assertAllClose(L.T.matvec(x), nd.matmul(f.dense.T, x), { rtol: 1e-12 });
    nd.testing.assertAllClose(
      L.matvec(nd.ones([60], { dtype: "int32" })),
      nd.sum(f.dense, { axis: 1 }),
    );
    assert.equal(sla.aslinearoperator(L), L);
  });
  await t.step("matvec = matmat on columns (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 1e6 }),
        (m, n, k, seed) => {
          const rng = nd.random.defaultRng(seed);
          const M = rng.standardNormal({ size: [m, n] }) as nd.NDArray;
          const X = rng.standardNormal({ size: [n, k] }) as nd.NDArray;
          const F = new sla.LinearOperator({ shape: [m, n], matvec: (x) => nd.matmul(M, x) });
          nd.testing.assertAllClose(F.matmat(X), nd.matmul(M, X), { atol: 1e-12 });
          const Y = rng.standardNormal({ size: [m, k] }) as nd.NDArray;
          nd.testing.assertAllClose(
            sla.aslinearoperator(M).rmatmat(Y),
            nd.matmul(M.T, Y),
            { atol: 1e-12 },
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});

Deno.test("LinearOperator errors", async (t) => {
  const L = sla.aslinearoperator(A);
  await t.step("constructor", () => {
    const mk = (o: unknown) => () => new sla.LinearOperator(o as sla.LinearOperatorOpts);
    throwsLike(
      mk(null),
      TypeError,
      "LinearOperator: expected an options object with shape and matvec, got null",
    );
    throwsLike(
      mk({ shape: [2], matvec: (x: nd.NDArray) => x }),
      TypeError,
      "LinearOperator: shape must be two non-negative integers, got [2]",
    );
    throwsLike(
      mk({ shape: [2, -1], matvec: (x: nd.NDArray) => x }),
      TypeError,
      "LinearOperator: shape must be two non-negative integers, got [2,-1]",
    );
    throwsLike(mk({ shape: [2, 2] }), TypeError, "LinearOperator: matvec or matmat is required");
    throwsLike(
      mk({ shape: [2, 2], matvec: 3 }),
      TypeError,
      "LinearOperator: matvec must be a function, got number",
    );
    throwsLike(
      mk({ shape: [2, 2], matvec: (x: nd.NDArray) => x, dtype: "float99" }),
      TypeError,
      'LinearOperator: unknown dtype "float99"',
    );
    throwsLike(
      mk({ shape: [2, 3], matvec: () => [1, 2, 3] }),
      TypeError,
      "LinearOperator.matvec: matvec returned shape [3], expected [2]",
    );
  });
  await t.step("products", () => {
    throwsLike(
      () => L.matvec([1, 2]),
      TypeError,
      "LinearOperator.matvec: dimension mismatch: x of shape [2] for an operator of shape [2,3]: expected [3] or [3,1]",
    );
    throwsLike(
      () => L.rmatvec([1, 2, 3]),
      TypeError,
      "LinearOperator.rmatvec: dimension mismatch: x of shape [3] for an operator of shape [2,3]: expected [2] or [2,1]",
    );
    throwsLike(
      () => L.matmat([1, 2, 3]),
      TypeError,
      "LinearOperator.matmat: expected a 2-D array, got shape [3]",
    );
    throwsLike(
      () => L.matmat(nd.ones([2, 2])),
      TypeError,
      "LinearOperator.matmat: dimension mismatch: X of shape [2,2] for an operator of shape [2,3]",
    );
    throwsLike(
      () => L.rmatmat(nd.ones([3, 2])),
      TypeError,
      "LinearOperator.rmatmat: dimension mismatch: X of shape [3,2] for an operator of shape [2,3] (adjoint)",
    );
    throwsLike(
      () => L.matmul(nd.ones([3, 2, 1])),
      TypeError,
      "LinearOperator.matmul: expected a 1-D or 2-D array, got shape [3,2,1]",
    );
    throwsLike(
      () => L.matmul(2),
      TypeError,
      "LinearOperator.matmul: scalar operands are not allowed, got 2: use mul",
    );
    throwsLike(
      () => L.matmul(L),
      TypeError,
      "LinearOperator.matmul: cannot multiply operators of shapes [2,3] and [2,3]",
    );
    throwsLike(
      () => L.add(L.T),
      TypeError,
      "LinearOperator.add: cannot add operators of shapes [2,3] and [3,2]",
    );
    throwsLike(
      () => L.mul(nd.ones([2]) as unknown as number),
      TypeError,
      "LinearOperator.mul: expected a number, got object: use matmul",
    );
    const noAdj = new sla.LinearOperator({ shape: [2, 2], matvec: (x) => x, dtype: "float64" });
    throwsLike(
      () => noAdj.rmatvec([1, 2]),
      TypeError,
      "LinearOperator.rmatvec: the operator has no rmatvec or rmatmat",
    );
    throwsLike(
      () => noAdj.H.matvec([1, 2]),
      TypeError,
      "LinearOperator.rmatvec: the operator has no rmatvec or rmatmat",
    );
    const badMat = new sla.LinearOperator({
      shape: [2, 2],
      matvec: (x) => x,
      matmat: () => nd.ones([3, 3]),
      dtype: "float64",
    });
    throwsLike(
      () => badMat.matmat(nd.eye(2)),
      TypeError,
      "LinearOperator.matmat: matmat returned shape [3,3], expected [2,2]",
    );
    const mmOnly = new sla.LinearOperator({
      shape: [2, 2],
      matmat: () => nd.ones([3, 1]),
      rmatmat: () => nd.ones([2, 2]),
      dtype: "float64",
    });
    throwsLike(
      () => mmOnly.matvec([1, 2]),
      TypeError,
      "LinearOperator.matvec: matmat returned shape [3,1], expected [2,1]",
    );
    throwsLike(
      () => mmOnly.rmatvec([1, 2]),
      TypeError,
      "LinearOperator.rmatvec: rmatmat returned shape [2,2], expected [2,1]",
    );
    const cplx = new sla.LinearOperator({
      shape: [2, 2],
      matvec: (x) => nd.astype(x, "complex128"),
      dtype: "float64",
    });
    throwsLike(
      () => sla.cg(cplx, [1, 1]),
      TypeError,
      "cg: A.matvec returned dtype complex128, expected 2 real values",
    );
    const noT = sla.aslinearoperator({ shape: [2, 2], matmul: (x: nd.NDArray) => x });
    throwsLike(
      () => noT.rmatvec([1, 2]),
      TypeError,
      "LinearOperator.rmatvec: the wrapped matrix has no transpose T with matmul",
    );
  });
  await t.step("aslinearoperator", () => {
    throwsLike(
      () => sla.aslinearoperator(nd.ones([2, 2, 2])),
      TypeError,
      "aslinearoperator: expected a 2-D array, got shape [2,2,2]",
    );
    throwsLike(
      () => sla.aslinearoperator("x" as unknown as nd.NDArray),
      TypeError,
      "aslinearoperator: expected a LinearOperator, a 2-D array or a matrix with shape and matmul, got string x",
    );
    throwsLike(
      () => sla.aslinearoperator({ shape: [2, 2] } as unknown as nd.NDArray),
      TypeError,
      "aslinearoperator: expected a LinearOperator, a 2-D array or a matrix with shape and matmul, got Object of shape [2,2]",
    );
  });
});
