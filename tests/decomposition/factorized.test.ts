// CPTensor, TuckerTensor, TTTensor and the random generators: reconstruction, norms (without the
// full tensor) against nd.linalg.norm, normalization (Tucker columns, TT left-orthogonal form),
// sign flips, determinism, validation errors.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

const D = nd.decomposition;
const full = (x: unknown) => x as nd.NDArray;
const fro = (a: nd.NDArray): number => nd.linalg.norm(a).item() as number;
const assertRel = (got: number, want: number, rtol: number, what: string) =>
  assert.ok(Math.abs(got - want) <= rtol * Math.abs(want), `${what}: ${got} vs ${want}`);
const tuckerOf = (x: unknown) => x as nd.decomposition.TuckerTensor;
const ttOf = (x: unknown) => x as nd.decomposition.TTTensor;

/** Runs `f` on the TypeScript backend, restoring the previous one. */
function onTs<T>(f: () => T): T {
  const before = nd.backend.info();
  nd.backend.use("ts");
  try {
    return f();
  } finally {
    if (before.name === "blas") nd.backend.use("blas", { path: before.library! });
  }
}

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
    // Both spellings of the option (parafac's and TensorLy's) leave the factors as drawn.
    const raw2 = D.randomCp([4, 5, 6], 3, {
      rng: 7,
      normalizeFactors: false,
    }) as nd.decomposition.CPTensor;
    raw2.factors.forEach((f, k) => assert.deepEqual(f.toArray(), raw.factors[k].toArray()));
    assert.deepEqual(raw2.weights.toArray(), [1, 1, 1]);
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

Deno.test("TuckerTensor: norm and normalize", async (t) => {
  await t.step("norm equals the full tensor's Frobenius norm (float64)", () => {
    const cases: [number[], number[], number][] = [
      [[4, 5, 6], [2, 3, 2], 3],
      [[2, 5, 3], [3, 2, 4], 8], // ranks above the dimensions: Gram matrices are singular
      [[3, 4, 2, 5], [2, 3, 2, 4], 9],
      [[7, 3], [4, 1], 10],
      [[6], [3], 12],
    ];
    for (const [shape, rank, seed] of cases) {
      const tk = tuckerOf(D.randomTucker(shape, rank, { rng: seed }));
      // Non-orthonormal factors: the Gram matrices are not the identity.
      assert.ok(Math.abs(fro(tk.core) - fro(tk.toTensor())) > 1e-3 * fro(tk.toTensor()));
      assertRel(tk.norm(), fro(tk.toTensor()), 1e-12, `shape ${shape}, rank ${rank}`);
    }
  });
  await t.step("orthonormal factors: the norm is the core's", () => {
    const tk = tuckerOf(D.randomTucker([6, 5, 4], [3, 2, 2], { rng: 2, orthogonal: true }));
    assertRel(tk.norm(), fro(tk.core), 1e-13, "orthogonal");
    assertRel(tk.norm(), fro(tk.toTensor()), 1e-12, "orthogonal");
  });
  await t.step("float32 and complex", () => {
    const tk = tuckerOf(D.randomTucker([5, 6, 4], [3, 2, 3], { rng: 4, dtype: "float32" }));
    assert.equal(typeof tk.norm(), "number");
    assertRel(tk.norm(), fro(tk.toTensor().astype("float64")), 1e-5, "float32");
    const rng = nd.random.defaultRng(6);
    const cplx = (shape: number[]) =>
      nd.add(rng.random(shape), nd.multiply(rng.random(shape), nd.array({ re: 0, im: 1 })));
    const z = new D.TuckerTensor(cplx([2, 3]), [cplx([4, 2]), cplx([5, 3])]);
    assert.equal(z.core.dtype, "complex128");
    assertRel(z.norm(), fro(z.toTensor()), 1e-12, "complex");
  });
  await t.step("normalize keeps the tensor, gives unit columns, scales the core", () => {
    const tk = tuckerOf(D.randomTucker([4, 5, 6], [2, 3, 2], { rng: 5 }));
    const before = tk.core.copy();
    const nrm = tk.normalize();
    assert.ok(nrm instanceof D.TuckerTensor);
    assert.notEqual(nrm, tk);
    nd.testing.assertArrayEqual(tk.core, before); // the original is untouched
    nd.testing.assertAllClose(nrm.toTensor(), tk.toTensor(), { rtol: 1e-12 });
    nrm.factors.forEach((f, k) => {
      const n = nd.linalg.norm(f, { axis: 0 });
      nd.testing.assertAllClose(n, nd.ones([tk.rank[k]]), { rtol: 1e-14 });
    });
    const norms = tk.factors.map((f) => nd.linalg.norm(f, { axis: 0 }));
    const want = nd.einsum("abc,a,b,c->abc", tk.core, ...norms);
    nd.testing.assertAllClose(nrm.core, want, { rtol: 1e-14 });
    assertRel(nrm.norm(), tk.norm(), 1e-12, "normalized norm");
    // Normalizing twice changes nothing more.
    nd.testing.assertAllClose(nrm.normalize().core, nrm.core, { rtol: 1e-14 });
  });
  await t.step("tuckerNormalize: plain objects, float32, fitted results", () => {
    const tk = tuckerOf(D.randomTucker([3, 4], [2, 2], { rng: 6 }));
    const a = D.tuckerNormalize({ core: tk.core, factors: tk.factors });
    nd.testing.assertAllClose(a.core, tk.normalize().core, { rtol: 1e-15 });
    const f32 = tuckerOf(D.randomTucker([3, 4, 5], [2, 3, 2], { rng: 6, dtype: "float32" }));
    const n32 = D.tuckerNormalize(f32);
    assert.equal(n32.core.dtype, "float32");
    assert.deepEqual(n32.factors.map((f) => f.dtype), ["float32", "float32", "float32"]);
    nd.testing.assertAllClose(n32.toTensor(), f32.toTensor(), { rtol: 1e-5 });
    const fitted = D.tucker(tk.toTensor(), [2, 2]);
    assert.ok(fitted instanceof D.TuckerResult);
    nd.testing.assertAllClose(fitted.normalize().toTensor(), fitted.toTensor(), { rtol: 1e-12 });
  });
  await t.step("a zero factor column stays zero and zeroes its core slice", () => {
    const f0 = nd.array([[1, 0, 2], [2, 0, -1], [2, 0, 2]]);
    const f1 = nd.array([[3, 1], [4, 1]]);
    const core = nd.arange(6).add(1).reshape([3, 2]);
    const tk = new D.TuckerTensor(core, [f0, f1]);
    const nrm = tk.normalize();
    assert.ok(!nd.any(nd.isnan(nrm.core)).item() && !nd.any(nd.isnan(nrm.factors[0])).item());
    nd.testing.assertAllClose(nrm.factors[0], [[1 / 3, 0, 2 / 3], [2 / 3, 0, -1 / 3], [
      2 / 3,
      0,
      2 / 3,
    ]], { rtol: 1e-15 });
    nd.testing.assertAllClose(nrm.factors[1], [[0.6, Math.SQRT1_2], [0.8, Math.SQRT1_2]], {
      rtol: 1e-15,
    });
    nd.testing.assertAllClose(nrm.core, [[15, 2 * 3 * Math.SQRT2], [0, 0], [
      5 * 3 * 5,
      6 * 3 * Math.SQRT2,
    ]], { rtol: 1e-14 });
    nd.testing.assertAllClose(nrm.toTensor(), tk.toTensor(), { rtol: 1e-12, atol: 1e-14 });
    assertRel(tk.norm(), fro(tk.toTensor()), 1e-12, "zero column");
  });
});

Deno.test("TTTensor: norm and normalize", async (t) => {
  await t.step("norm equals the full tensor's Frobenius norm (float64)", () => {
    const cases: [number[], number | number[], number][] = [
      [[3, 4, 5], [1, 2, 3, 1], 4],
      [[3, 4, 5, 2], [1, 2, 7, 3, 1], 5],
      [[2, 3, 2, 3, 2], 3, 6],
      [[7], [1, 1], 7],
      [[4, 6], [1, 4, 1], 8],
    ];
    for (const [shape, rank, seed] of cases) {
      const tt = ttOf(D.randomTt(shape, rank, { rng: seed }));
      assertRel(tt.norm(), fro(tt.toTensor()), 1e-12, `shape ${shape}, rank ${rank}`);
    }
  });
  await t.step("float32 and complex", () => {
    const tt = ttOf(D.randomTt([4, 5, 3, 2], [1, 3, 2, 2, 1], { rng: 9, dtype: "float32" }));
    assertRel(tt.norm(), fro(tt.toTensor().astype("float64")), 1e-5, "float32");
    const rng = nd.random.defaultRng(10);
    const cplx = (shape: number[]) =>
      nd.add(rng.random(shape), nd.multiply(rng.random(shape), nd.array({ re: 0, im: 1 })));
    const z = new D.TTTensor([cplx([1, 3, 2]), cplx([2, 4, 3]), cplx([3, 2, 1])]);
    assertRel(z.norm(), fro(z.toTensor()), 1e-12, "complex");
  });
  const checkLeftOrthonormal = (tt: nd.decomposition.TTTensor, atol: number) => {
    tt.factors.slice(0, -1).forEach((g) => {
      const [r0, n, r1] = g.shape;
      const m = g.reshape([r0 * n, r1]);
      nd.testing.assertAllClose(nd.matmul(m.T, m), nd.eye(r1), { atol });
    });
  };
  for (const backend of ["default", "ts"] as const) {
    await t.step(`normalize: left-orthonormal cores, same tensor (${backend} backend)`, () => {
      const run = () => {
        const tt = ttOf(D.randomTt([3, 4, 5, 2], [1, 2, 7, 3, 1], { rng: 11 }));
        const left = tt.normalize();
        assert.ok(left instanceof D.TTTensor);
        assert.notEqual(left, tt);
        assert.deepEqual(left.rank, [1, 2, 7, 3, 1]);
        nd.testing.assertAllClose(left.toTensor(), tt.toTensor(), { rtol: 1e-12 });
        checkLeftOrthonormal(left, 1e-13);
        // The random cores are not orthonormal to begin with, and the last one carries the norm.
        const g0 = tt.factors[0].reshape([3, 2]);
        assert.ok(nd.max(nd.abs(nd.matmul(g0.T, g0).sub(nd.eye(2)))).item() as number > 0.1);
        assertRel(fro(left.factors[3]), tt.norm(), 1e-12, "last core");
        assertRel(left.norm(), tt.norm(), 1e-12, "normalized norm");
      };
      backend === "ts" ? onTs(run) : run();
    });
  }
  await t.step("normalize: ranks above r_{k-1}·n_k shrink, one core, float32", () => {
    const tt = ttOf(D.randomTt([3, 2, 4], [1, 5, 4, 1], { rng: 12 }));
    const left = tt.normalize();
    assert.deepEqual(left.rank, [1, 3, 4, 1]);
    nd.testing.assertAllClose(left.toTensor(), tt.toTensor(), { rtol: 1e-12 });
    checkLeftOrthonormal(left, 1e-13);
    assertRel(fro(left.factors[2]), fro(tt.toTensor()), 1e-12, "last core");
    const one = ttOf(D.randomTt([5], [1, 1], { rng: 13 }));
    nd.testing.assertArrayEqual(one.normalize().factors[0], one.factors[0]);
    const f32 = ttOf(D.randomTt([4, 3, 5], 2, { rng: 14, dtype: "float32" }));
    const l32 = f32.normalize();
    assert.deepEqual(l32.factors.map((f) => f.dtype), ["float32", "float32", "float32"]);
    nd.testing.assertAllClose(l32.toTensor(), f32.toTensor(), { rtol: 1e-5, atol: 1e-6 });
    checkLeftOrthonormal(l32, 1e-5);
    assertRel(fro(l32.factors[2].astype("float64")), f32.norm(), 1e-5, "float32 last core");
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
      () => D.tuckerNormalize({ core: nd.ones([2, 2]), factors: [nd.ones([3, 2])] }),
      "TypeError",
      "TuckerTensor: a core of shape [2,2] needs 2 factors, got 1",
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
      () => D.randomCp([2, 2], 1, { normalizeFactors: true, normaliseFactors: false }),
      "TypeError",
      "randomCp: normalizeFactors (true) and normaliseFactors (false) disagree: give one",
    ],
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
