// Edge cases and API details: 0-d and empty inputs, copies vs views, result dtypes and shapes,
// stability of ties, the typing of unique's result, and the fallback paths of partition.
// Expected values were obtained by running NumPy 2.4 (noted beside each).
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";
import { tokens } from "./_helpers.ts";

const ints = (a: nd.NDArray): number[] => (a.toArray() as bigint[]).map(Number);

Deno.test("0-d inputs behave as NumPy's", async (t) => {
  await t.step("argsort and argpartition of a 0-d array give [0]", () => {
    // np.argsort(np.array(5)) -> array([0]); np.argpartition(np.array(5), 0) -> array([0])
    for (const r of [nd.argsort(nd.array(5)), nd.argsort(7, { axis: null })]) {
      assert.deepEqual([...r.shape], [1]);
      assert.deepEqual(ints(r), [0]);
    }
    assert.deepEqual(ints(nd.argpartition(nd.array(5), 0)), [0]);
    assert.deepEqual(ints(nd.argpartition(nd.array(5), -1)), [0]);
  });
  await t.step("sort and partition with axis null flatten a 0-d array", () => {
    // np.sort(np.array(5), axis=None) -> array([5])
    const s = nd.sort(nd.array(5.5), { axis: null });
    assert.deepEqual([...s.shape], [1]);
    assert.equal(s.get(0), 5.5);
    assert.deepEqual([...nd.partition(nd.array(5), 0, { axis: null }).shape], [1]);
  });
  await t.step("searchsorted with a scalar gives a 0-d result", () => {
    const r = nd.searchsorted([1, 2, 3], 2);
    assert.deepEqual([...r.shape], []);
    assert.equal(r.dtype, "int64");
    assert.equal(r.item(), 1n);
  });
  await t.step("unique of a 0-d array: 1-D values, 0-d inverse", () => {
    // np.unique(np.array(5), return_inverse=True) -> (array([5]), array(0))
    const u = nd.unique(nd.array(5), { returnInverse: true });
    assert.deepEqual([...u.values.shape], [1]);
    assert.deepEqual([...u.inverse.shape], []);
  });
  await t.step("argwhere of 0-d: shape [1, 0] when nonzero, [0, 0] when zero", () => {
    assert.deepEqual([...nd.argwhere(nd.array(5)).shape], [1, 0]);
    assert.deepEqual([...nd.argwhere(nd.array(0)).shape], [0, 0]);
    assert.deepEqual(ints(nd.flatnonzero(nd.array(5))), [0]);
  });
  await t.step("isin of a scalar is 0-d; lexsort of 0-d keys is 0-d", () => {
    const r = nd.isin(5, [5]);
    assert.deepEqual([...r.shape], []);
    assert.equal(r.item(), true);
    // np.lexsort([1, 0, 2]) -> 0 (three 0-d keys)
    const l = nd.lexsort([1, 0, 2]);
    assert.deepEqual([...l.shape], []);
    assert.equal(l.item(), 0n);
  });
});

Deno.test("empty inputs", () => {
  for (const shape of [[0], [3, 0], [0, 4]]) {
    const a = nd.zeros(shape);
    for (const axis of [0, -1]) {
      assert.deepEqual([...nd.sort(a, { axis }).shape], shape);
      assert.deepEqual([...nd.argsort(a, { axis }).shape], shape);
      // np.partition(np.zeros((3, 0)), 0) works: no kth check on empty arrays
      assert.deepEqual([...nd.partition(a, 5, { axis }).shape], shape);
      assert.deepEqual([...nd.argpartition(a, 5, { axis }).shape], shape);
    }
    assert.equal(nd.unique(a).size, 0);
    assert.deepEqual(nd.nonzero(a).map((x) => x.size), shape.map(() => 0));
    assert.deepEqual([...nd.argwhere(a).shape], [0, shape.length]);
  }
  assert.deepEqual([...nd.searchsorted([], [1, 2]).toArray()], [0n, 0n]);
  assert.deepEqual([...nd.searchsorted([1, 2], []).shape], [0]);
  assert.deepEqual(nd.isin([], [1]).toArray(), []);
  assert.deepEqual(nd.isin([1, 2], []).toArray(), [false, false]);
});

Deno.test("sort returns a new C-contiguous array and leaves the input alone", () => {
  const base = nd.array([[3, 1, 2], [9, 8, 7]], { dtype: "float32" });
  for (const a of [base, base.T, base.slice("::-1")]) {
    const before = tokens(a);
    for (const axis of [0, -1, null]) {
      const s = nd.sort(a, { axis });
      assert.equal(s.base, null);
      assert.ok(s.flags.cContiguous);
      assert.equal(s.dtype, "float32");
      assert.notEqual(s.data, a.data);
    }
    assert.deepEqual(tokens(a), before);
  }
  assert.deepEqual(nd.sort(base.T, { axis: 0 }).toArray(), [[1, 7], [2, 8], [3, 9]]);
});

Deno.test("every kind gives the stable result; argsort keeps ties in input order", () => {
  const a = nd.array([2, 1, 2, 1, 2, 0, 1]);
  for (const kind of ["quicksort", "mergesort", "heapsort", "stable"] as const) {
    // np.argsort(a, kind="stable") -> [5, 1, 3, 6, 0, 2, 4]
    assert.deepEqual(ints(nd.argsort(a, { kind })), [5, 1, 3, 6, 0, 2, 4]);
    assert.deepEqual(ints(nd.sort(a, { kind, stable: true })), [0, 1, 1, 1, 2, 2, 2]);
  }
  // -0.0 and 0.0 are ties: np.argsort([0., -0., 0., -0.], kind="stable") -> [0, 1, 2, 3]
  assert.deepEqual(ints(nd.argsort(nd.array([0, -0, 0, -0], { dtype: "float64" }))), [0, 1, 2, 3]);
  const z = nd.array([0, -0, 1, -0, 0, -1], { dtype: "float64" });
  assert.deepEqual(tokens(nd.sort(z)), ["-1", "0", "-0", "-0", "0", "1"]);
  // all NaNs are ties too, kept in input order, after +inf
  assert.deepEqual(ints(nd.argsort([NaN, Infinity, NaN, -Infinity])), [3, 1, 0, 2]);
});

Deno.test("int64 and uint64 extremes sort exactly (no float rounding)", () => {
  const big = [2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, 2n ** 53n, -1n, 0n];
  const s = nd.sort(nd.array(big, { dtype: "int64" }));
  assert.deepEqual(s.toArray(), [-(2n ** 63n), -1n, 0n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 63n - 1n]);
  const u = nd.array([2n ** 64n - 1n, 0n, 2n ** 63n, 2n ** 63n - 1n], { dtype: "uint64" });
  assert.deepEqual(ints(nd.argsort(u)), [1, 3, 2, 0]);
  // Beyond 2^53 partition falls back to a full sort, which is also a valid partition.
  const p = nd.partition(nd.array(big, { dtype: "int64" }), 3);
  assert.equal(p.get(3), 2n ** 53n);
  assert.equal(nd.argpartition(nd.array(big, { dtype: "int64" }), 4).get(4), 2n);
  // searchsorted and isin compare 64-bit integers exactly.
  const sorted = nd.array([2n ** 53n, 2n ** 53n + 1n, 2n ** 53n + 2n], { dtype: "int64" });
  assert.equal(nd.searchsorted(sorted, nd.array([2n ** 53n + 1n])).item(0), 1n);
  assert.deepEqual(
    nd.isin(nd.array([2n ** 53n + 1n, 2n ** 53n + 3n]), sorted).toArray(),
    [true, false],
  );
});

Deno.test("complex partition and argpartition use the complex order", () => {
  const c = nd.array([{ re: 2, im: 0 }, { re: 1, im: NaN }, { re: 1, im: 1 }, { re: 0, im: 5 }]);
  // np.partition(c, 1)[1] -> (1+1j); the NaN-holding value is last
  const p = nd.partition(c, 1);
  assert.deepEqual(p.get(1), { re: 1, im: 1 });
  assert.deepEqual(p.get(3), { re: 1, im: NaN });
  assert.equal(nd.argpartition(c, 3).get(3), 1n);
});

Deno.test("unique: result shapes and the types of its fields", () => {
  const a = nd.array([[3, 1], [3, 2]]);
  const plain: nd.NDArray<"int64"> = nd.unique(a as nd.NDArray<"int64">);
  assert.deepEqual(ints(plain), [1, 2, 3]);
  const r = nd.unique(a, { returnCounts: true, returnInverse: true });
  // inverse has the input's shape (NumPy 2): np.unique(a, return_inverse=True)[1]
  assert.deepEqual([...r.inverse.shape], [2, 2]);
  assert.deepEqual((r.inverse.toArray() as bigint[][]).flat().map(Number), [2, 0, 2, 1]);
  assert.deepEqual(ints(r.counts), [1, 1, 2]);
  assert.equal(r.indices, undefined);
  const flag = Math.random() < 2; // a runtime boolean: the result may be either form
  const either = nd.unique(a, { returnIndex: flag });
  assert.ok(!(either instanceof nd.NDArray) && either.indices !== undefined);
  const byRow = nd.unique(a, { axis: 0, returnInverse: true });
  assert.deepEqual([...byRow.inverse.shape], [2]);
  // bool and uint8 values
  assert.deepEqual(nd.unique([true, false, true]).toArray(), [false, true]);
  assert.deepEqual(nd.unique(nd.array([3, 3, 0], { dtype: "uint8" })).toArray(), [0, 3]);
});

Deno.test("lexsort accepts a 2-D NDArray of keys (rows) and an axis", () => {
  // np.lexsort(np.array([[1, 1, 0], [2, 1, 1]])) -> [2, 1, 0]
  assert.deepEqual(ints(nd.lexsort(nd.array([[1, 1, 0], [2, 1, 1]]))), [2, 1, 0]);
  // np.lexsort([np.array([[1,0],[0,1]]), np.array([[1,1],[0,0]])], axis=0) -> [[1,1],[0,0]]
  const r = nd.lexsort([nd.array([[1, 0], [0, 1]]), nd.array([[1, 1], [0, 0]])], { axis: 0 });
  assert.deepEqual(r.toArray(), [[1n, 1n], [0n, 0n]]);
});

Deno.test("extract: a shorter condition, and a condition on a different shape", () => {
  // np.extract([1, 0], [[1, 2], [3, 4]]) -> [1]
  assert.deepEqual(ints(nd.extract([1, 0], [[1, 2], [3, 4]])), [1]);
  // np.extract([[0, 1], [1, 0]], [5, 6, 7, 8]) -> [6, 7]
  assert.deepEqual(ints(nd.extract([[0, 1], [1, 0]], [5, 6, 7, 8])), [6, 7]);
  const c = nd.extract([1, 1], nd.array([{ re: 1, im: 2 }, { re: 0, im: -1 }]));
  assert.equal(c.dtype, "complex128");
  assert.deepEqual(c.toArray(), [{ re: 1, im: 2 }, { re: 0, im: -1 }]);
});

Deno.test("nonzero: complex values with only an imaginary part are nonzero", () => {
  const c = nd.array([{ re: 0, im: 0 }, { re: 0, im: 1 }, { re: NaN, im: 0 }]);
  assert.deepEqual(ints(nd.nonzero(c)[0]), [1, 2]);
  assert.deepEqual(ints(nd.flatnonzero(nd.array([0, -0, NaN, 1e-300]))), [2, 3]);
});

Deno.test("searchsorted compares in the promoted dtype, like NumPy", () => {
  // np.searchsorted(np.array([1, 2, 3], dtype=np.uint8), [300, -1]) -> [3, 0]
  const u8 = nd.array([1, 2, 3], { dtype: "uint8" });
  assert.deepEqual(ints(nd.searchsorted(u8, [300, -1])), [3, 0]);
  // np.searchsorted(np.float32([1, 2, 3]), 2.0000001) -> 2 (compared as float64)
  const f32 = nd.array([1, 2, 3], { dtype: "float32" });
  assert.equal(nd.searchsorted(f32, 2.0000001).item(), 2n);
  // a strided (reversed) view as `a`, and a 2-D `v`
  const rev = nd.array([5, 4, 3, 2, 1]).slice("::-1");
  const r = nd.searchsorted(rev, [[0, 3], [6, 2]], { side: "right" });
  assert.deepEqual(r.toArray(), [[0n, 3n], [5n, 2n]]);
});

Deno.test("int64/uint64 partition within ±2^53 selects on exact float64 copies", () => {
  const v = [2n ** 53n - 1n, -(2n ** 53n) + 1n, -5n, 7n, 2n ** 40n, -1n, 0n, 3n];
  for (const dt of ["int64", "uint64"] as const) {
    const vals = dt === "uint64" ? v.map((x) => (x < 0n ? -x : x)) : v;
    const a = nd.array(vals, { dtype: dt }).reshape([2, 4]);
    for (const axis of [0, 1, null]) {
      const sorted = nd.sort(a, { axis });
      const n = axis === null ? 8 : a.shape[axis];
      for (let k = 0; k < n; k++) {
        const p = nd.partition(a, k, { axis });
        assert.equal(p.dtype, dt);
        const at = (x: nd.NDArray) =>
          axis === null ? x.slice(k) : nd.moveaxis(x, axis, -1).slice("...", k);
        assert.deepEqual(at(p).toArray(), at(sorted).toArray(), `${dt} axis ${axis} kth ${k}`);
        assert.deepEqual(
          [...nd.sort(p, { axis: axis === null ? -1 : axis }).toArray().flat()],
          [...sorted.toArray().flat()],
        );
      }
    }
  }
});
