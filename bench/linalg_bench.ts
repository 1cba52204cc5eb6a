// `deno task bench`: the linear-algebra workloads (see bench/_linalg.ts), nd as the baseline of
// each group. `nd` runs on the active backend (BLAS when it loads), `nd-ts` on TypeScript.
import * as nd from "../mod.ts";
import { LINALG, onTs } from "./_linalg.ts";
import { register } from "./_register.ts";
import type { Workload } from "./_workload.ts";

const info = nd.backend.info();
console.warn(`nd backend: ${info.name} (${info.reason}); nd-ts: the TypeScript backend`);

// Leave out the nd-ts runs that the TypeScript backend cannot do yet (register() skips only nd).
const workloads: Workload[] = LINALG.map((w) => {
  const why = w.unavailable ? onTs(w.unavailable)() : null;
  if (!why) return w;
  console.warn(`${w.id} nd-ts: ${why}`);
  const { "nd-ts": _, ...impls } = w.impls;
  return { ...w, impls };
});
register(workloads);
