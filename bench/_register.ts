// Registers workloads with `Deno.bench`: one group per workload, nd as its baseline.
import { LIBS, type Run, type Workload } from "./_workload.ts";

/** Registers every implementation of every workload in `workloads`. */
export function register(workloads: readonly Workload[]): void {
  for (const w of workloads) {
    const why = w.unavailable?.() ?? null;
    for (const lib of LIBS) {
      const setup = w.impls[lib];
      if (!setup) continue;
      const note = w.notes?.[lib];
      let run: Run | undefined;
      Deno.bench({
        name: `${w.id} ${lib}${note ? ` (${note})` : ""}`,
        group: w.id,
        baseline: lib === "nd",
        ignore: lib === "nd" && why !== null,
        n: 10,
        warmup: 2,
        fn(b) {
          run ??= setup(); // untimed: inputs are built on the first (warm-up) call
          b.start();
          run();
          b.end();
        },
      });
    }
    if (why) console.warn(`${w.id}: ${why}`);
  }
}
