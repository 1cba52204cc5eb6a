// `deno task bench`: the random-number workloads (see bench/_random.ts), nd as the baseline.
import { RANDOM } from "./_random.ts";
import { register } from "./_register.ts";

register(RANDOM);
