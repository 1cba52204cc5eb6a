// Every error path of the CP decompositions: class and message, thrown before any work.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { parafac } from "../../src/decomposition/parafac.ts";
import { nonNegativeParafac } from "../../src/decomposition/non_negative_parafac.ts";
import { nonNegativeParafacHals } from "../../src/decomposition/non_negative_parafac_hals.ts";
import { randomisedParafac } from "../../src/decomposition/randomised_parafac.ts";
import { CP, RandomisedCP } from "../../src/decomposition/cp_classes.ts";

const t3 = nd.ones([3, 4, 5]);
// deno-lint-ignore no-explicit-any
const bad = (x: unknown): any => x;

function throwsExactly(f: () => unknown, cls: ErrorConstructor, message: string): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${(e as Error)?.constructor?.name}`);
    assert.equal((e as Error).message, message);
    return true;
  });
}

Deno.test("parafac: errors", async (t) => {
  await t.step("rank", () => {
    for (const r of [0, -1, 2.5, bad("3"), NaN]) {
      throwsExactly(
        () => parafac(t3, r),
        RangeError,
        `parafac: rank must be a positive integer, got ${String(r)}`,
      );
    }
  });
  await t.step("tensor", () => {
    throwsExactly(
      () => parafac(nd.ones([5]), 1),
      TypeError,
      "parafac: the tensor must have at least 2 dimensions, got shape [5]",
    );
    throwsExactly(
      () => parafac(nd.ones([0, 3]), 1),
      TypeError,
      "parafac: cannot decompose an empty tensor of shape [0,3]",
    );
    throwsExactly(
      () => parafac(nd.zeros([2, 2], { dtype: "complex128" }), 1),
      TypeError,
      "parafac: complex tensors are not supported, got complex128",
    );
  });
  await t.step("init", () => {
    throwsExactly(
      () => parafac(t3, 2, { init: bad("bogus") }),
      RangeError,
      'parafac: init must be "svd" or "random", got "bogus"',
    );
    throwsExactly(
      () => parafac(t3, 2, { init: bad(5) }),
      TypeError,
      'parafac: init must be "svd", "random" or a CP tensor, got number',
    );
    const cp3 = { factors: [nd.ones([3, 2]), nd.ones([4, 3]), nd.ones([5, 2])] };
    assert.throws(
      () => parafac(t3, 2, { init: cp3 }),
      (e: unknown) =>
        e instanceof TypeError &&
        /^parafac: init is not a valid CP tensor: CPTensor:/.test(e.message),
    );
    throwsExactly(
      () => parafac(t3, 2, { init: { factors: [nd.ones([3, 2]), nd.ones([4, 2])] } }),
      TypeError,
      "parafac: init has 2 factors, the tensor has 3 modes",
    );
    throwsExactly(
      () =>
        parafac(t3, 2, { init: { factors: [nd.ones([3, 2]), nd.ones([8, 2]), nd.ones([5, 2])] } }),
      TypeError,
      "parafac: init factor 1 has shape [8,2], expected [4,2]",
    );
    throwsExactly(
      () =>
        parafac(t3, 3, { init: { factors: [nd.ones([3, 2]), nd.ones([4, 2]), nd.ones([5, 2])] } }),
      TypeError,
      "parafac: init factor 0 has shape [3,2], expected [3,3]",
    );
  });
  await t.step("mask", () => {
    throwsExactly(
      () => parafac(t3, 2, { mask: nd.ones([3, 4]) }),
      TypeError,
      "parafac: mask of shape [3,4] does not match the tensor's shape [3,4,5]",
    );
    throwsExactly(
      () => parafac(t3, 2, { mask: nd.ones([3, 4, 5], { dtype: "complex64" }) }),
      TypeError,
      "parafac: mask must be real, got complex64",
    );
  });
  await t.step("numeric options", () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ nIterMax: -1 }, "parafac: nIterMax must be a non-negative integer, got -1"],
      [{ nIterMax: 1.5 }, "parafac: nIterMax must be a non-negative integer, got 1.5"],
      [{ tol: -1 }, "parafac: tol must be a finite number >= 0, got -1"],
      [{ tol: NaN }, "parafac: tol must be a finite number >= 0, got NaN"],
      [{ l2Reg: -0.5 }, "parafac: l2Reg must be a finite number >= 0, got -0.5"],
      [{ svdMaskRepeats: -2 }, "parafac: svdMaskRepeats must be a non-negative integer, got -2"],
      [
        { orthogonalise: -1 },
        "parafac: orthogonalise must be a boolean or a non-negative integer, got -1",
      ],
      [
        { orthogonalise: "yes" },
        "parafac: orthogonalise must be a boolean or a non-negative integer, got yes",
      ],
      [
        { svd: "randomized_svd" },
        'parafac: svd must be "truncated_svd" or "symeig_svd", got "randomized_svd"',
      ],
      [
        { cvgCriterion: "abs" },
        'parafac: cvgCriterion must be "abs_rec_error" or "rec_error", got "abs"',
      ],
      [
        { fixedModes: [3] },
        "parafac: fixedModes has mode 3, out of range for a tensor with 3 modes",
      ],
      [
        { fixedModes: [-1] },
        "parafac: fixedModes has mode -1, out of range for a tensor with 3 modes",
      ],
    ];
    for (const [opts, message] of cases) {
      throwsExactly(() => parafac(t3, 2, bad(opts)), RangeError, message);
    }
  });
  await t.step("option types", () => {
    const cases: [Record<string, unknown> | null, string][] = [
      [{ fixedModes: "0" }, "parafac: fixedModes must be an array of modes, got string"],
      [{ linesearch: "yes" }, "parafac: linesearch must be a boolean, got string"],
      [{ normalizeFactors: 1 }, "parafac: normalizeFactors must be a boolean, got number"],
      [{ onIteration: 5 }, "parafac: onIteration must be a function, got number"],
      [{ rng: "seed" }, "parafac: rng must be an nd.random.Generator or a seed, got string"],
      [null, "parafac: options must be an object, got null"],
    ];
    for (const [opts, message] of cases) {
      throwsExactly(() => parafac(t3, 2, bad(opts)), TypeError, message);
    }
  });
});

Deno.test("non-negative, randomised and class errors", async (t) => {
  await t.step("nonNegativeParafac shares parafac's checks under its own name", () => {
    throwsExactly(
      () => nonNegativeParafac(t3, 0),
      RangeError,
      "nonNegativeParafac: rank must be a positive integer, got 0",
    );
    throwsExactly(
      () => nonNegativeParafac(t3, 2, { mask: nd.ones([5, 4, 3]) }),
      TypeError,
      "nonNegativeParafac: mask of shape [5,4,3] does not match the tensor's shape [3,4,5]",
    );
  });
  await t.step("nonNegativeParafacHals options", () => {
    throwsExactly(
      () => nonNegativeParafacHals(t3, 2, { nnModes: [0, 3] }),
      RangeError,
      "nonNegativeParafacHals: nnModes has mode 3, out of range for a tensor with 3 modes",
    );
    throwsExactly(
      () => nonNegativeParafacHals(t3, 2, { sparsityCoefficients: [1, 2] }),
      TypeError,
      "nonNegativeParafacHals: sparsityCoefficients must be a number or one per mode (3), got 1,2",
    );
    throwsExactly(
      () => nonNegativeParafacHals(t3, 2, { sparsityCoefficients: [1, NaN, null] }),
      RangeError,
      "nonNegativeParafacHals: sparsity coefficients must be finite numbers, got NaN",
    );
    throwsExactly(
      () => nonNegativeParafacHals(t3, 2, { exact: bad("yes") }),
      TypeError,
      "nonNegativeParafacHals: exact must be a boolean, got string",
    );
    throwsExactly(
      () => nonNegativeParafacHals(t3, 2, { epsilon: -1 }),
      RangeError,
      "nonNegativeParafacHals: epsilon must be a finite number >= 0, got -1",
    );
  });
  await t.step("randomisedParafac options", () => {
    throwsExactly(
      () => randomisedParafac(t3, 2, bad(undefined)),
      TypeError,
      "randomisedParafac: options with nSamples are required, got undefined",
    );
    throwsExactly(
      () => randomisedParafac(t3, 2, bad({})),
      RangeError,
      "randomisedParafac: nSamples must be a non-negative integer, got undefined",
    );
    throwsExactly(
      () => randomisedParafac(t3, 2, { nSamples: 0 }),
      RangeError,
      "randomisedParafac: nSamples must be at least 1, got 0",
    );
    throwsExactly(
      () => randomisedParafac(t3, 2, { nSamples: 5, maxStagnation: -1 }),
      RangeError,
      "randomisedParafac: maxStagnation must be a non-negative integer, got -1",
    );
    throwsExactly(
      () => randomisedParafac(t3, 2, { nSamples: 5, onIteration: bad(1) }),
      TypeError,
      "randomisedParafac: onIteration must be a function, got number",
    );
    throwsExactly(
      () => randomisedParafac(t3, 2, { nSamples: 5, init: bad("nope") }),
      RangeError,
      'randomisedParafac: init must be "svd" or "random", got "nope"',
    );
  });
  await t.step("classes check the rank at construction", () => {
    throwsExactly(() => new CP(0), RangeError, "CP: rank must be a positive integer, got 0");
    throwsExactly(
      () => new RandomisedCP(2, bad(null)),
      TypeError,
      "RandomisedCP: options with nSamples are required, got null",
    );
  });
});
