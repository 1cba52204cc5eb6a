// A Dataset over a memmap runs in bounded memory: elements are views, a batch copies only its
// rows, and the pages behind the read position are released. Measured with the process's
// resident file pages (RssFile) and its anonymous memory (RssAnon: batches, garbage not yet
// collected), over a 512 MiB file: both stay well under the file's size (measured here:
// +1 to 5 MiB of file pages and +55 MiB of anonymous memory, for 256 MiB and 1 GiB files alike).
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import * as data from "../../src/data/mod.ts";

const MiB = 2 ** 20;

function status(field: "RssFile" | "RssAnon"): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(Deno.readTextFileSync("/proc/self/status"));
  return Number(m![1]) * 1024;
}

Deno.test({
  name: "data over a memmap: bounded resident memory, correct rows",
  ignore: Deno.build.os !== "linux" || nd.io.mapInfo().backing !== "mmap",
  fn: async (t) => {
    const rows = 524288, cols = 128; // 512 MiB of float64, row r filled with r
    const path = Deno.makeTempFileSync({ suffix: ".npy" });
    const w = nd.openMemmap(path, { mode: "w+", dtype: "float64", shape: [rows, cols] });
    let r0 = 0;
    for (const c of nd.io.chunks(w, { size: 4096 })) {
      c.setSlice([], nd.arange(r0, r0 + c.shape[0], { dtype: "float64" }).reshape([-1, 1]));
      r0 += c.shape[0];
    }
    w.close();
    const m = nd.load(path as `${string}.npy`, { mmapMode: "r" }) as nd.Memmap;
    const labels = nd.arange(rows);
    const expectedSum = cols * rows * (rows - 1) / 2;
    try {
      for (const shuffled of [false, true]) {
        await t.step(shuffled ? "shuffled, batched" : "in order, batched", () => {
          let ds = data.Dataset.fromTensorSlices([m, labels]);
          if (shuffled) ds = ds.shuffle(4096, { seed: 0 });
          const file0 = status("RssFile"), anon0 = status("RssAnon");
          let peakFile = 0, peakAnon = 0, sum = 0, n = 0, k = 0, mismatches = 0;
          for (const [xb, yb] of ds.batch(512)) {
            // Every row holds its own index: the gathered rows match their labels.
            const x = xb.data as Float64Array, y = yb.data as BigInt64Array;
            for (let i = 0; i < y.length; i++) if (x[i * cols] !== Number(y[i])) mismatches++;
            sum += nd.sum(xb).item() as number;
            n += xb.shape[0];
            if (++k % 32 === 0) {
              peakFile = Math.max(peakFile, status("RssFile") - file0);
              peakAnon = Math.max(peakAnon, status("RssAnon") - anon0);
            }
          }
          assert.equal(mismatches, 0);
          assert.equal(n, rows);
          assert.equal(sum, expectedSum);
          assert.ok(peakFile < 48 * MiB, `resident file pages grew by ${peakFile / MiB} MiB`);
          assert.ok(peakAnon < 160 * MiB, `anonymous memory grew by ${peakAnon / MiB} MiB`);
        });
      }
      await t.step(
        "views of the memmap, a cache of rows, and async iteration stay bounded",
        async () => {
          const ds = data.Dataset.fromTensorSlices(m.slice("::2")).cache().batch(1024);
          const file0 = status("RssFile");
          let peak = 0, n = 0;
          for (let epoch = 0; epoch < 2; epoch++) {
            for await (const b of ds) {
              n += b.shape[0];
              peak = Math.max(peak, status("RssFile") - file0);
            }
          }
          assert.equal(n, rows);
          assert.ok(peak < 48 * MiB, `resident file pages grew by ${peak / MiB} MiB`);
        },
      );
    } finally {
      m.close();
      Deno.removeSync(path);
    }
  },
});
