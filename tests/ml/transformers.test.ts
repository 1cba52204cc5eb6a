// QuantileTransformer, PowerTransformer, KBinsDiscretizer, PolynomialFeatures and SimpleImputer:
// properties (fast-check), PowerTransformer's transforms for scikit-learn's own lambdas, and
// every error path. scikit-learn's numbers are checked in sklearn_fixtures.test.ts.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { argpartition } from "../../src/ml/_argpartition.ts";
import {
  boxCox,
  boxCoxInverse,
  yeoJohnson,
  yeoJohnsonInverse,
} from "../../src/ml/_power_functions.ts";

const ml = nd.ml;
// deno-lint-ignore no-explicit-any
const throwsWith = (f: () => unknown, cls: new (...a: any[]) => Error, msg: string) =>
  assert.throws(f, (e: unknown) => {
    assert(e instanceof cls, `expected ${cls.name}, got ${e}`);
    assert.equal((e as Error).message, msg);
    return true;
  });
const notFitted = (name: string) =>
  `This ${name} instance is not fitted yet: call 'fit' with appropriate arguments before ` +
  `using this estimator`;
const DIR = new URL("../fixtures/ml/", import.meta.url).pathname;

/** Distinct values (no ties) on a 1/64 grid in ±1000, 2..40 rows × 1..4 columns. */
const distinct = fc.tuple(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 4 }))
  .chain(([r, c]) =>
    fc.uniqueArray(fc.integer({ min: -64_000, max: 64_000 }), {
      minLength: r * c,
      maxLength: r * c,
    }).map((v) => nd.array(v.map((i) => i / 64)).reshape([r, c]) as nd.NDArray<"float64">)
  );

/** Moderate data for the power transforms: 8..40 rows of distinct values in ±10. */
const moderate = fc.tuple(fc.integer({ min: 8, max: 40 }), fc.integer({ min: 1, max: 3 }))
  .chain(([r, c]) =>
    fc.uniqueArray(fc.integer({ min: -640, max: 640 }), { minLength: r * c, maxLength: r * c })
      .map((v) => nd.array(v.map((i) => i / 64)).reshape([r, c]) as nd.NDArray<"float64">)
  );

const col = (a: nd.NDArray, j: number) => (a.toArray() as number[][]).map((r) => r[j]);

Deno.test("QuantileTransformer properties (fast-check)", async (t) => {
  await t.step("monotone per feature, into [0, 1], and invertible on the training data", () => {
    fc.assert(
      fc.property(distinct, (x) => {
        const qt = new ml.QuantileTransformer({ nQuantiles: x.shape[0] });
        const u = qt.fitTransform(x);
        assert.equal(qt.nQuantiles, x.shape[0]);
        for (let j = 0; j < x.shape[1]; j++) {
          const xs = col(x, j), us = col(u, j);
          for (let i = 0; i < xs.length; i++) {
            assert(us[i] >= 0 && us[i] <= 1);
            for (let k = 0; k < xs.length; k++) if (xs[i] < xs[k]) assert(us[i] <= us[k]);
          }
        }
        nd.testing.assertAllClose(qt.inverseTransform(u), x, { rtol: 1e-9, atol: 1e-9 });
      }),
      { numRuns: 100 },
    );
  });
  await t.step("normal output is clipped and NaN passes through", () => {
    const qt = new ml.QuantileTransformer({ nQuantiles: 4, outputDistribution: "normal" });
    qt.fit([[0], [1], [2], [3]]);
    const z = qt.transform([[-10], [1.5], [10], [NaN]]).toArray() as number[][];
    nd.testing.assertAllClose(z[0][0], -5.199337582605575, { rtol: 1e-14 });
    nd.testing.assertAllClose(z[1][0], 0, { atol: 1e-15 });
    nd.testing.assertAllClose(z[2][0], 5.19933758270342, { rtol: 1e-14 });
    assert(Number.isNaN(z[3][0]));
  });
  await t.step("subsampling draws from the given RandomState", () => {
    const x = nd.random.defaultRng(1).normal(0, 1, { size: [50, 2] });
    const a = new ml.QuantileTransformer({ nQuantiles: 5, subsample: 10, randomState: 3 }).fit(x);
    const b = new ml.QuantileTransformer({
      nQuantiles: 5,
      subsample: 10,
      randomState: new nd.random.RandomState(3),
    }).fit(x);
    nd.testing.assertArrayEqual(a.quantiles, b.quantiles);
    nd.random.seed(3);
    const c = new ml.QuantileTransformer({ nQuantiles: 5, subsample: 10 }).fit(x);
    nd.testing.assertArrayEqual(a.quantiles, c.quantiles);
  });
});

Deno.test("QuantileTransformer errors", () => {
  const Q = ml.QuantileTransformer;
  throwsWith(
    () => new Q({ nQuantiles: 1.5 }),
    TypeError,
    "QuantileTransformer: nQuantiles must be an integer, got 1.5",
  );
  throwsWith(
    () => new Q({ nQuantiles: 0 }),
    RangeError,
    "QuantileTransformer: nQuantiles must be ≥ 1, got 0",
  );
  throwsWith(
    () => new Q({ nQuantiles: 100, subsample: 50 }),
    RangeError,
    "QuantileTransformer: the number of quantiles cannot be greater than the number of " +
      "samples used: got 100 quantiles and 50 samples",
  );
  throwsWith(
    () => new Q({ outputDistribution: "gauss" as "normal" }),
    RangeError,
    'QuantileTransformer: outputDistribution must be one of "uniform", "normal", got "gauss"',
  );
  throwsWith(
    () => new Q({ randomState: 1.5 }),
    TypeError,
    "QuantileTransformer: randomState must be an integer seed in [0, 2**32), an " +
      "nd.random.RandomState or null, got 1.5",
  );
  const q = new Q();
  throwsWith(() => q.transform([[1]]), nd.ml.NotFittedError, notFitted("QuantileTransformer"));
  throwsWith(() => q.quantiles, nd.ml.NotFittedError, notFitted("QuantileTransformer"));
  throwsWith(
    () => q.fit([[1], [Infinity]]),
    RangeError,
    "QuantileTransformer: input X contains infinity or a value too large for float64",
  );
  q.fit([[1, 2], [3, 4]]);
  throwsWith(
    () => q.inverseTransform([[1]]),
    TypeError,
    "X has 1 features, but QuantileTransformer is expecting 2 features as input",
  );
});

Deno.test("PowerTransformer", async (t) => {
  const f = nd.load(`${DIR}power_yj_raw.npz`) as Record<string, nd.NDArray>;
  const g = nd.load(`${DIR}power_bc_raw.npz`) as Record<string, nd.NDArray>;
  const inputs = nd.load(`${DIR}inputs.npz`) as Record<string, nd.NDArray>;
  await t.step("transforms with scikit-learn's lambdas equal scikit-learn's to 1e-10", () => {
    for (
      const [fx, test, fwd, inv] of [
        [f, inputs.sk_test, yeoJohnson, yeoJohnsonInverse],
        [g, inputs.pos_test, boxCox, boxCoxInverse],
      ] as const
    ) {
      const l = fx.attr_lambdas.data as Float64Array;
      const x = test.data as Float64Array, c = l.length;
      const out = x.map((v, k) => fwd(v, l[k % c]));
      nd.testing.assertAllClose(nd.array(out).reshape(test.shape), fx.transform_test, {
        rtol: 1e-10,
        atol: 1e-12,
      });
      const t2 = fx.transform_test.data as Float64Array;
      const back = t2.map((v, k) => inv(v, l[k % c]));
      nd.testing.assertAllClose(nd.array(back).reshape(test.shape), fx.inverse_test, {
        rtol: 1e-10,
        atol: 1e-12,
      });
    }
  });
  await t.step("the special lambdas 0 and 2 use logarithms", () => {
    assert.equal(yeoJohnson(3, 0), Math.log1p(3));
    assert.equal(yeoJohnson(-3, 2), -Math.log1p(3));
    assert.equal(yeoJohnsonInverse(Math.log1p(3), 0), Math.exp(Math.log1p(3)) - 1);
    assert.equal(yeoJohnsonInverse(-2, 2), 1 - Math.exp(2));
    assert.equal(boxCox(5, 0), Math.log(5));
    assert.equal(boxCoxInverse(Math.log(5), 0), Math.exp(Math.log(5)));
  });
  await t.step("inverseTransform undoes transform (fast-check)", () => {
    fc.assert(
      fc.property(moderate, fc.boolean(), (x, standardize) => {
        const yj = new ml.PowerTransformer({ standardize }).fit(x);
        nd.testing.assertAllClose(yj.inverseTransform(yj.transform(x)), x, {
          rtol: 1e-6,
          atol: 1e-6,
        });
        const pos = nd.add(nd.abs(x), 1);
        const bc = new ml.PowerTransformer({ method: "box-cox", standardize }).fit(pos);
        nd.testing.assertAllClose(bc.inverseTransform(bc.transform(pos)), pos, {
          rtol: 1e-6,
          atol: 1e-6,
        });
      }),
      { numRuns: 60 },
    );
  });
  await t.step("standardize gives zero mean and unit variance; NaN passes through", () => {
    const x = nd.array([[1, 2], [3, NaN], [4, 5], [10, 1]]);
    const pt = new ml.PowerTransformer();
    const z = pt.fitTransform(x);
    const c0 = col(z, 0);
    nd.testing.assertAllClose(c0.reduce((a, b) => a + b) / 4, 0, { atol: 1e-12 });
    assert(Number.isNaN(col(z, 1)[1]));
    nd.testing.assertAllClose(pt.transform(x), z, { rtol: 1e-14 });
  });
  await t.step("errors", () => {
    throwsWith(
      () => new ml.PowerTransformer({ method: "log" as "box-cox" }),
      RangeError,
      'PowerTransformer: method must be one of "yeo-johnson", "box-cox", got "log"',
    );
    const bc = new ml.PowerTransformer({ method: "box-cox" });
    throwsWith(() => bc.lambdas, nd.ml.NotFittedError, notFitted("PowerTransformer"));
    throwsWith(
      () => bc.fit([[1], [0]]),
      RangeError,
      "PowerTransformer: the Box-Cox transformation can only be applied to strictly positive " +
        "data: found 0",
    );
    throwsWith(
      () => bc.fit([[1, 2], [1, 3]]),
      RangeError,
      "PowerTransformer: the Box-Cox transformation needs non-constant data: feature 0 is " +
        "constant (1)",
    );
    bc.fit([[1, 2], [2, 3], [4, 9]]);
    throwsWith(
      () => bc.transform([[1, -2]]),
      RangeError,
      "PowerTransformer: the Box-Cox transformation can only be applied to strictly positive " +
        "data: found -2",
    );
    bc.inverseTransform([[1, -2]]); // no positivity check on the way back
    throwsWith(
      () => bc.transform([[1]]),
      TypeError,
      "X has 1 features, but PowerTransformer is expecting 2 features as input",
    );
    throwsWith(
      () => new ml.PowerTransformer().fit([[Infinity]]),
      RangeError,
      "PowerTransformer: input X contains infinity or a value too large for float64",
    );
  });
});

Deno.test("KBinsDiscretizer", async (t) => {
  await t.step("bins are in range, monotone, and one-hot rows hold one 1 per feature", () => {
    fc.assert(
      fc.property(
        distinct,
        fc.integer({ min: 2, max: 6 }),
        fc.constantFrom("uniform", "quantile", "kmeans") as fc.Arbitrary<
          "uniform" | "quantile" | "kmeans"
        >,
        (x, nBins, strategy) => {
          fc.pre(strategy !== "kmeans" || x.shape[0] >= nBins);
          const ord = new ml.KBinsDiscretizer({ nBins, strategy, encode: "ordinal" });
          const b = ord.fitTransform(x);
          const counts = ord.nBins.toArray() as bigint[];
          for (let j = 0; j < x.shape[1]; j++) {
            const xs = col(x, j), bs = col(b, j);
            bs.forEach((v) => assert(v >= 0 && v < Number(counts[j]) && Number.isInteger(v)));
            for (let i = 0; i < xs.length; i++) {
              for (let k = 0; k < xs.length; k++) if (xs[i] < xs[k]) assert(bs[i] <= bs[k]);
            }
          }
          const hot = new ml.KBinsDiscretizer({ nBins, strategy }).fitTransform(x);
          (hot.sum({ axis: 1 }).toArray() as number[]).forEach((s) => assert.equal(s, x.shape[1]));
          const back = ord.inverseTransform(b);
          assert.deepEqual(back.shape, x.shape);
        },
      ),
      { numRuns: 100 },
    );
  });
  await t.step("NumPy's argpartition, ties included (k-means' empty-cluster relocation)", () => {
    // np.argpartition(v, k) from NumPy 1.24
    const cases: [number[], number, number[]][] = [
      [[1, 1, 3, 2, 2, 3, 1, 2, 2, 2, 1, 2, 2, 0, 3], 14, [
        0,
        1,
        2,
        3,
        4,
        5,
        6,
        7,
        8,
        9,
        10,
        11,
        12,
        13,
        14,
      ]],
      [[3, 3, 1, 0, 1, 3, 0], 3, [3, 6, 4, 2, 1, 5, 0]],
      [[-0.8, -1.3, -0.4, 1, -0.6, -0.8, -0.4, 1.8, 0.4, 0.5, 0.8, 0.3, 0.4, -0, -0.7], 3, [
        5,
        0,
        1,
        14,
        4,
        3,
        6,
        2,
        8,
        9,
        10,
        11,
        12,
        13,
        7,
      ]],
      [[3, 3, 0, 3, 0, 1, 3, 0, 3, 2, 1, 0, 2, 2, 0, 1], 8, [
        10,
        7,
        2,
        14,
        4,
        11,
        15,
        5,
        9,
        12,
        3,
        13,
        1,
        8,
        6,
        0,
      ]],
    ];
    for (const [v, k, expected] of cases) {
      assert.deepEqual(Array.from(argpartition(Float64Array.from(v), k)), expected);
    }
  });
  await t.step("an empty k-means cluster takes the last of the farthest points, as NumPy", () => {
    // uniform initial centers leave the middle cluster empty; the two extreme points are
    // exactly as far from their centers, and scikit-learn moves the later one (index 3)
    const x = [
      [-1.2633093037509249],
      [-0.7599758092537459],
      [-0.40746115872131494],
      [
        1.9669576425553545,
      ],
      [0.04147104197779453],
      [0.19127737443546064],
      [1.3643586011127329],
      [1.3714858169077782],
      [
        -0.3093587826779222,
      ],
    ];
    const k = new ml.KBinsDiscretizer({ nBins: 5, strategy: "kmeans", encode: "ordinal" }).fit(x);
    nd.testing.assertAllClose(k.binEdges[0], [
      -1.2633093037509249,
      -0.685026263600977,
      -0.12101788124649548,
      0.7421482086084417,
      1.667439925782805,
      1.9669576425553545,
    ], { rtol: 1e-14 });
  });
  await t.step("a constant feature gets one bin; float32 output", () => {
    const k = new ml.KBinsDiscretizer({ nBins: 3, encode: "ordinal", dtype: "float32" });
    const z = k.fitTransform([[1, 5], [2, 5], [3, 5]]);
    assert.equal(z.dtype, "float32");
    assert.deepEqual(k.binEdges[1].toArray(), [-Infinity, Infinity]);
    assert.deepEqual(k.nBins.toArray(), [3n, 1n]);
  });
  await t.step("errors", () => {
    const K = ml.KBinsDiscretizer;
    throwsWith(
      () => new K({ nBins: [2, 1, 3.5] }),
      RangeError,
      "KBinsDiscretizer: received an invalid number of bins at indices 1, 2: the number of " +
        "bins must be an integer of at least 2",
    );
    throwsWith(() => new K({ nBins: 1 }), RangeError, "KBinsDiscretizer: nBins must be ≥ 2, got 1");
    throwsWith(
      () => new K({ encode: "onehot" as "ordinal" }),
      RangeError,
      'KBinsDiscretizer: encode "onehot" (a sparse matrix in scikit-learn) is not available: ' +
        'use "onehot-dense" or "ordinal"',
    );
    throwsWith(
      () => new K({ strategy: "median" as "uniform" }),
      RangeError,
      'KBinsDiscretizer: strategy must be one of "uniform", "quantile", "kmeans", got "median"',
    );
    throwsWith(
      () => new K({ strategy: "uniform", subsample: 10 }),
      RangeError,
      'KBinsDiscretizer: subsample must be used with strategy "quantile", got strategy ' +
        '"uniform"',
    );
    const k = new K({ nBins: [2, 3] });
    throwsWith(() => k.binEdges, nd.ml.NotFittedError, notFitted("KBinsDiscretizer"));
    throwsWith(
      () => k.fit([[1, 2, 3], [4, 5, 6]]),
      TypeError,
      "KBinsDiscretizer: nBins must be a number or an array of one number per feature (3), " +
        "got [2, 3]",
    );
    throwsWith(
      () => k.fit([[1, NaN], [2, 3]]),
      RangeError,
      "KBinsDiscretizer: input X contains NaN: KBinsDiscretizer does not accept missing " +
        "values encoded as NaN; impute them first (nd.ml.SimpleImputer) or drop those samples",
    );
    k.fit([[0, 0], [1, 1], [2, 2], [3, 3]]);
    throwsWith(
      () => k.inverseTransform([[1, 0, 0]]),
      TypeError,
      "KBinsDiscretizer: incorrect number of features: expecting 5, received 3",
    );
    throwsWith(
      () => k.inverseTransform([[0, 0, 1, 0, 0]]),
      RangeError,
      "KBinsDiscretizer: sample 0 cannot be inverted because feature 0 is all zeros",
    );
    throwsWith(
      () => new K({ nBins: 4, strategy: "kmeans" }).fit([[0], [1], [2]]),
      RangeError,
      "KBinsDiscretizer: the kmeans strategy needs at least as many samples as bins: feature 0 " +
        "has 3 samples for 4 bins",
    );
    const o = new K({ nBins: 2, encode: "ordinal" }).fit([[0], [1], [2]]);
    throwsWith(
      () => o.inverseTransform([[2]]),
      RangeError,
      "KBinsDiscretizer: bin 2 of feature 0 at row 0 is out of range (0 to 1)",
    );
  });
});

Deno.test("PolynomialFeatures", async (t) => {
  await t.step("output sizes and degree-1 identity (fast-check)", () => {
    const binom = (n: number, k: number) => {
      let r = 1;
      for (let i = 1; i <= k; i++) r = r * (n - k + i) / i;
      return Math.round(r);
    };
    fc.assert(
      fc.property(distinct, fc.integer({ min: 1, max: 4 }), fc.boolean(), (x, d, inter) => {
        const n = x.shape[1];
        const p = new ml.PolynomialFeatures({ degree: d, interactionOnly: inter });
        const z = p.fitTransform(x);
        let expected = 0;
        for (let k = 0; k <= d; k++) {
          expected += inter ? (k <= n ? binom(n, k) : 0) : binom(n + k - 1, k);
        }
        assert.equal(p.nOutputFeatures, expected);
        assert.equal(z.shape[1], expected);
        assert.deepEqual(p.getFeatureNamesOut().length, expected);
        const lin = new ml.PolynomialFeatures({ degree: 1, includeBias: false });
        nd.testing.assertArrayEqual(lin.fitTransform(x), x);
      }),
      { numRuns: 100 },
    );
  });
  await t.step("names with given feature names, and powers", () => {
    const p = new ml.PolynomialFeatures({ degree: [2, 3], includeBias: false }).fit([[1, 2]]);
    assert.deepEqual(p.getFeatureNamesOut(["a", "b"]), [
      "a^2",
      "a b",
      "b^2",
      "a^3",
      "a^2 b",
      "a b^2",
      "b^3",
    ]);
    assert.deepEqual(p.powers.toArray(), [[2n, 0n], [1n, 1n], [0n, 2n], [3n, 0n], [2n, 1n], [
      1n,
      2n,
    ], [0n, 3n]]);
  });
  await t.step("errors", () => {
    const P = ml.PolynomialFeatures;
    throwsWith(
      () => new P({ degree: -1 }),
      RangeError,
      "PolynomialFeatures: degree must be a non-negative integer or a pair [minDegree, " +
        "maxDegree], got -1",
    );
    throwsWith(
      () => new P({ degree: [3, 2] }),
      RangeError,
      "PolynomialFeatures: degree [minDegree, maxDegree] must be non-negative integers with " +
        "minDegree <= maxDegree, got [3, 2]",
    );
    throwsWith(
      () => new P({ degree: "2" as unknown as number }),
      TypeError,
      "PolynomialFeatures: degree must be a non-negative integer or a pair [minDegree, " +
        'maxDegree], got "2"',
    );
    throwsWith(
      () => new P({ degree: 0, includeBias: false }),
      RangeError,
      "PolynomialFeatures: setting degree to zero and includeBias to false would result in an " +
        "empty output array",
    );
    const p = new P();
    throwsWith(() => p.powers, nd.ml.NotFittedError, notFitted("PolynomialFeatures"));
    p.fit([[1, 2]]);
    throwsWith(
      () => p.getFeatureNamesOut(["a"]),
      TypeError,
      "PolynomialFeatures: inputFeatures should have length 2, got 1",
    );
    throwsWith(
      () => p.transform([[1, NaN]]),
      RangeError,
      "PolynomialFeatures: input X contains NaN: PolynomialFeatures does not accept missing " +
        "values encoded as NaN; impute them first (nd.ml.SimpleImputer) or drop those samples",
    );
  });
});

Deno.test("SimpleImputer", async (t) => {
  await t.step("no missing value is left and observed values are kept (fast-check)", () => {
    fc.assert(
      fc.property(
        distinct,
        fc.constantFrom("mean", "median", "most_frequent", "constant") as fc.Arbitrary<
          nd.ml.ImputeStrategy
        >,
        fc.integer({ min: 0, max: 1000 }),
        (x0, strategy, seed) => {
          const v = x0.toArray() as number[][];
          const rng = nd.random.defaultRng(seed);
          const holes = v.map((r) => r.map(() => (rng.random() as number) < 0.3));
          holes[0] = holes[0].map(() => false); // every feature keeps an observed value
          const x = nd.array(v.map((r, i) => r.map((c, j) => holes[i][j] ? NaN : c)));
          const imp = new ml.SimpleImputer({
            strategy,
            fillValue: strategy === "constant" ? 7 : null,
          });
          const z = imp.fitTransform(x).toArray() as number[][];
          z.forEach((r, i) =>
            r.forEach((c, j) => {
              assert(!Number.isNaN(c));
              if (!holes[i][j]) assert.equal(c, v[i][j]);
              else assert.equal(c, (imp.statistics.toArray() as number[])[j]);
            })
          );
        },
      ),
      { numRuns: 100 },
    );
  });
  await t.step("most_frequent takes the smallest of ties", () => {
    const imp = new ml.SimpleImputer({ strategy: "most_frequent" }).fit([[3], [1], [3], [1], [
      NaN,
    ]]);
    assert.deepEqual(imp.statistics.toArray(), [1]);
  });
  await t.step("an indicator round trip", () => {
    const x = nd.array([[1, NaN, 3], [NaN, 5, 6], [7, 8, NaN]]);
    const imp = new ml.SimpleImputer({ addIndicator: true, strategy: "median" });
    const z = imp.fitTransform(x);
    assert.deepEqual(imp.indicatorFeatures!.toArray(), [0n, 1n, 2n]);
    assert.deepEqual(z.shape, [3, 6]);
    nd.testing.assertArrayEqual(imp.inverseTransform(z), x);
    assert.equal(new ml.SimpleImputer().fit(x).indicatorFeatures, null);
  });
  await t.step("errors", () => {
    const S = ml.SimpleImputer;
    throwsWith(
      () => new S({ missingValues: Infinity }),
      TypeError,
      "SimpleImputer: missingValues must be NaN or a finite number, got Infinity",
    );
    throwsWith(
      () => new S({ strategy: "mode" as "mean" }),
      RangeError,
      'SimpleImputer: strategy must be one of "mean", "median", "most_frequent", "constant", ' +
        'got "mode"',
    );
    throwsWith(
      () => new S({ fillValue: "x" as unknown as number }),
      TypeError,
      "SimpleImputer: fillValue must be a number (or null for 0) when imputing numerical " +
        'data, got "x"',
    );
    throwsWith(
      () => new S({ missingValues: -1 }).fit([[1, NaN]]),
      RangeError,
      "SimpleImputer: input X contains NaN: SimpleImputer does not accept missing values " +
        "encoded as NaN; impute them first (nd.ml.SimpleImputer) or drop those samples",
    );
    throwsWith(
      () => new S().fit([[1, Infinity]]),
      RangeError,
      "SimpleImputer: input X contains infinity or a value too large for float64",
    );
    const s = new S();
    throwsWith(() => s.statistics, nd.ml.NotFittedError, notFitted("SimpleImputer"));
    s.fit([[1, 2]]);
    throwsWith(
      () => s.transform([[1]]),
      TypeError,
      "X has 1 features, but SimpleImputer is expecting 2 features as input",
    );
    throwsWith(
      () => s.inverseTransform([[1, 2]]),
      TypeError,
      "SimpleImputer: inverseTransform works only when SimpleImputer is built with " +
        "addIndicator: true",
    );
    const withInd = new S({ addIndicator: true }).fit([[1, NaN], [NaN, 2]]);
    throwsWith(
      () => withInd.inverseTransform([[1]]),
      TypeError,
      "SimpleImputer: X has 1 columns, fewer than the 2 indicator columns",
    );
  });
});
