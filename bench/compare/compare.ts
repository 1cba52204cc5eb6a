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
// The linear-algebra suite (bench/_linalg.ts) is compared against the NumPy that loads the same
// BLAS/LAPACK library as nd when there is one (found by reading /proc/self/maps of this process
// and of each Python: Debian's /usr/bin/python3 NumPy uses the system OpenBLAS that nd loads,
// while a pip NumPy bundles its own); the other suites against the first Python with NumPy.
// `nd` runs on the backend nd picks (BLAS when it loads), `nd-ts` on the TypeScript backend;
// workloads with an absolute target for the TypeScript backend (`tsTargetMs`) show it.
//
// Each library runs in its own child process (bench/compare/_runner.ts, with V8's `gc`
// exposed so that dead results are collected between runs, untimed, as NumPy frees them on
// the spot); NumPy runs in one Python process. Everything runs one after the other, never
// concurrently.
import { parseArgs } from "node:util";
import * as nd from "../../mod.ts";
import { ALL } from "../_all.ts";
import { ML } from "../_ml.ts";
import { onTs } from "../_linalg.ts";
import { type Lib, LIBS, type Timing, type Workload } from "../_workload.ts";

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
  /** BLAS/LAPACK libraries mapped into the Python process (Linux; empty elsewhere). */
  blas_files?: string[];
  /** OpenBLAS's own thread count, when the library could be asked. */
  blas_threads?: number | null;
  results: Record<string, Timing>;
}

/** The BLAS/LAPACK libraries mapped into this process, resolved paths (Linux), else []. */
async function mappedBlas(): Promise<string[]> {
  try {
    const maps = await Deno.readTextFile("/proc/self/maps");
    const files = new Set<string>();
    for (const line of maps.split("\n")) {
      const path = line.split(/\s+/).slice(5).join(" ");
      const base = path.slice(path.lastIndexOf("/") + 1);
      if (path.startsWith("/") && /blas|lapack|mkl|blis|flexiblas/i.test(base)) files.add(path);
    }
    return [...files].sort();
  } catch {
    return [];
  }
}

const script = new URL("numpy_workloads.py", here).pathname;

/** Runs numpy_workloads.py in `python` for `ids` (all of them with `--probe`: the header only). */
async function numpyRun(python: string, args: string[]): Promise<NumpyRun | string> {
  const r = await run(python, [script, ...args]);
  if (r.ok) return JSON.parse(r.out) as NumpyRun;
  return `NumPy run failed (${python}): ${r.err.trim().split("\n").slice(-3).join(" / ")}`;
}

/** A group of workloads timed against one NumPy (or numba). */
interface Suite {
  label: string;
  /** The reference's name in the table header (default "NumPy"). */
  ref?: string;
  workloads: Workload[];
  python: string | null;
  /** Why this Python was chosen, for the header. */
  why: string;
  numpy: NumpyRun | null;
  note: string;
}

// ---- nd's backend ----
const ndInfo = nd.backend.info();
const ndBlas = ndInfo.name === "blas" ? await mappedBlas() : [];
let switchUs: number | undefined;
if (ndInfo.name === "blas") {
  // What nd-ts pays per call for selecting the TypeScript backend and restoring BLAS.
  const noop = onTs(() => 0);
  for (let i = 0; i < 100; i++) noop();
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) noop();
  switchUs = performance.now() - t0; // ms for 1000 calls = µs per call
}

// ---- NumPy ----
const py = await findPython();
const linalg = workloads.filter((w) => w.suite === "linalg");
const ufuncs = workloads.filter((w) => w.suite === "ufunc");
const sklearnIds = new Set(ML.map((w) => w.id));
const sk = workloads.filter((w) => sklearnIds.has(w.id));
const others = workloads.filter((w) =>
  w.suite !== "linalg" && w.suite !== "ufunc" && !sklearnIds.has(w.id)
);
const suites: Suite[] = [];
if (others.length) {
  suites.push({
    label: [...new Set(others.map((w) => w.suite))].join(", "),
    workloads: others,
    python: py,
    why: "the first Python with NumPy",
    numpy: null,
    note: "",
  });
}
if (linalg.length) {
  let python = py, why = "the first Python with NumPy";
  if (ndBlas.length) {
    why = `no Python's NumPy loads nd's BLAS (${ndBlas.join(", ")})`;
    for (const cand of [...new Set(["/usr/bin/python3", "python3"])]) {
      const p = await numpyRun(cand, ["--probe"]);
      if (typeof p !== "string" && (p.blas_files ?? []).some((f) => ndBlas.includes(f))) {
        python = cand;
        why = "its NumPy loads the same BLAS/LAPACK library as nd";
        break;
      }
    }
  } else {
    why = `nd has no BLAS loaded (${ndInfo.reason}); ${why}`;
  }
  suites.push({ label: "linalg", workloads: linalg, python, why, numpy: null, note: "" });
}
// Compiled ufuncs are compared with numba (bench/compare/numba_workloads.py), run by the first
// Python that imports it (Debian's python3-numba is for /usr/bin/python3).
const numbaScript = new URL("numba_workloads.py", here).pathname;
if (ufuncs.length) {
  let python: string | null = null;
  for (const cand of ["/usr/bin/python3", "python3"]) {
    if ((await run(cand, ["-c", "import numba"])).ok) {
      python = cand;
      break;
    }
  }
  const suite: Suite = {
    label: "ufunc",
    ref: "numba",
    workloads: ufuncs,
    python,
    why: "the first Python with numba",
    numpy: null,
    note: python
      ? ""
      : "No Python with numba found (tried /usr/bin/python3, python3): nd-only times.",
  };
  if (python) {
    log(`numba (${python}, ufunc) ...`);
    const ids = ufuncs.map((w) => w.id).join(",");
    const r = await run(python, [numbaScript, ...(values.quick ? ["--quick"] : []), "--only", ids]);
    if (r.ok) suite.numpy = JSON.parse(r.out) as NumpyRun;
    else {suite.note = `numba run failed (${python}): ${
        r.err.trim().split("\n").slice(-3).join(" / ")
      }`;}
  }
  suites.push(suite);
}
// The preprocessing workloads (bench/_ml.ts) are compared with scikit-learn
// (bench/compare/sklearn_workloads.py), run by the first Python that imports it (Debian's
// python3-sklearn is for /usr/bin/python3).
const sklearnScript = new URL("sklearn_workloads.py", here).pathname;
if (sk.length) {
  let python: string | null = null;
  for (const cand of ["/usr/bin/python3", "python3"]) {
    if ((await run(cand, ["-c", "import sklearn"])).ok) {
      python = cand;
      break;
    }
  }
  const suite: Suite = {
    label: "ml",
    ref: "scikit-learn",
    workloads: sk,
    python,
    why: "the first Python with scikit-learn",
    numpy: null,
    note: python
      ? ""
      : "No Python with scikit-learn found (tried /usr/bin/python3, python3): nd-only times.",
  };
  if (python) {
    log(`scikit-learn (${python}, ml) ...`);
    const ids = sk.map((w) => w.id).join(",");
    const r = await run(python, [
      sklearnScript,
      ...(values.quick ? ["--quick"] : []),
      "--only",
      ids,
    ]);
    if (r.ok) suite.numpy = JSON.parse(r.out) as NumpyRun;
    else {
      suite.note = `scikit-learn run failed (${python}): ${
        r.err.trim().split("\n").slice(-3).join(" / ")
      }`;
    }
  }
  suites.push(suite);
}
for (const s of suites) {
  if (s.numpy || s.ref) continue; // the numba and scikit-learn suites have run already
  if (!s.python) {
    s.note = "No Python with NumPy found (tried python3, /usr/bin/python3): nd-only times.";
    continue;
  }
  log(`NumPy (${s.python}, ${s.label}) ...`);
  const ids = s.workloads.map((w) => w.id).join(",");
  const r = await numpyRun(s.python, [...(values.quick ? ["--quick"] : []), "--only", ids]);
  if (typeof r === "string") s.note = r;
  else s.numpy = r;
}
const npResult = (id: string): Timing | undefined => {
  for (const s of suites) {
    const t = s.numpy?.results[id];
    if (t) return t;
  }
  return undefined;
};

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

const json: Record<string, unknown> = {};
let fails = 0, passes = 0, tsFails = 0, tsPasses = 0;

/** The Markdown rows of `ws`; with `ts`, the nd-ts columns after the ratio target. */
function tableRows(ws: Workload[], ts: boolean): string[] {
  const rows: string[] = [];
  for (const w of ws) {
    const ndMs = ms(js.nd?.[w.id]);
    const np = npResult(w.id)?.ms;
    const r = ratio(ndMs, np);
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
    const cell = (res: Result | undefined, t: number | undefined) =>
      res && "error" in res ? `n/a (${res.error})` : fmt(t);
    const note = best ? w.notes?.[best.lib] : undefined;
    const cols = [
      w.title,
      cell(js.nd?.[w.id], ndMs),
      fmt(np),
      r === undefined ? "—" : r.toFixed(2),
      w.target === undefined ? "—" : `≤ ${w.target}`,
      verdict,
    ];
    if (ts) {
      const t = ms(js["nd-ts"]?.[w.id]);
      let tsVerdict = "—";
      if (w.tsTargetMs !== undefined && t !== undefined) {
        tsVerdict = t <= w.tsTargetMs ? "pass" : "**FAIL**";
        if (t <= w.tsTargetMs) tsPasses++;
        else tsFails++;
      }
      cols.push(
        cell(js["nd-ts"]?.[w.id], t),
        w.tsTargetMs === undefined ? "—" : `≤ ${w.tsTargetMs}`,
        tsVerdict,
      );
    }
    cols.push(
      fmt(plain),
      best ? `${best.lib}${note ? ` (${note})` : ""}: ${fmt(best.ms)}` : "—",
      best && np ? (best.ms / np).toFixed(2) : "—",
    );
    rows.push(`| ${cols.join(" | ")} |`);
    json[w.id] = {
      title: w.title,
      suite: w.suite,
      target: w.target ?? null,
      tsTargetMs: w.tsTargetMs ?? null,
      nd: js.nd?.[w.id] ?? null,
      numpy: npResult(w.id) ?? null,
      ratio: r ?? null,
      libs: Object.fromEntries(
        libs.filter((l) => l !== "nd").map((l) => [l, js[l]?.[w.id] ?? null]),
      ),
    };
  }
  return rows;
}

let cpu = `${Deno.build.arch} ${Deno.build.os}`;
try {
  const info = await Deno.readTextFile("/proc/cpuinfo");
  const model = /model name\s*:\s*(.*)/.exec(info)?.[1];
  if (model) cpu = `${model}, ${navigator.hardwareConcurrency} logical CPUs`;
} catch { /* not Linux */ }
const reps = values.quick
  ? "3 warm-ups, median of 5 runs"
  : "at least 3 warm-up runs and 500 ms of them, then the median of at least 15 runs and 200 ms " +
    "(at most 1000 runs)";
const out: string[] = [];
out.push(`## nd vs NumPy (${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC)`, "");
out.push(`- Deno ${Deno.version.deno} (V8 ${Deno.version.v8}), ${cpu}`);
const numpyLine = (s: Suite): string => {
  const n = s.numpy as (NumpyRun & { numba?: string; sklearn?: string; threads?: number }) | null;
  if (!n) return `- ${s.label}: ${s.note}`;
  if (s.ref === "scikit-learn") {
    const files = n.blas_files?.length ? `, loaded ${n.blas_files.join(", ")}` : "";
    return `- ${s.label}: scikit-learn ${n.sklearn} with NumPy ${n.numpy} (Python ${n.python}, ` +
      `${n.executable}), BLAS: ${n.blas}${files}${
        n.blas_threads ? `, ${n.blas_threads} thread(s)` : ""
      }`;
  }
  if (s.ref === "numba") {
    return `- ${s.label}: numba ${n.numba} with NumPy ${n.numpy} (Python ${n.python}, ` +
      `${n.executable}), ${n.threads ?? "?"} thread(s); the expression and frompyfunc rows ` +
      `are against NumPy's`;
  }
  const files = n.blas_files?.length ? `, loaded ${n.blas_files.join(", ")}` : "";
  const threads = n.blas_threads ? `, ${n.blas_threads} thread(s)` : "";
  return `- ${s.label}: NumPy ${n.numpy} (Python ${n.python}, ${n.executable}: ${s.why}), BLAS: ${n.blas}${files}${threads}`;
};
for (const s of suites) out.push(numpyLine(s));
out.push(
  `- ${reps} (at most 10 s per workload); ${
    gcExposed
      ? "V8 garbage collected between runs, untimed, except in linear algebra (back to back: " +
        "a forced collection leaves OpenBLAS's threads cold, see bench/_workload.ts)"
      : "no GC between runs"
  }; times in ms; ratio = nd/NumPy (nd/numba for ufunc, nd/scikit-learn for ml)${
    values["no-mmap"] ? "; JS run with MALLOC_MMAP_MAX_=0 (freed memory reused, see --no-mmap)" : ""
  }`,
);
out.push(
  `- plain JS = a hand-written loop over typed arrays; other JS = fastest of ${
    OTHERS.filter((l) => libs.includes(l)).join(", ") || "(none run)"
  }`,
);
if (linalg.length) {
  out.push(
    `- linalg: nd = the ${ndInfo.name} backend (${ndInfo.reason}${
      ndBlas.length ? `; mapped ${ndBlas.join(", ")}` : ""
    }); nd-ts = nd with nd.backend.use("ts") around each call${
      switchUs === undefined
        ? ""
        : ` (switching to TS and back costs ${switchUs.toFixed(2)} µs per call)`
    }; OpenBLAS threads left at their defaults on both sides`,
  );
}
out.push("");
const HEAD = "| workload | nd | NumPy | ratio | target | met |";
const TAIL = " plain JS | best other JS | other/NumPy |";
for (const s of suites) {
  const ts = s.label === "linalg";
  if (suites.length > 1) out.push(`### ${s.label}`, "");
  const head = s.ref ? HEAD.replace("| NumPy |", `| ${s.ref} |`) : HEAD;
  out.push(
    ts
      ? `${head.replace("| nd |", `| nd (${ndInfo.name}) |`)} nd-ts | TS target | TS met |${TAIL}`
      : `${head}${TAIL.replace("other/NumPy", s.ref ? `other/${s.ref}` : "other/NumPy")}`,
    ts
      ? "|---|--:|--:|--:|--:|---|--:|--:|---|--:|---|--:|"
      : "|---|--:|--:|--:|--:|---|--:|---|--:|",
    ...tableRows(s.workloads, ts),
    "",
  );
}
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
if (tsPasses + tsFails) {
  out.push(`TypeScript-backend targets met: ${tsPasses} of ${tsPasses + tsFails}.`);
}
console.log(out.join("\n"));

if (values.json) {
  await Deno.writeTextFile(
    values.json,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        deno: Deno.version,
        cpu,
        backend: { ...ndInfo, mapped: ndBlas, switchUs: switchUs ?? null },
        numpy: Object.fromEntries(
          suites.map((
            s,
          ) => [s.label, s.numpy ? { ...s.numpy, results: undefined, why: s.why } : s.note]),
        ),
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
