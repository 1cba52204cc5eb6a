// shape.ts: sizes, strides, shape/axis validation and their errors.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import {
  broadcastStrides,
  checkShape,
  cStrides,
  fmtShape,
  fStrides,
  normalizeAxes,
  normalizeAxis,
  shapesEqual,
  shapeSize,
} from "../../src/core/shape.ts";

Deno.test("shape arithmetic", async (t) => {
  await t.step("C and F strides address every element once, in their order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 4 }), (shape) => {
        const n = shapeSize(shape);
        for (const [st, cOrder] of [[cStrides(shape), true], [fStrides(shape), false]] as const) {
          const seen: number[] = [];
          for (let k = 0; k < n; k++) {
            let r = k, off = 0;
            const dims = shape.map((_, i) => i);
            if (cOrder) dims.reverse();
            for (const i of dims) {
              off += (r % shape[i]) * st[i];
              r = Math.floor(r / shape[i]);
            }
            seen.push(off);
          }
          assert.deepEqual(seen, Array.from({ length: n }, (_, i) => i));
        }
      }),
    );
    assert.deepEqual(cStrides([2, 0, 3]), [3, 3, 1]);
    assert.equal(shapeSize([]), 1);
    assert.equal(shapeSize([3, 0]), 0);
  });
  await t.step("broadcastStrides zeroes new and stretched axes", () => {
    assert.deepEqual(broadcastStrides([3, 1], [1, 1], [2, 3, 4]), [0, 1, 0]);
    assert.deepEqual(broadcastStrides([1], [5], [1]), [5]);
    assert.deepEqual(broadcastStrides([], [], [2]), [0]);
  });
  await t.step("normalizeAxes sorts, accepts null/undefined for all axes", () => {
    assert.deepEqual(normalizeAxes([-1, 0], 3, "f"), [0, 2]);
    assert.deepEqual(normalizeAxes(null, 2, "f"), [0, 1]);
    assert.deepEqual(normalizeAxes(undefined, 0, "f"), []);
    assert.deepEqual(normalizeAxes(-2, 2, "f"), [0]);
    assert.equal(normalizeAxis(-3, 3, "f"), 0);
  });
  await t.step("misc", () => {
    assert.deepEqual(checkShape(3, "f"), [3]);
    const s = [2, 3];
    assert.notEqual(checkShape(s, "f"), s);
    assert.equal(shapesEqual([1, 2], [1, 2]), true);
    assert.equal(shapesEqual([1, 2], [1]), false);
    assert.equal(shapesEqual([1, 2], [1, 3]), false);
    assert.equal(fmtShape([2, 3]), "[2,3]");
    assert.deepEqual(nd.broadcastShapes(), []);
    assert.deepEqual(nd.broadcastShapes([0], [1]), [0]);
  });
  await t.step("errors", () => {
    const cases: [() => unknown, string, string][] = [
      [
        () => checkShape("3", "zeros"),
        "TypeError",
        "zeros: shape must be a number or an array of numbers, got 3",
      ],
      [
        () => checkShape([2, -1], "zeros"),
        "RangeError",
        "zeros: shape entries must be non-negative integers, got [2, -1]",
      ],
      [
        () => checkShape([2.5], "ones"),
        "RangeError",
        "ones: shape entries must be non-negative integers, got [2.5]",
      ],
      [
        () => checkShape([2 ** 30, 2 ** 30], "ones"),
        "RangeError",
        `ones: shape [${2 ** 30}, ${2 ** 30}] is too large`,
      ],
      [() => normalizeAxis(1.5, 2, "sum"), "TypeError", "sum: axis must be an integer, got 1.5"],
      [
        () => normalizeAxis(2, 2, "sum"),
        "RangeError",
        "sum: axis 2 is out of bounds for array of dimension 2",
      ],
      [
        () => normalizeAxis(-3, 2, "sum"),
        "RangeError",
        "sum: axis -3 is out of bounds for array of dimension 2",
      ],
      [
        () => normalizeAxes("0" as unknown as number, 2, "sum"),
        "TypeError",
        "sum: axis must be a number or an array of numbers, got 0",
      ],
      [() => normalizeAxes([0, -2], 2, "sum"), "RangeError", "sum: repeated axis 0 in [0, -2]"],
      [
        () => nd.broadcastShapes([2, 3], [3, 2]),
        "TypeError",
        "broadcast: shapes [2,3] and [3,2] are not compatible: dimension 0 has sizes 2 and 3",
      ],
      [
        () => nd.broadcastTo([1], [-1]),
        "RangeError",
        "broadcastTo: shape entries must be non-negative integers, got [-1]",
      ],
    ];
    for (const [f, name, message] of cases) assert.throws(f, { name, message });
  });
});
