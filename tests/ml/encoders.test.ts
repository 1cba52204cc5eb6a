// OneHotEncoder and OrdinalEncoder against scikit-learn (tests/fixtures/ml/encoders.json), and
// every error path of the encoders.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

type Category = number | string | null;
const DIR = new URL("../fixtures/ml/", import.meta.url).pathname;

/** encoders.json spells NaN as {"nan": 1}. */
function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v === null || typeof v !== "object") return v;
  const entries = Object.entries(v);
  if (entries.length === 1 && entries[0][0] === "nan") return NaN;
  return Object.fromEntries(entries.map(([k, x]) => [k, decode(x)]));
}

interface EncCase {
  name: string;
  estimator: "OneHotEncoder" | "OrdinalEncoder";
  opts: Record<string, unknown>;
  ndarray: boolean;
  x: Category[][];
  x_test: Category[][];
  categories: Category[][];
  transform_x: number[][];
  transform_test: number[][];
  inverse_test: Category[][];
  feature_names?: string[];
  drop_idx?: (number | null)[] | null;
}

const { sklearn, cases } = JSON.parse(await Deno.readTextFile(`${DIR}encoders.json`)) as {
  sklearn: string;
  cases: EncCase[];
};

Deno.test(`encoders match scikit-learn ${sklearn}`, async (t) => {
  for (const raw of cases) {
    const c = decode(raw) as EncCase;
    await t.step(c.name, () => {
      const x = c.ndarray ? nd.array(c.x as number[][]) : c.x;
      const xt = c.ndarray ? nd.array(c.x_test as number[][]) : c.x_test;
      const enc = c.estimator === "OneHotEncoder"
        ? new nd.ml.OneHotEncoder(c.opts)
        : new nd.ml.OrdinalEncoder(c.opts);
      assert.equal(enc.fit(x), enc);
      assert.deepEqual(enc.categories, c.categories);
      nd.testing.assertArrayEqual(enc.transform(x), nd.array(c.transform_x));
      const z = enc.transform(xt);
      nd.testing.assertArrayEqual(z, nd.array(c.transform_test));
      assert.deepEqual(enc.inverseTransform(z), c.inverse_test);
      assert.deepEqual(enc.inverseTransform(c.transform_test), c.inverse_test);
      const fresh = c.estimator === "OneHotEncoder"
        ? new nd.ml.OneHotEncoder(c.opts)
        : new nd.ml.OrdinalEncoder(c.opts);
      nd.testing.assertArrayEqual(fresh.fitTransform(x), nd.array(c.transform_x));
      if (enc instanceof nd.ml.OneHotEncoder) {
        assert.deepEqual(enc.getFeatureNamesOut(), c.feature_names);
        assert.deepEqual(enc.dropIdx, c.drop_idx);
      }
    });
  }
});

// deno-lint-ignore no-explicit-any
const throwsWith = (f: () => unknown, cls: new (...a: any[]) => Error, msg: string) =>
  assert.throws(f, (e: unknown) => {
    assert(e instanceof cls, `expected ${cls.name}, got ${e}`);
    assert.equal((e as Error).message, msg);
    return true;
  });

Deno.test("encoders: inputs", async (t) => {
  await t.step("an NDArray of integers, undefined as null, -0 as 0", () => {
    const enc = new nd.ml.OneHotEncoder().fit(nd.array([[2, 1], [1, 1]], { dtype: "int32" }));
    assert.deepEqual(enc.categories, [[1, 2], [1]]);
    assert.deepEqual(enc.getFeatureNamesOut(), ["x0_1", "x0_2", "x1_1"]);
    const o = new nd.ml.OrdinalEncoder().fit([[undefined as unknown as null], ["a"]]);
    assert.deepEqual(o.categories, [["a", null]]);
    assert.equal(new nd.ml.OrdinalEncoder().fit([[-0], [0]]).categories[0].length, 1);
  });
  await t.step("strings sort by code point, as Python sorts them", () => {
    const enc = new nd.ml.OrdinalEncoder().fit([["\u{1F600}"], ["\uFF21"], ["b"], ["B"]]);
    assert.deepEqual(enc.categories, [["B", "b", "\uFF21", "\u{1F600}"]]);
  });
  await t.step("float32 output", () => {
    const z = new nd.ml.OneHotEncoder({ dtype: "float32" }).fitTransform([["a"], ["b"]]);
    assert.equal(z.dtype, "float32");
    const o = new nd.ml.OrdinalEncoder({ dtype: "float32" }).fitTransform([["a"], ["b"]]);
    assert.equal(o.dtype, "float32");
  });
  await t.step("fit errors change nothing", () => {
    const enc = new nd.ml.OneHotEncoder().fit([["a"], ["b"]]);
    assert.throws(() => enc.fit([["a", 1], [2, "b"]]));
    assert.deepEqual(enc.categories, [["a", "b"]]);
  });
});

Deno.test("encoders: errors", async (t) => {
  const O = nd.ml.OneHotEncoder, R = nd.ml.OrdinalEncoder;
  await t.step("input shapes and values", () => {
    throwsWith(
      () => new O().fit([["a", 1], [2, "b"]]),
      TypeError,
      "OneHotEncoder: encoders require their input to be uniformly strings or numbers: column " +
        "0 holds both",
    );
    throwsWith(
      () => new O().fit([[true as unknown as number]]),
      TypeError,
      "OneHotEncoder: values must be numbers, strings or null, got true at row 0, column 0",
    );
    throwsWith(
      () => new O().fit([["a", "b"], ["c"]]),
      TypeError,
      "OneHotEncoder: rows must all have the same length: row 0 has 2 values, row 1 has 1",
    );
    throwsWith(
      () => new O().fit(nd.zeros([2, 2, 2])),
      TypeError,
      "OneHotEncoder: expected a 2-D array, got a 3-D array of shape [2,2,2]",
    );
    throwsWith(
      () => new O().fit(["a", "b"] as unknown as string[][]),
      TypeError,
      'OneHotEncoder: expected a 2-D array (rows of values), got "a" as row 0',
    );
    throwsWith(
      () => new O().fit("ab" as unknown as string[][]),
      TypeError,
      'OneHotEncoder: X must be an NDArray or an array of rows, got "ab"',
    );
    throwsWith(
      () => new O().fit([]),
      TypeError,
      "OneHotEncoder: found an array with 0 samples while a minimum of 1 is required",
    );
    throwsWith(
      () => new O().fit([[]]),
      TypeError,
      "OneHotEncoder: found an array with 0 features while a minimum of 1 is required",
    );
    throwsWith(
      () => new R().fit([[1], [Infinity]]),
      RangeError,
      "OrdinalEncoder: input X contains infinity or a value too large for float64",
    );
    throwsWith(
      () => new R().fit(nd.zeros([2, 2], { dtype: "complex64" })),
      TypeError,
      "OrdinalEncoder: complex data is not supported: X has dtype complex64",
    );
  });
  await t.step("unknown categories and fitted state", () => {
    const enc = new O();
    throwsWith(
      () => enc.transform([["a"]]),
      nd.ml.NotFittedError,
      "This OneHotEncoder instance is not fitted yet: call 'fit' with appropriate arguments " +
        "before using this estimator",
    );
    throwsWith(
      () => enc.categories,
      nd.ml.NotFittedError,
      (() => {
        try {
          enc.dropIdx;
        } catch (e) {
          return (e as Error).message;
        }
        return "";
      })(),
    );
    enc.fit([["a", 1], ["b", 2]]);
    throwsWith(
      () => enc.transform([["c", 1], ["d", 3], ["c", 1]]),
      RangeError,
      'OneHotEncoder: found unknown categories ["c", "d"] in column 0 during transform',
    );
    throwsWith(
      () => enc.transform([["a", 7]]),
      RangeError,
      "OneHotEncoder: found unknown categories [7] in column 1 during transform",
    );
    throwsWith(
      () => enc.transform([["a"]]),
      TypeError,
      "X has 1 features, but OneHotEncoder is expecting 2 features as input",
    );
    throwsWith(
      () => enc.inverseTransform([[1, 0, 1]]),
      TypeError,
      "OneHotEncoder: the shape of the passed X is not correct: expected 4 columns, got 3",
    );
    throwsWith(
      () => enc.inverseTransform([[1, 0, 0, 0]]),
      RangeError,
      "OneHotEncoder: sample 0 cannot be inverted when drop is null and handleUnknown is " +
        '"error" because feature 1 is all zeros',
    );
    throwsWith(
      () => enc.getFeatureNamesOut(["a"]),
      TypeError,
      "OneHotEncoder: inputFeatures should have length 2, got 1",
    );
  });
  await t.step("given categories", () => {
    throwsWith(
      () => new O({ categories: [["a", "b"]] }).fit([["c"]]),
      RangeError,
      'OneHotEncoder: found unknown categories ["c"] in column 0 during fit',
    );
    throwsWith(
      () => new O({ categories: [[1, 2]] }).fit([[1, 2]]),
      TypeError,
      "OneHotEncoder: shape mismatch: categories has 1 lists but X has 2 features",
    );
    throwsWith(
      () => new R({ categories: [[3, 1, 2]] }).fit([[1], [2]]),
      RangeError,
      "OrdinalEncoder: unsorted categories are not supported for numerical categories: column " +
        "0 has [3, 1, 2]",
    );
    throwsWith(
      () => new R({ categories: [[NaN, 1]] }).fit([[1]]),
      RangeError,
      "OrdinalEncoder: unsorted categories are not supported for numerical categories: NaN " +
        "must come last in column 0",
    );
    throwsWith(
      () => new O({ categories: "sorted" as "auto" }),
      TypeError,
      'OneHotEncoder: categories must be "auto" or an array of category lists, got "sorted"',
    );
    throwsWith(
      () => new R({ categories: "sorted" as "auto" }),
      TypeError,
      'OrdinalEncoder: categories must be "auto" or an array of category lists, got "sorted"',
    );
    throwsWith(
      () => new R({ categories: [1, 2] as unknown as number[][] }).fit([[1]]),
      TypeError,
      'OrdinalEncoder: categories must be "auto" or an array of category lists, got [1, 2]',
    );
  });
  await t.step("drop", () => {
    throwsWith(
      () => new O({ drop: "last" as "first" }),
      RangeError,
      'OneHotEncoder: drop must be null, "first", "if_binary" or an array of categories, got ' +
        '"last"',
    );
    throwsWith(
      () => new O({ drop: ["a"] }).fit([["a", 1]]),
      TypeError,
      "OneHotEncoder: drop should have one category per feature (2), got 1",
    );
    throwsWith(
      () => new O({ drop: ["z", 5] }).fit([["a", 1]]),
      RangeError,
      'OneHotEncoder: the categories to drop were not found in the training data: ["z"] of ' +
        "feature 0, [5] of feature 1",
    );
  });
  await t.step("options", () => {
    throwsWith(
      () => new O({ handleUnknown: "warn" as "error" }),
      RangeError,
      'OneHotEncoder: handleUnknown must be one of "error", "ignore", got "warn"',
    );
    throwsWith(
      () => new O({ dtype: "int32" as "float64" }),
      RangeError,
      'OneHotEncoder: dtype must be one of "float64", "float32", got "int32"',
    );
    throwsWith(
      () => new R({ handleUnknown: "use_encoded_value" }),
      TypeError,
      "OrdinalEncoder: unknownValue should be an integer or NaN when handleUnknown is " +
        '"use_encoded_value", got null',
    );
    throwsWith(
      () => new R({ unknownValue: -1 }),
      TypeError,
      "OrdinalEncoder: unknownValue should only be set when handleUnknown is " +
        '"use_encoded_value", got -1',
    );
    throwsWith(
      () => new R({ encodedMissingValue: 0.5 }),
      TypeError,
      "OrdinalEncoder: encodedMissingValue should be an integer or NaN, got 0.5",
    );
    throwsWith(
      () => new R({ handleUnknown: "use_encoded_value", unknownValue: 1 }).fit([["a"], ["b"]]),
      RangeError,
      "OrdinalEncoder: the used value for unknownValue 1 is one of the values already used " +
        "for encoding the seen categories",
    );
    throwsWith(
      () => new R({ encodedMissingValue: 0 }).fit([["a", 1], ["b", NaN]]),
      RangeError,
      "OrdinalEncoder: encodedMissingValue (0) is already used to encode a known category in " +
        "features: [1]",
    );
    const r = new R().fit([["a"], ["b"]]);
    throwsWith(
      () => r.inverseTransform([[2]]),
      RangeError,
      "OrdinalEncoder: code 2 at row 0, column 0 is not the code of a category (0 to 1)",
    );
    throwsWith(
      () => r.inverseTransform([[0, 1]]),
      TypeError,
      "OrdinalEncoder: the shape of the passed X is not correct: expected 1 columns, got 2",
    );
    throwsWith(
      () => r.transform([["c"]]),
      RangeError,
      'OrdinalEncoder: found unknown categories ["c"] in column 0 during transform',
    );
  });
});
