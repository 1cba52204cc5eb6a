/**
 * Argument handling shared by `Generator` and `RandomState`: sizes, scalar-or-array parameters
 * broadcast against the output (NumPy's `cont`), and the checks on them.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { broadcastShapes, checkShape, fmtShape, type Shape, shapeSize } from "../core/shape.ts";
import { broadcastTo } from "../core/views.ts";
import { copy } from "../core/copy.ts";
import { type DType, DTYPES } from "../core/dtype.ts";

/** An output size: a length or a shape. */
export type Size = number | readonly number[];

/** Options with an output size. */
export interface SizeOpts {
  /** Output shape; a single value (a JS number) when omitted. */
  size?: Size;
}

/** The checked shape of `size`, or null when it is undefined (scalar result). */
export function sizeShape(size: Size | undefined, where: string): number[] | null {
  return size === undefined || size === null ? null : checkShape(size, where);
}

/** True for a plain options object (not an array, NDArray or typed array). */
export function isOpts(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x) && !(x instanceof NDArray) &&
    !ArrayBuffer.isView(x);
}

/** A distribution parameter: a JS number, or an array of them to broadcast. */
export type Param = number | ArrayLike;

/** How a parameter is constrained. */
export type Constraint = "none" | "nonNegative";

interface ParamSpec {
  name: string;
  value: Param;
  check: Constraint;
}

function violates(v: number, check: Constraint): boolean {
  return check === "nonNegative" && (v < 0 || Object.is(v, -0));
}

function checkValue(where: string, p: ParamSpec, v: number): void {
  if (violates(v, p.check)) {
    throw new RangeError(`${where}: ${p.name} must be non-negative, got ${v}`);
  }
}

function asNumber(where: string, name: string, v: unknown): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === undefined || v === null) {
    throw new TypeError(`${where}: ${name} must be a number or an array of numbers, got ${v}`);
  }
  // a 0-d array is a scalar parameter, as in NumPy (one number without size)
  if (v instanceof NDArray && v.ndim === 0 && DTYPES[v.dtype as DType].kind !== "c") {
    return Number(v.item());
  }
  return null;
}

/**
 * Draws `draw(a, b)` once per output element: NumPy's `cont` for distributions with up to two
 * parameters. All-scalar parameters and no size give one JS number; otherwise the parameters
 * broadcast against each other (no size) or against `size`, and a float64 array is returned.
 */
export function cont(
  where: string,
  size: Size | undefined,
  params: readonly ParamSpec[],
  draw: (a: number, b: number) => number,
  pairCheck?: (a: number, b: number) => void,
): number | NDArray<"float64"> {
  const shape = sizeShape(size, where);
  const scalars = params.map((p) => asNumber(where, p.name, p.value));
  if (scalars.every((s) => s !== null)) {
    params.forEach((p, i) => checkValue(where, p, scalars[i] as number));
    const [a = 0, b = 0] = scalars as number[];
    pairCheck?.(a, b);
    if (shape === null) return draw(a, b);
    const n = shapeSize(shape), out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = draw(a, b);
    return new NDArray("float64", out, shape);
  }
  const arrays = params.map((p, i) =>
    scalars[i] !== null
      ? new NDArray("float64", new Float64Array([scalars[i] as number]), [])
      : copy(toArray(p.value as ArrayLike, where), "float64")
  );
  arrays.forEach((arr, i) => {
    const d = arr.data as Float64Array;
    for (let k = 0; k < d.length; k++) checkValue(where, params[i], d[k]);
  });
  let outShape: Shape;
  try {
    const joint = broadcastShapes(...arrays.map((a) => a.shape));
    outShape = shape ?? joint;
    if (shape !== null && fmtShape(broadcastShapes(shape, joint)) !== fmtShape(shape)) throw 0;
  } catch {
    throw new TypeError(
      `${where}: parameter shapes ${arrays.map((a) => fmtShape(a.shape)).join(", ")} ` +
        `do not broadcast to ${shape ? `size ${fmtShape(shape)}` : "one shape"}`,
    );
  }
  const flat = arrays.map((a) => copy(broadcastTo(a, outShape)).data as Float64Array);
  const n = shapeSize(outShape), out = new Float64Array(n);
  const pa = flat[0], pb = flat[1];
  if (pairCheck) { for (let i = 0; i < n; i++) pairCheck(pa[i], pb ? pb[i] : 0); }
  for (let i = 0; i < n; i++) out[i] = draw(pa[i], pb ? pb[i] : 0);
  return new NDArray("float64", out, outShape);
}

/**
 * Checks `high - low` for `uniform`: finite, and (Generator, `nonNegative`) not negative.
 */
export function checkRange(where: string, low: number, high: number, nonNegative: boolean): void {
  const range = high - low;
  if (!Number.isFinite(range)) {
    throw new RangeError(`${where}: high - low must be finite: got low ${low}, high ${high}`);
  }
  if (nonNegative && (range < 0 || Object.is(range, -0))) {
    throw new RangeError(`${where}: high must not be less than low: got low ${low}, high ${high}`);
  }
}
