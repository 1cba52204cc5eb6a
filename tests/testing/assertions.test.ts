import assert from "node:assert/strict";
import { AssertionError } from "node:assert";
import * as nd from "../../mod.ts";
import fixture from "../fixtures/print/testing_messages.json" with { type: "json" };

interface Enc {
  dtype: nd.DType;
  shape: number[];
  data: (string | boolean | string[])[];
}
interface Case {
  name: string;
  fn: "allclose" | "equal" | "less";
  actual: Enc;
  expected: Enc;
  opts: Record<string, unknown>;
  message: string | null;
}

function num(s: string): number {
  return s === "nan" ? NaN : s === "inf" ? Infinity : s === "-inf" ? -Infinity : Number(s);
}

/** Rebuilds a fixture array from its typed buffer, so the dtype is exactly NumPy's. */
function build(e: Enc): nd.NDArray {
  const d = e.dtype;
  let data: nd.TypedArray;
  if (d === "int64") data = BigInt64Array.from(e.data as string[], (s) => BigInt(s));
  else if (d === "uint64") data = BigUint64Array.from(e.data as string[], (s) => BigInt(s));
  else if (d === "bool") data = Uint8Array.from(e.data as boolean[], (b) => (b ? 1 : 0));
  else if (d.startsWith("complex")) {
    const flat = (e.data as string[][]).flatMap(([re, im]) => [num(re), num(im)]);
    data = d === "complex128" ? Float64Array.from(flat) : Float32Array.from(flat);
  } else {
    data = new ({
      float64: Float64Array,
      float32: Float32Array,
      float16: Float16Array,
      int32: Int32Array,
      int8: Int8Array,
      uint8: Uint8Array,
    } as unknown as Record<string, new (n: number) => Float64Array>)[d](e.data.length);
    (e.data as string[]).forEach((s, i) => ((data as Float64Array)[i] = num(s)));
  }
  return new nd.NDArray(d, data, e.shape);
}

const FNS = {
  allclose: nd.testing.assertAllClose,
  equal: nd.testing.assertArrayEqual,
  less: nd.testing.assertArrayLess,
};

Deno.test("nd.testing matches np.testing: passes, failures and their messages", async (t) => {
  for (const c of (fixture as { cases: Case[] }).cases) {
    await t.step(`${c.fn}: ${c.name}`, () => {
      const run = () => FNS[c.fn](build(c.actual), build(c.expected), c.opts);
      if (c.message === null) run();
      else {
        assert.throws(run, (e: unknown) => {
          assert.ok(e instanceof AssertionError, String(e));
          assert.equal(e.name, "AssertionError");
          assert.equal(e.message, c.message);
          return true;
        });
      }
    });
  }
});

Deno.test("assertAllClose", async (t) => {
  const { assertAllClose } = nd.testing;
  await t.step("accepts JS numbers and nested arrays on either side", () => {
    assertAllClose([[1, 2], [3, 4]], nd.array([[1, 2], [3, 4]]));
    assertAllClose(nd.array([0.1 + 0.2]), 0.3);
    assertAllClose(0.3, [0.1 + 0.2, 0.30000000000000004]);
  });
  await t.step("the relative tolerance is relative to expected", () => {
    assertAllClose([101], [100], { rtol: 0.01 });
    assert.throws(() => assertAllClose([100], [101], { rtol: 0.0099 }), {
      name: "AssertionError",
      message: /^Not equal to tolerance rtol=0\.0099, atol=0\n/,
    });
  });
  await t.step("infinities must match exactly, NaNs only where both are NaN", () => {
    assertAllClose([Infinity, -Infinity, NaN], [Infinity, -Infinity, NaN]);
    assert.throws(() => assertAllClose([Infinity], [1e308]), {
      name: "AssertionError",
      message:
        /\n\ninf location mismatch:\n ACTUAL: array\(\[inf\]\)\n DESIRED: array\(\[1\.e\+308\]\)$/,
    });
    assert.throws(() => assertAllClose([NaN], [NaN], { equalNan: false }), {
      name: "AssertionError",
      message: /Mismatch at index:\n \[0\]: nan \(ACTUAL\), nan \(DESIRED\)/,
    });
  });
  await t.step("int64 beyond 2^53 is compared exactly", () => {
    const big = nd.array([2n ** 60n + 1n]);
    assertAllClose(big, nd.array([2n ** 60n + 1n]), { rtol: 0 });
    assert.throws(() => assertAllClose(big, nd.array([2n ** 60n]), { rtol: 0 }), {
      name: "AssertionError",
      message:
        /\[0\]: 1152921504606846977 \(ACTUAL\), 1152921504606846976 \(DESIRED\)\nMax absolute difference among violations: 1\n/,
    });
  });
  await t.step("views are read from their offset", () => {
    const tail = nd.slice(nd.arange(10).astype("float64"), "6:");
    assertAllClose(tail, [6, 7, 8, 9]);
    nd.testing.assertArrayEqual(nd.slice(nd.arange(10), "6:"), [6, 7, 8, 9]);
    assert.throws(() => assertAllClose(tail, [6, 7, 8, 10]), {
      name: "AssertionError",
      message: /\[3\]: 9\.0 \(ACTUAL\), 10 \(DESIRED\)[^]* ACTUAL: array\(\[6\., 7\., 8\., 9\.\]\)/,
    });
    const c = nd.slice(nd.array([1, 2, 3, 4]).astype("complex128"), "1:3");
    nd.testing.assertArrayEqual(c, nd.array([2, 3]).astype("complex128"));
  });
  await t.step("views are read through their strides", () => {
    const a = nd.arange(6).reshape([2, 3]).T;
    assertAllClose(a, [[0, 3], [1, 4], [2, 5]]);
    assert.throws(() => assertAllClose(a, [[0, 3], [1, 4], [2, 6]]), {
      name: "AssertionError",
      message: /Mismatch at index:\n \[2, 1\]: 5 \(ACTUAL\), 6 \(DESIRED\)/,
    });
  });
  await t.step("bad options are rejected before comparing", () => {
    assert.throws(() => assertAllClose([1], [1], { rtol: -1 }), {
      name: "RangeError",
      message: /^assertAllClose: rtol must be a non-negative number, got -1$/,
    });
    assert.throws(() => assertAllClose([1], [1], { atol: NaN }), {
      name: "RangeError",
      message: /^assertAllClose: atol must be a non-negative number, got NaN$/,
    });
    assert.throws(() => assertAllClose([1], [1], { rtol: "1" as unknown as number }), {
      name: "TypeError",
      message: /^assertAllClose: rtol must be a number, got string$/,
    });
    assert.throws(() => assertAllClose([1], [1], { errMsg: 3 as unknown as string }), {
      name: "TypeError",
      message: /^assertAllClose: errMsg must be a string, got number$/,
    });
    assert.throws(() => assertAllClose([1], [1], 5 as unknown as object), {
      name: "TypeError",
      message: /^assertAllClose: options must be an object, got number$/,
    });
  });
  await t.step("inputs that are not arrays are a TypeError naming the function", () => {
    assert.throws(() => assertAllClose("abc" as unknown as number, [1]), {
      name: "TypeError",
      message: /^assertAllClose: /,
    });
  });
  await t.step("large arrays pass and fail like small ones", () => {
    const a = nd.arange(1_000_000).astype("float64");
    assertAllClose(a, a.mul(1 + 1e-9));
    const b = a.copy();
    b.set([999_999], 0);
    assert.throws(() => assertAllClose(a, b), {
      name: "AssertionError",
      message:
        /Mismatched elements: 1 \/ 1000000 \(0\.0001%\)\nMismatch at index:\n \[999999\]: 999999\.0 \(ACTUAL\), 0\.0 \(DESIRED\)/,
    });
  });
});

Deno.test("assertArrayEqual and assertArrayLess", async (t) => {
  await t.step("assertArrayEqual options are checked", () => {
    assert.throws(() => nd.testing.assertArrayEqual([1], [1], { errMsg: 1 as unknown as string }), {
      name: "TypeError",
      message: /^assertArrayEqual: errMsg must be a string, got number$/,
    });
  });
  await t.step("assertArrayLess names x and y", () => {
    assert.throws(() => nd.testing.assertArrayLess([2], [1]), {
      name: "AssertionError",
      message: /\n x: array\(\[2\]\)\n y: array\(\[1\]\)$/,
    });
    assert.throws(() => nd.testing.assertArrayLess([1], [1], { errMsg: 1 as unknown as string }), {
      name: "TypeError",
      message: /^assertArrayLess: errMsg must be a string, got number$/,
    });
  });
  await t.step("uint64 values above 2^63 compare exactly", () => {
    const a = nd.array([2n ** 64n - 1n], { dtype: "uint64" });
    nd.testing.assertArrayEqual(a, nd.array([2n ** 64n - 1n], { dtype: "uint64" }));
    assert.throws(
      () => nd.testing.assertArrayEqual(a, nd.array([2n ** 64n - 2n], { dtype: "uint64" })),
      { name: "AssertionError", message: /Max absolute difference among violations: 1\n/ },
    );
  });
});
