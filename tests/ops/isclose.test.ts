// isclose/allclose against NumPy's results (values printed by NumPy 2.4 for these inputs).
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

Deno.test("isclose and allclose", async (t) => {
  const a = [[1.0, 2.0, Infinity], [-Infinity, NaN, 0.0]], b = [1.00001, Infinity, Infinity];
  await t.step("NumPy's results, with broadcasting and infinities", () => {
    assert.deepEqual(nd.isclose(a, b).toArray(), [[true, false, true], [false, false, false]]);
    assert.deepEqual(nd.isclose(a, b, { rtol: 0, atol: 0 }).toArray(), [
      [false, false, true],
      [false, false, false],
    ]);
    assert.deepEqual(nd.isclose([NaN, 1], [NaN, 1], { equalNan: true }).toArray(), [true, true]);
    assert.deepEqual(nd.isclose([1, 2, 3], [1, 2, 4]).toArray(), [true, true, false]);
    assert.deepEqual(nd.isclose([1e10], [1.00001e10]).toArray(), [true]);
    assert.deepEqual(nd.isclose([1e-8], [0]).toArray(), [true]);
    assert.deepEqual(nd.isclose([1e-7], [0]).toArray(), [false]);
    assert.equal(nd.allclose(a, a, { equalNan: true }), true);
    assert.equal(nd.allclose(a, a), false);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.isclose(1, 1, { rtol: -1 }), {
      name: "RangeError",
      message: "isclose: rtol must be a non-negative number, got -1",
    });
    assert.throws(() => nd.isclose([1, 2], [1, 2, 3]), TypeError);
  });
});
