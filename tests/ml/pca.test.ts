// PCA: properties on both linear-algebra backends (orthonormal components, variances, inverse
// of a full-rank projection, whitening, randomized vs full), and every error path.
// scikit-learn's numbers are checked in sklearn_fixtures.test.ts.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";

const ml = nd.ml;
// deno-lint-ignore no-explicit-any
const throwsWith = (f: () => unknown, cls: new (...a: any[]) => Error, msg: string) =>
  assert.throws(f, (e: unknown) => {
    assert(e instanceof cls, `expected ${cls.name}, got ${e}`);
    assert.equal((e as Error).message, msg);
    return true;
  });

/** Runs `f` with each backend nd can use here (TypeScript, and BLAS when it loads). */
function onBackends(f: (name: string) => void): void {
  const prev = nd.backend.info();
  try {
    nd.backend.use("ts");
    f("ts");
    if (prev.name === "blas") {
      nd.backend.use("blas", { path: prev.library ?? undefined });
      f("blas");
    }
  } finally {
    if (prev.name === "blas") nd.backend.use("blas", { path: prev.library ?? undefined });
    else nd.backend.use("ts");
  }
}

/** Data with well-separated variances: rows × cols, seeded. */
function data(rows: number, cols: number, seed: number): nd.NDArray<"float64"> {
  const rng = nd.random.defaultRng(seed);
  const scales = nd.array(Array.from({ length: cols }, (_, j) => 2 ** (cols - j)));
  return nd.add(nd.multiply(rng.standardNormal({ size: [rows, cols] }), scales), 3) as nd.NDArray<
    "float64"
  >;
}

Deno.test("PCA properties", async (t) => {
  await t.step("orthonormal components, sorted variances, exact inverse at full rank", () => {
    onBackends(() => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 30 }),
          fc.integer({ min: 1, max: 6 }),
          fc.integer({ min: 0, max: 1000 }),
          (rows, cols, seed) => {
            const x = data(rows, cols, seed);
            const pca = new ml.PCA().fit(x);
            const k = Math.min(rows, cols);
            assert.equal(pca.nComponents, k);
            const c = pca.components;
            nd.testing.assertAllClose(nd.matmul(c, c.T), nd.eye(k), { atol: 1e-10 });
            const ev = pca.explainedVariance.toArray() as number[];
            for (let i = 1; i < ev.length; i++) assert(ev[i] <= ev[i - 1] * (1 + 1e-12));
            nd.testing.assertAllClose(pca.explainedVarianceRatio.sum(), 1, { rtol: 1e-12 });
            const z = pca.transform(x);
            nd.testing.assertAllClose(pca.fitTransform(x), z, { rtol: 1e-8, atol: 1e-8 });
            if (rows > cols) {
              nd.testing.assertAllClose(pca.inverseTransform(z), x, { rtol: 1e-9, atol: 1e-9 });
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  });
  await t.step("whitened projections have unit variance", () => {
    const x = data(200, 5, 1);
    const pca = new ml.PCA({ nComponents: 3, whiten: true });
    const z = pca.fitTransform(x);
    nd.testing.assertAllClose(nd.var(z, { axis: 0, ddof: 1 }), [1, 1, 1], { rtol: 1e-10 });
    nd.testing.assertAllClose(pca.transform(x), z, { rtol: 1e-9, atol: 1e-9 });
    const back = pca.inverseTransform(z);
    const plain = new ml.PCA({ nComponents: 3 }).fit(x);
    nd.testing.assertAllClose(back, plain.inverseTransform(plain.transform(x)), {
      rtol: 1e-9,
      atol: 1e-9,
    });
  });
  await t.step("a fractional nComponents keeps enough components to pass it", () => {
    const x = data(100, 6, 2);
    const full = new ml.PCA().fit(x);
    const ratios = full.explainedVarianceRatio.toArray() as number[];
    const pca = new ml.PCA({ nComponents: 0.95 }).fit(x);
    let acc = 0, need = 0;
    while (acc <= 0.95) acc += ratios[need++];
    assert.equal(pca.nComponents, need);
    assert.equal(pca.getParams().nComponents, 0.95);
    nd.testing.assertAllClose(
      pca.noiseVariance,
      ratios.slice(need).reduce((a, b) => a + b, 0) / (6 - need) *
        (full.explainedVariance.sum().item() as number) /
        (full.explainedVarianceRatio.sum().item() as number),
      { rtol: 1e-10 },
    );
  });
  await t.step("randomized agrees with full on separated spectra, on both backends", () => {
    const x = data(600, 12, 3);
    const results: nd.NDArray[] = [];
    onBackends(() => {
      const r = new ml.PCA({ nComponents: 4, svdSolver: "randomized", randomState: 0 }).fit(x);
      const f = new ml.PCA({ nComponents: 4, svdSolver: "full" }).fit(x);
      nd.testing.assertAllClose(r.explainedVariance, f.explainedVariance, { rtol: 1e-8 });
      nd.testing.assertAllClose(r.components, f.components, { atol: 1e-6 });
      results.push(r.components);
      const auto = new ml.PCA({ nComponents: 4, randomState: 0 }).fit(x); // > 500 rows
      nd.testing.assertArrayEqual(auto.components, r.components);
    });
    if (results.length === 2) {
      nd.testing.assertAllClose(results[0], results[1], { rtol: 1e-10, atol: 1e-12 });
    }
  });
  await t.step("wide data (more features than samples) and nComponents 0", () => {
    const x = data(8, 600, 4);
    const r = new ml.PCA({ nComponents: 3, randomState: 1 }).fit(x);
    const f = new ml.PCA({ nComponents: 3, svdSolver: "full" }).fit(x);
    nd.testing.assertAllClose(r.singularValues, f.singularValues, { rtol: 1e-6 });
    const zero = new ml.PCA({ nComponents: 0, svdSolver: "full" }).fit(data(5, 3, 5));
    assert.deepEqual(zero.components.shape, [0, 3]);
    assert.deepEqual(zero.transform(data(2, 3, 6)).shape, [2, 0]);
  });
});

Deno.test("PCA errors", () => {
  const P = ml.PCA;
  throwsWith(
    () => new P({ nComponents: 1.5 }),
    RangeError,
    "PCA: nComponents must be a non-negative integer or a fraction in (0, 1), got 1.5",
  );
  throwsWith(
    () => new P({ nComponents: "mle" as unknown as number }),
    TypeError,
    'PCA: nComponents must be a number or null, got "mle"',
  );
  throwsWith(
    () => new P({ svdSolver: "arpack" as "full" }),
    RangeError,
    'PCA: svdSolver must be one of "auto", "full", "randomized", got "arpack"',
  );
  throwsWith(
    () => new P({ iteratedPower: -1 }),
    RangeError,
    "PCA: iteratedPower must be ≥ 0, got -1",
  );
  throwsWith(() => new P({ nOversamples: 0 }), RangeError, "PCA: nOversamples must be ≥ 1, got 0");
  throwsWith(
    () => new P({ powerIterationNormalizer: "SVD" as "QR" }),
    RangeError,
    'PCA: powerIterationNormalizer must be one of "auto", "QR", "LU", "none", got "SVD"',
  );
  throwsWith(
    () => new P({ nComponents: 5 }).fit(data(4, 3, 0)),
    RangeError,
    'PCA: nComponents=5 must be between 0 and min(nSamples, nFeatures)=3 with svdSolver "full"',
  );
  throwsWith(
    () => new P({ nComponents: 0.5, svdSolver: "randomized" }).fit(data(4, 3, 0)),
    RangeError,
    "PCA: nComponents=0.5 must be an integer between 1 and min(nSamples, nFeatures)=3 with " +
      'svdSolver "randomized"',
  );
  throwsWith(
    () => new P().fit([[1, NaN]]),
    RangeError,
    "PCA: input X contains NaN: PCA does not accept missing values encoded as NaN; impute " +
      "them first (nd.ml.SimpleImputer) or drop those samples",
  );
  const p = new P({ nComponents: 2 });
  for (const a of ["components", "explainedVariance", "mean", "noiseVariance", "nComponents"]) {
    throwsWith(
      () => (p as unknown as Record<string, unknown>)[a],
      nd.ml.NotFittedError,
      "This PCA instance is not fitted yet: call 'fit' with appropriate arguments before " +
        "using this estimator",
    );
  }
  p.fit(data(10, 4, 1));
  throwsWith(
    () => p.transform(data(2, 3, 1)),
    TypeError,
    "X has 3 features, but PCA is expecting 4 features as input",
  );
  throwsWith(
    () => p.inverseTransform(data(2, 3, 1)),
    TypeError,
    "PCA: X has 3 columns, but PCA has 2 components to invert",
  );
});
