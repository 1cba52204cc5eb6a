// Every error nd.linalg raises: class, message, and that inputs are left unchanged.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { BACKENDS, withBackend } from "./_backends.ts";

const L = nd.linalg;

function throwsLike(
  fn: () => unknown,
  cls: ErrorConstructor | typeof nd.linalg.LinAlgError,
  msg: string | RegExp,
) {
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

Deno.test("linalg shape and type errors", async (t) => {
  await t.step("fewer than two dimensions", () => {
    for (
      const [name, fn] of [
        ["inv", () => L.inv([1, 2])],
        ["det", () => L.det([1, 2])],
        ["cholesky", () => L.cholesky([1])],
        ["qr", () => L.qr([1, 2])],
        ["svd", () => L.svd([1, 2])],
        ["eigh", () => L.eigh(3)],
        ["eig", () => L.eig([1])],
        ["pinv", () => L.pinv([1, 2])],
        ["cond", () => L.cond([1, 2])],
        ["matrixPower", () => L.matrixPower([1, 2], 2)],
      ] as const
    ) {
      const nd1 = name === "eigh" ? 0 : 1;
      throwsLike(
        fn,
        TypeError,
        `${name}: ${nd1}-dimensional array given: array must be at least two-dimensional`,
      );
    }
  });
  await t.step("non-square", () => {
    for (
      const [name, fn] of [
        ["solve", () => L.solve(nd.ones([2, 3]), [1, 2])],
        ["inv", () => L.inv(nd.ones([2, 3]))],
        ["det", () => L.det(nd.ones([4, 2, 3]))],
        ["slogdet", () => L.slogdet(nd.ones([2, 3]))],
        ["cholesky", () => L.cholesky(nd.ones([2, 3]))],
        ["eigh", () => L.eigh(nd.ones([2, 3]))],
        ["eigvalsh", () => L.eigvalsh(nd.ones([2, 3]))],
        ["eig", () => L.eig(nd.ones([2, 3]))],
        ["eigvals", () => L.eigvals(nd.ones([2, 3]))],
        ["matrixPower", () => L.matrixPower(nd.ones([2, 3]), 2)],
      ] as const
    ) {
      throwsLike(
        fn,
        TypeError,
        new RegExp(`^${name}: last 2 dimensions of the array must be square: got shape \\[`),
      );
    }
    throwsLike(
      () => L.cond(nd.ones([2, 3]), { p: 1 }),
      TypeError,
      "cond: last 2 dimensions of the array must be square: got shape [2,3]",
    );
  });
  await t.step("float16 is refused", () => {
    throwsLike(
      () => L.inv(nd.eye(2, { dtype: "float16" })),
      TypeError,
      "inv: array type float16 is unsupported in linalg: cast to float32",
    );
    throwsLike(
      () => L.solve(nd.eye(2), nd.ones([2], { dtype: "float16" })),
      TypeError,
      /^solve: array type float16/,
    );
  });
  await t.step("solve shapes", () => {
    throwsLike(
      () => L.solve(nd.eye(2), 1),
      TypeError,
      "solve: b must be at least one-dimensional, got a scalar",
    );
    throwsLike(
      () => L.solve(nd.eye(2), [1, 2, 3]),
      TypeError,
      "solve: b of shape [3] does not match a of shape [2,2]: b has 3 rows, a has 2",
    );
    throwsLike(
      () => L.solve(nd.ones([2, 2, 2]).add(nd.eye(2)), nd.ones([3, 2, 1])),
      TypeError,
      "broadcast: shapes [2] and [3] are not compatible: dimension 0 has sizes 2 and 3",
    );
  });
  await t.step("lstsq shapes and options", () => {
    throwsLike(
      () => L.lstsq(nd.ones([2, 2, 2]), [1, 2]),
      TypeError,
      "lstsq: a must be two-dimensional, got shape [2,2,2]",
    );
    throwsLike(
      () => L.lstsq(nd.ones([3, 2]), 1),
      TypeError,
      "lstsq: b must be one- or two-dimensional, got shape []",
    );
    throwsLike(
      () => L.lstsq(nd.ones([3, 2]), [1, 2]),
      TypeError,
      "lstsq: incompatible dimensions: a has shape [3,2], b has shape [2]: 3 and 2 rows",
    );
    throwsLike(
      () => L.lstsq(nd.ones([3, 2]), [1, 2, 3], { rcond: NaN }),
      TypeError,
      "lstsq: rcond must be a number, got NaN",
    );
  });
  await t.step("options", () => {
    throwsLike(
      () => L.qr(nd.eye(2), { mode: "full" as "r" }),
      RangeError,
      'qr: unknown mode "full": use "reduced", "complete", "r" or "raw"',
    );
    throwsLike(
      () => L.eigh(nd.eye(2), { uplo: "X" as "L" }),
      RangeError,
      'eigh: uplo must be "L" or "U", got "X"',
    );
    throwsLike(
      () => L.eigvalsh(nd.eye(2), { uplo: "l" as "L" }),
      RangeError,
      'eigvalsh: uplo must be "L" or "U", got "l"',
    );
    throwsLike(
      () => L.cholesky(nd.eye(2), { upper: 1 as unknown as boolean }),
      TypeError,
      "cholesky: upper must be a boolean, got number",
    );
    throwsLike(
      () => L.svd(nd.eye(2), { fullMatrices: "no" as unknown as boolean }),
      TypeError,
      "svd: fullMatrices must be a boolean, got string",
    );
    throwsLike(
      () => L.svd(nd.eye(2), { computeUv: 0 as unknown as true }),
      TypeError,
      "svd: computeUv must be a boolean, got number",
    );
    throwsLike(
      () => L.matrixPower(nd.eye(2), 1.5),
      TypeError,
      "matrixPower: exponent must be an integer, got 1.5",
    );
    throwsLike(
      () => L.pinv(nd.eye(2), { rcond: 1e-3, rtol: 1e-3 }),
      TypeError,
      "pinv: rtol and rcond cannot both be set",
    );
    throwsLike(
      () => L.pinv(nd.eye(2), { rcond: NaN }),
      TypeError,
      "pinv: rcond must be a number, got NaN",
    );
    throwsLike(
      () => L.matrixRank(nd.eye(2), { tol: NaN }),
      TypeError,
      "matrixRank: tol must be a number, got NaN",
    );
    throwsLike(
      () => L.matrixRank(nd.eye(2), { tol: nd.array([{ re: 1, im: 0 }]) }),
      TypeError,
      "matrixRank: tol must be real numbers, got dtype complex128",
    );
    throwsLike(
      () => L.matrixRank(nd.eye(2), { rtol: nd.ones([1], { dtype: "complex64" }) }),
      TypeError,
      "matrixRank: rtol must be real numbers, got dtype complex64",
    );
    throwsLike(
      () => L.cond(nd.zeros([0, 0])),
      nd.linalg.LinAlgError,
      "cond: cond is not defined on empty arrays",
    );
  });
  await t.step(
    "norm of empty input: 0 where NumPy 2.4 starts a maximum from 0, else an error",
    () => {
      const v = nd.zeros([0]), m = nd.zeros([0, 3]);
      for (const ord of [null, Infinity, 0, 1, 2, 3] as const) {
        assert.equal(L.norm(v, { ord }).item(), 0, `vector ord ${ord}`);
      }
      assert.equal(L.norm(v, { ord: -1 }).item(), Infinity);
      for (const ord of [null, "fro", "nuc", Infinity, 1, -1, 2] as const) {
        assert.equal(L.norm(m, { ord }).item(), 0, `matrix ord ${ord}`);
      }
      const noIdentity = /zero-size array to reduction operation minimum which has no identity/;
      throwsLike(() => L.norm(v, { ord: -Infinity }), RangeError, noIdentity);
      throwsLike(() => L.norm(m, { ord: -Infinity }), RangeError, noIdentity);
      throwsLike(() => L.norm(m, { ord: -2 }), RangeError, noIdentity);
    },
  );
  await t.step("norm", () => {
    throwsLike(
      () => L.norm([1, 2], { ord: "fro" }),
      RangeError,
      'norm: invalid norm order "fro" for vectors',
    );
    throwsLike(
      () => L.norm(nd.eye(2), { ord: 3 }),
      RangeError,
      "norm: invalid norm order 3 for matrices",
    );
    throwsLike(
      () => L.norm(nd.eye(2), { ord: "max" as "fro" }),
      RangeError,
      'norm: invalid norm order "max"',
    );
    throwsLike(
      () => L.norm(nd.ones([2, 2, 2]), { axis: [0, 1, 2] }),
      RangeError,
      "norm: improper number of dimensions to norm: 3 axes (1 for vectors, 2 for matrices)",
    );
    throwsLike(
      () => L.norm(nd.eye(2), { axis: [1, -1] }),
      RangeError,
      "norm: duplicate axes given: 1 and -1",
    );
    throwsLike(() => L.norm(nd.eye(2), { axis: 2 }), RangeError, /^norm: axis 2 is out of bounds/);
    throwsLike(
      () => L.norm(nd.eye(2), { axis: 0.5 }),
      TypeError,
      "norm: axis must be an integer, got 0.5",
    );
    throwsLike(
      () => L.norm(nd.eye(2), { keepdims: 1 as unknown as boolean }),
      TypeError,
      "norm: keepdims must be a boolean, got number",
    );
  });
});

for (const b of BACKENDS) {
  Deno.test(`linalg numerical failures (${b.name} backend)`, async (t) => {
    await withBackend(b, async () => {
      await t.step("NaN input: the SVD family does not converge, eig refuses it (as NumPy)", () => {
        const nan = [[Number.NaN, 0], [0, 1]];
        const svdFail = /^svd: SVD did not converge$/;
        throwsLike(() => L.svd(nan), L.LinAlgError, svdFail);
        throwsLike(() => L.svdvals(nan), L.LinAlgError, svdFail);
        throwsLike(() => L.pinv(nan), L.LinAlgError, svdFail);
        throwsLike(() => L.cond(nan), L.LinAlgError, svdFail);
        throwsLike(() => L.norm(nan, { ord: "nuc" }), L.LinAlgError, svdFail);
        throwsLike(
          () => L.lstsq(nan, [1, 2]),
          L.LinAlgError,
          "lstsq: SVD did not converge in linear least squares",
        );
        throwsLike(() => L.eig(nan), L.LinAlgError, "eig: Array must not contain infs or NaNs");
        throwsLike(
          () => L.eigvals([[[1, 0], [0, 1]], [[Infinity, 0], [0, 1]]]),
          L.LinAlgError,
          "eigvals: Array must not contain infs or NaNs (matrix 1 of the stack)",
        );
      });
      await t.step("singular matrices name the matrix and the pivot", () => {
        const a = nd.array([[[1, 0], [0, 1]], [[1, 2], [2, 4]]]);
        const before = a.toArray();
        assert.throws(() => L.inv(a), (e: unknown) => {
          assert(e instanceof L.LinAlgError && e instanceof RangeError);
          assert.equal(e.name, "LinAlgError");
          assert.equal(
            e.message,
            "inv: singular matrix: U[1,1] is exactly zero in matrix 1 of the stack",
          );
          assert.equal(e.index, 1);
          assert.equal(e.info, 2);
          return true;
        });
        assert.deepEqual(a.toArray(), before, "input unchanged");
        throwsLike(
          () => L.solve([[0, 0], [0, 0]], [1, 1]),
          L.LinAlgError,
          "solve: singular matrix: U[0,0] is exactly zero",
        );
        // A singular matrix has determinant 0 and slogdet (0, -inf): no error.
        assert.equal(L.det([[1, 2], [2, 4]]).item(), 0);
      });
      await t.step("not positive definite", () => {
        const a = nd.array([[[4, 0, 0], [0, 1, 0], [0, 0, 1]], [[1, 0, 0], [0, 1, 0], [0, 0, -1]]]);
        assert.throws(() => L.cholesky(a), (e: unknown) => {
          assert(e instanceof L.LinAlgError);
          assert.equal(
            e.message,
            "cholesky: matrix is not positive definite: the leading minor of order 3 is not (matrix 1 of the stack)",
          );
          assert.equal(e.index, 1);
          assert.equal(e.info, 3);
          return true;
        });
        throwsLike(
          () => L.cholesky([[1, 2], [2, 1]]),
          L.LinAlgError,
          "cholesky: matrix is not positive definite: the leading minor of order 2 is not",
        );
      });
      await t.step("singular matrices in cond give Infinity", () => {
        assert.equal(L.cond([[1, 1], [1, 1]], { p: Infinity }).item(), Infinity);
        const c = L.cond(nd.stack([nd.eye(2), nd.zeros([2, 2])]), { p: "fro" });
        nd.testing.assertAllClose(c, [2, Infinity], { rtol: 1e-15 });
      });
    });
  });
}
