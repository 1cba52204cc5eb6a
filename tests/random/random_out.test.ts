// Generator.random({ out }): NumPy's out=, the same stream as a fresh array, checked first.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

Deno.test("Generator.random into out", async (t) => {
  await t.step("the same draws as a new array, float64 and float32, and the stream goes on", () => {
    for (const dtype of ["float64", "float32"] as const) {
      const a = nd.random.defaultRng(7), b = nd.random.defaultRng(7);
      const want = a.random([3, 4], { dtype });
      const out = nd.full([3, 4], -1, { dtype });
      assert.equal(b.random({ out, dtype }), out);
      nd.testing.assertArrayEqual(out, want);
      const next = a.random([3, 4], { dtype });
      assert.equal(b.random([3, 4], { out, dtype }), out); // size equal to out's shape
      nd.testing.assertArrayEqual(out, next);
      assert.equal(a.random(), b.random()); // both streams are at the same place
    }
  });
  await t.step("a contiguous view is filled in place, the rest untouched", () => {
    const big = nd.zeros([10]);
    const view = big.slice("2:6");
    nd.random.defaultRng(1).random({ out: view });
    nd.testing.assertArrayEqual(view, nd.random.defaultRng(1).random(4));
    assert.equal(big.get(0), 0);
    assert.equal(big.get(9), 0);
  });
  await t.step("errors, before anything is drawn", () => {
    const rng = nd.random.defaultRng(3);
    const cases: [nd.NDArray, object, string][] = [
      [
        nd.zeros([2], { dtype: "float32" }),
        {},
        "random: out has dtype float32, the draws are float64",
      ],
      [nd.zeros([4, 2]).T, {}, "random: out must be C-contiguous and writeable"],
      [nd.broadcastTo(nd.zeros([2]), [3, 2]), {}, "random: out must be C-contiguous and writeable"],
      [nd.zeros([2, 3]), { size: [3, 2] }, "random: size [3,2] does not match out's shape [2,3]"],
    ];
    for (const [out, extra, message] of cases) {
      assert.throws(() => rng.random({ ...extra, out }), { name: "TypeError", message });
    }
    assert.throws(() => rng.random({ out: [1, 2] as unknown as nd.NDArray }), {
      name: "TypeError",
      message: "random: out must be an NDArray, got object",
    });
    assert.equal(rng.random(), nd.random.defaultRng(3).random()); // nothing was drawn
  });
});
