// StandardScaler, MinMaxScaler, MaxAbsScaler, RobustScaler and Normalizer: properties
// (inverseTransform ∘ transform ≈ identity, partialFit over random chunks and over the chunks of
// a memmap == fit), in-place transforms, inputs of other dtypes, and every error path.
// scikit-learn's numbers are checked in sklearn_fixtures.test.ts.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";

const ml = nd.ml;
type Scaler =
  | nd.ml.StandardScaler
  | nd.ml.MinMaxScaler
  | nd.ml.MaxAbsScaler
  | nd.ml.RobustScaler;

// deno-lint-ignore no-explicit-any
const throwsWith = (f: () => unknown, cls: new (...a: any[]) => Error, msg: string) =>
  assert.throws(f, (e: unknown) => {
    assert(e instanceof cls, `expected ${cls.name}, got ${e}`);
    assert.equal((e as Error).message, msg);
    return true;
  });

/** Matrices of 1..30 rows × 1..5 columns, values on a 1/64 grid in ±1e3 (optionally NaN holes). */
const matrices = (nan: boolean) =>
  fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 5 })).chain(([r, c]) => {
    const value = fc.integer({ min: -64_000, max: 64_000 }).map((i) => i / 64);
    return fc.array(
      nan
        ? fc.oneof({ weight: 5, arbitrary: value }, { weight: 1, arbitrary: fc.constant(NaN) })
        : value,
      { minLength: r * c, maxLength: r * c },
    ).map((v) => nd.array(v).reshape([r, c]) as nd.NDArray<"float64">);
  });

const makers: [string, () => Scaler][] = [
  ["StandardScaler", () => new ml.StandardScaler()],
  ["StandardScaler (no mean)", () => new ml.StandardScaler({ withMean: false })],
  ["MinMaxScaler", () => new ml.MinMaxScaler({ featureRange: [-3, 2] })],
  ["MaxAbsScaler", () => new ml.MaxAbsScaler()],
  ["RobustScaler", () => new ml.RobustScaler({ quantileRange: [10, 80] })],
];

Deno.test("scalers: inverseTransform undoes transform (fast-check)", async (t) => {
  for (const [name, make] of makers) {
    await t.step(name, () => {
      fc.assert(
        fc.property(matrices(true), (x) => {
          const s = make();
          const z = s.fitTransform(x);
          assert.deepEqual(z.shape, x.shape);
          const back = s.inverseTransform(z);
          nd.testing.assertAllClose(back, x, { rtol: 1e-9, atol: 1e-9 });
        }),
        { numRuns: 150 },
      );
    });
  }
});

/** Random cut points splitting `rows` rows into chunks. */
const cuts = (rows: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, rows - 1) }), { maxLength: 6 })
    .map((c) => [0, ...c.filter((v) => v < rows).sort((a, b) => a - b), rows]);

type Partial = nd.ml.StandardScaler | nd.ml.MinMaxScaler | nd.ml.MaxAbsScaler;
const partials: [string, () => Partial, (s: Partial) => (nd.NDArray | null | number)[]][] = [
  ["StandardScaler", () => new ml.StandardScaler(), (s) => {
    const t = s as nd.ml.StandardScaler;
    return [t.mean, t.var, t.scale];
  }],
  ["MinMaxScaler", () => new ml.MinMaxScaler(), (s) => {
    const t = s as nd.ml.MinMaxScaler;
    return [t.dataMin, t.dataMax, t.scale, t.min, t.nSamplesSeen];
  }],
  ["MaxAbsScaler", () => new ml.MaxAbsScaler(), (s) => {
    const t = s as nd.ml.MaxAbsScaler;
    return [t.maxAbs, t.scale, t.nSamplesSeen];
  }],
];

function sameStats(a: (nd.NDArray | null | number)[], b: (nd.NDArray | null | number)[]) {
  a.forEach((v, i) => {
    if (v === null || typeof v === "number") assert.equal(v, b[i]);
    else nd.testing.assertAllClose(v, b[i] as nd.NDArray, { rtol: 1e-9, atol: 1e-12 });
  });
}

Deno.test("scalers: partialFit over random chunks equals fit (fast-check)", async (t) => {
  for (const [name, make, stats] of partials) {
    await t.step(name, () => {
      fc.assert(
        fc.property(matrices(true).chain((x) => fc.tuple(fc.constant(x), cuts(x.shape[0]))), (
          [x, cut],
        ) => {
          // a chunk where a feature is all NaN makes its statistics NaN, as in scikit-learn
          const v = x.toArray() as number[][];
          for (let i = 0; i + 1 < cut.length; i++) {
            const rows = v.slice(cut[i], cut[i + 1]);
            fc.pre(rows[0].every((_, j) => rows.some((r) => !Number.isNaN(r[j]))));
          }
          const whole = make().fit(x);
          const parts = make();
          for (let i = 0; i + 1 < cut.length; i++) {
            assert.equal(parts.partialFit(x.slice(`${cut[i]}:${cut[i + 1]}`)), parts);
          }
          sameStats(stats(parts), stats(whole));
          nd.testing.assertAllClose(parts.transform(x), whole.transform(x), {
            rtol: 1e-8,
            atol: 1e-9,
          });
        }),
        { numRuns: 150 },
      );
    });
  }
  await t.step("StandardScaler's per-feature sample counts with NaNs", () => {
    const x = nd.array([[1, NaN], [2, 3], [NaN, NaN], [4, 5]]);
    const s = new ml.StandardScaler().partialFit(x.slice("0:2")).partialFit(x.slice("2:"));
    nd.testing.assertArrayEqual(s.nSamplesSeen as nd.NDArray, nd.array([3n, 2n]));
    nd.testing.assertArrayEqual(s.mean!, nd.array([7 / 3, 4]));
    const t2 = new ml.StandardScaler().fit(nd.array([[1], [2]]));
    assert.equal(t2.nSamplesSeen, 2);
  });
  await t.step("fit forgets earlier partialFit calls", () => {
    const s = new ml.StandardScaler().partialFit([[100, 100]]).fit([[1, 2], [3, 4]]);
    nd.testing.assertArrayEqual(s.mean!, nd.array([2, 3]));
    assert.equal(s.nSamplesSeen, 2);
  });
});

Deno.test("scalers: partialFit over the chunks of a memmap equals fit on the whole", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = `${dir}/x.npy` as const;
    const rng = nd.random.defaultRng(7);
    const x = rng.normal(3, 2, { size: [10_007, 6] });
    nd.save(path, x);
    const mm = nd.load(path, { mmapMode: "r" });
    for (const [, make, stats] of partials) {
      const parts = make();
      for (const chunk of nd.io.chunks(mm, { size: 1000 })) parts.partialFit(chunk);
      const whole = make().fit(x);
      sameStats(stats(parts), stats(whole));
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("scalers: inputs, outputs and copy", async (t) => {
  await t.step("integer and strided inputs give float64, float32 stays float32 (sklearn)", () => {
    const ints = nd.array([[1, 2], [3, 6]], { dtype: "int32" });
    const s = new ml.StandardScaler().fit(ints);
    nd.testing.assertArrayEqual(s.mean!, nd.array([2, 4]));
    assert.equal(s.transform(ints).dtype, "float64");
    const f32 = nd.array([[1, 2], [3, 6]], { dtype: "float32" });
    assert.equal(s.transform(f32).dtype, "float32");
    nd.testing.assertArrayEqual(s.transform(f32), s.transform(ints).astype("float32"));
    const t = nd.array([[1, 3], [2, 6]]).T; // a transposed (F-ordered) view
    nd.testing.assertArrayEqual(s.transform(t), s.transform(ints));
    const big = nd.array([[1n, 2n], [3n, 6n]], { dtype: "int64" });
    nd.testing.assertArrayEqual(
      new ml.MinMaxScaler().fitTransform(big),
      nd.array([[0, 0], [1, 1]]),
    );
  });
  await t.step("copy: false transforms a float64 C-contiguous array in place", () => {
    const x = nd.array([[1, 10], [3, 30]], { dtype: "float64" });
    const s = new ml.StandardScaler({ copy: false }).fit(x);
    const z = s.transform(x);
    assert.equal(z, x);
    nd.testing.assertArrayEqual(x, nd.array([[-1, -1], [1, 1]]));
    assert.equal(s.inverseTransform(x), x);
    nd.testing.assertArrayEqual(x, nd.array([[1, 10], [3, 30]]));
    const ints = nd.array([[1, 10], [3, 30]], { dtype: "int32" });
    assert.notEqual(s.transform(ints), ints); // other inputs are copied anyway
    const copied = new ml.MinMaxScaler().fit(x);
    assert.notEqual(copied.transform(x), x);
  });
  await t.step("NaN is kept by transform; a constant feature gets scale 1", () => {
    const x = nd.array([[1, 5, NaN], [3, 5, 2], [5, 5, 4]]);
    const s = new ml.StandardScaler().fit(x);
    nd.testing.assertArrayEqual(s.scale!.slice("1:2"), nd.array([1]));
    const z = s.transform(x).toArray() as number[][];
    assert(Number.isNaN(z[0][2]));
    assert.deepEqual(z.map((r) => r[1]), [0, 0, 0]);
    const m = new ml.MinMaxScaler().fit(x);
    nd.testing.assertArrayEqual(m.dataRange, nd.array([4, 0, 2]));
    nd.testing.assertArrayEqual(m.scale, nd.array([0.25, 1, 0.5]));
  });
  await t.step("options without mean or std", () => {
    const x = nd.array([[1, 2], [3, 4]]);
    const none = new ml.StandardScaler({ withMean: false, withStd: false }).fit(x);
    assert.equal(none.mean, null);
    assert.equal(none.var, null);
    assert.equal(none.scale, null);
    nd.testing.assertArrayEqual(none.transform(x), x);
    const r = new ml.RobustScaler({ withCentering: false, withScaling: false }).fit(x);
    assert.equal(r.center, null);
    assert.equal(r.scale, null);
    nd.testing.assertArrayEqual(r.transform(x), x);
  });
  await t.step("MinMaxScaler clips unseen data with clip", () => {
    const s = new ml.MinMaxScaler({ clip: true }).fit([[0], [10]]);
    nd.testing.assertArrayEqual(
      s.transform([[-5], [5], [15], [NaN]]),
      nd.array([[0], [0.5], [1], [NaN]]),
    );
  });
  await t.step("Normalizer works without fit and leaves zero rows alone", () => {
    const n = new ml.Normalizer({ norm: "max" });
    nd.testing.assertArrayEqual(n.transform([[1, -4], [0, 0]]), nd.array([[0.25, -1], [0, 0]]));
    const l1 = new ml.Normalizer({ norm: "l1" }).fit([[1, 1, 1, 1, 1, 1, 1, 1, 1, 1]]);
    nd.testing.assertAllClose(l1.transform([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]).sum(), 1, {
      rtol: 1e-15,
    });
  });
});

Deno.test("scalers: errors", async (t) => {
  await t.step("before fit", () => {
    const msg = (n: string) =>
      `This ${n} instance is not fitted yet: call 'fit' with appropriate arguments before ` +
      `using this estimator`;
    for (const [, make] of makers) {
      const s = make();
      const name = s.constructor.name;
      throwsWith(() => s.transform([[1]]), nd.ml.NotFittedError, msg(name));
      throwsWith(() => s.inverseTransform([[1]]), nd.ml.NotFittedError, msg(name));
      throwsWith(() => s.nFeaturesIn, nd.ml.NotFittedError, msg(name));
      assert.equal(s.isFitted, false);
    }
    const attrs: [object, string[]][] = [
      [new ml.StandardScaler(), ["mean", "var", "scale", "nSamplesSeen"]],
      [new ml.MinMaxScaler(), ["min", "scale", "dataMin", "dataMax", "dataRange", "nSamplesSeen"]],
      [new ml.MaxAbsScaler(), ["maxAbs", "scale", "nSamplesSeen"]],
      [new ml.RobustScaler(), ["center", "scale"]],
    ];
    for (const [s, names] of attrs) {
      for (const a of names) {
        throwsWith(
          () => (s as Record<string, unknown>)[a],
          nd.ml.NotFittedError,
          msg(s.constructor.name),
        );
      }
    }
    const e = new nd.ml.NotFittedError("PCA");
    assert(e instanceof Error && e.name === "NotFittedError" && e.estimator === "PCA");
  });
  await t.step("feature count differs from fit", () => {
    for (const [, make] of makers) {
      const s = make().fit([[1, 2, 3, 4], [2, 3, 4, 6]]);
      const name = s.constructor.name;
      const m = `X has 3 features, but ${name} is expecting 4 features as input`;
      throwsWith(() => s.transform([[1, 2, 3]]), TypeError, m);
      throwsWith(() => s.inverseTransform([[1, 2, 3]]), TypeError, m);
      if (!(s instanceof ml.RobustScaler)) {
        throwsWith(() => s.partialFit([[1, 2, 3]]), TypeError, m);
      }
    }
    const n = new ml.Normalizer().fit([[1, 2]]);
    throwsWith(
      () => n.transform([[1, 2, 3]]),
      TypeError,
      "X has 3 features, but Normalizer is expecting 2 features as input",
    );
  });
  await t.step("shapes and dtypes of X", () => {
    const s = new ml.StandardScaler();
    throwsWith(
      () => s.fit([1, 2, 3]),
      TypeError,
      "StandardScaler: expected a 2-D array, got a 1-D array of shape [3]: reshape your data " +
        "with reshape([-1, 1]) if it has a single feature or reshape([1, -1]) if it holds a " +
        "single sample",
    );
    throwsWith(
      () => s.fit(nd.zeros([2, 2, 2])),
      TypeError,
      "StandardScaler: expected a 2-D array, got a 3-D array of shape [2,2,2]",
    );
    throwsWith(
      () => s.fit(nd.zeros([0, 3])),
      TypeError,
      "StandardScaler: found an array with 0 samples (shape [0,3]) while a minimum of 1 is " +
        "required",
    );
    throwsWith(
      () => s.fit(nd.zeros([3, 0])),
      TypeError,
      "StandardScaler: found an array with 0 features (shape [3,0]) while a minimum of 1 is " +
        "required",
    );
    throwsWith(
      () => s.fit(nd.zeros([2, 2], { dtype: "complex128" })),
      TypeError,
      "StandardScaler: complex data is not supported: X has dtype complex128",
    );
  });
  await t.step("infinity is rejected, NaN only where allowed", () => {
    const inf = [[1, 2], [Infinity, 3]];
    for (const [, make] of makers) {
      const s = make();
      const m = `${s.constructor.name}: input X contains infinity or a value too large for float64`;
      throwsWith(() => s.fit(inf), RangeError, m);
      s.fit([[1, 2], [3, 4]]);
      throwsWith(() => s.transform([[1, -Infinity]]), RangeError, m);
      throwsWith(() => s.inverseTransform([[Infinity, 0]]), RangeError, m);
    }
    const n = new ml.Normalizer();
    throwsWith(
      () => n.fit([[1, NaN]]),
      RangeError,
      "Normalizer: input X contains NaN: Normalizer does not accept missing values encoded as " +
        "NaN; impute them first (nd.ml.SimpleImputer) or drop those samples",
    );
    throwsWith(
      () => n.transform([[1, Infinity]]),
      RangeError,
      "Normalizer: input X contains infinity or a value too large for float64",
    );
  });
  await t.step("options", () => {
    throwsWith(
      () => new ml.StandardScaler({ withMean: 1 as unknown as boolean }),
      TypeError,
      "StandardScaler: withMean must be a boolean, got 1",
    );
    throwsWith(
      () => new ml.MinMaxScaler({ featureRange: [1, 1] }),
      RangeError,
      "MinMaxScaler: the minimum of the desired feature range must be smaller than its " +
        "maximum: got [1, 1]",
    );
    throwsWith(
      () => new ml.MinMaxScaler({ featureRange: [0] as unknown as [number, number] }),
      TypeError,
      "MinMaxScaler: featureRange must be a pair [min, max], got [0]",
    );
    throwsWith(
      () => new ml.MinMaxScaler({ featureRange: [0, NaN] }),
      TypeError,
      "MinMaxScaler: featureRange[1] must be a finite number, got NaN",
    );
    throwsWith(
      () => new ml.MaxAbsScaler({ copy: "no" as unknown as boolean }),
      TypeError,
      'MaxAbsScaler: copy must be a boolean, got "no"',
    );
    throwsWith(
      () => new ml.RobustScaler({ quantileRange: [80, 20] }),
      RangeError,
      "RobustScaler: invalid quantile range: [80, 20]: need 0 ≤ qMin ≤ qMax ≤ 100",
    );
    throwsWith(
      () => new ml.RobustScaler({ quantileRange: 25 as unknown as [number, number] }),
      TypeError,
      "RobustScaler: quantileRange must be a pair [qMin, qMax], got 25",
    );
    throwsWith(
      () => new ml.Normalizer({ norm: "l3" as "l1" }),
      RangeError,
      'Normalizer: norm must be one of "l1", "l2", "max", got "l3"',
    );
  });
  await t.step("a failed fit changes nothing", () => {
    const s = new ml.MinMaxScaler().fit([[0], [2]]);
    assert.throws(() => s.partialFit([[Infinity]]));
    nd.testing.assertArrayEqual(s.dataMax, nd.array([2]));
    assert.equal(s.nSamplesSeen, 2);
  });
});
