// copyto and where(cond, x, y).
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";
import { assertValues } from "./_helpers.ts";

Deno.test("copyto", async (t) => {
  await t.step("broadcasts, casts, masks (from NumPy)", () => {
    const d = nd.zeros([2, 3], { dtype: "int8" });
    nd.copyto(d, [1, 2, 300]); // a JS list is an int64 array: same_kind cast wraps
    assertValues(d, [[1, 2, 44], [1, 2, 44]]);
    nd.copyto(d, 7, { where: [[true, false, true], [false, false, false]] });
    assertValues(d, [[7, 2, 7], [1, 2, 44]]);
    nd.copyto(d, 5, { where: [1.5, 0, 0] }); // JS lists are read as bools
    assertValues(d, [[5, 2, 7], [5, 2, 44]]);
    nd.copyto(d, nd.array([1, 8, 3]), { where: nd.array([false, true, false]) });
    assertValues(d, [[5, 8, 7], [5, 8, 44]]);
    nd.copyto(d, nd.array([9, 9, 9]), { where: true });
    assertValues(d, [[9, 9, 9], [9, 9, 9]]);
  });
  await t.step("JS numbers are weak: ints into any numeric array, floats into float arrays", () => {
    const u = nd.zeros([2], { dtype: "uint8" });
    nd.copyto(u, 255);
    assertValues(u, [255, 255]);
    const f = nd.zeros([2], { dtype: "float32" });
    nd.copyto(f, 5.5, { casting: "no" });
    assertValues(f, [5.5, 5.5]);
    nd.copyto(f, 1e300);
    assertValues(f, [Infinity, Infinity]);
    const i = nd.zeros([2], { dtype: "int64" });
    nd.copyto(i, 1.5, { casting: "unsafe" });
    assertValues(i, [1, 1]);
    const c = nd.zeros([1], { dtype: "complex64" });
    nd.copyto(c, { re: 0, im: 1 }, { casting: "safe" });
    assert.deepEqual(c.get(0), { re: 0, im: 1 });
    const b = nd.zeros([1], { dtype: "int8" });
    nd.copyto(b, true);
    assertValues(b, [1]);
    const big = nd.zeros([1], { dtype: "uint64" });
    nd.copyto(big, 2n ** 64n - 1n);
    assert.equal(big.get(0), 2n ** 64n - 1n);
  });
  await t.step("overlapping source and destination", () => {
    const a = nd.arange(5);
    nd.copyto(a.slice("1:"), a.slice(":4"));
    assertValues(a, [0, 0, 1, 2, 3]);
  });
  await t.step("errors, and bad input changes nothing", () => {
    const d = nd.zeros([3], { dtype: "int64" });
    assert.throws(() => nd.copyto(d, nd.array([1.5])), {
      name: "TypeError",
      message:
        'copyto: cannot cast array data from float64 to int64 according to the rule "same_kind"',
    });
    assert.throws(() => nd.copyto(d, 1.5), {
      name: "TypeError",
      message: 'copyto: cannot cast scalar from float64 to int64 according to the rule "same_kind"',
    });
    assert.throws(() => nd.copyto(nd.zeros([1], { dtype: "float32" }), { re: 0, im: 1 }), {
      name: "TypeError",
      message:
        'copyto: cannot cast scalar from complex64 to float32 according to the rule "same_kind"',
    });
    assert.throws(() => nd.copyto(nd.zeros([1], { dtype: "bool" }), 2), {
      name: "TypeError",
      message: 'copyto: cannot cast scalar from int64 to bool according to the rule "same_kind"',
    });
    assert.throws(() => nd.copyto(nd.zeros([1], { dtype: "int8" }), true, { casting: "no" }), {
      name: "TypeError",
      message: 'copyto: cannot cast scalar from bool to int8 according to the rule "no"',
    });
    assert.throws(
      () => nd.copyto(nd.zeros([3]), nd.zeros([3], { dtype: "float32" }), { casting: "equiv" }),
      {
        name: "TypeError",
        message:
          'copyto: cannot cast array data from float32 to float64 according to the rule "equiv"',
      },
    );
    assert.throws(() => nd.copyto(nd.zeros([3], { dtype: "uint8" }), 300, { casting: "unsafe" }), {
      name: "RangeError",
      message: "copyto: JS integer 300 is out of bounds for uint8",
    });
    assert.throws(() => nd.copyto(d, [1, 2], { casting: "bad" as nd.Casting }), {
      name: "RangeError",
      message:
        'copyto: casting must be one of "no", "equiv", "safe", "same_kind" or "unsafe", got "bad"',
    });
    assert.throws(() => nd.copyto(d, [1, 2]), {
      name: "TypeError",
      message: "copyto: could not broadcast input array from shape [2] into shape [3]",
    });
    assert.throws(() => nd.copyto(d, [1, 2, 3], { where: [[true, false, true]] }), {
      name: "TypeError",
      message: "copyto: could not broadcast where mask from shape [1,3] into shape [3]",
    });
    assert.throws(() => nd.copyto(d, [1, 2, 3], { where: nd.array([1, 0, 1]) }), {
      name: "TypeError",
      message:
        'copyto: where must be a bool array: cannot cast int64 to bool according to the rule "safe"',
    });
    assert.throws(() => nd.copyto([1, 2] as unknown as nd.NDArray, 1), {
      name: "TypeError",
      message: "copyto: the destination must be an NDArray",
    });
    assert.throws(() => nd.copyto(nd.broadcastTo(nd.zeros([1]), [3]), 1), {
      name: "TypeError",
      message: "copyto: assignment destination is read-only",
    });
    assertValues(d, [0, 0, 0]);
  });
});

Deno.test("where", async (t) => {
  const cond = nd.array([true, false]);
  await t.step("result dtype follows resultType(x, y) with weak JS scalars (from NumPy)", () => {
    const u8 = nd.zeros([2], { dtype: "uint8" });
    const cases: [nd.ArrayLike, nd.ArrayLike, nd.DType, unknown[]][] = [
      [u8, 300, "uint8", [0, 44]],
      [u8, 3, "uint8", [0, 3]],
      [u8, -1, "uint8", [0, 255]],
      [u8, 3.5, "float64", [0, 3.5]],
      [nd.zeros([2], { dtype: "float32" }), 3.5, "float32", [0, 3.5]],
      [1, 2.5, "float64", [1, 2.5]],
      [1, 2, "int64", [1, 2]],
      [true, 2, "int64", [1, 2]],
      [u8, true, "uint8", [0, 1]],
      [nd.zeros([2], { dtype: "int8" }), u8, "int16", [0, 0]],
      [nd.array([1n, 2n]), nd.array([3, 4], { dtype: "uint64" }), "float64", [1, 4]],
    ];
    for (const [x, y, dtype, values] of cases) {
      const r = nd.where(cond, x, y);
      assert.equal(r.dtype, dtype, `where(cond, ${x}, ${y})`);
      assertValues(r, values);
    }
    const c = nd.where(cond, { re: 1, im: 2 }, nd.array([1, 2], { dtype: "float32" }));
    assert.equal(c.dtype, "complex64");
    assert.deepEqual(c.toArray(), [{ re: 1, im: 2 }, { re: 2, im: 0 }]);
  });
  await t.step(
    "any dtype as a condition: non-zero, NaN and complex with an imaginary part are true",
    () => {
      assertValues(nd.where([NaN, 0, -0, 1e-300], 1, 0), [1, 0, 0, 1]);
      assertValues(nd.where([{ re: 0, im: 1 }, { re: 0, im: 0 }], 1, 2), [1, 2]);
      assertValues(nd.where(nd.array([0n, 5n]), 1, 2), [2, 1]);
    },
  );
  await t.step("broadcasting, strided inputs, a fresh C-contiguous result", () => {
    const r = nd.where([[true], [false]], [1, 2, 3], -1);
    assertValues(r, [[1, 2, 3], [-1, -1, -1]]);
    assert.ok(r.flags.cContiguous && r.base === null);
    const a = nd.arange(6).reshape([2, 3]);
    assertValues(nd.where(a.T.greater(2), a.T, nd.flip(a.T)), [[5, 3], [4, 4], [3, 5]]);
    assert.deepEqual(nd.where(true, 1, nd.zeros([0])).shape, [0]);
    const s = nd.where(true, 1, 2);
    assert.equal(s.ndim, 0);
    assert.equal(s.item(), 1n);
  });
  await t.step("errors", () => {
    const w = nd.where as unknown as (...args: unknown[]) => nd.NDArray;
    assert.throws(() => w([true]), {
      name: "TypeError",
      message:
        "where: expected 3 arguments (cond, x, y), got 1: use nonzero(cond) for the one-argument form",
    });
    assert.throws(() => w([true], 1, 2, 3), {
      name: "TypeError",
      message: /^where: expected 3 arguments \(cond, x, y\), got 4/,
    });
    assert.throws(() => nd.where([[true], [false]], [1, 2, 3], [4, 5]), {
      name: "TypeError",
      message: "where: operands could not be broadcast together: cond [2,1], x [3], y [2]",
    });
    assert.throws(() => nd.where([true], [1, [2]] as unknown as nd.ArrayLike, 0), {
      name: "TypeError",
      message: /^where: inhomogeneous nested arrays/,
    });
  });
});
