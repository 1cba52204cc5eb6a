// `deno task bench`: the data-pipeline workloads (see bench/_pipeline.ts), nd as the baseline.
import { PIPELINE } from "./_pipeline.ts";
import { register } from "./_register.ts";

register(PIPELINE);
