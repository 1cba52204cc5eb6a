/**
 * Argument validation shared by every backend entry point.
 *
 * Each `validate*` function checks every argument of the `Backend` routine of the same
 * name, so that no bad type, size, stride, flag or out-of-bounds access can reach native code.
 * They throw a `TypeError` for a wrong type, typed-array class or flag and a `RangeError` for a
 * bad size, offset, increment or a buffer too short for the elements the routine touches.
 *
 * Bounds are computed from the largest element index the routine reads or writes. The
 * products involved stay below 2^62 (every factor is a 32-bit size); when they exceed 2^53
 * the rounding is monotonic and the result is far beyond any typed array length, so the
 * comparison with the buffer length is still exact in effect.
 *
 * @module
 */

import type { FloatBuffer, LinalgDType, Trans, Uplo } from "./types.ts";

/** The largest size LAPACK's 32-bit (LP64) integers can hold. */
export const INT32_MAX = 2147483647;

const TRANS: readonly string[] = ["N", "T", "C"];
const UPLO: readonly string[] = ["U", "L"];

function show(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (v === null) return "null";
  if (typeof v === "object" || typeof v === "function") {
    const ctor = (v as { constructor?: { name?: unknown } }).constructor;
    return typeof ctor?.name === "string" && ctor.name !== "" ? ctor.name : typeof v;
  }
  return typeof v === "bigint" ? `${v}n` : String(v);
}

/**
 * Checks that `dt` is one of the four LAPACK types and returns the buffer slots per element
 * (1 for real, 2 for complex).
 */
export function checkDType(fn: string, dt: unknown): 1 | 2 {
  switch (dt) {
    case "float32":
    case "float64":
      return 1;
    case "complex64":
    case "complex128":
      return 2;
  }
  throw new TypeError(
    `${fn}: dt must be "float32", "float64", "complex64" or "complex128": got ${show(dt)}`,
  );
}

/** Checks that `value` is one of the `allowed` one-letter flags. */
export function checkFlag(
  fn: string,
  name: string,
  value: unknown,
  allowed: readonly string[],
): void {
  if (typeof value !== "string" || !allowed.includes(value)) {
    const list = allowed.map((s) => `"${s}"`);
    const text = list.length === 2
      ? `${list[0]} or ${list[1]}`
      : `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]}`;
    throw new TypeError(`${fn}: ${name} must be ${text}: got ${show(value)}`);
  }
}

function checkInteger(fn: string, name: string, v: unknown, min: number, what: string): void {
  if (typeof v !== "number") throw new TypeError(`${fn}: ${name} must be a number: got ${show(v)}`);
  if (!Number.isSafeInteger(v) || v < min) {
    throw new RangeError(`${fn}: ${name} must be ${what}: got ${v}`);
  }
}

/** Checks a size (dimension or leading dimension): a non-negative integer within int32. */
export function checkSize(fn: string, name: string, v: unknown): void {
  checkInteger(fn, name, v, 0, "a non-negative integer");
  if ((v as number) > INT32_MAX) {
    throw new RangeError(`${fn}: ${name} ${v} exceeds the 32-bit LAPACK limit ${INT32_MAX}`);
  }
}

/** Checks an element offset: a non-negative safe integer. */
export function checkOffset(fn: string, name: string, v: unknown): void {
  checkInteger(fn, name, v, 0, "a non-negative integer");
}

/** Checks a vector increment: a positive integer within int32. */
export function checkIncrement(fn: string, name: string, v: unknown): void {
  checkInteger(fn, name, v, 1, "a positive integer");
  if ((v as number) > INT32_MAX) {
    throw new RangeError(`${fn}: ${name} ${v} exceeds the 32-bit BLAS limit ${INT32_MAX}`);
  }
}

/** Checks that a scalar argument (alpha, beta, rcond) is a number. */
export function checkScalar(fn: string, name: string, v: unknown): void {
  if (typeof v !== "number") throw new TypeError(`${fn}: ${name} must be a number: got ${show(v)}`);
}

/** Checks that `buf` is the typed-array class of `dt`: Float32Array or Float64Array. */
export function checkBufferClass(fn: string, name: string, dt: LinalgDType, buf: unknown): void {
  const single = dt === "float32" || dt === "complex64";
  const ok = single ? buf instanceof Float32Array : buf instanceof Float64Array;
  if (!ok) {
    const want = single ? "Float32Array" : "Float64Array";
    throw new TypeError(`${fn}: ${name} must be a ${want} for ${dt}: got ${show(buf)}`);
  }
}

/** A non-negative safe integer (the fast path of the checks above). */
function isIndex(v: unknown): v is number {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
}

function held(buf: FloatBuffer, slots: 1 | 2): string {
  return slots === 1
    ? `the buffer holds ${buf.length}`
    : `the buffer holds ${Math.floor(buf.length / 2)} (${buf.length} slots)`;
}

/**
 * Checks a matrix argument: buffer class, offset, leading dimension ≥ max(1, length of a
 * stored row or column) and that every element lies inside the buffer. `order` is `"row"`
 * for row-major storage (BLAS level 2–3 here) and `"col"` for column-major (LAPACK). The
 * leading dimension is named `ld` + `name` ("lda" for "a").
 */
export function checkMatrix(
  fn: string,
  name: string,
  dt: LinalgDType,
  buf: unknown,
  off: unknown,
  rows: number,
  cols: number,
  ld: unknown,
  order: "row" | "col",
): void {
  checkBufferClass(fn, name, dt, buf);
  // Names are built only on failure: the valid path allocates nothing.
  if (!isIndex(off)) checkOffset(fn, `off${name.toUpperCase()}`, off);
  if (!isIndex(ld) || ld > INT32_MAX) checkSize(fn, `ld${name}`, ld);
  const inner = order === "row" ? cols : rows;
  const outer = order === "row" ? rows : cols;
  const l = ld as number;
  if (l < Math.max(1, inner)) {
    const ldName = `ld${name}`, kind = order === "row" ? "row" : "column";
    throw new RangeError(
      inner === 0
        ? `${fn}: ${ldName} must be at least 1: got ${l}`
        : `${fn}: ${ldName} ${l} is smaller than the ${kind} length ${inner}`,
    );
  }
  if (rows === 0 || cols === 0) return;
  const slots = dt === "complex64" || dt === "complex128" ? 2 : 1;
  const b = buf as FloatBuffer;
  const need = (off as number) + (outer - 1) * l + inner; // elements up to the last touched one
  if (need * slots > b.length) {
    throw new RangeError(
      `${fn}: ${name} is too short: the ${rows}×${cols} matrix at offset ${off} with ` +
        `ld${name} ${l} needs ${need} elements, ${held(b, slots)}`,
    );
  }
}

/** Checks a strided vector argument of `n` elements: class, offset, increment and bounds. */
export function checkVector(
  fn: string,
  name: string,
  dt: LinalgDType,
  buf: unknown,
  off: unknown,
  n: number,
  inc: unknown,
): void {
  checkBufferClass(fn, name, dt, buf);
  if (!isIndex(off)) checkOffset(fn, `off${name.toUpperCase()}`, off);
  if (!isIndex(inc) || inc < 1 || inc > INT32_MAX) {
    checkIncrement(fn, `inc${name.toUpperCase()}`, inc);
  }
  if (n === 0) return;
  const slots = dt === "complex64" || dt === "complex128" ? 2 : 1;
  const b = buf as FloatBuffer;
  const need = (off as number) + (n - 1) * (inc as number) + 1;
  if (need * slots > b.length) {
    throw new RangeError(
      `${fn}: ${name} is too short: ${n} elements at offset ${off} with increment ${inc} ` +
        `need ${need} elements, ${held(b, slots)}`,
    );
  }
}

/**
 * Checks a contiguous array argument from index 0: the class of `dt` and at least `count`
 * elements, each `slots` buffer slots wide (2 for complex `tau`, 1 for real outputs such as
 * singular values, 2 for the interleaved eigenvalues of `geev`).
 */
export function checkArray(
  fn: string,
  name: string,
  dt: LinalgDType,
  buf: unknown,
  count: number,
  slots: 1 | 2,
): void {
  checkBufferClass(fn, name, dt, buf);
  const b = buf as FloatBuffer;
  if (count * slots > b.length) {
    throw new RangeError(
      `${fn}: ${name} is too short: needs ${count} ${slots === 2 ? "complex " : ""}elements, ` +
        held(b, slots),
    );
  }
}

/** Checks that `ipiv` is an Int32Array holding at least `count` entries. */
export function checkIpiv(fn: string, ipiv: unknown, count: number): void {
  if (!(ipiv instanceof Int32Array)) {
    throw new TypeError(`${fn}: ipiv must be an Int32Array: got ${show(ipiv)}`);
  }
  if (ipiv.length < count) {
    throw new RangeError(`${fn}: ipiv is too short: needs ${count} entries, has ${ipiv.length}`);
  }
}

/** Checks that the first `n` pivots are 1-based row indices in 1..n (LAPACK swaps rows by them). */
export function checkPivots(fn: string, ipiv: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const p = ipiv[i];
    if (p < 1 || p > n) throw new RangeError(`${fn}: ipiv[${i}] is ${p}, outside 1..${n}`);
  }
}

/** Validates the arguments of `Backend.gemm`. */
export function validateGemm(
  dt: LinalgDType,
  transA: Trans,
  transB: Trans,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: FloatBuffer,
  offA: number,
  lda: number,
  b: FloatBuffer,
  offB: number,
  ldb: number,
  beta: number,
  c: FloatBuffer,
  offC: number,
  ldc: number,
): void {
  const fn = "gemm";
  checkDType(fn, dt);
  checkFlag(fn, "transA", transA, TRANS);
  checkFlag(fn, "transB", transB, TRANS);
  checkSize(fn, "m", m);
  checkSize(fn, "n", n);
  checkSize(fn, "k", k);
  checkScalar(fn, "alpha", alpha);
  checkScalar(fn, "beta", beta);
  if (transA === "N") checkMatrix(fn, "a", dt, a, offA, m, k, lda, "row");
  else checkMatrix(fn, "a", dt, a, offA, k, m, lda, "row");
  if (transB === "N") checkMatrix(fn, "b", dt, b, offB, k, n, ldb, "row");
  else checkMatrix(fn, "b", dt, b, offB, n, k, ldb, "row");
  checkMatrix(fn, "c", dt, c, offC, m, n, ldc, "row");
}

/** Validates the arguments of `Backend.gemv`. */
export function validateGemv(
  dt: LinalgDType,
  trans: Trans,
  m: number,
  n: number,
  alpha: number,
  a: FloatBuffer,
  offA: number,
  lda: number,
  x: FloatBuffer,
  offX: number,
  incX: number,
  beta: number,
  y: FloatBuffer,
  offY: number,
  incY: number,
): void {
  const fn = "gemv";
  checkDType(fn, dt);
  checkFlag(fn, "trans", trans, TRANS);
  checkSize(fn, "m", m);
  checkSize(fn, "n", n);
  checkScalar(fn, "alpha", alpha);
  checkScalar(fn, "beta", beta);
  checkMatrix(fn, "a", dt, a, offA, m, n, lda, "row");
  const nx = trans === "N" ? n : m;
  checkVector(fn, "x", dt, x, offX, nx, incX);
  checkVector(fn, "y", dt, y, offY, trans === "N" ? m : n, incY);
}

/** Validates the arguments of `Backend.dot`. */
export function validateDot(
  dt: LinalgDType,
  n: number,
  x: FloatBuffer,
  offX: number,
  incX: number,
  y: FloatBuffer,
  offY: number,
  incY: number,
  conj: boolean,
): void {
  const fn = "dot";
  checkDType(fn, dt);
  checkSize(fn, "n", n);
  checkVector(fn, "x", dt, x, offX, n, incX);
  checkVector(fn, "y", dt, y, offY, n, incY);
  if (typeof conj !== "boolean") {
    throw new TypeError(`${fn}: conj must be a boolean: got ${show(conj)}`);
  }
}

/** Validates the arguments of `Backend.getrf`. */
export function validateGetrf(
  dt: LinalgDType,
  m: number,
  n: number,
  a: FloatBuffer,
  lda: number,
  ipiv: Int32Array,
): void {
  const fn = "getrf";
  checkDType(fn, dt);
  checkSize(fn, "m", m);
  checkSize(fn, "n", n);
  checkMatrix(fn, "a", dt, a, 0, m, n, lda, "col");
  checkIpiv(fn, ipiv, Math.min(m, n));
}

/** Validates the arguments of `Backend.getrs`, including the pivot values. */
export function validateGetrs(
  dt: LinalgDType,
  trans: Trans,
  n: number,
  nrhs: number,
  a: FloatBuffer,
  lda: number,
  ipiv: Int32Array,
  b: FloatBuffer,
  ldb: number,
): void {
  const fn = "getrs";
  checkDType(fn, dt);
  checkFlag(fn, "trans", trans, TRANS);
  checkSize(fn, "n", n);
  checkSize(fn, "nrhs", nrhs);
  checkMatrix(fn, "a", dt, a, 0, n, n, lda, "col");
  checkIpiv(fn, ipiv, n);
  checkMatrix(fn, "b", dt, b, 0, n, nrhs, ldb, "col");
  checkPivots(fn, ipiv, n);
}

/** Validates the arguments of `Backend.geqrf`. */
export function validateGeqrf(
  dt: LinalgDType,
  m: number,
  n: number,
  a: FloatBuffer,
  lda: number,
  tau: FloatBuffer,
): void {
  const fn = "geqrf";
  const slots = checkDType(fn, dt);
  checkSize(fn, "m", m);
  checkSize(fn, "n", n);
  checkMatrix(fn, "a", dt, a, 0, m, n, lda, "col");
  checkArray(fn, "tau", dt, tau, Math.min(m, n), slots);
}

/** Validates the arguments of `Backend.orgqr` (m ≥ n ≥ k). */
export function validateOrgqr(
  dt: LinalgDType,
  m: number,
  n: number,
  k: number,
  a: FloatBuffer,
  lda: number,
  tau: FloatBuffer,
): void {
  const fn = "orgqr";
  const slots = checkDType(fn, dt);
  checkSize(fn, "m", m);
  checkSize(fn, "n", n);
  checkSize(fn, "k", k);
  if (n > m || k > n) {
    throw new RangeError(`${fn}: sizes must satisfy m ≥ n ≥ k: got m ${m}, n ${n}, k ${k}`);
  }
  checkMatrix(fn, "a", dt, a, 0, m, n, lda, "col");
  checkArray(fn, "tau", dt, tau, k, slots);
}

/**
 * Validates the arguments of `Backend.gesdd`. With `jobz = "N"`, `u`, `vt`, `ldu` and
 * `ldvt` are ignored.
 */
export function validateGesdd(
  dt: LinalgDType,
  jobz: "A" | "S" | "N",
  m: number,
  n: number,
  a: FloatBuffer,
  lda: number,
  s: FloatBuffer,
  u: FloatBuffer | null,
  ldu: number,
  vt: FloatBuffer | null,
  ldvt: number,
): void {
  const fn = "gesdd";
  checkDType(fn, dt);
  checkFlag(fn, "jobz", jobz, ["A", "S", "N"]);
  checkSize(fn, "m", m);
  checkSize(fn, "n", n);
  checkMatrix(fn, "a", dt, a, 0, m, n, lda, "col");
  const k = Math.min(m, n);
  checkArray(fn, "s", dt, s, k, 1);
  if (jobz === "N") return;
  checkMatrix(fn, "u", dt, u, 0, m, jobz === "A" ? m : k, ldu, "col");
  checkMatrix(fn, "vt", dt, vt, 0, jobz === "A" ? n : k, n, ldvt, "col");
}

/** Validates the arguments of `Backend.syevd`. */
export function validateSyevd(
  dt: LinalgDType,
  jobz: "V" | "N",
  uplo: Uplo,
  n: number,
  a: FloatBuffer,
  lda: number,
  w: FloatBuffer,
): void {
  const fn = "syevd";
  checkDType(fn, dt);
  checkFlag(fn, "jobz", jobz, ["V", "N"]);
  checkFlag(fn, "uplo", uplo, UPLO);
  checkSize(fn, "n", n);
  checkMatrix(fn, "a", dt, a, 0, n, n, lda, "col");
  checkArray(fn, "w", dt, w, n, 1);
}

/**
 * Validates the arguments of `Backend.geev`. With `jobvr = "N"`, `vr` and `ldvr` are
 * ignored.
 */
export function validateGeev(
  dt: LinalgDType,
  jobvr: "V" | "N",
  n: number,
  a: FloatBuffer,
  lda: number,
  w: FloatBuffer,
  vr: FloatBuffer | null,
  ldvr: number,
): void {
  const fn = "geev";
  checkDType(fn, dt);
  checkFlag(fn, "jobvr", jobvr, ["V", "N"]);
  checkSize(fn, "n", n);
  checkMatrix(fn, "a", dt, a, 0, n, n, lda, "col");
  checkArray(fn, "w", dt, w, n, 2);
  if (jobvr === "V") checkMatrix(fn, "vr", dt, vr, 0, n, n, ldvr, "col");
}

/** Validates the arguments of `Backend.potrf`. */
export function validatePotrf(
  dt: LinalgDType,
  uplo: Uplo,
  n: number,
  a: FloatBuffer,
  lda: number,
): void {
  const fn = "potrf";
  checkDType(fn, dt);
  checkFlag(fn, "uplo", uplo, UPLO);
  checkSize(fn, "n", n);
  checkMatrix(fn, "a", dt, a, 0, n, n, lda, "col");
}

/** Validates the arguments of `Backend.gelsd` (`b` is max(m,n)×nrhs). */
export function validateGelsd(
  dt: LinalgDType,
  m: number,
  n: number,
  nrhs: number,
  a: FloatBuffer,
  lda: number,
  b: FloatBuffer,
  ldb: number,
  s: FloatBuffer,
  rcond: number,
): void {
  const fn = "gelsd";
  checkDType(fn, dt);
  checkSize(fn, "m", m);
  checkSize(fn, "n", n);
  checkSize(fn, "nrhs", nrhs);
  checkMatrix(fn, "a", dt, a, 0, m, n, lda, "col");
  checkMatrix(fn, "b", dt, b, 0, Math.max(m, n), nrhs, ldb, "col");
  checkArray(fn, "s", dt, s, Math.min(m, n), 1);
  checkScalar(fn, "rcond", rcond);
}
