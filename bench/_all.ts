// Every workload, in table order.
import { ELEMENTWISE } from "./_elementwise.ts";
import { REDUCE } from "./_reduce.ts";
import { COPY } from "./_copy.ts";
import { INDEXING } from "./_indexing.ts";
import { LINALG } from "./_linalg.ts";
import { MEMORY } from "./_memory.ts";
import { RANDOM } from "./_random.ts";
import { UFUNC } from "./_ufunc.ts";
import { DECOMPOSITION } from "./_decomposition.ts";
import { PIPELINE } from "./_pipeline.ts";
import { SPARSE } from "./_sparse.ts";
import { ML } from "./_ml.ts";
import type { Workload } from "./_workload.ts";

/**
 * All workloads: elementwise, reductions, copies, indexing, linear algebra, memory, random,
 * custom ufuncs, tensor decompositions, data pipelines, sparse matrices, preprocessing.
 */
export const ALL: readonly Workload[] = [
  ...ELEMENTWISE,
  ...REDUCE,
  ...COPY,
  ...INDEXING,
  ...LINALG,
  ...MEMORY,
  ...RANDOM,
  ...UFUNC,
  ...DECOMPOSITION,
  ...PIPELINE,
  ...SPARSE,
  ...ML,
];
