// Array bounds and parameters: every input form of Generator.integers / RandomState.randint
// (nested JS arrays, typed arrays, NDArrays of any real dtype, 0-d arrays) reads the same
// bounds, and 0-d arrays are scalars everywhere, as in NumPy. The values come from NumPy 2.4
// (commented); the broadcast streams themselves are checked bit for bit by the broadcast
// fixtures in random_fixtures.test.ts.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

const arr = (x: unknown): unknown => (x as nd.NDArray).toArray();

Deno.test("integers with array bounds", async (t) => {
  await t.step("nested arrays, typed arrays and NDArrays give the same draws", () => {
    // np.random.default_rng(0).integers([0, 10], [5, 20]) -> [4, 16]
    const forms: [unknown, unknown][] = [
      [[0, 10], [5, 20]],
      [[0n, 10n], [5n, 20n]],
      [new Int32Array([0, 10]), new Uint8Array([5, 20])],
      [nd.array([0, 10], { dtype: "float64" }), nd.array([5, 20], { dtype: "int32" })],
      [nd.array([0, 10], { dtype: "uint64" }), nd.array([5, 20], { dtype: "int8" })],
      [[[0, 10]], [[5], [20]]].map((x) => nd.array(x).reshape([2])) as [unknown, unknown],
      [nd.arange(2).mul(10), nd.array([[5, 20]]).reshape([2])],
    ];
    for (const [lo, hi] of forms) {
      const g = nd.random.defaultRng(0);
      const x = (g.integers as (...a: unknown[]) => unknown)(lo, hi) as nd.NDArray;
      assert.equal(x.dtype, "int64");
      assert.deepEqual(x.shape, [2]);
      assert.deepEqual(x.toArray(), [4n, 16n], `bounds ${String(lo)}, ${String(hi)}`);
    }
  });
  await t.step("a strided view reads its own elements in C order", () => {
    // np.random.default_rng(0).integers(np.array([[0, 1], [10, 11]])[:, 0], [5, 20]) -> [4, 16]
    const lo = nd.array([[0, 1], [10, 11]]).slice(null, 0);
    assert(!lo.flags.cContiguous);
    const x = nd.random.defaultRng(0).integers(lo, [5, 20]);
    assert.deepEqual(arr(x), [4n, 16n]);
  });
  await t.step("two 0-d arrays draw one scalar, as NumPy does", () => {
    // np.random.default_rng(0).integers(np.array(3), np.array(10)) -> np.int64(8)
    assert.equal(nd.random.defaultRng(0).integers(nd.array(3), nd.array(10)), 8n);
    assert.equal(nd.random.defaultRng(0).integers(nd.array(3), 10), 8n);
  });
  await t.step("one 0-d array and one 1-d array give an array", () => {
    const x = nd.random.defaultRng(0).integers(nd.array(0), [5]) as nd.NDArray;
    assert.deepEqual(x.shape, [1]);
  });
  await t.step("bool arrays are 0/1 bounds", () => {
    // np.random.default_rng(0).integers(np.array([[True], [False]]), 2, dtype=np.bool_)
    //   -> [[True], [True]]
    const x = nd.random.defaultRng(0).integers(nd.array([[true], [false]]), 2, { dtype: "bool" });
    assert.equal((x as nd.NDArray).dtype, "bool");
    assert.deepEqual(arr(x), [[true], [true]]);
  });
  await t.step("size repeats the broadcast bounds", () => {
    // np.random.default_rng(0).integers([0, 10], [5, 20], dtype=np.uint8, size=(2, 2))
    //   -> [[1, 15], [3, 18]]
    const x = nd.random.defaultRng(0).integers([0, 10], [5, 20], { dtype: "uint8", size: [2, 2] });
    assert.equal((x as nd.NDArray).dtype, "uint8");
    assert.deepEqual(arr(x), [[1, 15], [3, 18]]);
  });
  await t.step("an empty size returns an empty array before checking the bounds", () => {
    // np.random.default_rng(0).integers([5, 0], [3, 6], size=0) -> []
    const g = nd.random.defaultRng(0);
    const before = g.bitGenerator.state;
    const x = g.integers([5, 0], [3, 6], { size: 0 }) as nd.NDArray;
    assert.deepEqual([x.dtype, x.shape], ["int64", [0]]);
    assert.deepEqual(g.bitGenerator.state, before);
  });
  await t.step("legacy randint and the module-level randint broadcast too", () => {
    // np.random.RandomState(0).randint([0, 1], [3, 4]) -> [0, 2]
    assert.deepEqual(arr(new nd.random.RandomState(0).randint([0, 1], [3, 4])), [0n, 2n]);
    nd.random.seed(0);
    assert.deepEqual(arr(nd.random.randint([0, 1], [3, 4])), [0n, 2n]);
  });
});

Deno.test("0-d array parameters of the continuous distributions are scalars", () => {
  // np.random.default_rng(0).normal(np.array(0.0), 1) -> 0.1257302210933933 (a float)
  assert.equal(nd.random.defaultRng(0).normal(nd.array(0.0), 1), 0.1257302210933933);
  // np.random.default_rng(0).uniform(np.array(1.0), np.array(2.0)) -> 1.6369616873214543
  assert.equal(nd.random.defaultRng(0).uniform(nd.array(1.0), nd.array(2.0)), 1.6369616873214543);
  // np.random.default_rng(0).exponential(np.array(2.0)) -> 1.3598638079378191
  assert.equal(nd.random.defaultRng(0).exponential(nd.array(2.0)), 1.3598638079378191);
  // np.random.RandomState(0).normal(np.array(0.0), 1) -> 1.764052345967664
  assert.equal(new nd.random.RandomState(0).normal(nd.array(0.0), 1), 1.764052345967664);
  // a 1-element 1-d array stays an array: np.random.default_rng(0).normal(np.array([0.0]), 1)
  const x = nd.random.defaultRng(0).normal(nd.array([0.0]), 1) as nd.NDArray;
  assert.deepEqual([x.shape, x.toArray()], [[1], [0.1257302210933933]]);
  // with a size, a 0-d parameter repeats: np.random.default_rng(0).normal(np.array(0.0), 1, 2)
  const y = nd.random.defaultRng(0).normal(nd.array(0.0), 1, { size: 2 }) as nd.NDArray;
  assert.deepEqual(y.shape, [2]);
  assert.equal(y.get(0), 0.1257302210933933);
});
