import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";

// Expected values were computed with NumPy 2.4.
Deno.test("round", async (t) => {
  await t.step("halves to even, signed zero kept", () => {
    const r = nd.round([0.5, 1.5, 2.5, -0.5, -1.5]).toArray();
    assert.deepEqual(r, [0, 2, 2, -0, -2]);
    assert.ok(Object.is(r[3], -0));
  });
  await t.step("decimals, in the input's precision", () => {
    assert.equal(
      nd.round(nd.array([2.675], { dtype: "float32" }), { decimals: 2 }).dtype,
      "float32",
    );
    assert.equal(
      nd.round(nd.array([2.675], { dtype: "float32" }), { decimals: 2 }).item(),
      Math.fround(2.68),
    );
    assert.equal(nd.round(1.235, { decimals: 2 }).item(), 1.24);
    assert.equal(nd.round(1234.5, { decimals: -1 }).item(), 1230);
  });
  await t.step("integers and complex", () => {
    assert.deepEqual(nd.round([1234, -1250, 1350], { decimals: -2 }).toArray(), [
      1200n,
      -1200n,
      1400n,
    ]);
    const i = nd.array([7, 8], { dtype: "int16" });
    const same = nd.round(i);
    assert.equal(same.dtype, "int16");
    assert.notEqual(same.data, i.data);
    assert.deepEqual(nd.round(nd.array([{ re: 1, im: 2.5 }])).toArray(), [{ re: 1, im: 2 }]);
    assert.equal(nd.around, nd.round);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.round([1.5], { decimals: 0.5 }), {
      name: "TypeError",
      message: "round: decimals must be an integer, got 0.5",
    });
  });
});

Deno.test("clip", async (t) => {
  await t.step("bounds, one-sided, NaN and dtypes", () => {
    assert.deepEqual(nd.clip(nd.arange(5), 1.5, 3).toArray(), [1.5, 1.5, 2, 3, 3]);
    assert.equal(nd.clip(nd.array([1, 5, 9], { dtype: "float32" }), 2, 6).dtype, "float32");
    assert.deepEqual(nd.clip([1.5, NaN, -4], null, 1).toArray(), [1, NaN, -4]);
    assert.deepEqual(nd.clip([[1, 8], [3, 4]], [2, 3], 5).toArray(), [[2n, 5n], [3n, 4n]]);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.clip([1], null, null), {
      name: "TypeError",
      message: "clip: one of min or max must be given",
    });
  });
});

Deno.test("nanToNum", async (t) => {
  await t.step("float32 extremes and options", () => {
    const r = nd.nanToNum(nd.array([NaN, Infinity, -Infinity, 2], { dtype: "float32" }));
    assert.equal(r.dtype, "float32");
    assert.deepEqual(r.toArray(), [0, 3.4028234663852886e38, -3.4028234663852886e38, 2]);
    const o = nd.nanToNum([NaN, Infinity, -Infinity], { nan: 1, posinf: 2, neginf: -3 });
    assert.deepEqual(o.toArray(), [1, 2, -3]);
  });
  await t.step("complex parts and non-float inputs", () => {
    assert.deepEqual(nd.nanToNum(nd.array([{ re: NaN, im: Infinity }])).toArray(), [{
      re: 0,
      im: Number.MAX_VALUE,
    }]);
    const i = nd.array([1, 2]);
    const c = nd.nanToNum(i);
    assert.deepEqual(c.toArray(), [1n, 2n]);
    assert.notEqual(c.data, i.data);
  });
});

Deno.test("constants", () => {
  assert.equal(nd.pi, Math.PI);
  assert.equal(nd.e, Math.E);
  assert.equal(nd.inf, Infinity);
  assert.ok(Number.isNaN(nd.nan));
  assert.equal(nd.eulerGamma, 0.5772156649015329);
});
