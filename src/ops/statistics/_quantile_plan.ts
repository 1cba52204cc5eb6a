// Where each quantile lies in a sorted slice of n values, for NumPy's 13 methods
// (Hyndman & Fan's nine plus lower/higher/midpoint/nearest), and how it interpolates.
//
// The arithmetic follows NumPy step by step in the precision of q's dtype (`gR` rounds to
// it): the virtual index, its neighbours clamped to the slice, and the interpolation weight
// gamma computed from the clamped lower neighbour.

/** The methods of `quantile`/`percentile`, as NumPy names them. */
export type QuantileMethod =
  | "inverted_cdf"
  | "averaged_inverted_cdf"
  | "closest_observation"
  | "interpolated_inverted_cdf"
  | "hazen"
  | "weibull"
  | "linear"
  | "median_unbiased"
  | "normal_unbiased"
  | "lower"
  | "higher"
  | "midpoint"
  | "nearest";

/** Every method, in NumPy's order. */
export const METHODS: readonly QuantileMethod[] = [
  "inverted_cdf",
  "averaged_inverted_cdf",
  "closest_observation",
  "interpolated_inverted_cdf",
  "hazen",
  "weibull",
  "linear",
  "median_unbiased",
  "normal_unbiased",
  "lower",
  "higher",
  "midpoint",
  "nearest",
];

/** (alpha, beta) of the continuous Hyndman & Fan methods. */
const CONTINUOUS: Partial<Record<QuantileMethod, readonly [number, number]>> = {
  interpolated_inverted_cdf: [0, 1],
  hazen: [0.5, 0.5],
  weibull: [0, 0],
  median_unbiased: [1 / 3, 1 / 3],
  normal_unbiased: [3 / 8, 3 / 8],
};

/** Whether a method picks an element (no interpolation), keeping the input dtype. */
export function isDiscrete(method: QuantileMethod, qInt: boolean): boolean {
  return method === "lower" || method === "higher" || method === "nearest" ||
    method === "inverted_cdf" || method === "closest_observation" ||
    (method === "linear" && qInt);
}

/** For each q: the lower and upper neighbour indices and the weight of the upper one. */
export interface Plan {
  lo: Int32Array;
  hi: Int32Array;
  gamma: Float64Array;
  /** The distinct indices to select, ascending. */
  ks: number[];
}

/** Round half to even. */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Python's `x % m` (the sign of `m`). */
function pymod(x: number, m: number): number {
  return ((x % m) + m) % m;
}

function boundary(index: number, odd: boolean, gR: (x: number) => number): number {
  const prev = Math.floor(index);
  const g = gR(index - prev);
  const cond = odd ? g === 0 && pymod(prev, 2) === 1 : g === 0;
  const r = cond ? prev : prev + 1;
  return r < 0 ? 0 : r;
}

function discreteIndex(
  method: QuantileMethod,
  n: number,
  q: number,
  gR: (x: number) => number,
): number {
  switch (method) {
    case "lower":
      return Math.floor(gR(gR(n - 1) * q));
    case "higher":
      return Math.ceil(gR(gR(n - 1) * q));
    case "nearest":
      return rint(gR(gR(n - 1) * q));
    case "inverted_cdf":
      return boundary(gR(gR(gR(n) * q) - 1), false, gR);
    case "closest_observation":
      return boundary(gR(gR(gR(gR(n) * q) - 1) - 0.5), true, gR);
    default: // linear with integer q (0 or 1)
      return (n - 1) * q;
  }
}

function virtualIndex(
  method: QuantileMethod,
  n: number,
  q: number,
  gR: (x: number) => number,
): number {
  switch (method) {
    case "linear":
      return gR(gR(n - 1) * q);
    case "midpoint": {
      const w = gR(gR(n - 1) * q);
      return gR(0.5 * gR(Math.floor(w) + Math.ceil(w)));
    }
    case "averaged_inverted_cdf":
      return gR(gR(gR(n) * q) - 1);
    default: {
      const [al, be] = CONTINUOUS[method]!;
      const c = 1 - al - be;
      return gR(gR(gR(gR(n) * q) + gR(gR(al) + gR(q * gR(c)))) - 1);
    }
  }
}

/** The plan for slices of `n >= 1` values. */
export function planFor(
  method: QuantileMethod,
  n: number,
  qs: Float64Array,
  qInt: boolean,
  gR: (x: number) => number,
): Plan {
  const m = qs.length;
  const lo = new Int32Array(m), hi = new Int32Array(m), gamma = new Float64Array(m);
  const need = new Set<number>();
  const discrete = isDiscrete(method, qInt);
  for (let i = 0; i < m; i++) {
    const q = qs[i];
    if (discrete) {
      lo[i] = hi[i] = discreteIndex(method, n, q, gR);
      need.add(lo[i]);
      continue;
    }
    const v = virtualIndex(method, n, q, gR);
    let prev = Math.floor(v), p = prev, nx = prev + 1;
    if (v >= n - 1) {
      prev = -1;
      p = nx = n - 1;
    }
    if (v < 0) prev = p = nx = 0;
    let g = gR(v - prev);
    if (method === "midpoint") g = pymod(v, 1) === 0 ? 0 : 0.5;
    else if (method === "averaged_inverted_cdf") g = g === 0 ? 0.5 : 1;
    lo[i] = p;
    hi[i] = nx;
    gamma[i] = gR(g);
    need.add(p);
    need.add(nx);
  }
  return { lo, hi, gamma, ks: [...need].sort((x, y) => x - y) };
}
