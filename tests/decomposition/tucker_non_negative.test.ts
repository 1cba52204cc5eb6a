// nonNegativeTucker (multiplicative updates) and nonNegativeTuckerHals (HALS + FISTA) against
// TensorLy's test criteria: non-negativity, closeness to HOOI, svd vs random inits, a single
// rank, fixed modes; monotone errors that match the reconstruction, normalization, dtypes,
// backends, memmap, the estimator classes and every error path.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { tucker } from "../../src/decomposition/tucker.ts";
import {
  NonNegativeTucker,
  nonNegativeTucker,
} from "../../src/decomposition/non_negative_tucker.ts";
import {
  NonNegativeTuckerHals,
  nonNegativeTuckerHals,
} from "../../src/decomposition/non_negative_tucker_hals.ts";
import type { TuckerResult } from "../../src/decomposition/tucker_result.ts";

const norm = (a: nd.NDArray): number => nd.linalg.norm(a).item() as number;
const relErr = (a: nd.NDArray, b: nd.NDArray): number => norm(a.sub(b)) / norm(b);
const maxAbs = (a: nd.NDArray): number => nd.max(nd.abs(a)).item() as number;
const rand = (shape: number[], seed: number): nd.NDArray =>
  nd.random.defaultRng(seed).random(shape) as nd.NDArray;
const nonNeg = (a: nd.NDArray): boolean => nd.all(nd.greaterEqual(a, 0)).item() as boolean;
const steps = (e: readonly number[]): number[] => e.slice(1).map((x, i) => x - e[i]);

const METHODS = [
  ["nonNegativeTucker", nonNegativeTucker],
  ["nonNegativeTuckerHals", nonNegativeTuckerHals],
] as const;

Deno.test("non-negative Tucker: TensorLy's test criteria", async (t) => {
  const tensor = rand([3, 4, 3], 1234).add(1);
  const hooi = tucker(tensor, [3, 4, 3], { nIterMax: 200 }).toTensor();
  for (const [name, fit] of METHODS) {
    await t.step(`${name}: non-negative and close to HOOI`, () => {
      const nn = fit(tensor, [3, 4, 3], { nIterMax: 100 });
      assert.ok(nn.factors.every(nonNeg) && nonNeg(nn.core));
      const rec = nn.toTensor();
      assert.ok(relErr(rec, hooi) < 1, `${relErr(rec, hooi)}`);
      assert.ok(maxAbs(rec.sub(hooi)) < 1);
    });
    await t.step(`${name}: svd and random inits give similar fits`, () => {
      const a = fit(tensor, [3, 4, 3], { nIterMax: 500, init: "svd" }).toTensor();
      const b = fit(tensor, [3, 4, 3], { nIterMax: 200, init: "random", rng: 1234 }).toTensor();
      assert.ok(relErr(b, a) < 1);
      assert.ok(maxAbs(a.sub(b)) < 1);
    });
    await t.step(`${name}: one rank for every mode`, () => {
      const nn = fit(tensor, 3);
      assert.deepEqual(nn.core.shape, [3, 3, 3]);
      assert.deepEqual(nn.factors.map((f) => f.shape), [[3, 3], [4, 3], [3, 3]]);
    });
  }
  await t.step("HALS reaches a small error on this tensor (full rank)", () => {
    const nn = nonNegativeTuckerHals(tensor, [3, 4, 3]);
    assert.ok(nn.errors.at(-1)! < 1e-4, `${nn.errors.at(-1)}`);
  });
  await t.step("HALS: fixedModes keep the init's factors", () => {
    const start = nonNegativeTuckerHals(tensor, [3, 4, 3], {
      nIterMax: 200,
      init: "random",
      rng: 1234,
    });
    const before = start.factors.map((f) => f.copy());
    for (const fixed of [[1], [2], [0, 2]]) {
      const nn = nonNegativeTuckerHals(tensor, [3, 4, 3], {
        init: start,
        fixedModes: fixed,
        nIterMax: 100,
      });
      for (const k of fixed) nd.testing.assertArrayEqual(nn.factors[k], before[k]);
    }
    start.factors.forEach((f, k) => nd.testing.assertArrayEqual(f, before[k]));
  });
});

Deno.test("non-negative Tucker: errors, options, dtypes, backends, memmap", async (t) => {
  const x = rand([6, 5, 7], 3);
  for (const [name, fit] of METHODS) {
    await t.step(`${name}: errors are non-increasing and match the reconstruction`, () => {
      for (const init of ["svd", "random"] as const) {
        const nn = fit(x, [2, 3, 2], { nIterMax: 40, tol: 0, init, rng: 5 });
        assert.equal(nn.errors.length, 40);
        assert.ok(Math.max(...steps(nn.errors)) <= 1e-10, `${Math.max(...steps(nn.errors))}`);
        assert.ok(Math.abs(nn.errors.at(-1)! - relErr(nn.toTensor(), x)) < 1e-10);
      }
    });
    await t.step(`${name}: normalizeFactors gives unit columns`, () => {
      const nn = fit(x, 2, { nIterMax: 10, tol: 0, normalizeFactors: true });
      for (const f of nn.factors) {
        nd.testing.assertAllClose(nd.linalg.norm(f, { axis: 0 }), nd.ones([2]), { rtol: 1e-12 });
      }
      assert.ok(Math.abs(nn.errors.at(-1)! - relErr(nn.toTensor(), x)) < 1e-2);
    });
    await t.step(`${name}: float32, the TypeScript backend, determinism`, () => {
      const f32 = fit(x.astype("float32"), 2, { nIterMax: 10 });
      assert.equal(f32.core.dtype, "float32");
      assert.ok(f32.factors.every((f) => f.dtype === "float32" && nonNeg(f)));
      const a = fit(x, 2, { nIterMax: 10, init: "random", rng: 2 });
      const b = fit(x, 2, { nIterMax: 10, init: "random", rng: 2 });
      nd.testing.assertArrayEqual(a.core, b.core);
      const before = nd.backend.info();
      nd.backend.use("ts");
      let c: TuckerResult;
      try {
        c = fit(x, 2, { nIterMax: 10, init: "random", rng: 2 });
      } finally {
        if (before.name === "blas") nd.backend.use("blas", { path: before.library! });
      }
      nd.testing.assertAllClose(c.core, a.core, { rtol: 1e-8 });
    });
    await t.step(`${name}: memory-mapped tensors give the same result`, () => {
      const path = Deno.makeTempFileSync({ suffix: ".npy" }) as `${string}.npy`;
      try {
        nd.save(path, x);
        const mm = nd.load(path, { mmapMode: "r" });
        const a = fit(mm, 2, { nIterMax: 5 });
        const b = fit(x, 2, { nIterMax: 5 });
        nd.testing.assertArrayEqual(a.core, b.core);
        (mm as nd.Memmap).close();
      } finally {
        Deno.removeSync(path);
      }
    });
  }
  await t.step("TensorLy's iteration defaults: 10 (MU) and 100 (HALS) iterations", () => {
    assert.ok(nonNegativeTucker(x, 2, { tol: 0 }).nIter === 10);
    assert.ok(nonNegativeTuckerHals(x, 2, { tol: 0 }).nIter === 100);
  });
  await t.step("HALS: sparsity penalties and exact subproblems", () => {
    const plain = nonNegativeTuckerHals(x, 3, { nIterMax: 30 });
    const sparse = nonNegativeTuckerHals(x, 3, {
      nIterMax: 30,
      sparsityCoefficients: 2,
      coreSparsityCoefficient: 1,
    });
    const l1 = (r: TuckerResult) => r.factors.reduce((s, f) => s + (nd.sum(f).item() as number), 0);
    assert.ok(l1(sparse) < l1(plain));
    assert.ok(sparse.factors.every(nonNeg) && nonNeg(sparse.core));
    const perMode = nonNegativeTuckerHals(x, 3, {
      nIterMax: 5,
      sparsityCoefficients: [null, 0.5, 0],
    });
    assert.ok(perMode.factors.every(nonNeg));
    const ex = nonNegativeTuckerHals(x, 2, { nIterMax: 5, exact: true });
    assert.ok(
      ex.errors.at(-1)! <= nonNegativeTuckerHals(x, 2, { nIterMax: 5 }).errors.at(-1)! + 1e-3,
    );
  });
});

Deno.test("non-negative Tucker: the estimator classes", () => {
  const x = rand([4, 5, 6], 8);
  const mu = new NonNegativeTucker([2, 2, 2], { nIterMax: 20 });
  const hals = new NonNegativeTuckerHals(2, { nIterMax: 20 });
  for (const [model, fit] of [[mu, nonNegativeTucker], [hals, nonNegativeTuckerHals]] as const) {
    assert.equal(model.decomposition, null);
    assert.deepEqual(model.errors, []);
    const r = model.fitTransform(x);
    assert.equal(model.decomposition, r);
    assert.equal(model.errors, r.errors);
    nd.testing.assertArrayEqual(r.core, fit(x, model.rank, model.opts).core);
  }
  assert.equal(
    mu.toString(),
    "Rank-[2,2,2] Non-Negative Tucker decomposition via multiplicative updates.",
  );
  assert.equal(hals.toString(), "Rank-2 Non-Negative Tucker decomposition via HALS.");
});

Deno.test("non-negative Tucker: entries stay non-negative on any input (fast-check)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 3 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.boolean(),
      (shape, seed, hals) => {
        // Signed data: the model is still non-negative.
        const x = rand(shape, seed).sub(0.3);
        const r = (hals ? nonNegativeTuckerHals : nonNegativeTucker)(x, 1, { nIterMax: 6 });
        assert.ok(r.factors.every(nonNeg) && nonNeg(r.core));
        assert.ok(r.errors.every((e) => Number.isFinite(e)));
      },
    ),
    { numRuns: 40 },
  );
});

Deno.test("non-negative Tucker: every error path", () => {
  const x = rand([3, 4, 5], 0);
  const throws = (f: () => unknown, cls: ErrorConstructor, msg: string) =>
    assert.throws(f, (e: unknown) => {
      assert.ok(e instanceof cls, `expected ${cls.name}, got ${e}`);
      assert.equal((e as Error).message, msg);
      return true;
    });
  throws(
    () => nonNegativeTucker(x, 7),
    RangeError,
    "nonNegativeTucker: the rank of mode 0 is 7, more than the mode's size 3",
  );
  throws(
    () => nonNegativeTucker(x, 2, { nIterMax: 1.5 }),
    RangeError,
    "nonNegativeTucker: nIterMax must be an integer ≥ 0, got 1.5",
  );
  throws(
    () => nonNegativeTucker(x, 2, { tol: Number.NaN }),
    RangeError,
    "nonNegativeTucker: tol must be a finite number ≥ 0, got NaN",
  );
  throws(
    () => nonNegativeTucker(x, 2, { init: 3 as unknown as "svd" }),
    TypeError,
    'nonNegativeTucker: init must be "svd", "random", a TuckerTensor or { core, factors }, got number',
  );
  throws(
    () => nonNegativeTuckerHals(x, 2, { svd: "x" as "symeig_svd" }),
    RangeError,
    'nonNegativeTuckerHals: svd must be "truncated_svd" or "symeig_svd", got "x"',
  );
  throws(
    () => nonNegativeTuckerHals(x, 2, { sparsityCoefficients: [1, 2] }),
    TypeError,
    "nonNegativeTuckerHals: sparsityCoefficients must be a number or 3 entries, got 2",
  );
  throws(
    () => nonNegativeTuckerHals(x, 2, { sparsityCoefficients: -1 }),
    RangeError,
    "nonNegativeTuckerHals: sparsityCoefficients must be a finite number ≥ 0, got -1",
  );
  throws(
    () => nonNegativeTuckerHals(x, 2, { coreSparsityCoefficient: -2 }),
    RangeError,
    "nonNegativeTuckerHals: coreSparsityCoefficient must be a finite number ≥ 0, got -2",
  );
  throws(
    () => nonNegativeTuckerHals(x, 2, { fixedModes: [0] }),
    TypeError,
    'nonNegativeTuckerHals: fixedModes [0] needs init to be a TuckerTensor or { core, factors } holding the fixed factors, got init "svd"',
  );
  throws(
    () => nonNegativeTuckerHals(x, 2, { fixedModes: [4] }),
    RangeError,
    "nonNegativeTuckerHals: mode 4 in fixedModes is out of range for a tensor with 3 modes",
  );
  throws(
    () => new NonNegativeTucker(-1),
    RangeError,
    "NonNegativeTucker: rank must be a positive integer or an array of them, got -1",
  );
  throws(
    () => new NonNegativeTuckerHals([1, 1.5]),
    RangeError,
    "NonNegativeTuckerHals: rank must be a positive integer or an array of them, got [1,1.5]",
  );
  throws(
    () => new NonNegativeTucker([1, 1]).fitTransform(x),
    TypeError,
    "NonNegativeTucker.fitTransform: rank must be a number or an array of 3 ranks (one per decomposed mode), got 2 ranks",
  );
  throws(
    () => new NonNegativeTuckerHals(1).fitTransform(nd.zeros([2], { dtype: "complex64" })),
    TypeError,
    "NonNegativeTuckerHals.fitTransform: complex tensors are not supported, got dtype complex64",
  );
});
