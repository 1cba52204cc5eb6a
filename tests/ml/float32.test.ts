// nd.ml on float32 input against scikit-learn 1.2 (tests/fixtures/ml_float32/cases.json, written
// by tests/fixtures/fixtures_ml_float32.py): for every transformer, the dtype and values of the fitted
// attributes and of transform, fitTransform, transform of test data and inverseTransform; the
// dtypes for float64 and int32 input; float32 categories in the encoders; in-place float32
// transforms; KBinsDiscretizer's dtype option.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

interface Arr {
  dtype: string;
  shape: number[];
  values: (number | null)[];
}

interface Case {
  name: string;
  estimator: string;
  opts: Record<string, unknown>;
  x: string;
  x_test: string | null;
  partial: number[] | null;
  tol: { rtol: number; atol: number };
  attrs: Record<string, Arr | Arr[]>;
  fit_transform?: Arr;
  transform_x: Arr;
  transform_x64: string;
  transform_int: string | null;
  transform_test?: Arr;
  inverse_test?: Arr;
  inverse_test64?: string;
}

interface EncoderCase {
  estimator: "OneHotEncoder" | "OrdinalEncoder";
  opts: Record<string, unknown>;
  categories: number[][];
  transform: Arr;
  inverse: number[];
  names: string[] | null;
}

const SKLEARN: unknown = JSON.parse(
  Deno.readTextFileSync(new URL("../fixtures/ml_float32/cases.json", import.meta.url)),
);
const doc = SKLEARN as {
  sklearn: string;
  inputs: Record<string, Arr>;
  cases: Case[];
  encoders: { x: Arr; cases: EncoderCase[] };
};

// deno-lint-ignore no-explicit-any
type AnyEstimator = any;
const ml = nd.ml as unknown as Record<string, new (opts: unknown) => AnyEstimator>;

/** The array `a` describes, in its dtype (null is NaN). */
function toNd(a: Arr): nd.NDArray {
  const v = a.values.map((x) => x ?? NaN);
  const dtype = a.dtype === "int64" ? "float64" : a.dtype as nd.DType;
  return nd.array(v, { dtype }).reshape(a.shape);
}

const inputs = Object.fromEntries(Object.entries(doc.inputs).map(([k, v]) => [k, toNd(v)]));

function close(actual: unknown, expected: Arr, what: string, tol: Case["tol"]): void {
  if (expected.shape.length === 0) {
    assert(typeof actual === "number", `${what}: expected a number, got ${actual}`);
    nd.testing.assertAllClose(actual, expected.values[0] ?? NaN, tol);
    return;
  }
  assert(actual instanceof nd.NDArray, `${what}: not an NDArray`);
  assert.equal(actual.dtype, expected.dtype, `${what}: dtype`);
  try {
    nd.testing.assertAllClose(actual, toNd(expected).astype("float64"), tol);
  } catch (e) {
    throw new Error(`${what}: ${(e as Error).message}`);
  }
}

/** Runs `f` on nd's TypeScript backend, then restores the backend in use. */
function onTs(f: () => void): void {
  const prev = nd.backend.info();
  nd.backend.use("ts");
  try {
    f();
  } finally {
    if (prev.name === "blas") nd.backend.use("blas", { path: prev.library ?? undefined });
  }
}

Deno.test(`nd.ml on float32 input matches scikit-learn ${doc.sklearn}`, async (t) => {
  for (const c of doc.cases) {
    await t.step(c.name, () => check(c));
    // PCA's SVDs and products also run on the TypeScript backend (the BLAS one when it loads)
    if (c.estimator === "PCA") {
      await t.step(`${c.name} (TypeScript backend)`, () => onTs(() => check(c)));
    }
  }
});

/** Fits case `c` and compares everything with scikit-learn's results. */
function check(c: Case): void {
  const x = inputs[c.x];
  assert.equal(x.dtype, "float32");
  const est = new ml[c.estimator](c.opts);
  if (c.partial) {
    let start = 0;
    for (const size of c.partial) {
      est.partialFit(x.slice(`${start}:${start + size}`));
      start += size;
    }
  } else est.fit(x);
  for (const [name, exp] of Object.entries(c.attrs)) {
    if (Array.isArray(exp)) {
      assert.equal(est[name].length, exp.length, `${c.name}: ${name}`);
      exp.forEach((e, i) => close(est[name][i], e, `${c.name}: ${name}[${i}]`, c.tol));
    } else close(est[name], exp, `${c.name}: ${name}`, c.tol);
  }
  close(est.transform(x), c.transform_x, `${c.name}: transform(x)`, c.tol);
  const fresh = new ml[c.estimator](c.opts).fitTransform(x);
  close(fresh, c.fit_transform ?? c.transform_x, `${c.name}: fitTransform(x)`, c.tol);
  // the output dtype follows the input of each call, not the one of fit
  assert.equal(est.transform(x.astype("float64")).dtype, c.transform_x64, c.name);
  if (c.transform_int) {
    const ints = nd.round(nd.multiply(x, 4)).astype("int32");
    const z = new ml[c.estimator](c.opts).fitTransform(ints);
    assert.equal(z.dtype, c.transform_int, `${c.name}: int32 input`);
  }
  if (c.x_test && c.transform_test) {
    const zt = est.transform(inputs[c.x_test]);
    close(zt, c.transform_test, `${c.name}: transform(xTest)`, c.tol);
    if (c.inverse_test) {
      const back = est.inverseTransform(toNd(c.transform_test));
      close(back, c.inverse_test, `${c.name}: inverseTransform`, c.tol);
      const back64 = est.inverseTransform(toNd(c.transform_test).astype("float64"));
      assert.equal(back64.dtype, c.inverse_test64, `${c.name}: inverseTransform(float64)`);
    }
  }
}

Deno.test("encoders: float32 categories", async (t) => {
  const x = toNd(doc.encoders.x);
  for (const c of doc.encoders.cases) {
    await t.step(`${c.estimator} ${JSON.stringify(c.opts)}`, () => {
      const enc = new ml[c.estimator](c.opts).fit(x);
      // the float32 values themselves (0.1 is 0.10000000149011612), as NumPy's float32 arrays
      assert.deepEqual(enc.categories, c.categories);
      const z = enc.transform(x);
      assert.equal(z.dtype, c.transform.dtype);
      nd.testing.assertArrayEqual(z, toNd(c.transform));
      assert.deepEqual(enc.inverseTransform(z).flat(), c.inverse);
      if (c.names) assert.deepEqual(enc.getFeatureNamesOut(), c.names);
    });
  }
});

Deno.test("float32 inputs and outputs", async (t) => {
  const x = nd.array([[1, 10], [3, 30], [4, 20]], { dtype: "float32" });
  await t.step("copy: false transforms a float32 C-contiguous array in place", () => {
    for (
      const s of [
        new nd.ml.StandardScaler({ copy: false }),
        new nd.ml.MinMaxScaler({ copy: false }),
        new nd.ml.MaxAbsScaler({ copy: false }),
        new nd.ml.RobustScaler({ copy: false }),
      ]
    ) {
      const y = x.copy();
      const expected = s.fit(y).transform(x.copy());
      assert.equal(s.transform(y), y);
      nd.testing.assertArrayEqual(y, expected);
      assert.equal(s.inverseTransform(y), y);
      nd.testing.assertAllClose(y, x, { rtol: 1e-6 });
    }
    const y = x.copy();
    assert.equal(new nd.ml.Normalizer({ copy: false }).transform(y), y);
    assert.equal(y.dtype, "float32");
  });
  await t.step("KBinsDiscretizer: dtype null follows the input, or is fixed", () => {
    const k = new nd.ml.KBinsDiscretizer({ nBins: 2, encode: "ordinal", strategy: "uniform" });
    assert.equal(k.getParams().dtype, null);
    assert.equal(k.fitTransform(x).dtype, "float32");
    assert.equal(k.transform(x.astype("float64")).dtype, "float64");
    assert.equal(k.transform(x.astype("int32")).dtype, "float64");
    // with dtype "float32", float64 input is rounded to float32 before binning, as
    // scikit-learn's check_array(X, dtype=np.float32) rounds it: 2.5 + 1e-9 is 2.5, on the edge
    const k32 = new nd.ml.KBinsDiscretizer({
      nBins: 2,
      encode: "ordinal",
      strategy: "uniform",
      dtype: "float32",
    }).fit([[1], [4]]);
    assert.deepEqual(k32.transform([[2.5 - 1e-9], [2.5 + 1e-9]]).toArray(), [[1], [1]]);
    const k64 = new nd.ml.KBinsDiscretizer({ nBins: 2, encode: "ordinal", strategy: "uniform" });
    assert.deepEqual(k64.fit([[1], [4]]).transform([[2.5 - 1e-9]]).toArray(), [[0]]);
  });
  await t.step("float16 and integer inputs give float64", () => {
    const h = x.astype("float16");
    assert.equal(new nd.ml.StandardScaler().fitTransform(h).dtype, "float64");
    assert.equal(new nd.ml.PCA().fitTransform(x.astype("int32")).dtype, "float64");
    assert.equal(new nd.ml.MinMaxScaler().fit(x.astype("int32")).dataMin.dtype, "float64");
  });
  await t.step("attributes fitted on float32 then float64 chunks are float64", () => {
    const s = new nd.ml.MinMaxScaler().partialFit(x).partialFit(x.astype("float64"));
    assert.equal(s.dataMin.dtype, "float64");
    const m = new nd.ml.MaxAbsScaler().partialFit(x.astype("float64")).partialFit(x);
    assert.equal(m.maxAbs.dtype, "float64");
    assert.equal(new nd.ml.MaxAbsScaler().partialFit(x).partialFit(x).scale.dtype, "float32");
  });
});
