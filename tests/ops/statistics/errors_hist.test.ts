// Every error diff, bincount, digitize and histogram raise: its class and message.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";

function throwsWith(f: () => unknown, name: string, message: RegExp): void {
  assert.throws(f, { name, message });
}

Deno.test("diff errors", async (t) => {
  await t.step("n", () => {
    throwsWith(
      () => nd.diff([1, 2], { n: 1.5 }),
      "TypeError",
      /^diff: n must be an integer, got 1\.5$/,
    );
    throwsWith(
      () => nd.diff([1, 2], { n: -1 }),
      "RangeError",
      /^diff: order must be non-negative, got -1$/,
    );
  });
  await t.step("0-d input and axis", () => {
    throwsWith(
      () => nd.diff(5),
      "TypeError",
      /^diff: input must be at least one dimensional, got a 0-d array$/,
    );
    throwsWith(
      () => nd.diff([[1, 2]], { axis: 2 }),
      "RangeError",
      /^diff: axis 2 is out of bounds for array of dimension 2$/,
    );
  });
  await t.step("prepend and append shapes", () => {
    throwsWith(
      () => nd.diff([[1, 2, 3], [4, 5, 6]], { axis: 0, append: [[1, 1]] }),
      "TypeError",
      /^diff: all the input array dimensions except for the concatenation axis must match exactly: array 1 has size 2 along axis 1, array 0 has 3$/,
    );
    throwsWith(
      () => nd.diff([[1, 2, 3]], { prepend: [1, 2] }),
      "TypeError",
      /^diff: all the input arrays must have the same number of dimensions: array 0 has 1, array 1 has 2$/,
    );
  });
});

Deno.test("bincount errors", async (t) => {
  await t.step("dtype and shape of x", () => {
    throwsWith(
      () => nd.bincount([1.5]),
      "TypeError",
      /^bincount: cannot cast array data from float64 to int64 according to the rule 'safe'$/,
    );
    throwsWith(
      () => nd.bincount([[1, 2]]),
      "TypeError",
      /^bincount: x must be 1-D, got shape \[1,2\]$/,
    );
    throwsWith(() => nd.bincount(3), "TypeError", /^bincount: x must be 1-D, got shape \[\]$/);
  });
  await t.step("negative values and minlength", () => {
    throwsWith(
      () => nd.bincount([1, -1]),
      "RangeError",
      /^bincount: x must have no negative elements, got -1$/,
    );
    throwsWith(
      () => nd.bincount([1], { minlength: -1 }),
      "RangeError",
      /^bincount: minlength must not be negative, got -1$/,
    );
    throwsWith(
      () => nd.bincount([1], { minlength: 1.5 }),
      "TypeError",
      /^bincount: minlength must be an integer, got 1\.5$/,
    );
  });
  await t.step("weights", () => {
    throwsWith(
      () => nd.bincount([1, 2], { weights: [1, 2, 3] }),
      "TypeError",
      /^bincount: the weights and x don't have the same length: weights have shape \[3\], x has 2 elements$/,
    );
    throwsWith(
      () => nd.bincount([1, 2], { weights: [{ re: 1, im: 1 }, 2] }),
      "TypeError",
      /^bincount: weights must be real numbers, got complex128$/,
    );
  });
});

Deno.test("digitize errors", async (t) => {
  await t.step("complex x", () => {
    throwsWith(
      () => nd.digitize([{ re: 1, im: 1 }], [1, 2]),
      "TypeError",
      /^digitize: x may not be complex$/,
    );
  });
  await t.step("bins shape and order", () => {
    throwsWith(
      () => nd.digitize([1], [[1, 2]]),
      "TypeError",
      /^digitize: bins must be 1-D, got shape \[1,2\]$/,
    );
    throwsWith(
      () => nd.digitize([1], 2),
      "TypeError",
      /^digitize: bins must be 1-D, got shape \[\]$/,
    );
    throwsWith(
      () => nd.digitize([1], [1, 3, 2]),
      "RangeError",
      /^digitize: bins must be monotonically increasing or decreasing$/,
    );
  });
});

Deno.test("histogram errors", async (t) => {
  await t.step("input and weights", () => {
    throwsWith(
      () => nd.histogram([{ re: 1, im: 1 }]),
      "TypeError",
      /^histogram: complex input is not supported, got complex128$/,
    );
    throwsWith(
      () => nd.histogram([1, 2, 3], { weights: [1, 2] }),
      "TypeError",
      /^histogram: weights should have the same shape as a: a has shape \[3\], weights \[2\]$/,
    );
    throwsWith(
      () => nd.histogram([1, 2, 3], { bins: [0, 2, 4], weights: [true, false, true] }),
      "TypeError",
      /^histogram: bool weights cannot be summed over explicit bin edges; cast them to a number dtype$/,
    );
  });
  await t.step("bins as a number", () => {
    throwsWith(
      () => nd.histogram([1, 2, 3], { bins: 0 }),
      "RangeError",
      /^histogram: bins must be positive, when an integer, got 0$/,
    );
    throwsWith(
      () => nd.histogram([1, 2, 3], { bins: 2.5 }),
      "TypeError",
      /^histogram: bins must be an integer, a string, or an array, got 2\.5$/,
    );
    throwsWith(
      () => nd.histogram([1, 2, 3], { bins: { n: 3 } as unknown as number }),
      "TypeError",
      /^histogram: bins must be an integer, a string, or an array$/,
    );
  });
  await t.step("bins as an array", () => {
    throwsWith(
      () => nd.histogram([1, 2, 3], { bins: [3, 1] }),
      "RangeError",
      /^histogram: bins must increase monotonically, when an array: edge 0 is 3, edge 1 is 1$/,
    );
    throwsWith(
      () => nd.histogram([1, 2, 3], { bins: [[1, 3]] }),
      "TypeError",
      /^histogram: bins must be 1-D, when an array, got shape \[1,2\]$/,
    );
  });
  await t.step("bins as a string", () => {
    throwsWith(
      () => nd.histogram([1, 2, 3], { bins: "foo" }),
      "RangeError",
      /^histogram: "foo" is not a valid estimator for bins; use a number, an array of edges, or one of stone, auto, doane, fd, rice, scott, sqrt, sturges$/,
    );
    throwsWith(
      () => nd.histogram([1, 2, 3], { bins: "auto", weights: [1, 1, 1] }),
      "TypeError",
      /^histogram: automated estimation of the number of bins is not supported for weighted data$/,
    );
    throwsWith(
      () => nd.histogram([0, 5e-324], { bins: "sqrt", range: [0, 1e300] }),
      "RangeError",
      /^histogram: the estimated number of bins is not finite: Infinity$/,
    );
  });
  await t.step("range", () => {
    throwsWith(
      () => nd.histogram([1, 2, 3], { range: [3, 1] }),
      "RangeError",
      /^histogram: max must be larger than min in range parameter, got \[3, 1\]$/,
    );
    throwsWith(
      () => nd.histogram([1, 2, 3], { range: [1, Infinity] }),
      "RangeError",
      /^histogram: supplied range of \[1, Infinity\] is not finite$/,
    );
    throwsWith(
      () => nd.histogram([1, 2, 3], { range: [1] as unknown as [number, number] }),
      "TypeError",
      /^histogram: range must be an array of two numbers \[min, max\], got 1$/,
    );
    throwsWith(
      () => nd.histogram([1, NaN, 3]),
      "RangeError",
      /^histogram: autodetected range of \[NaN, NaN\] is not finite$/,
    );
  });
  await t.step("too many bins", () => {
    throwsWith(
      () => nd.histogram([1, 1 + 1e-15], { bins: 1000 }),
      "RangeError",
      /^histogram: too many bins for data range: cannot create 1000 finite-sized bins$/,
    );
    throwsWith(
      () => nd.histogram([0, 5e-324, 1e-323], { bins: "stone", range: [0, 1e-322] }),
      "RangeError",
      /^histogram: too many bins for data range: cannot create 11 finite-sized bins$/,
    );
  });
  await t.step("histogramBinEdges names itself", () => {
    throwsWith(
      () => nd.histogramBinEdges([1, 2], { bins: -1 }),
      "RangeError",
      /^histogramBinEdges: bins must be positive, when an integer, got -1$/,
    );
  });
});
