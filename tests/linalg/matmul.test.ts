import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import fc from "fast-check";
import { testOnBackends } from "./_backends.ts";

// Expected values were computed with NumPy 2.4.
testOnBackends("matmul", async (t) => {
  await t.step("2-D float64", () => {
    const r = nd.matmul(
      nd.arange(6).reshape([2, 3]).astype("float64"),
      nd.arange(12).reshape([3, 4]).astype("float64"),
    );
    assert.equal(r.dtype, "float64");
    assert.deepEqual(r.toArray(), [[20, 23, 26, 29], [56, 68, 80, 92]]);
  });
  await t.step("batched int64 with broadcasting of the batch", () => {
    const r = nd.matmul(nd.arange(24).reshape([2, 3, 4]), nd.arange(8).reshape([2, 4, 1]));
    assert.equal(r.dtype, "int64");
    assert.deepEqual(r.toArray(), [[[14n], [38n], [62n]], [[302n], [390n], [478n]]]);
    const s = nd.matmul(
      nd.arange(24).reshape([2, 3, 4]).astype("float32"),
      nd.ones([4, 2], { dtype: "float32" }),
    );
    assert.equal(s.dtype, "float32");
    assert.deepEqual(s.shape, [2, 3, 2]);
    assert.deepEqual(s.slice(1, 2).toArray(), [86, 86]);
  });
  await t.step("1-D operands are promoted and the axis removed", () => {
    assert.deepEqual(nd.matmul(nd.arange(3), nd.arange(12).reshape([3, 4])).toArray(), [
      20n,
      23n,
      26n,
      29n,
    ]);
    assert.deepEqual(nd.matmul([[1, 2], [3, 4]], [1, 1]).toArray(), [3n, 7n]);
    const inner = nd.matmul([1, 2, 3], [4, 5, 6]);
    assert.equal(inner.ndim, 0);
    assert.equal(inner.item(), 32n);
  });
  await t.step("bool, complex, transposed and strided inputs", () => {
    assert.deepEqual(nd.matmul([[true, false], [false, false]], [[true], [true]]).toArray(), [[
      true,
    ], [false]]);
    const z = nd.matmul(
      nd.array([[{ re: 1, im: 2 }, { re: 3, im: 0 }]]),
      nd.array([[{ re: 0, im: 2 }], [{ re: 1, im: -1 }]]),
    );
    assert.deepEqual(z.toArray(), [[{ re: -1, im: -1 }]]);
    const a = nd.arange(12).reshape([3, 4]).astype("float64");
    const g = nd.matmul(a.T, a.slice(null, "::2"));
    assert.deepEqual(g.shape, [4, 2]);
    assert.equal(g.get(3, 1), 3 * 2 + 7 * 6 + 11 * 10);
    assert.equal(nd.matmul(a.T, a).get(3, 3), 3 * 3 + 7 * 7 + 11 * 11);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.matmul(nd.zeros([2, 3]), nd.zeros([4, 5])), {
      name: "TypeError",
      message: "matmul: cannot multiply shapes [2,3] and [4,5]: inner dimensions 3 and 4 differ",
    });
    assert.throws(() => nd.matmul(2, nd.zeros([2])), {
      name: "TypeError",
      message: /^matmul: input operands must have at least 1 dimension/,
    });
    assert.throws(() => nd.matmul(nd.zeros([2, 2, 2]), nd.zeros([3, 2, 2])), {
      name: "TypeError",
      message: /^broadcast: shapes \[2\] and \[3\] are not compatible/,
    });
  });
});

testOnBackends("dot", async (t) => {
  await t.step("N-D with M-D sums over the last and second-to-last axes", () => {
    const r = nd.dot(nd.arange(24).reshape([2, 3, 4]), nd.arange(20).reshape([5, 4, 1]));
    assert.deepEqual(r.shape, [2, 3, 5, 1]);
    assert.equal(nd.sum(r).item(), 13260n);
  });
  await t.step("scalars multiply; 1-D with 1-D is the inner product", () => {
    assert.deepEqual(nd.dot(2, [1, 2]).toArray(), [2n, 4n]);
    assert.equal(nd.dot([1, 2, 3], [4, 5, 6]).item(), 32n);
    assert.deepEqual(nd.dot(nd.arange(6).reshape([2, 3]), [1, 1, 1]).toArray(), [3n, 12n]);
  });
  await t.step("methods", () => {
    const a = nd.array([[1.0, 2.5], [3, 4]]);
    assert.deepEqual(a.dot(a).toArray(), nd.matmul(a, a).toArray());
    assert.deepEqual(a.matmul([1, 0]).toArray(), [1, 3]);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.dot(nd.zeros([2, 3]), nd.zeros([2])), {
      name: "TypeError",
      message: "dot: shapes [2,3] and [2] not aligned: 3 (dim 1) != 2 (dim 0)",
    });
    assert.throws(() => nd.dot(nd.zeros([2, 3]), nd.zeros([4, 2, 2])), {
      name: "TypeError",
      message: "dot: shapes [2,3] and [4,2,2] not aligned: 3 (dim 1) != 2 (dim 1)",
    });
  });
});

/** C_t = A_t · B_t by the definition, over nested JS arrays. */
function naiveStack(a: number[][][], b: number[][][]): number[][][] {
  return a.map((at, t) =>
    at.map((row) => b[t][0].map((_, j) => row.reduce((s, x, p) => s + x * b[t][p][j], 0)))
  );
}

testOnBackends("stacked small products equal the definition", async (t) => {
  // Stacks of tiny float64 products run one TypeScript kernel for the whole stack; shapes with an
  // even m and n a multiple of 4 (untransposed) take its 2×4-block fast path, the others the
  // general one. Operands are taken as they are, transposed, as column slices of wider arrays
  // (a row stride larger than the row) and broadcast along the stack.
  const arb = fc.record({
    nb: fc.integer({ min: 2, max: 6 }),
    m: fc.constantFrom(1, 2, 3, 4, 6, 8),
    n: fc.constantFrom(1, 3, 4, 5, 8, 12),
    k: fc.integer({ min: 1, max: 9 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    layoutA: fc.constantFrom("c", "t", "wide", "broadcast"),
    layoutB: fc.constantFrom("c", "t", "wide", "broadcast"),
  });
  const build = (
    rng: nd.random.Generator,
    nb: number,
    r: number,
    c: number,
    layout: string,
  ): nd.NDArray => {
    switch (layout) {
      case "t":
        return nd.swapaxes(rng.random({ size: [nb, c, r] }) as nd.NDArray, -1, -2);
      case "wide":
        return (rng.random({ size: [nb, r, c + 3] }) as nd.NDArray).slice(null, null, `1:${c + 1}`);
      case "broadcast":
        return nd.broadcastTo(rng.random({ size: [1, r, c] }) as nd.NDArray, [nb, r, c]);
      default:
        return rng.random({ size: [nb, r, c] }) as nd.NDArray;
    }
  };
  await t.step("float64, against a triple loop", () => {
    fc.assert(
      fc.property(arb, ({ nb, m, n, k, seed, layoutA, layoutB }) => {
        const rng = nd.random.defaultRng(seed);
        const a = build(rng, nb, m, k, layoutA), b = build(rng, nb, k, n, layoutB);
        const want = naiveStack(a.toArray() as number[][][], b.toArray() as number[][][]);
        nd.testing.assertAllClose(nd.matmul(a, b), want, { rtol: 1e-13, atol: 1e-14 });
        const out = nd.full([nb, m, n], Number.NaN);
        nd.matmul(a, b, { out });
        nd.testing.assertAllClose(out, want, { rtol: 1e-13, atol: 1e-14 });
      }),
      { numRuns: 300 },
    );
  });
});
