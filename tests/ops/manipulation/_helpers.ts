// Shared helpers of the manipulation tests: fixture decoding and exact comparisons.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";

/** An encoded array, as tests/fixtures/fixtures_manipulation.py writes it. */
export interface Enc {
  dtype: nd.DType;
  shape: number[];
  data: (number | string | [number | string, number | string])[];
  view: null | "T" | "rev";
}

/** One fixture case. */
export interface Case {
  fn: string;
  args: ({ array: Enc } | { arrays: Enc[] } | { value: unknown })[];
  opts: Record<string, unknown>;
  expected: Enc | Enc[];
}

const num = (v: number | string): number =>
  v === "nan" ? NaN : v === "inf" ? Infinity : v === "-inf" ? -Infinity : (v as number);

/** Builds the NDArray an encoded array describes (including its view). */
export function decode(e: Enc): nd.NDArray {
  const cplx = e.dtype.startsWith("complex");
  const flat = e.data.map((v) =>
    cplx
      ? { re: num((v as [number, number])[0]), im: num((v as [number, number])[1]) }
      : num(v as number)
  );
  let a = nd.array(flat as nd.ArrayLike, { dtype: e.dtype }).reshape(e.shape);
  if (e.view === "T") a = a.T;
  if (e.view === "rev") a = a.slice("::-1");
  return a;
}

/** The elements of an array in C order as plain numbers ([re, im] for complex). */
export function flat(a: nd.NDArray): (number | [number, number])[] {
  const out: (number | [number, number])[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === "bigint") out.push(Number(v));
    else if (typeof v === "boolean") out.push(v ? 1 : 0);
    else if (typeof v === "object" && v !== null) {
      const c = v as nd.Complex;
      out.push([c.re, c.im]);
    } else out.push(v as number);
  };
  walk(a.toArray());
  return out;
}

/** Asserts exact equality (dtype, shape, every element with Object.is) with an encoding. */
export function assertMatches(actual: nd.NDArray, expected: Enc, label: string): void {
  assert.equal(actual.dtype, expected.dtype, `${label}: dtype`);
  assert.deepEqual([...actual.shape], expected.shape, `${label}: shape`);
  const got = flat(actual);
  const cplx = expected.dtype.startsWith("complex");
  expected.data.forEach((v, i) => {
    const want = cplx
      ? [num((v as [number, number])[0]), num((v as [number, number])[1])]
      : [num(v as number)];
    const g = Array.isArray(got[i]) ? got[i] as number[] : [got[i] as number];
    want.forEach((w, k) => {
      assert.ok(Object.is(g[k], w), `${label}: element ${i}: got ${g[k]}, expected ${w}`);
    });
  });
}

/** Asserts exact equality with a plain nested JS array (numbers, bigints become numbers). */
export function assertValues(actual: nd.NDArray, expected: unknown, label = "values"): void {
  const norm = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(norm)
      : typeof v === "bigint"
      ? Number(v)
      : typeof v === "boolean"
      ? (v ? 1 : 0)
      : v;
  assert.deepEqual(norm(actual.toArray()), norm(expected), label);
}

/** Reads tests/fixtures/manipulation/<name>.json. */
export function loadCases(name: string): Case[] {
  const url = new URL(`../../fixtures/manipulation/${name}.json`, import.meta.url);
  return JSON.parse(Deno.readTextFileSync(url)).cases as Case[];
}

/** Turns the fixture arguments into nd arguments. */
export function decodeArgs(c: Case): unknown[] {
  return c.args.map((a) => {
    if ("array" in a) return decode(a.array);
    if ("arrays" in a) return a.arrays.map(decode);
    return a.value;
  });
}
