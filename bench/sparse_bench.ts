// `deno task bench`: the sparse-matrix workloads (see bench/_sparse.ts), nd as the baseline.
import { SPARSE } from "./_sparse.ts";
import { register } from "./_register.ts";

register(SPARSE);
