// Properties of the ufunc methods over random inputs (fast-check): the engine ops equal the
// reductions, accumulate ends in reduce, outer and at are their loops, generated loops and
// per-position calls agree.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { withProtocol } from "../../src/ufunc/protocol.ts";

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
/** A float64 array of 1-3 dimensions with its values. */
const arrays = fc.tuple(
  fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
  fc.array(finite, { minLength: 125, maxLength: 125 }),
).map(([shape, xs]) => {
  const n = shape.reduce((p, s) => p * s, 1);
  return nd.array(xs.slice(0, n), { dtype: "float64" }).reshape(shape);
});
const ints = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 40 });

function bits(a: nd.NDArray): unknown {
  return a.dtype.startsWith("float")
    ? Array.from(new Uint8Array(nd.copy(a).data.buffer))
    : a.toArray();
}

/** The same ufunc as `u`, without its generated loops and `out` support: one call per step. */
function plain(u: nd.Ufunc): nd.Ufunc {
  return withProtocol((...args) => u(...args), {
    name: u.name,
    nin: u.nin,
    nout: u.nout,
    identity: u.identity,
    types: u.types,
  });
}

Deno.test("reduce with an engine operation is the reduction", async (t) => {
  const pairs: [nd.Ufunc, (a: nd.ArrayLike, o?: nd.ReduceOpts) => nd.NDArray][] = [
    [nd.add, nd.sum],
    [nd.multiply, nd.prod],
    [nd.maximum, nd.max],
    [nd.minimum, nd.min],
    [nd.fmax, nd.nanmax],
    [nd.fmin, nd.nanmin],
    [nd.logicalOr, nd.any],
    [nd.logicalAnd, nd.all],
  ];
  await t.step("bit for bit, over every axis and all axes, and on transposed views", () => {
    fc.assert(fc.property(arrays, fc.boolean(), (a0, tr) => {
      const a = tr ? a0.T : a0;
      for (const [u, f] of pairs) {
        assert.deepEqual(bits(u.reduce(a, { axis: null })), bits(f(a)));
        for (let ax = 0; ax < a.ndim; ax++) {
          assert.deepEqual(
            bits(u.reduce(a, { axis: ax, keepdims: true })),
            bits(f(a, { axis: ax, keepdims: true })),
          );
        }
      }
    }));
  });
  await t.step("integers widen as the sums do", () => {
    fc.assert(fc.property(ints, (xs) => {
      const a = nd.array(xs, { dtype: "int8" });
      const r = nd.add.reduce(a);
      return r.dtype === "int64" && r.item() === nd.sum(a).item();
    }));
  });
});

Deno.test("accumulate ends in reduce", async (t) => {
  await t.step("the last element along the axis is the sequential reduction", () => {
    fc.assert(fc.property(arrays, fc.nat(2), (a, k) => {
      const axis = k % a.ndim;
      // (not hypot: its reduction starts from the identity 0, accumulate from a[0], as NumPy's)
      for (const u of [nd.subtract, nd.maximum, nd.fmin, nd.divide, nd.arctan2]) {
        const acc = u.accumulate(a, { axis });
        const last = nd.take(acc, [a.shape[axis] - 1], { axis }).reshape(
          a.shape.filter((_, i) => i !== axis),
        );
        assert.deepEqual(bits(last), bits(u.reduce(a, { axis })));
      }
    }));
  });
  await t.step("exactly on integer sums", () => {
    fc.assert(fc.property(ints, (xs) => {
      const acc = nd.add.accumulate(xs);
      return acc.get(xs.length - 1) === nd.add.reduce(xs).item() &&
        nd.testing.assertArrayEqual(acc, nd.cumsum(xs)) === undefined;
    }));
  });
});

Deno.test("generated loops equal one call per position", async (t) => {
  await t.step("reduce (with and without where), accumulate and reduceat", () => {
    fc.assert(fc.property(
      arrays,
      fc.array(fc.boolean(), { minLength: 125, maxLength: 125 }),
      fc.array(fc.nat(4), { minLength: 1, maxLength: 6 }),
      (a, mask, idx) => {
        // Every axis: the innermost (a generated fold per output), others with few outputs
        // (strided folds) or many (one call per position); full and broadcast masks.
        const full = nd.array(mask.slice(0, a.size)).reshape(a.shape);
        const row = nd.array(mask.slice(0, a.shape[a.ndim - 1]));
        for (let axis = 0; axis < a.ndim; axis++) {
          const ix = idx.map((i) => i % a.shape[axis]);
          for (const u of [nd.subtract, nd.divide, nd.hypot, nd.power, nd.arctan2, nd.copysign]) {
            const p = plain(u);
            assert.deepEqual(bits(u.reduce(a, { axis })), bits(p.reduce(a, { axis })));
            for (const where of [full, row]) {
              assert.deepEqual(
                bits(u.reduce(a, { axis, where, initial: 0.5 })),
                bits(p.reduce(a, { axis, where, initial: 0.5 })),
              );
            }
            assert.deepEqual(bits(u.accumulate(a, { axis })), bits(p.accumulate(a, { axis })));
            assert.deepEqual(bits(u.reduceat(a, ix, { axis })), bits(p.reduceat(a, ix, { axis })));
          }
        }
      },
    ));
  });
  await t.step("integer and float32 loops wrap and round at every step", () => {
    fc.assert(fc.property(ints, (xs) => {
      for (
        const d of [
          "int8",
          "uint8",
          "int16",
          "int32",
          "uint32",
          "int64",
          "float32",
          "float16",
        ] as const
      ) {
        const a = nd.array(xs, { dtype: d });
        for (const u of [nd.subtract, nd.multiply, nd.bitwiseXor, nd.leftShift]) {
          if (d.startsWith("float") && (u === nd.bitwiseXor || u === nd.leftShift)) continue;
          const r = u.accumulate(a); // (multiply widens small integers: the same dtype)
          assert.deepEqual(bits(r), bits(plain(u).accumulate(a, { dtype: r.dtype })));
        }
      }
    }));
  });
});

Deno.test("reduceat is the reduction of each segment", () => {
  fc.assert(fc.property(
    fc.array(finite, { minLength: 1, maxLength: 40 }),
    fc.array(fc.nat(100), { minLength: 1, maxLength: 8 }),
    (values, raw) => {
      const xs = nd.array(values, { dtype: "float64" });
      const n = values.length, ix = raw.map((i) => i % n);
      for (const u of [nd.subtract, nd.maximum, nd.add]) {
        const r = u.reduceat(xs, ix).toArray() as number[];
        ix.forEach((s, i) => {
          const e = i + 1 < ix.length ? ix[i + 1] : n;
          const want = s < e ? u.reduce(xs.slice(`${s}:${e}`)).item() : values[s];
          if (u === nd.add) {
            // NumPy: first element plus the pairwise sum of the rest
            const rest = e - s > 1 ? nd.sum(xs.slice(`${s + 1}:${e}`)).item() as number : 0;
            assert.equal(r[i], e - s > 1 ? values[s] + rest : values[s]);
          } else assert.equal(r[i], want);
        });
      }
    },
  ));
});

Deno.test("outer is the ufunc of every pair", () => {
  fc.assert(fc.property(arrays, arrays, (a, b) => {
    for (const u of [nd.subtract, nd.multiply, nd.less, nd.arctan2]) {
      const o = u.outer(a, b);
      assert.deepEqual(o.shape, [...a.shape, ...b.shape]);
      const fa = a.reshape([-1]).toArray() as number[], fb = b.reshape([-1]).toArray() as number[];
      const fo = o.reshape([-1]).toArray() as unknown[];
      const f64 = (v: number) => nd.array(v, { dtype: "float64" });
      fa.forEach((x, i) =>
        fb.forEach((y, j) => assert.deepEqual(fo[i * fb.length + j], u(f64(x), f64(y)).item()))
      );
    }
  }));
});

Deno.test("at with repeated indices is a sequential loop", async (t) => {
  await t.step("1-D, with values", () => {
    fc.assert(fc.property(
      fc.array(finite, { minLength: 1, maxLength: 20 }),
      fc.array(fc.tuple(fc.nat(100), finite), { maxLength: 40 }),
      (xs, ops) => {
        for (const u of [nd.add, nd.subtract, nd.maximum, nd.hypot]) {
          const a = nd.array(xs, { dtype: "float64" });
          const idx = ops.map(([i]) => i % xs.length), vals = ops.map(([, v]) => v);
          u.at(a, idx, nd.array(vals, { dtype: "float64" }));
          const want = xs.slice();
          const f64 = (v: number) => nd.array(v, { dtype: "float64" });
          idx.forEach((i, k) => (want[i] = u(f64(want[i]), f64(vals[k])).item() as number));
          assert.deepEqual(bits(a), bits(nd.array(want, { dtype: "float64" })));
        }
      },
    ));
  });
  await t.step("2-D index tuples, negative indices, unary ufuncs", () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: -3, max: 2 }), fc.integer({ min: -4, max: 3 })), {
        maxLength: 30,
      }),
      (pos) => {
        const a = nd.arange(12).reshape([3, 4]);
        const rows = nd.array(pos.map(([r]) => r), { dtype: "int64" });
        const cols = nd.array(pos.map(([, c]) => c), { dtype: "int64" });
        nd.add.at(a, [rows, cols], 10);
        const b = nd.arange(12, { dtype: "float64" }).reshape([3, 4]);
        nd.negative.at(b, [rows, cols]);
        const want = Array.from({ length: 12 }, (_, i) => BigInt(i));
        const neg = Array.from({ length: 12 }, (_, i) => i);
        for (const [r, c] of pos) {
          const k = ((r + 3) % 3) * 4 + (c + 4) % 4;
          want[k] += 10n;
          neg[k] = -neg[k];
        }
        assert.deepEqual(a.reshape([-1]).toArray(), want);
        assert.deepEqual(b.reshape([-1]).toArray(), neg);
      },
    ));
  });
});
