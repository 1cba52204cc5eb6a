// randomisedParafac (sampled ALS) and the estimator classes CP, NonNegativeCP,
// NonNegativeCPHals and RandomisedCP.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { randomisedParafac } from "../../src/decomposition/randomised_parafac.ts";
import { parafac } from "../../src/decomposition/parafac.ts";
import { nonNegativeParafac } from "../../src/decomposition/non_negative_parafac.ts";
import { nonNegativeParafacHals } from "../../src/decomposition/non_negative_parafac_hals.ts";
import {
  CP,
  NonNegativeCP,
  NonNegativeCPHals,
  RandomisedCP,
} from "../../src/decomposition/cp_classes.ts";

const D = nd.decomposition;
const norm = (a: nd.NDArray): number => nd.linalg.norm(a).item() as number;
const relErr = (cp: nd.decomposition.CPTensor, t: nd.NDArray): number =>
  norm(cp.toTensor().sub(t)) / norm(t);

Deno.test("randomisedParafac", async (t) => {
  await t.step(
    "reconstructs a low-rank tensor (TensorLy's test: rank 4 tensor, rank 5, 100 samples)",
    () => {
      for (const seed of [0, 1, 2]) {
        const tensor = D.randomCp([10, 10, 10], 4, { rng: seed, full: true }) as nd.NDArray;
        const cp = randomisedParafac(tensor, 5, {
          nSamples: 100,
          maxStagnation: 20,
          nIterMax: 100,
          tol: 0,
          rng: 50 + seed,
        });
        assert.ok(relErr(cp, tensor) < 0.05, `seed ${seed}: ${relErr(cp, tensor)}`);
        assert.ok(Math.abs(cp.errors.at(-1)! - relErr(cp, tensor)) < 1e-6);
        nd.testing.assertArrayEqual(cp.weights, nd.ones([5]));
      }
    },
  );
  await t.step("factor shapes on a random tensor with the SVD start (TensorLy's test)", () => {
    const tensor = nd.random.defaultRng(1234).random([10, 10, 10]) as nd.NDArray;
    const cp = randomisedParafac(tensor, 4, {
      nSamples: 8,
      nIterMax: 1000,
      init: "svd",
      tol: 1e-4,
    });
    assert.deepEqual(cp.factors.map((f) => f.shape), [[10, 4], [10, 4], [10, 4]]);
    assert.ok(cp.nIter < 1000);
  });
  await t.step(
    "the same rng gives the same result; errors are skipped without tol and maxStagnation",
    () => {
      const tensor = D.randomCp([6, 7, 8], 2, { rng: 3, full: true }) as nd.NDArray;
      const a = randomisedParafac(tensor, 2, { nSamples: 30, rng: 9 });
      const b = randomisedParafac(tensor, 2, { nSamples: 30, rng: 9 });
      assert.deepEqual(a.errors, b.errors);
      a.factors.forEach((f, k) => nd.testing.assertArrayEqual(b.factors[k], f));
      const quiet = randomisedParafac(tensor, 2, {
        nSamples: 30,
        nIterMax: 12,
        tol: 0,
        maxStagnation: 0,
        rng: 9,
      });
      assert.equal(quiet.nIter, 12);
      assert.deepEqual(quiet.errors, []);
    },
  );
  await t.step("4-way tensors, float32, onIteration", () => {
    const t4 = D.randomCp([5, 4, 6, 3], 2, { rng: 4, full: true }) as nd.NDArray;
    let calls = 0;
    const cp = randomisedParafac(t4.astype("float32"), 2, {
      nSamples: 40,
      nIterMax: 300,
      rng: 1,
      onIteration: () => ++calls === 250,
    });
    assert.equal(cp.factors[0].dtype, "float32");
    assert.ok(calls <= 250 && cp.nIter === calls);
    assert.ok(relErr(cp, t4) < 0.05, `${relErr(cp, t4)}`);
  });
});

Deno.test("CP estimator classes", async (t) => {
  const tensor = D.randomCp([5, 6, 7], 2, { rng: 12, full: true }) as nd.NDArray;
  const cases: [
    string,
    { fitTransform(t: nd.NDArray): nd.decomposition.CPTensor },
    () => nd.decomposition.CPTensor,
  ][] = [
    ["CP", new CP(2, { nIterMax: 30, rng: 1 }), () => parafac(tensor, 2, { nIterMax: 30, rng: 1 })],
    [
      "NonNegativeCP",
      new NonNegativeCP(2, { nIterMax: 30 }),
      () => nonNegativeParafac(tensor, 2, { nIterMax: 30 }),
    ],
    [
      "NonNegativeCPHals",
      new NonNegativeCPHals(2, { nIterMax: 30 }),
      () => nonNegativeParafacHals(tensor, 2, { nIterMax: 30 }),
    ],
    [
      "RandomisedCP",
      new RandomisedCP(2, { nSamples: 40, rng: 3 }),
      () => randomisedParafac(tensor, 2, { nSamples: 40, rng: 3 }),
    ],
  ];
  for (const [name, model, direct] of cases) {
    await t.step(
      `${name}: fitTransform equals the function; decomposition and errors are kept`,
      () => {
        const m = model as unknown as {
          decomposition: unknown;
          errors: readonly number[];
          rank: number;
          toString(): string;
        };
        assert.equal(m.decomposition, null);
        assert.deepEqual(m.errors, []);
        const cp = model.fitTransform(tensor);
        const want = direct();
        cp.factors.forEach((f, k) => nd.testing.assertArrayEqual(f, want.factors[k]));
        assert.equal(m.decomposition, cp);
        assert.deepEqual(m.errors, (want as unknown as { errors: number[] }).errors);
        assert.equal(m.rank, 2);
        assert.match(m.toString(), /^Rank-2 /);
      },
    );
  }
  await t.step("the options are copied at construction", () => {
    const opts = { nIterMax: 3 };
    const model = new CP(2, opts);
    opts.nIterMax = 50;
    assert.equal(model.fitTransform(tensor).nIter <= 3, true);
  });
});
