// `deno task bench`: the elementwise workloads (see bench/_elementwise.ts), nd as the baseline of each group.
import { ELEMENTWISE } from "./_elementwise.ts";
import { register } from "./_register.ts";

register(ELEMENTWISE);
