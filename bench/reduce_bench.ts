// `deno task bench`: the reduce workloads (see bench/_reduce.ts), nd as the baseline of each group.
import { REDUCE } from "./_reduce.ts";
import { register } from "./_register.ts";

register(REDUCE);
