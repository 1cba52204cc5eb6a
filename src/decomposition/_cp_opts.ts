/**
 * Options shared by the CP decompositions and their validation: every check throws before
 * any work starts, with the function's name and the offending value.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import { ascontiguous } from "../core/copy.ts";
import { isComplex } from "../core/dtype.ts";
import { fmtShape } from "../core/shape.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import type { FloatBuffer } from "../backend/types.ts";
import type { CPCallback } from "./cp_options.ts";
import type { CPDType } from "./_cp_work.ts";

export type { CPCallback, CPCommonOpts } from "./cp_options.ts";

/** The tensor a CP solver works on: C-contiguous float32 or float64. */
export interface CPInput {
  array: NDArray;
  dt: CPDType;
  data: FloatBuffer;
  offset: number;
  shape: number[];
}

/** Validates and converts the tensor: ints and bools become float64, float16 float32. */
export function prepareTensor(t: ArrayLike, where: string): CPInput {
  let a = toArray(t, where);
  if (isComplex(a.dtype)) {
    throw new TypeError(`${where}: complex tensors are not supported, got ${a.dtype}`);
  }
  if (a.dtype !== "float64" && a.dtype !== "float32") {
    a = a.astype(a.dtype === "float16" ? "float32" : "float64");
  }
  if (a.ndim < 2) {
    throw new TypeError(
      `${where}: the tensor must have at least 2 dimensions, got shape ${fmtShape(a.shape)}`,
    );
  }
  if (a.size === 0) {
    throw new TypeError(`${where}: cannot decompose an empty tensor of shape ${fmtShape(a.shape)}`);
  }
  a = ascontiguous(a);
  return {
    array: a,
    dt: a.dtype as CPDType,
    data: a.data as FloatBuffer,
    offset: a.offset,
    shape: a.shape.slice(),
  };
}

/** A positive integer rank. */
export function checkRank(rank: unknown, where: string): number {
  if (typeof rank !== "number" || !Number.isInteger(rank) || rank < 1) {
    throw new RangeError(`${where}: rank must be a positive integer, got ${String(rank)}`);
  }
  return rank;
}

/** A non-negative integer option. */
export function checkCount(v: unknown, name: string, where: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    throw new RangeError(`${where}: ${name} must be a non-negative integer, got ${String(v)}`);
  }
  return v;
}

/** A finite non-negative number option. */
export function checkNonNegative(v: unknown, name: string, where: string): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
    throw new RangeError(`${where}: ${name} must be a finite number >= 0, got ${String(v)}`);
  }
  return v;
}

/** A boolean option. */
export function checkBool(v: unknown, name: string, where: string): boolean {
  if (typeof v !== "boolean") {
    throw new TypeError(`${where}: ${name} must be a boolean, got ${typeof v}`);
  }
  return v;
}

/** One of the allowed strings. */
export function checkChoice<T extends string>(
  v: unknown,
  allowed: readonly T[],
  name: string,
  where: string,
): T {
  if (typeof v !== "string" || !allowed.includes(v as T)) {
    throw new RangeError(
      `${where}: ${name} must be ${allowed.map((s) => `"${s}"`).join(" or ")}, got ${
        typeof v === "string" ? `"${v}"` : String(v)
      }`,
    );
  }
  return v as T;
}

/** The set of fixed modes: distinct integers in [0, ndim). */
export function checkModes(v: unknown, ndim: number, name: string, where: string): Set<number> {
  if (!Array.isArray(v)) {
    throw new TypeError(`${where}: ${name} must be an array of modes, got ${typeof v}`);
  }
  for (const m of v) {
    if (typeof m !== "number" || !Number.isInteger(m) || m < 0 || m >= ndim) {
      throw new RangeError(
        `${where}: ${name} has mode ${String(m)}, out of range for a tensor with ${ndim} modes`,
      );
    }
  }
  return new Set(v as number[]);
}

/** The observed-entry mask (1 = observed) as bytes, checked against the tensor's shape. */
export function checkMask(mask: ArrayLike, shape: readonly number[], where: string): Uint8Array {
  const m = ascontiguous(toArray(mask, where));
  if (m.ndim !== shape.length || m.shape.some((s, i) => s !== shape[i])) {
    throw new TypeError(
      `${where}: mask of shape ${fmtShape(m.shape)} does not match the tensor's shape ${
        fmtShape(shape)
      }`,
    );
  }
  if (isComplex(m.dtype)) throw new TypeError(`${where}: mask must be real, got ${m.dtype}`);
  const out = new Uint8Array(m.size);
  const d = m.data as { readonly [i: number]: number | bigint };
  for (let i = 0; i < out.length; i++) out[i] = d[m.offset + i] ? 1 : 0;
  return out;
}

/** The callback option. */
export function checkCallback(v: unknown, where: string): CPCallback | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== "function") {
    throw new TypeError(`${where}: onIteration must be a function, got ${typeof v}`);
  }
  return v as CPCallback;
}

/** Whether the error history says to stop (TensorLy's convergence test). */
export function converged(errors: readonly number[], tol: number, criterion: string): boolean {
  if (!tol || errors.length < 2) return false;
  const decrease = errors[errors.length - 2] - errors[errors.length - 1];
  return criterion === "rec_error" ? decrease < tol : Math.abs(decrease) < tol;
}
