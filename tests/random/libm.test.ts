// glibc's log and log1p as nd.random reimplements them (src/random/_libm.ts): the same bits as
// the C library NumPy's samplers call, and within an ulp of V8's Math.log/Math.log1p.
import assert from "node:assert/strict";
import fc from "fast-check";
import { fma, glibcLog, glibcLog1p } from "../../src/random/_libm.ts";
import { defaultRng } from "../../src/random/mod.ts";

const DIR = new URL("../fixtures/random/", import.meta.url);
const HASHES = JSON.parse(Deno.readTextFileSync(new URL("libm.json", DIR)));

async function sha256(x: Float64Array): Promise<string> {
  const bytes = new Uint8Array(x.byteLength);
  bytes.set(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
  const h = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(h, (b) => b.toString(16).padStart(2, "0")).join("");
}

function ulp(x: number): number {
  const e = Math.floor(Math.log2(Math.abs(x)));
  return 2 ** (e - 52);
}

Deno.test("libm", async (t) => {
  const u = defaultRng(5).random(200_000);
  await t.step("log matches glibc on 200,000 uniforms", async () => {
    assert.equal(await sha256(Float64Array.from(u.data as Float64Array, glibcLog)), HASHES.log);
  });
  await t.step("log1p(-u) matches glibc on 200,000 uniforms", async () => {
    const got = Float64Array.from(u.data as Float64Array, (v) => glibcLog1p(-v));
    assert.equal(await sha256(got), HASHES.log1p_neg);
  });
  await t.step("special values", () => {
    assert.equal(glibcLog(1), 0);
    assert.equal(glibcLog(0), -Infinity);
    assert.equal(glibcLog(Infinity), Infinity);
    assert(Number.isNaN(glibcLog(-1)) && Number.isNaN(glibcLog(NaN)));
    assert.equal(glibcLog(5e-324), Math.log(5e-324));
    assert(Object.is(glibcLog1p(-0), -0) && glibcLog1p(-1) === -Infinity);
    assert(Number.isNaN(glibcLog1p(-2)) && glibcLog1p(Infinity) === Infinity);
    assert.equal(glibcLog1p(1e-300), 1e-300);
  });
  await t.step("within one ulp of V8 (property)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        const a = glibcLog(x), b = Math.log(x);
        return a === b || Math.abs(a - b) <= ulp(b);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -0.999, max: 1e6, noNaN: true }), (x) => {
        const a = glibcLog1p(x), b = Math.log1p(x);
        return a === b || Math.abs(a - b) <= ulp(b);
      }),
    );
  });
  await t.step("fma is a*b + c rounded once (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 26), max: 2 ** 26 }),
        fc.integer({ min: -(2 ** 26), max: 2 ** 26 }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (a, b, c) => {
          // a*b is exact here, so the fused and unfused results agree
          return Object.is(fma(a, b, c), a * b + c) || (a * b + c === 0 && fma(a, b, c) === 0);
        },
      ),
    );
    // 1 + 2^-52 squared: the fused result keeps the 2^-104 term that a*b + c loses
    const x = 1 + 2 ** -52;
    assert.equal(fma(x, x, -(1 + 2 ** -51)), 2 ** -104);
  });
});
