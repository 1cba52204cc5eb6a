import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import {
  array2string,
  type Array2StringOpts,
  formatFloatPositional,
  formatFloatScientific,
  type FormatPositionalOpts,
  type FormatScientificOpts,
} from "../../src/core/print.ts";
import fixture from "../fixtures/print/repr_cases.json" with { type: "json" };
import floatFixture from "../fixtures/print/format_float.json" with { type: "json" };

interface Case {
  name: string;
  dtype: nd.DType;
  shape: number[];
  data: (string | boolean | string[])[];
  op?: "T" | "rev" | "step";
  opts?: Array2StringOpts;
  repr: string;
}

function num(s: string): number {
  return s === "nan" ? NaN : s === "inf" ? Infinity : s === "-inf" ? -Infinity : Number(s);
}

const CTORS = {
  float64: Float64Array,
  float32: Float32Array,
  float16: Float16Array,
  int32: Int32Array,
  int16: Int16Array,
  int8: Int8Array,
  uint32: Uint32Array,
  uint16: Uint16Array,
  uint8: Uint8Array,
} as const;

/** Rebuilds a fixture array straight from its typed buffer (no dtype inference involved). */
function build(c: Case): nd.NDArray {
  const d = c.dtype;
  let data: nd.TypedArray;
  if (d === "int64") data = BigInt64Array.from(c.data as string[], (s) => BigInt(s));
  else if (d === "uint64") data = BigUint64Array.from(c.data as string[], (s) => BigInt(s));
  else if (d === "bool") data = Uint8Array.from(c.data as boolean[], (b) => (b ? 1 : 0));
  else if (d === "complex128" || d === "complex64") {
    const flat = (c.data as string[][]).flatMap(([re, im]) => [num(re), num(im)]);
    data = d === "complex128" ? Float64Array.from(flat) : Float32Array.from(flat);
  } else {
    const out = new CTORS[d](c.data.length);
    (c.data as string[]).forEach((s, i) => (out[i] = num(s)));
    data = out;
  }
  let a = new nd.NDArray(d, data, c.shape);
  if (c.op === "T") a = a.T;
  else if (c.op === "rev") a = nd.slice(a, "...", "::-1");
  else if (c.op === "step") a = nd.slice(a, "...", "::2");
  return a;
}

const cases = (fixture as { cases: Case[] }).cases;

Deno.test("repr matches NumPy on every fixture case", async (t) => {
  for (const c of cases) {
    await t.step(c.name, () => {
      const a = build(c);
      const got = c.opts ? array2string(a, c.opts) : nd.repr(a);
      assert.equal(got, c.repr);
    });
  }
});

Deno.test("repr is what toString, console.log and template strings show", () => {
  const a = nd.array([[1.5, 2], [3, 4]]);
  const expected = "array([[1.5, 2. ],\n       [3. , 4. ]])";
  assert.equal(a.toString(), expected);
  assert.equal(`${a}`, expected);
  assert.equal(Deno.inspect(a), expected);
  assert.equal(Deno.inspect({ x: nd.array([1, 2]) }), "{ x: array([1, 2]) }");
});

Deno.test("repr handles views without copying the whole array", async (t) => {
  await t.step("a broadcast view prints like its copy", () => {
    const b = nd.broadcastTo(nd.array([1, 2, 3]), [2000, 3]);
    assert.equal(nd.repr(b), nd.repr(nd.copy(b)));
    assert.match(nd.repr(b), /shape=\(2000, 3\)\)$/);
  });
  await t.step("a huge array prints only its corners", () => {
    const big = nd.zeros([4000, 4000], { dtype: "float32" });
    const s = nd.repr(big);
    assert.equal(
      s,
      "array([[0., 0., 0., ..., 0., 0., 0.],\n" +
        "       [0., 0., 0., ..., 0., 0., 0.],\n" +
        "       [0., 0., 0., ..., 0., 0., 0.],\n" +
        "       ...,\n" +
        "       [0., 0., 0., ..., 0., 0., 0.],\n" +
        "       [0., 0., 0., ..., 0., 0., 0.],\n" +
        "       [0., 0., 0., ..., 0., 0., 0.]], shape=(4000, 4000), dtype=float32)",
    );
  });
});

Deno.test("repr of float64 values agrees with JS shortest round-trip digits", () => {
  // Dragon4 in unique mode and Number#toString both give the shortest digits that read back
  // to the same double; for one element in [1e-4, 1e8) without a precision cut they agree.
  fc.assert(
    fc.property(
      fc.double({ min: 1e-4, max: 1e8, noNaN: true }).filter((x) => x >= 1e-4 && x < 1e8),
      (x) => {
        const s = nd.repr(nd.array([x]));
        const body = s.slice("array([".length, -"])".length);
        const digits = x.toString();
        const frac = digits.includes(".") ? digits.split(".")[1].length : 0;
        if (frac <= 8) {
          const want = digits.includes(".") ? digits : digits + ".";
          assert.equal(body, want);
        } else {
          // cut to 8 decimals: the exact binary value rounded there (toFixed rounds the exact
          // value too, but breaks exact ties upwards where NumPy rounds them to even)
          const want = x.toFixed(8).replace(/0+$/, "");
          const tie = /^\d+\.\d{8}50*$/.test(x.toFixed(100));
          assert.ok(body === want || tie, `${body} vs ${want}`);
        }
      },
    ),
  );
});

Deno.test("repr round-trips float32 values through their printed digits", () => {
  fc.assert(
    fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (x) => {
      const s = nd.repr(nd.array([x], { dtype: "float32" }));
      const m = /^array\(\[(.*)\], dtype=float32\)$/.exec(s);
      assert.ok(m, s);
      const v = Number(m[1].trim().replace(/\.e/, "e").replace(/\.$/, ""));
      // scientific notation keeps every digit needed; positional cuts at 8 decimals
      if (m[1].includes("e") || Math.abs(x) >= 1e-1) assert.equal(Math.fround(v), x);
      else assert.ok(Math.abs(v - x) <= 0.5e-8);
    }),
  );
});

Deno.test("array2string and repr validate their options", async (t) => {
  const a = nd.array([1, 2]);
  const bad: [Array2StringOpts, string, RegExp][] = [
    [{ precision: -1 }, "RangeError", /^array2string: precision must be at least 0, got -1$/],
    [{ precision: 1.5 }, "TypeError", /^array2string: precision must be an integer, got 1\.5$/],
    [{ edgeitems: 0 }, "RangeError", /^array2string: edgeitems must be at least 1, got 0$/],
    [{ linewidth: 0 }, "RangeError", /^array2string: linewidth must be at least 1, got 0$/],
    [{ threshold: -1 }, "RangeError", /^array2string: threshold must be at least 0, got -1$/],
    [
      { threshold: NaN },
      "TypeError",
      /^array2string: threshold must be a number, got NaN$/,
    ],
    [
      { floatmode: "short" as "fixed" },
      "RangeError",
      /^array2string: floatmode must be one of "fixed", "unique", "maxprec", "maxprec_equal", got "short"$/,
    ],
    [{ sign: "x" as "+" }, "RangeError", /^array2string: sign must be "-", "\+" or " ", got "x"$/],
    [
      { separator: 1 as unknown as string },
      "TypeError",
      /^array2string: separator must be a string, got number$/,
    ],
  ];
  for (const [opts, name, message] of bad) {
    await t.step(`${JSON.stringify(opts)} → ${name}`, () => {
      assert.throws(() => array2string(a, opts), { name, message });
    });
  }
  await t.step("repr names itself", () => {
    assert.throws(() => nd.repr(a, { precision: -2 }), {
      name: "RangeError",
      message: /^repr: precision must be at least 0, got -2$/,
    });
  });
  await t.step("threshold Infinity never summarises", () => {
    const s = array2string(nd.arange(1200), { threshold: Infinity });
    assert.ok(!s.includes("..."));
    assert.ok(s.endsWith(" 1199]"));
  });
});

Deno.test("repr options change precision and line width", () => {
  const a = nd.array([1 / 3, 2 / 3]);
  assert.equal(nd.repr(a, { precision: 3 }), "array([0.333, 0.667])");
  assert.equal(
    nd.repr(nd.arange(10), { linewidth: 20 }),
    "array([0, 1, 2, 3,\n       4, 5, 6, 7,\n       8, 9])",
  );
  assert.equal(
    nd.repr(nd.arange(10), { threshold: 4, edgeitems: 1 }),
    "array([0, ..., 9], shape=(10,))",
  );
});

interface FloatCase {
  fn: "positional" | "scientific";
  dtype: "float64" | "float32" | "float16";
  x: string;
  opts: FormatPositionalOpts & FormatScientificOpts;
  out: string;
}

Deno.test("formatFloatPositional and formatFloatScientific match NumPy", () => {
  const { cases } = floatFixture as { cases: FloatCase[] };
  let checked = 0;
  for (const c of cases) {
    const f = c.fn === "positional" ? formatFloatPositional : formatFloatScientific;
    assert.equal(f(num(c.x), { ...c.opts, dtype: c.dtype }), c.out, JSON.stringify(c));
    checked++;
  }
  assert.ok(checked > 1000);
});

Deno.test("formatFloatPositional and formatFloatScientific validate their options", async (t) => {
  const bad: [() => string, string, RegExp][] = [
    [
      () => formatFloatPositional(1, { precision: -1 }),
      "RangeError",
      /^formatFloatPositional: precision must be at least 0, got -1$/,
    ],
    [
      () => formatFloatScientific(1, { padLeft: 1.5 }),
      "TypeError",
      /^formatFloatScientific: padLeft must be an integer, got 1\.5$/,
    ],
    [
      () => formatFloatPositional(1, { unique: false }),
      "TypeError",
      /^formatFloatPositional: precision is required when unique is false$/,
    ],
    [
      () => formatFloatPositional(1, { fractional: false, precision: 0 }),
      "RangeError",
      /^formatFloatPositional: precision must be greater than 0 when fractional is false$/,
    ],
    [
      () => formatFloatScientific(1, { precision: 2, minDigits: 3 }),
      "RangeError",
      /^formatFloatScientific: minDigits must be at most precision, got minDigits 3 and precision 2$/,
    ],
    [
      () => formatFloatPositional(1, { trim: "x" as "k" }),
      "RangeError",
      /^formatFloatPositional: trim must be "k", ".", "0" or "-", got "x"$/,
    ],
    [
      () => formatFloatPositional(1, { dtype: "int8" as "float64" }),
      "RangeError",
      /^formatFloatPositional: dtype must be "float64", "float32" or "float16", got "int8"$/,
    ],
    [
      () => formatFloatScientific("1" as unknown as number),
      "TypeError",
      /^formatFloatScientific: x must be a number, got string$/,
    ],
  ];
  for (const [f, name, message] of bad) {
    await t.step(message.source, () => assert.throws(f, { name, message }));
  }
});
