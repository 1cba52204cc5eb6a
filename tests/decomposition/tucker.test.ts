// tucker and partialTucker (HOOI) against TensorLy's test criteria: shapes, reconstruction,
// exact multilinear-rank recovery, fixed factors, masks, inits, determinism, both SVD methods,
// both backends, float32, memmap, the estimator class and every error path.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { Tucker, tucker } from "../../src/decomposition/tucker.ts";
import { TuckerResult } from "../../src/decomposition/tucker_result.ts";
import { partialTucker } from "../../src/decomposition/partial_tucker.ts";

const D = nd.decomposition;
const norm = (a: nd.NDArray): number => nd.linalg.norm(a).item() as number;
const relErr = (a: nd.NDArray, b: nd.NDArray): number => norm(a.sub(b)) / norm(b);
const maxAbs = (a: nd.NDArray): number => nd.max(nd.abs(a)).item() as number;
const rand = (shape: number[], seed: number): nd.NDArray =>
  nd.random.defaultRng(seed).random(shape) as nd.NDArray;
const exact = (shape: number[], rank: number[], seed: number): nd.NDArray =>
  D.randomTucker(shape, rank, { full: true, rng: seed }) as nd.NDArray;

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

Deno.test("tucker: TensorLy's test_tucker", async (t) => {
  const tensor = rand([3, 4, 3], 1234);
  await t.step("full rank reconstructs the tensor", () => {
    const tk = tucker(tensor, [3, 4, 3], { nIterMax: 200 });
    const rec = tk.toTensor();
    assert.ok((norm(rec) - norm(tensor)) / norm(rec) < 1e-2);
    assert.ok(maxAbs(rec.sub(tensor)) < 1);
    assert.ok(relErr(rec, tensor) < 1e-12);
  });
  await t.step("rank [2, 3, 1]: factor and core shapes", () => {
    const tk = tucker(tensor, [2, 3, 1], { nIterMax: 100 });
    assert.deepEqual(tk.factors.map((f) => f.shape), [[3, 2], [4, 3], [3, 1]]);
    assert.deepEqual(tk.core.shape, [2, 3, 1]);
    assert.deepEqual(tk.rank, [2, 3, 1]);
    for (const f of tk.factors) {
      nd.testing.assertAllClose(nd.matmul(f.T, f), nd.eye(f.shape[1]), { atol: 1e-12 });
    }
  });
  await t.step("fixedFactors stay bit for bit", () => {
    const start = tucker(tensor, [2, 3, 1], { nIterMax: 100 });
    const before = start.factors[1].copy();
    const tk = tucker(tensor, [2, 3, 1], { init: start, fixedFactors: [1], nIterMax: 100 });
    assert.equal(tk.factors[1], start.factors[1]);
    nd.testing.assertArrayEqual(tk.factors[1], before);
    nd.testing.assertArrayEqual(start.factors[1], before);
    assert.deepEqual(tk.core.shape, [2, 3, 1]);
    // The free factors are refitted with the fixed one in place: no worse than the start.
    assert.ok(relErr(tk.toTensor(), tensor) <= relErr(start.toTensor(), tensor) + 1e-12);
    const plain = { core: start.core, factors: start.factors };
    const tk2 = tucker(tensor, [2, 3, 1], { init: plain, fixedFactors: [0, -1] });
    assert.equal(tk2.factors[0], start.factors[0]);
    assert.equal(tk2.factors[2], start.factors[2]);
  });
  await t.step("svd and random inits converge to similar fits", () => {
    const a = tucker(tensor, [3, 4, 3], { nIterMax: 200, init: "svd" }).toTensor();
    const b = tucker(tensor, [3, 4, 3], { nIterMax: 200, init: "random", rng: 1234 }).toTensor();
    assert.ok(relErr(b, a) < 1);
    assert.ok(maxAbs(a.sub(b)) < 1);
  });
});

Deno.test("tucker: exact multilinear rank is recovered to 1e-8", async (t) => {
  for (const svd of ["symeig_svd", "truncated_svd"] as const) {
    for (const backend of ["default", "ts"] as const) {
      await t.step(`${svd}, ${backend} backend`, () => {
        const run = () => {
          for (
            const [shape, rank, seed] of [
              [[6, 7, 8], [2, 3, 2], 0],
              [[10, 4, 5, 3], [3, 2, 4, 1], 1],
              [[12, 9], [4, 4], 2],
            ] as const
          ) {
            const x = exact([...shape], [...rank], seed);
            const tk = tucker(x, [...rank], { svd, tol: 0, nIterMax: 5 });
            assert.ok(relErr(tk.toTensor(), x) < 1e-8, `${shape}: ${relErr(tk.toTensor(), x)}`);
            assert.equal(tk.nIter, 5);
            assert.ok(tk.errors.at(-1)! < 1e-6);
          }
        };
        if (backend === "ts") onTs(run);
        else run();
      });
    }
  }
  await t.step("float32 stays float32 and recovers to float32 accuracy", () => {
    const x = exact([6, 7, 8], [2, 3, 2], 3).astype("float32");
    for (const svd of ["symeig_svd", "truncated_svd"] as const) {
      const tk = tucker(x, [2, 3, 2], { svd });
      assert.equal(tk.core.dtype, "float32");
      assert.ok(tk.factors.every((f) => f.dtype === "float32"));
      assert.ok(relErr(tk.toTensor(), x) < 1e-5, `${svd}: ${relErr(tk.toTensor(), x)}`);
    }
  });
  await t.step("integer tensors compute in float64", () => {
    const x = nd.array([[[1, 2], [2, 4]], [[3, 6], [6, 12]]]);
    const tk = tucker(x, 1);
    assert.equal(tk.core.dtype, "float64");
    nd.testing.assertAllClose(tk.toTensor(), x.astype("float64"), { atol: 1e-12 });
  });
});

Deno.test("tucker: errors, determinism, backends, memmap", async (t) => {
  const tensor = rand([8, 9, 10], 5);
  await t.step("errors are non-increasing and match the reconstruction", () => {
    const tk = tucker(tensor, [3, 3, 3], { tol: 0, nIterMax: 10 });
    assert.equal(tk.errors.length, 10);
    tk.errors.slice(1).forEach((e, i) => assert.ok(e <= tk.errors[i] + 1e-12));
    assert.ok(Math.abs(tk.errors.at(-1)! - relErr(tk.toTensor(), tensor)) < 1e-10);
    assert.ok(tk instanceof TuckerResult && tk instanceof D.TuckerTensor);
  });
  await t.step("tol stops after at least three sweeps", () => {
    const tk = tucker(tensor, [3, 3, 3], { tol: 1e9 });
    assert.equal(tk.nIter, 3);
    assert.equal(tucker(tensor, 2, { nIterMax: 0 }).nIter, 0);
  });
  await t.step("the same rng gives the same result; svd init is deterministic", () => {
    const a = tucker(tensor, [2, 3, 4], { init: "random", rng: 9 });
    const b = tucker(tensor, [2, 3, 4], { init: "random", rng: 9 });
    a.factors.forEach((f, k) => nd.testing.assertArrayEqual(f, b.factors[k]));
    nd.testing.assertArrayEqual(a.core, b.core);
    const c = tucker(tensor, [2, 3, 4]), d = tucker(tensor, [2, 3, 4]);
    nd.testing.assertArrayEqual(c.core, d.core);
  });
  await t.step("both SVD methods and both backends agree", () => {
    const ref = tucker(tensor, [3, 2, 4], { svd: "truncated_svd", tol: 0, nIterMax: 6 });
    const sym = tucker(tensor, [3, 2, 4], { svd: "symeig_svd", tol: 0, nIterMax: 6 });
    const ts = onTs(() => tucker(tensor, [3, 2, 4], { tol: 0, nIterMax: 6 }));
    for (const other of [sym, ts]) {
      // Same sign convention (largest entry of each column positive): same factors.
      other.factors.forEach((f, k) => nd.testing.assertAllClose(f, ref.factors[k], { atol: 1e-8 }));
      nd.testing.assertAllClose(other.core, ref.core, { atol: 1e-8 });
    }
  });
  await t.step("memory-mapped tensors give the same result", () => {
    const path = Deno.makeTempFileSync({ suffix: ".npy" }) as `${string}.npy`;
    try {
      nd.save(path, tensor);
      const mm = nd.load(path, { mmapMode: "r" });
      const a = tucker(mm, [2, 3, 2]);
      const b = tucker(tensor, [2, 3, 2]);
      a.factors.forEach((f, k) => nd.testing.assertArrayEqual(f, b.factors[k]));
      nd.testing.assertArrayEqual(a.core, b.core);
      (mm as nd.Memmap).close();
    } finally {
      Deno.removeSync(path);
    }
  });
  await t.step("non-contiguous views are read as they are", () => {
    const view = tensor.transpose([2, 0, 1]);
    const tk = tucker(view, [10, 8, 9]);
    nd.testing.assertAllClose(tk.toTensor(), view, { atol: 1e-12 });
  });
  await t.step("description and display", () => {
    const tk = tucker(tensor, 2, { nIterMax: 3, tol: 0 });
    assert.match(tk.toString(), /TuckerTensor\(shape=\[8,9,10\], rank=\[2,2,2\], iterations=3/);
    const show = (tk as unknown as Record<symbol, () => Record<string, string>>)[
      Symbol.for("Jupyter.display")
    ].call(tk);
    assert.match(show["text/html"], /3 iterations, relative error/);
  });
});

Deno.test("tucker: masks (TensorLy's test_masked_tucker)", async (t) => {
  await t.step("an all-ones mask equals the unmasked fit", () => {
    const tensor = rand([3, 3, 3], 1234);
    const a = tucker(tensor, [2, 2, 2], { mask: nd.ones([3, 3, 3]) }).toTensor();
    const b = tucker(tensor, [2, 2, 2]).toTensor();
    assert.ok(norm(a.sub(b)) < 1e-3);
  });
  await t.step("a masked outlier is ignored", () => {
    const tensor = exact([5, 5, 5], [1, 1, 1], 1234);
    const corrupted = tensor.copy();
    corrupted.set([0, 0, 0], 1);
    const mask = nd.ones([5, 5, 5]);
    mask.set([0, 0, 0], 0);
    tucker(corrupted, [1, 1, 1], { mask, init: "svd" }); // runs
    const fit = tucker(corrupted, [1, 1, 1], { mask, init: "random", rng: 1234 });
    assert.ok(norm(fit.toTensor().sub(tensor)) < 1e-3, `${norm(fit.toTensor().sub(tensor))}`);
    const unmasked = tucker(corrupted, [1, 1, 1]);
    assert.ok(norm(unmasked.toTensor().sub(tensor)) > 1e-2);
    const boolMask = nd.greater(mask, 0.5);
    const fit2 = tucker(corrupted, [1, 1, 1], { mask: boolMask, init: "random", rng: 1234 });
    nd.testing.assertAllClose(fit2.core, fit.core);
  });
});

Deno.test("partialTucker: TensorLy's test_partial_tucker", async (t) => {
  const tensor = rand([3, 4, 3], 1234);
  await t.step("full ranks reconstruct", () => {
    const { core, factors, modes } = partialTucker(tensor, [4, 3], {
      modes: [1, 2],
      nIterMax: 200,
    });
    const rec = nd.tenalg.multiModeDot(core, factors, { modes });
    assert.ok(Math.abs(norm(rec) - norm(tensor)) / norm(rec) < 1e-2);
    nd.testing.assertAllClose(rec, tensor, { atol: 1e-12 });
  });
  await t.step("ranks [3, 1]: shapes of the core and the factors", () => {
    const r = partialTucker(tensor, [3, 1], { modes: [1, 2] });
    assert.deepEqual(r.factors.map((f) => f.shape), [[4, 3], [3, 1]]);
    assert.deepEqual(r.core.shape, [3, 3, 1]);
    assert.deepEqual(r.modes, [1, 2]);
    assert.ok(r.errors.length >= 3);
  });
  await t.step("modes follow the order given; negative modes", () => {
    const a = partialTucker(tensor, [1, 3], { modes: [-1, 1] });
    assert.deepEqual(a.modes, [2, 1]);
    assert.deepEqual(a.factors.map((f) => f.shape), [[3, 1], [4, 3]]);
    assert.deepEqual(a.core.shape, [3, 3, 1]);
    const b = partialTucker(tensor, [3, 1], { modes: [1, 2], tol: 0, nIterMax: 200 });
    const c = partialTucker(tensor, [1, 3], { modes: [-1, 1], tol: 0, nIterMax: 200 });
    assert.ok(Math.abs(b.errors.at(-1)! - c.errors.at(-1)!) < 1e-8);
  });
  await t.step("the same rng fixes the core and the factors", () => {
    const a = partialTucker(tensor, [3, 1], { modes: [1, 2], init: "random", rng: 0 });
    const b = partialTucker(tensor, [3, 1], { modes: [1, 2], init: "random", rng: 0 });
    nd.testing.assertArrayEqual(a.core, b.core);
    a.factors.forEach((f, k) => nd.testing.assertArrayEqual(f, b.factors[k]));
  });
  await t.step("a given start (factors only, or core and factors)", () => {
    const first = partialTucker(tensor, [2, 2], { modes: [0, 2] });
    const again = partialTucker(tensor, [2, 2], {
      modes: [0, 2],
      init: { factors: first.factors },
    });
    // HOOI from the last factors can only improve the fit.
    assert.ok(again.errors.at(-1)! <= first.errors.at(-1)! + 1e-12);
    const withCore = partialTucker(tensor, 2, { modes: [0, 2], init: first, nIterMax: 1 });
    assert.deepEqual(withCore.core.shape, [2, 4, 2]);
  });
});

Deno.test("tucker: the Tucker class", () => {
  const x = exact([5, 6, 7], [2, 2, 2], 1);
  const model = new Tucker([2, 2, 2], { tol: 1e-10 });
  assert.equal(model.decomposition, null);
  assert.deepEqual(model.errors, []);
  const tk = model.fitTransform(x);
  assert.equal(model.decomposition, tk);
  assert.equal(model.errors, tk.errors);
  assert.ok(relErr(tk.toTensor(), x) < 1e-8);
  assert.equal(model.toString(), "Rank-[2,2,2] Tucker decomposition via HOOI.");
  const direct = tucker(x, [2, 2, 2], { tol: 1e-10 });
  nd.testing.assertArrayEqual(direct.core, tk.core);
});

Deno.test("tucker: full-rank fits are exact and factors orthonormal (fast-check)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 0, max: 1000 }),
      fc.constantFrom("symeig_svd", "truncated_svd"),
      (shape, seed, svd) => {
        const x = rand(shape, seed);
        const ranks = shape.map((n, k) => Math.max(1, n - (k % 2)));
        const tk = tucker(x, ranks, { svd, nIterMax: 4 });
        for (const f of tk.factors) {
          nd.testing.assertAllClose(nd.matmul(f.T, f), nd.eye(f.shape[1]), { atol: 1e-10 });
        }
        assert.ok(Math.abs(tk.errors.at(-1)! - relErr(tk.toTensor(), x)) < 1e-6);
        const full = tucker(x, shape, { svd, nIterMax: 1 });
        nd.testing.assertAllClose(full.toTensor(), x, { atol: 1e-10 });
      },
    ),
    { numRuns: 50 },
  );
});

Deno.test("tucker and partialTucker: every error path", async (t) => {
  const x = rand([3, 4, 5], 0);
  const throws = (f: () => unknown, cls: ErrorConstructor, msg: string | RegExp) =>
    assert.throws(f, (e: unknown) => {
      assert.ok(e instanceof cls, `expected ${cls.name}, got ${e}`);
      if (typeof msg === "string") assert.equal((e as Error).message, msg);
      else assert.match((e as Error).message, msg);
      return true;
    });
  await t.step("ranks", () => {
    throws(
      () => tucker(x, [1, 2]),
      TypeError,
      "tucker: rank must be a number or an array of 3 ranks (one per decomposed mode), got 2 ranks",
    );
    throws(
      () => tucker(x, [1, 0, 2]),
      RangeError,
      "tucker: the rank of mode 1 must be a positive integer, got 0",
    );
    throws(
      () => tucker(x, 4),
      RangeError,
      "tucker: the rank of mode 0 is 4, more than the mode's size 3",
    );
    throws(() => tucker(x, 1.5), RangeError, /mode 0 must be a positive integer, got 1.5/);
    throws(() => tucker(x, "2" as unknown as number), TypeError, /got 2$/);
  });
  await t.step("options", () => {
    throws(
      () => tucker(x, 2, { nIterMax: -1 }),
      RangeError,
      "tucker: nIterMax must be an integer ≥ 0, got -1",
    );
    throws(
      () => tucker(x, 2, { tol: -1 }),
      RangeError,
      "tucker: tol must be a finite number ≥ 0, got -1",
    );
    throws(
      () => tucker(x, 2, { svd: "lapack" as "truncated_svd" }),
      RangeError,
      'tucker: svd must be "truncated_svd" or "symeig_svd", got "lapack"',
    );
    throws(
      () => tucker(x, 2, { init: "nope" as "svd" }),
      TypeError,
      'tucker: init must be "svd", "random", a TuckerTensor or { core, factors }, got "nope"',
    );
    throws(
      () => tucker(x, 2, { svdMaskRepeats: 1.5 }),
      RangeError,
      "tucker: svdMaskRepeats must be an integer ≥ 0, got 1.5",
    );
    throws(
      () => tucker(x, 2, { init: "random", rng: "seed" as unknown as number }),
      TypeError,
      "tucker: rng must be an nd.random.Generator or a seed, got string",
    );
  });
  await t.step("init shapes", () => {
    const start = D.randomTucker([3, 4, 5], [2, 2, 2], { rng: 0 }) as nd.decomposition.TuckerTensor;
    throws(
      () => tucker(x, [2, 2, 3], { init: start }),
      TypeError,
      "tucker: init factor 2 has shape [5,2], expected [5,3]",
    );
    throws(
      () => tucker(x, 2, { init: { factors: start.factors.slice(0, 2) } }),
      TypeError,
      "tucker: init has 2 factors, expected 3 (one per decomposed mode)",
    );
    throws(
      () => tucker(x, 2, { init: { core: nd.ones([2, 2]), factors: start.factors } }),
      TypeError,
      "tucker: init core has shape [2,2], expected [2,2,2]",
    );
  });
  await t.step("fixedFactors", () => {
    throws(
      () => tucker(x, 2, { fixedFactors: [1] }),
      TypeError,
      'tucker: fixedFactors [1] needs init to be a TuckerTensor or { core, factors } holding the fixed factors, got init "svd"',
    );
    throws(
      () => tucker(x, 2, { fixedFactors: [3] }),
      RangeError,
      "tucker: mode 3 in fixedFactors is out of range for a tensor with 3 modes",
    );
    throws(
      () => tucker(x, 2, { fixedFactors: [1, -2] }),
      RangeError,
      "tucker: mode 1 appears twice in fixedFactors",
    );
    throws(
      () => tucker(x, 2, { fixedFactors: 1 as unknown as number[] }),
      TypeError,
      "tucker: fixedFactors must be an array of modes, got number",
    );
  });
  await t.step("tensors and masks", () => {
    throws(
      () => tucker(x, 2, { mask: nd.ones([3, 4]) }),
      TypeError,
      "tucker: mask has shape [3,4], the tensor has shape [3,4,5]",
    );
    throws(
      () => tucker(nd.zeros([2, 2], { dtype: "complex128" }), 1),
      TypeError,
      "tucker: complex tensors are not supported, got dtype complex128",
    );
    throws(
      () => tucker(nd.array(3), 1),
      TypeError,
      "tucker: expected a tensor with at least 1 dimension(s), got shape []",
    );
    throws(
      () => tucker(nd.zeros([0, 3]), 1),
      TypeError,
      "tucker: cannot decompose an empty tensor of shape [0,3]",
    );
  });
  await t.step("partialTucker modes", () => {
    throws(
      () => partialTucker(x, 2, { modes: [] }),
      RangeError,
      "partialTucker: modes must name at least one mode",
    );
    throws(
      () => partialTucker(x, 2, { modes: [0, 5] }),
      RangeError,
      "partialTucker: mode 5 in modes is out of range for a tensor with 3 modes",
    );
    throws(
      () => partialTucker(x, [2, 2, 2], { modes: [0, 1] }),
      TypeError,
      /^partialTucker: rank must be a number or an array of 2 ranks/,
    );
    throws(
      () => new Tucker([]),
      RangeError,
      "Tucker: rank must be a positive integer or an array of them, got []",
    );
    throws(
      () => new Tucker(9).fitTransform(x),
      RangeError,
      "Tucker.fitTransform: the rank of mode 0 is 9, more than the mode's size 3",
    );
  });
});
