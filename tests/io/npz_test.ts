import assert from "node:assert/strict";
import { unzipSync, zipSync } from "fflate";
import * as nd from "../../mod.ts";
import { assertExact, assertSameArray, type Expected, fixture, fixtureBytes } from "./_util.ts";

const manifest: Record<string, Record<string, Expected>> = JSON.parse(
  Deno.readTextFileSync(fixture("manifest.json")),
);
const archive = manifest["archive.npz"];

/** Compression method of each member (0 stored, 8 deflate), from the central directory. */
function methods(zip: Uint8Array): Record<string, number> {
  const out: Record<string, number> = {};
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let p = 0; p + 46 <= zip.length; p++) {
    if (dv.getUint32(p, true) !== 0x02014b50) continue;
    const nameLen = dv.getUint16(p + 28, true);
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLen));
    out[name] = dv.getUint16(p + 10, true);
  }
  return out;
}

Deno.test("fromNpz reads archives NumPy wrote", async (t) => {
  await t.step("np.savez with names", () => {
    const got = nd.fromNpz(fixtureBytes("archive.npz"));
    assert.deepEqual(Object.keys(got), ["a", "b", "c"]);
    for (const k of ["a", "b", "c"]) assertExact(got[k], archive[k], k);
    assert.ok(got.c.flags.fContiguous && !got.c.flags.cContiguous);
  });
  await t.step("np.savez_compressed with positional arrays", () => {
    const got = nd.fromNpz(fixtureBytes("archive_compressed.npz"));
    assert.deepEqual(Object.keys(got), ["arr_0", "arr_1", "arr_2"]);
    ["a", "b", "c"].forEach((k, i) => assertExact(got[`arr_${i}`], archive[k], k));
  });
  await t.step("members that are not arrays are skipped", () => {
    const got = nd.fromNpz(fixtureBytes("archive_extra.npz"));
    assert.deepEqual(Object.keys(got), ["x"]);
    assert.deepEqual(got.x.toArray(), [5, -5]);
    assert.equal(got.x.dtype, "int16");
  });
  await t.step("load", () => {
    const got = nd.load(fixture("archive.npz"));
    for (const k of ["a", "b", "c"]) assertExact(got[k], archive[k], k);
  });
});

Deno.test("toNpz", async (t) => {
  const a = nd.arange(6, { dtype: "float32" }).reshape([2, 3]);
  const b = nd.array([true, false]);
  await t.step("record: members are name.npy, stored, bytes of toNpy", () => {
    const z = nd.toNpz({ a, b, "with space": nd.array(1) });
    const files = unzipSync(z);
    assert.deepEqual(Object.keys(files), ["a.npy", "b.npy", "with space.npy"]);
    assert.deepEqual(files["a.npy"], nd.toNpy(a));
    assert.deepEqual(files["b.npy"], nd.toNpy(b));
    assert.deepEqual(methods(z), { "a.npy": 0, "b.npy": 0, "with space.npy": 0 });
  });
  await t.step("list: arr_0, arr_1, ...; compressed: deflate", () => {
    const z = nd.toNpz([a, b, [1, 2]], { compressed: true });
    assert.deepEqual(methods(z), { "arr_0.npy": 8, "arr_1.npy": 8, "arr_2.npy": 8 });
    const back = nd.fromNpz(z);
    assertSameArray(back.arr_0, a);
    assertSameArray(back.arr_1, b);
    assert.deepEqual(back.arr_2.toArray(), [1n, 2n]);
  });
  await t.step("the same arrays give the same bytes", () => {
    assert.deepEqual(nd.toNpz({ a }), nd.toNpz({ a }));
    assert.deepEqual(nd.toNpz({ a }, { compressed: true }), nd.toNpz({ a }, { compressed: true }));
  });
  await t.step("empty archive", () => {
    assert.deepEqual(nd.fromNpz(nd.toNpz({})), {});
    assert.deepEqual(nd.fromNpz(nd.toNpz([])), {});
  });
  await t.step("__proto__ is an ordinary name", () => {
    const rec = JSON.parse('{"__proto__": 1}');
    rec.__proto__ = a; // JSON.parse made an own property; this assigns it
    const back = nd.fromNpz(nd.toNpz(rec));
    assert.ok(Object.hasOwn(back, "__proto__"));
  });
  await t.step("views and F-order arrays", () => {
    const back = nd.fromNpz(nd.toNpz({ t: a.T, s: nd.slice(a, ":", "::-2") }));
    assertSameArray(back.t, a.T);
    assert.ok(back.t.flags.fContiguous);
    assertSameArray(back.s, nd.slice(a, ":", "::-2"));
  });
  await t.step("errors", () => {
    for (
      const [arg, what] of [
        [a, "an NDArray \\(pass \\[a\\] or \\{name: a\\}\\)"],
        [new Float64Array(2), "a typed array \\(pass \\[a\\] or \\{name: a\\}\\)"],
        [null, "null"],
        [3, "number"],
      ] as const
    ) {
      assert.throws(() => nd.toNpz(arg as unknown as nd.NpzArrays), {
        name: "TypeError",
        message: new RegExp(
          `^toNpz: expected a record of arrays or a list of arrays, got ${what}$`,
        ),
      });
    }
    assert.throws(() => nd.toNpz({ ok: [1], bad: ["x"] as unknown as nd.ArrayLike }), {
      name: "TypeError",
      message: /^toNpz: array "bad": cannot make an array element from string x$/,
    });
  });
});

Deno.test("fromNpz errors", async (t) => {
  await t.step("not a zip", () => {
    assert.throws(() => nd.fromNpz(fixtureBytes("f8.npy")), {
      name: "SyntaxError",
      message: /^fromNpz: not a valid zip archive: /,
    });
    assert.throws(() => nd.fromNpz(fixtureBytes("bad_archive.npz")), {
      name: "SyntaxError",
      message: /^fromNpz: not a valid zip archive: /,
    });
  });
  await t.step("not bytes", () => {
    assert.throws(() => nd.fromNpz("x" as unknown as Uint8Array), {
      name: "TypeError",
      message: /^fromNpz: expected a Uint8Array, got string$/,
    });
  });
  await t.step("bad member", () => {
    const z = zipSync({
      "ok.npy": nd.toNpy(nd.zeros([2])),
      "bad.npy": fixtureBytes("bad_object.npy"),
    });
    assert.throws(() => nd.fromNpz(z), {
      name: "TypeError",
      message: /^fromNpz: member "bad.npy": descr '\|O' is an object array/,
    });
    const z2 = zipSync({ "cut.npy": nd.toNpy(nd.zeros([2])).subarray(0, 130) });
    assert.throws(() => nd.fromNpz(z2), {
      name: "SyntaxError",
      message: /^fromNpz: member "cut.npy": truncated data: shape \(2,\) of float64 needs 16/,
    });
    const z3 = zipSync({ "text.npy": new TextEncoder().encode("hello") });
    assert.throws(() => nd.fromNpz(z3), {
      name: "SyntaxError",
      message: /^fromNpz: member "text.npy": the magic string is not correct/,
    });
  });
});
