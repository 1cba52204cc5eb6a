// The engine behind nd.testing's assertions, after NumPy's `assert_array_compare`: shape
// check (a 0-d side broadcasts, nothing else does), NaN and infinity positions compared and
// set aside, an elementwise test on the rest, and on failure a message listing the mismatch
// count, the first mismatching indices, and the largest absolute and relative differences.
import { AssertionError } from "node:assert";
import { allocate, DTYPES } from "../core/dtype.ts";
import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike as NDArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { shapesEqual } from "../core/shape.ts";
import { repr } from "../core/print.ts";
import { formatG, scalarStr } from "./_format.ts";
import { differences } from "./_differences.ts";
import { elementEqual, type Flat, flatten, integral, isInf, isNan, value } from "./_flat.ts";

/** Options every nd.testing assertion takes. */
export interface AssertOpts {
  /** Text added to the failure message (after the header line). */
  errMsg?: string;
  /** Append the repr of both arrays to the failure message; true. */
  verbose?: boolean;
  /** Require equal shapes and dtypes: no broadcasting of a 0-d side; false. */
  strict?: boolean;
}

/** What one assertion checks, and how its message reads. */
export interface Spec {
  where: string;
  header: string;
  names: readonly [string, string];
  equalNan: boolean;
  equalInf: boolean;
  /** Makes the pair test for two arrays: whether element `i` of x and `j` of y pass. */
  prepare: (x: Flat, y: Flat) => (i: number, j: number) => boolean;
}

function pyShape(s: readonly number[]): string {
  return s.length === 1 ? `(${s[0]},)` : `(${s.join(", ")})`;
}

function message(spec: Spec, o: Required<AssertOpts>, body: string, arrays: NDArray[]): string {
  const lines = [spec.header];
  if (body) {
    if (!body.includes("\n") && body.length < 79 - spec.header.length) lines[0] += " " + body;
    else lines.push(body);
  }
  if (o.verbose) {
    arrays.forEach((a, k) => {
      let r = repr(a, { precision: 6 });
      const parts = r.split("\n");
      if (parts.length > 4) r = parts.slice(0, 3).join("\n") + "...";
      lines.push(` ${spec.names[k]}: ${r}`);
    });
  }
  return lines.join("\n");
}

function pick(f: Flat, idx: readonly number[]): NDArray {
  const lanes = DTYPES[f.dtype].lanes;
  const out = allocate(f.dtype, idx.length);
  const src = f.data as unknown as ArrayLike<number | bigint>;
  const dst = out as unknown as (number | bigint)[];
  idx.forEach((s, k) => {
    for (let l = 0; l < lanes; l++) dst[k * lanes + l] = src[s * lanes + l];
  });
  return new NDArray(f.dtype, out, [idx.length]);
}

function unravel(i: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = i % shape[d];
    i = Math.floor(i / shape[d]);
  }
  return out;
}

/** NumPy's `assert_array_compare`: throws an AssertionError describing any mismatch. */
export function arrayCompare(
  actual: NDArrayLike,
  expected: NDArrayLike,
  spec: Spec,
  opts: AssertOpts,
): void {
  const o = checkOpts(spec.where, opts);
  const x = toArray(actual, spec.where), y = toArray(expected, spec.where);
  const fail = (body: string, arrays: NDArray[] = [x, y]): never => {
    throw new AssertionError({ message: message(spec, o, o.errMsg + body, arrays) });
  };
  const same = shapesEqual(x.shape, y.shape);
  if (o.strict ? !same : !(same || x.ndim === 0 || y.ndim === 0)) {
    fail(`\n(shapes ${pyShape(x.shape)}, ${pyShape(y.shape)} mismatch)`);
  }
  if (o.strict && x.dtype !== y.dtype) fail(`\n(dtypes ${x.dtype}, ${y.dtype} mismatch)`);
  const X = flatten(x), Y = flatten(y);
  const shape = x.ndim === 0 ? y.shape : x.shape;
  const n = shape.reduce((p, s) => p * s, 1);
  const xs = x.ndim === 0 ? 0 : 1, ys = y.ndim === 0 ? 0 : 1;
  const both = x.ndim > 0 && y.ndim > 0;
  // positions flagged as NaN / infinity on both sides: a scalar when a side is 0-d (an
  // all-clear mask is kept as `false`, which compares and reports the same way)
  let flagged: boolean | Uint8Array = false;
  const positions = (pred: (f: Flat, i: number) => boolean, what: string): boolean | Uint8Array => {
    const prev = flagged;
    let mask: Uint8Array | null = null;
    for (let i = 0; i < n; i++) {
      const skip = typeof prev === "boolean" ? prev : prev[i] === 1;
      const px = !skip && pred(X, i * xs), py = !skip && pred(Y, i * ys);
      if (px !== py) fail(`\n${what} location mismatch:`);
      if (py && both) (mask ??= new Uint8Array(n))[i] = 1;
    }
    if (both) return mask ?? false;
    const skip0 = typeof prev === "boolean" ? prev : prev[0] === 1;
    return !skip0 && (x.ndim === 0 ? pred(X, 0) : pred(Y, 0));
  };
  // integers are never NaN or infinite, and most float arrays hold neither
  const inexact = !(integral(X) && integral(Y)) && (hasNonFinite(X) || hasNonFinite(Y));
  if (spec.equalNan && inexact) flagged = positions(isNan, "nan");
  if (spec.equalInf && inexact) {
    const infs = positions(isInf, "inf");
    const idx: number[] = [];
    if (infs !== false) {
      for (let i = 0; i < n; i++) if (typeof infs === "boolean" || infs[i]) idx.push(i);
    }
    if (idx.some((i) => !elementEqual(X, i * xs, Y, i * ys))) {
      fail("\ninf values mismatch:", both ? [pick(X, idx), pick(Y, idx)] : [x, y]);
    }
    if (typeof infs !== "boolean") {
      const f = typeof flagged === "boolean" ? new Uint8Array(n).fill(flagged ? 1 : 0) : flagged;
      for (let i = 0; i < n; i++) f[i] |= infs[i];
      flagged = f;
    } else flagged = (flagged as boolean) || infs;
  }
  // the positions still to compare (all of them unless some were flagged)
  let kept: number[] | null = null;
  if (typeof flagged !== "boolean") {
    kept = [];
    for (let i = 0; i < n; i++) if (!flagged[i]) kept.push(i);
    if (kept.length === 0) return;
  } else if (flagged) return;
  const m = kept ? kept.length : n;
  const test = spec.prepare(X, Y);
  const bad: number[] = [];
  if (kept) {
    for (let k = 0; k < m; k++) if (!test(kept[k] * xs, kept[k] * ys)) bad.push(kept[k]);
  } else {
    for (let i = 0; i < m; i++) if (!test(i * xs, i * ys)) bad.push(i);
  }
  if (bad.length === 0) return;
  const total = typeof flagged === "boolean" ? m : n;
  const remarks = [
    `Mismatched elements: ${bad.length} / ${total} (${formatG((100 * bad.length) / total, 3)}%)`,
  ];
  if (shape.length > 0) {
    const rows = bad.slice(0, 5).map((i) =>
      ` [${unravel(i, shape).join(", ")}]: ${scalarStr(value(X, i * xs), x.dtype)} (${
        spec.names[0]
      }), ${scalarStr(value(Y, i * ys), y.dtype)} (${spec.names[1]})`
    );
    const head = bad.length === 1
      ? "Mismatch at index:"
      : bad.length <= 5
      ? "Mismatch at indices:"
      : "First 5 mismatches are at indices:";
    remarks.push(head + "\n" + rows.join("\n"));
  }
  remarks.push(...differences(X, Y, bad, xs, ys));
  fail("\n" + remarks.join("\n"));
}

function hasNonFinite(f: Flat): boolean {
  for (const part of [f.re, f.im]) {
    if (part === null) continue;
    for (let i = 0; i < part.length; i++) if (part[i] - part[i] !== 0) return true;
  }
  return false;
}

function checkOpts(where: string, o: AssertOpts): Required<AssertOpts> {
  if (o === null || typeof o !== "object") {
    throw new TypeError(
      `${where}: options must be an object, got ${o === null ? "null" : typeof o}`,
    );
  }
  if (o.errMsg !== undefined && typeof o.errMsg !== "string") {
    throw new TypeError(`${where}: errMsg must be a string, got ${typeof o.errMsg}`);
  }
  return { errMsg: o.errMsg ?? "", verbose: o.verbose ?? true, strict: o.strict ?? false };
}
