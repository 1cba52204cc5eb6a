// Barrel: re-exports this folder's public functions.
export * from "./ptp.ts";
export * from "./median.ts";
export * from "./quantile.ts";
export * from "./nanquantile.ts";
export * from "./count_nonzero.ts";
export * from "./average.ts";
export * from "./cov.ts";
export * from "./corrcoef.ts";
export * from "./diff.ts";
export * from "./bincount.ts";
export * from "./digitize.ts";
export * from "./histogram.ts";
export * from "./histogram_bin_edges.ts";
