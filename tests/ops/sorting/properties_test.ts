// Property tests (fast-check): orderings, permutations, stability against a reference built on
// JS's stable Array.prototype.sort, and the reconstruction identities of unique/searchsorted.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../../mod.ts";
import { tokens } from "./_helpers.ts";

/** NumPy's `<` on reals: NaN is larger than everything, -0.0 equals 0.0. */
const lt = (a: number, b: number): boolean => a < b || (b !== b && a === a);

/** NumPy's `<` on complex values (lexicographic, any NaN after all NaN-free values). */
function clt(a: nd.Complex, b: nd.Complex): boolean {
  const [ar, ai, br, bi] = [a.re, a.im, b.re, b.im];
  if (ar < br) return ai === ai || bi !== bi;
  if (ar > br) return bi !== bi && ai === ai;
  if (ar === br || (ar !== ar && br !== br)) return ai < bi || (bi !== bi && ai === ai);
  return br !== br;
}

type Val = number | bigint | boolean | nd.Complex;
function less(a: Val, b: Val): boolean {
  if (typeof a === "object") return clt(a, b as nd.Complex);
  if (typeof a === "boolean") return !a && (b as boolean);
  if (typeof a === "bigint") return a < (b as bigint);
  return lt(a, b as number);
}

/** The stable argsort of plain values, by JS's (stable) Array.prototype.sort. */
function refArgsort(v: readonly Val[]): number[] {
  return v.map((_, i) => i).sort((i, j) => (less(v[i], v[j]) ? -1 : less(v[j], v[i]) ? 1 : 0));
}

const REAL_DTYPES: nd.DType[] = [
  "float64",
  "float32",
  "float16",
  "int32",
  "int16",
  "int8",
  "uint32",
  "uint16",
  "uint8",
  "bool",
];

const specialDouble = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1, -1, 2.5),
);

/** A 1-D array of any dtype with many ties and special values. */
const anyArray = fc.oneof(
  fc.tuple(fc.constantFrom(...REAL_DTYPES), fc.array(specialDouble, { maxLength: 300 }))
    .map(([dt, v]) => nd.array(v, { dtype: "float64" }).astype(dt)),
  fc.array(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), { maxLength: 300 })
    .map((v) => nd.array(v, { dtype: "int64" })),
  fc.array(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), { maxLength: 300 })
    .map((v) => nd.array(v, { dtype: "uint64" })),
  fc.array(fc.bigInt({ min: -3n, max: 3n }), { maxLength: 300 })
    .map((v) => nd.array(v, { dtype: "int64" })),
  fc.tuple(
    fc.constantFrom("complex128" as const, "complex64" as const),
    fc.array(fc.record({ re: specialDouble, im: fc.constantFrom(0, 1, NaN, -0, 2) }), {
      maxLength: 200,
    }),
  ).map(([dt, v]) => nd.array(v, { dtype: dt })),
);

const values = (a: nd.NDArray): Val[] => a.toArray() as Val[];

Deno.test("sort: ordered, a permutation, and equal to a[argsort(a)] bit for bit", () => {
  fc.assert(
    fc.property(anyArray, (a) => {
      const s = nd.sort(a);
      const v = values(s);
      for (let i = 1; i < v.length; i++) assert.ok(!less(v[i], v[i - 1]), `order at ${i}`);
      assert.deepEqual([...tokens(s)].sort(), [...tokens(a)].sort());
      const idx = nd.argsort(a);
      assert.equal(idx.dtype, "int64");
      assert.deepEqual(tokens(a.slice(idx)), tokens(s));
    }),
    { numRuns: 300 },
  );
});

Deno.test("argsort is the stable argsort (JS reference)", () => {
  fc.assert(
    fc.property(anyArray, (a) => {
      const got = (nd.argsort(a).toArray() as bigint[]).map(Number);
      assert.deepEqual(got, refArgsort(values(a)));
    }),
    { numRuns: 300 },
  );
});

/** A deterministic PRNG (mulberry32) for large inputs. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

Deno.test("argsort and sort on long lanes (radix and counting paths) match the reference", async (t) => {
  const cases: [number, nd.DType, number][] = [
    [40000, "float64", 1e6],
    [40000, "int64", 1e6],
    [5000, "float32", 1e6],
    [5000, "int32", 1e9],
    [3000, "int16", 1e4],
    [40000, "int16", 6e4],
    [40000, "uint16", 6e4],
    [40000, "float16", 6e4],
    [70000, "uint8", 200],
    [5000, "int8", 200],
    [40000, "uint32", 4e9],
    [3000, "bool", 2],
  ];
  for (const [n, dt, range] of cases) {
    await t.step(`${dt}[${n}]`, () => {
      const r = rng(n + range);
      const raw = Array.from({ length: n }, () => {
        const u = r();
        if (u < 0.01) return NaN;
        if (u < 0.02) return -0;
        const x = Math.floor((r() - (dt.startsWith("uint") ? 0 : 0.5)) * range);
        return dt.startsWith("float") ? x * 1.37 : x;
      });
      const a = nd.array(raw).astype(dt);
      assert.deepEqual((nd.argsort(a).toArray() as bigint[]).map(Number), refArgsort(values(a)));
      const s = nd.sort(a);
      assert.deepEqual(tokens(s), tokens(a.slice(nd.argsort(a))));
      const v = values(s);
      for (let i = 1; i < n; i++) assert.ok(!less(v[i], v[i - 1]));
    });
  }
});

Deno.test("complex argsort on long lanes (three-key radix path) matches the reference", () => {
  for (const dt of ["complex128", "complex64"] as const) {
    const r = rng(dt.length);
    const part = () => {
      const u = r();
      return u < 0.05 ? NaN : u < 0.1 ? -0 : u < 0.15 ? 0 : Math.floor((r() - 0.5) * 20) / 4;
    };
    const raw = Array.from({ length: 3000 }, () => ({ re: part(), im: part() }));
    const a = nd.array(raw, { dtype: dt });
    assert.deepEqual((nd.argsort(a).toArray() as bigint[]).map(Number), refArgsort(values(a)));
    assert.deepEqual(tokens(nd.sort(a)), tokens(a.slice(nd.argsort(a))));
  }
});

Deno.test("sort/argsort along every axis equal sorting the moved lanes", () => {
  const shapes = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 });
  fc.assert(
    fc.property(shapes, fc.integer({ min: 0, max: 1e9 }), (shape, seed) => {
      const r = rng(seed);
      const size = shape.reduce((x, y) => x * y, 1);
      const a = nd.array(Array.from({ length: size }, () => Math.floor(r() * 5)), {
        dtype: "float64",
      }).reshape(shape);
      for (let ax = 0; ax < shape.length; ax++) {
        const s = nd.sort(a, { axis: ax });
        const i = nd.argsort(a, { axis: ax });
        const moved = nd.copy(nd.moveaxis(a, ax, -1));
        const n = shape[ax];
        const lanes = n === 0 ? 0 : size / n;
        const flat = values(nd.reshape(moved, [-1])) as number[];
        const sm = values(nd.reshape(nd.copy(nd.moveaxis(s, ax, -1)), [-1]));
        const im = (values(nd.reshape(nd.copy(nd.moveaxis(i, ax, -1)), [-1])) as bigint[])
          .map(Number);
        for (let l = 0; l < lanes; l++) {
          const lane = flat.slice(l * n, l * n + n);
          const ref = refArgsort(lane);
          assert.deepEqual(im.slice(l * n, l * n + n), ref);
          assert.deepEqual(sm.slice(l * n, l * n + n), ref.map((k) => lane[k]));
        }
      }
    }),
    { numRuns: 150 },
  );
});

Deno.test("searchsorted on the sorted array brackets each value", () => {
  fc.assert(
    fc.property(
      fc.array(specialDouble, { maxLength: 100 }),
      fc.array(specialDouble, { maxLength: 50 }),
      (av, vv) => {
        const a = nd.sort(nd.array(av, { dtype: "float64" }));
        const v = nd.array(vv, { dtype: "float64" });
        for (const side of ["left", "right"] as const) {
          const idx = (nd.searchsorted(a, v, { side }).toArray() as bigint[]).map(Number);
          const s = values(a) as number[];
          vv.forEach((x, q) => {
            const i = idx[q];
            // left: a[i-1] < x <= a[i]; right: a[i-1] <= x < a[i]
            if (side === "left") {
              if (i > 0) assert.ok(lt(s[i - 1], x));
              if (i < s.length) assert.ok(!lt(s[i], x));
            } else {
              if (i > 0) assert.ok(!lt(x, s[i - 1]));
              if (i < s.length) assert.ok(lt(x, s[i]));
            }
          });
          // Inserting there keeps the array sorted; the sorter form gives the same answer.
          const perm = nd.argsort(nd.array(av, { dtype: "float64" }));
          const viaSorter = nd.searchsorted(av, v, { side, sorter: perm });
          assert.deepEqual(tokens(viaSorter), idx.map(String));
        }
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("unique: sorted distinct values that reconstruct the input", () => {
  fc.assert(
    fc.property(anyArray, fc.boolean(), (a, equalNan) => {
      const u = nd.unique(a, {
        returnIndex: true,
        returnInverse: true,
        returnCounts: true,
        equalNan,
      });
      const v = values(u.values);
      const n = a.size;
      for (let i = 1; i < v.length; i++) assert.ok(less(v[i - 1], v[i]) || isNan(v[i]));
      // values[inverse] == a (NumPy's ==, NaN matching NaN), counts sum to n,
      // indices are first occurrences.
      const inv = (u.inverse.toArray() as bigint[]).map(Number);
      const av = values(a);
      assert.deepEqual([...u.inverse.shape], [...a.shape]);
      inv.forEach((g, i) => assert.ok(same(v[g], av[i]), `inverse at ${i}`));
      const counts = (u.counts.toArray() as bigint[]).map(Number);
      assert.equal(counts.reduce((x, y) => x + y, 0), n);
      const idx = (u.indices.toArray() as bigint[]).map(Number);
      idx.forEach((p, g) => {
        assert.ok(same(av[p], v[g]));
        assert.equal(tokens(u.values.slice(g))[0], tokens(a.slice(p))[0], "taken from a[p]");
        // The first occurrence, except for complex NaNs collapsed into one group, where NumPy
        // (and nd) keep the first of the group in sorted order.
        if (!(isNan(v[g]) && typeof v[g] === "object" && equalNan)) {
          assert.equal(inv.indexOf(g), p, "first occurrence");
        }
      });
      // Without flags: the same values (up to which NaN stands for the group).
      const plain = nd.unique(a, { equalNan });
      assert.equal(plain.size, u.values.size);
    }),
    { numRuns: 300 },
  );
});

function isNan(x: Val): boolean {
  return typeof x === "number"
    ? x !== x
    : typeof x === "object" && (x.re !== x.re || x.im !== x.im);
}

function same(x: Val, y: Val): boolean {
  if (isNan(x) || isNan(y)) return isNan(x) && isNan(y);
  if (typeof x === "object") return x.re === (y as nd.Complex).re && x.im === (y as nd.Complex).im;
  return x === y;
}

Deno.test("lexsort equals the stable sort by the last key, then the others", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 60 }).chain((n) =>
        fc.array(fc.array(fc.integer({ min: -2, max: 2 }), { minLength: n, maxLength: n }), {
          minLength: 1,
          maxLength: 4,
        })
      ),
      (keys) => {
        const got = (nd.lexsort(keys).toArray() as bigint[]).map(Number);
        const n = keys[0].length;
        const ref = Array.from({ length: n }, (_, i) => i).sort((i, j) => {
          for (let k = keys.length - 1; k >= 0; k--) {
            if (keys[k][i] !== keys[k][j]) return keys[k][i] - keys[k][j];
          }
          return 0;
        });
        assert.deepEqual(got, ref);
      },
    ),
    { numRuns: 200 },
  );
});

Deno.test("partition and argpartition: kth in place, smaller before, larger after", () => {
  fc.assert(
    fc.property(
      fc.array(specialDouble, { minLength: 1, maxLength: 200 }),
      fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      (v, ks0) => {
        const n = v.length;
        const ks = ks0.map((k) => k % n);
        const a = nd.array(v, { dtype: "float64" });
        const sorted = values(nd.sort(a)) as number[];
        const p = values(nd.partition(a, ks)) as number[];
        const ip = (nd.argpartition(a, ks).toArray() as bigint[]).map(Number);
        const q = ip.map((i) => v[i]);
        assert.deepEqual([...ip].sort((x, y) => x - y), v.map((_, i) => i));
        for (const res of [p, q]) {
          for (const k of ks) {
            assert.ok(Object.is(res[k], sorted[k]) || (res[k] === 0 && sorted[k] === 0));
            for (let j = 0; j < k; j++) assert.ok(!lt(res[k], res[j]));
            for (let j = k + 1; j < n; j++) assert.ok(!lt(res[j], res[k]));
          }
        }
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("partition on long lanes (introselect, all NaN-free sizes)", () => {
  const r = rng(7);
  for (const n of [17, 100, 1000, 30000]) {
    const v = Array.from({ length: n }, () => Math.floor(r() * n / 3));
    const a = nd.array(v, { dtype: "int32" });
    const ks = [0, Math.floor(n / 3), n - 1];
    const p = values(nd.partition(a, ks)) as number[];
    const s = values(nd.sort(a)) as number[];
    for (const k of ks) {
      assert.equal(p[k], s[k]);
      assert.ok(p.slice(0, k).every((x) => x <= p[k]) && p.slice(k + 1).every((x) => x >= p[k]));
    }
    // Already sorted and reversed inputs (the classic bad cases of a naive quickselect).
    const inc = nd.arange(n);
    assert.equal(nd.partition(inc, n >> 1).get(n >> 1), BigInt(n >> 1));
    const dec = nd.flip(inc);
    assert.equal(nd.partition(dec, n >> 1).get(n >> 1), BigInt(n >> 1));
    const idx = nd.argpartition(dec, [1, n - 2]);
    assert.equal(dec.get(Number(idx.get(1))), 1n);
  }
});

Deno.test("isin equals a naive scan with NumPy's ==", () => {
  fc.assert(
    fc.property(
      fc.array(specialDouble, { maxLength: 60 }),
      fc.array(specialDouble, { maxLength: 30 }),
      fc.boolean(),
      (ev, tv, invert) => {
        const got = nd.isin(ev, tv, { invert }).toArray() as boolean[];
        const ref = ev.map((x) => tv.some((y) => x === y) !== invert);
        assert.deepEqual(got, ref);
      },
    ),
    { numRuns: 300 },
  );
});

Deno.test("nonzero, argwhere, flatnonzero and extract agree with a scan", () => {
  const shapes = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 3 });
  fc.assert(
    fc.property(shapes, fc.integer({ min: 0, max: 1e9 }), (shape, seed) => {
      const r = rng(seed);
      const size = shape.reduce((x, y) => x * y, 1);
      const flat = Array.from({ length: size }, () => (r() < 0.5 ? 0 : r() < 0.2 ? NaN : 3));
      const a = nd.array(flat, { dtype: "float64" }).reshape(shape);
      const expected = flat.flatMap((x, i) => (x !== 0 ? [i] : []));
      const flatIdx = (nd.flatnonzero(a).toArray() as bigint[]).map(Number);
      assert.deepEqual(flatIdx, expected);
      const nz = nd.nonzero(a).map((x) => (x.toArray() as bigint[]).map(Number));
      const w = nd.argwhere(a).toArray() as bigint[][];
      expected.forEach((p, k) => {
        let rest = p;
        for (let d = shape.length - 1; d >= 0; d--) {
          assert.equal(nz[d][k], rest % shape[d]);
          assert.equal(Number(w[k][d]), rest % shape[d]);
          rest = Math.floor(rest / shape[d]);
        }
      });
      assert.equal(nd.extract(a, a).size, expected.length);
    }),
    { numRuns: 200 },
  );
});
