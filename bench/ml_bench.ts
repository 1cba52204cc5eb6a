// `deno task bench`: the scikit-learn preprocessing workloads (see bench/_ml.ts), nd as the
// baseline of each group.
import { ML } from "./_ml.ts";
import { register } from "./_register.ts";

register(ML);
