// Every error the statistics functions raise (see also errors_hist.test.ts): class and message.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";

function throwsWith(f: () => unknown, name: string, message: RegExp): void {
  assert.throws(f, { name, message });
}

Deno.test("options must be objects", async (t) => {
  const bad = 3 as unknown as undefined;
  const calls: [string, () => unknown][] = [
    ["median", () => nd.median([1], bad)],
    ["nanmedian", () => nd.nanmedian([1], bad)],
    ["quantile", () => nd.quantile([1], 0.5, bad)],
    ["ptp", () => nd.ptp([1], bad)],
    ["countNonzero", () => nd.countNonzero([1], bad)],
    ["average", () => nd.average([1], bad)],
    ["cov", () => nd.cov([1, 2], bad)],
    ["corrcoef", () => nd.corrcoef([1, 2], bad)],
    ["diff", () => nd.diff([1, 2], bad)],
    ["histogram", () => nd.histogram([1, 2], bad)],
    ["histogramBinEdges", () => nd.histogramBinEdges([1, 2], bad)],
    ["bincount", () => nd.bincount([1, 2], bad)],
    ["digitize", () => nd.digitize([1, 2], [1], bad)],
  ];
  for (const [name, f] of calls) {
    await t.step(
      name,
      () => throwsWith(f, "TypeError", new RegExp(`^${name}: options must be an object, got 3$`)),
    );
  }
});

Deno.test("median and nanmedian errors", async (t) => {
  await t.step("axis out of range", () => {
    throwsWith(
      () => nd.median([[1, 2]], { axis: 2 }),
      "RangeError",
      /^median: axis 2 is out of bounds for array of dimension 2$/,
    );
    throwsWith(
      () => nd.nanmedian([[1, 2]], { axis: [0, -2] }),
      "RangeError",
      /^nanmedian: repeated axis 0/,
    );
  });
  await t.step("inputs are left unchanged", () => {
    const a = nd.array([[5, 1, 4], [2, 8, 0]], { dtype: "float32" });
    nd.median(a.T, { axis: 0 });
    nd.quantile(a, [0.1, 0.9], { axis: 1 });
    assert.deepEqual(a.toArray(), [[5, 1, 4], [2, 8, 0]]);
  });
});

Deno.test("quantile and percentile errors", async (t) => {
  await t.step("complex input", () => {
    throwsWith(
      () => nd.quantile([{ re: 1, im: 1 }], 0.5),
      "TypeError",
      /^quantile: a must be an array of real numbers, got complex128$/,
    );
  });
  await t.step("unknown method", () => {
    throwsWith(
      () => nd.percentile([1, 2], 50, { method: "fancy" as nd.QuantileMethod }),
      "RangeError",
      /^percentile: "fancy" is not a valid method; use one of inverted_cdf, .*, nearest$/,
    );
  });
  await t.step("q out of range", () => {
    throwsWith(
      () => nd.quantile([1, 2], 1.5),
      "RangeError",
      /^quantile: quantiles must be in the range \[0, 1\], got 1\.5$/,
    );
    throwsWith(
      () => nd.quantile([1, 2], [0.5, NaN]),
      "RangeError",
      /^quantile: quantiles must be in the range \[0, 1\], got NaN$/,
    );
    throwsWith(
      () => nd.percentile([1, 2], [50, 101]),
      "RangeError",
      /^percentile: percentiles must be in the range \[0, 100\], got 101$/,
    );
    throwsWith(
      () => nd.nanpercentile([1, 2], -1),
      "RangeError",
      /^nanpercentile: percentiles must be in the range \[0, 100\], got -1$/,
    );
  });
  await t.step("q complex or too deep", () => {
    throwsWith(
      () => nd.quantile([1, 2], { re: 0.5, im: 0 }),
      "TypeError",
      /^quantile: q must be real, got complex128$/,
    );
    throwsWith(
      () => nd.nanquantile([1, 2], [[[0.5]]]),
      "TypeError",
      /^nanquantile: q must be a scalar or a 1-D array, got shape \[1,1,1\]$/,
    );
  });
  await t.step("interpolating bool input", () => {
    throwsWith(
      () => nd.quantile([true, false], 0.5),
      "TypeError",
      /^quantile: method "linear" interpolates, which needs subtraction; bool input supports only/,
    );
  });
  await t.step("empty slice", () => {
    throwsWith(
      () => nd.quantile(nd.zeros([0, 3]), 0.5, { axis: 0 }),
      "RangeError",
      /^quantile: cannot take a quantile of an empty slice: the reduced axes have size 0$/,
    );
  });
  await t.step("bad input changes nothing", () => {
    const a = nd.array([3, 1, 2]);
    assert.throws(() => nd.quantile(a, 2));
    assert.deepEqual(a.toArray(), [3n, 1n, 2n]);
  });
});

Deno.test("ptp and countNonzero errors", async (t) => {
  await t.step("ptp of bool", () => {
    throwsWith(
      () => nd.ptp([true, false]),
      "TypeError",
      /^ptp: subtraction is not supported for bool arrays; cast to an integer type$/,
    );
  });
  await t.step("ptp of an empty array", () => {
    throwsWith(
      () => nd.ptp([]),
      "RangeError",
      /^ptp: zero-size array to reduction operation maximum which has no identity$/,
    );
  });
  await t.step("countNonzero axis", () => {
    throwsWith(
      () => nd.countNonzero([1, 0], { axis: 1 }),
      "RangeError",
      /^countNonzero: axis 1 is out of bounds for array of dimension 1$/,
    );
  });
});

Deno.test("average errors", async (t) => {
  const a = nd.arange(6).reshape([2, 3]);
  await t.step("axis type and repeats", () => {
    throwsWith(
      () => nd.average(a, { axis: "1" as unknown as number }),
      "TypeError",
      /^average: axis must be a number or an array of numbers, got 1$/,
    );
    throwsWith(
      () => nd.average(a, { axis: [1, -1] }),
      "RangeError",
      /^average: repeated axis in \[1, -1\]$/,
    );
    throwsWith(
      () => nd.average(a, { axis: 3 }),
      "RangeError",
      /^average: axis 3 is out of bounds for array of dimension 2$/,
    );
  });
  await t.step("weights without axis", () => {
    throwsWith(
      () => nd.average(a, { weights: [1, 2, 3] }),
      "TypeError",
      /^average: axis must be specified when shapes of a and weights differ: a has shape \[2,3\], weights \[3\]$/,
    );
  });
  await t.step("weights of the wrong length", () => {
    throwsWith(
      () => nd.average(a, { axis: 1, weights: [1, 2] }),
      "TypeError",
      /^average: shape of weights must be consistent with shape of a along the specified axis: expected \[3\], got \[2\]$/,
    );
    throwsWith(
      () => nd.average(a, { axis: [0, 1], weights: nd.ones([3, 2]) }),
      "TypeError",
      /expected \[2,3\], got \[3,2\]$/,
    );
  });
  await t.step("weights summing to zero", () => {
    throwsWith(
      () => nd.average(a, { axis: 1, weights: [1, -1, 0] }),
      "RangeError",
      /^average: weights sum to zero, can't be normalized$/,
    );
  });
});

Deno.test("cov and corrcoef errors", async (t) => {
  await t.step("ddof", () => {
    throwsWith(
      () => nd.cov([1, 2, 3], { ddof: 1.5 }),
      "TypeError",
      /^cov: ddof must be an integer, got 1\.5$/,
    );
  });
  await t.step("dimensions", () => {
    throwsWith(
      () => nd.cov(nd.zeros([2, 2, 2])),
      "TypeError",
      /^cov: m has more than 2 dimensions: shape \[2,2,2\]$/,
    );
    throwsWith(
      () => nd.corrcoef([1, 2], { y: nd.zeros([1, 1, 2]) }),
      "TypeError",
      /^cov: y has more than 2 dimensions: shape \[1,1,2\]$/,
    );
    throwsWith(
      () => nd.cov([1, 2, 3], { y: [1, 2] }),
      "TypeError",
      /^cov: m and y must have the same number of observations: m has 3, y has 2$/,
    );
  });
  await t.step("dtype", () => {
    throwsWith(
      () => nd.cov([1, 2, 3], { dtype: "int32" }),
      "TypeError",
      /^cov: dtype must be a float or complex dtype, got int32$/,
    );
    throwsWith(
      () => nd.cov([1, 2, 3], { dtype: "float128" as nd.DType }),
      "TypeError",
      /^cov: /,
    );
  });
  await t.step("fweights", () => {
    throwsWith(
      () => nd.cov([1, 2, 3], { fweights: [1, 2.5, 1] }),
      "TypeError",
      /^cov: fweights must be integers$/,
    );
    throwsWith(
      () => nd.cov([1, 2, 3], { fweights: [[1, 2, 1]] }),
      "TypeError",
      /^cov: fweights must be 1-D, got shape \[1,3\]$/,
    );
    throwsWith(
      () => nd.cov([1, 2, 3], { fweights: [1, 2] }),
      "TypeError",
      /^cov: incompatible numbers of samples and fweights: 3 observations, 2 fweights$/,
    );
    throwsWith(
      () => nd.cov([1, 2, 3], { fweights: [1, -2, 1] }),
      "RangeError",
      /^cov: fweights cannot be negative$/,
    );
  });
  await t.step("aweights", () => {
    throwsWith(
      () => nd.cov([1, 2, 3], { aweights: 1 }),
      "TypeError",
      /^cov: aweights must be 1-D, got shape \[\]$/,
    );
    throwsWith(
      () => nd.cov([1, 2, 3], { aweights: [1, 2, 3, 4] }),
      "TypeError",
      /^cov: incompatible numbers of samples and aweights: 3 observations, 4 aweights$/,
    );
    throwsWith(
      () => nd.cov([1, 2, 3], { aweights: [1, -2, 1] }),
      "RangeError",
      /^cov: aweights cannot be negative$/,
    );
    throwsWith(
      () => nd.cov([1, 2, 3], { aweights: [0, 0, 0] }),
      "RangeError",
      /^cov: weights sum to zero, can't be normalized$/,
    );
  });
});
