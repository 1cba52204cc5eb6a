// The estimators' repr (scikit-learn's: the options that differ from the defaults), getParams
// and Jupyter display (text/plain repr, text/html table of fitted attributes).
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

const ml = nd.ml;
const display = (e: object) =>
  (e as { [k: symbol]: () => Record<string, string> })[Symbol.for("Jupyter.display")]();

// deno-lint-ignore no-explicit-any
type Ctor = new (opts?: any) => any;
const cases: [Ctor, Record<string, unknown>, string, unknown[][], string[]][] = [
  [ml.StandardScaler, { withMean: false }, "StandardScaler(withMean=false)", [[1, 2], [3, 5]], [
    "mean",
    "var",
    "scale",
    "nSamplesSeen",
  ]],
  [ml.MinMaxScaler, { featureRange: [-1, 1] }, "MinMaxScaler(featureRange=[-1, 1])", [[1], [2]], [
    "dataMin",
    "dataRange",
  ]],
  [ml.MaxAbsScaler, { copy: false }, "MaxAbsScaler(copy=false)", [[1], [-2]], ["maxAbs"]],
  [
    ml.RobustScaler,
    { quantileRange: [10, 90], unitVariance: true },
    "RobustScaler(quantileRange=[10, 90], unitVariance=true)",
    [[1], [2], [4]],
    ["center", "scale"],
  ],
  [ml.Normalizer, { norm: "max" }, 'Normalizer(norm="max")', [[1, 2]], ["nFeaturesIn"]],
  [
    ml.QuantileTransformer,
    { nQuantiles: 3, outputDistribution: "normal" },
    'QuantileTransformer(nQuantiles=3, outputDistribution="normal")',
    [[1], [2], [3]],
    ["quantiles", "references", "nQuantiles"],
  ],
  [
    ml.PowerTransformer,
    { method: "box-cox" },
    'PowerTransformer(method="box-cox")',
    [[1], [2], [5]],
    ["lambdas"],
  ],
  [
    ml.OneHotEncoder,
    { handleUnknown: "ignore", drop: "first" },
    'OneHotEncoder(drop="first", handleUnknown="ignore")',
    [["a"], ["b"]],
    ["categories", "dropIdx"],
  ],
  [
    ml.OrdinalEncoder,
    { encodedMissingValue: -1 },
    "OrdinalEncoder(encodedMissingValue=-1)",
    [["a"], [NaN]],
    ["categories"],
  ],
  [
    ml.PolynomialFeatures,
    { degree: [1, 3], interactionOnly: true },
    "PolynomialFeatures(degree=[1, 3], interactionOnly=true)",
    [[1, 2]],
    ["powers", "nOutputFeatures"],
  ],
  [
    ml.KBinsDiscretizer,
    { nBins: 3, strategy: "uniform" },
    'KBinsDiscretizer(nBins=3, strategy="uniform")',
    [[1], [2], [3]],
    ["binEdges", "nBins"],
  ],
  [
    ml.SimpleImputer,
    { strategy: "median", missingValues: -1 },
    'SimpleImputer(missingValues=-1, strategy="median")',
    [[1], [-1], [3]],
    ["statistics"],
  ],
  [
    ml.PCA,
    { nComponents: 1, randomState: 0 },
    "PCA(nComponents=1, randomState=0)",
    [[1, 2], [3, 5], [4, 4]],
    ["components", "explainedVarianceRatio", "noiseVariance"],
  ],
];

Deno.test("repr, getParams and Jupyter display of every estimator", async (t) => {
  for (const [C, opts, repr, x, attrs] of cases) {
    await t.step(C.name, () => {
      const est = new C(opts);
      const name = C.name;
      assert.equal(String(new C()), `${name}()`);
      assert.equal(est.toString(), repr);
      const params = est.getParams();
      for (const [k, v] of Object.entries(opts)) assert.deepEqual(params[k], v);
      assert.equal(new C(params).toString(), repr); // the options round-trip
      const before = display(est);
      assert.equal(before["text/plain"], repr);
      assert.match(before["text/html"], /not fitted/);
      est.fit(x);
      const after = display(est);
      assert.equal(after["text/plain"], repr);
      const html = after["text/html"];
      assert.match(html, /^<div class="nd-ml">/);
      for (const a of ["nFeaturesIn", ...attrs]) {
        assert(html.includes(`>${a}</th>`), `${name}: ${a}`);
      }
      assert(!html.includes("not fitted"));
    });
  }
  await t.step("HTML is escaped and arrays are summarized", () => {
    const enc = new ml.OneHotEncoder().fit([["<b>&</b>"]]);
    const html = display(enc)["text/html"];
    assert(html.includes("&#34;&#60;b&#62;&#38;&#60;/b&#62;&#34;"));
    assert(!html.includes("<b>&"));
    const big = new ml.StandardScaler().fit(nd.zeros([2, 100]));
    assert(display(big)["text/html"].includes("..."));
  });
});
