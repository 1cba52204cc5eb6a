// vdot, inner, outer, tensordot, kron and trace against NumPy 2.4
// (tests/fixtures/fixtures_linalg_products.py), plus their shape rules and every error.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { testOnBackends } from "./_backends.ts";

const DIR = new URL("../fixtures/linalg_products/", import.meta.url);

interface Arg {
  key: string;
  view: "T" | "rev" | null;
}
interface Case {
  fn: "vdot" | "inner" | "outer" | "tensordot" | "kron" | "trace";
  args: Arg[];
  opts: Record<string, unknown>;
  expected: string;
}

const INDEX = JSON.parse(Deno.readTextFileSync(new URL("index.json", DIR))) as {
  products: Case[];
};
const ARRAYS = nd.load(new URL("products.npz", DIR)) as Record<string, nd.NDArray>;

function arg(a: Arg): nd.NDArray {
  const x = ARRAYS[a.key];
  if (a.view === "T") return x.T;
  if (a.view === "rev") return x.slice("::-1");
  return x;
}

/** Tolerances by result dtype: NumPy and nd sum in different orders (and float16 via float32). */
const TOL: Partial<Record<nd.DType, { rtol: number; atol: number }>> = {
  float16: { rtol: 2e-3, atol: 2e-3 },
  float32: { rtol: 1e-5, atol: 1e-5 },
  complex64: { rtol: 1e-5, atol: 1e-5 },
  float64: { rtol: 1e-12, atol: 1e-12 },
  complex128: { rtol: 1e-12, atol: 1e-12 },
};

/** Same dtype and shape as NumPy's result; integers and bools exact, floats close. */
function check(got: nd.NDArray, want: nd.NDArray, label: string): void {
  assert.equal(got.dtype, want.dtype, `${label}: dtype`);
  assert.deepEqual(got.shape, want.shape, `${label}: shape`);
  const tol = TOL[want.dtype];
  if (tol) nd.testing.assertAllClose(got, want, { ...tol, strict: true, errMsg: label });
  else nd.testing.assertArrayEqual(got, want, { strict: true, errMsg: label });
}

function call(c: Case): nd.NDArray {
  const a = c.args.map(arg);
  switch (c.fn) {
    case "vdot":
      return nd.vdot(a[0], a[1]);
    case "inner":
      return nd.inner(a[0], a[1]);
    case "outer":
      return nd.outer(a[0], a[1]);
    case "tensordot":
      return nd.tensordot(a[0], a[1], c.opts as nd.TensordotOpts);
    case "kron":
      return nd.kron(a[0], a[1]);
    case "trace":
      return nd.trace(a[0], c.opts as nd.TraceOpts);
  }
}

testOnBackends("products match NumPy", async (t) => {
  for (const fn of ["vdot", "inner", "outer", "tensordot", "kron", "trace"]) {
    const cases = INDEX.products.filter((c) => c.fn === fn);
    await t.step(`${fn} (${cases.length} cases)`, () => {
      assert(cases.length > 20);
      for (const c of cases) {
        const label = `${fn}(${c.args.map((a) => `${a.key}${a.view ? "." + a.view : ""}`)}, ${
          JSON.stringify(c.opts)
        })`;
        check(call(c), ARRAYS[c.expected], label);
      }
    });
  }
  await t.step("every dtype pair is covered", () => {
    const pairs = new Set(
      INDEX.products.filter((c) => c.fn === "kron").map((c) =>
        c.args.map((a) => ARRAYS[a.key].dtype).join()
      ),
    );
    assert(pairs.size >= 14 * 14);
  });
});

testOnBackends("products: shapes, dtypes and values by hand", async (t) => {
  await t.step("vdot conjugates the first argument only", () => {
    const a = nd.array([{ re: 0, im: 1 }, { re: 2, im: 0 }]);
    const b = nd.array([{ re: 0, im: 1 }, { re: 1, im: 0 }]);
    assert.deepEqual(nd.vdot(a, b).item(), { re: 3, im: 0 });
    assert.deepEqual(nd.vdot(b, [1, 1]).item(), { re: 1, im: -1 });
    assert.deepEqual(nd.vdot([1, 1], b).item(), { re: 1, im: 1 });
  });
  await t.step("0-d results for vector products, scalars for 0-d operands", () => {
    const v = nd.vdot(2, 3);
    assert.equal(v.ndim, 0);
    assert.equal(v.item(), 6n);
    assert.equal(nd.inner([1.5, 2], [2, 1]).ndim, 0);
    assert.deepEqual(nd.inner(2, [1, 2]).toArray(), [2n, 4n]);
    assert.deepEqual(nd.outer(2, 3).shape, [1, 1]);
    assert.equal(nd.tensordot(2, 3, { axes: 0 }).item(), 6n);
    assert.equal(nd.kron(2, 3).ndim, 0);
    assert.equal(nd.trace([[1, 2], [3, 4]]).ndim, 0);
  });
  await t.step("bool operands give bool (or of ands), trace of bool counts", () => {
    assert.equal(nd.vdot([true, false], [false, true]).item(), false);
    assert.equal(nd.vdot([true, true], [false, true]).item(), true);
    const tr = nd.trace([[true, true], [false, true]]);
    assert.equal(tr.dtype, "int64");
    assert.equal(tr.item(), 2n);
  });
  await t.step("integer products wrap like NumPy's", () => {
    const a = nd.array([100, 100], { dtype: "int8" });
    assert.equal(nd.vdot(a, a).item(), (20000 << 24) >> 24);
    assert.equal(nd.trace(nd.full([2, 2], 100, { dtype: "int8" }), { dtype: "int8" }).item(), -56);
  });
  await t.step("tensordot axes forms agree with each other", () => {
    const a = nd.arange(24).reshape([2, 3, 4]), b = nd.arange(12).reshape([3, 4]);
    const r1 = nd.tensordot(a, b);
    const r2 = nd.tensordot(a, b, { axes: [[1, 2], [0, 1]] });
    const r3 = nd.tensordot(a, b.T, { axes: [[-1, -2], [0, 1]] });
    nd.testing.assertArrayEqual(r1, r2, { strict: true });
    nd.testing.assertArrayEqual(r1, r3, { strict: true });
    assert.deepEqual(r1.toArray(), [
      [...Array(12).keys()].reduce((s, i) => s + BigInt(i * i), 0n),
      [...Array(12).keys()].reduce((s, i) => s + BigInt((i + 12) * i), 0n),
    ]);
  });
  await t.step("results are new arrays", () => {
    const a = nd.arange(4).reshape([2, 2]);
    for (const r of [nd.outer(a, a), nd.kron(a, a), nd.tensordot(a, a, { axes: 0 })]) {
      assert.notEqual(r.data.buffer, a.data.buffer);
    }
  });
});

Deno.test("products: errors", async (t) => {
  const bad = (f: () => unknown, name: string, message: string) =>
    assert.throws(f, (e: Error) => {
      assert.equal(e.name, name);
      assert.equal(e.message, message);
      return true;
    });
  await t.step("vdot", () => {
    bad(
      () => nd.vdot([1, 2, 3], nd.ones([2, 2])),
      "TypeError",
      "vdot: vectors have different lengths: a has 3 elements, b has 4",
    );
    assert.throws(() => nd.vdot([[1], [1, 2]] as unknown as nd.ArrayLike, [1]), {
      name: "TypeError",
      message: /^vdot: inhomogeneous nested arrays/,
    });
  });
  await t.step("inner", () => {
    bad(
      () => nd.inner(nd.ones([2, 3]), nd.ones([2, 4])),
      "TypeError",
      "inner: shapes [2,3] and [2,4] not aligned: last axes have 3 and 4 elements",
    );
  });
  await t.step("tensordot", () => {
    const a = nd.ones([2, 3]), b = nd.ones([3, 2]);
    bad(
      () => nd.tensordot(a, nd.ones([4, 2]), { axes: 1 }),
      "TypeError",
      "tensordot: shape mismatch for sum: a axis 1 has 3 elements, b axis 0 has 4",
    );
    bad(
      () => nd.tensordot(a, b, { axes: [[0], [0]] }),
      "TypeError",
      "tensordot: shape mismatch for sum: a axis 0 has 2 elements, b axis 0 has 3",
    );
    bad(
      () => nd.tensordot(a, b, { axes: -1 }),
      "RangeError",
      "tensordot: axes must be a non-negative integer or a pair, got -1",
    );
    bad(
      () => nd.tensordot(a, b, { axes: 1.5 }),
      "RangeError",
      "tensordot: axes must be a non-negative integer or a pair, got 1.5",
    );
    bad(
      () => nd.tensordot(a, nd.ones([2, 3, 4]), { axes: 3 }),
      "RangeError",
      "tensordot: cannot sum over 3 axes: a has 2 dimensions and b has 3",
    );
    bad(
      () => nd.tensordot(a, b, { axes: [[0, 1], [1]] }),
      "RangeError",
      "tensordot: a and b need as many summed axes: got [0,1] for a and [1] for b",
    );
    bad(
      () => nd.tensordot(a, b, { axes: [2, 0] }),
      "RangeError",
      "tensordot: axis 2 is out of bounds for a of dimension 2",
    );
    bad(
      () => nd.tensordot(a, b, { axes: [0, -3] }),
      "RangeError",
      "tensordot: axis -3 is out of bounds for b of dimension 2",
    );
    bad(
      () => nd.tensordot(nd.ones([3, 3]), nd.ones([3, 3]), { axes: [[0, -2], [0, 1]] }),
      "RangeError",
      "tensordot: repeated axis in the axes of a [0,-2]",
    );
    bad(
      () => nd.tensordot(a, b, { axes: [[0.5], [0]] }),
      "TypeError",
      "tensordot: axes must be integers, got 0.5 for a",
    );
    bad(
      () => nd.tensordot(a, b, { axes: [0, "x"] as unknown as [number, number] }),
      "TypeError",
      "tensordot: the axes of b must be a number or an array of numbers, got x",
    );
    bad(
      () => nd.tensordot(a, b, { axes: [0] as unknown as [number, number] }),
      "TypeError",
      "tensordot: axes must be a number or a pair [axesOfA, axesOfB], got 0",
    );
  });
  await t.step("trace", () => {
    const m = nd.ones([2, 3]);
    bad(
      () => nd.trace([1, 2]),
      "TypeError",
      "trace: the array needs at least 2 dimensions, got shape [2]",
    );
    bad(
      () => nd.trace(m, { axis1: 1, axis2: -1 }),
      "RangeError",
      "trace: axis1 and axis2 must differ, both are axis 1",
    );
    bad(
      () => nd.trace(m, { axis1: 2 }),
      "RangeError",
      "trace: axis1 2 is out of bounds for array of dimension 2",
    );
    bad(
      () => nd.trace(m, { axis2: -3 }),
      "RangeError",
      "trace: axis2 -3 is out of bounds for array of dimension 2",
    );
    bad(
      () => nd.trace(m, { axis1: 0.5 }),
      "TypeError",
      "trace: axis1 must be an integer, got 0.5",
    );
    bad(
      () => nd.trace(m, { offset: 1.5 }),
      "TypeError",
      "trace: offset must be an integer, got 1.5",
    );
    assert.throws(() => nd.trace(m, { dtype: "int128" as nd.DType }), {
      name: "TypeError",
      message: /^trace: unknown dtype "int128"/,
    });
  });
});
