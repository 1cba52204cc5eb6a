// nd.ml against scikit-learn 1.2 (tests/fixtures/fixtures_ml.py): every numeric case of
// cases.json, fitted attributes and transforms to 1e-10.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

const DIR = new URL("../fixtures/ml/", import.meta.url).pathname;

interface Case {
  name: string;
  estimator: string;
  opts: Record<string, unknown>;
  x: string;
  x_test: string | null;
  partial: number[] | null;
  none: string[];
  lists: Record<string, number>;
  tol: { rtol: number; atol: number } | null;
}

// deno-lint-ignore no-explicit-any
type AnyEstimator = any;
const ml = nd.ml as unknown as Record<string, new (opts: unknown) => AnyEstimator>;

const { sklearn, cases } = JSON.parse(await Deno.readTextFile(`${DIR}cases.json`)) as {
  sklearn: string;
  cases: Case[];
};
const inputs = nd.load(`${DIR}inputs.npz`) as Record<string, nd.NDArray>;
const TOL = { rtol: 1e-10, atol: 0 };

function closeTo(actual: unknown, expected: nd.NDArray, what: string, tol = TOL): void {
  if (typeof actual === "number" || typeof actual === "bigint") {
    assert.equal(expected.size, 1, `${what}: scalar vs ${expected.shape}`);
    nd.testing.assertAllClose(Number(actual), Number(expected.item()), tol);
    return;
  }
  assert(actual instanceof nd.NDArray, `${what}: not an NDArray`);
  if (expected.dtype === "int64") {
    nd.testing.assertArrayEqual(actual, expected);
    return;
  }
  try {
    nd.testing.assertAllClose(actual, expected, tol);
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

Deno.test(`nd.ml matches scikit-learn ${sklearn} on ${cases.length} cases`, async (t) => {
  for (const c of cases) {
    await t.step(c.name, () => check(c));
    // PCA's SVDs, LU and QR also run on the TypeScript backend (the BLAS one when it loads)
    if (c.estimator === "PCA") {
      await t.step(`${c.name} (TypeScript backend)`, () => onTs(() => check(c)));
    }
  }
});

function check(c: Case): void {
  const f = nd.load(`${DIR}${c.name}.npz`) as Record<string, nd.NDArray>;
  const tol = c.tol ?? TOL;
  const close = (a: unknown, e: nd.NDArray, what: string) => closeTo(a, e, what, tol);
  const x = inputs[c.x];
  const est = new ml[c.estimator](c.opts);
  if (c.partial) {
    let start = 0;
    for (const size of c.partial) {
      assert.equal(est.partialFit(x.slice(`${start}:${start + size}`)), est);
      start += size;
    }
  } else {
    assert.equal(est.fit(x), est);
  }
  for (const name of c.none) assert.equal(est[name], null, `${c.name}: ${name} is not null`);
  for (const [key, arr] of Object.entries(f)) {
    if (!key.startsWith("attr_")) continue;
    const name = key.slice(5);
    const list = /^(.*)_(\d+)$/.exec(name);
    if (list && list[1] in c.lists) {
      close(est[list[1]][Number(list[2])], arr, `${c.name}: ${name}`);
    } else close(est[name], arr, `${c.name}: ${name}`);
  }
  for (const [name, n] of Object.entries(c.lists)) {
    assert.equal(est[name].length, n, `${c.name}: ${name} has ${n} entries`);
  }
  close(est.transform(x), f.transform_x, `${c.name}: transform(x)`);
  const fresh = new ml[c.estimator](c.opts);
  close(fresh.fitTransform(x), f.fit_transform ?? f.transform_x, `${c.name}: fitTransform(x)`);
  if (c.x_test) {
    close(est.transform(inputs[c.x_test]), f.transform_test, `${c.name}: transform(xTest)`);
    if (f.inverse_test) {
      close(est.inverseTransform(f.transform_test), f.inverse_test, `${c.name}: inverse`);
    }
  }
}
