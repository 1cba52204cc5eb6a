/**
 * Level-1 kernels of the TypeScript backend: dot products and row updates (axpy into a
 * float64 accumulator), one function per element type so each loop stays monomorphic, and
 * `tsDot` (`Backend.dot`). Sums are accumulated in local doubles; the unit-stride case is
 * unrolled by four (two for complex) with independent partial sums.
 *
 * @module
 */

import type { FloatBuffer, LinalgDType } from "./types.ts";

/** Receives `[re, im]` from the complex dot kernels (no allocation per call). */
export const dotOut: Float64Array = new Float64Array(2);

/**
 * `Σ x[ox + i·ix]·y[oy + i·iy]` over `n` float64 elements, in double precision.
 * @param n Number of elements.
 * @param x First vector's buffer.
 * @param ox Index of its first element.
 * @param ix Its increment (> 0).
 * @param y Second vector's buffer.
 * @param oy Index of its first element.
 * @param iy Its increment (> 0).
 * @returns The sum.
 */
export function dotF64(
  n: number,
  x: Float64Array,
  ox: number,
  ix: number,
  y: Float64Array,
  oy: number,
  iy: number,
): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  if (ix === 1 && iy === 1) {
    const d = oy - ox, end = ox + n;
    let i = ox;
    for (; i + 3 < end; i += 4) {
      s0 += x[i] * y[i + d];
      s1 += x[i + 1] * y[i + d + 1];
      s2 += x[i + 2] * y[i + d + 2];
      s3 += x[i + 3] * y[i + d + 3];
    }
    for (; i < end; i++) s0 += x[i] * y[i + d];
  } else {
    let xi = ox, yi = oy;
    for (let i = 0; i < n; i++) {
      s0 += x[xi] * y[yi];
      xi += ix;
      yi += iy;
    }
  }
  return (s0 + s1) + (s2 + s3);
}

/**
 * `Σ x[ox + i·ix]·y[oy + i·iy]` over `n` float32 elements, in double precision.
 * @param n Number of elements.
 * @param x First vector's buffer.
 * @param ox Index of its first element.
 * @param ix Its increment (> 0).
 * @param y Second vector's buffer.
 * @param oy Index of its first element.
 * @param iy Its increment (> 0).
 * @returns The sum.
 */
export function dotF32(
  n: number,
  x: Float32Array,
  ox: number,
  ix: number,
  y: Float32Array,
  oy: number,
  iy: number,
): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  if (ix === 1 && iy === 1) {
    const d = oy - ox, end = ox + n;
    let i = ox;
    for (; i + 3 < end; i += 4) {
      s0 += x[i] * y[i + d];
      s1 += x[i + 1] * y[i + d + 1];
      s2 += x[i + 2] * y[i + d + 2];
      s3 += x[i + 3] * y[i + d + 3];
    }
    for (; i < end; i++) s0 += x[i] * y[i + d];
  } else {
    let xi = ox, yi = oy;
    for (let i = 0; i < n; i++) {
      s0 += x[xi] * y[yi];
      xi += ix;
      yi += iy;
    }
  }
  return (s0 + s1) + (s2 + s3);
}

/**
 * `Σ conj?(x_i)·y_i` over `n` complex128 elements (interleaved; offsets and increments count
 * elements), in double precision; the result goes to {@link dotOut}.
 * @param n Number of elements.
 * @param x First vector's buffer.
 * @param ox Index of its first element.
 * @param ix Its increment (> 0).
 * @param y Second vector's buffer.
 * @param oy Index of its first element.
 * @param iy Its increment (> 0).
 * @param conj Whether x is conjugated.
 */
export function dotC128(
  n: number,
  x: Float64Array,
  ox: number,
  ix: number,
  y: Float64Array,
  oy: number,
  iy: number,
  conj: boolean,
): void {
  const sx = conj ? -1 : 1;
  let r0 = 0, i0 = 0, r1 = 0, i1 = 0;
  let xi = 2 * ox, yi = 2 * oy;
  if (ix === 1 && iy === 1) {
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const ar = x[xi], ai = sx * x[xi + 1], br = y[yi], bi = y[yi + 1];
      r0 += ar * br - ai * bi;
      i0 += ar * bi + ai * br;
      const cr = x[xi + 2], ci = sx * x[xi + 3], dr = y[yi + 2], di = y[yi + 3];
      r1 += cr * dr - ci * di;
      i1 += cr * di + ci * dr;
      xi += 4;
      yi += 4;
    }
    if (i < n) {
      const ar = x[xi], ai = sx * x[xi + 1], br = y[yi], bi = y[yi + 1];
      r0 += ar * br - ai * bi;
      i0 += ar * bi + ai * br;
    }
  } else {
    const dx = 2 * ix, dy = 2 * iy;
    for (let i = 0; i < n; i++) {
      const ar = x[xi], ai = sx * x[xi + 1], br = y[yi], bi = y[yi + 1];
      r0 += ar * br - ai * bi;
      i0 += ar * bi + ai * br;
      xi += dx;
      yi += dy;
    }
  }
  dotOut[0] = r0 + r1;
  dotOut[1] = i0 + i1;
}

/**
 * `Σ conj?(x_i)·y_i` over `n` complex64 elements (interleaved; offsets and increments count
 * elements), in double precision; the result goes to {@link dotOut}.
 * @param n Number of elements.
 * @param x First vector's buffer.
 * @param ox Index of its first element.
 * @param ix Its increment (> 0).
 * @param y Second vector's buffer.
 * @param oy Index of its first element.
 * @param iy Its increment (> 0).
 * @param conj Whether x is conjugated.
 */
export function dotC64(
  n: number,
  x: Float32Array,
  ox: number,
  ix: number,
  y: Float32Array,
  oy: number,
  iy: number,
  conj: boolean,
): void {
  const sx = conj ? -1 : 1;
  let r0 = 0, i0 = 0, r1 = 0, i1 = 0;
  let xi = 2 * ox, yi = 2 * oy;
  if (ix === 1 && iy === 1) {
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const ar = x[xi], ai = sx * x[xi + 1], br = y[yi], bi = y[yi + 1];
      r0 += ar * br - ai * bi;
      i0 += ar * bi + ai * br;
      const cr = x[xi + 2], ci = sx * x[xi + 3], dr = y[yi + 2], di = y[yi + 3];
      r1 += cr * dr - ci * di;
      i1 += cr * di + ci * dr;
      xi += 4;
      yi += 4;
    }
    if (i < n) {
      const ar = x[xi], ai = sx * x[xi + 1], br = y[yi], bi = y[yi + 1];
      r0 += ar * br - ai * bi;
      i0 += ar * bi + ai * br;
    }
  } else {
    const dx = 2 * ix, dy = 2 * iy;
    for (let i = 0; i < n; i++) {
      const ar = x[xi], ai = sx * x[xi + 1], br = y[yi], bi = y[yi + 1];
      r0 += ar * br - ai * bi;
      i0 += ar * bi + ai * br;
      xi += dx;
      yi += dy;
    }
  }
  dotOut[0] = r0 + r1;
  dotOut[1] = i0 + i1;
}

/**
 * `acc[j] += s·a[oa + j]` for `j < n` (float64 row into a float64 accumulator).
 * @param n Number of elements.
 * @param s Scale.
 * @param a Source buffer (unit stride).
 * @param oa Index of the first source element.
 * @param acc Accumulator, from index 0.
 */
export function axpyF64(
  n: number,
  s: number,
  a: Float64Array,
  oa: number,
  acc: Float64Array,
): void {
  let j = 0;
  for (; j + 3 < n; j += 4) {
    const q = oa + j;
    acc[j] += s * a[q];
    acc[j + 1] += s * a[q + 1];
    acc[j + 2] += s * a[q + 2];
    acc[j + 3] += s * a[q + 3];
  }
  for (; j < n; j++) acc[j] += s * a[oa + j];
}

/**
 * `acc[j] += s·a[oa + j]` for `j < n` (float32 row into a float64 accumulator).
 * @param n Number of elements.
 * @param s Scale.
 * @param a Source buffer (unit stride).
 * @param oa Index of the first source element.
 * @param acc Accumulator, from index 0.
 */
export function axpyF32(
  n: number,
  s: number,
  a: Float32Array,
  oa: number,
  acc: Float64Array,
): void {
  let j = 0;
  for (; j + 3 < n; j += 4) {
    const q = oa + j;
    acc[j] += s * a[q];
    acc[j + 1] += s * a[q + 1];
    acc[j + 2] += s * a[q + 2];
    acc[j + 3] += s * a[q + 3];
  }
  for (; j < n; j++) acc[j] += s * a[oa + j];
}

/**
 * `acc_j += (sr + i·si)·conj?(a_j)` for `j < n` (complex128 row, interleaved, starting at element
 * `oa`, into an interleaved float64 accumulator from index 0).
 * @param n Number of complex elements.
 * @param sr Real part of the scale.
 * @param si Imaginary part of the scale.
 * @param a Source buffer (unit stride).
 * @param oa Element index of the first source element.
 * @param conj Whether a is conjugated.
 * @param acc Accumulator (2n values).
 */
export function axpyC128(
  n: number,
  sr: number,
  si: number,
  a: Float64Array,
  oa: number,
  conj: boolean,
  acc: Float64Array,
): void {
  const sg = conj ? -1 : 1;
  let q = 2 * oa;
  for (let j = 0; j < 2 * n; j += 2) {
    const ar = a[q], ai = sg * a[q + 1];
    acc[j] += sr * ar - si * ai;
    acc[j + 1] += sr * ai + si * ar;
    q += 2;
  }
}

/**
 * `acc_j += (sr + i·si)·conj?(a_j)` for `j < n` (complex64 row, interleaved, starting at element
 * `oa`, into an interleaved float64 accumulator from index 0).
 * @param n Number of complex elements.
 * @param sr Real part of the scale.
 * @param si Imaginary part of the scale.
 * @param a Source buffer (unit stride).
 * @param oa Element index of the first source element.
 * @param conj Whether a is conjugated.
 * @param acc Accumulator (2n values).
 */
export function axpyC64(
  n: number,
  sr: number,
  si: number,
  a: Float32Array,
  oa: number,
  conj: boolean,
  acc: Float64Array,
): void {
  const sg = conj ? -1 : 1;
  let q = 2 * oa;
  for (let j = 0; j < 2 * n; j += 2) {
    const ar = a[q], ai = sg * a[q + 1];
    acc[j] += sr * ar - si * ai;
    acc[j + 1] += sr * ai + si * ar;
    q += 2;
  }
}

/**
 * `Backend.dot`: `Σ conj?(x_i)·y_i` over `n` elements with positive increments, as
 * `[re, im]` (`im` is 0 for real types).
 * @param dt Element type.
 * @param n Number of elements.
 * @param x First vector's buffer.
 * @param offX Index of its first element.
 * @param incX Its increment.
 * @param y Second vector's buffer.
 * @param offY Index of its first element.
 * @param incY Its increment.
 * @param conj Whether x is conjugated (complex types).
 * @returns `[re, im]`.
 */
export function tsDot(
  dt: LinalgDType,
  n: number,
  x: FloatBuffer,
  offX: number,
  incX: number,
  y: FloatBuffer,
  offY: number,
  incY: number,
  conj: boolean,
): [number, number] {
  switch (dt) {
    case "float64":
      return [dotF64(n, x as Float64Array, offX, incX, y as Float64Array, offY, incY), 0];
    case "float32":
      return [dotF32(n, x as Float32Array, offX, incX, y as Float32Array, offY, incY), 0];
    case "complex128":
      dotC128(n, x as Float64Array, offX, incX, y as Float64Array, offY, incY, conj);
      return [dotOut[0], dotOut[1]];
    case "complex64":
      dotC64(n, x as Float32Array, offX, incX, y as Float32Array, offY, incY, conj);
      return [dotOut[0], dotOut[1]];
  }
}
