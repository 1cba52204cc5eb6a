// `deno task bench`: the memory workloads (see bench/_memory.ts), nd as the baseline of each group.
import { MEMORY } from "./_memory.ts";
import { register } from "./_register.ts";

register(MEMORY);
