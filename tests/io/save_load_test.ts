import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { assertSameArray, fixture, fixtureBytes } from "./_util.ts";

function tempDir(): string {
  return Deno.makeTempDirSync({ prefix: "nd_io_test_" });
}

Deno.test("save and load", async (t) => {
  const dir = tempDir();
  try {
    const a = nd.arange(12, { dtype: "int16" }).reshape([3, 4]);
    await t.step("save appends .npy, writes toNpy's bytes", () => {
      nd.save(`${dir}/a`, a);
      assert.deepEqual(Deno.readFileSync(`${dir}/a.npy`), nd.toNpy(a));
      nd.save(`${dir}/b.npy`, a.T);
      assert.ok(!existsSync(`${dir}/b.npy.npy`));
      const b = nd.load(`${dir}/b.npy`);
      assertSameArray(b, a.T);
      nd.save(`${dir}/c.txt`, [1.5]);
      assert.deepEqual(nd.load(`${dir}/c.txt.npy`).toArray(), [1.5]);
    });
    await t.step("URLs", () => {
      const url = new URL(`file://${dir}/u`);
      nd.save(url, a);
      assertSameArray(nd.load(new URL(`file://${dir}/u.npy`)) as nd.NDArray, a);
      nd.savez(new URL(`file://${dir}/v.npz`), { a });
      const rec = nd.load(new URL(`file://${dir}/v.npz`)) as Record<string, nd.NDArray>;
      assertSameArray(rec.a, a);
    });
    await t.step("savez appends .npz; stored members", () => {
      nd.savez(`${dir}/z`, { a, s: nd.array(2.5) });
      const bytes = Deno.readFileSync(`${dir}/z.npz`);
      assert.deepEqual(bytes, nd.toNpz({ a, s: nd.array(2.5) }));
      const got = nd.load(`${dir}/z.npz`);
      assertSameArray(got.a, a);
      assert.equal(got.s.item(), 2.5);
      nd.savez(`${dir}/pos.npz`, [a, a.T]);
      assert.deepEqual(Object.keys(nd.load(`${dir}/pos.npz`)), ["arr_0", "arr_1"]);
    });
    await t.step("savezCompressed appends .npz; deflated members", () => {
      const big = nd.zeros([100, 100]);
      nd.savezCompressed(`${dir}/zc`, { big });
      const bytes = Deno.readFileSync(`${dir}/zc.npz`);
      assert.deepEqual(bytes, nd.toNpz({ big }, { compressed: true }));
      assert.ok(bytes.length < 1000);
      assertSameArray(nd.load(`${dir}/zc.npz`).big, big);
    });
    await t.step("the format comes from the contents", () => {
      Deno.copyFileSync(fixture("f4.npy"), `${dir}/f4.bin`);
      Deno.copyFileSync(fixture("archive.npz"), `${dir}/arch.bin`);
      const x = nd.load(`${dir}/f4.bin`);
      assert.ok(x instanceof nd.NDArray && x.dtype === "float32");
      const y = nd.load(`${dir}/arch.bin`);
      assert.ok(!(y instanceof nd.NDArray) && y.a instanceof nd.NDArray);
    });
    await t.step("empty zip archive", () => {
      nd.savez(`${dir}/empty.npz`, {});
      assert.deepEqual(nd.load(`${dir}/empty.npz`), {});
    });
    await t.step("errors", () => {
      const p = `${dir}/a.npy`;
      // Memory mapping itself is tested in memmap_test.ts; here only the refusals.
      assert.throws(() => nd.load(p, { mmapMode: "x" as "r" }), {
        name: "RangeError",
        message: 'load: mmapMode must be "r", "r+", "c" or null, got "x"',
      });
      assert.throws(() => nd.load(p, { mmapMode: "w+" }), RangeError);
      assert.equal(nd.load(p, { mmapMode: null }).size, 12);
      assert.equal(nd.load(p, { mmapMode: undefined }).size, 12);
      Deno.copyFileSync(fixture("archive.npz"), `${dir}/arch.npy`);
      assert.throws(() => nd.load(`${dir}/arch.npy`), {
        name: "TypeError",
        message: `load: "${dir}/arch.npy": the file is an .npz archive despite its .npy extension`,
      });
      Deno.copyFileSync(fixture("f8.npy"), `${dir}/single.npz`);
      assert.throws(() => nd.load(`${dir}/single.npz`), {
        name: "TypeError",
        message: `load: "${dir}/single.npz": the file is a .npy file despite its .npz extension`,
      });
      Deno.writeTextFileSync(`${dir}/text.dat`, "hello world");
      assert.throws(() => nd.load(`${dir}/text.dat`), {
        name: "SyntaxError",
        message: `load: "${dir}/text.dat": the file is neither a .npy file nor an .npz archive: ` +
          `it starts with bytes 68 65 6c 6c 6f 20 77 6f`,
      });
      Deno.writeFileSync(`${dir}/nothing.npz`, new Uint8Array());
      assert.throws(() => nd.load(`${dir}/nothing.npz`), {
        name: "SyntaxError",
        message:
          /: the file is neither a \.npy file nor an \.npz archive: it starts with nothing \(it is empty\)$/,
      });
      assert.throws(() => nd.load(`${dir}/missing.npy`), Deno.errors.NotFound);
      assert.throws(() => nd.load(42 as unknown as string), {
        name: "TypeError",
        message: "load: expected a path string or URL, got number",
      });
      for (const f of [nd.save, nd.savez, nd.savezCompressed] as const) {
        assert.throws(() => (f as (p: unknown, a: unknown) => void)(null, [1]), {
          name: "TypeError",
          message: `${f.name}: expected a path string or URL, got null`,
        });
      }
      // bad input writes nothing
      assert.throws(() => nd.save(`${dir}/never`, ["x"] as unknown as nd.ArrayLike), {
        name: "TypeError",
        message: /^save: cannot make an array element from string x$/,
      });
      assert.ok(!existsSync(`${dir}/never.npy`));
      assert.throws(() => nd.savez(`${dir}/never`, nd.zeros([2]) as unknown as nd.NpzArrays), {
        name: "TypeError",
        message: /^savez: expected a record of arrays or a list of arrays, got an NDArray/,
      });
      assert.throws(
        () => nd.savezCompressed(`${dir}/never`, { x: ["x"] as unknown as nd.ArrayLike }),
        {
          name: "TypeError",
          message: /^savezCompressed: array "x": cannot make an array element from string x$/,
        },
      );
      assert.ok(!existsSync(`${dir}/never.npz`));
    });
    await t.step("loading the committed fixtures by URL", () => {
      const bytes = fixtureBytes("i4.npy");
      const a2 = nd.load(new URL("../fixtures/io/i4.npy", import.meta.url)) as nd.NDArray;
      assertSameArray(a2, nd.fromNpy(bytes));
    });
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

function existsSync(p: string): boolean {
  try {
    Deno.statSync(p);
    return true;
  } catch {
    return false;
  }
}
