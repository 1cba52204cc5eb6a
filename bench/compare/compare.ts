// `deno task bench:compare`: runs every workload (bench/_*.ts) in nd, in plain JS loops, in the
// other JS libraries and in NumPy (bench/compare/numpy_workloads.py), in the same run, and
// prints a Markdown table of median times and ratios against the targets of the performance
// issue.
//
//   deno task bench:compare [--quick] [--json out.json] [--only add_out,exp] [--libs nd,tfjs]
//                           [--no-mmap]
//
// --no-mmap runs the JS processes with glibc's malloc told never to mmap (MALLOC_MMAP_MAX_=0,
// MALLOC_TRIM_THRESHOLD_ huge): freed results are then reused instead of being unmapped, so a
// new 80 MB output no longer page-faults all its memory in again (NumPy gets much of the same
// effect from transparent huge pages, which V8 does not request). It measures how much of a
// workload is the cost of fresh memory; the default run does not use it.
//
// Each library runs in its own child process (bench/compare/_runner.ts, with V8's `gc`
// exposed so that dead results are collected between runs, untimed, as NumPy frees them on
// the spot); NumPy runs in one Python process. Everything runs one after the other, never
// concurrently.
import { parseArgs } from "node:util";
import { ALL } from "../_all.ts";
import { type Lib, LIBS, type Timing } from "../_workload.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    quick: { type: "boolean", default: false },
    json: { type: "string" },
    only: { type: "string", default: "" },
    libs: { type: "string", default: LIBS.join(",") },
    "no-mmap": { type: "boolean", default: false },
  },
});
const only = values.only ? values.only.split(",") : [];
const libs = values.libs.split(",") as Lib[];
for (const l of libs) {
  if (!LIBS.includes(l)) throw new RangeError(`compare: unknown library ${l}: use ${LIBS}`);
}
for (const id of only) {
  if (!ALL.some((w) => w.id === id)) throw new RangeError(`compare: unknown workload ${id}`);
}
const here = new URL(".", import.meta.url);
const workloads = ALL.filter((w) => !only.length || only.includes(w.id));
const flags = [
  ...(values.quick ? ["--quick"] : []),
  ...(only.length ? ["--only", only.join(",")] : []),
];

type Result = Timing | { error: string };
const log = (s: string) => console.error(s);

async function run(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ ok: boolean; out: string; err: string }> {
  try {
    const o = await new Deno.Command(cmd, { args, env, stdout: "piped", stderr: "piped" })
      .output();
    const dec = new TextDecoder();
    return { ok: o.success, out: dec.decode(o.stdout), err: dec.decode(o.stderr) };
  } catch (e) {
    return { ok: false, out: "", err: String(e) };
  }
}

/** The first Python that imports NumPy: `python3`, then `/usr/bin/python3`. */
async function findPython(): Promise<string | null> {
  for (const py of ["python3", "/usr/bin/python3"]) {
    if ((await run(py, ["-c", "import numpy"])).ok) return py;
  }
  return null;
}

interface NumpyRun {
  numpy: string;
  python: string;
  executable: string;
  blas: string;
  results: Record<string, Timing>;
}

// ---- NumPy ----
let numpy: NumpyRun | null = null;
let numpyNote = "";
const py = await findPython();
if (!py) {
  numpyNote = "No Python with NumPy found (tried python3, /usr/bin/python3): nd-only times.";
} else {
  log(`NumPy (${py}) ...`);
  const script = new URL("numpy_workloads.py", here).pathname;
  const r = await run(py, [script, ...flags]);
  if (r.ok) numpy = JSON.parse(r.out) as NumpyRun;
  else numpyNote = `NumPy run failed: ${r.err.trim().split("\n").slice(-3).join(" / ")}`;
}

// ---- JS libraries ----
const noMmap: Record<string, string> = values["no-mmap"]
  ? { MALLOC_MMAP_MAX_: "0", MALLOC_TRIM_THRESHOLD_: String(2 ** 40) }
  : {};
const js: Partial<Record<Lib, Record<string, Result>>> = {};
let gcExposed = false;
for (const lib of libs) {
  if (!workloads.some((w) => w.impls[lib])) continue;
  log(`${lib} ...`);
  const runner = new URL("_runner.ts", here).pathname;
  const r = await run(Deno.execPath(), [
    "run",
    "--allow-all",
    "--v8-flags=--expose-gc",
    runner,
    "--lib",
    lib,
    ...flags,
  ], noMmap);
  if (!r.ok) {
    log(`  ${lib} failed: ${r.err.trim().split("\n").slice(-5).join("\n  ")}`);
    continue;
  }
  const parsed = JSON.parse(r.out) as { gc: boolean; results: Record<string, Result> };
  js[lib] = parsed.results;
  gcExposed ||= parsed.gc;
}

// ---- table ----
const ms = (r: Result | undefined): number | undefined => r && "ms" in r ? r.ms : undefined;
const fmt = (x: number | undefined): string =>
  x === undefined ? "—" : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
const ratio = (a?: number, b?: number): number | undefined =>
  a !== undefined && b !== undefined && b > 0 ? a / b : undefined;
const OTHERS: Lib[] = ["ml-matrix", "ndarray", "numjs", "tfjs"];

const rows: string[] = [];
const json: Record<string, unknown> = {};
let fails = 0, passes = 0;
for (const w of workloads) {
  const nd = ms(js.nd?.[w.id]);
  const np = numpy ? numpy.results[w.id]?.ms : undefined;
  const r = ratio(nd, np);
  const plain = ms(js.js?.[w.id]);
  let best: { lib: Lib; ms: number } | undefined;
  for (const l of OTHERS) {
    const t = ms(js[l]?.[w.id]);
    if (t !== undefined && (!best || t < best.ms)) best = { lib: l, ms: t };
  }
  let verdict = "—";
  if (w.target !== undefined && r !== undefined) {
    verdict = r <= w.target ? "pass" : "**FAIL**";
    if (r <= w.target) passes++;
    else fails++;
  }
  const ndErr = js.nd?.[w.id];
  const ndCell = ndErr && "error" in ndErr ? `n/a (${ndErr.error})` : fmt(nd);
  const note = best ? w.notes?.[best.lib] : undefined;
  rows.push(
    `| ${w.title} | ${ndCell} | ${fmt(np)} | ${r === undefined ? "—" : r.toFixed(2)} | ${
      w.target === undefined ? "—" : `≤ ${w.target}`
    } | ${verdict} | ${fmt(plain)} | ${
      best ? `${best.lib}${note ? ` (${note})` : ""}: ${fmt(best.ms)}` : "—"
    } | ${best && np ? (best.ms / np).toFixed(2) : "—"} |`,
  );
  json[w.id] = {
    title: w.title,
    target: w.target ?? null,
    nd: js.nd?.[w.id] ?? null,
    numpy: numpy?.results[w.id] ?? null,
    ratio: r ?? null,
    libs: Object.fromEntries(libs.filter((l) => l !== "nd").map((l) => [l, js[l]?.[w.id] ?? null])),
  };
}

let cpu = `${Deno.build.arch} ${Deno.build.os}`;
try {
  const info = await Deno.readTextFile("/proc/cpuinfo");
  const model = /model name\s*:\s*(.*)/.exec(info)?.[1];
  if (model) cpu = `${model}, ${navigator.hardwareConcurrency} logical CPUs`;
} catch { /* not Linux */ }
const reps = values.quick ? "3 warm-ups, median of 5 runs" : "3 warm-ups, median of 15 runs";
const out: string[] = [];
out.push(`## nd vs NumPy (${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC)`, "");
out.push(`- Deno ${Deno.version.deno} (V8 ${Deno.version.v8}), ${cpu}`);
out.push(
  numpy
    ? `- NumPy ${numpy.numpy} (Python ${numpy.python}, ${numpy.executable}), BLAS: ${numpy.blas}`
    : `- ${numpyNote}`,
);
out.push(
  `- ${reps} (at most 10 s per workload); ${
    gcExposed ? "V8 garbage collected between runs, untimed" : "no GC between runs"
  }; times in ms; ratio = nd/NumPy${
    values["no-mmap"] ? "; JS run with MALLOC_MMAP_MAX_=0 (freed memory reused, see --no-mmap)" : ""
  }`,
);
out.push(
  `- plain JS = a hand-written loop over typed arrays; other JS = fastest of ${
    OTHERS.filter((l) => libs.includes(l)).join(", ") || "(none run)"
  }`,
  "",
);
out.push(
  "| workload | nd | NumPy | ratio | target | met | plain JS | best other JS | other/NumPy |",
  "|---|--:|--:|--:|--:|---|--:|---|--:|",
  ...rows,
  "",
);
const ndExp = ms(js.nd?.exp), bareExp = ms(js.js?.exp);
if (ndExp !== undefined && bareExp !== undefined) {
  out.push(
    `exp vs a bare \`Math.exp\` loop over a Float64Array: nd ${fmt(ndExp)} ms, loop ${
      fmt(bareExp)
    } ms: ${ndExp <= bareExp ? "pass" : "**FAIL**"} (nd must be no slower)`,
    "",
  );
}
if (passes + fails) out.push(`Targets met: ${passes} of ${passes + fails}.`);
console.log(out.join("\n"));

if (values.json) {
  await Deno.writeTextFile(
    values.json,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        deno: Deno.version,
        cpu,
        numpy: numpy ? { ...numpy, results: undefined } : numpyNote,
        quick: values.quick,
        gc: gcExposed,
        workloads: json,
      },
      null,
      2,
    ) + "\n",
  );
  log(`wrote ${values.json}`);
}
