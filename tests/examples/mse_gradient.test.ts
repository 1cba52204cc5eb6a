// The MSE-gradient example: the three ways agree (on both backends, and on a strided X).
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { compare, gradKernel, gradVectorized, problem } from "../../examples/mse_gradient.ts";
import { BACKENDS, withBackend } from "../linalg/_backends.ts";

for (const b of BACKENDS) {
  Deno.test(`MSE gradient example (${b.name} backend)`, async () => {
    await withBackend(b, () => {
      const r = compare(3000, 7);
      assert.ok(r.maxDiff <= 1e-10, `max difference ${r.maxDiff}`);
      for (const t of Object.values(r.ms)) assert.ok(t >= 0);
    });
  });
}

Deno.test("MSE gradient kernel on a strided X and a batch of problems", () => {
  const { X, w, y } = problem(500, 6, 3);
  const Xt = X.T.copy().T; // the same values, column-major: X.st1 is not 1
  assert.ok(!Xt.flags.cContiguous);
  nd.testing.assertAllClose(gradKernel(Xt, w, y) as nd.NDArray, gradVectorized(X, w, y), {
    rtol: 1e-12,
  });
  // Two problems at once: the kernel loops over the leading (broadcast) dimension.
  const X2 = nd.stack([X, X.mul(2)]), y2 = nd.stack([y, y]);
  const g2 = gradKernel(X2, w, y2) as nd.NDArray;
  assert.deepEqual(g2.shape, [2, 6]);
  nd.testing.assertAllClose(g2.slice(1), gradVectorized(X.mul(2), w, y), { rtol: 1e-12 });
});
