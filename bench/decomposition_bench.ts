// `deno task bench`: the tensor decomposition workloads (see bench/_decomposition.ts), nd as the
// baseline of each group. `nd` runs on the active backend (BLAS when it loads), `nd-ts` on
// TypeScript.
import * as nd from "../mod.ts";
import { DECOMPOSITION } from "./_decomposition.ts";
import { register } from "./_register.ts";

const info = nd.backend.info();
console.warn(`nd backend: ${info.name} (${info.reason}); nd-ts: the TypeScript backend`);
register(DECOMPOSITION);
