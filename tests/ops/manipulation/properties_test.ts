// Property tests (fast-check) of the manipulation functions.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../../mod.ts";
import { flat } from "./_helpers.ts";

const DTYPES: nd.DType[] = ["float64", "float32", "int32", "int64", "uint8", "bool", "complex128"];

/** A random array: shape of 0-4 dims of sizes 0-4, distinct-ish values, maybe a strided view. */
const arrayArb: fc.Arbitrary<nd.NDArray> = fc
  .record({
    shape: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 4 }),
    dtype: fc.constantFrom(...DTYPES),
    view: fc.constantFrom("none", "T", "rev"),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ shape, dtype, view, seed }) => {
    const n = shape.reduce((p, s) => p * s, 1);
    let a: nd.NDArray = nd.arange(seed, seed + n).reshape(shape).astype(dtype);
    if (view === "T") a = a.T;
    if (view === "rev" && a.ndim > 0) a = a.slice("::-1");
    return a;
  });

const nonScalar = arrayArb.filter((a) => a.ndim > 0);

function same(x: nd.NDArray, y: nd.NDArray): void {
  assert.equal(x.dtype, y.dtype);
  assert.deepEqual([...x.shape], [...y.shape]);
  assert.deepEqual(flat(x), flat(y));
}

/** The view of `a` with `[lo, hi)` on axis `ax` and everything on the others. */
function sliceAt(a: nd.NDArray, ax: number, lo: number, hi: number): nd.NDArray {
  const idx: nd.Index[] = a.shape.map(() => null);
  idx[ax] = `${lo}:${hi}`;
  return a.slice(...idx);
}

Deno.test("manipulation properties", async (t) => {
  await t.step("split then concatenate is the identity", () => {
    fc.assert(
      fc.property(nonScalar, fc.nat(), fc.array(fc.integer({ min: -6, max: 6 })), (a, k, pts) => {
        const axis = k % a.ndim;
        // Increasing split points (negative ones count from the end) cover the axis once.
        const n0 = a.shape[axis];
        const points = pts.map((p) => (p < 0 ? Math.max(0, p + n0) : p)).sort((x, y) => x - y);
        same(nd.concatenate(nd.arraySplit(a, points, { axis }), { axis }), a);
        const n = a.shape[axis];
        const sections = 1 + (k % 4);
        if (n % sections === 0) same(nd.concatenate(nd.split(a, sections, { axis }), { axis }), a);
        same(nd.concatenate(nd.arraySplit(a, sections, { axis }), { axis }), a);
      }),
    );
  });
  await t.step("flip twice is the identity and a view", () => {
    fc.assert(
      fc.property(arrayArb, fc.array(fc.nat(), { maxLength: 3 }), (a, ks) => {
        const axes = a.ndim === 0 ? [] : [...new Set(ks.map((k) => k % a.ndim))];
        const f = nd.flip(a, { axis: axes });
        assert.equal(f.data, a.data);
        same(nd.flip(f, { axis: axes }), a);
        same(nd.flip(nd.flip(a)), a);
      }),
    );
  });
  await t.step("roll by n then by -n is the identity", () => {
    fc.assert(
      fc.property(arrayArb, fc.integer({ min: -20, max: 20 }), fc.nat(), (a, n, k) => {
        same(nd.roll(nd.roll(a, n), -n), a);
        if (a.ndim > 0) {
          const axis = k % a.ndim;
          same(nd.roll(nd.roll(a, n, { axis }), -n, { axis }), a);
        }
      }),
    );
  });
  await t.step("pad then slicing the centre back gives the input", () => {
    fc.assert(
      fc.property(
        nonScalar.filter((a) => a.size > 0),
        fc.constantFrom<nd.PadMode>("constant", "edge", "reflect", "symmetric", "wrap"),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), {
          minLength: 4,
          maxLength: 4,
        }),
        (a, mode, widths) => {
          const w = widths.slice(0, a.ndim);
          const p = nd.pad(a, w, { mode });
          assert.deepEqual(p.shape, a.shape.map((s, i) => s + w[i][0] + w[i][1]));
          const centre = p.slice(...a.shape.map((s, i) => `${w[i][0]}:${w[i][0] + s}`));
          same(centre, a);
          if (mode === "wrap") {
            // Periodic: every element equals the input at its index modulo the axis length.
            const ax = 0, n = a.shape[0];
            for (let i = 0; i < p.shape[0]; i++) {
              const src = (((i - w[0][0]) % n) + n) % n;
              const row = sliceAt(p, ax, i, i + 1);
              const want = sliceAt(
                nd.pad(a, w.map((x, k) => (k === 0 ? [0, 0] : x)), { mode }),
                ax,
                src,
                src + 1,
              );
              same(row, want);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
  await t.step("tile: every block is the input", () => {
    fc.assert(
      fc.property(
        arrayArb,
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }),
        (a, reps) => {
          const r = nd.tile(a, reps);
          const nd_ = Math.max(a.ndim, reps.length);
          const shape = [...new Array(nd_ - a.ndim).fill(1), ...a.shape];
          const tup = [...new Array(nd_ - reps.length).fill(1), ...reps];
          assert.deepEqual(r.shape, shape.map((s, i) => s * tup[i]));
          if (r.size === 0) return;
          // The last block along every axis.
          const block = r.slice(...shape.map((s, i) => `${(tup[i] - 1) * s}:${tup[i] * s}`));
          same(block, nd.reshape(a, shape));
        },
      ),
    );
  });
  await t.step("repeat then taking every r-th element gives the input back", () => {
    fc.assert(
      fc.property(nonScalar, fc.integer({ min: 1, max: 3 }), fc.nat(), (a, r, k) => {
        const axis = k % a.ndim;
        const rep = nd.repeat(a, r, { axis });
        const idx: nd.Index[] = a.shape.map(() => null);
        idx[axis] = `::${r}`;
        same(rep.slice(...idx), a);
        // Per-element counts agree with the scalar form when all counts are equal.
        same(nd.repeat(a, new Array(a.shape[axis]).fill(r), { axis }), rep);
      }),
    );
  });
  await t.step("take agrees with fancy indexing", () => {
    fc.assert(
      fc.property(
        nonScalar.filter((a) => a.size > 0),
        fc.nat(),
        fc.array(fc.nat()),
        (a, k, raw) => {
          const axis = k % a.ndim;
          const n = a.shape[axis];
          if (n === 0) return;
          const ind = raw.map((v) => (v % (2 * n)) - n);
          const idx: nd.Index[] = a.shape.map(() => null);
          idx[axis] = ind;
          same(nd.take(a, ind, { axis }), a.slice(...idx));
        },
      ),
    );
  });
  await t.step("stack then indexing along the new axis gives each input", () => {
    fc.assert(
      fc.property(arrayArb, fc.integer({ min: 1, max: 3 }), fc.nat(), (a, m, k) => {
        const parts = Array.from({ length: m }, (_, i) => nd.roll(a, i));
        const axis = k % (a.ndim + 1);
        const s = nd.stack(parts, { axis });
        parts.forEach((p, i) => {
          const idx: nd.Index[] = s.shape.map(() => null);
          idx[axis] = i;
          same(s.slice(...idx), p);
        });
      }),
    );
  });
  await t.step("where picks elementwise", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.double(), fc.integer()), { maxLength: 20 }),
        (rows) => {
          const c = rows.map((r) => r[0]), x = rows.map((r) => r[1]), y = rows.map((r) => r[2]);
          if (rows.length === 0) return;
          // x as float64 explicitly: an all-integral list of JS numbers would infer int64.
          const r = nd.where(c, nd.array(x, { dtype: "float64" }), nd.array(y, { dtype: "int32" }));
          assert.equal(r.dtype, "float64");
          const got = flat(r);
          rows.forEach((row, i) => assert.ok(Object.is(got[i], row[0] ? row[1] : row[2])));
        },
      ),
    );
  });
});
