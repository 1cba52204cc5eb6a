// matmul(a, b, { out }): the result lands in `out`, on both backends and every product path.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { BACKENDS, withBackend } from "./_backends.ts";

const cases: [string, number[], number[], nd.DType][] = [
  ["matrix × matrix (gemm)", [30, 20], [20, 25], "float64"],
  ["float32", [30, 20], [20, 25], "float32"],
  ["complex128", [9, 7], [7, 5], "complex128"],
  ["matrix × vector (gemv)", [30, 20], [20], "float64"],
  ["vector · vector (dot)", [40], [40], "float64"],
  ["stack of tiny products (TypeScript batch kernel)", [50, 3, 4], [50, 4, 2], "float64"],
  ["stack × one matrix (one gemm over the rows)", [6, 10, 12], [12, 9], "float64"],
  ["empty inner dimension", [3, 0], [0, 4], "float64"],
  ["integers (no BLAS)", [4, 5], [5, 3], "int32"],
];

function filled(shape: number[], dtype: nd.DType, seed: number): nd.NDArray {
  const size = shape.reduce((p, d) => p * d, 1);
  const v = nd.arange(size).astype("float64").mul(0.37).add(seed);
  const base = nd.sin(v).mul(10);
  const real = dtype === "int32" ? nd.trunc(base) : base;
  const a = dtype.startsWith("complex") ? real.astype(dtype).mul({ re: 1, im: 0.5 }) : real;
  return a.astype(dtype).reshape(shape);
}

for (const b of BACKENDS) {
  Deno.test(`matmul out (${b.name})`, async (t) => {
    await withBackend(b, async () => {
      for (const [name, sa, sb, dtype] of cases) {
        await t.step(name, () => {
          const x = filled(sa, dtype, 1), y = filled(sb, dtype, 2);
          const want = nd.matmul(x, y);
          const out = nd.full(want.shape, 99, { dtype }); // stale values must not survive
          assert.equal(nd.matmul(x, y, { out }), out);
          nd.testing.assertAllClose(out, want, { rtol: 1e-12 });
        });
      }
      await t.step("a strided out view gets the values through a copy", () => {
        const x = filled([4, 3], "float64", 1), y = filled([3, 5], "float64", 2);
        const big = nd.zeros([4, 10]);
        const view = big.slice(null, "::2");
        nd.matmul(x, y, { out: view });
        nd.testing.assertAllClose(view, nd.matmul(x, y), { rtol: 1e-12 });
        assert.equal(nd.sum(big.slice(null, "1::2")).item(), 0);
      });
      await t.step("out aliasing an input gives NumPy's result", () => {
        const x = filled([6, 6], "float64", 1);
        const want = nd.matmul(x, x);
        nd.matmul(x, x, { out: x });
        nd.testing.assertAllClose(x, want, { rtol: 1e-12 });
      });
    });
  });
}

Deno.test("matmul out: errors change nothing", () => {
  const x = nd.ones([2, 3]), y = nd.ones([3, 4]);
  const out = nd.full([2, 5], 7.5);
  assert.throws(() => nd.matmul(x, y, { out }), {
    name: "TypeError",
    message: "matmul: out has shape [2,5], the result has shape [2,4]",
  });
  assert.equal(nd.sum(out).item(), 75);
  assert.throws(() => nd.matmul(x, y, { out: nd.zeros([2, 4], { dtype: "float32" }) }), {
    name: "TypeError",
    message: "matmul: out has dtype float32, the result has dtype float64",
  });
  assert.throws(() => nd.matmul(x, y, { out: [[0]] as unknown as nd.NDArray }), {
    name: "TypeError",
    message: "matmul: out must be an NDArray, got object",
  });
  const ro = nd.broadcastTo(nd.zeros([4]), [2, 4]);
  assert.throws(() => nd.matmul(x, y, { out: ro }), {
    name: "TypeError",
    message: "matmul: out is read-only",
  });
});
