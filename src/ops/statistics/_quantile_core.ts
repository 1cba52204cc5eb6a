// The engine behind quantile, percentile, nanquantile and nanpercentile.
//
// Result dtypes follow NumPy: methods that pick an element keep the input dtype; the
// interpolating ones give, when q is a JS number (a "weak" scalar), the input's float dtype
// (float64 for integers), and when q is an array, the promotion of the input and q dtypes
// (so uint8 data with float32 q gives float32, as in NumPy). Interpolation is NumPy's `_lerp`: `a + (b - a) * g`, or `b - (b - a) * (1 - g)` when
// g >= 0.5, with `b - a` computed in the input dtype (integers wrap, as in NumPy).
import { allocate, type DType, DTYPES, type TypedArray } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { promoteTypes } from "../../core/promotion.ts";
import { normalizeAxes } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { gatherRows, isFloat, selector, workDType, wrap } from "./_select.ts";
import { isDiscrete, METHODS, type Plan, planFor, type QuantileMethod } from "./_quantile_plan.ts";
import { checkOpts, meanDType, rounder } from "./_opts.ts";

export type { QuantileMethod };

/** Options of `quantile`, `percentile` and their NaN-ignoring variants. */
export interface QuantileOpts {
  /** Axis or axes along which quantiles are taken; all axes when omitted or null. */
  axis?: number | readonly number[] | null;
  /** Keep reduced axes as size-1 dimensions. */
  keepdims?: boolean;
  /** How to estimate a quantile that falls between two values (default "linear"). */
  method?: QuantileMethod;
}

type Num = number | bigint;

/** `b - a` in dtype `d` (wrapping for integers), as a JS number. */
function differ(d: DType): (a: Num, b: Num) => number {
  switch (d) {
    case "float32":
      return (a, b) => Math.fround((b as number) - (a as number));
    case "float16":
      return (a, b) => Math.f16round((b as number) - (a as number));
    case "int8":
      return (a, b) => (((b as number) - (a as number)) << 24) >> 24;
    case "int16":
      return (a, b) => (((b as number) - (a as number)) << 16) >> 16;
    case "int32":
      return (a, b) => ((b as number) - (a as number)) | 0;
    case "uint8":
      return (a, b) => ((b as number) - (a as number)) & 255;
    case "uint16":
      return (a, b) => ((b as number) - (a as number)) & 65535;
    case "uint32":
      return (a, b) => ((b as number) - (a as number)) >>> 0;
    case "int64":
      return (a, b) => Number(BigInt.asIntN(64, (b as bigint) - (a as bigint)));
    case "uint64":
      return (a, b) => Number(BigInt.asUintN(64, (b as bigint) - (a as bigint)));
    default:
      return (a, b) => (b as number) - (a as number);
  }
}

/** NumPy's `_lerp` for input dtype `a`, result dtype `c`, q dtype `g`. */
function lerper(
  a: DType,
  c: DType,
  g: DType,
  weak: boolean,
): (x: Num, y: Num, t: number) => number {
  const diff = differ(a), rC = rounder(c), gR = rounder(g);
  return (x, y, t) => {
    const d = rC(diff(x, y)), xc = rC(Number(x)), yc = rC(Number(y));
    if (t >= 0.5) return rC(yc - rC(d * (weak ? rC(1 - t) : gR(1 - t))));
    return rC(xc + rC(d * (weak ? rC(t) : t)));
  };
}

/** How a public function calls the engine. */
export interface QuantileCall {
  where: string;
  /** q is in percent (0..100). */
  percent: boolean;
  /** Ignore NaNs. */
  skipNan: boolean;
}

/** The q values (in [0, 1]), their dtype and whether they are integers. */
function readQ(
  q: ArrayLike,
  call: QuantileCall,
): { qs: Float64Array; shape: readonly number[]; gDtype: DType; qInt: boolean } {
  const { where, percent } = call;
  const qa = toArray(q, where);
  const kind = DTYPES[qa.dtype].kind;
  if (kind === "c") throw new TypeError(`${where}: q must be real, got ${qa.dtype}`);
  if (qa.ndim > 2) {
    throw new TypeError(`${where}: q must be a scalar or a 1-D array, got shape [${qa.shape}]`);
  }
  const raw = (qa.dtype === "float64" ? qa : qa.astype("float64")).toArray();
  const flat: number[] = [raw].flat(2) as number[];
  const qInt = kind !== "f" && !percent;
  const gDtype: DType = kind === "f" ? qa.dtype : "float64";
  const gR = rounder(gDtype);
  const qs = new Float64Array(flat.length);
  for (let i = 0; i < flat.length; i++) {
    const v = percent ? gR(flat[i] / 100) : flat[i];
    if (!(v >= 0 && v <= 1)) {
      throw new RangeError(
        percent
          ? `${where}: percentiles must be in the range [0, 100], got ${flat[i]}`
          : `${where}: quantiles must be in the range [0, 1], got ${flat[i]}`,
      );
    }
    qs[i] = v;
  }
  return { qs, shape: qa.shape, gDtype, qInt };
}

/** Runs quantile/percentile/nanquantile/nanpercentile. */
export function quantileOf(
  x: ArrayLike,
  q: ArrayLike,
  opts: QuantileOpts | undefined,
  call: QuantileCall,
): NDArray {
  const { where, skipNan } = call;
  const o = checkOpts(opts, where);
  const a = toArray(x, where);
  if (DTYPES[a.dtype].kind === "c") {
    throw new TypeError(`${where}: a must be an array of real numbers, got ${a.dtype}`);
  }
  const method = o.method ?? "linear";
  if (!METHODS.includes(method)) {
    throw new RangeError(
      `${where}: ${JSON.stringify(method)} is not a valid method; use one of ${METHODS.join(", ")}`,
    );
  }
  const weak = typeof q === "number";
  const { qs, shape: qShape, gDtype, qInt } = readQ(q, call);
  const axes = normalizeAxes(o.axis, a.ndim, where);
  const discrete = isDiscrete(method, qInt);
  let outDtype: DType = a.dtype;
  if (!discrete) {
    if (a.dtype === "bool") {
      throw new TypeError(
        `${where}: method ${JSON.stringify(method)} interpolates, which needs subtraction; ` +
          `bool input supports only "lower", "higher", "nearest", "inverted_cdf" and "closest_observation"`,
      );
    }
    if (weak) outDtype = isFloat(a.dtype) ? a.dtype : "float64";
    else outDtype = promoteTypes(a.dtype, gDtype);
  }
  const n = axes.reduce((p, i) => p * a.shape[i], 1);
  const keepShape = a.shape.map((s, i) => (axes.includes(i) ? 1 : s));
  const reduced = o.keepdims ? keepShape : keepShape.filter((_, i) => !axes.includes(i));
  if (a.size === 0 && skipNan) {
    // NumPy answers with nanmean here: NaN over the reduced shape, without q's dimensions.
    const dt = meanDType(a.dtype);
    const rows = reduced.reduce((p, s) => p * s, 1);
    return wrap(dt, (allocate(dt, rows) as Float64Array).fill(NaN), reduced);
  }
  if (n === 0 && !skipNan) {
    throw new RangeError(
      `${where}: cannot take a quantile of an empty slice: the reduced axes have size 0`,
    );
  }
  const work = workDType(a.dtype);
  const g = gatherRows(a, axes, work);
  const sel = selector(work);
  const d = g.data;
  const nq = qs.length, rows = g.rows;
  const out = allocate(outDtype, nq * rows) as TypedArray;
  const gR = rounder(gDtype);
  const lerp = lerper(a.dtype, outDtype, gDtype, weak);
  const float = isFloat(a.dtype);
  const plans = new Map<number, Plan>();
  const nanOut = (k: number) => {
    for (let i = 0; i < nq; i++) out[i * rows + k] = NaN;
  };
  for (let k = 0; k < rows; k++) {
    const p = k * n;
    let m = n;
    if (float) {
      m = sel.nanToEnd(d, p, n);
      if ((m < n && !skipNan) || m === 0) {
        nanOut(k);
        continue;
      }
    }
    let plan = plans.get(m);
    if (!plan) {
      plan = planFor(method, m, qs, qInt, gR);
      plans.set(m, plan);
    }
    sel.selectAll(d, p, m, plan.ks);
    for (let i = 0; i < nq; i++) {
      const lo = d[p + plan.lo[i]];
      out[i * rows + k] = discrete ? lo : lerp(lo, d[p + plan.hi[i]], plan.gamma[i]);
    }
  }
  return wrap(outDtype, out, [...qShape, ...reduced]);
}
