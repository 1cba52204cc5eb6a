// NumPy passes many linear-algebra options positionally; ported calls must either mean the same
// thing or fail loudly, never run silently with the defaults. Expected values: NumPy 2.4.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

const A = [[1, 2], [3, 4]];
const close = (x: nd.NDArray, want: nd.ArrayLike) =>
  nd.testing.assertAllClose(x, want, { rtol: 1e-12, atol: 0 });

Deno.test("positional options mean what they mean in NumPy", async (t) => {
  await t.step("norm(a, ord) and cond(a, p)", () => {
    close(nd.linalg.norm(A, 1), 6);
    close(nd.linalg.norm(A, "nuc"), 5.8309518948453);
    close(nd.linalg.norm(A, Infinity), 7);
    close(nd.linalg.norm(A, null), 5.477225575051661);
    close(nd.linalg.cond(A, 1), 21);
    close(nd.linalg.cond(A, "fro"), 15);
    close(nd.linalg.cond(A, -2), 0.06696562634074717);
    close(nd.linalg.cond(A, Infinity), 21);
  });
  await t.step("matrixRank(a, tol), pinv(a, rcond), lstsq(a, b, rcond)", () => {
    assert.equal(nd.linalg.matrixRank(A, 5).item(), 1n);
    // One threshold per matrix of a stack (NumPy broadcasts tol and rtol against the stack).
    const S = nd.array([[[1, 0], [0, 0.1]], [[1, 0], [0, 0.1]]]);
    assert.deepEqual(nd.linalg.matrixRank(S, [0.05, 0.5]).toArray(), [2n, 1n]);
    assert.deepEqual(nd.linalg.matrixRank(S, { rtol: nd.array([0.05, 0.5]) }).toArray(), [2n, 1n]);
    assert.throws(() => nd.linalg.matrixRank(S, [1, 2, 3]), {
      name: "RangeError",
      message: "matrixRank: tol of shape [3] does not broadcast to the stack's shape [2]",
    });
    close(nd.linalg.pinv(A, 0.5), [
      [0.04264283069428435, 0.09639632360221254],
      [0.06051038615377973, 0.13678685654787964],
    ]);
    nd.testing.assertAllClose(
      nd.linalg.lstsq(A, [1, 2], null).x,
      [1.1088666170477201e-16, 0.49999999999999994],
      { rtol: 1e-12, atol: 1e-14 },
    );
  });
  await t.step("eigh/eigvalsh(a, UPLO), tensordot(a, b, axes), trace(a, offset)", () => {
    close(nd.linalg.eigvalsh([[1, 5], [0, 2]], "U"), [-3.524937810560445, 6.524937810560445]);
    close(nd.linalg.eigvalsh([[1, 5], [0, 2]]), [1, 2]);
    close(nd.linalg.eigh([[1, 5], [0, 2]], "U").eigenvalues, [
      -3.524937810560445,
      6.524937810560445,
    ]);
    assert.deepEqual(
      nd.tensordot(nd.arange(6).reshape([2, 3]), nd.arange(6).reshape([3, 2]), 1).toArray(),
      [[10n, 13n], [28n, 40n]],
    );
    assert.deepEqual(
      nd.tensordot(nd.arange(6).reshape([2, 3]), nd.arange(6).reshape([3, 2]), [[1], [0]])
        .toArray(),
      [[10n, 13n], [28n, 40n]],
    );
    assert.equal(nd.trace(nd.arange(9).reshape([3, 3]), 1).item(), 6n);
  });
});

Deno.test("options that cannot be given positionally are a TypeError", async (t) => {
  const cases: [string, () => unknown, string][] = [
    ["svd", () => nd.linalg.svd(A, false as never), "{ fullMatrices: false }, got false"],
    ["qr", () => nd.linalg.qr(A, "r" as never), '{ mode: "r" }, got "r"'],
    [
      "cholesky",
      () => nd.linalg.cholesky([[2, 1], [1, 2]], true as never),
      "{ upper: true }, got true",
    ],
    ["norm", () => nd.linalg.norm(A, true as never), "{ ord: 2 }, got true"],
    ["cond", () => nd.linalg.cond(A, [1] as never), "{ p: 1 }, got 1"],
    ["matrixRank", () => nd.linalg.matrixRank(A, "5" as never), '{ tol: 1e-8 }, got "5"'],
    ["pinv", () => nd.linalg.pinv(A, null as never), "{ rtol: 1e-10 }, got null"],
    ["lstsq", () => nd.linalg.lstsq(A, [1, 2], "x" as never), '{ rcond: 1e-10 }, got "x"'],
    ["eigh", () => nd.linalg.eigh(A, 1 as never), '{ uplo: "U" }, got 1'],
    ["tensordot", () => nd.tensordot(A, A, "1" as never), '{ axes: 1 }, got "1"'],
    ["trace", () => nd.trace(A, "1" as never), '{ offset: 1 }, got "1"'],
  ];
  for (const [where, f, tail] of cases) {
    await t.step(where, () => {
      assert.throws(f, {
        name: "TypeError",
        message: `${where}: options must be an object such as ${tail}`,
      });
    });
  }
});
