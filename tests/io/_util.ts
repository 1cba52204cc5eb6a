// Helpers shared by the io tests: fixture paths, the JSON value encoding used by
// tests/fixtures/fixtures_io.py and the Python round-trip tests, exact array comparison, and
// finding a Python with NumPy.
import assert from "node:assert/strict";
import type * as nd from "../../mod.ts";

/** Directory of the committed fixtures. */
export const FIXTURES: URL = new URL("../fixtures/io/", import.meta.url);

/** Path of a fixture file. */
export function fixture<N extends string>(name: N): `${string}${N}` {
  return new URL(name, FIXTURES).pathname as `${string}${N}`;
}

/** Raw bytes of a fixture file. */
export function fixtureBytes(name: string): Uint8Array {
  return Deno.readFileSync(fixture(name));
}

/** An element as encoded in JSON: numbers or "nan"/"inf"/"-inf", decimal strings for 64-bit ints, [re, im]. */
export type Encoded = number | string | boolean | [number | string, number | string];

/** What the fixtures' manifest.json records for an array. */
export interface Expected {
  dtype: nd.DType;
  shape: number[];
  values: Encoded[];
  cContiguous?: boolean;
  fContiguous?: boolean;
  saveExact?: boolean;
}

function decodeFloat(v: number | string): number {
  if (typeof v === "number") return v;
  if (v === "nan") return NaN;
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  throw new Error(`bad float ${v}`);
}

function encodeFloat(v: number): number | string {
  if (Number.isNaN(v)) return "nan";
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  return v;
}

/** JS values (as `toArray` gives them) of encoded elements of `dtype`. */
export function decode(values: Encoded[], dtype: nd.DType): unknown[] {
  return values.map((v) => {
    if (dtype === "int64" || dtype === "uint64") return BigInt(v as string);
    if (dtype === "complex64" || dtype === "complex128") {
      const [re, im] = v as [number, number];
      return { re: decodeFloat(re), im: decodeFloat(im) };
    }
    if (typeof v === "string") return decodeFloat(v);
    return v;
  });
}

/** The elements of `a` in C order, encoded for JSON (-0 survives JSON.stringify as 0: use `encodeJSON`). */
export function encode(a: nd.NDArray): Encoded[] {
  return flat(a).map((v) => {
    if (typeof v === "bigint") return v.toString();
    if (typeof v === "number") return encodeFloat(v);
    if (typeof v === "boolean") return v;
    const c = v as nd.Complex;
    return [encodeFloat(c.re), encodeFloat(c.im)];
  });
}

/** JSON.stringify that keeps negative zeros (as `-0.0`, which Python reads as a float). */
export function encodeJSON(x: unknown): string {
  return JSON.stringify(x, (_k, v) => (Object.is(v, -0) ? "__NEGZERO__" : v)).replaceAll(
    '"__NEGZERO__"',
    "-0.0",
  );
}

/** The elements of `a` in C order as JS values. */
export function flat(a: nd.NDArray): unknown[] {
  if (a.ndim === 0) return [a.toArray()];
  return (a.toArray() as unknown[]).flat(Infinity);
}

function same(x: unknown, y: unknown): boolean {
  if (typeof x === "object" && x !== null && typeof y === "object" && y !== null) {
    const a = x as nd.Complex, b = y as nd.Complex;
    return Object.is(a.re, b.re) && Object.is(a.im, b.im);
  }
  return Object.is(x, y);
}

/** Asserts that `a` has exactly the dtype, shape and elements (NaN equal, -0 ≠ 0) expected. */
export function assertExact(a: nd.NDArray, e: Expected, what: string): void {
  assert.equal(a.dtype, e.dtype, `${what}: dtype`);
  assert.deepEqual([...a.shape], e.shape, `${what}: shape`);
  const got = flat(a);
  const want = decode(e.values, e.dtype);
  assert.equal(got.length, want.length, `${what}: size`);
  for (let i = 0; i < got.length; i++) {
    if (!same(got[i], want[i])) {
      assert.fail(`${what}: element ${i} is ${String(got[i])}, expected ${String(want[i])}`);
    }
  }
}

/** Asserts that two arrays have equal dtype, shape and elements (NaN equal, -0 ≠ 0). */
export function assertSameArray(a: nd.NDArray, b: nd.NDArray, what = "array"): void {
  assertExact(a, { dtype: b.dtype, shape: [...b.shape], values: encode(b) }, what);
}

/** The first of `python3`, `/usr/bin/python3` that imports NumPy, or undefined. */
export async function findPython(): Promise<string | undefined> {
  for (const cmd of ["python3", "/usr/bin/python3"]) {
    try {
      const r = await new Deno.Command(cmd, {
        args: ["-c", "import numpy"],
        stdout: "null",
        stderr: "null",
      }).output();
      if (r.success) return cmd;
    } catch {
      // not installed
    }
  }
  return undefined;
}

/** Runs a Python script with `args`, returning its stdout; throws with stderr on failure. */
export async function runPython(python: string, script: string, args: string[]): Promise<string> {
  const r = await new Deno.Command(python, { args: ["-c", script, ...args] }).output();
  const out = new TextDecoder().decode(r.stdout);
  if (!r.success) {
    throw new Error(`python failed:\n${new TextDecoder().decode(r.stderr)}\n${out}`);
  }
  return out;
}
