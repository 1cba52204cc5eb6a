import assert from "node:assert/strict";
import { coreTypeForFlags, hintOpenblasCore } from "../../src/backend/openblas_core.ts";

Deno.test("OpenBLAS core-type hint", async (t) => {
  await t.step("from CPU flags", () => {
    const avx512 = ["avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"];
    assert.equal(coreTypeForFlags(new Set(avx512)), "SkylakeX");
    assert.equal(coreTypeForFlags(new Set(avx512.filter((f) => f !== "avx512bw"))), "Haswell");
    assert.equal(coreTypeForFlags(new Set(["avx2", "fma"])), "Haswell");
    assert.equal(coreTypeForFlags(new Set(["avx2"])), null);
    assert.equal(coreTypeForFlags(new Set(["sse2", "avx"])), null);
  });
  await t.step("never overrides the user's setting", () => {
    const before = Deno.env.get("OPENBLAS_CORETYPE");
    Deno.env.set("OPENBLAS_CORETYPE", "Haswell");
    try {
      assert.equal(hintOpenblasCore(), null);
      assert.equal(Deno.env.get("OPENBLAS_CORETYPE"), "Haswell");
    } finally {
      if (before === undefined) Deno.env.delete("OPENBLAS_CORETYPE");
      else Deno.env.set("OPENBLAS_CORETYPE", before);
    }
  });
});
