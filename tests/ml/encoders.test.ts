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
