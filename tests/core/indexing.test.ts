// slice / setSlice: basic indexing against a reference index-arithmetic model (fast-check),
// fancy and mask indexing against NumPy (fixtures_core.py), and every error.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import { assertMatches, type Enc, flat, readJson } from "./_fixtures.ts";

// ---- the reference model of basic indexing ----

type Basic = number | string | null | typeof nd.newaxis;

/** Python's `range(n)[start:stop:step]`, by walking the range (no closed formula). */
function pySlice(text: string | null, n: number): number[] {
  const parts = (text ?? ":").split(":");
  const num = (p: string | undefined) => (p === undefined || p === "" ? undefined : Number(p));
  const step = num(parts[2]) ?? 1;
  const norm = (v: number | undefined, dflt: number, lo: number, hi: number) => {
    if (v === undefined) return dflt;
    if (v < 0) v += n;
    return Math.min(Math.max(v, lo), hi);
  };
  const out: number[] = [];
  if (step > 0) {
    const start = norm(num(parts[0]), 0, 0, n), stop = norm(num(parts[1]), n, 0, n);
    for (let i = start; i < stop; i += step) out.push(i);
  } else {
    const start = norm(num(parts[0]), n - 1, -1, n - 1);
    const stop = norm(num(parts[1]), -1, -1, n - 1);
    for (let i = start; i > stop; i += step) out.push(i);
  }
  return out;
}

/** For each result axis: the source axis it walks (or -1 for newaxis) and its coordinates. */
interface Model {
  shape: number[];
  /** Source multi-index of each result element, C order. */
  sources: number[][];
}

function model(shape: readonly number[], index: readonly (Basic | "...")[]): Model {
  const used = index.filter((e) => e !== "..." && e !== nd.newaxis).length;
  const ei = index.indexOf("...");
  const full: Basic[] = ei < 0 ? [...index as Basic[], ...Array(shape.length - used).fill(null)] : [
    ...index.slice(0, ei) as Basic[],
    ...Array(shape.length - used).fill(null),
    ...index.slice(ei + 1) as Basic[],
  ];
  // Each result axis: [source axis or -1, coordinates]; fixed source coordinates.
  const axes: [number, number[]][] = [];
  const fixed: (number | null)[] = [];
  let dim = 0;
  for (const e of full) {
    if (e === nd.newaxis) axes.push([-1, [0]]);
    else if (typeof e === "number") {
      fixed[dim] = e < 0 ? e + shape[dim] : e;
      dim++;
    } else {
      fixed[dim] = null;
      axes.push([dim, pySlice(e, shape[dim])]);
      dim++;
    }
  }
  const rshape = axes.map(([, c]) => c.length);
  const sources: number[][] = [];
  const rec = (k: number, src: (number | null)[]) => {
    if (k === axes.length) {
      sources.push(src.map((v) => v as number));
      return;
    }
    const [ax, coords] = axes[k];
    for (const c of coords) {
      const s = src.slice();
      if (ax >= 0) s[ax] = c;
      rec(k + 1, s);
    }
  };
  rec(0, fixed);
  return { shape: rshape, sources: rshape.includes(0) ? [] : sources };
}

const arbShape = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 4 });

function arbSliceText(n: number): fc.Arbitrary<string> {
  const bound = fc.option(fc.integer({ min: -n - 2, max: n + 2 }), { nil: undefined });
  const step = fc.option(fc.integer({ min: -3, max: 3 }).filter((s) => s !== 0), {
    nil: undefined,
  });
  return fc.tuple(bound, bound, step, fc.boolean()).map(([a, b, s, two]) =>
    s === undefined && two ? `${a ?? ""}:${b ?? ""}` : `${a ?? ""}:${b ?? ""}:${s ?? ""}`
  );
}

function arbEntry(n: number): fc.Arbitrary<Basic> {
  const opts: fc.Arbitrary<Basic>[] = [arbSliceText(n), fc.constant(null)];
  if (n > 0) opts.push(fc.integer({ min: -n, max: n - 1 }));
  return fc.oneof(...opts);
}

/** A shape and a basic index for it (with newaxis and at most one ellipsis). */
const arbCase = arbShape.chain((shape) =>
  fc.tuple(
    fc.constant(shape),
    fc.tuple(...shape.map((n) => arbEntry(n))),
    fc.integer({ min: 0, max: shape.length }),
    fc.integer({ min: 0, max: shape.length }),
    fc.array(fc.integer({ min: 0, max: shape.length }), { maxLength: 2 }),
    fc.boolean(),
  ).map(([shape, entries, keep, ellAt, newaxes, useEll]) => {
    // Keep a prefix of the entries (the rest are implied), maybe replace a run by "...".
    let idx: (Basic | "...")[] = entries.slice(0, keep);
    if (useEll) {
      const at = Math.min(ellAt, idx.length);
      idx = [...idx.slice(0, at), "...", ...entries.slice(shape.length - (keep - at))];
    }
    for (const p of newaxes) idx.splice(Math.min(p, idx.length), 0, nd.newaxis);
    return { shape, idx };
  })
);

/** A source array with distinct values, optionally a non-contiguous view. */
function source(shape: number[], layout: number): nd.NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  if (layout === 0 || shape.length === 0) return nd.arange(n).reshape(shape);
  if (layout === 1) {
    // A transposed view with the same shape.
    const rev = shape.slice().reverse();
    return nd.arange(n).reshape(rev).T;
  }
  // A strided, reversed-first-axis view of a bigger array.
  const big = nd.arange(2 * n + 3).slice(`${2 * n + 2}::-2`).slice(`:${n}`);
  return big.reshape(shape).slice("::-1");
}

Deno.test("slice: basic indexing", async (t) => {
  await t.step("matches the reference model (values and shape)", () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 2 }), ({ shape, idx }, layout) => {
        const a = source(shape, layout);
        const r = a.slice(...(idx as nd.Index[]));
        const m = model(shape, idx);
        assert.deepEqual([...r.shape], m.shape);
        assert.deepEqual(flat(r), m.sources.map((s) => a.get(...s)));
      }),
      { numRuns: 400 },
    );
  });

  await t.step("returns a view: base set, buffer shared, writes visible both ways", () => {
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: 2 }), ({ shape, idx }, layout) => {
        const a = source(shape, layout);
        const r = a.slice(...(idx as nd.Index[]));
        assert.equal(r.data, a.data);
        assert.equal(r.base, a.base ?? a);
        const m = model(shape, idx);
        if (m.sources.length === 0) return;
        const k = m.sources.length - 1;
        const ri = flatToMulti(k, r.shape);
        r.set(ri, -7);
        assert.equal(a.get(...m.sources[k]), -7n);
        a.set(m.sources[0], 99);
        assert.equal(r.get(...flatToMulti(0, r.shape)), 99n);
      }),
      { numRuns: 200 },
    );
  });

  await t.step("setSlice with a broadcast value writes exactly the indexed elements", () => {
    fc.assert(
      fc.property(
        arbCase,
        fc.integer({ min: 0, max: 2 }),
        fc.array(fc.boolean(), { maxLength: 5 }),
        ({ shape, idx }, layout, ones) => {
          const a = source(shape, layout);
          const before = flat(a);
          const m = model(shape, idx);
          // The value: a suffix of the result shape with some axes set to 1.
          const k = Math.min(ones.length, m.shape.length);
          const vshape = m.shape.slice(m.shape.length - k).map((s, i) => (ones[i] ? 1 : s));
          const vsize = vshape.reduce((x, y) => x * y, 1);
          const v = nd.arange(1000, 1000 + vsize).reshape(vshape);
          nd.setSlice(a, idx as nd.Index[], v);
          const want = nd.broadcastTo(v, m.shape);
          const expect = new Map<string, unknown>();
          m.sources.forEach((s, i) => expect.set(s.join(), flat(want)[i]));
          const got = flat(a);
          const all = allIndices(shape);
          all.forEach((s, i) => {
            const e = expect.has(s.join()) ? expect.get(s.join()) : before[i];
            assert.equal(got[i], e, `at [${s}]`);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  await t.step("examples", () => {
    const a = nd.arange(24).reshape([2, 3, 4]);
    assert.deepEqual(a.slice(1, "::-1", -1).toArray(), [23n, 19n, 15n]);
    assert.deepEqual(a.slice("...", 0).shape, [2, 3]);
    assert.deepEqual(a.slice(nd.newaxis, "...", nd.newaxis).shape, [1, 2, 3, 4, 1]);
    assert.deepEqual(a.slice(0, 0, 0).shape, []);
    assert.equal(a.slice(0, 0, 0).item(), 0n);
    assert.deepEqual(a.slice(" 1 : 2 ").shape, [1, 3, 4]);
    assert.deepEqual(a.slice("5:").shape, [0, 3, 4]);
    assert.deepEqual(nd.slice(a, null, "1:3", "::3").toArray(), [
      [[4n, 7n], [8n, 11n]],
      [[16n, 19n], [20n, 23n]],
    ]);
  });
});

function flatToMulti(k: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  for (let i = shape.length - 1; i >= 0; i--) {
    out[i] = k % shape[i];
    k = Math.floor(k / shape[i]);
  }
  return out;
}

function allIndices(shape: readonly number[]): number[][] {
  const n = shape.reduce((a, b) => a * b, 1);
  return Array.from({ length: n }, (_, k) => flatToMulti(k, shape));
}

// ---- fancy and mask indexing against NumPy ----

type IdxJson =
  | number
  | string
  | { newaxis: true }
  | { arr: unknown; shape: number[]; dtype: nd.DType }
  | { mask: unknown; shape: number[] };

function decodeIndex(e: IdxJson, asNd: boolean): nd.Index {
  if (typeof e === "number" || typeof e === "string") return e;
  if ("newaxis" in e) return nd.newaxis;
  if ("arr" in e) {
    if (e.shape.length === 1 && !asNd && e.dtype === "int64") return e.arr as number[];
    if (e.shape[0] === 0) return [];
    return nd.array(e.arr as number[], { dtype: e.dtype });
  }
  if (e.shape.length === 1 && !asNd) return e.mask as boolean[];
  return nd.array(e.mask as boolean[]);
}

interface IndexingFixture {
  a: Enc;
  get: { index: IdxJson[]; result: Enc }[];
  set: { index: IdxJson[]; value: Enc; result: Enc }[];
}

const IX = readJson<IndexingFixture>("core", "indexing.json");

Deno.test("slice: fancy and mask indexing match NumPy", async (t) => {
  const a = nd.arange(120).reshape([2, 3, 4, 5]);
  for (const c of IX.get) {
    const label = JSON.stringify(c.index.map((e) => (typeof e === "object" ? "arr/mask" : e)));
    await t.step(`a[${label}] (${JSON.stringify(c.result.shape)})`, () => {
      for (const asNd of [false, true]) {
        const r = a.slice(...c.index.map((e) => decodeIndex(e, asNd)));
        assertMatches(r, c.result, { msg: JSON.stringify(c.index) });
        const hasAdv = c.index.some((e) => typeof e === "object" && !("newaxis" in e));
        if (hasAdv) {
          assert.equal(r.base, null, "advanced indexing returns a copy");
          assert.notEqual(r.data.buffer, a.data.buffer);
        }
      }
    });
  }
  await t.step("fancy indexing of a non-contiguous view and of complex data", () => {
    const t2 = nd.arange(12).reshape([3, 4]).T; // 4x3 view
    assert.deepEqual(t2.slice([3, 0], [2, -3]).toArray(), [11n, 0n]);
    const z = nd.array([{ re: 1, im: 2 }, { re: 3, im: 4 }, { re: 5, im: 6 }]);
    assert.deepEqual(z.slice([2, 0]).toArray(), [{ re: 5, im: 6 }, { re: 1, im: 2 }]);
    assert.deepEqual(z.slice(nd.array([true, false, true])).toArray(), [
      { re: 1, im: 2 },
      { re: 5, im: 6 },
    ]);
  });
});

Deno.test("setSlice: fancy and mask assignment matches NumPy", async (t) => {
  for (const c of IX.set) {
    const label = JSON.stringify(c.index.map((e) => (typeof e === "object" ? "arr/mask" : e)));
    await t.step(`a[${label}] = value ${JSON.stringify(c.value.shape)}`, () => {
      const z = nd.zeros([2, 3, 4, 5], { dtype: "int64" });
      const value = c.value.shape.length === 0
        ? Number(c.value.data[0])
        : nd.array(c.value.data.map(Number)).reshape(c.value.shape);
      z.setSlice(c.index.map((e) => decodeIndex(e, true)), value);
      assertMatches(z, c.result);
    });
  }
  await t.step("complex and float destinations, casting the value", () => {
    const z = nd.zeros([3], { dtype: "complex128" });
    z.setSlice([[0, 2]], [{ re: 1, im: -1 }, { re: 2, im: 0.5 }]);
    assert.deepEqual(z.toArray(), [{ re: 1, im: -1 }, { re: 0, im: 0 }, { re: 2, im: 0.5 }]);
    const f = nd.zeros([2, 2], { dtype: "uint8" });
    f.setSlice([f.equal(0)], 2.9);
    assert.deepEqual(f.toArray(), [[2, 2], [2, 2]]);
    const g = nd.zeros([4], { dtype: "float32" });
    g.setSlice(["::2"], [0.1, 0.2]);
    assert.deepEqual(g.toArray(), [Math.fround(0.1), 0, Math.fround(0.2), 0]);
  });
});

Deno.test("indexing errors", async (t) => {
  const a = nd.arange(6).reshape([2, 3]);
  const cases: [() => unknown, string, string | RegExp][] = [
    [
      () => a.slice("1:2:3:4"),
      "TypeError",
      'slice: invalid slice "1:2:3:4": expected "start:stop:step"',
    ],
    [() => a.slice("a:2"), "TypeError", 'slice: invalid slice "a:2": "a" is not an integer'],
    [() => a.slice("1.5:"), "TypeError", 'slice: invalid slice "1.5:": "1.5" is not an integer'],
    [() => a.slice("::0"), "RangeError", 'slice: slice step cannot be zero in "::0"'],
    [() => a.slice(1.5), "TypeError", "slice: index 1.5 is not an integer"],
    [
      () => a.slice("abc"),
      "TypeError",
      'slice: invalid index "abc": expected a slice like "1:3" or "..."',
    ],
    [() => a.slice({} as nd.Index), "TypeError", "slice: invalid index [object Object]"],
    [
      () => a.slice(nd.array([0.5])),
      "TypeError",
      "slice: arrays used as indices must be of integer or boolean type, got float64",
    ],
    [
      () => a.slice("...", 0, "..."),
      "RangeError",
      'slice: an index can only have a single ellipsis ("...")',
    ],
    [
      () => a.slice(0, 0, 0),
      "RangeError",
      "slice: too many indices for array: array is 2-dimensional, but 3 were indexed",
    ],
    [() => a.slice(2), "RangeError", "slice: index 2 is out of bounds for axis 0 with size 2"],
    [() => a.slice(0, -4), "RangeError", "slice: index -4 is out of bounds for axis 1 with size 3"],
    [
      () => a.slice(null, [0, 3]),
      "RangeError",
      "slice: index 3 is out of bounds for axis 1 with size 3",
    ],
    [
      () => a.slice([-3]),
      "RangeError",
      "slice: index -3 is out of bounds for axis 0 with size 2",
    ],
    [
      () => a.slice([true, false, true]),
      "RangeError",
      "slice: boolean index did not match indexed array along axis 0; size of axis is 2 but size of corresponding boolean axis is 3",
    ],
    [
      () => a.slice([0, 1], [0, 1, 2]),
      "TypeError",
      "slice: shape mismatch: indexing arrays could not be broadcast together with shapes [2] [3]",
    ],
    [
      () => a.slice([[0, 1], [1]] as unknown as number[]),
      "TypeError",
      /^slice: inhomogeneous nested arrays/,
    ],
  ];
  for (const [f, name, message] of cases) {
    await t.step(String(message), () => {
      const before = JSON.stringify(flat(a).map(String));
      assert.throws(f, { name, message });
      assert.equal(JSON.stringify(flat(a).map(String)), before, "bad input changes nothing");
    });
  }
  await t.step("setSlice errors change nothing", () => {
    const u = nd.arange(6, { dtype: "uint8" }).reshape([2, 3]);
    const before = JSON.stringify(u.toArray());
    const bad: [() => void, string, string][] = [
      [
        () => u.setSlice([0], 256),
        "RangeError",
        "setSlice: integer 256 is out of bounds for uint8",
      ],
      [() => u.setSlice([0], -1), "RangeError", "setSlice: integer -1 is out of bounds for uint8"],
      [
        () => u.setSlice([[0, 1]], [1, 2]),
        "TypeError",
        "setSlice: could not broadcast input of shape [2] into indexed shape [2,3]",
      ],
      [
        () => u.setSlice([0], [1, 2]),
        "TypeError",
        "setSlice: could not broadcast input of shape [2] into indexed shape [3]",
      ],
      [
        () => u.setSlice([null, 5], 1),
        "RangeError",
        "setSlice: index 5 is out of bounds for axis 1 with size 3",
      ],
      [
        () => u.setSlice([[0, 2]], 1),
        "RangeError",
        "setSlice: index 2 is out of bounds for axis 0 with size 2",
      ],
      [
        () => nd.broadcastTo(u, [2, 2, 3]).setSlice([0], 1),
        "TypeError",
        "setSlice: assignment destination is read-only",
      ],
    ];
    for (const [f, name, message] of bad) {
      assert.throws(f, { name, message });
      assert.equal(JSON.stringify(u.toArray()), before, message);
    }
    const big = nd.zeros([2], { dtype: "int64" });
    assert.throws(() => big.setSlice([0], 2n ** 63n), {
      name: "RangeError",
      message: "setSlice: integer 9223372036854775808 is out of bounds for int64",
    });
    big.setSlice([0], 2n ** 63n - 1n);
    assert.equal(big.get(0), 2n ** 63n - 1n);
  });
});

Deno.test("setSlice drops leading size-1 dimensions of the value, as NumPy", () => {
  const a = nd.zeros([2, 3]);
  a.setSlice([0], nd.array([[1, 2, 3]]));
  a.setSlice([[1]], nd.array([[[5, 6, 7]]]));
  assert.deepEqual(a.toArray(), [[1, 2, 3], [5, 6, 7]]);
  a.setSlice([], nd.ones([1, 1, 3]));
  assert.deepEqual(a.toArray(), [[1, 1, 1], [1, 1, 1]]);
  assert.throws(() => a.setSlice([0], nd.ones([1, 2, 3])), {
    name: "TypeError",
    message: "setSlice: could not broadcast input of shape [1,2,3] into indexed shape [3]",
  });
});
