// asStrided and slidingWindowView against NumPy (tests/fixtures/fixtures_stride_tricks.py),
// read-only rules, bounds checks, and reductions over windows without materialising them.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";

const DIR = new URL("../fixtures/stride_tricks/", import.meta.url).pathname;
const fx = (name: string): nd.NDArray => nd.load(`${DIR}${name}.npy`) as nd.NDArray;

Deno.test("slidingWindowView matches NumPy", async (t) => {
  const x = fx("x1");
  for (const w of [1, 7, 100]) {
    await t.step(`1-D, window ${w}: values and reductions bit for bit`, () => {
      const v = nd.slidingWindowView(x, w);
      assert.deepEqual(v.shape, [1000 - w + 1, w]);
      assert.equal(v.base, x.base ?? x);
      if (w < 100) nd.testing.assertArrayEqual(v, fx(`swv_${w}`));
      nd.testing.assertArrayEqual(nd.sum(v, { axis: -1 }), fx(`swv_${w}_sum`));
      nd.testing.assertArrayEqual(nd.mean(v, { axis: -1 }), fx(`swv_${w}_mean`));
      nd.testing.assertArrayEqual(nd.max(v, { axis: -1 }), fx(`swv_${w}_max`));
      nd.testing.assertAllClose(nd.std(v, { axis: -1 }), fx(`swv_${w}_std`), { rtol: 1e-13 });
    });
  }
  await t.step("2-D windows, one axis, and windows of windows (repeated axis)", () => {
    const m = fx("m");
    const v = nd.slidingWindowView(m, [3, 4]);
    assert.deepEqual(v.shape, [4, 6, 3, 4]);
    nd.testing.assertArrayEqual(v, fx("swv_m_3x4"));
    nd.testing.assertArrayEqual(nd.sum(v, { axis: [-2, -1] }), fx("swv_m_3x4_sum"));
    nd.testing.assertArrayEqual(nd.slidingWindowView(m, 2, { axis: 1 }), fx("swv_m_axis1_2"));
    nd.testing.assertArrayEqual(
      nd.slidingWindowView(m, [2, 3], { axis: [0, 0] }),
      fx("swv_m_axis00"),
    );
  });
});

Deno.test("slidingWindowView views", async (t) => {
  await t.step("read-only by default, writeable on request, shares the buffer", () => {
    const x = nd.arange(10).astype("float64");
    const v = nd.slidingWindowView(x, 3);
    assert.equal(v.flags.writeable, false);
    assert.throws(() => v.set([0, 0], 1), {
      name: "TypeError",
      message: "set: assignment destination is read-only",
    });
    assert.throws(() => nd.setSlice(v, [0], 5), TypeError);
    const w = nd.slidingWindowView(x, 3, { writeable: true });
    w.set([2, 1], 42);
    assert.equal(x.get(3), 42); // window 2, position 1 is x[3]
    const ro = nd.broadcastTo(nd.arange(5), [2, 5]);
    assert.equal(nd.slidingWindowView(ro, 2, { axis: 1, writeable: true }).flags.writeable, false);
  });
  await t.step("an empty window and a full window", () => {
    const x = nd.arange(4);
    assert.deepEqual(nd.slidingWindowView(x, 0).shape, [5, 0]);
    assert.deepEqual(nd.slidingWindowView(x, 4).toArray(), [[0n, 1n, 2n, 3n]]);
  });
  await t.step("reductions do not materialise the windows", () => {
    // 200,000 windows of 500 would be 800 MB as a copy; the mean needs only its output.
    const x = nd.ones([200_500]);
    const before = Deno.memoryUsage().rss;
    const m = nd.mean(nd.slidingWindowView(x, 500), { axis: -1 });
    const grown = Deno.memoryUsage().rss - before;
    assert.equal(m.size, 200_001);
    assert.equal(nd.min(m).item(), 1);
    assert.ok(grown < 100e6, `RSS grew by ${grown} bytes`);
  });
  await t.step("errors", () => {
    const x = nd.arange(6).reshape([2, 3]);
    const cases: [() => unknown, string, string][] = [
      [
        () => nd.slidingWindowView(x, [-1, 2]),
        "RangeError",
        "slidingWindowView: windowShape cannot contain negative values: [-1,2]",
      ],
      [
        () => nd.slidingWindowView(x, 2),
        "TypeError",
        "slidingWindowView: without axis, windowShape needs one entry per dimension: got 1 for an array of dimension 2",
      ],
      [
        () => nd.slidingWindowView(x, [2, 2], { axis: 1 }),
        "TypeError",
        "slidingWindowView: windowShape and axis must have the same length: got 2 and 1",
      ],
      [
        () => nd.slidingWindowView(x, [3], { axis: 0 }),
        "RangeError",
        "slidingWindowView: window shape [3] is larger than the array's shape [2,3] along axis 0",
      ],
      [
        () => nd.slidingWindowView(x, [2], { axis: 2 }),
        "RangeError",
        "slidingWindowView: axis 2 is out of bounds for array of dimension 2",
      ],
      [
        () => nd.slidingWindowView(x, 1.5 as number),
        "TypeError",
        "slidingWindowView: windowShape must be an integer or an array of integers, got 1.5",
      ],
      [
        () => nd.slidingWindowView(x, [2], { axis: "a" as unknown as number }),
        "TypeError",
        "slidingWindowView: axis must be an integer or an array of integers, got a",
      ],
      [
        () => nd.slidingWindowView(x, [1, 1], { writeable: "yes" as unknown as boolean }),
        "TypeError",
        "slidingWindowView: writeable must be a boolean, got string",
      ],
    ];
    for (const [f, name, message] of cases) assert.throws(f, { name, message });
  });
});

Deno.test("asStrided", async (t) => {
  const a = nd.arange(20, { dtype: "int32" });
  await t.step("matches NumPy (strides in elements, NumPy's in bytes)", () => {
    nd.testing.assertArrayEqual(
      nd.asStrided(a, { shape: [6, 5], strides: [3, 1] }),
      fx("as_strided_rows"),
    );
    nd.testing.assertArrayEqual(
      nd.asStrided(a.slice("::-1"), { shape: [4, 3], strides: [-2, -1] }),
      fx("as_strided_neg"),
    );
    nd.testing.assertArrayEqual(
      nd.asStrided(a.slice("3:"), { shape: [3, 4], strides: [0, 1] }),
      fx("as_strided_zero"),
    );
  });
  await t.step("defaults, views and writeability", () => {
    const s = nd.asStrided(a);
    assert.deepEqual(s.shape, [20]);
    assert.equal(s.base, a);
    s.set([0], 7);
    assert.equal(a.get(0), 7);
    assert.equal(nd.asStrided(a, { writeable: false }).flags.writeable, false);
    const ro = nd.broadcastTo(a, [2, 20]);
    assert.equal(nd.asStrided(ro, { writeable: true }).flags.writeable, false);
    assert.deepEqual(nd.asStrided(a, { shape: [0, 5], strides: [100, 100] }).shape, [0, 5]);
  });
  await t.step("a view can reach the rest of its base's buffer, never past it", () => {
    const v = a.slice("10:12");
    assert.deepEqual(nd.asStrided(v, { shape: [10], strides: [1] }).toArray().at(-1), 19);
    assert.throws(() => nd.asStrided(v, { shape: [11], strides: [1] }), {
      name: "RangeError",
      message: "asStrided: shape [11] and strides [1] from element 10 reach elements 10..20 " +
        "of a buffer of 20 elements",
    });
    assert.throws(() => nd.asStrided(v, { shape: [2, 2], strides: [-11, 1] }), RangeError);
  });
  await t.step("every accepted request stays in bounds (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 0, maxLength: 3 }),
        fc.array(fc.integer({ min: -9, max: 9 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 19 }),
        (shape, st, start) => {
          const base = a.slice(`${start}:`);
          const strides = st.slice(0, shape.length);
          let v: nd.NDArray;
          try {
            v = nd.asStrided(base, { shape, strides, writeable: false });
          } catch (e) {
            assert.ok(e instanceof RangeError, String(e));
            return;
          }
          // Every element read equals the buffer at its computed index.
          const flat = v.flatten().toArray() as number[];
          let k = 0;
          const walk = (d: number, off: number): void => {
            if (d === shape.length) {
              assert.ok(off >= 0 && off < 20);
              assert.equal(flat[k++], a.data[off]);
              return;
            }
            for (let i = 0; i < shape[d]; i++) walk(d + 1, off + i * strides[d]);
          };
          walk(0, start);
        },
      ),
      { numRuns: 500 },
    );
  });
  await t.step("errors", () => {
    const cases: [() => unknown, string, string][] = [
      [
        () => nd.asStrided(a, { shape: [2, 2], strides: [1] }),
        "TypeError",
        "asStrided: strides [1] do not match shape [2,2]: 1 and 2 entries",
      ],
      [
        () => nd.asStrided(a, { shape: [2], strides: [0.5] }),
        "TypeError",
        "asStrided: strides must be integers (in elements), got [0.5]",
      ],
      [
        () => nd.asStrided(a, { shape: [-1] }),
        "RangeError",
        "asStrided: shape entries must be non-negative integers, got [-1]",
      ],
      [
        () => nd.asStrided(a, { strides: 3 as unknown as number[] }),
        "TypeError",
        "asStrided: strides must be an array of integers, got 3",
      ],
      [
        () => nd.asStrided(a, { writeable: 1 as unknown as boolean }),
        "TypeError",
        "asStrided: writeable must be a boolean, got number",
      ],
    ];
    for (const [f, name, message] of cases) assert.throws(f, { name, message });
  });
});
