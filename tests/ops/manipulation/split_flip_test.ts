// split, arraySplit, hsplit, vsplit, dsplit, flip, fliplr, flipud, ravel.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";
import { assertValues } from "./_helpers.ts";

Deno.test("split and arraySplit", async (t) => {
  await t.step("pieces are views sharing the buffer", () => {
    const a = nd.arange(6);
    const [x, y] = nd.split(a, 2);
    assertValues(x, [0, 1, 2]);
    assertValues(y, [3, 4, 5]);
    assert.equal(y.base, a);
    y.set([0], 30);
    assert.equal(a.get(3), 30n);
  });
  await t.step("sections and indices (Python slice rules)", () => {
    const a = nd.arange(5);
    assert.deepEqual(nd.split(a, [-2, 10, 1]).map((p) => p.toArray().map(Number)), [
      [0, 1, 2],
      [3, 4],
      [],
      [1, 2, 3, 4],
    ]);
    assert.deepEqual(nd.arraySplit(a, 3).map((p) => p.size), [2, 2, 1]);
    assert.deepEqual(nd.arraySplit(nd.arange(3), 5).map((p) => p.size), [1, 1, 1, 0, 0]);
    assert.deepEqual(nd.split(a, []).map((p) => p.size), [5]);
    assert.deepEqual(nd.split(a, nd.array([1, 3])).map((p) => p.size), [1, 2, 2]);
    const m = nd.arange(12).reshape([3, 4]);
    const cols = nd.split(m, 2, { axis: -1 });
    assertValues(cols[1], [[2, 3], [6, 7], [10, 11]]);
    assert.deepEqual(nd.arraySplit(nd.zeros([0]), 3).map((p) => p.shape[0]), [0, 0, 0]);
  });
  await t.step("hsplit, vsplit, dsplit", () => {
    assert.deepEqual(nd.hsplit(nd.arange(4), 2).map((p) => p.shape), [[2], [2]]);
    assert.deepEqual(nd.hsplit(nd.zeros([2, 6]), [1, 4]).map((p) => p.shape), [[2, 1], [2, 3], [
      2,
      2,
    ]]);
    assert.deepEqual(nd.vsplit(nd.zeros([4, 3]), 2).map((p) => p.shape), [[2, 3], [2, 3]]);
    assert.deepEqual(nd.dsplit(nd.zeros([1, 2, 4]), [3]).map((p) => p.shape), [[1, 2, 3], [
      1,
      2,
      1,
    ]]);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.split(nd.arange(5), 2), {
      name: "RangeError",
      message:
        "split: array split does not result in an equal division: axis 0 of size 5 into 2 sections",
    });
    assert.throws(() => nd.split(nd.arange(5), 0), {
      name: "RangeError",
      message: "split: number sections must be larger than 0, got 0",
    });
    assert.throws(() => nd.arraySplit(nd.arange(5), -1), {
      name: "RangeError",
      message: "arraySplit: number sections must be larger than 0, got -1",
    });
    assert.throws(() => nd.split(nd.arange(6), 1.5), {
      name: "TypeError",
      message: "split: the number of sections must be an integer, got 1.5",
    });
    assert.throws(() => nd.split(nd.arange(6), [2.5]), {
      name: "TypeError",
      message:
        'split: cannot cast split indices from float64 to int64 according to the rule "safe"',
    });
    assert.throws(() => nd.split(nd.arange(6), [[2, 4]] as unknown as number[]), {
      name: "TypeError",
      message: "split: split indices must be a 1-D list of integers, got shape [1,2]",
    });
    assert.throws(() => nd.split(nd.array(3), 1), {
      name: "RangeError",
      message: "split: axis 0 is out of bounds for array of dimension 0",
    });
    assert.throws(() => nd.split(nd.zeros([2, 3]), 3, { axis: 2 }), {
      name: "RangeError",
      message: "split: axis 2 is out of bounds for array of dimension 2",
    });
    assert.throws(() => nd.hsplit(nd.array(3), 1), {
      name: "RangeError",
      message: "hsplit: only works on arrays of 1 or more dimensions, got 0",
    });
    assert.throws(() => nd.vsplit(nd.arange(4), 2), {
      name: "RangeError",
      message: "vsplit: only works on arrays of 2 or more dimensions, got 1",
    });
    assert.throws(() => nd.dsplit(nd.zeros([2, 2]), 2), {
      name: "RangeError",
      message: "dsplit: only works on arrays of 3 or more dimensions, got 2",
    });
    assert.throws(() => nd.hsplit(nd.zeros([2, 3]), 2), {
      name: "RangeError",
      message: /^hsplit: array split does not result in an equal division/,
    });
  });
});

Deno.test("flip, fliplr, flipud", async (t) => {
  const a = nd.arange(24).reshape([2, 3, 4]);
  await t.step("views with negative strides", () => {
    const f = nd.flip(a, { axis: 1 });
    assert.equal(f.base, a.base);
    assert.deepEqual(f.strides, [12, -4, 1]);
    assertValues(f.slice(0, null, 0), [8, 4, 0]);
    f.set([0, 0, 0], -1);
    assert.equal(a.get(0, 2, 0), -1n);
    assertValues(nd.flip(nd.arange(4)), [3, 2, 1, 0]);
    assertValues(nd.flip(a, { axis: [0, 2] }).slice(0, 0), [15, 14, 13, 12]);
    assertValues(nd.flip(a, { axis: [] }), a.toArray());
    assert.equal(nd.flip(nd.array(5)).item(), 5n);
    assert.deepEqual(nd.flip(nd.zeros([0, 2])).shape, [0, 2]);
    assertValues(nd.fliplr([[1, 2], [3, 4]]), [[2, 1], [4, 3]]);
    assertValues(nd.flipud([[1, 2], [3, 4]]), [[3, 4], [1, 2]]);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.flip(a, { axis: 3 }), {
      name: "RangeError",
      message: "flip: axis 3 is out of bounds for array of dimension 3",
    });
    assert.throws(() => nd.flip(a, { axis: [0, -3] }), {
      name: "RangeError",
      message: "flip: repeated axis 0 in [0, -3]",
    });
    assert.throws(() => nd.flip(a, { axis: "1" as unknown as number }), {
      name: "TypeError",
      message: "flip: axis must be a number or an array of numbers, got 1",
    });
    assert.throws(() => nd.fliplr(nd.arange(3)), {
      name: "RangeError",
      message: "fliplr: the array must be at least 2-d, got 1-d",
    });
    assert.throws(() => nd.flipud(nd.array(1)), {
      name: "RangeError",
      message: "flipud: the array must be at least 1-d, got 0-d",
    });
  });
});

Deno.test("ravel", async (t) => {
  await t.step("a view when contiguous, else a copy", () => {
    const a = nd.arange(6).reshape([2, 3]);
    const r = nd.ravel(a);
    assert.equal(r.base, a.base);
    assertValues(nd.ravel(a.T), [0, 3, 1, 4, 2, 5]);
    assert.equal(nd.ravel(a.T).base, null);
    const f = nd.ravel(a.T, { order: "F" });
    assertValues(f, [0, 1, 2, 3, 4, 5]);
    assert.equal(f.base, a.base);
    assertValues(nd.ravel([[1, 2], [3, 4]]), [1, 2, 3, 4]);
    assert.deepEqual(nd.ravel(nd.array(3)).shape, [1]);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.ravel(nd.arange(3), { order: "K" as "C" }), {
      name: "RangeError",
      message: 'ravel: order must be "C" or "F", got "K"',
    });
  });
});
