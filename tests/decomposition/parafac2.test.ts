// parafac2 (ALS) with Parafac2Tensor and randomParafac2, against TensorLy's test criteria:
// relative error < 0.1 and factor congruence > 0.98 on its synthetic setup for both inits
// with and without normalization, the convergence criteria, slices vs tensor input,
// normalization, inits; plus dtypes, backends, memmap, the estimator class and every error.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { Parafac2, parafac2 } from "../../src/decomposition/parafac2.ts";
import {
  Parafac2Result,
  Parafac2Tensor,
  randomParafac2,
} from "../../src/decomposition/parafac2_tensor.ts";

const D = nd.decomposition;
const norm = (a: nd.NDArray): number => nd.linalg.norm(a).item() as number;
const relErr = (a: nd.NDArray, b: nd.NDArray): number => norm(a.sub(b)) / norm(b);
const throws = (f: () => unknown, cls: ErrorConstructor, msg: string) =>
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${e}`);
    assert.equal((e as Error).message, msg);
    return true;
  });

/** TensorLy's `congruence_coefficient`: mean |cosine| of the best column matching. */
function congruence(a: nd.NDArray, b: nd.NDArray): number {
  const na = a.div(nd.linalg.norm(a, { axis: 0 })), nb = b.div(nd.linalg.norm(b, { axis: 0 }));
  const m = nd.abs(nd.matmul(na.T, nb)).toArray() as number[][];
  let best = -1;
  const walk = (i: number, used: Set<number>, sum: number) => {
    if (i === m.length) return void (best = Math.max(best, sum / m.length));
    for (let j = 0; j < m.length; j++) {
      if (!used.has(j)) walk(i + 1, new Set([...used, j]), sum + m[i][j]);
    }
  };
  walk(0, new Set(), 0);
  return best;
}

/** TensorLy's synthetic setup: 25 slices of (15 + randint(5)) × 30, rank 3, A + 0.01. */
function setup(rng: nd.random.Generator, rank = 3, shift = 0.01, slices = 25): Parafac2Tensor {
  const shapes = Array.from({ length: slices }, () => [15 + Number(rng.integers(0, 5)), 30]);
  const p = randomParafac2(shapes, rank, { rng }) as Parafac2Tensor;
  const [a, b, c] = p.factors;
  return new Parafac2Tensor(p.weights, [a.add(shift), b, c], p.projections);
}

Deno.test("parafac2: TensorLy's test_parafac2", async (t) => {
  for (const init of ["random", "svd"] as const) {
    for (const normalizeFactors of [true, false]) {
      await t.step(`init ${init}, normalizeFactors ${normalizeFactors}`, () => {
        const rng = nd.random.defaultRng(1234);
        const truth = setup(rng);
        const tensor = truth.toTensor(), slices = truth.toSlices();
        const rec = parafac2(slices, 3, {
          rng,
          init,
          nIterParafac: 2,
          normalizeFactors,
          nIterMax: 80,
        });
        assert.ok(rec instanceof Parafac2Result);
        const err = relErr(rec.toTensor(), tensor);
        assert.ok(err < 0.1, `relative error ${err}`);
        const aSign = nd.sign(truth.factors[0]), rSign = nd.sign(rec.factors[0]);
        const aCorr = congruence(aSign.mul(truth.factors[0]), rSign.mul(rec.factors[0]));
        assert.ok(aCorr > 0.98, `A congruence ${aCorr}`);
        const cCorr = congruence(truth.factors[2], rec.factors[2]);
        assert.ok(cCorr > 0.98, `C congruence ${cCorr}`);
        truth.projections.forEach((p, i) => {
          const trueBi = nd.matmul(p, truth.factors[1]).mul(aSign.slice(i, null));
          const recBi = nd.matmul(rec.projections[i], rec.factors[1]).mul(rSign.slice(i, null));
          const bCorr = congruence(trueBi, recBi);
          assert.ok(bCorr > 0.98, `B_${i} congruence ${bCorr}`);
        });

        // The convergence criteria: absolute tolerance...
        const abs = parafac2(slices, 3, {
          rng,
          init,
          normalizeFactors,
          tol: 1e-10,
          absoluteTol: 1e-3,
        });
        // TensorLy asks for more than 2 errors (not an immediate exit); our random start
        // reaches 1e-3 on its second iteration: the previous error must still be above it.
        assert.ok(abs.errors.length >= 2);
        assert.ok(abs.errors.at(-1)! ** 2 < 1e-3);
        assert.ok(abs.errors.at(-2)! ** 2 > 1e-3);
        // ... and relative decrease of the squared error.
        const noisy = slices.map((s) => s.add(rng.standardNormal(s.shape).mul(0.001)));
        const rel = parafac2(noisy, 3, {
          rng,
          init,
          normalizeFactors,
          tol: 1e-1,
          absoluteTol: -1,
        });
        const e = rel.errors;
        assert.ok(e.length > 2);
        assert.ok(Math.abs(e.at(-2)! ** 2 - e.at(-1)! ** 2) < 1e-1 * e.at(-2)! ** 2);
        assert.ok(Math.abs(e.at(-3)! ** 2 - e.at(-2)! ** 2) > 1e-1 * e.at(-3)! ** 2);
      });
    }
  }
});

Deno.test("parafac2: inputs, normalization and inits", async (t) => {
  await t.step("slices and the 3-D tensor give the same fit", () => {
    const truth = randomParafac2(new Array(25).fill([15, 30]), 3, { rng: 1234 }) as Parafac2Tensor;
    const a = parafac2(truth.toSlices(), 3, { rng: 1234, nIterMax: 2 });
    const b = parafac2(truth.toTensor(), 3, { rng: 1234, nIterMax: 2 });
    assert.ok((nd.max(nd.abs(a.toTensor().sub(b.toTensor()))).item() as number) < 1e-8);
  });
  await t.step("normalizeFactors: unit columns, weights carry the norms", () => {
    const rng = nd.random.defaultRng(1234);
    const truth = setup(rng, 2, 0.1);
    let norms: nd.NDArray = nd.ones([2]);
    for (const f of truth.factors) norms = norms.mul(nd.linalg.norm(f, { axis: 0 }));
    const tensor = truth.toTensor();
    const plain = parafac2(tensor, 2, { rng, normalizeFactors: false, nIterMax: 2 });
    assert.equal(plain.weights.get(0), 1);
    const normed = parafac2(tensor, 2, { rng, normalizeFactors: true, nIterMax: 50 });
    const colNorms = nd.linalg.norm(normed.factors[0], { axis: 0 });
    assert.ok((nd.max(nd.abs(colNorms.sub(1))).item() as number) < 1e-5);
    const mx = (a: nd.NDArray) => nd.max(a).item() as number;
    const mn = (a: nd.NDArray) => nd.min(a).item() as number;
    assert.ok(Math.abs(mx(norms) - mx(normed.weights)) / mx(norms) < 1e-2);
    assert.ok(Math.abs(mn(norms) - mn(normed.weights)) / mn(norms) < 1e-2);
  });
  await t.step("every init kind starts a fit of the right shape", () => {
    const truth = randomParafac2(new Array(25).fill([15, 30]), 3, { rng: 1 }) as Parafac2Tensor;
    const tensor = truth.toTensor();
    const [a, b, c] = truth.factors;
    const cp = new D.CPTensor(truth.weights, [a, nd.matmul(truth.projections[0], b), c]);
    for (const init of ["random", "svd", truth, cp] as const) {
      const fit = parafac2(tensor, 3, { init, nIterMax: 1, rng: 0 });
      assert.deepEqual(fit.shape, truth.shape);
      assert.equal(fit.nIter, 1);
    }
    // Starting from the truth, the first error is already at rounding level.
    assert.ok(parafac2(tensor, 3, { init: truth, nIterMax: 1 }).errors[0] < 1e-6);
  });
  await t.step("ragged slices; without line search the ALS errors never increase", () => {
    const truth = randomParafac2([[8, 4], [12, 4], [5, 4], [9, 4]], 2, { rng: 4 });
    const slices = (truth as Parafac2Tensor).toSlices();
    const fit = parafac2(slices, 2, { init: "svd", nIterMax: 1000 });
    fit.toSlices().forEach((s, i) => assert.ok(relErr(s, slices[i]) < 1e-4));
    assert.deepEqual(fit.sliceShapes, [[8, 4], [12, 4], [5, 4], [9, 4]]);
    const als = parafac2(slices, 2, { init: "svd", linesearch: false, nIterMax: 100 });
    assert.equal(als.errors.length, 100);
    als.errors.slice(1).forEach((e, i) => assert.ok(e <= als.errors[i] + 1e-12));
    assert.ok(
      Math.abs(als.errors.at(-1)! - relErr(als.toTensor(), (truth as Parafac2Tensor).toTensor())) <
        1e-8,
    );
  });
});

Deno.test("parafac2: dtypes, backends, memmap, class", async (t) => {
  const truth = randomParafac2(new Array(6).fill([7, 5]), 2, { rng: 7 }) as Parafac2Tensor;
  const tensor = truth.toTensor();
  await t.step("float32 stays float32; integer slices compute in float64", () => {
    const f32 = parafac2(tensor.astype("float32"), 2, { rng: 0, nIterMax: 30 });
    assert.ok(f32.factors.every((f) => f.dtype === "float32"));
    assert.ok(f32.projections.every((p) => p.dtype === "float32"));
    assert.ok(relErr(f32.toTensor(), tensor) < 1e-2);
    const ints = parafac2([nd.array([[1, 2], [2, 4], [0, 1]]), nd.array([[3, 6], [1, 3]])], 1, {
      nIterMax: 3,
    });
    assert.equal(ints.factors[0].dtype, "float64");
  });
  await t.step("the TypeScript backend agrees; memmapped input", () => {
    const a = parafac2(tensor, 2, { rng: 3, nIterMax: 10, linesearch: false });
    const before = nd.backend.info();
    nd.backend.use("ts");
    let b: Parafac2Result;
    try {
      b = parafac2(tensor, 2, { rng: 3, nIterMax: 10, linesearch: false });
    } finally {
      if (before.name === "blas") nd.backend.use("blas", { path: before.library! });
    }
    nd.testing.assertAllClose(b.toTensor(), a.toTensor(), { atol: 1e-8 });
    const path = Deno.makeTempFileSync({ suffix: ".npy" }) as `${string}.npy`;
    try {
      nd.save(path, tensor);
      const mm = nd.load(path, { mmapMode: "r" });
      const c = parafac2(mm, 2, { rng: 3, nIterMax: 10, linesearch: false });
      nd.testing.assertArrayEqual(c.factors[2], a.factors[2]);
      (mm as nd.Memmap).close();
    } finally {
      Deno.removeSync(path);
    }
  });
  await t.step("the Parafac2 class; descriptions", () => {
    const model = new Parafac2(2, { rng: 5, nIterMax: 20 });
    assert.equal(model.decomposition, null);
    assert.deepEqual(model.errors, []);
    const fit = model.fitTransform(tensor);
    assert.equal(model.decomposition, fit);
    assert.equal(model.errors, fit.errors);
    assert.equal(model.toString(), "Rank-2 PARAFAC2 decomposition via ALS.");
    assert.match(
      fit.toString(),
      /^Parafac2Tensor\(shape=\[6,7,5\], rank=2, iterations=\d+, error=/,
    );
    assert.equal(truth.toString(), "Parafac2Tensor(shape=[6,7,5], rank=2)");
    const show = (truth as unknown as Record<symbol, () => Record<string, string>>)[
      Symbol.for("Jupyter.display")
    ].call(truth);
    assert.match(show["text/plain"], /Parafac2Tensor/);
  });
});

Deno.test("Parafac2Tensor: slices are P_i B diag(w A[i]) Cᵀ (fast-check)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 3, max: 6 }), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 3, max: 5 }),
      fc.integer({ min: 0, max: 1000 }),
      (rows, rank, cols, seed) => {
        const p = randomParafac2(rows.map((j) => [j, cols]), rank, { rng: seed });
        const w = nd.random.defaultRng(seed).random([rank]) as nd.NDArray;
        const q = new Parafac2Tensor(w, [...(p as Parafac2Tensor).factors], [
          ...(p as Parafac2Tensor).projections,
        ]);
        const full = q.toTensor();
        const [a, b, c] = q.factors;
        q.projections.forEach((pi, i) => {
          const bi = nd.matmul(pi, b);
          const want = nd.einsum("r,jr,kr->jk", a.slice(i, null).mul(w), bi, c);
          nd.testing.assertAllClose(q.toSlices()[i], want, { rtol: 1e-12 });
          nd.testing.assertAllClose(full.slice(i, `:${rows[i]}`, null), want, { rtol: 1e-12 });
          assert.equal(
            nd.sum(nd.abs(full.slice(i, `${rows[i]}:`, null))).item(),
            0,
          );
        });
      },
    ),
    { numRuns: 40 },
  );
});

Deno.test("parafac2, Parafac2Tensor and randomParafac2: every error path", () => {
  const truth = randomParafac2(new Array(4).fill([5, 3]), 2, { rng: 0 }) as Parafac2Tensor;
  const slices = truth.toSlices();
  const p = "parafac2";
  throws(
    () => parafac2([], 1),
    TypeError,
    `${p}: expected a non-empty list of matrices or a 3-D tensor`,
  );
  throws(
    () => parafac2(nd.ones([2, 3]), 1),
    TypeError,
    `${p}: expected a 3-D tensor or a list of matrices, got shape [2,3]`,
  );
  throws(
    () => parafac2([nd.ones([4, 3]), nd.ones([4, 2])], 1),
    TypeError,
    `${p}: slice 1 has shape [4,2]: every slice must be a non-empty matrix with 3 columns like slice 0`,
  );
  throws(
    () => parafac2([nd.ones([4, 3], { dtype: "complex128" })], 1),
    TypeError,
    `${p}: complex slices are not supported, got dtype complex128`,
  );
  throws(
    () => parafac2(slices, 4),
    RangeError,
    `${p}: rank must be an integer from 1 to the number of columns (3) and of rows of every slice (5), got 4`,
  );
  throws(
    () => parafac2([nd.ones([2, 3]), nd.ones([4, 3])], 3),
    RangeError,
    `${p}: rank must be an integer from 1 to the number of columns (3) and of rows of every slice (2), got 3`,
  );
  throws(
    () => parafac2(slices, 2, { nIterMax: -1 }),
    RangeError,
    `${p}: nIterMax must be an integer ≥ 0, got -1`,
  );
  throws(
    () => parafac2(slices, 2, { tol: -1 }),
    RangeError,
    `${p}: tol must be a finite number ≥ 0, got -1`,
  );
  throws(
    () => parafac2(slices, 2, { absoluteTol: Number.NaN }),
    RangeError,
    `${p}: absoluteTol must be a number, got NaN`,
  );
  throws(
    () => parafac2(slices, 2, { nIterParafac: 0 }),
    RangeError,
    `${p}: nIterParafac must be an integer ≥ 1, got 0`,
  );
  throws(
    () => parafac2(slices, 2, { svd: "x" as "symeig_svd" }),
    RangeError,
    `${p}: svd must be "truncated_svd" or "symeig_svd", got "x"`,
  );
  throws(
    () => parafac2(slices, 2, { init: "bogus" as "svd" }),
    TypeError,
    `${p}: init must be "random", "svd", a Parafac2Tensor or a CPTensor, got "bogus"`,
  );
  throws(
    () => parafac2(slices, 2, { init: new D.CPTensor(null, [nd.ones([4, 2]), nd.eye(2)]) }),
    TypeError,
    `${p}: a CPTensor init needs 3 factors, got 2`,
  );
  throws(
    () => parafac2(slices, 1, { init: truth }),
    TypeError,
    `${p}: init has rank 2 and slice shapes [5,3] [5,3] [5,3] [5,3], expected rank 1 and [5,3] [5,3] [5,3] [5,3]`,
  );
  throws(
    () => new Parafac2([2] as unknown as number),
    RangeError,
    "Parafac2: rank must be a positive integer, got [2]",
  );
  throws(
    () => new Parafac2(0),
    RangeError,
    "Parafac2: rank must be a positive integer, got 0",
  );
  throws(
    () => new Parafac2(5).fitTransform(slices),
    RangeError,
    "Parafac2.fitTransform: rank must be an integer from 1 to the number of columns (3) and of rows of every slice (5), got 5",
  );
  const P = "Parafac2Tensor";
  const [a, b, c] = truth.factors;
  throws(
    () => new Parafac2Tensor(null, [a, b], truth.projections),
    TypeError,
    `${P}: expected exactly three factors [A, B, C], got 2`,
  );
  throws(
    () => new Parafac2Tensor(null, [a, nd.ones([3, 2]), c], truth.projections),
    TypeError,
    `${P}: factor 1 has shape [3,2], expected [2,2] (rank 2 from factor 0)`,
  );
  throws(
    () => new Parafac2Tensor(null, [a, b, nd.ones([3])], truth.projections),
    TypeError,
    `${P}: factor 2 has shape [3], expected [*,2] (rank 2 from factor 0)`,
  );
  throws(
    () => new Parafac2Tensor(null, [a, b, c], truth.projections.slice(1)),
    TypeError,
    `${P}: expected one projection per row of A (4), got 3`,
  );
  throws(
    () => new Parafac2Tensor(null, [a, b, c], [nd.ones([5, 3]), ...truth.projections.slice(1)]),
    TypeError,
    `${P}: projection 0 has shape [5,3], expected [*,2]`,
  );
  throws(
    () => new Parafac2Tensor(null, [a, b, c], [nd.ones([5, 2]), ...truth.projections.slice(1)]),
    TypeError,
    `${P}: projection 0 does not have orthonormal columns: |PᵀP − I| reaches 4.00e+0`,
  );
  throws(
    () => new Parafac2Tensor([1, 2, 3], [a, b, c], truth.projections),
    TypeError,
    `${P}: weights of shape [3] do not match rank 2`,
  );
  const R = "randomParafac2";
  throws(
    () => randomParafac2([], 2),
    TypeError,
    `${R}: shapes must be a non-empty array of [rows, columns] pairs`,
  );
  throws(
    () => randomParafac2([[4, 3]], 0),
    RangeError,
    `${R}: rank must be a positive integer, got 0`,
  );
  throws(
    () => randomParafac2([[4, 3], [4]], 2),
    TypeError,
    `${R}: shape 1 must be [rows, columns], got 4`,
  );
  throws(
    () => randomParafac2([[4, 3], [4, 2]], 2),
    TypeError,
    `${R}: every slice must have 3 columns, shape 1 is [4,2]`,
  );
  throws(
    () => randomParafac2([[4, 3], [1, 3]], 2),
    RangeError,
    `${R}: shape 1 has 1 rows, fewer than rank 2`,
  );
});
