// finfo / iinfo against np.finfo / np.iinfo (fixtures_core.py).
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { finfo, iinfo, type IntDType } from "../../src/core/finfo.ts";
import { readJson } from "./_fixtures.ts";

const FI = readJson<Record<string, Record<string, number | string>>>("core", "finfo.json");
const II = readJson<Record<string, Record<string, number | string>>>("core", "iinfo.json");

Deno.test("finfo and iinfo", async (t) => {
  await t.step("finfo of every float and complex dtype is np.finfo", () => {
    assert.equal(Object.keys(FI).length, 5);
    for (const [d, want] of Object.entries(FI)) {
      assert.deepEqual({ ...finfo(d as nd.DType) }, want, d);
    }
  });
  await t.step("iinfo of every integer dtype is np.iinfo", () => {
    assert.equal(Object.keys(II).length, 8);
    for (const [d, want] of Object.entries(II)) {
      const got = iinfo(d as IntDType);
      const big = d.endsWith("64");
      assert.equal(typeof got.min, big ? "bigint" : "number", d);
      assert.deepEqual(
        { ...got, min: String(got.min), max: String(got.max) },
        { ...want, min: String(want.min), max: String(want.max) },
        d,
      );
    }
  });
  await t.step("the limits are the dtypes' own limits", () => {
    for (const d of ["float16", "float32"] as const) {
      const f = finfo(d), round = d === "float16" ? Math.f16round : Math.fround;
      assert.equal(round(f.max), f.max);
      assert.equal(round(f.max * (1 + f.eps)), Infinity);
      assert.equal(round(f.smallestSubnormal / 2), 0);
      assert.equal(round(1 + f.eps) > 1, true);
      assert.equal(round(1 + f.eps / 2), 1);
    }
    const i = iinfo("int16");
    assert.equal(nd.array([i.max], { dtype: "int16" }).add(1).item(), i.min);
  });
  await t.step("arrays are accepted for their dtype", () => {
    assert.equal(finfo(nd.zeros([1], { dtype: "complex64" })).dtype, "float32");
    assert.equal(iinfo(nd.zeros([1], { dtype: "uint16" }) as { dtype: "uint16" }).max, 65535);
  });
  await t.step("errors", () => {
    assert.throws(() => finfo("int32"), {
      name: "TypeError",
      message: "finfo: data type int32 is not inexact: use iinfo for integer types",
    });
    assert.throws(() => finfo("bool"), { name: "TypeError", message: /^finfo: data type bool/ });
    assert.throws(() => iinfo("float32" as IntDType), {
      name: "TypeError",
      message: "iinfo: invalid integer data type float32: use finfo for float types",
    });
    assert.throws(() => iinfo("bool" as IntDType), {
      name: "TypeError",
      message: /^iinfo: invalid integer data type bool/,
    });
    assert.throws(() => finfo("float128" as nd.DType), {
      name: "TypeError",
      message: 'finfo: unknown dtype "float128"',
    });
    assert.throws(() => iinfo(undefined as unknown as IntDType), {
      name: "TypeError",
      message: "iinfo: unknown dtype undefined",
    });
  });
});
