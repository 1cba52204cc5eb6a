// Results against NumPy: every case of tests/fixtures/sorting/*.json (see fixtures_sorting.py).
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";
import {
  assertSame,
  type Case,
  decode,
  decodeArg,
  describe,
  type Enc,
  loadCases,
  tokens,
} from "./_helpers.ts";

type Fn = (...args: unknown[]) => unknown;

function run(fn: Fn, c: Case, opts: Record<string, unknown> = c.opts): unknown {
  return fn(...c.args.map(decodeArg), opts);
}

Deno.test("sort matches NumPy (stable), all dtypes, views and axes", async (t) => {
  const cases = loadCases("sort");
  assert.ok(cases.length > 100);
  for (const c of cases) {
    await t.step(describe(c), () => {
      const input = decodeArg(c.args[0]) as nd.NDArray;
      const before = tokens(input);
      assertSame(run(nd.sort as Fn, c) as nd.NDArray, decode(c.expected), describe(c));
      assert.deepEqual(tokens(input), before, "the input is unchanged");
    });
  }
});

Deno.test("argsort matches NumPy's stable argsort", async (t) => {
  for (const c of loadCases("argsort")) {
    await t.step(describe(c), () => {
      assertSame(run(nd.argsort as Fn, c) as nd.NDArray, decode(c.expected), describe(c));
    });
  }
});

type UniqueExpected = Enc | Record<"values" | "indices" | "inverse" | "counts", Enc>;

Deno.test("unique matches NumPy (flags, equalNan, axis)", async (t) => {
  for (const c of loadCases<UniqueExpected>("unique")) {
    await t.step(describe(c), () => {
      const r = run(nd.unique as Fn, c);
      if ("dtype" in c.expected) {
        // Without flags NumPy takes a hash-based path that returns a canonical NaN for floats
        // and the first NaN-holding value in input order for complex; nd keeps the first in
        // sorted order (as NumPy's stable path does). Compare NaNs as NaNs.
        const nanFree = (a: nd.NDArray) => tokens(a).map((s) => (s.includes("nan") ? "nan" : s));
        const e = decode(c.expected as Enc), got = r as nd.NDArray;
        assert.equal(got.dtype, e.dtype);
        assert.deepEqual([...got.shape], [...e.shape]);
        assert.deepEqual(nanFree(got), nanFree(e), describe(c));
        return;
      }
      const got = r as Record<string, nd.NDArray>;
      for (const [k, e] of Object.entries(c.expected)) {
        assertSame(got[k], decode(e as Enc), `${describe(c)} ${k}`);
      }
    });
  }
});

Deno.test("searchsorted matches NumPy (sides, sorter, NaN, mixed dtypes)", async (t) => {
  for (const c of loadCases("searchsorted")) {
    await t.step(describe(c), () => {
      const opts = { ...c.opts };
      if (opts.sorter) opts.sorter = decode(opts.sorter as Enc);
      assertSame(run(nd.searchsorted as Fn, c, opts) as nd.NDArray, decode(c.expected));
    });
  }
});

Deno.test("lexsort matches NumPy", async (t) => {
  for (const c of loadCases("lexsort")) {
    await t.step(describe(c), () => {
      assertSame(run(nd.lexsort as Fn, c) as nd.NDArray, decode(c.expected));
    });
  }
});

Deno.test("nonzero, argwhere, flatnonzero and extract match NumPy", async (t) => {
  for (const c of loadCases<Enc[]>("nonzero")) {
    await t.step(describe(c), () => {
      const a = decodeArg(c.args[0]) as nd.NDArray;
      const got = nd.nonzero(a);
      assert.equal(got.length, c.expected.length);
      got.forEach((g, d) => assertSame(g, decode(c.expected[d]), `axis ${d}`));
      // argwhere is the transpose of nonzero's stack; flatnonzero the raveled positions.
      const w = nd.argwhere(a);
      assert.deepEqual([...w.shape], [got[0].size, a.ndim]);
      for (let d = 0; d < a.ndim; d++) {
        assert.deepEqual(
          tokens(w.slice(null, d)),
          tokens(got[d]),
          `argwhere column ${d}`,
        );
      }
      const flat = nd.flatnonzero(a);
      const expectFlat = got[0].toArray().map((_: bigint, i: number) => {
        let p = 0;
        for (let d = 0; d < a.ndim; d++) p = p * a.shape[d] + Number(got[d].get(i));
        return String(p);
      });
      assert.deepEqual(tokens(flat), expectFlat);
      // extract(a, a) picks the nonzero values themselves, in C order.
      const vals = nd.extract(a, a);
      assert.equal(vals.dtype, a.dtype);
      const all = tokens(nd.reshape(nd.copy(a), [-1]));
      assert.deepEqual(tokens(vals), expectFlat.map((p: string) => all[Number(p)]));
    });
  }
});

Deno.test("isin matches NumPy (promotion, NaN, -0, invert)", async (t) => {
  for (const c of loadCases("isin")) {
    await t.step(describe(c), () => {
      assertSame(run(nd.isin as Fn, c) as nd.NDArray, decode(c.expected));
    });
  }
});

Deno.test("partition puts NumPy's values at kth, smaller before, larger after", async (t) => {
  for (const c of loadCases("partition")) {
    await t.step(describe(c), () => {
      const a = decodeArg(c.args[0]) as nd.NDArray;
      const kthRaw = c.args[1] as { value: number | number[] };
      const axis = c.opts.axis as number | null;
      const p = run(nd.partition as Fn, c) as nd.NDArray;
      const expected = decode(c.expected);
      assert.deepEqual([...p.shape], [...expected.shape]);
      const src = axis === null ? nd.reshape(a, [-1]) : a;
      const ax = axis === null ? 0 : (axis + src.ndim) % src.ndim;
      const n = src.shape[ax];
      const ks = (Array.isArray(kthRaw.value) ? kthRaw.value : [kthRaw.value])
        .map((k) => (k + n) % n);
      const sorted = nd.sort(src, { axis: ax });
      const ip = nd.argpartition(src, kthRaw.value, { axis: ax });
      const taken = takeAlong(src, ip, ax);
      // Equal values may be arranged differently (-0.0 vs 0.0, NaN signs): compare values.
      const same = (x: nd.NDArray) => tokens(x).map((s) => s.replace(/^-(0|nan)$/, "$1"));
      for (const res of [p, taken]) {
        assert.equal(res.dtype, a.dtype);
        assert.deepEqual(lanesAsMultisets(res, ax), lanesAsMultisets(src, ax), "a permutation");
        for (const k of ks) {
          const at = (x: nd.NDArray, i: number) => nd.moveaxis(x, ax, -1).slice("...", i);
          assert.deepEqual(same(at(res, k)), same(at(expected, k)), `kth ${k}`);
          assert.deepEqual(same(at(res, k)), same(at(sorted, k)), `kth ${k} sorted`);
        }
        assertSidesOrdered(res, ax, ks);
      }
    });
  }
});

/** The elements of each lane along `axis`, as sorted token lists (bit-exact multisets). */
function lanesAsMultisets(x: nd.NDArray, axis: number): string[][] {
  const m = nd.moveaxis(x, axis, -1);
  const n = m.shape[m.ndim - 1];
  const t = tokens(m);
  const out: string[][] = [];
  for (let s = 0; s < t.length; s += n) out.push(t.slice(s, s + n).sort());
  return out;
}

/** `x` taken along `axis` at the int64 `idx` (same shape), by plain loops. */
function takeAlong(x: nd.NDArray, idx: nd.NDArray, axis: number): nd.NDArray {
  const xm = nd.moveaxis(x, axis, -1), im = nd.moveaxis(idx, axis, -1);
  const n = xm.shape[xm.ndim - 1];
  const rows = n === 0 ? 0 : xm.size / n;
  const xr = nd.reshape(nd.copy(xm), [rows, n]), ir = nd.reshape(nd.copy(im), [rows, n]);
  const out = nd.copy(xr);
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < n; j++) {
      out.setSlice([r, j], xr.slice(r, Number(ir.get(r, j))));
    }
  }
  return nd.moveaxis(nd.reshape(out, xm.shape), -1, axis);
}

/**
 * Checks the partition property through stable ranks (position in a stable sort of the lane):
 * the kth element has rank k, everything before it a smaller rank, everything after a larger.
 */
function assertSidesOrdered(res: nd.NDArray, axis: number, ks: number[]): void {
  const m = nd.moveaxis(res, axis, -1);
  const n = m.shape[m.ndim - 1];
  const rows = m.size / n;
  const order = nd.argsort(nd.reshape(nd.copy(m), [rows, n]));
  const w = new Uint32Array(order.data.buffer);
  for (let r = 0; r < rows; r++) {
    const rank = new Int32Array(n);
    for (let j = 0; j < n; j++) rank[w[2 * (r * n + j)]] = j;
    for (const k of ks) {
      assert.equal(rank[k], k, `row ${r}: rank of kth ${k}`);
      for (let j = 0; j < n; j++) {
        if (j < k) assert.ok(rank[j] < k, `row ${r}: position ${j} before kth ${k}`);
        if (j > k) assert.ok(rank[j] > k, `row ${r}: position ${j} after kth ${k}`);
      }
    }
  }
}
