// Round trips through the real NumPy: nd writes, NumPy reads (and the other way round).
// Needs a python3 with NumPy; without one the tests are skipped, except in CI (CI=true)
// where they fail.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { DTYPE_NAMES } from "../../src/core/dtype.ts";
import { assertExact, encode, encodeJSON, type Expected, findPython, runPython } from "./_util.ts";

const python = await findPython();
const inCI = Deno.env.get("CI") === "true";
const ignore = python === undefined && !inCI;

function needPython(): string {
  if (python === undefined) {
    assert.fail("no python3 with NumPy found (python3, /usr/bin/python3): required when CI=true");
  }
  return python;
}

// Reads every file listed in the JSON manifest argv[1] with np.load and reports, per array,
// whether dtype, shape and values (NaN equal, signs of zeros equal) match, and the flags.
const CHECK = `
import json, sys, zipfile
import numpy as np

def dec(v):
    if isinstance(v, list):
        return complex(dec(v[0]), dec(v[1]))
    if isinstance(v, str):
        return float(v) if v in ("nan", "inf", "-inf") else int(v)
    return v

def check(a, e):
    exp = np.array([dec(v) for v in e["values"]], dtype=e["dtype"]).reshape(e["shape"])
    ok = a.dtype == exp.dtype and a.shape == exp.shape
    if ok:
        inexact = a.dtype.kind in "fc"
        ok = bool(np.array_equal(a, exp, equal_nan=inexact))
        if ok and inexact:
            ok = bool(np.array_equal(np.signbit(a.real), np.signbit(exp.real))
                      and np.array_equal(np.signbit(a.imag), np.signbit(exp.imag)))
    return {"ok": ok, "dtype": str(a.dtype), "shape": list(a.shape),
            "c": bool(a.flags.c_contiguous), "f": bool(a.flags.f_contiguous),
            "w": bool(a.flags.writeable)}

spec = json.load(open(sys.argv[1]))
out = {}
for name, e in spec["npy"].items():
    out[name] = check(np.load(e["path"]), e)
for name, e in spec["npz"].items():
    with np.load(e["path"]) as z:
        out[name] = {"files": sorted(z.files),
                     "arrays": {k: check(z[k], v) for k, v in e["arrays"].items()}}
    with zipfile.ZipFile(e["path"]) as zf:
        out[name]["methods"] = sorted({i.compress_type for i in zf.infolist()})
print(json.dumps(out))
`;

function special(dtype: nd.DType): nd.NDArray {
  switch (dtype) {
    case "float64":
    case "float32":
    case "float16":
      return nd.array([0, -0, 1.5, -2.25, NaN, Infinity, -Infinity, 65504, 1e-7, Math.PI], {
        dtype,
      }).reshape([2, 5]);
    case "complex128":
    case "complex64":
      return nd.array([
        { re: 1, im: 2 },
        { re: -0, im: -1.5 },
        { re: NaN, im: 1 },
        { re: Infinity, im: -Infinity },
      ], { dtype }).reshape([2, 2]);
    case "bool":
      return nd.array([[true, false, true], [false, false, true]]);
    case "int64":
      return nd.array([-(2n ** 63n), 2n ** 63n - 1n, 0n, -1n], { dtype });
    case "uint64":
      return nd.array([0n, 2n ** 64n - 1n, 1n, 2n ** 53n + 1n], { dtype });
    default: {
      const bits = Number(dtype.replace(/\D/g, ""));
      const signed = dtype.startsWith("int");
      const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
      const min = signed ? -(2 ** (bits - 1)) : 0;
      return nd.array([[min, max, 0], [1, 42, max - 1]], { dtype });
    }
  }
}

Deno.test({
  name: "NumPy reads exactly what nd writes",
  ignore,
  fn: async (t) => {
    const py = needPython();
    const dir = Deno.makeTempDirSync({ prefix: "nd_io_np_" });
    try {
      const npy: Record<string, Expected & { path: string; fortran: boolean }> = {};
      const put = (name: string, a: nd.NDArray): void => {
        const path = `${dir}/${name}.npy`;
        nd.save(path, a);
        const fortran = !a.flags.cContiguous && a.flags.fContiguous;
        npy[name] = { path, fortran, dtype: a.dtype, shape: [...a.shape], values: encode(a) };
      };
      const dtypes = DTYPE_NAMES;
      for (const d of dtypes) {
        put(d, special(d));
        put(`${d}_0d`, nd.slice(special(d).reshape([-1]), 1));
        put(`${d}_empty`, nd.zeros([0, 3], { dtype: d }));
        put(`${d}_T`, special(d).reshape([2, -1]).T);
      }
      const m = nd.arange(60, { dtype: "float64" }).reshape([3, 4, 5]);
      put("strided", nd.slice(m, "::2", "1::2", "::-1"));
      put("transpose3", nd.transpose(m, [2, 0, 1]));
      put("broadcast", nd.broadcastTo(nd.array([1, 2, 3], { dtype: "int32" }), [4, 3]));
      put("big", nd.arange(300000, { dtype: "float64" }).reshape([600, 500]).T);
      const npz = {
        stored: {
          path: `${dir}/stored.npz`,
          arrays: { a: special("float32"), b: special("uint64"), t: special("int8").T },
          compressed: false,
        },
        compressed: {
          path: `${dir}/compressed.npz`,
          arrays: { arr_0: special("complex64"), arr_1: nd.array(7) },
          compressed: true,
        },
      };
      nd.savez(npz.stored.path, npz.stored.arrays);
      nd.savezCompressed(npz.compressed.path, [
        npz.compressed.arrays.arr_0,
        npz.compressed.arrays.arr_1,
      ]);
      const spec = {
        npy,
        npz: Object.fromEntries(
          Object.entries(npz).map(([k, v]) => [k, {
            path: v.path,
            arrays: Object.fromEntries(
              Object.entries(v.arrays).map(([n, a]) => [n, {
                dtype: a.dtype,
                shape: [...a.shape],
                values: encode(a),
              }]),
            ),
          }]),
        ),
      };
      Deno.writeTextFileSync(`${dir}/spec.json`, encodeJSON(spec));
      const res = JSON.parse(await runPython(py, CHECK, [`${dir}/spec.json`]));
      for (const [name, e] of Object.entries(npy)) {
        await t.step(name, () => {
          const r = res[name];
          assert.ok(r.ok, `${name}: NumPy read ${r.dtype} ${JSON.stringify(r.shape)}, not equal`);
          assert.equal(r.dtype, e.dtype);
          const size = e.shape.reduce((p, q) => p * q, 1);
          if (size > 1 && e.shape.filter((s) => s > 1).length > 1) {
            assert.deepEqual([r.c, r.f], e.fortran ? [false, true] : [true, false], "flags");
          } else {
            assert.equal(r.c, true);
          }
          assert.equal(r.w, true);
        });
      }
      for (const [name, v] of Object.entries(npz)) {
        await t.step(`${name}.npz`, () => {
          const r = res[name];
          assert.deepEqual(r.files, Object.keys(v.arrays).sort());
          for (const k of Object.keys(v.arrays)) assert.ok(r.arrays[k].ok, `${name}/${k}`);
          assert.deepEqual(r.methods, [v.compressed ? 8 : 0]);
        });
      }
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  },
});

// NumPy writes arrays from a seeded generator (every dtype, C and F order, both byte
// orders, versions 1.0 to 3.0) and lists their values; nd must read them exactly.
const WRITE = `
import json, sys
import numpy as np
d = sys.argv[1]
rng = np.random.default_rng(1234)
def enc(v):
    if isinstance(v, complex):
        return [enc(v.real), enc(v.imag)]
    if isinstance(v, float):
        return v if np.isfinite(v) else str(v)
    return v
names = {"f8": "float64", "f4": "float32", "f2": "float16", "i8": "int64", "i4": "int32",
         "i2": "int16", "i1": "int8", "u8": "uint64", "u4": "uint32", "u2": "uint16",
         "u1": "uint8", "b1": "bool", "c16": "complex128", "c8": "complex64"}
out = {}
for code, name in names.items():
    shape = tuple(int(s) for s in rng.integers(0, 5, size=rng.integers(0, 4)))
    n = int(np.prod(shape))
    if code[0] in "iu":
        info = np.iinfo(code)
        a = rng.integers(info.min, info.max, size=n, dtype=code, endpoint=True)
    elif code == "b1":
        a = rng.random(n) < 0.5
    elif code[0] == "c":
        a = (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(code)
    else:
        a = (rng.standard_normal(n) * 1000).astype(code)
    a = a.reshape(shape)
    for variant in ["c", "f", "be", "v2", "v3"]:
        b = a
        if variant == "f":
            b = np.asfortranarray(a)
        if variant == "be":
            b = a.astype(a.dtype.newbyteorder(">"))
        path = f"{d}/{code}_{variant}.npy"
        with open(path, "wb") as f:
            version = {"v2": (2, 0), "v3": (3, 0)}.get(variant)
            np.lib.format.write_array(f, b, version=version)
        vals = a.reshape(-1).tolist()
        out[f"{code}_{variant}"] = {
            "path": path, "dtype": name, "shape": list(b.shape),  # asfortranarray makes 0-d 1-d
            "fContiguous": bool(np.load(path).flags.f_contiguous),
            "values": [str(v) if code in ("i8", "u8") else enc(v) for v in vals],
        }
print(json.dumps(out))
`;

Deno.test({
  name: "nd reads exactly what NumPy writes",
  ignore,
  fn: async (t) => {
    const py = needPython();
    const dir = Deno.makeTempDirSync({ prefix: "nd_io_np_" });
    try {
      const files: Record<string, Expected & { path: string }> = JSON.parse(
        await runPython(py, WRITE, [dir]),
      );
      assert.equal(Object.keys(files).length, 70);
      for (const [name, e] of Object.entries(files)) {
        await t.step(name, () => {
          const a = nd.load(e.path) as nd.NDArray;
          assertExact(a, e, name);
          assert.equal(a.flags.fContiguous || a.size === 0, e.fContiguous || a.size === 0);
        });
      }
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  },
});
