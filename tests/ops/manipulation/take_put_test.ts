// take, takeAlongAxis, put.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";
import { assertValues } from "./_helpers.ts";

const a23 = () => nd.arange(6).reshape([2, 3]);

Deno.test("take", async (t) => {
  await t.step("shapes and modes (values from NumPy)", () => {
    assertValues(nd.take(a23(), [[0, 5]]), [[0, 5]]);
    assertValues(nd.take(a23(), [1, -1], { axis: 1 }), [[1, 2], [4, 5]]);
    assertValues(nd.take(a23(), [5, -5], { axis: 1, mode: "wrap" }), [[2, 1], [5, 4]]);
    assertValues(nd.take(a23(), [5, -5], { axis: 1, mode: "clip" }), [[2, 0], [5, 3]]);
    assertValues(nd.take(a23(), [true, false]), [1, 0]);
    assertValues(nd.take(a23(), nd.array([1], { dtype: "uint64" })), [1]);
    const s = nd.take(nd.array(5), 0);
    assert.equal(s.ndim, 0);
    assert.equal(s.item(), 5n);
    assert.equal(nd.take(nd.array(5), 0, { axis: 0 }).item(), 5n);
    assert.deepEqual(nd.take(a23(), [], { axis: 1 }).shape, [2, 0]);
    assert.deepEqual(nd.take(nd.zeros([0, 3]), [], { axis: 0 }).shape, [0, 3]);
    assertValues(nd.take([1, 2, 3], 1), 2);
  });
  await t.step("a copy; strided and complex sources", () => {
    const a = a23();
    const r = nd.take(a, [0, 1], { axis: 0 });
    assert.equal(r.base, null);
    r.set([0, 0], 9);
    assert.equal(a.get(0, 0), 0n);
    const big = nd.arange(1200).reshape([40, 30]);
    assertValues(nd.take(big.T, [3, 17], { axis: 0 }).slice(null, "0:3"), [[3, 33, 63], [
      17,
      47,
      77,
    ]]);
    assertValues(nd.take(big.T, [3, 17], { axis: 1 }).slice("0:2"), [[90, 510], [91, 511]]);
    const c = nd.array([{ re: 1, im: 2 }, { re: 3, im: 4 }], { dtype: "complex64" });
    assert.deepEqual(nd.take(c, [1, 1]).toArray(), [{ re: 3, im: 4 }, { re: 3, im: 4 }]);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.take(a23(), 7), {
      name: "RangeError",
      message: "take: index 7 is out of bounds for axis 0 with size 6",
    });
    assert.throws(() => nd.take(a23(), [0, -4], { axis: 1 }), {
      name: "RangeError",
      message: "take: index -4 is out of bounds for axis 1 with size 3",
    });
    assert.throws(() => nd.take(a23(), [1.5]), {
      name: "TypeError",
      message: 'take: cannot cast indices from float64 to int64 according to the rule "same_kind"',
    });
    assert.throws(() => nd.take(a23(), [0], { mode: "foo" as nd.IndexMode }), {
      name: "RangeError",
      message: 'take: mode must be one of "raise", "wrap" or "clip", got "foo"',
    });
    assert.throws(() => nd.take(nd.zeros([0, 3]), [0], { axis: 0, mode: "wrap" }), {
      name: "RangeError",
      message: "take: cannot do a non-empty take from an empty axis 0",
    });
    assert.throws(() => nd.take(a23(), [0], { axis: 2 }), {
      name: "RangeError",
      message: "take: axis 2 is out of bounds for array of dimension 2",
    });
  });
});

Deno.test("takeAlongAxis", async (t) => {
  await t.step("values and broadcasting (from NumPy)", () => {
    assertValues(nd.takeAlongAxis(a23(), nd.array([[0], [2]]), 1), [[0], [5]]);
    assertValues(nd.takeAlongAxis(a23(), [[0, 1, 1]], 0), [[0, 4, 5]]);
    assertValues(nd.takeAlongAxis(a23(), [0, 5], null), [0, 5]);
    assertValues(nd.takeAlongAxis(a23(), [[-1]], -1), [[2], [5]]);
    assertValues(nd.takeAlongAxis(a23(), [[1]]), [[1], [4]]); // default axis -1
    assertValues(nd.takeAlongAxis(a23().T, [[1, 0]], 0), [[1, 3]]);
    const i = nd.array([[2, 0]], { dtype: "uint8" });
    assertValues(nd.takeAlongAxis(nd.zeros([1, 3]).add(nd.arange(3)), i, 1), [[2, 0]]);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.takeAlongAxis(a23(), [[0.5]], 1), {
      name: "TypeError",
      message: "takeAlongAxis: indices must be an integer array, got float64",
    });
    assert.throws(() => nd.takeAlongAxis(a23(), [[true]], 1), {
      name: "TypeError",
      message: "takeAlongAxis: indices must be an integer array, got bool",
    });
    assert.throws(() => nd.takeAlongAxis(a23(), [[0, 5]], null), {
      name: "TypeError",
      message:
        "takeAlongAxis: when axis is null, indices must have a single dimension, got shape [1,2]",
    });
    assert.throws(() => nd.takeAlongAxis(a23(), [0, 1], 1), {
      name: "TypeError",
      message:
        "takeAlongAxis: indices and the array must have the same number of dimensions, got 1 and 2",
    });
    assert.throws(() => nd.takeAlongAxis(a23(), [[1]], 2), {
      name: "RangeError",
      message: "takeAlongAxis: axis 2 is out of bounds for array of dimension 2",
    });
    assert.throws(() => nd.takeAlongAxis(a23(), [[0], [1], [1]], 1), {
      name: "TypeError",
      message:
        "takeAlongAxis: shape mismatch: indices of shape [3,1] and array of shape [2,3] cannot be broadcast together outside axis 1",
    });
    assert.throws(() => nd.takeAlongAxis(a23(), [[3]], 1), {
      name: "RangeError",
      message: "takeAlongAxis: index 3 is out of bounds for axis 1 with size 3",
    });
  });
});

Deno.test("put", async (t) => {
  await t.step("in place, values cycled, modes (from NumPy)", () => {
    const b = nd.arange(5);
    nd.put(b, [0, 2, 3, 4], [-1, -2]);
    assertValues(b, [-1, 1, -2, -1, -2]);
    const w = nd.arange(5);
    nd.put(w, [7, -7], [-1, -2], { mode: "wrap" });
    assertValues(w, [0, 1, -1, -2, 4]);
    const c = nd.arange(5);
    nd.put(c, [7, -7], [-1, -2], { mode: "clip" });
    assertValues(c, [-2, 1, 2, 3, -1]);
    const f = nd.arange(5);
    nd.put(f, [1], [2.7]);
    assertValues(f, [0, 2, 2, 3, 4]);
    const u = nd.arange(3, { dtype: "uint8" });
    nd.put(u, [0], nd.array([300]));
    assertValues(u, [44, 1, 2]);
  });
  await t.step("non-contiguous targets write through to the base", () => {
    const base = nd.arange(6).reshape([2, 3]);
    const v = base.T;
    nd.put(v, [1], [9]);
    assertValues(base, [[0, 1, 2], [9, 4, 5]]);
    const cx = nd.zeros([3], { dtype: "complex128" });
    nd.put(cx.slice("::-1"), [0], { re: 1, im: -1 });
    assert.deepEqual(cx.get(2), { re: 1, im: -1 });
  });
  await t.step("no-ops: no values, no indices", () => {
    const b = nd.arange(3);
    nd.put(b, [5], []);
    nd.put(nd.zeros([0]), [], [2]);
    assertValues(b, [0, 1, 2]);
  });
  await t.step("errors, and bad input changes nothing", () => {
    const b = nd.arange(5);
    assert.throws(() => nd.put(b, [0, 7], [1, 2]), {
      name: "RangeError",
      message: "put: index 7 is out of bounds for axis 0 with size 5",
    });
    assertValues(b, [0, 1, 2, 3, 4]);
    assert.throws(() => nd.put([1, 2] as unknown as nd.NDArray, [0], 1), {
      name: "TypeError",
      message: "put: the target must be an NDArray",
    });
    const ro = nd.broadcastTo(nd.arange(3), [2, 3]);
    assert.throws(() => nd.put(ro, [0], 1), {
      name: "TypeError",
      message: "put: assignment destination is read-only",
    });
    assert.throws(() => nd.put(b, [0], 1, { mode: "x" as nd.IndexMode }), {
      name: "RangeError",
      message: 'put: mode must be one of "raise", "wrap" or "clip", got "x"',
    });
    assert.throws(() => nd.put(b, nd.array([1.0, 2.5]), 1), {
      name: "TypeError",
      message: 'put: cannot cast indices from float64 to int64 according to the rule "safe"',
    });
    assert.throws(() => nd.put(nd.zeros([0]), [1], [2], { mode: "wrap" }), {
      name: "RangeError",
      message: "put: cannot replace elements of an empty array",
    });
    const u = nd.zeros([3], { dtype: "uint8" });
    assert.throws(() => nd.put(u, [1], 300), {
      name: "RangeError",
      message: "put: JS integer 300 is out of bounds for uint8",
    });
    assert.throws(() => nd.put(u, [1], [5, -1]), {
      name: "RangeError",
      message: "put: JS integer -1 is out of bounds for uint8",
    });
    assertValues(u, [0, 0, 0]);
  });
});
