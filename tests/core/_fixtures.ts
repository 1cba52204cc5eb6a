// Test helpers: reading the NumPy-written fixtures and comparing nd arrays with them.
// Used by the tests under tests/core and tests/ops/{elementwise,reduce,creation}.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";

/** An array as the fixture generators encode it in JSON (see fixtures_core.py). */
export interface Enc {
  dtype: nd.DType;
  shape: number[];
  data: unknown[];
}

const ROOT = new URL("../fixtures/", import.meta.url);

/** Parses `tests/fixtures/<area>/<name>` as JSON. */
export function readJson<T = unknown>(area: string, name: string): T {
  return JSON.parse(Deno.readTextFileSync(new URL(`${area}/${name}`, ROOT))) as T;
}

/** Loads `tests/fixtures/<area>/<name>` (.npy or .npz) with nd.load. */
export function loadNpz(area: string, name: string): Record<string, nd.NDArray> {
  return nd.load(new URL(`${area}/${name}`, ROOT)) as Record<string, nd.NDArray>;
}

/** A JSON-encoded float ("nan", "inf", "-inf", "-0" or a number) as a JS number. */
export function decFloat(v: unknown): number {
  if (typeof v === "number") return v;
  switch (v) {
    case "nan":
      return NaN;
    case "inf":
      return Infinity;
    case "-inf":
      return -Infinity;
    case "-0":
      return -0;
  }
  throw new TypeError(`bad float ${String(v)}`);
}

/** One encoded element as the JS value `toArray()` gives for the dtype. */
export function decValue(dtype: nd.DType, v: unknown): unknown {
  if (dtype === "bool") return v as boolean;
  if (dtype === "int64" || dtype === "uint64") return BigInt(v as string);
  if (dtype === "complex64" || dtype === "complex128") {
    const [re, im] = v as unknown[];
    return { re: decFloat(re), im: decFloat(im) };
  }
  if (dtype.startsWith("float")) return decFloat(v);
  return v as number;
}

/** The NDArray an encoding describes. */
export function decode(e: Enc): nd.NDArray {
  const flat = nd.zeros([e.data.length], { dtype: e.dtype });
  e.data.forEach((v, i) => flat.set([i], decValue(e.dtype, v) as nd.Scalar));
  return flat.reshape(e.shape);
}

/** The elements of `a` in C order, as `toArray()` values. */
export function flat(a: nd.NDArray): unknown[] {
  const t = a.toArray();
  return a.ndim === 0 ? [t] : (t as unknown[]).flat(Infinity);
}

function close(x: number, y: number, rtol: number, atol: number, zeroSign = true): boolean {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
  if (x === y) return !zeroSign || rtol > 0 || atol > 0 || Object.is(x, y);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= atol + rtol * Math.abs(y);
}

function fmt(v: unknown): string {
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "object" && v !== null) {
    const c = v as { re: number; im: number };
    return `(${fmt(c.re)}, ${fmt(c.im)})`;
  }
  return Object.is(v, -0) ? "-0" : String(v);
}

/** Options of {@linkcode assertMatches}. */
export interface MatchOpts {
  /** Relative tolerance for floats (0: bit-exact, and -0 differs from 0). */
  rtol?: number;
  /** Absolute tolerance for floats. */
  atol?: number;
  /** Check the dtype (default true). */
  dtype?: boolean;
  /** Text added to failure messages. */
  msg?: string;
  /** Whether -0 and 0 differ in exact comparisons (default true). */
  zeroSign?: boolean;
}

/** Complex closeness by modulus: |got - want| <= atol + rtol * |want|, NaN/inf parts exact. */
function closeComplex(
  a: { re: number; im: number },
  b: { re: number; im: number },
  rtol: number,
  atol: number,
  zeroSign: boolean,
): boolean {
  if (rtol === 0 && atol === 0) {
    return close(a.re, b.re, 0, 0, zeroSign) && close(a.im, b.im, 0, 0, zeroSign);
  }
  for (const k of ["re", "im"] as const) {
    if (!Number.isFinite(b[k]) || !Number.isFinite(a[k])) {
      if (!close(a[k], b[k], 0, 0, false)) return false;
    }
  }
  const dr = a.re - b.re, di = a.im - b.im;
  const d = Math.hypot(Number.isFinite(dr) ? dr : 0, Number.isFinite(di) ? di : 0);
  const m = Math.hypot(Number.isFinite(b.re) ? b.re : 0, Number.isFinite(b.im) ? b.im : 0);
  return d <= atol + rtol * m;
}

/** Asserts that `actual` has the dtype, shape and elements of the encoded NumPy result. */
export function assertMatches(actual: nd.NDArray, expected: Enc, opts: MatchOpts = {}): void {
  const msg = opts.msg ? `${opts.msg}: ` : "";
  if (opts.dtype ?? true) assert.equal(actual.dtype, expected.dtype, `${msg}dtype`);
  assert.deepEqual([...actual.shape], expected.shape, `${msg}shape`);
  const got = flat(actual);
  const want = expected.data.map((v) => decValue(expected.dtype, v));
  assertValues(got, want, opts);
}

/** Compares two lists of element values (numbers with tolerance, complex by parts). */
export function assertValues(got: unknown[], want: unknown[], opts: MatchOpts = {}): void {
  const msg = opts.msg ? `${opts.msg}: ` : "";
  const rtol = opts.rtol ?? 0, atol = opts.atol ?? 0, zs = opts.zeroSign ?? true;
  assert.equal(got.length, want.length, `${msg}length`);
  for (let i = 0; i < got.length; i++) {
    const g = got[i], w = want[i];
    let ok: boolean;
    if (typeof w === "number" && typeof g === "number") ok = close(g, w, rtol, atol, zs);
    else if (typeof w === "object" && w !== null && typeof g === "object" && g !== null) {
      const a = g as { re: number; im: number }, b = w as { re: number; im: number };
      ok = closeComplex(a, b, rtol, atol, zs);
    } else ok = g === w;
    if (!ok) {
      assert.fail(`${msg}element ${i}: got ${fmt(g)}, expected ${fmt(w)}`);
    }
  }
}

/** Asserts that two NDArrays have the same dtype, shape and (bit-exact) elements. */
export function assertSameArray(actual: nd.NDArray, expected: nd.NDArray, opts: MatchOpts = {}) {
  const msg = opts.msg ? `${opts.msg}: ` : "";
  if (opts.dtype ?? true) assert.equal(actual.dtype, expected.dtype, `${msg}dtype`);
  assert.deepEqual([...actual.shape], [...expected.shape], `${msg}shape`);
  assertValues(flat(actual), flat(expected), opts);
}
