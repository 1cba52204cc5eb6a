// The "Max absolute/relative difference among violations" lines of NumPy's testing messages:
// `abs(x - y)` in the promoted dtype, with NumPy's integer wrap-around, complex `abs` and `max`.
import { allocate, type DType, DTYPES, isInexact } from "../core/dtype.ts";
import { NDArray } from "../core/ndarray.ts";
import { promoteTypes } from "../core/promotion.ts";
import { array2string } from "../core/print.ts";
import { type FloatBits, floatBits, roundTo } from "./_float.ts";
import { bigOf, type Flat, imag, num } from "./_flat.ts";

// NumPy's max: NaN wins over everything, and among equal values (0 and -0) the last one.
function maxOf<T extends number | bigint>(vals: T[]): T {
  let best = vals[0];
  for (const v of vals) {
    if (typeof v === "number" && Number.isNaN(v)) return v;
    if (!(best > v)) best = v;
  }
  return best;
}

function scalarText(v: number | bigint, dtype: DType): string {
  const data = allocate(dtype, 1) as unknown as (number | bigint)[];
  data[0] = v;
  return array2string(new NDArray(dtype, data as unknown as Float64Array, []));
}

function twoProductError(a: number, p: number): number {
  // Dekker/Veltkamp: the rounding error of p = a * a
  const c = 134217729 * a, hi = c - (c - a), lo = a - hi;
  return ((hi * hi - p) + 2 * hi * lo) + lo * lo;
}

/**
 * `abs` of a complex number as NumPy's SIMD loop computes it, `larger * sqrt(fma(r, r, 1))`
 * with `r = smaller / larger`, each step rounded to the part dtype (float32 or float64).
 */
export function cabs(re: number, im: number, bits: FloatBits): number {
  let a = Math.abs(re), b = Math.abs(im);
  if (a === Infinity || b === Infinity) return Infinity;
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (b > a) [a, b] = [b, a];
  if (a === 0) return 0;
  const R = (v: number) => roundTo(bits, v);
  const r = R(b / a);
  const p = r * r, s = 1 + p, t = (1 - s) + p; // 1 + p = s + t exactly
  let f: number;
  if (bits === 64) f = s + (t + twoProductError(r, p));
  else {
    // p is exact for float32 parts; fix the one double rounding that can go wrong
    f = R(s);
    if (t !== 0 && Math.abs(f - s) === 2 ** -24 && (t > 0) === (f < s)) f = R(2 * s - f);
  }
  return R(R(Math.sqrt(f)) * a);
}

function realOf(d: DType): DType {
  return d === "complex128" ? "float64" : d === "complex64" ? "float32" : d;
}

function wrapInt(v: bigint, d: DType): bigint {
  const bits = DTYPES[d].itemsize * 8;
  return DTYPES[d].kind === "u" ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v);
}

/** `abs(x - y)` in the promoted dtype, NumPy's "Max absolute/relative difference" lines. */
export function differences(X: Flat, Y: Flat, bad: number[], xs: number, ys: number): string[] {
  const d = promoteTypes(X.dtype, Y.dtype);
  // NumPy cannot subtract booleans, and for an unsigned actual compared as two 0-d arrays its
  // `np.minimum(..., out=scalar)` fails: in both cases it leaves these lines out
  if (d === "bool" || (X.kind === "u" && X.arr.ndim === 0 && Y.arr.ndim === 0)) return [];
  const kind = DTYPES[d].kind;
  const absD = realOf(d);
  const bits = floatBits(d);
  const scalars = X.arr.ndim === 0 && Y.arr.ndim === 0;
  const err: (number | bigint)[] = bad.map((i) => {
    const a = i * xs, b = i * ys;
    if (kind === "i" || kind === "u") {
      // abs(x - y) wraps around like NumPy's integers; an unsigned x also tries abs(y - x)
      let p = wrapInt(bigOf(X, a) - bigOf(Y, b), d);
      if (p < 0n) p = wrapInt(-p, d);
      if (X.kind !== "u") return p;
      let q = wrapInt(bigOf(Y, b) - bigOf(X, a), d);
      if (q < 0n) q = wrapInt(-q, d);
      return q < p ? q : p;
    }
    const R = (v: number) => roundTo(bits, v);
    const re = R(R(num(X, a)) - R(num(Y, b)));
    if (kind !== "c") return Math.abs(re);
    const im = R(R(imag(X, a)) - R(imag(Y, b)));
    // two 0-d arrays subtract to a NumPy scalar, whose abs is libm's hypot, not the SIMD loop
    return scalars ? R(Math.hypot(re, im)) : cabs(re, im, bits);
  });
  const bigD = DTYPES[absD].bigint;
  const maxAbs = maxOf(err.map((e) => (bigD ? BigInt(e) : Number(e))));
  const lines = [`Max absolute difference among violations: ${scalarText(maxAbs, absD)}`];
  const yAbsD = Y.kind === "b" ? "bool" : realOf(Y.dtype);
  let relD = promoteTypes(absD, yAbsD);
  if (!isInexact(relD)) relD = "float64";
  const rb = floatBits(relD);
  const rel: number[] = [];
  bad.forEach((i, k) => {
    const b = i * ys;
    if (num(Y, b) === 0 && imag(Y, b) === 0) return;
    let ay: number;
    if (Y.kind === "c") ay = cabs(num(Y, b), imag(Y, b), floatBits(Y.dtype));
    else if (Y.kind === "i" && !Y.big) {
      const v = num(Y, b), min = -(2 ** (DTYPES[Y.dtype].itemsize * 8 - 1));
      ay = v === min ? v : Math.abs(v); // abs wraps at the most negative integer, as in NumPy
    } else ay = Math.abs(num(Y, b));
    rel.push(roundTo(rb, roundTo(rb, Number(err[k])) / roundTo(rb, ay)));
  });
  const maxRel = rel.length === 0 ? Infinity : maxOf(rel);
  lines.push(
    `Max relative difference among violations: ${
      scalarText(maxRel, rel.length ? relD : "float64")
    }`,
  );
  return lines;
}
