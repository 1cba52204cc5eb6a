// `deno task bench`: the indexing workloads (see bench/_indexing.ts), nd as the baseline of each group.
import { INDEXING } from "./_indexing.ts";
import { register } from "./_register.ts";

register(INDEXING);
