// Loads the NumPy-made cases of tests/fixtures/statistics/*.json (written by
// tests/fixtures/fixtures_statistics.py) and compares nd's results with them.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface Encoded {
  dtype: nd.DType;
  shape: number[];
  data: Json[];
}

/** One fixture case. */
export interface Case {
  fn: string;
  args: Json[];
  opts: Record<string, Json>;
  expect: Json;
  rtol?: number;
}

function scalar(v: Json): number | boolean | nd.Complex {
  if (v === "nan") return NaN;
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  if (Array.isArray(v)) return { re: scalar(v[0]) as number, im: scalar(v[1]) as number };
  return v as number | boolean;
}

function fromEncoded(e: Encoded): nd.NDArray {
  const values = e.data.map(scalar) as nd.Scalar[];
  return nd.array(values, { dtype: e.dtype }).reshape(e.shape);
}

/** The recipe arrays of the fixtures: ((i * a + c) % m) / m * scale + offset, then cast. */
function generated(s: Record<string, Json>): nd.NDArray {
  const shape = s.shape as number[];
  const n = shape.reduce((p, x) => p * x, 1);
  const [a, c, m] = [s.a, s.c, s.m] as number[];
  const [scale, offset] = [s.scale, s.offset] as number[];
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = ((i * a + c) % m) / m * scale + offset;
  return nd.astype(nd.asarray(v), s.dtype as nd.DType).reshape(shape);
}

/** A fixture value as what the TS functions take. */
export function decode(x: Json): unknown {
  if (x !== null && typeof x === "object" && !Array.isArray(x)) {
    if ("array" in x) return fromEncoded(x.array as unknown as Encoded);
    if ("gen" in x) return generated(x.gen as Record<string, Json>);
  }
  return x;
}

/** Reads one fixture file. */
export function loadCases(name: string): Case[] {
  const url = new URL(`../../fixtures/statistics/${name}.json`, import.meta.url);
  return JSON.parse(Deno.readTextFileSync(url));
}

function flat(a: nd.NDArray): unknown[] {
  const t = a.toArray();
  return Array.isArray(t) ? t.flat(Infinity) : [t];
}

function close(actual: number, expected: number, rtol: number, atol: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
}

/** Asserts `actual` equals the encoded NumPy result (dtype, shape, values). */
export function assertMatches(actual: nd.NDArray, expected: Json, rtol = 0, what = ""): void {
  const e = (expected as unknown as { array: Encoded }).array;
  assert.equal(actual.dtype, e.dtype, `${what} dtype`);
  assert.deepEqual([...actual.shape], e.shape, `${what} shape`);
  const got = flat(actual);
  const want = e.data.map(scalar);
  let atol = 0;
  if (rtol > 0) {
    for (const w of want) {
      const m = typeof w === "object" ? Math.hypot(w.re, w.im) : Math.abs(Number(w));
      if (Number.isFinite(m)) atol = Math.max(atol, rtol * m);
    }
  }
  for (let i = 0; i < want.length; i++) {
    const g = got[i], w = want[i];
    const msg = `${what} element ${i}: got ${
      JSON.stringify(g, (_, v) => typeof v === "bigint" ? `${v}n` : v)
    }, want ${JSON.stringify(e.data[i])}`;
    if (typeof w === "boolean") assert.equal(g, w, msg);
    else if (typeof w === "object") {
      const c = g as nd.Complex;
      assert.ok(close(c.re, w.re, rtol, atol) && close(c.im, w.im, rtol, atol), msg);
    } else assert.ok(close(Number(g), w, rtol, atol), msg);
  }
}

/** Runs every case of a fixture file as a step, calling `call` for the nd result. */
export async function runCases(
  t: Deno.TestContext,
  name: string,
  call: (fn: string, args: unknown[], opts: Record<string, unknown>) => unknown,
): Promise<void> {
  const cases = loadCases(name);
  for (const [i, c] of cases.entries()) {
    const label = `${c.fn} #${i} ${JSON.stringify(c.opts).slice(0, 80)}`;
    await t.step(label, () => {
      const args = c.args.map(decode);
      const opts = Object.fromEntries(Object.entries(c.opts).map(([k, v]) => [k, decode(v)]));
      const r = call(c.fn, args, opts);
      if (Array.isArray(c.expect)) {
        const rs = r as nd.NDArray[];
        assert.equal(rs.length, c.expect.length);
        rs.forEach((x, k) => assertMatches(x, (c.expect as Json[])[k], c.rtol, `[${k}]`));
      } else if (c.expect !== null && typeof c.expect === "object" && "hist" in c.expect) {
        const h = r as nd.HistogramResult;
        assertMatches(h.hist, c.expect.hist, c.rtol, "hist");
        assertMatches(h.binEdges, c.expect.binEdges, 0, "binEdges");
      } else assertMatches(r as nd.NDArray, c.expect, c.rtol);
    });
  }
}
