// CPTensor, TuckerTensor, TTTensor and the random generators: reconstruction, norms, normalization,
// sign flips, determinism, validation errors.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

const D = nd.decomposition;
const full = (x: unknown) => x as nd.NDArray;

Deno.test("CPTensor", async (t) => {
  const cp = D.randomCp([4, 5, 6], 3, { rng: 7 }) as nd.decomposition.CPTensor;
  await t.step("reconstruction equals the sum of rank-one terms", () => {
    const want = nd.zeros([4, 5, 6]);
    for (let r = 0; r < 3; r++) {
      const term = nd.tenalg.outer(cp.factors.map((f) => f.slice(null, r)));
      nd.add(want, term.mul(cp.weights.get(r) as number), { out: want });
    }
    nd.testing.assertAllClose(cp.toTensor(), want, { rtol: 1e-13 });
  });
  await t.step("norm without the full tensor", () => {
    const n = nd.linalg.norm(cp.toTensor()).item() as number;
    assert.ok(Math.abs(cp.norm() - n) <= 1e-12 * n);
  });
  await t.step("normalize and flip signs keep the tensor", () => {
    const raw = D.randomCp([4, 5, 6], 3, {
      rng: 7,
      normaliseFactors: false,
    }) as nd.decomposition.CPTensor;
    const nrm = raw.normalize();
    for (const f of nrm.factors) {
      nd.testing.assertAllClose(nd.linalg.norm(f, { axis: 0 }), nd.ones([3]), { rtol: 1e-14 });
    }
    nd.testing.assertAllClose(nrm.toTensor(), raw.toTensor(), { rtol: 1e-13 });
    const neg = new D.CPTensor(raw.weights, [raw.factors[0], raw.factors[1].neg(), raw.factors[2]]);
    const flipped = D.cpFlipSign(neg);
    assert.ok(nd.all(nd.greaterEqual(nd.sum(flipped.factors[1], { axis: 0 }), 0)).item());
    nd.testing.assertAllClose(flipped.toTensor(), neg.toTensor(), { rtol: 1e-13 });
  });
  await t.step("the same rng gives the same tensor; full matches the factorized one", () => {
    const a = D.randomCp([3, 3], 2, { rng: 11, full: true });
    const b = D.randomCp([3, 3], 2, { rng: 11, full: true });
    nd.testing.assertArrayEqual(full(a), full(b));
    const g = nd.random.defaultRng(5);
    const c = D.randomCp([2, 3], 2, { rng: g, dtype: "float32" }) as nd.decomposition.CPTensor;
    assert.equal(c.factors[0].dtype, "float32");
    assert.match(c.toString(), /CPTensor\(shape=\[2,3\], rank=2\)/);
    const display = (c as unknown as Record<symbol, () => Record<string, string>>)[
      Symbol.for("Jupyter.display")
    ];
    assert.match(display.call(c)["text/html"], /<table>/);
  });
  await t.step("orthogonal factors", () => {
    const o = D.randomCp([6, 5], 3, {
      rng: 1,
      orthogonal: true,
      normaliseFactors: false,
    }) as nd.decomposition.CPTensor;
    nd.testing.assertAllClose(nd.matmul(o.factors[0].T, o.factors[0]), nd.eye(3), { atol: 1e-13 });
  });
});

Deno.test("TuckerTensor and TTTensor", async (t) => {
  await t.step("Tucker reconstruction is the multi-mode product", () => {
    const tk = D.randomTucker([4, 5, 6], [2, 3, 2], { rng: 3 }) as nd.decomposition.TuckerTensor;
    const want = nd.einsum("abc,ia,jb,kc->ijk", tk.core, ...tk.factors);
    nd.testing.assertAllClose(tk.toTensor(), want, { rtol: 1e-13 });
    assert.deepEqual(tk.rank, [2, 3, 2]);
    const orth = D.randomTucker([5, 4], 2, {
      rng: 3,
      orthogonal: true,
    }) as nd.decomposition.TuckerTensor;
    nd.testing.assertAllClose(nd.matmul(orth.factors[0].T, orth.factors[0]), nd.eye(2), {
      atol: 1e-13,
    });
  });
  await t.step("TT reconstruction contracts the cores", () => {
    const tt = D.randomTt([3, 4, 5], [1, 2, 3, 1], { rng: 4 }) as nd.decomposition.TTTensor;
    const [g0, g1, g2] = tt.factors;
    const want = nd.einsum("aib,bjc,ckd->ijk", g0, g1, g2);
    nd.testing.assertAllClose(tt.toTensor(), want, { rtol: 1e-13 });
    assert.deepEqual(tt.rank, [1, 2, 3, 1]);
  });
});

Deno.test("factorized tensors: errors", () => {
  const cases: [() => unknown, string, string][] = [
    [
      () => new D.CPTensor(null, []),
      "TypeError",
      "CPTensor: factors must be a non-empty array of matrices",
    ],
    [
      () => new D.CPTensor(null, [nd.ones([2, 2]), nd.ones([3, 3])]),
      "TypeError",
      "CPTensor: factor 1 has shape [3,3]: every factor must be a matrix with the same number of columns (2 for factor 0)",
    ],
    [
      () => new D.CPTensor([1, 2, 3], [nd.ones([2, 2])]),
      "TypeError",
      "CPTensor: weights of shape [3] do not match rank 2",
    ],
    [
      () => new D.TuckerTensor(nd.ones([2, 2]), [nd.ones([3, 2])]),
      "TypeError",
      "TuckerTensor: a core of shape [2,2] needs 2 factors, got 1",
    ],
    [
      () => new D.TuckerTensor(nd.ones([2, 2]), [nd.ones([3, 2]), nd.ones([3, 3])]),
      "TypeError",
      "TuckerTensor: factor 1 has shape [3,3], expected [*,2] for a core of shape [2,2]",
    ],
    [
      () => new D.TTTensor([nd.ones([2, 3, 1])]),
      "TypeError",
      "TTTensor: core 0 has shape [2,3,1]: its first rank must be 1",
    ],
    [
      () => new D.TTTensor([nd.ones([1, 3, 2])]),
      "TypeError",
      "TTTensor: the last core has shape [1,3,2]: its last rank must be 1",
    ],
    [
      () => new D.TTTensor([nd.ones([1, 3])]),
      "TypeError",
      "TTTensor: core 0 has shape [1,3]: cores are 3-D",
    ],
    [() => D.randomCp([2, 2], 0), "RangeError", "randomCp: rank must be a positive integer, got 0"],
    [
      () => D.randomTucker([2, 2], [1, 1, 1]),
      "TypeError",
      "randomTucker: rank must be a number or one per mode (2), got 1,1,1",
    ],
    [
      () => D.randomTt([2, 2], [2, 1, 1]),
      "TypeError",
      "randomTt: rank must be a number or 3 ranks starting and ending with 1, got 2,1,1",
    ],
    [
      () => D.randomCp([2, 2], 1, { rng: "x" as unknown as number }),
      "TypeError",
      "randomCp: rng must be an nd.random.Generator or a seed, got string",
    ],
    [
      () => D.cpFlipSign({ factors: [nd.ones([2, 1])] }, { mode: 3 }),
      "RangeError",
      "cpFlipSign: mode 3 is out of range for a tensor with 1 modes",
    ],
  ];
  for (const [f, name, message] of cases) assert.throws(f, { name, message });
});
