// insert, delete, append.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";
import { assertValues } from "./_helpers.ts";

const a23 = () => nd.arange(6).reshape([2, 3]);

Deno.test("delete", async (t) => {
  await t.step("values (from NumPy); always a copy", () => {
    assertValues(nd.delete(a23(), 1), [0, 2, 3, 4, 5]);
    assertValues(nd.delete(a23(), [0, 0, -1]), [1, 2, 3, 4]);
    assertValues(nd.delete(a23(), [true, false, true], { axis: 1 }), [[1], [4]]);
    assertValues(nd.delete(a23(), "::2", { axis: 1 }), [[1], [4]]);
    assertValues(nd.delete(a23(), [[0, 1]], { axis: 1 }), [[2], [5]]);
    assert.deepEqual(nd.delete(nd.array(5), 0).shape, [0]);
    const a = a23();
    const r = nd.delete(a, [], { axis: 0 });
    assertValues(r, a.toArray());
    assert.equal(r.base, null);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.delete(a23(), 5, { axis: 1 }), {
      name: "RangeError",
      message: "delete: index 5 is out of bounds for axis 1 with size 3",
    });
    assert.throws(() => nd.delete(a23(), [-4], { axis: 1 }), {
      name: "RangeError",
      message: "delete: index -4 is out of bounds for axis 1 with size 3",
    });
    assert.throws(() => nd.delete(a23(), [true, false], { axis: 1 }), {
      name: "TypeError",
      message:
        "delete: a bool mask must be one-dimensional and match the axis length of 3, got shape [2]",
    });
    assert.throws(() => nd.delete(a23(), [1.5], { axis: 1 }), {
      name: "TypeError",
      message: "delete: indices must be integers, got float64",
    });
    assert.throws(() => nd.delete(a23(), 1.5), {
      name: "TypeError",
      message: "delete: index 1.5 is not an integer",
    });
    assert.throws(() => nd.delete(a23(), "::0"), {
      name: "RangeError",
      message: 'delete: slice step cannot be zero in "::0"',
    });
    assert.throws(() => nd.delete(a23(), 1, { axis: 2 }), {
      name: "RangeError",
      message: "delete: axis 2 is out of bounds for array of dimension 2",
    });
  });
});

Deno.test("insert", async (t) => {
  await t.step("values (from NumPy)", () => {
    assertValues(nd.insert(a23(), 1, 9), [0, 9, 1, 2, 3, 4, 5]);
    assertValues(nd.insert(a23(), 1, 9, { axis: 1 }), [[0, 9, 1, 2], [3, 9, 4, 5]]);
    assertValues(nd.insert(a23(), [1], [7, 8], { axis: 1 }), [[0, 7, 8, 1, 2], [3, 7, 8, 4, 5]]);
    assertValues(nd.insert(a23(), 1, [[7], [8]], { axis: 1 }), [[0, 7, 8, 1, 2], [3, 7, 8, 4, 5]]);
    assertValues(nd.insert(a23(), [2, 0], [7, 8], { axis: 1 }), [[8, 0, 1, 7, 2], [8, 3, 4, 7, 5]]);
    assertValues(nd.insert(a23(), 3, 9, { axis: 1 }), [[0, 1, 2, 9], [3, 4, 5, 9]]);
    assertValues(nd.insert(a23(), 1, 2.7), [0, 2, 1, 2, 3, 4, 5]);
    assertValues(nd.insert(nd.array(5), 0, 1), [1, 5]);
    assertValues(nd.insert(a23(), [], 0, { axis: 1 }), a23().toArray());
    const r = nd.insert(nd.array([1, 2], { dtype: "float32" }), 0, 0.5);
    assert.equal(r.dtype, "float32");
  });
  await t.step("errors", () => {
    assert.throws(() => nd.insert(a23(), 4, 9, { axis: 1 }), {
      name: "RangeError",
      message: "insert: index 4 is out of bounds for axis 1 with size 3",
    });
    assert.throws(() => nd.insert(a23(), [0, -4], 9, { axis: 1 }), {
      name: "RangeError",
      message: "insert: index -4 is out of bounds for axis 1 with size 3",
    });
    assert.throws(() => nd.insert(a23(), 1, [7, 8], { axis: 0 }), {
      name: "TypeError",
      message: "insert: could not broadcast values of shape [1,2] into shape [1,3]",
    });
    assert.throws(() => nd.insert(a23(), [0, 1], [1, 2, 3], { axis: 1 }), {
      name: "TypeError",
      message: "insert: could not broadcast values of shape [1,3] into shape [2,2]",
    });
    assert.throws(() => nd.insert(a23(), [[1]], 0, { axis: 1 }), {
      name: "TypeError",
      message: "insert: indices must be one-dimensional or a scalar, got shape [1,1]",
    });
    assert.throws(() => nd.insert(a23(), [true, false, true], 0, { axis: 1 }), {
      name: "TypeError",
      message: "insert: indices must be integers, got bool",
    });
    assert.throws(() => nd.insert(nd.zeros([3], { dtype: "uint8" }), 1, 300), {
      name: "RangeError",
      message: "insert: JS integer 300 is out of bounds for uint8",
    });
  });
});

Deno.test("append", async (t) => {
  await t.step("values and dtype (from NumPy)", () => {
    assertValues(nd.append(a23(), [[1, 2, 3]], { axis: 0 }), [[0, 1, 2], [3, 4, 5], [1, 2, 3]]);
    assertValues(nd.append(a23(), 5), [0, 1, 2, 3, 4, 5, 5]);
    assert.equal(
      nd.append(nd.zeros([2], { dtype: "float32" }), nd.zeros([1], { dtype: "int64" })).dtype,
      "float64",
    );
  });
  await t.step("errors name append", () => {
    assert.throws(() => nd.append(a23(), [1, 2, 3], { axis: 0 }), {
      name: "TypeError",
      message:
        "append: all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)",
    });
    assert.throws(() => nd.append(a23(), [[1, 2, 3]], { axis: 2 }), {
      name: "RangeError",
      message: "append: axis 2 is out of bounds for array of dimension 2",
    });
  });
});
