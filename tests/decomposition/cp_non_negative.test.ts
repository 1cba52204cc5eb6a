// nonNegativeParafac (multiplicative updates) and nonNegativeParafacHals against TensorLy's
// criteria: errors below 0.07 on random non-negative low-rank tensors, non-negative factors,
// error steps at most 1e-3, fixed modes, unconstrained modes, masks and options.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { parafac } from "../../src/decomposition/parafac.ts";
import { nonNegativeParafac } from "../../src/decomposition/non_negative_parafac.ts";
import { nonNegativeParafacHals } from "../../src/decomposition/non_negative_parafac_hals.ts";
import type { CPResult } from "../../src/decomposition/cp_result.ts";
import type { NonNegativeParafacHalsOpts } from "../../src/decomposition/non_negative_parafac_hals.ts";

const D = nd.decomposition;
const norm = (a: nd.NDArray): number => nd.linalg.norm(a).item() as number;
const relErr = (cp: nd.decomposition.CPTensor, t: nd.NDArray): number =>
  norm(cp.toTensor().sub(t)) / norm(t);
const steps = (e: readonly number[]): number[] => e.slice(1).map((x, i) => x - e[i]);
const minOf = (cp: nd.decomposition.CPTensor): number =>
  Math.min(...cp.factors.map((f) => nd.min(f).item() as number));

type Solver = (t: nd.NDArray, rank: number, opts?: NonNegativeParafacHalsOpts) => CPResult;
const SOLVERS: [string, Solver][] = [
  ["multiplicative updates", nonNegativeParafac as Solver],
  ["HALS", nonNegativeParafacHals],
];

for (const [name, solve] of SOLVERS) {
  Deno.test(`${name}: TensorLy's acceptance criteria`, async (t) => {
    for (const seed of [1, 2, 3]) {
      for (const init of ["svd", "random"] as const) {
        for (const normalizeFactors of [false, true]) {
          await t.step(`seed ${seed}, init ${init}, normalizeFactors ${normalizeFactors}`, () => {
            const tensor = D.randomCp([6, 3, 12], 3, { rng: seed, full: true }) as nd.NDArray;
            const cp = solve(tensor, 3, { nIterMax: 100, init, rng: 10 + seed, normalizeFactors });
            assert.ok(cp.errors.at(-1)! < 0.07, `error ${cp.errors.at(-1)}`);
            assert.ok(relErr(cp, tensor) < 0.07);
            assert.ok(Math.abs(relErr(cp, tensor) - cp.errors.at(-1)!) < 1e-6);
            assert.ok(minOf(cp) >= 0 && (nd.min(cp.weights).item() as number) >= 0);
            assert.ok(Math.max(...steps(cp.errors)) <= 1e-3, `steps ${steps(cp.errors)}`);
            const again = solve(tensor, 3, {
              nIterMax: 100,
              init,
              rng: 10 + seed,
              normalizeFactors,
            });
            assert.deepEqual(again.errors, cp.errors);
          });
        }
      }
    }
    await t.step("fixed modes stay bit-identical", () => {
      const tensor = nd.random.defaultRng(1234).random([3, 3, 3]) as nd.NDArray;
      const init = D.randomCp([3, 3, 3], 2, { rng: 5 }) as nd.decomposition.CPTensor;
      for (const fixedModes of [[0], [1], [2]]) {
        const cp = solve(tensor.add(1), 2, { nIterMax: 5, init, fixedModes });
        for (const k of fixedModes) nd.testing.assertArrayEqual(cp.factors[k], init.factors[k]);
      }
    });
    await t.step("close to the unconstrained fit of a positive tensor (TensorLy's test)", () => {
      const tensor = new nd.random.RandomState(1234).randomSample([3, 3, 3]).add(1);
      const res = parafac(tensor, 3, { nIterMax: 120 }).toTensor();
      const nn = solve(tensor, 3, { nIterMax: 100, tol: 1e-3 });
      // TensorLy's bounds are 1 (relative) and 1 (max abs): the fits are much closer here.
      assert.ok(norm(nn.toTensor().sub(res)) / norm(res) < 0.2);
      assert.ok((nd.max(nd.abs(nn.toTensor().sub(res))).item() as number) < 0.5);
      assert.ok(minOf(nn) >= 0);
    });
    await t.step("float32 and the TypeScript backend", () => {
      const tensor = D.randomCp([5, 4, 6], 2, { rng: 9, full: true }) as nd.NDArray;
      const cp = solve(tensor.astype("float32"), 2, { nIterMax: 60, tol: 0 });
      assert.equal(cp.factors[2].dtype, "float32");
      assert.ok(cp.errors.at(-1)! < 0.07 && minOf(cp) >= 0);
      const blas = solve(tensor, 2, { nIterMax: 20, tol: 0 });
      const before = nd.backend.info();
      nd.backend.use("ts");
      try {
        const ts = solve(tensor, 2, { nIterMax: 20, tol: 0 });
        ts.factors.forEach((f, k) => nd.testing.assertAllClose(f, blas.factors[k], { rtol: 1e-8 }));
      } finally {
        if (before.name === "blas") nd.backend.use("blas", { path: before.library! });
      }
    });
    await t.step("memory-mapped tensors give the same result", () => {
      const tensor = D.randomCp([5, 4, 6], 2, { rng: 13, full: true }) as nd.NDArray;
      const path = Deno.makeTempFileSync({ suffix: ".npy" }) as `${string}.npy`;
      try {
        nd.save(path, tensor);
        const mm = nd.load(path, { mmapMode: "r" });
        const a = solve(mm, 2, { nIterMax: 15, tol: 0 });
        const b = solve(tensor, 2, { nIterMax: 15, tol: 0 });
        a.factors.forEach((f, k) => nd.testing.assertArrayEqual(f, b.factors[k]));
        (mm as nd.Memmap).close();
      } finally {
        Deno.removeSync(path);
      }
    });
    await t.step("onIteration and tol", () => {
      const tensor = D.randomCp([4, 5, 6], 2, { rng: 2, full: true }) as nd.NDArray;
      const seen: number[] = [];
      const cp = solve(tensor, 2, {
        nIterMax: 30,
        tol: 0,
        onIteration: (_, e) => {
          seen.push(e);
          return seen.length === 6;
        },
      });
      assert.equal(cp.nIter, 5);
      assert.deepEqual(seen.slice(1), cp.errors);
      assert.ok(solve(tensor, 2, { nIterMax: 1000, tol: 1e-3 }).nIter < 1000);
    });
  });
}

Deno.test("nonNegativeParafac: masks", async (t) => {
  const tensor = D.randomCp([5, 6, 7], 2, { rng: 3, full: true }) as nd.NDArray;
  const mask = nd.greater(nd.random.defaultRng(8).random([5, 6, 7]) as nd.NDArray, 0.2);
  await t.step("missing entries are never read and get imputed", () => {
    const a = nonNegativeParafac(nd.where(mask, tensor, NaN), 2, {
      mask,
      nIterMax: 200,
      init: "random",
      rng: 1,
    });
    const b = nonNegativeParafac(nd.where(mask, tensor, -5), 2, {
      mask,
      nIterMax: 200,
      init: "random",
      rng: 1,
    });
    a.factors.forEach((f, k) => nd.testing.assertArrayEqual(f, b.factors[k]));
    assert.ok(relErr(a, tensor) < 0.05, `${relErr(a, tensor)}`);
    assert.ok(minOf(a) >= 0);
  });
  await t.step("an all-ones mask matches the unmasked fit", () => {
    const a = nonNegativeParafac(tensor, 2, { mask: nd.ones([5, 6, 7]), nIterMax: 10, tol: 0 });
    const b = nonNegativeParafac(tensor, 2, { nIterMax: 10, tol: 0 });
    a.factors.forEach((f, k) => nd.testing.assertAllClose(f, b.factors[k], { rtol: 1e-9 }));
  });
});

Deno.test("nonNegativeParafacHals: options", async (t) => {
  await t.step("nnModes: an unconstrained mode recovers signed factors (TensorLy's test)", () => {
    // TensorLy's data, drawn from the same legacy stream (RandomState(1234)).
    const rs = new nd.random.RandomState(1234);
    const weights = rs.uniform(0, 1, { size: [3] });
    const a = rs.uniform(0, 1, { size: [8, 3] });
    const b = rs.standardNormal([9, 3]);
    const c = rs.uniform(0.1, 1.1, { size: [10, 3] });
    const x = D.cpToTensor({ weights, factors: [a, b, c] });
    const cp = nonNegativeParafacHals(x, 3, { nIterMax: 100, tol: 0, nnModes: [0, 2] });
    assert.ok(norm(x.sub(cp.toTensor())) < 1e-3, `${norm(x.sub(cp.toTensor()))}`);
    assert.ok((nd.min(cp.factors[0]).item() as number) >= 0);
    assert.ok((nd.min(cp.factors[2]).item() as number) >= 0);
    assert.ok((nd.min(cp.factors[1]).item() as number) < 0);
  });
  await t.step("epsilon keeps every component alive", () => {
    const rng = nd.random.defaultRng(4);
    const x = D.cpToTensor({
      factors: [
        rng.random([8, 3]),
        rng.standardNormal([9, 3]),
        rng.random([10, 3]),
      ] as nd.NDArray[],
    });
    const cp = nonNegativeParafacHals(x, 3, { nIterMax: 5, nnModes: [0, 2], epsilon: 1e-8 });
    assert.ok((nd.min(cp.factors[0]).item() as number) >= 1e-8);
  });
  await t.step("exact inner solves and sparsity", () => {
    const tensor = D.randomCp([6, 3, 12], 3, { rng: 6, full: true }) as nd.NDArray;
    const exact = nonNegativeParafacHals(tensor, 3, { nIterMax: 40, exact: true });
    assert.ok(exact.errors.at(-1)! < 0.07);
    const plain = nonNegativeParafacHals(tensor, 3, { nIterMax: 40, tol: 0 });
    const sparse = nonNegativeParafacHals(tensor, 3, {
      nIterMax: 40,
      tol: 0,
      sparsityCoefficients: [5, null, 5],
    });
    const l1 = (cp: nd.decomposition.CPTensor) =>
      (nd.sum(cp.factors[0]).item() as number) + (nd.sum(cp.factors[2]).item() as number);
    assert.ok(l1(sparse) < l1(plain));
    assert.ok(minOf(sparse) >= 0);
  });
});

Deno.test("non-negative solvers keep factors >= 0 on any non-negative tensor (fast-check)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 2, maxLength: 4 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.constantFrom(...SOLVERS),
      (shape, rank, seed, [, solve]) => {
        const tensor = nd.random.defaultRng(seed).random(shape) as nd.NDArray;
        const cp = solve(tensor, rank, { nIterMax: 10, tol: 0, init: seed % 2 ? "svd" : "random" });
        assert.ok(minOf(cp) >= 0);
        assert.ok(Math.max(0, ...steps(cp.errors)) <= 1e-6);
        assert.ok(Math.abs(relErr(cp, tensor) - cp.errors.at(-1)!) < 1e-6);
      },
    ),
    { numRuns: Number(Deno.env.get("CP_FC_RUNS") ?? 60) },
  );
});
