import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../../mod.ts";

const f64 = new Float64Array(1), i64 = new BigInt64Array(f64.buffer);
function bits(x: number): bigint {
  f64[0] = x;
  return i64[0];
}
function ulps(a: number, b: number): number {
  const d = bits(a) - bits(b);
  return Number(d < 0n ? -d : d);
}

// nd.exp uses a table-driven exp that is within 1 ulp of the correctly rounded result
// (V8's Math.exp is correctly rounded here; NumPy's SIMD exp is also within 1 ulp of libm).
Deno.test("exp is within 1 ulp of Math.exp and exact at special values", async (t) => {
  await t.step("random arguments over the whole finite range", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -745, max: 710, noNaN: true }), { minLength: 1, maxLength: 200 }),
        (xs) => {
          const r = nd.exp(nd.array(xs, { dtype: "float64" })).data as Float64Array;
          xs.forEach((x, i) =>
            assert.ok(
              ulps(r[i], Math.exp(x)) <= 1,
              `exp(${x}) = ${r[i]}, Math.exp gives ${Math.exp(x)}`,
            )
          );
        },
      ),
      { numRuns: 300 },
    );
  });
  await t.step("a dense sweep of [-20, 20]", () => {
    const x = nd.linspace(-20, 20, { num: 200001 });
    const r = nd.exp(x).data as Float64Array, xd = x.data as Float64Array;
    let worst = 0;
    for (let i = 0; i < xd.length; i++) worst = Math.max(worst, ulps(r[i], Math.exp(xd[i])));
    assert.ok(worst <= 1, `worst error ${worst} ulp`);
  });
  await t.step("special values", () => {
    const xs = [
      0,
      -0,
      1e-300,
      -1e-300,
      NaN,
      Infinity,
      -Infinity,
      709.78,
      710,
      -745.2,
      -746,
      -708.5,
    ];
    const r = nd.exp(nd.array(xs, { dtype: "float64" })).toArray() as number[];
    xs.forEach((x, i) =>
      assert.ok(Object.is(r[i], Math.exp(x)) || ulps(r[i], Math.exp(x)) <= 1, `exp(${x})`)
    );
    assert.equal(r[0], 1);
    assert.ok(Number.isNaN(r[4]));
    assert.equal(r[5], Infinity);
    assert.equal(r[6], 0);
  });
});
