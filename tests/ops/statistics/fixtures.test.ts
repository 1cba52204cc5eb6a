// Every function of src/ops/statistics against NumPy 2.4's results on the same inputs.
import * as nd from "../../../mod.ts";
import { runCases } from "./_fixtures.ts";

// deno-lint-ignore no-explicit-any
type Fn = (...args: any[]) => unknown;
const FNS: Record<string, Fn> = {
  median: nd.median,
  nanmedian: nd.nanmedian,
  quantile: nd.quantile,
  percentile: nd.percentile,
  nanquantile: nd.nanquantile,
  nanpercentile: nd.nanpercentile,
  ptp: nd.ptp,
  countNonzero: nd.countNonzero,
  average: nd.average,
  cov: nd.cov,
  corrcoef: nd.corrcoef,
  diff: nd.diff,
  histogram: nd.histogram,
  histogramBinEdges: nd.histogramBinEdges,
  bincount: nd.bincount,
  digitize: nd.digitize,
};

function call(fn: string, args: unknown[], opts: Record<string, unknown>): unknown {
  return FNS[fn](...args, opts);
}

for (
  const name of ["median", "quantile", "spread", "average", "cov", "diff", "histogram", "counting"]
) {
  Deno.test(`statistics fixtures: ${name}`, (t) => runCases(t, name, call));
}
