// A worker of the parallel pool (see _parallel.ts): it loads the modules that register the
// job executors, then serves every job posted to it. Started by _parallel.ts only.
import { parentPort, workerData } from "node:worker_threads";
import "./compiled_ufunc.ts";
import "./kernel.ts";
import { type Job, serveJob } from "./_parallel.ts";

const stats = (workerData as { stats: SharedArrayBuffer }).stats;
parentPort!.on("message", (job: Job) => serveJob(job, stats));
parentPort!.postMessage("ready");
