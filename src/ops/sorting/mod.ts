// Barrel: re-exports this folder's public functions.
export { sort } from "./sort.ts";
export type { SortKind, SortOpts } from "./sort.ts";
export { argsort } from "./argsort.ts";
export { partition } from "./partition.ts";
export type { PartitionOpts } from "./partition.ts";
export { argpartition } from "./argpartition.ts";
export { lexsort } from "./lexsort.ts";
export type { LexsortOpts } from "./lexsort.ts";
export { searchsorted } from "./searchsorted.ts";
export type { SearchsortedOpts } from "./searchsorted.ts";
export { nonzero } from "./nonzero.ts";
export { argwhere } from "./argwhere.ts";
export { flatnonzero } from "./flatnonzero.ts";
export { extract } from "./extract.ts";
export { unique } from "./unique.ts";
export type { UniqueOpts, UniqueResult, UniqueReturn, UniqueValuesOpts } from "./unique.ts";
export { isin } from "./isin.ts";
export type { IsinOpts } from "./isin.ts";
