// `deno task bench:ooc`: out-of-core statistics through a memmap, in bounded memory.
//
//   /usr/bin/time -v deno task bench:ooc [--gib 2] [--cols 16] [--chunk-mib 4] [--dir /tmp]
//
// Writes a float64 .npy of --gib GiB (rows × --cols) chunk by chunk through
// `openMemmap(..., { mode: "w+" })`, then computes the mean and standard deviation of every
// column by reading it back through `load(path, { mmapMode: "r" })` in chunks (Chan et al.'s
// pairwise combination of per-chunk means and squared deviations), checks them against the
// known values, and prints both times and this process's peak resident set size (VmHWM).
// `nd.io.chunks` releases each chunk's pages once the next is asked for, so memory stays near
// one chunk however large the file. Needs the ffi permission for the kernel mapping (the
// file-backed fallback would read the whole file into memory).
import { parseArgs } from "node:util";
import * as nd from "../mod.ts";

const { values } = parseArgs({
  args: Deno.args,
  options: {
    gib: { type: "string", default: "2" },
    cols: { type: "string", default: "16" },
    "chunk-mib": { type: "string", default: "4" },
    dir: { type: "string", default: Deno.env.get("TMPDIR") ?? "/tmp" },
  },
});
const cols = Number(values.cols);
const rows = Math.floor((Number(values.gib) * 2 ** 30) / (8 * cols));
const chunkRows = Math.max(1, Math.floor((Number(values["chunk-mib"]) * 2 ** 20) / (8 * cols)));
const path = `${values.dir}/nd_out_of_core_${Deno.pid}.npy`;
const info = nd.io.mapInfo();
console.log(`backing: ${info.backing} (${info.reason})`);
console.log(
  `file: ${rows.toLocaleString("en")} × ${cols} float64 = ${
    ((rows * cols * 8) / 2 ** 30).toFixed(2)
  } GiB, chunks of ${chunkRows.toLocaleString("en")} rows`,
);

// Column j holds j + sin(row / 1000 + j): its mean and std are known in closed form below.
// Scratch arrays are reused through `out`, as in NumPy out-of-core code: each chunk then
// allocates almost nothing, and memory stays flat.
const colShift = nd.arange(cols).astype("float64");
const scratch = nd.empty([chunkRows, cols]);
const rowIndex = nd.arange(chunkRows).astype("float64").reshape([-1, 1]);
const rowScratch = nd.empty([chunkRows, 1]);
function fill(c: nd.NDArray, start: number): void {
  const k = c.shape[0];
  // r = (start + i) / 1000 for the chunk's rows, computed into reused arrays: a chunk loop that
  // allocates a few arrays per chunk leaves hundreds of MB of garbage between collections.
  const r = rowScratch.slice(`0:${k}`);
  nd.add(rowIndex.slice(`0:${k}`), start, { out: r });
  nd.divide(r, 1000, { out: r });
  const tmp = scratch.slice(`0:${k}`);
  nd.add(r, colShift, { out: tmp });
  nd.sin(tmp, { out: tmp });
  nd.add(tmp, colShift, { out: c });
}

try {
  let t = performance.now();
  const out = nd.openMemmap(path, { mode: "w+", dtype: "float64", shape: [rows, cols] });
  let start = 0;
  for (const c of nd.io.chunks(out, { size: chunkRows })) {
    fill(c, start);
    start += c.shape[0];
  }
  out.close();
  const writeS = (performance.now() - t) / 1000;
  const hwmWrite =
    Number(/VmHWM:\s+(\d+) kB/.exec(Deno.readTextFileSync("/proc/self/status"))?.[1] ?? NaN) / 1024;

  t = performance.now();
  const m = nd.load(path as `${string}.npy`, { mmapMode: "r" }) as nd.Memmap;
  let n = 0, mean: nd.NDArray = nd.zeros([cols]), m2: nd.NDArray = nd.zeros([cols]);
  for (const c of nd.io.chunks(m, { size: chunkRows })) {
    const k = c.shape[0];
    const cm = nd.mean(c, { axis: 0 });
    const dev = scratch.slice(`0:${k}`);
    nd.subtract(c, cm, { out: dev });
    nd.square(dev, { out: dev });
    const cm2 = nd.sum(dev, { axis: 0 });
    const delta = cm.sub(mean), tot = n + k;
    mean = mean.add(delta.mul(k / tot));
    m2 = m2.add(cm2).add(delta.mul(delta).mul((n * k) / tot));
    n = tot;
  }
  const std = nd.sqrt(m2.div(n));
  m.close();
  const readS = (performance.now() - t) / 1000;

  // The exact values, from the closed forms of Σ sin(a + i·d) and Σ sin²(a + i·d).
  const d = 1 / 1000, N = rows;
  for (let j = 0; j < cols; j++) {
    const s1 = Math.sin(N * d / 2) * Math.sin(j + (N - 1) * d / 2) / Math.sin(d / 2);
    const c2 = Math.sin(N * d) * Math.cos(2 * j + (N - 1) * d) / Math.sin(d);
    const eSin = s1 / N, eSin2 = (N / 2 - c2 / 2) / N;
    const wantMean = j + eSin, wantStd = Math.sqrt(eSin2 - eSin * eSin);
    const gotMean = mean.get(j) as number, gotStd = std.get(j) as number;
    if (
      n !== rows || !(Math.abs(gotMean - wantMean) < 1e-9) || !(Math.abs(gotStd - wantStd) < 1e-9)
    ) {
      throw new Error(
        `column ${j}: mean ${gotMean} (want ${wantMean}), std ${gotStd} (want ${wantStd})`,
      );
    }
  }
  const status = Deno.readTextFileSync("/proc/self/status");
  const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
  console.log(
    `write through openMemmap: ${writeS.toFixed(2)} s (peak RSS so far ${hwmWrite.toFixed(0)} MiB)`,
  );
  console.log(`per-column mean and std through a read-only memmap: ${readS.toFixed(2)} s`);
  console.log(`mean[0..3] ${mean.slice("0:3").toString()}, std[0..3] ${std.slice("0:3")}`);
  console.log(`peak RSS of this process (VmHWM): ${hwm.toFixed(0)} MiB`);
} finally {
  try {
    Deno.removeSync(path);
  } catch {
    // never created
  }
}
