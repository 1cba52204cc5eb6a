// Shared helpers of the sorting tests: fixture loading/decoding and bit-exact comparisons that
// tell -0.0 from 0.0 and see the sign of NaNs.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";
import { allocate } from "../../../src/core/dtype.ts";

/** An encoded array, as tests/fixtures/fixtures_sorting.py writes it. */
export interface Enc {
  dtype: nd.DType;
  shape: number[];
  data: (number | string | [number | string, number | string])[];
  view: null | "T" | "rev";
}

/** One argument of a fixture case. */
export type Arg = { array: Enc } | { arrays: Enc[] } | { value: unknown };

/** One fixture case. */
export interface Case<E = unknown> {
  args: Arg[];
  opts: Record<string, unknown>;
  expected: E;
}

/** Loads `tests/fixtures/sorting/<name>.json`. */
export function loadCases<E = Enc>(name: string): Case<E>[] {
  const url = new URL(`../../fixtures/sorting/${name}.json`, import.meta.url);
  return JSON.parse(Deno.readTextFileSync(url)).cases;
}

const NEG_NAN64 = new Float64Array(new Uint32Array([0, 0xfff80000]).buffer)[0];

function num(v: number | string): number {
  switch (v) {
    case "nan":
      return NaN;
    case "-nan":
      return NEG_NAN64;
    case "inf":
      return Infinity;
    case "-inf":
      return -Infinity;
    case "-0":
      return -0;
  }
  return v as number;
}

/** Writes float `v` (possibly a sign-bit NaN) into `data[i]` of a float dtype, bit-exactly. */
function putFloat(dtype: nd.DType, data: nd.TypedArray, i: number, v: number | string): void {
  if (v === "-nan") {
    if (dtype === "float64") new Uint32Array(data.buffer)[2 * i + 1] = 0xfff80000;
    else if (dtype === "float32") new Uint32Array(data.buffer)[i] = 0xffc00000;
    else new Uint16Array(data.buffer)[i] = 0xfe00;
    return;
  }
  (data as Float64Array)[i] = num(v);
}

/** Builds the NDArray an encoded array describes (including its view). */
export function decode(e: Enc): nd.NDArray {
  const n = e.data.length;
  const cplx = e.dtype.startsWith("complex");
  const data = allocate(e.dtype, n); // two slots per element for complex
  e.data.forEach((v, i) => {
    if (cplx) {
      const [re, im] = v as [number | string, number | string];
      const real = e.dtype === "complex128" ? "float64" : "float32";
      putFloat(real, data, 2 * i, re);
      putFloat(real, data, 2 * i + 1, im);
    } else if (e.dtype.startsWith("float")) putFloat(e.dtype, data, i, v as number | string);
    else if (e.dtype === "int64" || e.dtype === "uint64") {
      (data as BigInt64Array)[i] = BigInt(v as string);
    } else (data as Int32Array)[i] = v as number;
  });
  let a: nd.NDArray = new nd.NDArray(e.dtype, data, e.shape);
  if (e.view === "T") a = a.T;
  if (e.view === "rev") a = a.slice("::-1");
  return a;
}

/** The JS value of a fixture argument. */
export function decodeArg(a: Arg): unknown {
  if ("array" in a) return decode(a.array);
  if ("arrays" in a) return a.arrays.map(decode);
  return decodeValue(a.value);
}

function decodeValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeValue);
  if (typeof v === "string") return num(v);
  return v;
}

function floatToken(x: number, negSign: boolean): string {
  if (x !== x) return negSign ? "-nan" : "nan";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  return String(x);
}

/** C-order tokens of every element: exact, with -0 and the sign of NaNs spelled out. */
export function tokens(a: nd.NDArray): string[] {
  const out: string[] = [];
  const { shape, strides, dtype, data } = a;
  const size = a.size;
  if (size === 0) return out;
  const idx = new Array<number>(shape.length).fill(0);
  const f64 = dtype === "float64" || dtype === "complex128";
  const w32 = f64 ? new Uint32Array(data.buffer, data.byteOffset, data.byteLength >> 2) : null;
  const w16 = dtype === "float16"
    ? new Uint16Array(data.buffer, data.byteOffset, data.byteLength >> 1)
    : null;
  const f32w = dtype === "float32" || dtype === "complex64"
    ? new Uint32Array(data.buffer, data.byteOffset, data.byteLength >> 2)
    : null;
  const neg = (slot: number): boolean =>
    w32
      ? (w32[2 * slot + 1] >>> 31) === 1
      : f32w
      ? (f32w[slot] >>> 31) === 1
      : w16
      ? (w16[slot] >>> 15) === 1
      : false;
  for (let k = 0; k < size; k++) {
    let p = a.offset;
    for (let d = 0; d < shape.length; d++) p += idx[d] * strides[d];
    if (dtype.startsWith("complex")) {
      const re = data[2 * p] as number, im = data[2 * p + 1] as number;
      out.push(`${floatToken(re, neg(2 * p))}${floatToken(im, neg(2 * p + 1))}j`);
    } else if (dtype.startsWith("float")) out.push(floatToken(data[p] as number, neg(p)));
    else out.push(String(data[p]));
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** Asserts same dtype, shape and bit-exact elements (NaN signs and -0 included). */
export function assertSame(actual: nd.NDArray, expected: nd.NDArray, msg = ""): void {
  assert.equal(actual.dtype, expected.dtype, `${msg}: dtype`);
  assert.deepEqual([...actual.shape], [...expected.shape], `${msg}: shape`);
  assert.deepEqual(tokens(actual), tokens(expected), `${msg}: values`);
}

/** A short description of a case for failure messages. */
export function describe(c: Case): string {
  const args = c.args.map((a) =>
    "array" in a
      ? `${a.array.dtype}[${a.array.shape}]${a.array.view ? "." + a.array.view : ""}`
      : "arrays" in a
      ? `[${a.arrays.map((e) => e.dtype).join(",")}]`
      : JSON.stringify(a.value)
  );
  return `(${args.join(", ")}) ${JSON.stringify(c.opts)}`;
}
