// NumPy's bin-width estimators for `histogram(a, { bins: "auto" | "fd" | ... })`.
//
// Each returns a width and the dtype NumPy would hold it in: float64, or the data's float
// dtype where NumPy's arithmetic stays in it (rice, scott, stone), which affects the rounding
// of `ceil(range / width)`.
import { type DType, DTYPES } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { copy } from "../../core/copy.ts";
import { divide, power, subtract } from "../elementwise.ts";
import { max, min } from "../reduce/reductions.ts";
import { mean, std } from "../reduce/moments.ts";
import { percentile } from "./quantile.ts";
import { binDType, type Edge, linspaceEdges } from "./_hist_edges.ts";
import { type Uniform, uniformIndices } from "./_hist_count.ts";
import { rounder } from "./_opts.ts";

/** The names `bins` accepts as a string. */
export const ESTIMATORS: readonly string[] = [
  "stone",
  "auto",
  "doane",
  "fd",
  "rice",
  "scott",
  "sqrt",
  "sturges",
];

/** A bin width and the dtype it is held in. */
export interface Width {
  v: number;
  dt: DType;
}

/** max - min, exact for integers (NumPy's `_ptp`), in the data's dtype for floats. */
function ptp(x: NDArray): Width {
  const hi = max(x).item() as number | bigint, lo = min(x).item() as number | bigint;
  if (typeof hi === "bigint") return { v: Number(hi - (lo as bigint)), dt: "float64" };
  const float = DTYPES[x.dtype].kind === "f";
  return float
    ? { v: rounder(x.dtype)(hi - (lo as number)), dt: x.dtype }
    : { v: hi - (lo as number), dt: "float64" };
}

/** `w` scaled by a weak JS number `f` with `op`, staying in a float dtype as NumPy would. */
function weakOp(w: Width, f: number, op: (a: number, b: number) => number): Width {
  if (w.dt === "float64") return { v: op(w.v, f), dt: "float64" };
  const r = rounder(w.dt);
  return { v: r(op(w.v, r(f))), dt: w.dt };
}

function sqrtW(x: NDArray): Width {
  return { v: ptp(x).v / Math.sqrt(x.size), dt: "float64" };
}

function sturges(x: NDArray): Width {
  return { v: ptp(x).v / (Math.log2(x.size) + 1), dt: "float64" };
}

function fd(x: NDArray): Width {
  const [p75, p25] = percentile(x, [75, 25]).toArray() as number[];
  return { v: 2 * (p75 - p25) * x.size ** (-1 / 3), dt: "float64" };
}

function stone(x: NDArray, first: Edge, last: Edge): Width {
  const n = x.size;
  const p = ptp(x);
  if (n <= 1 || p.v === 0) return { v: 0, dt: "float64" };
  const av = copy(x, "float64").data as Float64Array;
  const bdt = binDType(x);
  const upper = Math.max(100, Math.floor(Math.sqrt(n)));
  let best = 1, bestJ = Infinity;
  for (let nb = 1; nb <= upper; nb++) {
    const edges = new Float64Array(nb + 1);
    linspaceEdges(first, last, nb, edges);
    const eb = copy(new NDArray("float64", edges, [nb + 1]), bdt).data;
    for (let i = 0; i < nb; i++) {
      if (!(eb[i] < eb[i + 1])) {
        throw new RangeError(
          `histogram: too many bins for data range: cannot create ${nb} finite-sized bins`,
        );
      }
    }
    const u: Uniform = { first, last, nbins: nb };
    const idx = uniformIndices(av, u, Float64Array.from(eb as ArrayLike<number>), bdt);
    const counts = new Float64Array(nb);
    for (let i = 0; i < idx.length; i++) if (idx[i] >= 0) counts[idx[i]]++;
    let dot = 0;
    for (let i = 0; i < nb; i++) dot += (counts[i] / n) * (counts[i] / n);
    const hh = weakOp(p, nb, (a, b) => a / b).v;
    const j = (2 - (n + 1) * dot) / hh;
    if (j < bestJ) {
      bestJ = j;
      best = nb;
    }
  }
  return weakOp(p, best, (a, b) => a / b);
}

function doane(x: NDArray): Width {
  const n = x.size;
  if (n > 2) {
    const sg1 = Math.sqrt((6 * (n - 2)) / ((n + 1) * (n + 3)));
    const sigma = std(x);
    if ((sigma.item() as number) > 0) {
      const t = power(divide(subtract(x, mean(x)), sigma), 3);
      const g1 = mean(t).item() as number;
      return {
        v: ptp(x).v / (1 + Math.log2(n) + Math.log2(1 + Math.abs(g1) / sg1)),
        dt: "float64",
      };
    }
  }
  return { v: 0, dt: "float64" };
}

/** The bin width estimator `name` applied to the (range-truncated, non-empty) data `x`. */
export function estimateWidth(name: string, x: NDArray, first: Edge, last: Edge): Width {
  switch (name) {
    case "sqrt":
      return sqrtW(x);
    case "sturges":
      return sturges(x);
    case "rice":
      return weakOp(ptp(x), 2 * x.size ** (1 / 3), (a, b) => a / b);
    case "scott": {
      const factor = ((24 * Math.PI ** 0.5) / x.size) ** (1 / 3);
      const s = std(x);
      return weakOp({ v: s.item() as number, dt: s.dtype }, factor, (a, b) => b * a);
    }
    case "stone":
      return stone(x, first, last);
    case "doane":
      return doane(x);
    case "fd":
      return fd(x);
    default: {
      // auto: the smaller of Sturges and FD, FD limited to at least half the sqrt width.
      const f = fd(x).v, st = sturges(x).v, sq = sqrtW(x).v / 2;
      const fdc = sq > f ? sq : f;
      return { v: st < fdc ? st : fdc, dt: "float64" };
    }
  }
}
