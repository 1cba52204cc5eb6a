// Barrel: reductions, statistics and cumulative operations.
export * from "./reductions.ts";
export * from "./moments.ts";
export * from "./arg_extrema.ts";
export * from "./cumulative.ts";
