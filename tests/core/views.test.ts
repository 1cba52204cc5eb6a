// Views vs copies against NumPy's np.shares_memory outcomes (fixtures_core.py), round trips
// of reshape/transpose/moveaxis/squeeze/expandDims (fast-check), and every error of views.ts.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { assertMatches, assertSameArray, type Enc, flat, readJson } from "./_fixtures.ts";

const V = readJson<Record<string, { result: Enc; sharesMemory: boolean }>>("core", "views.json");

type A = nd.NDArray;
const OPS: Record<string, [src: "a" | "z", f: (x: A) => A]> = {
  reshape_contiguous: ["a", (x) => x.reshape([6, 4])],
  reshape_minus1: ["a", (x) => x.reshape(-1)],
  reshape_transposed: ["a", (x) => x.T.reshape(-1)],
  reshape_transposed_split: [
    "a",
    (x) => nd.transpose(x, { axes: [0, 2, 1] }).reshape([2, 2, 2, 3]),
  ],
  reshape_sliced_rows: ["a", (x) => x.slice(null, "::2").reshape([2, 8])],
  reshape_sliced_cols: ["a", (x) => x.slice("...", "::2").reshape(12)],
  reshape_sliced_keep: ["a", (x) => x.slice("...", "::2").reshape([6, 2])],
  reshape_add_ones: ["a", (x) => x.reshape([1, 2, 1, 3, 4, 1])],
  reshape_fortran_like: ["a", (x) => x.T.reshape([4, 6])],
  reshape_empty: ["a", (x) => x.slice(null, ":0").reshape([0, 4])],
  ravel_contiguous: ["a", (x) => x.ravel()],
  ravel_transposed: ["a", (x) => x.T.ravel()],
  flatten: ["a", (x) => x.flatten()],
  transpose: ["a", (x) => x.transpose()],
  transpose_axes: ["a", (x) => x.transpose([1, 0, 2])],
  swapaxes: ["a", (x) => nd.swapaxes(x, 0, 2)],
  moveaxis: ["a", (x) => nd.moveaxis(x, 0, -1)],
  moveaxis_multi: ["a", (x) => nd.moveaxis(x, [0, 1], [-1, 0])],
  squeeze: ["a", (x) => x.slice(null, ":1").squeeze()],
  squeeze_axis: ["a", (x) => x.slice(":1").squeeze({ axis: 0 })],
  expand_dims: ["a", (x) => nd.expandDims(x, [0, 2])],
  expand_dims_neg: ["a", (x) => nd.expandDims(x, -1)],
  broadcast_to: ["a", (x) => nd.broadcastTo(x.slice(0, 0), [3, 4])],
  slice_step: ["a", (x) => x.slice("::2", "1:", "::-1")],
  slice_int: ["a", (x) => x.slice(1, 2)],
  slice_newaxis: ["a", (x) => x.slice(nd.newaxis, null, nd.newaxis, 1)],
  fancy: ["a", (x) => x.slice([0, 1])],
  mask: ["a", (x) => x.slice(x.greater(5))],
  copy: ["a", (x) => x.copy()],
  astype_same: ["a", (x) => x.astype("float64")],
  astype_other: ["a", (x) => x.astype("float32")],
  real_complex: ["z", (x) => nd.real(x)],
  imag_complex: ["z", (x) => nd.imag(x)],
  real_float: ["a", (x) => nd.real(x)],
  diag_2d: ["a", (x) => nd.diag(x.slice(0), { k: 1 })],
  diag_1d: ["a", (x) => nd.diag(x.slice(0, 0))],
  T: ["a", (x) => x.T],
};

function sources(): { a: A; z: A } {
  const a = nd.arange(24, { dtype: "float64" }).reshape([2, 3, 4]);
  const re = nd.arange(6, { dtype: "float64" });
  const z = nd.zeros([6], { dtype: "complex128" });
  nd.copyInto(nd.real(z), re);
  nd.copyInto(nd.imag(z), re);
  return { a, z: z.reshape([2, 3]) };
}

Deno.test("views and copies match NumPy (values and np.shares_memory)", async (t) => {
  await t.step("every fixture case has an nd operation", () => {
    assert.deepEqual(Object.keys(OPS).sort(), Object.keys(V).sort());
  });
  for (const [name, [which, f]] of Object.entries(OPS)) {
    await t.step(name, () => {
      const src = sources()[which];
      const r = f(src);
      assertMatches(r, V[name].result, { msg: name });
      const shares = r.size > 0 && r.data.buffer === src.data.buffer;
      assert.equal(shares, V[name].sharesMemory, `${name}: shares memory`);
      if (shares && r.flags.writeable) {
        // Writes through the view are seen by the source.
        const before = nd.sum(src.astype("complex128")).item() as nd.Complex;
        r.setSlice(new Array(r.ndim).fill(0), 1000);
        const after = nd.sum(src.astype("complex128")).item() as nd.Complex;
        assert.notDeepEqual(after, before, `${name}: write visible`);
      }
      if (!shares) assert.equal(r.base === null || r.size === 0 || r === src, true);
    });
  }
});

// ---- round trips ----

const arbShape = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 });
const arbPerm = (n: number) =>
  fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n });

function source(shape: number[], layout: number): A {
  const n = shape.reduce((a, b) => a * b, 1);
  const base = nd.arange(n, { dtype: "float64" });
  if (layout === 0) return base.reshape(shape);
  if (layout === 1) return base.reshape(shape.slice().reverse()).T;
  return nd.arange(2 * n, { dtype: "float64" }).slice("::-2").reshape(shape);
}

Deno.test("round trips", async (t) => {
  await t.step("transpose by a permutation and back is the identity view", () => {
    fc.assert(
      fc.property(
        arbShape.chain((s) => fc.tuple(fc.constant(s), arbPerm(s.length))),
        fc.integer({ min: 0, max: 2 }),
        ([shape, perm], layout) => {
          const a = source(shape, layout);
          const t1 = nd.transpose(a, { axes: perm });
          assert.deepEqual(t1.shape, perm.map((p) => shape[p]));
          const inv = perm.map((_, i) => perm.indexOf(i));
          const back = nd.transpose(t1, { axes: inv });
          assertSameArray(back, a);
          assert.equal(back.data, a.data);
          assert.deepEqual(back.strides, a.strides);
          // The element at idx of the transpose is the source's at the permuted idx.
          const idx = t1.shape.map((s) => s - 1);
          const src = new Array<number>(shape.length);
          perm.forEach((p, i) => (src[p] = idx[i]));
          assert.equal(t1.get(...idx), a.get(...src));
        },
      ),
      { numRuns: 100 },
    );
  });

  await t.step("moveaxis there and back; swapaxes twice", () => {
    fc.assert(
      fc.property(
        arbShape,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 2 }),
        (shape, i, j, l) => {
          const n = shape.length, s = i % n, d = j % n;
          const a = source(shape, l);
          const m = nd.moveaxis(a, s, d - n);
          const expect = shape.filter((_, k) => k !== s);
          expect.splice(d, 0, shape[s]);
          assert.deepEqual(m.shape, expect);
          assertSameArray(nd.moveaxis(m, d, s), a);
          assertSameArray(nd.swapaxes(nd.swapaxes(a, s, d), d - n, s), a);
        },
      ),
      { numRuns: 100 },
    );
  });

  await t.step("expandDims then squeeze those axes is the identity", () => {
    fc.assert(
      fc.property(
        arbShape,
        fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 3 }),
        fc.integer({ min: 0, max: 2 }),
        (shape, raw, l) => {
          const n = shape.length + raw.length;
          const axes = raw.map((x) => x % n);
          if (new Set(axes).size !== axes.length) return;
          const a = source(shape, l);
          const e = nd.expandDims(a, axes);
          axes.forEach((ax) => assert.equal(e.shape[ax], 1));
          assert.equal(e.ndim, n);
          const back = nd.squeeze(e, { axis: axes.map((x) => x - n) });
          assertSameArray(back, a);
          assert.equal(back.data, a.data);
          // Squeezing everything drops exactly the size-1 axes.
          assert.deepEqual(nd.squeeze(e).shape, shape.filter((s) => s !== 1));
        },
      ),
      { numRuns: 100 },
    );
  });

  await t.step("reshape keeps C order; a view exactly when it shares the buffer", () => {
    fc.assert(
      fc.property(
        arbShape,
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }),
        (shape, layout, cuts) => {
          const a = source(shape, layout);
          const n = a.size;
          // A new shape: factor n by its divisors chosen from the cuts.
          const ns: number[] = [];
          let rest = n;
          for (const c of cuts) {
            const divs = Array.from({ length: rest }, (_, k) => k + 1).filter((d) =>
              rest % d === 0
            );
            const d = divs[c % divs.length];
            ns.push(d);
            rest /= d;
          }
          ns.push(rest);
          const r = a.reshape(ns);
          assert.deepEqual(r.shape, ns);
          assert.deepEqual(flat(r), flat(a));
          if (r.data === a.data) {
            assert.equal(r.base, a.base ?? a);
            r.set(new Array(ns.length).fill(0), -1);
            assert.equal(flat(a)[0], -1);
          } else {
            assert.equal(r.base, null);
            assert.equal(a.flags.cContiguous, false, "contiguous arrays always reshape to views");
          }
          assertSameArray(r.reshape(shape), a, { msg: "reshape back" });
        },
      ),
      { numRuns: 100 },
    );
  });

  await t.step("contiguity flags", () => {
    const a = nd.zeros([2, 3, 4]);
    assert.deepEqual([a.flags.cContiguous, a.flags.fContiguous], [true, false]);
    assert.deepEqual([a.T.flags.cContiguous, a.T.flags.fContiguous], [false, true]);
    const s = a.slice(null, "::2");
    assert.deepEqual([s.flags.cContiguous, s.flags.fContiguous], [false, false]);
    const v = nd.zeros([1, 5]).slice(null, null);
    assert.deepEqual([v.flags.cContiguous, v.flags.fContiguous], [true, true]);
    const one = nd.zeros([3, 1]);
    assert.deepEqual([one.T.flags.cContiguous, one.T.flags.fContiguous], [true, true]);
  });

  await t.step("ravel and flatten", () => {
    const a = nd.arange(6).reshape([2, 3]);
    assert.equal(a.ravel().base, a.base ?? a);
    assert.deepEqual(a.T.ravel().toArray(), [0n, 3n, 1n, 4n, 2n, 5n]);
    assert.equal(a.T.ravel().base, null);
    const f = a.flatten();
    assert.equal(f.base, null);
    f.set([0], 9);
    assert.equal(a.get(0, 0), 0n);
  });
});

// ---- broadcasting ----

/** Reference broadcast: per trailing dimension the sizes other than 1 must agree. */
function refBroadcast(shapes: number[][]): number[] | null {
  const nd0 = Math.max(0, ...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let k = 0; k < nd0; k++) {
    const sizes = new Set<number>();
    for (const s of shapes) {
      const i = s.length - nd0 + k;
      if (i >= 0 && s[i] !== 1) sizes.add(s[i]);
    }
    if (sizes.size > 1) return null;
    out.push(sizes.size ? [...sizes][0] : 1);
  }
  return out;
}

Deno.test("broadcasting", async (t) => {
  const dim = fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 3 }));
  const shapeArb = fc.array(dim, { maxLength: 4 });
  await t.step("broadcastShapes agrees with the reference model", () => {
    fc.assert(
      fc.property(fc.array(shapeArb, { minLength: 1, maxLength: 4 }), (shapes) => {
        const want = refBroadcast(shapes);
        if (want === null) {
          assert.throws(() => nd.broadcastShapes(...shapes), {
            name: "TypeError",
            message:
              /^broadcast: shapes .* are not compatible: dimension \d+ has sizes \d+ and \d+$/,
          });
        } else assert.deepEqual(nd.broadcastShapes(...shapes), want);
      }),
      { numRuns: 300 },
    );
  });

  await t.step("broadcastTo gives a read-only view whose elements repeat the source", () => {
    fc.assert(
      fc.property(shapeArb, shapeArb, (s, extra) => {
        const target = refBroadcast([s, [...extra, ...s]]);
        const a = nd.arange(s.reduce((x, y) => x * y, 1)).reshape(s);
        if (target === null || target.length < s.length) return;
        const b = nd.broadcastTo(a, target);
        assert.deepEqual(b.shape, target);
        assert.equal(b.flags.writeable, false);
        assert.equal(b.data, a.data);
        const total = target.reduce((x, y) => x * y, 1);
        for (let k = 0; k < Math.min(total, 20); k++) {
          const idx: number[] = [];
          let r = k;
          for (let i = target.length - 1; i >= 0; i--) {
            idx[i] = r % target[i];
            r = Math.floor(r / target[i]);
          }
          const src: number[] = idx.slice(target.length - s.length).map((v, i) =>
            s[i] === 1 ? 0 : v
          );
          assert.equal(b.get(...idx), a.get(...src));
        }
      }),
      { numRuns: 200 },
    );
  });

  await t.step("broadcastArrays", () => {
    const [x, y, z] = nd.broadcastArrays(nd.zeros([3, 1]), [1, 2, 3, 4], 5);
    assert.deepEqual([x.shape, y.shape, z.shape], [[3, 4], [3, 4], [3, 4]]);
    assert.equal(y.get(2, 3), 4n);
    assert.equal(z.flags.writeable, false);
    assert.throws(() => nd.broadcastArrays([1, 2], [1, 2, 3]), {
      name: "TypeError",
      message: "broadcast: shapes [2] and [3] are not compatible: dimension 0 has sizes 2 and 3",
    });
  });

  await t.step("broadcastTo errors", () => {
    const a = nd.zeros([2, 3]);
    for (const target of [[3], [2, 4], [3, 3], [4, 2, 1]]) {
      assert.throws(() => nd.broadcastTo(a, target), {
        name: "TypeError",
        message: `broadcastTo: cannot broadcast array of shape [2,3] to shape [${target}]`,
      });
    }
    assert.throws(() => nd.broadcastTo(a, [2, 3]).set([0, 0], 1), {
      name: "TypeError",
      message: "set: assignment destination is read-only",
    });
  });
});

Deno.test("views.ts errors", () => {
  const a = nd.arange(6).reshape([2, 3]);
  const cases: [() => unknown, string, string][] = [
    [
      () => a.reshape([4, 2]),
      "TypeError",
      "reshape: cannot reshape array of size 6 into shape [4,2]",
    ],
    [
      () => a.reshape([4, -1]),
      "TypeError",
      "reshape: cannot reshape array of size 6 into shape [4,-1]",
    ],
    [
      () => a.reshape([0, -1]),
      "TypeError",
      "reshape: cannot reshape array of size 6 into shape [0,-1]",
    ],
    [
      () => a.reshape([-1, -1]),
      "RangeError",
      "reshape: can only specify one unknown dimension (-1)",
    ],
    [() => a.reshape([2, -2]), "RangeError", "reshape: invalid shape entry -2 in [2, -2]"],
    [() => a.reshape([2, 1.5]), "RangeError", "reshape: invalid shape entry 1.5 in [2, 1.5]"],
    [
      () => nd.transpose(a, { axes: [0] }),
      "RangeError",
      "transpose: axes [0] are not a permutation of the 2 axes of shape [2,3]",
    ],
    [
      () => nd.transpose(a, { axes: [1, -1] }),
      "RangeError",
      "transpose: axes [1,-1] are not a permutation of the 2 axes of shape [2,3]",
    ],
    [
      () => a.transpose([0, 2]),
      "RangeError",
      "transpose: axis 2 is out of bounds for array of dimension 2",
    ],
    [
      () => nd.swapaxes(a, 0, 2),
      "RangeError",
      "swapaxes: axis 2 is out of bounds for array of dimension 2",
    ],
    [() => nd.swapaxes(a, 0.5, 1), "TypeError", "swapaxes: axis must be an integer, got 0.5"],
    [
      () => nd.moveaxis(a, [0, 1], [0]),
      "RangeError",
      "moveaxis: source [0,1] and destination [0] must have the same number of elements",
    ],
    [
      () => nd.moveaxis(a, [0, 0], [0, 1]),
      "RangeError",
      "moveaxis: repeated axis in source [0,0] or destination [0,1]",
    ],
    [
      () => nd.moveaxis(a, 3, 0),
      "RangeError",
      "moveaxis: axis 3 is out of bounds for array of dimension 2",
    ],
    [
      () => nd.squeeze(a, { axis: 0 }),
      "RangeError",
      "squeeze: cannot select an axis to squeeze out which has size not equal to one: axis 0 has size 2",
    ],
    [
      () => nd.squeeze(a, { axis: 5 }),
      "RangeError",
      "squeeze: axis 5 is out of bounds for array of dimension 2",
    ],
    [
      () => nd.expandDims(a, 3),
      "RangeError",
      "expandDims: axis 3 is out of bounds for array of dimension 3",
    ],
    [
      () => nd.expandDims(a, [0, 0]),
      "RangeError",
      "expandDims: repeated axis 0 in [0, 0]",
    ],
  ];
  for (const [f, name, message] of cases) {
    assert.throws(f, { name, message });
    assert.deepEqual(a.shape, [2, 3]);
  }
});
