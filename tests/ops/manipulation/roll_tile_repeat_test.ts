// roll, tile, repeat.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";
import { assertValues } from "./_helpers.ts";

const a23 = () => nd.arange(6).reshape([2, 3]);

Deno.test("roll", async (t) => {
  await t.step("flattened and per-axis rolls (values from NumPy)", () => {
    assertValues(nd.roll(nd.arange(5), [1, 2]), [2, 3, 4, 0, 1]);
    assertValues(nd.roll(a23(), [1, 2], { axis: [0] }), [[3, 4, 5], [0, 1, 2]]);
    assertValues(nd.roll(a23(), 1, { axis: [0, 0] }), [[0, 1, 2], [3, 4, 5]]);
    assertValues(nd.roll(a23(), -7), [[1, 2, 3], [4, 5, 0]]);
    assertValues(nd.roll(a23(), [], { axis: 0 }), a23().toArray());
    assert.deepEqual(nd.roll(nd.zeros([0, 3]), 2, { axis: 0 }).shape, [0, 3]);
    assert.equal(nd.roll(nd.array(5), 1).item(), 5n);
  });
  await t.step("always a new array of the same dtype and shape", () => {
    const a = nd.array([[1, 2], [3, 4]], { dtype: "float32" });
    const r = nd.roll(a, 0);
    assert.notEqual(r.data, a.data);
    assert.equal(r.base, null);
    assert.equal(r.dtype, "float32");
    assert.deepEqual(r.shape, [2, 2]);
    const c = nd.roll(nd.array([{ re: 1, im: 2 }, { re: 3, im: 4 }]), 1);
    assert.deepEqual(c.toArray(), [{ re: 3, im: 4 }, { re: 1, im: 2 }]);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.roll(a23(), 1.5), {
      name: "TypeError",
      message: "roll: shift must be an integer, got 1.5",
    });
    assert.throws(() => nd.roll(a23(), "1" as unknown as number), {
      name: "TypeError",
      message: "roll: shift must be a number or an array of numbers, got 1",
    });
    assert.throws(() => nd.roll(a23(), [[1]] as unknown as number[], { axis: 0 }), {
      name: "TypeError",
      message: "roll: shift and axis should be scalars or 1-D sequences",
    });
    assert.throws(() => nd.roll(a23(), [1, 2], { axis: [0, 1, 1] }), {
      name: "TypeError",
      message: "roll: shift [1,2] and axis [0,1,1] cannot be paired: their lengths 2 and 3 differ",
    });
    assert.throws(() => nd.roll(a23(), 1, { axis: 2 }), {
      name: "RangeError",
      message: "roll: axis 2 is out of bounds for array of dimension 2",
    });
    assert.throws(() => nd.roll(nd.array(5), 1, { axis: 0 }), {
      name: "RangeError",
      message: "roll: axis 0 is out of bounds for array of dimension 0",
    });
    assert.throws(() => nd.roll(a23(), 1, { axis: 0.5 }), {
      name: "TypeError",
      message: "roll: axis must be an integer, got 0.5",
    });
  });
});

Deno.test("tile", async (t) => {
  await t.step("values and shapes (from NumPy)", () => {
    assertValues(nd.tile(nd.arange(3), [2, 2]), [[0, 1, 2, 0, 1, 2], [0, 1, 2, 0, 1, 2]]);
    assert.deepEqual(nd.tile(nd.arange(3), 0).shape, [0]);
    assert.deepEqual(nd.tile(a23(), 2).shape, [2, 6]);
    assert.deepEqual(nd.tile(a23(), [2, 1, 1]).shape, [2, 2, 3]);
    assert.equal(nd.tile(nd.array(5), []).ndim, 0);
    assertValues(nd.tile(a23().T, [1, 2]), [[0, 3, 0, 3], [1, 4, 1, 4], [2, 5, 2, 5]]);
  });
  await t.step("a copy even with all reps 1", () => {
    const a = a23();
    const r = nd.tile(a, 1);
    assert.equal(r.base, null);
    r.set([0, 0], 7);
    assert.equal(a.get(0, 0), 0n);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.tile(nd.arange(3), -1), {
      name: "RangeError",
      message: "tile: negative dimensions are not allowed, got reps [-1]",
    });
    assert.throws(() => nd.tile(nd.arange(3), [2.5]), {
      name: "TypeError",
      message: "tile: reps entries must be an integer, got 2.5",
    });
    assert.throws(() => nd.tile(nd.arange(3), "2" as unknown as number), {
      name: "TypeError",
      message: "tile: reps must be a number or an array of numbers, got 2",
    });
  });
});

Deno.test("repeat", async (t) => {
  await t.step("values (from NumPy)", () => {
    assertValues(nd.repeat(a23(), 2), [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    assertValues(nd.repeat(a23(), [2], { axis: 1 }), [[0, 0, 1, 1, 2, 2], [3, 3, 4, 4, 5, 5]]);
    assertValues(nd.repeat(a23(), [0, 2, 1], { axis: -1 }), [[1, 1, 2], [4, 4, 5]]);
    assertValues(nd.repeat(nd.array(5), 3), [5, 5, 5]);
    assertValues(nd.repeat(nd.array(5), 3, { axis: 0 }), [5, 5, 5]);
    assertValues(nd.repeat(nd.arange(3), nd.array([1, 2, 3], { dtype: "uint8" })), [
      0,
      1,
      1,
      2,
      2,
      2,
    ]);
    assertValues(nd.repeat(nd.arange(3), [true, false, true]), [0, 2]);
    assert.deepEqual(nd.repeat(nd.arange(0), []).shape, [0]);
    assert.deepEqual(nd.repeat(nd.arange(0), 3).shape, [0]);
    assertValues(nd.repeat(a23().T, [1, 0, 2], { axis: 0 }), [[0, 3], [2, 5], [2, 5]]);
    const b = nd.repeat(nd.array([true, false]), 2);
    assert.equal(b.dtype, "bool");
    assertValues(b, [1, 1, 0, 0]);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.repeat(a23(), -1), {
      name: "RangeError",
      message: "repeat: repeats may not contain negative values, got -1",
    });
    assert.throws(() => nd.repeat(a23(), [1, -2], { axis: 0 }), {
      name: "RangeError",
      message: "repeat: repeats may not contain negative values, got -2",
    });
    assert.throws(() => nd.repeat(a23(), [1, 2]), {
      name: "TypeError",
      message: "repeat: 2 repeats do not match the 6 elements along axis 0",
    });
    assert.throws(() => nd.repeat(a23(), [[1, 2]], { axis: 0 }), {
      name: "TypeError",
      message: "repeat: repeats must be a number or a 1-D array, got shape [1,2]",
    });
    assert.throws(() => nd.repeat(a23(), 2.5), {
      name: "TypeError",
      message: 'repeat: cannot cast repeats from float64 to int64 according to the rule "safe"',
    });
    assert.throws(() => nd.repeat(nd.arange(3), nd.array([1, 1, 1], { dtype: "uint64" })), {
      name: "TypeError",
      message: 'repeat: cannot cast repeats from uint64 to int64 according to the rule "safe"',
    });
    assert.throws(() => nd.repeat(a23(), 2, { axis: 2 }), {
      name: "RangeError",
      message: "repeat: axis 2 is out of bounds for array of dimension 2",
    });
  });
});
