// `deno task bench`: the compiled-ufunc workloads (see bench/_ufunc.ts), nd as the baseline of
// each group. The worker pool of the parallel rows is started (and awaited) first.
import { startWorkers, workerInfo } from "../src/ufunc/shared.ts";
import { UFUNC } from "./_ufunc.ts";
import { register } from "./_register.ts";

const workers = await startWorkers();
console.warn(
  `nd parallel: ${workers} worker(s) + the main thread (${workerInfo().threads} threads)`,
);
register(UFUNC);
