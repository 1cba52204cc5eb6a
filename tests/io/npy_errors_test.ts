import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { fixture, fixtureBytes } from "./_util.ts";

type Want = { name: "SyntaxError" | "TypeError" | "RangeError"; message: RegExp };

// The bad fixtures NumPy wrote (or refuses to read), and what nd must throw.
const BAD: Record<string, Want> = {
  truncated_data: {
    name: "SyntaxError",
    message:
      /^fromNpy: truncated data: shape \(2, 5\) of float64 needs 80 bytes after the header, the file has 77$/,
  },
  truncated_header: {
    name: "SyntaxError",
    message:
      /^fromNpy: truncated header: its length field says 118 bytes, the file has 30 after it$/,
  },
  magic: {
    name: "SyntaxError",
    message: /^fromNpy: the magic string is not correct: expected "\\x93NUMPY", got "\\x93NUMPZ"$/,
  },
  version: {
    name: "SyntaxError",
    message: /^fromNpy: unsupported format version 4\.0: expected 1\.0, 2\.0 or 3\.0$/,
  },
  empty: {
    name: "SyntaxError",
    message: /^fromNpy: truncated file: the magic string needs 6 bytes, got 0$/,
  },
  object: {
    name: "TypeError",
    message:
      /^fromNpy: descr '\|O' is an object array: its data is pickled Python objects, which nd never unpickles$/,
  },
  unicode: {
    name: "TypeError",
    message: /^fromNpy: unsupported descr '<U3': nd has no dtype for unicode strings$/,
  },
  structured: {
    name: "TypeError",
    message:
      /^fromNpy: unsupported descr \[\('x', '<f8'\), \('y', '<i4'\)\]: structured dtypes have no nd equivalent$/,
  },
  datetime: {
    name: "TypeError",
    message: /^fromNpy: unsupported descr '>M8\[D\]': nd has no dtype for datetimes$/,
  },
  longdouble: {
    name: "TypeError",
    message: /^fromNpy: unsupported descr '<f(16|12|8)': nd has no extended-precision dtype$/,
  },
  extra_key: {
    name: "SyntaxError",
    message:
      /^fromNpy: the header does not contain the correct keys: \['descr', 'extra', 'fortran_order', 'shape'\]: expected 'descr', 'fortran_order' and 'shape'$/,
  },
  missing_key: {
    name: "SyntaxError",
    message: /^fromNpy: the header does not contain the correct keys: \['descr', 'shape'\]/,
  },
  not_dict: {
    name: "SyntaxError",
    message: /^fromNpy: the header is not a dictionary: \[\('descr', '<f8'\)\]$/,
  },
  bad_literal: {
    name: "SyntaxError",
    message:
      /^fromNpy: cannot parse the header "\{'descr': '<f8', 'fortran_order': False, 'shape': \(2,\), +\\n": unexpected end of input/,
  },
  float_shape: { name: "SyntaxError", message: /^fromNpy: shape is not valid: \(2\.0,\)$/ },
  negative_shape: { name: "SyntaxError", message: /^fromNpy: shape is not valid: \(-2,\)$/ },
  int_shape: { name: "SyntaxError", message: /^fromNpy: shape is not valid: 2$/ },
  fortran_int: { name: "SyntaxError", message: /^fromNpy: fortran_order is not a valid bool: 0$/ },
  bad_descr: {
    name: "SyntaxError",
    message: /^fromNpy: descr '<f3' is not a valid dtype descriptor$/,
  },
};

Deno.test("fromNpy rejects bad files", async (t) => {
  for (const [name, want] of Object.entries(BAD)) {
    await t.step(name, () => {
      const bytes = fixtureBytes(`bad_${name}.npy`);
      assert.throws(() => nd.fromNpy(bytes), want);
      // load names the file instead of fromNpy
      const path = fixture(`bad_${name}.npy`);
      const msg = new RegExp(
        want.message.source.replace(
          "^fromNpy:",
          `^load: ${JSON.stringify(path).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:`,
        ),
      );
      assert.throws(() => nd.load(path), { name: want.name, message: msg });
    });
  }
});

function npy(text: string, data = new Uint8Array(16), version = 1): Uint8Array {
  const h = new TextEncoder().encode(text);
  const pre = version === 1 ? 10 : 12;
  const total = Math.ceil((pre + h.length + 1) / 64) * 64;
  const out = new Uint8Array(total + data.length).fill(0x20);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  new DataView(out.buffer).setUint32(8, total - pre, true);
  out.set(h, pre);
  out[total - 1] = 0x0a;
  out.set(data, total);
  return out;
}

const HDR = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,)}";

Deno.test("fromNpy header errors", async (t) => {
  const cases: [string, Uint8Array, Want][] = [
    ["not bytes", [1, 2] as unknown as Uint8Array, {
      name: "TypeError",
      message: /^fromNpy: expected a Uint8Array, got Array$/,
    }],
    ["ArrayBuffer", new ArrayBuffer(8) as unknown as Uint8Array, {
      name: "TypeError",
      message: /^fromNpy: expected a Uint8Array, got ArrayBuffer$/,
    }],
    ["magic only", npy(HDR).subarray(0, 6), {
      name: "SyntaxError",
      message: /^fromNpy: truncated file: no version bytes after the magic string$/,
    }],
    ["short length field", npy(HDR).subarray(0, 9), {
      name: "SyntaxError",
      message:
        /^fromNpy: truncated file: the header length needs 2 bytes after the version, got 1$/,
    }],
    ["short 2.0 length field", npy(HDR, undefined, 2).subarray(0, 10), {
      name: "SyntaxError",
      message:
        /^fromNpy: truncated file: the header length needs 4 bytes after the version, got 2$/,
    }],
    ["version 1.1", Object.assign(npy(HDR), { 7: 1 }), {
      name: "SyntaxError",
      message: /^fromNpy: unsupported format version 1\.1: expected 1\.0, 2\.0 or 3\.0$/,
    }],
    [
      "3.0 header not UTF-8",
      (() => {
        const b = npy(HDR.replace("<f8", "<f8\u00ff"), undefined, 3);
        b[12 + 13] = 0xff;
        return b;
      })(),
      {
        name: "SyntaxError",
        message: /^fromNpy: the header of a version 3\.0 file is not valid UTF-8$/,
      },
    ],
    ["unknown name", npy(HDR.replace("False", "false")), {
      name: "SyntaxError",
      message: /^fromNpy: cannot parse the header .*: unsupported name "false" at character 34$/,
    }],
    ["expression", npy(HDR.replace("(2,)", "(1+1,)")), {
      name: "SyntaxError",
      message: /^fromNpy: cannot parse the header .*: expected "," or "\)" but found "\+1,\)}/,
    }],
    ["unterminated string", npy("{'descr: 1}"), {
      name: "SyntaxError",
      message: /^fromNpy: cannot parse the header .*: unterminated string at character/,
    }],
    ["missing colon", npy("{'descr' '<f8'}"), {
      name: "SyntaxError",
      message: /^fromNpy: cannot parse the header .*: expected ":" but found "'<f8'}/,
    }],
    ["leading zeros", npy(HDR.replace("(2,)", "(02,)")), {
      name: "SyntaxError",
      message: /^fromNpy: cannot parse the header .*: unsupported literal "02,\)}/,
    }],
    ["L suffix in 3.0", npy(HDR.replace("(2,)", "(2L,)"), undefined, 3), {
      name: "SyntaxError",
      message: /^fromNpy: cannot parse the header .*: unsupported literal "2L,\)}/,
    }],
    ["deep nesting", npy(HDR.replace("(2,)", "(".repeat(5000) + ")".repeat(5000))), {
      name: "SyntaxError",
      message: /^fromNpy: cannot parse the header .*\.\.\.": nesting too deep at character 149$/,
    }],
    ["trailing junk", npy(HDR + " x"), {
      name: "SyntaxError",
      message:
        /^fromNpy: cannot parse the header .*: unexpected "x {9}" after the literal at character 56$/,
    }],
    ["non-string key", npy(HDR.replace("'descr'", "1")), {
      name: "SyntaxError",
      message:
        /^fromNpy: the header does not contain the correct keys: \['fortran_order', 'shape', 1\]/,
    }],
    ["descr not a string", npy(HDR.replace("'<f8'", "8")), {
      name: "SyntaxError",
      message: /^fromNpy: descr 8 is not a valid dtype descriptor$/,
    }],
    ["shape with None", npy(HDR.replace("(2,)", "(None,)")), {
      name: "SyntaxError",
      message: /^fromNpy: shape is not valid: \(None,\)$/,
    }],
    ["shape list", npy(HDR.replace("(2,)", "[2]")), {
      name: "SyntaxError",
      message: /^fromNpy: shape is not valid: \[2\]$/,
    }],
    ["huge shape", npy(HDR.replace("(2,)", "(99999999999999999999,)")), {
      name: "SyntaxError",
      message: /^fromNpy: shape is not valid: \(99999999999999999999,\)$/,
    }],
    ["huge data", npy(HDR.replace("(2,)", "(4000000000, 4000000000)")), {
      name: "SyntaxError",
      message: /^fromNpy: truncated data: shape \(4000000000, 4000000000\) of float64 needs/,
    }],
    ["complex longdouble", npy(HDR.replace("<f8", "<c32")), {
      name: "TypeError",
      message: /^fromNpy: unsupported descr '<c32': nd has no extended-precision dtype$/,
    }],
    ["bytes", npy(HDR.replace("<f8", "|S3")), {
      name: "TypeError",
      message: /^fromNpy: unsupported descr '\|S3': nd has no dtype for byte strings$/,
    }],
    ["void", npy(HDR.replace("<f8", "|V8")), {
      name: "TypeError",
      message: /^fromNpy: unsupported descr '\|V8': nd has no dtype for raw bytes \(void\)$/,
    }],
    ["timedelta", npy(HDR.replace("<f8", "<m8[s]")), {
      name: "TypeError",
      message: /^fromNpy: unsupported descr '<m8\[s\]': nd has no dtype for timedeltas$/,
    }],
    ["bad size", npy(HDR.replace("<f8", "<i16")), {
      name: "SyntaxError",
      message: /^fromNpy: descr '<i16' is not a valid dtype descriptor$/,
    }],
    ["empty descr", npy(HDR.replace("<f8", "")), {
      name: "SyntaxError",
      message: /^fromNpy: descr '' is not a valid dtype descriptor$/,
    }],
  ];
  for (const [name, bytes, want] of cases) {
    await t.step(name, () => {
      const before = bytes instanceof Uint8Array ? bytes.slice() : undefined;
      assert.throws(() => nd.fromNpy(bytes), want);
      if (before) assert.deepEqual(bytes, before, "the input is unchanged");
    });
  }
});
