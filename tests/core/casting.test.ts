// astype / array(dtype) / copyInto casts against NumPy's astype (fixtures_core.py).
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { assertValues, decode, decValue, type Enc, flat, readJson } from "./_fixtures.ts";

const C = readJson<Record<nd.DType, { values: Enc; to: Record<nd.DType, Enc> }>>(
  "core",
  "casts.json",
);

function expected(e: Enc, got: unknown[]): unknown[] {
  // Elements NumPy leaves to C's undefined behaviour are null: accept whatever nd gives.
  return e.data.map((v, i) => (v === null ? got[i] : decValue(e.dtype, v)));
}

Deno.test("casts match NumPy's astype for every dtype pair", async (t) => {
  for (const [from, row] of Object.entries(C)) {
    await t.step(`from ${from}`, () => {
      const src = decode(row.values);
      assert.equal(src.dtype, from);
      for (const [to, e] of Object.entries(row.to)) {
        const r = src.astype(to as nd.DType);
        assert.equal(r.dtype, to);
        const got = flat(r);
        assertValues(got, expected(e, got), { msg: `${from} -> ${to}` });
        // The same cast through copyInto into a strided destination.
        const dst = nd.zeros([2 * src.size], { dtype: to as nd.DType }).slice("::2");
        nd.copyInto(dst, src);
        assertValues(flat(dst), expected(e, got), { msg: `copyInto ${from} -> ${to}` });
      }
    });
  }
});

Deno.test("array() with a dtype casts JS values as NumPy does", () => {
  assert.deepEqual(nd.array([1.7, -1.7, 2.5], { dtype: "int8" }).toArray(), [1, -1, 2]);
  assert.deepEqual(nd.array([true, false], { dtype: "float32" }).toArray(), [1, 0]);
  assert.deepEqual(nd.array([0.5, 0, NaN, -0], { dtype: "bool" }).toArray(), [
    true,
    false,
    true,
    false,
  ]);
  assert.deepEqual(nd.array([{ re: 0, im: 1 }, { re: 0, im: 0 }], { dtype: "bool" }).toArray(), [
    true,
    false,
  ]);
  assert.deepEqual(nd.array([1.5, 2], { dtype: "complex64" }).toArray(), [
    { re: 1.5, im: 0 },
    { re: 2, im: 0 },
  ]);
  assert.deepEqual(nd.array([5n, -1n], { dtype: "float64" }).toArray(), [5, -1]);
  assert.deepEqual(nd.array([2n ** 40n + 5n], { dtype: "int32" }).toArray(), [5]);
  assert.deepEqual(nd.array([-1], { dtype: "uint64" }).toArray(), [2n ** 64n - 1n]);
});
