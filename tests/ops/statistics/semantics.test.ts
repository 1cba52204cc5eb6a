// NumPy semantics that the fixtures do not spell out: dtypes, views, shapes, exactness.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";

Deno.test("median and quantile result dtypes", async (t) => {
  await t.step("median: integers and bool average in float64, floats keep their dtype", () => {
    const cases: [nd.DType, nd.DType][] = [
      ["int8", "float64"],
      ["uint64", "float64"],
      ["bool", "float64"],
      ["float16", "float16"],
      ["float32", "float32"],
      ["float64", "float64"],
      ["complex64", "complex64"],
    ];
    for (const [from, to] of cases) {
      assert.equal(nd.median(nd.ones([3], { dtype: from })).dtype, to, from);
      assert.equal(nd.nanmedian(nd.ones([3], { dtype: from })).dtype, to, from);
    }
  });
  await t.step("quantile: JS numbers are weak, arrays are strong", () => {
    const f32 = nd.array([1, 2, 3], { dtype: "float32" });
    assert.equal(nd.quantile(f32, 0.3).dtype, "float32");
    assert.equal(nd.quantile(f32, [0.3]).dtype, "float64");
    assert.equal(nd.quantile(f32, nd.array([0.3], { dtype: "float32" })).dtype, "float32");
    const u8 = nd.array([1, 2, 3], { dtype: "uint8" });
    assert.equal(nd.quantile(u8, 0.3).dtype, "float64");
    assert.equal(nd.quantile(u8, nd.array([0.3], { dtype: "float16" })).dtype, "float16");
    assert.equal(nd.percentile(u8, 30, { method: "nearest" }).dtype, "uint8");
    // An integer q (like a Python int) takes the element: the input dtype is kept.
    assert.equal(nd.quantile([1, 2, 3], 1).dtype, "int64");
    assert.equal(nd.quantile([1, 2, 3], 1).item(), 3n);
  });
  await t.step("int64 values beyond 2**53 are picked exactly", () => {
    const big = [2n ** 62n + 1n, 2n ** 62n + 3n, -(2n ** 62n)];
    const a = nd.array(big, { dtype: "int64" });
    assert.equal(nd.quantile(a, 0.5, { method: "lower" }).item(), 2n ** 62n + 1n);
    assert.equal(nd.quantile(a, 1, { method: "higher" }).item(), 2n ** 62n + 3n);
    const u = nd.array([2n ** 64n - 1n, 5n], { dtype: "uint64" });
    assert.equal(nd.quantile(u, 1, { method: "nearest" }).item(), 2n ** 64n - 1n);
  });
});

Deno.test("median and quantile shapes", async (t) => {
  const a = nd.arange(24).reshape([2, 3, 4]);
  await t.step("axis lists, negative axes and keepdims", () => {
    assert.deepEqual(nd.median(a, { axis: [0, -1] }).shape, [3]);
    assert.deepEqual(nd.median(a, { axis: [0, -1], keepdims: true }).shape, [1, 3, 1]);
    assert.deepEqual(nd.median(a, { keepdims: true }).shape, [1, 1, 1]);
    assert.deepEqual(nd.median(a).shape, []);
    assert.equal(nd.median(a).item(), 11.5);
  });
  await t.step("q's dimensions come first", () => {
    assert.deepEqual(nd.quantile(a, [0.1, 0.5], { axis: 1 }).shape, [2, 2, 4]);
    assert.deepEqual(nd.quantile(a, [[0.1], [0.5]], { axis: 1, keepdims: true }).shape, [
      2,
      1,
      2,
      1,
      4,
    ]);
    assert.deepEqual(nd.quantile(a, 0.5, { axis: [1, 2] }).shape, [2]);
  });
  await t.step("0-d and empty inputs", () => {
    assert.equal(nd.median(7).item(), 7);
    assert.ok(Number.isNaN(nd.median([]).item() as number));
    assert.deepEqual(nd.median(nd.zeros([3, 0]), { axis: 0 }).shape, [0]);
    assert.equal(nd.quantile(nd.array(3.5), 0.2).item(), 3.5);
    const e = nd.nanquantile(nd.zeros([0, 3]), [0.1, 0.5], { axis: 0 });
    assert.deepEqual(e.shape, [3]);
  });
});

Deno.test("median and quantile read views without changing them", async (t) => {
  await t.step("transposed and strided inputs", () => {
    const base = nd.arange(30, { dtype: "float64" }).reshape([5, 6]);
    const v = base.T.slice("::2", "1:");
    const want = (v.toArray() as number[][]).map((r) => {
      const s = r.slice().sort((x, y) => x - y);
      return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    });
    assert.deepEqual(nd.median(v, { axis: 1 }).toArray(), want);
    assert.deepEqual(base.toArray(), nd.arange(30).reshape([5, 6]).astype("float64").toArray());
  });
  await t.step("broadcast (stride 0) inputs", () => {
    const b = nd.broadcastTo(nd.array([3, 1, 2]), [4, 3]);
    assert.deepEqual(nd.median(b, { axis: 0 }).toArray(), [3, 1, 2]);
    assert.deepEqual(nd.percentile(b, 50, { axis: 1 }).toArray(), [2, 2, 2, 2]);
  });
});

Deno.test("selection finds exact order statistics on awkward data", async (t) => {
  const patterns: Record<string, (n: number) => number[]> = {
    random: (n) => Array.from({ length: n }, (_, i) => ((i * 7919 + 13) % 10007) / 7),
    sorted: (n) => Array.from({ length: n }, (_, i) => i),
    reversed: (n) => Array.from({ length: n }, (_, i) => n - i),
    "few values": (n) => Array.from({ length: n }, (_, i) => (i * 31) % 3),
    "organ pipe": (n) => Array.from({ length: n }, (_, i) => Math.min(i, n - i)),
    constant: (n) => new Array(n).fill(4),
  };
  const qs = [0, 0.001, 0.1, 0.25, 0.5, 0.5001, 0.75, 0.999, 1];
  for (const [name, make] of Object.entries(patterns)) {
    await t.step(name, () => {
      for (const n of [1, 2, 3, 25, 601, 1000, 4099]) {
        const xs = make(n);
        const s = xs.slice().sort((x, y) => x - y);
        for (const method of ["lower", "higher"] as const) {
          const got = (nd.quantile(xs, nd.array(qs), { method }).toArray() as number[]).map(Number);
          const want = qs.map((q) => s[(method === "lower" ? Math.floor : Math.ceil)((n - 1) * q)]);
          assert.deepEqual(got, want, `${name} n=${n} ${method}`);
        }
        const m = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        assert.equal(nd.median(xs).item(), m, `${name} n=${n} median`);
      }
    });
  }
  await t.step("many quantiles at once (the sorting path)", () => {
    const xs = patterns.random(3000);
    const s = xs.slice().sort((x, y) => x - y);
    const q = nd.linspace(0, 1, { num: 101 });
    const got = (nd.quantile(xs, q, { method: "lower" }).toArray() as number[]).map(Number);
    (q.toArray() as number[]).forEach((v, i) => assert.equal(got[i], s[Math.floor(2999 * v)]));
  });
});

Deno.test("NaN handling", async (t) => {
  await t.step("median and quantile propagate NaN per slice", () => {
    const a = nd.array([[1, NaN, 3], [4, 5, 6]]);
    const m = nd.median(a, { axis: 1 }).toArray() as number[];
    assert.ok(Number.isNaN(m[0]) && m[1] === 5);
    const q = nd.quantile(a, [0, 1], { axis: 1, method: "lower" }).toArray() as number[][];
    assert.ok(Number.isNaN(q[0][0]) && Number.isNaN(q[1][0]) && q[0][1] === 4 && q[1][1] === 6);
  });
  await t.step("nan variants skip NaN and give NaN for all-NaN slices", () => {
    const a = nd.array([[1, NaN, 3], [NaN, NaN, NaN]], { dtype: "float32" });
    const m = nd.nanmedian(a, { axis: 1 });
    assert.equal(m.dtype, "float32");
    assert.equal(m.get(0), 2);
    assert.ok(Number.isNaN(m.get(1) as number));
    const p = nd.nanpercentile(a, [0, 100], { axis: 1 }).toArray() as number[][];
    assert.deepEqual([p[0][0], p[1][0]], [1, 3]);
    assert.ok(Number.isNaN(p[0][1]) && Number.isNaN(p[1][1]));
  });
  await t.step("complex median orders by real then imaginary part", () => {
    const z = nd.array([{ re: 1, im: 5 }, { re: 1, im: -2 }, { re: 0, im: 9 }]);
    assert.deepEqual(nd.median(z).item(), { re: 1, im: -2 });
  });
});

Deno.test("other statistics", async (t) => {
  await t.step("ptp keeps the dtype and wraps like NumPy", () => {
    const a = nd.array([100, -100], { dtype: "int8" });
    assert.equal(nd.ptp(a).dtype, "int8");
    assert.equal(nd.ptp(a).item(), -56);
    assert.equal(nd.ptp(nd.array([1.5, NaN])).item(), NaN);
  });
  await t.step("countNonzero gives int64", () => {
    const c = nd.countNonzero([[0, 2], [NaN, 0]], { axis: 1, keepdims: true });
    assert.equal(c.dtype, "int64");
    assert.deepEqual(c.toArray(), [[1n], [1n]]);
  });
  await t.step("average returned gives the weight sums in the result's shape", () => {
    const [avg, sw] = nd.average(nd.arange(6).reshape([2, 3]), { axis: 1, returned: true });
    assert.deepEqual(avg.toArray(), [1, 4]);
    assert.deepEqual(sw.toArray(), [3, 3]);
    assert.equal(sw.dtype, "float64");
  });
  await t.step("diff with n: 0 returns the input itself", () => {
    const a = nd.array([1, 2]);
    assert.equal(nd.diff(a, { n: 0 }), a);
    assert.deepEqual(nd.diff([1, 2, 3], { n: 5 }).shape, [0]);
  });
  await t.step("cov and corrcoef of one variable are 0-d", () => {
    assert.deepEqual(nd.cov([1, 2, 4]).shape, []);
    assert.equal(nd.corrcoef([1, 2, 4]).item(), 1);
    assert.ok(Number.isNaN(nd.corrcoef([2, 2, 2]).item() as number));
  });
  await t.step("histogram returns the given edges array itself", () => {
    const edges = nd.array([0, 1, 2]);
    const { hist, binEdges } = nd.histogram([0.5, 1, 2, 7], { bins: edges });
    assert.equal(binEdges, edges);
    assert.deepEqual(hist.toArray(), [1n, 2n]);
  });
  await t.step("histogram of bool data counts 0 and 1", () => {
    const { hist, binEdges } = nd.histogram([true, false, true], { bins: 2 });
    assert.deepEqual(hist.toArray(), [1n, 2n]);
    assert.deepEqual(binEdges.toArray(), [0, 0.5, 1]);
  });
});
