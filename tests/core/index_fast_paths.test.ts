import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

// The fast paths of `slice` for a full-shape mask and one integer array into a 1-D array must
// agree with the general advanced-indexing path (and with NumPy, whose results these are).
Deno.test("slice fast paths", async (t) => {
  await t.step("full-shape mask on strided, complex and bool arrays", () => {
    const a = nd.arange(12).reshape([3, 4]).T; // non-contiguous
    const r = a.slice(a.greater(6));
    assert.deepEqual(r.toArray(), [8n, 9n, 10n, 7n, 11n]);
    assert.equal(r.base, null);
    const z = nd.array([{ re: 1, im: 2 }, { re: 3, im: 4 }, { re: 5, im: 6 }]);
    assert.deepEqual(z.slice(nd.array([true, false, true])).toArray(), [{ re: 1, im: 2 }, {
      re: 5,
      im: 6,
    }]);
    assert.deepEqual(nd.array([true, false]).slice(nd.array([false, true])).toArray(), [false]);
    assert.deepEqual(nd.zeros([2, 2]).slice(nd.zeros([2, 2], { dtype: "bool" })).shape, [0]);
  });
  await t.step("one integer array into a 1-D array", () => {
    const a = nd.arange(10).mul(10).slice("::-1"); // strided, negative stride
    assert.deepEqual(a.slice(nd.array([0, -1, 3])).toArray(), [90n, 0n, 60n]);
    assert.deepEqual(a.slice(nd.array([[1, 2], [3, 4]], { dtype: "int8" })).toArray(), [
      [80n, 70n],
      [60n, 50n],
    ]);
    assert.deepEqual(a.slice(nd.array([2n, 9n], { dtype: "uint64" })).toArray(), [70n, 0n]);
    assert.deepEqual(a.slice(nd.array([-(2n ** 3n)])).toArray(), [70n]);
  });
  await t.step("errors name the index and the axis", () => {
    const a = nd.arange(5);
    assert.throws(() => a.slice(nd.array([5])), {
      name: "RangeError",
      message: "slice: index 5 is out of bounds for axis 0 with size 5",
    });
    assert.throws(() => a.slice(nd.array([-6])), {
      name: "RangeError",
      message: "slice: index -6 is out of bounds for axis 0 with size 5",
    });
    assert.throws(() => a.slice(nd.array([2n ** 63n], { dtype: "uint64" })), {
      name: "RangeError",
      message: "slice: index 9223372036854775808 is out of bounds for axis 0 with size 5",
    });
    assert.throws(() => a.slice(nd.array([true, false])), {
      name: "RangeError",
      message: /^slice: boolean index did not match indexed array along axis 0/,
    });
  });
});
