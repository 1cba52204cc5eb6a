// `deno task bench`: the copy workloads (see bench/_copy.ts), nd as the baseline of each group.
import { COPY } from "./_copy.ts";
import { register } from "./_register.ts";

register(COPY);
