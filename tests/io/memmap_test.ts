// memmap, openMemmap, load(mmapMode) and nd.io.chunks: NumPy's modes, data on disk after
// flush/close (checked by reopening and by NumPy itself), use after close, the file-backed
// fallback without the ffi permission, and every error path.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { findPython, runPython } from "./_util.ts";

const python = await findPython();
const inCI = Deno.env.get("CI") === "true";
const root = new URL("../../", import.meta.url).pathname;

function tmp(suffix = ".dat"): string {
  return Deno.makeTempFileSync({ prefix: "nd_memmap_", suffix });
}
function f64file(values: number[]): string {
  const p = tmp();
  Deno.writeFileSync(p, new Uint8Array(Float64Array.from(values).buffer));
  return p;
}
const fileF64 = (p: string): number[] => Array.from(new Float64Array(Deno.readFileSync(p).buffer));

Deno.test("memmap modes", async (t) => {
  await t.step(`this process maps with ${nd.io.mapInfo().backing}`, () => {
    // The test task runs with -A: the kernel mapping is the one under test here; the
    // fallback is tested in a child process without --allow-ffi below.
    if (Deno.build.os === "linux") assert.equal(nd.io.mapInfo().backing, "mmap");
  });
  await t.step('"w+" creates the file, writes reach it on flush and close', () => {
    const p = tmp();
    const m = nd.memmap(p, { dtype: "float64", mode: "w+", shape: [3, 4] });
    assert.ok(m instanceof nd.Memmap && m instanceof nd.NDArray);
    assert.equal(Deno.statSync(p).size, 96);
    assert.deepEqual(nd.sum(m).item(), 0);
    m.setSlice([1], nd.arange(4).astype("float64"));
    m.flush();
    assert.deepEqual(fileF64(p).slice(4, 8), [0, 1, 2, 3]);
    m.set([2, 3], 9.5);
    m.close();
    assert.equal(fileF64(p)[11], 9.5);
    Deno.removeSync(p);
  });
  await t.step('"r+" reads and writes an existing file; views write through', () => {
    const p = f64file([1, 2, 3, 4, 5, 6]);
    const m = nd.memmap(p, { dtype: "float64", shape: [2, 3] }); // mode defaults to r+
    assert.equal(m.mode, "r+");
    const col = m.slice(null, 1);
    col.setSlice([], [20, 50]);
    nd.multiply(m, 2, { out: m });
    m.close();
    assert.deepEqual(fileF64(p), [2, 40, 6, 8, 100, 12]);
    Deno.removeSync(p);
  });
  await t.step('"r" is read-only and never writes', () => {
    const p = f64file([1, 2, 3]);
    const m = nd.memmap(p, { dtype: "float64", mode: "r" });
    assert.equal(m.flags.writeable, false);
    assert.throws(() => m.set([0], 5), {
      name: "TypeError",
      message: "set: assignment destination is read-only",
    });
    assert.throws(() => nd.add(m, 1, { out: m }), TypeError);
    m.data[0] = 99; // a raw write lands in private memory: no crash, no file change
    m.close();
    assert.deepEqual(fileF64(p), [1, 2, 3]);
    Deno.removeSync(p);
  });
  await t.step('"c" is copy-on-write: writable, the file keeps its data', () => {
    const p = f64file([1, 2, 3]);
    const m = nd.memmap(p, { dtype: "float64", mode: "c" });
    m.set([1], 42);
    m.flush();
    assert.equal(m.get(1), 42);
    m.close();
    assert.deepEqual(fileF64(p), [1, 2, 3]);
    Deno.removeSync(p);
  });
  await t.step("offset, default shape, Fortran order, other dtypes", () => {
    const p = tmp();
    const bytes = new Uint8Array(16 + 6 * 4);
    new Int32Array(bytes.buffer, 16).set([1, 2, 3, 4, 5, 6]);
    Deno.writeFileSync(p, bytes);
    const m = nd.memmap(p, { dtype: "int32", mode: "r", offset: 16 });
    assert.deepEqual(m.toArray(), [1, 2, 3, 4, 5, 6]);
    assert.equal(m.fileOffset, 16);
    const f = nd.memmap(p, { dtype: "int32", mode: "r", offset: 16, shape: [2, 3], order: "F" });
    assert.deepEqual(f.toArray(), [[1, 3, 5], [2, 4, 6]]);
    assert.ok(f.flags.fContiguous);
    const u8 = nd.memmap(p, { mode: "r" });
    assert.equal(u8.dtype, "uint8");
    assert.equal(u8.size, 40);
    for (const x of [m, f, u8]) x.close();
    Deno.removeSync(p);
  });
  await t.step(
    "an offset that is not a multiple of the item size reads the range into memory",
    () => {
      const p = tmp();
      Deno.writeFileSync(p, Uint8Array.from({ length: 16 }, (_, i) => i));
      const m = nd.memmap(p, { dtype: "uint16", mode: "r+", offset: 3, shape: [2] });
      assert.equal(m.backing, "file");
      assert.deepEqual(m.toArray(), [3 + 4 * 256, 5 + 6 * 256]); // little-endian, as np.memmap
      m.set([0], 0xffff);
      m.close();
      assert.deepEqual(Array.from(Deno.readFileSync(p).subarray(2, 7)), [2, 255, 255, 5, 6]);
      const aligned = nd.memmap(p, { dtype: "uint16", mode: "r", offset: 4, shape: [2] });
      assert.equal(aligned.backing, nd.io.mapInfo().backing);
      aligned.close();
      Deno.removeSync(p);
    },
  );
  await t.step('"r+" with a larger shape grows the file', () => {
    const p = f64file([7]);
    const m = nd.memmap(p, { dtype: "float64", shape: [4] });
    assert.deepEqual(m.toArray(), [7, 0, 0, 0]);
    m.close();
    assert.equal(Deno.statSync(p).size, 32);
    Deno.removeSync(p);
  });
  await t.step("complex and bool elements", () => {
    const p = tmp();
    const z = nd.memmap(p, { dtype: "complex128", mode: "w+", shape: [2] });
    z.set([1], { re: 1, im: -2 });
    z.close();
    assert.deepEqual(fileF64(p), [0, 0, 1, -2]);
    const b = nd.memmap(p, { dtype: "bool", mode: "r", shape: [4] });
    assert.deepEqual(b.toArray(), [false, false, false, false]);
    b.close();
    Deno.removeSync(p);
  });
});

Deno.test("memmap after close", async (t) => {
  const p = f64file([1, 2, 3, 4]);
  const m = nd.memmap(p, { dtype: "float64", shape: [2, 2] });
  const row = m.slice(0);
  m.close();
  await t.step("the array and views made before close throw on use", () => {
    assert.equal(m.closed, true);
    const msg = /the array's memory was released \(its memmap was closed\)/;
    assert.throws(() => m.get(0, 0), { name: "TypeError", message: msg });
    assert.throws(() => m.toArray(), { name: "TypeError", message: msg });
    assert.throws(() => m.toString(), { name: "TypeError", message: msg });
    assert.throws(() => nd.sum(m), { name: "TypeError", message: msg });
    assert.throws(() => nd.add(row, 1), { name: "TypeError", message: msg });
    assert.throws(() => row.set([0], 1), { name: "TypeError", message: msg });
    assert.throws(() => nd.copy(row), { name: "TypeError", message: msg });
    assert.equal(m.data.length, 0); // the buffer is detached: no page can be reached
  });
  await t.step("a closed memmap as the destination of a write throws, whatever writes", () => {
    const q = tmp();
    const dst = nd.memmap(q, { dtype: "float64", mode: "w+", shape: [2, 2] });
    const vec = nd.memmap(q, { dtype: "float64", mode: "r+", shape: [2] });
    dst.close();
    vec.close();
    const one = nd.ones([2, 2]);
    const first = nd.kernel((x, o) => {
      o.data[o.off] = x.data[x.off];
    }, { signature: "(n)->()" });
    const writes: [string, () => unknown][] = [
      ["add", () => nd.add(one, 1, { out: dst })],
      ["sin", () => nd.sin(one, { out: dst })],
      ["ufunc anonymous", () => nd.ufunc((x: number) => x + 1)(one, { out: dst })],
      ["add.accumulate", () => nd.add.accumulate(one, { axis: 0, out: dst } as never)],
      ["concatenate", () => nd.concatenate([nd.ones([1, 2]), nd.ones([1, 2])], { out: dst })],
      ["random", () => nd.random.defaultRng(0).random({ out: dst })],
      ["matmul", () => nd.matmul(one, one, { out: dst })],
      ["setSlice", () => nd.setSlice(dst, [0], 1)],
      ["put", () => nd.put(dst, [0], [1])],
      ["shuffle", () => nd.random.defaultRng(0).shuffle(dst)],
      ["add.at", () => nd.add.at(dst, [0], 1)],
      ["kernel anonymous", () => first(one, { out: vec })],
    ];
    for (const [where, f] of writes) {
      assert.throws(f, {
        name: "TypeError",
        message:
          `${where}: the array's memory was released (its memmap was closed): reopen the file`,
      });
    }
    Deno.removeSync(q);
  });
  await t.step("close and flush again are harmless; the file kept its data", () => {
    m.close();
    m.flush();
    assert.deepEqual(fileF64(p), [1, 2, 3, 4]);
  });
  Deno.removeSync(p);
});

Deno.test("memmap errors change nothing", async (t) => {
  const p = f64file([1, 2, 3]);
  const odd = tmp();
  Deno.writeFileSync(odd, new Uint8Array(26));
  const cases: [() => unknown, string, string | RegExp][] = [
    [
      () => nd.memmap(p, { mode: "w" as nd.MemmapMode }),
      "RangeError",
      'memmap: mode must be one of "r", "r+", "w+", "c", got "w"',
    ],
    [() => nd.memmap(p, { mode: "w+" }), "TypeError", 'memmap: mode "w+" needs a shape'],
    [
      () => nd.memmap(p, { dtype: "float64", mode: "r", shape: [4] }),
      "RangeError",
      /memmap: ".*": shape \[4\] of float64 needs 32 bytes, the file has 24/,
    ],
    [
      () => nd.memmap(odd, { dtype: "float64", mode: "r", offset: 8 }),
      "RangeError",
      /the 18 bytes after offset 8 are not a whole number of float64 elements \(8 bytes each\)/,
    ],
    [
      () => nd.memmap(p, { dtype: "float64", mode: "r", offset: 24 }),
      "RangeError",
      /no data after offset 24 in a file of 24 bytes/,
    ],
    [
      () => nd.memmap(p, { mode: "r", offset: -1 }),
      "RangeError",
      "memmap: offset must be a non-negative integer, got -1",
    ],
    [
      () => nd.memmap(p, { mode: "r", order: "K" as "C" }),
      "RangeError",
      'memmap: order must be "C" or "F", got "K"',
    ],
    [
      () => nd.memmap(p, { mode: "r", shape: [1.5] }),
      "RangeError",
      "memmap: shape entries must be non-negative integers, got [1.5]",
    ],
    [
      () => nd.memmap(p, { mode: "r", dtype: "float128" as nd.DType }),
      "TypeError",
      /memmap: unknown dtype "float128"/,
    ],
    [
      () => nd.memmap(p, { mode: "r", shape: [0] }),
      "RangeError",
      /cannot map an empty array \(shape \[0\]\)/,
    ],
    [
      () => nd.memmap(`${p}.missing`, { mode: "r" }),
      "TypeError",
      /memmap: ".*missing": cannot open the file/,
    ],
    [
      () => nd.memmap(42 as unknown as string),
      "TypeError",
      "memmap: expected a path string or URL, got number",
    ],
  ];
  for (const [f, name, message] of cases) {
    await t.step(String(message), () => assert.throws(f, { name, message }));
  }
  await t.step("the file is untouched", () => assert.deepEqual(fileF64(p), [1, 2, 3]));
  Deno.removeSync(p);
  Deno.removeSync(odd);
});

Deno.test(".npy files: openMemmap and load(mmapMode)", async (t) => {
  await t.step('openMemmap "w+" writes NumPy\'s header; nd.load and mmap read it back', () => {
    const p = tmp(".npy");
    const m = nd.openMemmap(p, { mode: "w+", dtype: "int16", shape: [2, 3], fortranOrder: true });
    m.setSlice([], [[1, 2, 3], [4, 5, 6]]);
    m.close();
    const plain = nd.load(p as `${string}.npy`);
    assert.deepEqual(plain.toArray(), [[1, 2, 3], [4, 5, 6]]);
    assert.ok(plain.flags.fContiguous);
    const r = nd.load(p as `${string}.npy`, { mmapMode: "r" }) as nd.Memmap;
    assert.ok(r instanceof nd.Memmap && r.flags.fContiguous && !r.flags.writeable);
    assert.deepEqual(r.toArray(), [[1, 2, 3], [4, 5, 6]]);
    assert.equal(r.fileOffset, 128);
    r.close();
    const rw = nd.openMemmap(p);
    rw.set([0, 0], -1);
    rw.close();
    assert.equal(nd.load(p as `${string}.npy`).get(0, 0), -1);
    Deno.removeSync(p);
  });
  await t.step("save then map, every mode", () => {
    const p = tmp(".npy");
    nd.save(p, nd.arange(6).astype("float32").reshape([3, 2]));
    const c = nd.load(p as `${string}.npy`, { mmapMode: "c" });
    c.set([0, 0], 100);
    (c as nd.Memmap).close();
    assert.equal(nd.load(p as `${string}.npy`).get(0, 0), 0);
    const rp = nd.load(p as `${string}.npy`, { mmapMode: "r+" });
    rp.set([2, 1], 100);
    (rp as nd.Memmap).close();
    assert.equal(nd.load(p as `${string}.npy`).get(2, 1), 100);
    Deno.removeSync(p);
  });
  await t.step(".npz archives ignore mmapMode, as NumPy", () => {
    const p = tmp(".npz");
    nd.savez(p, { a: nd.arange(3) });
    const z = nd.load(p as `${string}.npz`, { mmapMode: "r" });
    assert.deepEqual(z.a.toArray(), [0n, 1n, 2n]);
    Deno.removeSync(p);
  });
  await t.step("errors", () => {
    const p = tmp(".npy");
    nd.save(p, nd.arange(4).astype("float64"));
    assert.throws(() => nd.load(p as `${string}.npy`, { mmapMode: "w+" }), {
      name: "RangeError",
      message: 'load: mmapMode "w+" would create an empty file: use openMemmap(path, ' +
        '{ mode: "w+", dtype, shape })',
    });
    assert.throws(() => nd.load(p as `${string}.npy`, { mmapMode: "x" as "r" }), {
      name: "RangeError",
      message: 'load: mmapMode must be "r", "r+", "c" or null, got "x"',
    });
    assert.throws(() => nd.openMemmap(p, { mode: "r", dtype: "float32" }), {
      name: "TypeError",
      message: 'openMemmap: dtype applies only to mode "w+" (the header has it)',
    });
    assert.throws(() => nd.openMemmap(p, { mode: "w+" }), {
      name: "TypeError",
      message: 'openMemmap: mode "w+" needs a shape',
    });
    // A big-endian file cannot be mapped; NumPy-written header, '>f8'.
    const be = nd.toNpy(nd.arange(2).astype("float64"));
    be[be.indexOf(0x3c /* "<" of '<f8' */)] = 0x3e; // ">"
    Deno.writeFileSync(p, be);
    assert.throws(() => nd.load(p as `${string}.npy`, { mmapMode: "r" }), {
      name: "TypeError",
      message: /the data is >f8, in the other byte order than this machine's: it cannot be mapped/,
    });
    Deno.writeFileSync(p, new Uint8Array([1, 2, 3]));
    assert.throws(() => nd.openMemmap(p, { mode: "r" }), SyntaxError);
    Deno.removeSync(p);
    assert.throws(() => nd.openMemmap(p, { mode: "r" }), {
      name: "TypeError",
      message: new RegExp(`^openMemmap: ${escapeRe(JSON.stringify(p))}: cannot open the file: `),
    });
    assert.throws(() => nd.openMemmap(42 as unknown as string), {
      name: "TypeError",
      message: "openMemmap: expected a path string or URL, got number",
    });
  });
});

/** `s` matched literally inside a RegExp. */
function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

Deno.test({
  name: "memmap of a directory: the kernel refuses to open or map it",
  ignore: nd.io.mapInfo().backing !== "mmap",
  fn() {
    const dir = Deno.makeTempDirSync();
    Deno.writeTextFileSync(`${dir}/f`, "x"); // a non-empty directory has a non-zero size
    try {
      // O_RDWR on a directory fails (EISDIR); O_RDONLY opens it but mmap fails (ENODEV).
      const q = escapeRe(JSON.stringify(dir));
      assert.throws(() => nd.memmap(dir, { mode: "r+" }), {
        name: "Error",
        message: new RegExp(`^memmap: cannot open ${q}: errno \\d+$`),
      });
      for (const mode of ["r", "c"] as const) {
        assert.throws(() => nd.memmap(dir, { mode }), {
          name: "Error",
          message: new RegExp(`^memmap: mmap of \\d+ bytes of ${q} failed: errno \\d+$`),
        });
      }
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

Deno.test("nd.io.chunks", async (t) => {
  await t.step("views along an axis, the last one shorter", () => {
    const a = nd.arange(24).reshape([4, 6]);
    const cs = [...nd.io.chunks(a, { axis: 1, size: 4 })];
    assert.deepEqual(cs.map((c) => c.shape), [[4, 4], [4, 2]]);
    assert.ok(cs.every((c) => c.base === (a.base ?? a)));
    assert.deepEqual(cs[1].toArray()[0], [4n, 5n]);
    assert.deepEqual([...nd.io.chunks(a, { size: 10 })].map((c) => c.shape), [[4, 6]]);
    assert.deepEqual([...nd.io.chunks(nd.zeros([0, 3]), { size: 2 })], []);
  });
  await t.step("chunked statistics of a memmap equal the whole-array ones", () => {
    const p = tmp(".npy");
    const x = nd.sin(nd.arange(5000 * 7).astype("float64")).reshape([5000, 7]);
    nd.save(p, x);
    const m = nd.load(p as `${string}.npy`, { mmapMode: "r" }) as nd.Memmap;
    let n = 0;
    let s: nd.NDArray = nd.zeros([7]), s2: nd.NDArray = nd.zeros([7]);
    for (const c of nd.io.chunks(m, { size: 640 })) {
      n += c.shape[0];
      s = s.add(nd.sum(c, { axis: 0 }));
      s2 = s2.add(nd.sum(c.mul(c), { axis: 0 }));
    }
    const mean = s.div(n), std = nd.sqrt(s2.div(n).sub(mean.mul(mean)));
    nd.testing.assertAllClose(mean, nd.mean(x, { axis: 0 }), { atol: 1e-15 });
    nd.testing.assertAllClose(std, nd.std(x, { axis: 0 }), { rtol: 1e-12 });
    m.close();
    Deno.removeSync(p);
  });
  await t.step({
    name: "chunks of a memmap release their pages: resident file pages stay bounded",
    ignore: Deno.build.os !== "linux" || nd.io.mapInfo().backing !== "mmap",
    fn: () => {
      const p = tmp(".npy");
      const rows = 16384, cols = 512; // 64 MiB of float64
      const w = nd.openMemmap(p, { mode: "w+", dtype: "float64", shape: [rows, cols] });
      for (const c of nd.io.chunks(w, { size: 256 })) c.setSlice([], 1);
      w.close();
      const rssFile = (): number =>
        Number(/RssFile:\s+(\d+) kB/.exec(Deno.readTextFileSync("/proc/self/status"))![1]) * 1024;
      const m = nd.load(p as `${string}.npy`, { mmapMode: "r" }) as nd.Memmap;
      const before = rssFile();
      let total = 0, peak = 0;
      for (const c of nd.io.chunks(m, { size: 256 })) { // 1 MiB chunks
        total += nd.sum(c).item() as number;
        peak = Math.max(peak, rssFile() - before);
      }
      assert.equal(total, rows * cols);
      assert.ok(peak < 16 * 2 ** 20, `resident file pages grew by ${peak} bytes`);
      // Without release, the whole file ends up resident.
      for (const c of nd.io.chunks(m, { size: 256, release: false })) nd.sum(c);
      assert.ok(rssFile() - before > 48 * 2 ** 20);
      m.releasePages();
      assert.ok(rssFile() - before < 16 * 2 ** 20);
      assert.throws(() => m.releasePages(nd.zeros([2])), {
        name: "TypeError",
        message: "releasePages: part must be this memmap or a view of it",
      });
      m.close();
      Deno.removeSync(p);
    },
  });
  await t.step("errors", () => {
    const a = nd.zeros([3]);
    const first = (o: unknown) => nd.io.chunks(a, o as nd.ChunksOpts).next();
    assert.throws(() => first({ size: 0 }), {
      name: "RangeError",
      message: "chunks: size must be a positive integer, got 0",
    });
    assert.throws(() => first(undefined), {
      name: "TypeError",
      message: "chunks: options with a size are required, e.g. { size: 1024 }",
    });
    assert.throws(() => first({ size: 1, axis: 1 }), {
      name: "RangeError",
      message: "chunks: axis 1 is out of bounds for array of dimension 1",
    });
    assert.throws(() => first({ size: 1, release: "no" }), {
      name: "TypeError",
      message: "chunks: release must be a boolean, got string",
    });
    assert.throws(() => nd.io.chunks(nd.array(1), { size: 1 }).next(), {
      name: "TypeError",
      message: "chunks: cannot cut a 0-dimensional array",
    });
  });
});

Deno.test("memmap without the ffi permission: the file-backed fallback", async () => {
  const p = tmp();
  const script = `
import * as nd from "${root}mod.ts";
const p = ${JSON.stringify(p)};
const out = { info: nd.io.mapInfo() };
const w = nd.memmap(p, { dtype: "float64", mode: "w+", shape: [4] });
out.backing = w.backing;
w.setSlice([], [1, 2, 3, 4]);
w.flush();
out.afterFlush = Array.from(new Float64Array(Deno.readFileSync(p).buffer));
w.set([3], 40);
w.close();
out.afterClose = Array.from(new Float64Array(Deno.readFileSync(p).buffer));
try { w.get(0); out.useAfterClose = "no error"; } catch (e) { out.useAfterClose = e.message; }
const c = nd.memmap(p, { dtype: "float64", mode: "c" });
c.set([0], 99);
c.close();
const r = nd.memmap(p, { dtype: "float64", mode: "r" });
out.readBack = r.toArray();
out.readOnly = !r.flags.writeable;
console.log(JSON.stringify(out));
`;
  const file = tmp(".ts");
  Deno.writeTextFileSync(file, script);
  try {
    const res = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--no-prompt",
        "--allow-read",
        "--allow-write",
        "--config",
        `${root}deno.json`,
        file,
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(res.success, new TextDecoder().decode(res.stderr));
    const o = JSON.parse(new TextDecoder().decode(res.stdout));
    assert.equal(o.info.backing, "file");
    assert.match(o.info.reason, /the ffi permission is not granted/);
    assert.equal(o.backing, "file");
    assert.deepEqual(o.afterFlush, [1, 2, 3, 4]);
    assert.deepEqual(o.afterClose, [1, 2, 3, 40]);
    assert.match(o.useAfterClose, /the array's memory was released/);
    assert.deepEqual(o.readBack, [1, 2, 3, 40]);
    assert.equal(o.readOnly, true);
  } finally {
    Deno.removeSync(file);
    Deno.removeSync(p);
  }
});

Deno.test({
  name: "memmap files and NumPy read each other",
  ignore: python === undefined && !inCI,
}, async () => {
  assert.ok(python !== undefined, "no python3 with NumPy: required when CI=true");
  const raw = tmp(), npy = tmp(".npy"), fromNumpy = tmp(".npy"), rawNp = tmp();
  // nd writes a raw memmap and an .npy through openMemmap.
  const m = nd.memmap(raw, { dtype: "float32", mode: "w+", shape: [3, 5], order: "F" });
  m.setSlice([], nd.arange(15).reshape([3, 5]).astype("float32").mul(0.5));
  m.close();
  const o = nd.openMemmap(npy, { mode: "w+", dtype: "complex128", shape: [4] });
  o.setSlice([], [{ re: 1, im: 2 }, { re: -3, im: 0 }, 0, { re: 0, im: 0.25 }]);
  o.close();
  const out = await runPython(
    python,
    `
import json, sys
import numpy as np
raw, npy, from_numpy, raw_np = sys.argv[1:5]
a = np.memmap(raw, dtype=np.float32, mode="r", shape=(3, 5), order="F")
b = np.load(npy)
ok_a = bool(np.array_equal(a, (np.arange(15).reshape(3, 5) * 0.5).astype(np.float32)))
ok_b = bool(np.array_equal(b, np.array([1+2j, -3, 0, 0.25j])))
w = np.lib.format.open_memmap(from_numpy, mode="w+", dtype=np.int64, shape=(2, 3))
w[:] = np.arange(6).reshape(2, 3) * 7
w.flush(); del w
r = np.memmap(raw_np, dtype=np.uint16, mode="w+", shape=(4,), offset=8)
r[:] = [1, 2, 3, 65535]
r.flush(); del r
print(json.dumps({"a": ok_a, "b": ok_b}))
`,
    [raw, npy, fromNumpy, rawNp],
  );
  assert.deepEqual(JSON.parse(out), { a: true, b: true });
  const w = nd.openMemmap(fromNumpy, { mode: "r" });
  assert.deepEqual(w.toArray(), [[0n, 7n, 14n], [21n, 28n, 35n]]);
  w.close();
  const r = nd.memmap(rawNp, { dtype: "uint16", mode: "r", offset: 8 });
  assert.deepEqual(r.toArray(), [1, 2, 3, 65535]);
  r.close();
  for (const f of [raw, npy, fromNumpy, rawNp]) Deno.removeSync(f);
});
