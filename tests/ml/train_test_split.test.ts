// trainTestSplit: scikit-learn's indices for the same seeds (tests/fixtures/ml/split.json),
// properties of the split, and every error path.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";

const DIR = new URL("../fixtures/ml/", import.meta.url).pathname;
const split = nd.ml.trainTestSplit;

interface SplitCase {
  n: number;
  opts: { testSize?: number; trainSize?: number; randomState?: number; shuffle?: boolean };
  stratify: (number | string)[] | null;
  train: number[];
  test: number[];
}

const { sklearn, cases } = JSON.parse(await Deno.readTextFile(`${DIR}split.json`)) as {
  sklearn: string;
  cases: SplitCase[];
};

const indices = (n: number) => Array.from({ length: n }, (_, i) => i);

Deno.test(`trainTestSplit draws scikit-learn ${sklearn}'s indices`, async (t) => {
  for (const c of cases) {
    await t.step(`n=${c.n} ${JSON.stringify(c.opts)}${c.stratify ? " stratified" : ""}`, () => {
      const { randomState, ...rest } = c.opts;
      const opts = { ...rest, rng: randomState, stratify: c.stratify };
      const [train, test] = split([indices(c.n)], opts);
      assert.deepEqual(train, c.train);
      assert.deepEqual(test, c.test);
      // the same rows of an NDArray, and a RandomState instance draws the same
      const [xTrain, xTest] = split([nd.arange(c.n, { dtype: "float64" })], {
        ...opts,
        rng: randomState === undefined ? undefined : new nd.random.RandomState(randomState),
      });
      assert.deepEqual(xTrain.toArray(), c.train);
      assert.deepEqual(xTest.toArray(), c.test);
    });
  }
});

Deno.test("trainTestSplit splits every array alike", async (t) => {
  await t.step("rows of 2-D arrays and labels stay together", () => {
    const x = nd.arange(20).reshape([10, 2]);
    const y = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const [xTr, xTe, yTr, yTe] = split<nd.NDArray | string[]>([x, y], { rng: 3 });
    assert.deepEqual((xTr as nd.NDArray).shape, [7, 2]);
    assert.deepEqual((xTe as nd.NDArray).shape, [3, 2]);
    const rows = (a: nd.NDArray) => (a.toArray() as bigint[][]).map((r) => `s${Number(r[0]) / 2}`);
    assert.deepEqual(rows(xTr as nd.NDArray), yTr);
    assert.deepEqual(rows(xTe as nd.NDArray), yTe);
  });
  await t.step("a Generator draws NumPy's default_rng permutation", () => {
    const [train, test] = split([indices(8)], { rng: nd.random.defaultRng(0), testSize: 2 });
    const p = Array.from(nd.random.defaultRng(0).permutation(8).data as BigInt64Array, Number);
    assert.deepEqual(test, p.slice(0, 2));
    assert.deepEqual(train, p.slice(2));
  });
  await t.step("the global RandomState by default (nd.random.seed)", () => {
    nd.random.seed(42);
    const a = split([indices(30)]);
    nd.random.seed(42);
    assert.deepEqual(split([indices(30)]), a);
    assert.deepEqual(a, split([indices(30)], { rng: 42 }));
  });
  await t.step("a partition of the samples with the requested sizes (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 200 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (n, frac, seed) => {
          const nTest = Math.ceil(frac * n);
          fc.pre(nTest < n);
          const [train, test] = split([indices(n)], { testSize: frac, rng: seed });
          assert.equal(test.length, nTest);
          assert.equal(train.length, n - nTest);
          assert.deepEqual([...train, ...test].sort((a, b) => a - b), indices(n));
        },
      ),
      { numRuns: 200 },
    );
  });
  await t.step("stratified splits keep the class proportions (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 20, maxLength: 120 }),
        fc.integer({ min: 0, max: 1000 }),
        (labels, seed) => {
          const counts = [0, 1, 2, 3].map((c) => labels.filter((l) => l === c).length);
          fc.pre(counts.every((c) => c === 0 || c >= 2));
          const classes = counts.filter((c) => c > 0).length;
          const nTest = Math.ceil(0.25 * labels.length);
          fc.pre(nTest >= classes && labels.length - nTest >= classes);
          const [train, test] = split([indices(labels.length)], {
            rng: seed,
            stratify: labels,
          });
          assert.deepEqual([...train, ...test].sort((a, b) => a - b), indices(labels.length));
          for (let c = 0; c < 4; c++) {
            const inTest = test.filter((i) => labels[i] === c).length;
            assert(Math.abs(inTest - counts[c] * nTest / labels.length) <= 1);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

Deno.test("trainTestSplit errors", async (t) => {
  const throwsWith = (f: () => unknown, cls: ErrorConstructor, msg: string) =>
    assert.throws(f, (e: unknown) => e instanceof cls && (e as Error).message === msg);
  await t.step("arrays", () => {
    throwsWith(() => split([]), TypeError, "trainTestSplit: at least one array is required");
    throwsWith(
      () => split("abc" as unknown as string[][]),
      TypeError,
      'trainTestSplit: arrays must be an array of arrays, got "abc"',
    );
    throwsWith(
      () => split([indices(4), indices(5)]),
      TypeError,
      "trainTestSplit: found input arrays with inconsistent numbers of samples: [4, 5]",
    );
    throwsWith(
      () => split([nd.array(3)]),
      TypeError,
      "trainTestSplit: array 0 is 0-dimensional",
    );
    throwsWith(
      () => split([5 as unknown as number[]]),
      TypeError,
      "trainTestSplit: array 0 must be an NDArray or a JS array, got 5",
    );
  });
  await t.step("sizes", () => {
    throwsWith(
      () => split([indices(10)], { testSize: 10 }),
      RangeError,
      "trainTestSplit: testSize=10 should be either positive and smaller than the number of " +
        "samples 10 or a float in the (0, 1) range",
    );
    throwsWith(
      () => split([indices(10)], { trainSize: 1.5 }),
      RangeError,
      "trainTestSplit: trainSize=1.5 should be either positive and smaller than the number of " +
        "samples 10 or a float in the (0, 1) range",
    );
    throwsWith(
      () => split([indices(10)], { testSize: 0.6, trainSize: 0.5 }),
      RangeError,
      "trainTestSplit: the sum of testSize and trainSize = 1.1 should be in the (0, 1) range: " +
        "reduce testSize and/or trainSize",
    );
    throwsWith(
      () => split([indices(10)], { testSize: 6, trainSize: 5 }),
      RangeError,
      "trainTestSplit: the sum of trainSize and testSize = 11 should be smaller than the " +
        "number of samples 10: reduce testSize and/or trainSize",
    );
    throwsWith(
      () => split([indices(3)], { testSize: 0.9 }),
      RangeError,
      "trainTestSplit: with nSamples=3, testSize=0.9 and trainSize=null, the resulting train " +
        "set would be empty: adjust any of these",
    );
    throwsWith(
      () => split([indices(3)], { testSize: "1" as unknown as number }),
      TypeError,
      'trainTestSplit: testSize must be a number or null, got "1"',
    );
  });
  await t.step("options", () => {
    throwsWith(
      () => split([indices(10)], { rng: -1 }),
      TypeError,
      "trainTestSplit: rng must be an integer seed in [0, 2**32), an nd.random.RandomState or " +
        "Generator, or null, got -1",
    );
    throwsWith(
      () => split([indices(10)], { shuffle: 0 as unknown as boolean }),
      TypeError,
      "trainTestSplit: shuffle must be a boolean, got 0",
    );
    throwsWith(
      () => split([indices(10)], { shuffle: false, stratify: indices(10) }),
      RangeError,
      "trainTestSplit: a stratified split is not implemented for shuffle=false",
    );
    throwsWith(
      () => split([indices(10)], { stratify: indices(9) }),
      TypeError,
      "trainTestSplit: stratify must hold one label per sample (10), got [" +
        indices(9).join(", ") + "]",
    );
  });
  await t.step("stratification", () => {
    const labels = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3];
    throwsWith(
      () => split([indices(10)], { stratify: labels, rng: 0 }),
      RangeError,
      "trainTestSplit: the least populated class in stratify has only 1 member, which is too " +
        "few: the minimum number of members of any class cannot be less than 2",
    );
    const five = [0, 0, 1, 1, 2, 2, 3, 3, 4, 4];
    throwsWith(
      () => split([indices(10)], { stratify: five, testSize: 0.2, rng: 0 }),
      RangeError,
      "trainTestSplit: the test size = 2 should be greater or equal to the number of classes = 5",
    );
    throwsWith(
      () => split([indices(10)], { stratify: five, trainSize: 3, rng: 0 }),
      RangeError,
      "trainTestSplit: the train size = 3 should be greater or equal to the number of " +
        "classes = 5",
    );
    throwsWith(
      () => split([indices(4)], { stratify: [1, "a", 1, "a"], rng: 0 }),
      TypeError,
      "trainTestSplit: stratify labels must be all numbers or all strings",
    );
  });
});
