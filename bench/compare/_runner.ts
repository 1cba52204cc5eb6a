// Child process of compare.ts: times every workload one library implements and prints
// {"gc": bool, "results": {id: Timing | {error}}} as JSON on stdout. Run with
// `--v8-flags=--expose-gc` so that dead results are collected between runs (see `time`).
//
//   deno run -A --v8-flags=--expose-gc bench/compare/_runner.ts --lib nd [--quick] [--only a,b]
import { parseArgs } from "node:util";
import { ALL } from "../_all.ts";
import { clearInputs } from "../_data.ts";
import { type Lib, LIBS, time, type Timing, Unavailable } from "../_workload.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    lib: { type: "string", default: "nd" },
    quick: { type: "boolean", default: false },
    only: { type: "string", default: "" },
  },
});
const lib = values.lib as Lib;
if (!LIBS.includes(lib)) throw new RangeError(`runner: unknown library ${lib}`);
const only = values.only ? values.only.split(",") : [];
const reps = values.quick
  ? { warmup: 3, runs: 5 }
  : { warmup: 3, runs: 15, minMs: 200, warmupMs: 500 };

const results: Record<string, Timing | { error: string }> = {};
for (const w of ALL) {
  const setup = w.impls[lib];
  if (!setup || (only.length && !only.includes(w.id))) continue;
  try {
    const why = lib === "nd" ? w.unavailable?.() : null;
    if (why) throw new Unavailable(why);
    results[w.id] = time(setup(), { ...reps, budgetMs: 10_000, collect: w.gcBetweenRuns });
  } catch (e) {
    results[w.id] = { error: e instanceof Unavailable ? e.message : String(e) };
  }
  clearInputs();
}
const gc = typeof (globalThis as { gc?: unknown }).gc === "function";
console.log(JSON.stringify({ lib, gc, results }));
