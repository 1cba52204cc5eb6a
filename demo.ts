/**
 * `deno task demo`: the main job. A quick tour of nd's core, then the four walkthroughs the
 * notebooks in `notebooks/` tell step by step — vectorization and performance, custom
 * functions and ufuncs, integration with ML frameworks, advanced tensor manipulations — run
 * as scripts from the same code (`examples/walkthroughs/`). It prints progress and the key
 * figures (timings, errors, ratios) and writes every plot as an SVG file into the folder it
 * names (`demo-output/` in the working directory, or the first argument).
 *
 * @module
 */

import * as nd from "./mod.ts";
import * as tf from "@tensorflow/tfjs";
import * as ort from "onnxruntime-web";
import { fileOutput } from "./examples/walkthroughs/_output.ts";
import * as tour from "./examples/walkthroughs/00_tour.ts";
import * as w1 from "./examples/walkthroughs/01_vectorization_performance.ts";
import * as w2 from "./examples/walkthroughs/02_custom_functions_ufuncs.ts";
import * as w3 from "./examples/walkthroughs/03_integration_ml_frameworks.ts";
import * as w4 from "./examples/walkthroughs/04_advanced_tensor_manipulations.ts";

const start = performance.now();
const dir = Deno.args[0] ?? "demo-output";
const out = fileOutput(dir);
const info = nd.backend.info();
console.log(`nd on Deno ${Deno.version.deno}: linear algebra on ${info.name} (${info.reason})`);

tour.run(out);
console.log("\n# The four walkthroughs (notebooks/ tells them step by step)\n");
w1.run(out);
w2.run(out);
tf.env().set("IS_NODE", false); // Deno: use the plain CPU backend, not tfjs-node
await tf.setBackend("cpu");
await w3.run(out, tf, ort);
w4.run(out);

const seconds = (performance.now() - start) / 1000;
console.log(
  `\n${out.written.length} figures written to ${Deno.realPathSync(dir)}/ ` +
    `(${out.written.map((p) => p.slice(p.lastIndexOf("/") + 1)).join(", ")})`,
);
console.log(`done in ${seconds.toFixed(1)} s`);
