// nd.sparse.linalg.norm against scipy.sparse.linalg.norm and nd.linalg.norm; errors.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { CASES, CsrArrays, loadCase, matrix, sla, throwsLike } from "./linalg_helpers.test.ts";

Deno.test("norm against SciPy", async (t) => {
  for (const c of CASES.filter((c) => c.fn === "norm")) {
    await t.step(c.name, () => {
      const z = loadCase(c.name);
      const f = matrix(c.matrix);
      const opts = { ...c.opts } as Record<string, unknown>;
      if (opts.ord === null) delete opts.ord;
      for (const A of [f.csr, f.dense, f.spCsr, f.spCoo]) {
        const r = sla.norm(A, opts as sla.SparseNormOpts);
        if (typeof r === "number") {
          nd.testing.assertAllClose(r, z.out, { rtol: 1e-12 });
        } else {
          assert.deepEqual(r.shape, z.out.shape);
          assert.equal(r.dtype, opts.ord === 0 ? "int64" : "float64");
          nd.testing.assertAllClose(r, z.out, { rtol: 1e-12 });
        }
      }
    });
  }
});

Deno.test("norm properties and details", async (t) => {
  await t.step("matrix norms equal nd.linalg.norm on the dense matrix (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom<sla.SparseNormOrd>("fro", 1, -1, Infinity, -Infinity, 2),
        (seed, m, n, ord) => {
          const rng = nd.random.defaultRng(seed);
          const D = nd.multiply(
            rng.standardNormal({ size: [m, n] }) as nd.NDArray,
            nd.less(rng.random([m, n]) as nd.NDArray, 0.4),
          );
          const want = nd.linalg.norm(D, { ord: ord as 1 }).item() as number;
          nd.testing.assertAllClose(sla.norm(D, { ord }), want, { rtol: 1e-9, atol: 1e-12 });
        },
      ),
      { numRuns: 100 },
    );
  });
  await t.step("vector norms equal nd.linalg.norm along the axis for p ≥ 1", () => {
    const D = nd.array([[1, -2, 0, 0], [0, 0, 0, 0], [3, 0, -4, 0.5]]);
    for (const axis of [0, 1, -1, -2]) {
      for (const ord of [1, 2, 3, Infinity]) {
        nd.testing.assertAllClose(
          sla.norm(D, { ord, axis }),
          nd.linalg.norm(D, { ord, axis }),
          { rtol: 1e-12 },
        );
      }
    }
    nd.testing.assertAllClose(sla.norm(D, { ord: -Infinity, axis: 1 }), [0, 0, 0]);
    nd.testing.assertAllClose(sla.norm(D, { ord: -Infinity, axis: 0 }), [0, 0, 0, 0]);
    nd.testing.assertAllClose(sla.norm(nd.array([[1, 2], [3, 4]]), { ord: -Infinity, axis: 0 }), [
      1,
      2,
    ]);
    nd.testing.assertArrayEqual(sla.norm(D, { ord: 0, axis: 1 }), [2, 0, 3]);
  });
  await t.step("axis pairs: (1, 0) swaps the roles of rows and columns", () => {
    const D = nd.array([[1, -2], [3, 4], [0, 5]]);
    assert.equal(sla.norm(D, { ord: 1 }), 11);
    assert.equal(sla.norm(D, { ord: 1, axis: [0, 1] }), 11);
    assert.equal(sla.norm(D, { ord: 1, axis: [1, 0] }), 7);
    assert.equal(sla.norm(D, { ord: Infinity, axis: [1, 0] }), 11);
    assert.equal(sla.norm(D, { ord: "fro", axis: [-1, -2] }), Math.sqrt(55));
    assert.equal(sla.norm(D, { ord: "f" }), Math.sqrt(55));
  });
  await t.step("2-norm of a vector-shaped matrix; zeros and duplicates", () => {
    assert.equal(sla.norm(nd.array([[3, 4]]), { ord: 2 }), 5);
    assert.equal(sla.norm(nd.zeros([3, 3])), 0);
    const dup = {
      format: "coo",
      shape: [2, 2],
      dtype: "float64",
      row: Int32Array.of(0, 0, 1),
      col: Int32Array.of(1, 1, 0),
      data: new Float64Array([1, 2, -4]),
      matmul: () => nd.zeros([2]),
    };
    assert.equal(sla.norm(dup), 5);
    assert.equal(sla.norm(dup, { ord: 1 }), 4);
  });
});

Deno.test("norm errors", async (t) => {
  const f = matrix("rect80x50");
  await t.step("orders and axes", () => {
    const n = (o: unknown, A: unknown = f.csr) => () =>
      sla.norm(A as sla.OperatorLike, o as sla.SparseNormOpts);
    throwsLike(
      n({ ord: -2 }),
      RangeError,
      'norm: invalid norm order -2 for matrices: expected "fro", 1, -1, 2, Infinity or -Infinity',
    );
    throwsLike(
      n({ ord: 3 }),
      RangeError,
      'norm: invalid norm order 3 for matrices: expected "fro", 1, -1, 2, Infinity or -Infinity',
    );
    throwsLike(n({ ord: "nuc" }), RangeError, 'norm: invalid norm order "nuc"');
    throwsLike(n({ ord: NaN }), RangeError, "norm: invalid norm order NaN");
    throwsLike(
      n({ ord: "fro", axis: 0 }),
      RangeError,
      'norm: invalid norm order "fro" for vectors',
    );
    throwsLike(n({ axis: 2 }), RangeError, "norm: axis 2 is out of bounds for a matrix");
    throwsLike(n({ axis: -3 }), RangeError, "norm: axis -3 is out of bounds for a matrix");
    throwsLike(
      n({ axis: 0.5 }),
      TypeError,
      "norm: axis must be an integer or a pair of integers, got 0.5",
    );
    throwsLike(n({ axis: [0, 0] }), RangeError, "norm: duplicate axes given: [0,0]");
    throwsLike(n({ axis: [0, -2] }), RangeError, "norm: duplicate axes given: [0,-2]");
    throwsLike(
      n({ axis: [0, 1, 2] }),
      RangeError,
      "norm: axis must be an integer or a pair, got [0,1,2]",
    );
    throwsLike(n(null), TypeError, "norm: options must be an object, got null");
  });
  await t.step("inputs", () => {
    throwsLike(
      () => sla.norm(f.op),
      TypeError,
      "norm: A must be a sparse matrix or a dense array, got a LinearOperator",
    );
    throwsLike(() => sla.norm([1, 2, 3]), TypeError, "norm: A must be 2-D, got shape [3]");
    throwsLike(
      () => sla.norm("abc" as unknown as nd.NDArray),
      TypeError,
      "norm: A must be a sparse matrix or a dense array, got string",
    );
    throwsLike(
      () => sla.norm(undefined as unknown as nd.NDArray),
      TypeError,
      "norm: A must be a sparse matrix or a dense array, got undefined",
    );
    throwsLike(
      () => sla.norm(nd.eye(2, { dtype: "complex64" })),
      TypeError,
      "norm: complex A is not supported, got dtype complex64",
    );
    assert.equal(sla.norm(new CsrArrays(f.t)), sla.norm(f.dense));
  });
});
