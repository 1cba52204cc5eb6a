import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import {
  assertExact,
  assertSameArray,
  decode,
  type Expected,
  fixture,
  fixtureBytes,
} from "./_util.ts";

const manifest: Record<string, Expected> = JSON.parse(
  Deno.readTextFileSync(fixture("manifest.json")),
);
const npyNames = Object.keys(manifest).filter((k) => !k.endsWith(".npz"));

function fromValues(e: Expected): nd.NDArray {
  const vals = decode(e.values, e.dtype) as nd.Scalar[];
  return nd.array(vals, { dtype: e.dtype }).reshape(e.shape);
}

function header(bytes: Uint8Array): string {
  const len = bytes[8] | (bytes[9] << 8);
  return new TextDecoder().decode(bytes.subarray(10, 10 + len));
}

/** A version 1.0 .npy file with the given header text and data. */
function npyWith(text: string, data: Uint8Array = new Uint8Array(16)): Uint8Array {
  const h = new TextEncoder().encode(text);
  const total = Math.ceil((10 + h.length + 1) / 64) * 64;
  const out = new Uint8Array(total + data.length).fill(0x20);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, (total - 10) & 0xff, (total - 10) >> 8]);
  out.set(h, 10);
  out[total - 1] = 0x0a;
  out.set(data, total);
  return out;
}

Deno.test("fromNpy reads every file NumPy wrote", async (t) => {
  assert.ok(npyNames.length >= 40, "fixtures missing: run make_fixtures.py io");
  for (const name of npyNames) {
    await t.step(name, () => {
      const e = manifest[name];
      const a = nd.fromNpy(fixtureBytes(`${name}.npy`));
      assertExact(a, e, name);
      assert.equal(a.flags.cContiguous, e.cContiguous, `${name}: cContiguous`);
      assert.equal(a.flags.fContiguous, e.fContiguous, `${name}: fContiguous`);
      assert.equal(a.flags.writeable, true);
      // load() goes through the same parser
      assertExact(nd.load(fixture(`${name}.npy`)) as nd.NDArray, e, `load ${name}`);
    });
  }
});

Deno.test("toNpy writes the bytes np.save writes", async (t) => {
  const exact = npyNames.filter((k) => manifest[k].saveExact);
  assert.ok(exact.length >= 25);
  for (const name of exact) {
    await t.step(name, () => {
      const bytes = fixtureBytes(`${name}.npy`);
      // through fromNpy: keeps Fortran order, as np.save does
      assert.deepEqual(nd.toNpy(nd.fromNpy(bytes)), bytes);
      // from values: a C-ordered array built in nd
      if (manifest[name].cContiguous) {
        assert.deepEqual(nd.toNpy(fromValues(manifest[name])), bytes);
      }
    });
  }
  await t.step("big-endian files are written back little-endian with equal values", () => {
    const a = nd.fromNpy(fixtureBytes("be_f8.npy"));
    assert.deepEqual(nd.toNpy(a), fixtureBytes("f8.npy"));
    const c = nd.fromNpy(fixtureBytes("be_c8.npy"));
    assert.deepEqual(nd.toNpy(c), fixtureBytes("c8.npy"));
  });
});

Deno.test("toNpy", async (t) => {
  await t.step("header layout: sorted keys, growth spaces, 64-byte alignment", () => {
    const b = nd.toNpy(nd.zeros([2, 3]));
    assert.equal(b.length, 128 + 48);
    assert.deepEqual([...b.subarray(0, 10)], [0x93, 78, 85, 77, 80, 89, 1, 0, 118, 0]);
    const h = header(b);
    assert.equal(h.length, 118);
    const dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
    assert.ok(h.startsWith(dict));
    assert.match(h.slice(dict.length), /^ {20,}\n$/);
    assert.match(header(nd.toNpy(nd.array(1.5))), /'shape': \(\), \} +\n$/);
    assert.match(header(nd.toNpy(nd.zeros([7]))), /'shape': \(7,\), \}/);
  });
  await t.step("descr of every dtype", () => {
    const want: Record<nd.DType, string> = {
      float64: "<f8",
      float32: "<f4",
      float16: "<f2",
      int64: "<i8",
      int32: "<i4",
      int16: "<i2",
      int8: "|i1",
      uint64: "<u8",
      uint32: "<u4",
      uint16: "<u2",
      uint8: "|u1",
      bool: "|b1",
      complex128: "<c16",
      complex64: "<c8",
    };
    for (const [d, descr] of Object.entries(want)) {
      assert.ok(
        header(nd.toNpy(nd.zeros([1], { dtype: d as nd.DType }))).startsWith(
          `{'descr': '${descr}'`,
        ),
      );
    }
  });
  await t.step("views: transposed is Fortran order, others C order", () => {
    const a = nd.arange(12, { dtype: "int32" }).reshape([3, 4]);
    assert.match(header(nd.toNpy(a.T)), /'fortran_order': True, 'shape': \(4, 3\)/);
    const cases = [
      a.T,
      nd.slice(a, "::2", "1::2"),
      nd.slice(a, "::-1", "::-1"),
      nd.slice(a, 1), // offset view
      nd.broadcastTo(nd.array([1, 2, 3, 4], { dtype: "int32" }), [3, 4]),
      nd.slice(nd.arange(8, { dtype: "complex64" }).reshape([2, 4]), ":", "1::2"),
    ];
    for (const v of cases) assertSameArray(nd.fromNpy(nd.toNpy(v)), v);
    assert.match(header(nd.toNpy(nd.slice(a, "::-1"))), /'fortran_order': False/);
    // empty arrays are C order whatever their strides (np.save(np.zeros((2, 0, 3)).T))
    assert.match(
      header(nd.toNpy(nd.zeros([2, 0, 3]).T)),
      /'fortran_order': False, 'shape': \(3, 0, 2\)/,
    );
  });
  await t.step("accepts nested JS arrays and scalars", () => {
    const b = nd.fromNpy(nd.toNpy([[1, 2], [3, 4]]));
    assert.equal(b.dtype, "int64");
    assert.deepEqual(b.toArray(), [[1n, 2n], [3n, 4n]]);
    assert.equal(nd.fromNpy(nd.toNpy(true)).toArray(), true);
  });
  await t.step("version option", () => {
    const a = nd.arange(6).reshape([2, 3]);
    assert.deepEqual(
      nd.toNpy(nd.fromNpy(fixtureBytes("v2_f8.npy")), { version: [2, 0] }),
      fixtureBytes("v2_f8.npy"),
    );
    const v3 = nd.toNpy(nd.fromNpy(fixtureBytes("v3_i4.npy")), { version: [3, 0] });
    assert.deepEqual(v3, fixtureBytes("v3_i4.npy"));
    assert.deepEqual(nd.toNpy(a, { version: [1, 0] }), nd.toNpy(a));
  });
  await t.step("errors", () => {
    assert.throws(() => nd.toNpy(nd.zeros([2]), { version: [4, 0] }), {
      name: "RangeError",
      message: "toNpy: version [4,0] is not supported: expected [1, 0], [2, 0] or [3, 0]",
    });
    assert.throws(() => nd.toNpy(nd.zeros([2]), { version: [1, 1] }), {
      name: "RangeError",
      message: /^toNpy: version \[1,1\] is not supported/,
    });
    assert.throws(() => nd.toNpy("abc" as unknown as nd.ArrayLike), {
      name: "TypeError",
      message: /^toNpy: cannot make an array element from string abc/,
    });
  });
});

Deno.test("fromNpy memory", async (t) => {
  await t.step("zero-copy view of aligned bytes, writes show through", () => {
    const bytes = nd.toNpy(nd.arange(4, { dtype: "float64" }));
    const a = nd.fromNpy(bytes);
    assert.equal(a.data.buffer, bytes.buffer);
    a.set([0], 9);
    assert.equal(nd.fromNpy(bytes).get(0), 9);
  });
  await t.step("SharedArrayBuffer", () => {
    const src = nd.toNpy(nd.arange(5, { dtype: "int16" }).reshape([5, 1]));
    const sab = new SharedArrayBuffer(src.length);
    const bytes = new Uint8Array(sab);
    bytes.set(src);
    const a = nd.fromNpy(bytes);
    assert.equal(a.data.buffer, sab);
    assert.deepEqual(a.toArray(), [[0], [1], [2], [3], [4]]);
    const sab2 = new SharedArrayBuffer(src.length + 1);
    const off = new Uint8Array(sab2, 1);
    off.set(src);
    const b = nd.fromNpy(off); // misaligned: a copy
    assert.notEqual(b.data.buffer, sab2);
    assert.deepEqual(b.toArray(), [[0], [1], [2], [3], [4]]);
  });
  await t.step("misaligned bytes are copied", () => {
    const src = nd.toNpy(nd.array([1.5, -2, 3], { dtype: "complex128" }));
    for (const off of [1, 4, 8]) {
      const buf = new Uint8Array(src.length + off);
      buf.set(src, off);
      const a = nd.fromNpy(buf.subarray(off));
      assert.equal(a.data.buffer === buf.buffer, off % 8 === 0, `offset ${off}`);
      assert.deepEqual(a.toArray(), [{ re: 1.5, im: 0 }, { re: -2, im: 0 }, { re: 3, im: 0 }]);
    }
  });
  await t.step("Fortran-order files are F-contiguous views", () => {
    const bytes = fixtureBytes("fortran_f8.npy");
    const a = nd.fromNpy(bytes);
    assert.equal(a.data.buffer, bytes.buffer);
    assert.deepEqual([...a.strides], [1, 2, 6]);
    assert.equal(a.get(1, 2, 3), 23);
  });
  await t.step("big-endian data is swapped into a copy, the input is untouched", () => {
    const bytes = fixtureBytes("be_i4.npy");
    const before = bytes.slice();
    const a = nd.fromNpy(bytes);
    assert.notEqual(a.data.buffer, bytes.buffer);
    assert.deepEqual(bytes, before);
    assert.deepEqual(a.toArray(), [[0, -1, 2147483647], [-2147483648, 42, 2147483646]]);
  });
  await t.step("bool bytes other than 0/1 become true", () => {
    const bytes = npyWith(
      "{'descr': '|b1', 'fortran_order': False, 'shape': (4,), }",
      new Uint8Array([0, 1, 2, 255]),
    );
    const a = nd.fromNpy(bytes);
    assert.deepEqual(a.toArray(), [false, true, true, true]);
    assert.deepEqual([...a.data], [0, 1, 1, 1]);
    assert.deepEqual([...bytes.subarray(-4)], [0, 1, 2, 255]);
  });
});

Deno.test("fromNpy header parsing", async (t) => {
  const data = new Uint8Array(new Float64Array([1, 2, 3, 4]).buffer);
  const ok = (text: string): nd.NDArray => nd.fromNpy(npyWith(text, data));
  await t.step("Python literal variants", () => {
    assert.deepEqual(ok(`{"descr":"<f8","fortran_order":False,"shape":(2,)}`).toArray(), [1, 2]);
    assert.deepEqual(ok(`{'shape': (1, 2), 'descr': u'<f8', 'fortran_order': True, }`).toArray(), [[
      1,
      2,
    ]]);
    assert.deepEqual(ok(`{'descr': 'f8', 'fortran_order': False, 'shape': (2L,)}`).toArray(), [
      1,
      2,
    ]);
    assert.deepEqual(
      ok(`{'descr': '\\x3cf8', 'fortran_order': False, 'shape': ((2),)}`).toArray(),
      [1, 2],
    );
    assert.deepEqual(
      ok("{\n 'descr' : 'float64' ,\n\t'fortran_order' : False , 'shape' : ( 2 , ) }").toArray(),
      [1, 2],
    );
    // a repeated key: the last one wins, as in Python
    assert.equal(
      ok(`{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'descr': '<i8'}`).dtype,
      "int64",
    );
  });
  await t.step("byte orders and type codes", () => {
    const cases: [string, nd.DType][] = [
      ["=f8", "float64"],
      ["|f8", "float64"],
      ["d", "float64"],
      ["<d", "float64"],
      ["<i8", "int64"],
      ["l", "int64"],
      ["q", "int64"],
      ["<u8", "uint64"],
      ["Q", "uint64"],
      ["<c16", "complex128"],
      ["D", "complex128"],
    ];
    for (const [descr, dtype] of cases) {
      assert.equal(
        ok(`{'descr': '${descr}', 'fortran_order': False, 'shape': (2,)}`).dtype,
        dtype,
        descr,
      );
    }
    const one = new Uint8Array([1, 0, 1, 0]);
    for (
      const [descr, dtype] of [[">i1", "int8"], ["<u1", "uint8"], ["?", "bool"], ["<b1", "bool"], [
        "b",
        "int8",
      ], ["B", "uint8"]]
    ) {
      const a = nd.fromNpy(
        npyWith(`{'descr': '${descr}', 'fortran_order': False, 'shape': (4,)}`, one),
      );
      assert.equal(a.dtype, dtype, descr);
    }
    const be = nd.fromNpy(
      npyWith(
        `{'descr': '>f2', 'fortran_order': False, 'shape': (2,)}`,
        new Uint8Array([0x3c, 0, 0xc0, 0]),
      ),
    );
    assert.deepEqual(be.toArray(), [1, -2]);
  });
});
