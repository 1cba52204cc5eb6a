// Memory-efficiency workloads: summing a 1 GiB .npy through a read-only memory map (warm page
// cache), and the mean of every window of 100 over 1M values through slidingWindowView.
//
// The 1 GiB file is written once per machine to the temp directory
// (`nd_bench_mmap_1gib.npy`, NumPy uses its own `np_bench_mmap_1gib.npy`) and kept for the
// next run; delete it to reclaim the space.
import * as nd from "../mod.ts";
import { f64 } from "./_data.ts";
import { Unavailable, type Workload } from "./_workload.ts";

const GIB_ROWS = 2 ** 27; // 1 GiB of float64
const tmpdir = Deno.env.get("TMPDIR") ?? "/tmp";

/** The path of the 1 GiB float64 .npy, written (in 16 MiB chunks through a memmap) if absent. */
function bigNpy(): string {
  const path = `${tmpdir}/nd_bench_mmap_1gib.npy`;
  try {
    const m = nd.openMemmap(path, { mode: "r" });
    const ok = m.dtype === "float64" && m.size === GIB_ROWS;
    m.close();
    if (ok) return path;
  } catch {
    // absent or unreadable: write it
  }
  const out = nd.openMemmap(path, { mode: "w+", dtype: "float64", shape: [GIB_ROWS] });
  const block = f64(1 << 21, 41);
  for (const c of nd.io.chunks(out, { size: 1 << 21 })) c.setSlice([], block);
  out.close();
  return path;
}

/** The memory workloads. */
export const MEMORY: Workload[] = [
  {
    id: "mmap_sum_1g",
    title: "load a 1 GiB float64 .npy with mmapMode r and sum it, warm cache (target ≤ 350 ms)",
    suite: "memory",
    impls: {
      nd: () => {
        if (nd.io.mapInfo().backing !== "mmap") {
          throw new Unavailable(`no kernel mapping here: ${nd.io.mapInfo().reason}`);
        }
        const path = bigNpy() as `${string}.npy`;
        return () => {
          const m = nd.load(path, { mmapMode: "r" }) as nd.Memmap;
          const s = nd.sum(m).item();
          m.close();
          return s;
        };
      },
    },
    notes: {},
  },
  {
    id: "swv_mean_1m",
    title: "mean of every window of 100 over 1M float64 (slidingWindowView)",
    suite: "memory",
    target: 3,
    impls: {
      nd: () => {
        const x = new nd.NDArray("float64", f64(1_000_000, 42), [1_000_000]);
        return () => nd.mean(nd.slidingWindowView(x, 100), { axis: -1 });
      },
      js: () => {
        const x = f64(1_000_000, 42), w = 100, n = x.length - w + 1;
        return () => {
          const out = new Float64Array(n);
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < w; j++) s += x[i + j];
            out[i] = s / w;
          }
          return out;
        };
      },
    },
    notes: { js: "naive O(n·w) loop" },
  },
];
