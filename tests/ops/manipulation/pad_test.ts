// pad: behaviours beyond the NumPy fixtures, and every error.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";
import { assertValues } from "./_helpers.ts";

Deno.test("pad", async (t) => {
  await t.step("pads wider than the array repeat as NumPy's iterative algorithm", () => {
    const a = nd.arange(3);
    assertValues(nd.pad(a, 7, { mode: "reflect" }), [
      1,
      2,
      1,
      0,
      1,
      2,
      1,
      0,
      1,
      2,
      1,
      0,
      1,
      2,
      1,
      0,
      1,
    ]);
    assertValues(nd.pad(a, 7, { mode: "symmetric" }), [
      0,
      0,
      1,
      2,
      2,
      1,
      0,
      0,
      1,
      2,
      2,
      1,
      0,
      0,
      1,
      2,
      2,
    ]);
    assertValues(nd.pad(a, 7, { mode: "wrap" }), [
      2,
      0,
      1,
      2,
      0,
      1,
      2,
      0,
      1,
      2,
      0,
      1,
      2,
      0,
      1,
      2,
      0,
    ]);
    assertValues(nd.pad(nd.arange(1), 3, { mode: "reflect" }), [0, 0, 0, 0, 0, 0, 0]);
    assertValues(
      nd.pad(nd.arange(4), 9, { mode: "symmetric", reflectType: "odd" }),
      [-6, -6, -5, -4, -3, -3, -2, -1, 0, 0, 1, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9, 9],
    );
  });
  await t.step("constant values per axis; corners take the later axis' value", () => {
    const r = nd.pad(nd.arange(6).reshape([2, 3]), [[1, 2], [3, 4]], {
      constantValues: [[7, 8], [9, 10]],
    });
    assertValues(r, [
      [9, 9, 9, 7, 7, 7, 10, 10, 10, 10],
      [9, 9, 9, 0, 1, 2, 10, 10, 10, 10],
      [9, 9, 9, 3, 4, 5, 10, 10, 10, 10],
      [9, 9, 9, 8, 8, 8, 10, 10, 10, 10],
      [9, 9, 9, 8, 8, 8, 10, 10, 10, 10],
    ]);
  });
  await t.step("dtype is kept; constant values are cast unsafely", () => {
    const u8 = nd.arange(3, { dtype: "uint8" });
    const r = nd.pad(u8, 1, { constantValues: 300 });
    assert.equal(r.dtype, "uint8");
    assertValues(r, [44, 0, 1, 2, 44]);
    assertValues(nd.pad(u8, 1, { constantValues: -1 }), [255, 0, 1, 2, 255]);
    assertValues(nd.pad(u8, 1, { constantValues: 2.7 }), [2, 0, 1, 2, 2]);
    assertValues(nd.pad(nd.array([1.5]), 1, { constantValues: { re: 3, im: 1 } }), [3, 1.5, 3]);
    assertValues(
      nd.pad(nd.arange(3, { dtype: "uint8" }), [2, 3], { mode: "reflect", reflectType: "odd" }),
      [254, 255, 0, 1, 2, 3, 4, 5],
    );
    const b = nd.pad(nd.array([true, false]), 2, { mode: "reflect", reflectType: "odd" });
    assert.equal(b.dtype, "bool");
    assertValues(b, [1, 1, 1, 0, 1, 1]);
  });
  await t.step("a new array; the input is untouched", () => {
    const a = nd.ones([2, 2]);
    const r = nd.pad(a, 0);
    assert.equal(r.base, null);
    assert.notEqual(r.data, a.data);
    r.set([0, 0], 5);
    assert.equal(a.get(0, 0), 1);
  });
  await t.step("empty and 0-d arrays", () => {
    assertValues(nd.pad(nd.zeros([0, 2]), 1), [[0, 0, 0, 0], [0, 0, 0, 0]]);
    assert.deepEqual(nd.pad(nd.zeros([0, 2]), [[0, 0], [1, 1]], { mode: "edge" }).shape, [0, 4]);
    assert.equal(nd.pad(nd.array(5), 3).item(), 5n);
    assert.deepEqual(nd.pad(nd.zeros([2, 2]), 1, { mode: "empty" }).shape, [4, 4]);
  });
  await t.step("errors", () => {
    const a = nd.arange(3);
    assert.throws(() => nd.pad(a, 1.5), {
      name: "TypeError",
      message: "pad: padWidth must be of integral type, got float64",
    });
    assert.throws(() => nd.pad(a, []), {
      name: "TypeError",
      message: "pad: padWidth must be of integral type, got float64",
    });
    assert.throws(() => nd.pad(a, true), {
      name: "TypeError",
      message: "pad: padWidth must be of integral type, got bool",
    });
    assert.throws(() => nd.pad(a, -1), {
      name: "RangeError",
      message: "pad: padWidth can't contain negative values, got -1",
    });
    assert.throws(() => nd.pad(nd.array(1), -1), {
      name: "RangeError",
      message: "pad: padWidth can't contain negative values, got -1",
    });
    assert.throws(() => nd.pad(a, [[1, 2], [3, 4]]), {
      name: "TypeError",
      message:
        "pad: padWidth of shape [2,2] cannot be broadcast to one (before, after) pair per axis, shape [1,2]",
    });
    assert.throws(() => nd.pad(nd.zeros([2, 3]), [[1, 2, 3]]), {
      name: "TypeError",
      message:
        "pad: padWidth of shape [1,3] cannot be broadcast to one (before, after) pair per axis, shape [2,2]",
    });
    assert.throws(() => nd.pad(a, 1, { constantValues: [[1, 2], [3, 4]] }), {
      name: "TypeError",
      message:
        "pad: constantValues of shape [2,2] cannot be broadcast to one (before, after) pair per axis, shape [1,2]",
    });
    assert.throws(() => nd.pad(a, 1, { mode: "foo" as nd.PadMode }), {
      name: "RangeError",
      message:
        'pad: mode "foo" is not supported: expected one of "constant", "edge", "reflect", "symmetric", "wrap", "empty"',
    });
    assert.throws(() => nd.pad(a, 1, { mode: "edge", constantValues: 2 }), {
      name: "TypeError",
      message: 'pad: constantValues is not supported with mode "edge"',
    });
    assert.throws(() => nd.pad(a, 1, { mode: "wrap", reflectType: "odd" }), {
      name: "TypeError",
      message: 'pad: reflectType is not supported with mode "wrap"',
    });
    assert.throws(() => nd.pad(a, 1, { mode: "reflect", reflectType: "foo" as "odd" }), {
      name: "RangeError",
      message: 'pad: reflectType must be "even" or "odd", got "foo"',
    });
    assert.throws(() => nd.pad(nd.zeros([0, 2]), 1, { mode: "edge" }), {
      name: "RangeError",
      message: `pad: can't extend empty axis 0 using modes other than "constant" or "empty"`,
    });
  });
});
