// Barrel: reductions, statistics and cumulative operations.
export {
  all,
  amax,
  amin,
  any,
  max,
  min,
  nanmax,
  nanmin,
  nanprod,
  nansum,
  prod,
  sum,
} from "./reductions.ts";
export type { ReductionOpts } from "./reductions.ts";
export * from "./moments.ts";
export * from "./arg_extrema.ts";
export * from "./cumulative.ts";
