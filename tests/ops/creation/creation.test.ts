// Array creation against NumPy (fixtures_core.py: creation.json), dtypes included, and every
// error of src/ops/creation.ts.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";
import { assertMatches, type Enc, readJson } from "../../core/_fixtures.ts";

interface Case {
  name: string;
  call: { args: unknown[]; opts: Record<string, unknown> };
  result?: Enc;
  results?: Enc[];
}
const CASES = readJson<Case[]>("core", "creation.json");

type Fn = (...args: unknown[]) => nd.NDArray;
const fn = (f: unknown) => f as Fn;

/** Decodes `{dtype, value}` arguments (arrays of a given dtype) and `{re, im}` scalars. */
function arg(a: unknown): unknown {
  if (typeof a === "object" && a !== null && "dtype" in a && "value" in a) {
    const x = a as { dtype: nd.DType; value: nd.ArrayLike };
    return nd.array(x.value, { dtype: x.dtype });
  }
  return a;
}

function run(c: Case): nd.NDArray | nd.NDArray[] {
  const args = c.call.args.map(arg);
  const opts = { ...c.call.opts };
  switch (c.name) {
    case "arange": {
      // JS cannot tell 3.0 from 3: NumPy's float64 result for all-integral float arguments
      // needs an explicit dtype in nd.
      if (c.result!.dtype === "float64" && opts.dtype === undefined) opts.dtype = "float64";
      const [start, stop] = args as number[];
      return stop === undefined ? nd.arange(start, opts) : nd.arange(start, stop, opts);
    }
    case "meshgrid":
      return nd.meshgrid(...(args as nd.ArrayLike[]), opts);
    case "zeros_like":
      return nd.zerosLike(args[0] as nd.ArrayLike, opts);
    case "ones_like":
      return nd.onesLike(args[0] as nd.ArrayLike, opts);
    case "full_like":
      return nd.fullLike(args[0] as nd.ArrayLike, args[1] as nd.Scalar, opts);
    default:
      return fn((nd as unknown as Record<string, unknown>)[c.name])(...args, opts);
  }
}

/** logspace goes through power(), where JS's ** may differ from C's pow in the last ulp. */
const RTOL: Record<string, number> = { logspace: 1e-15 };

Deno.test("creation functions match NumPy", async (t) => {
  for (const c of CASES) {
    await t.step(
      `${c.name}(${JSON.stringify(c.call.args)}, ${JSON.stringify(c.call.opts)})`,
      () => {
        const r = run(c);
        const rtol = RTOL[c.name] ?? 0;
        if (c.results) {
          const rs = r as nd.NDArray[];
          assert.equal(rs.length, c.results.length);
          rs.forEach((x, i) => assertMatches(x, c.results![i], { msg: `output ${i}` }));
        } else {
          assertMatches(r as nd.NDArray, c.result!, {
            rtol: c.result!.dtype === "float32" ? 0 : rtol,
          });
        }
      },
    );
  }
});

Deno.test("creation: views, copies and extra behaviour", async (t) => {
  await t.step("diag of a 2-D array is a read-only view; of a 1-D array a new array", () => {
    const m = nd.arange(9).reshape([3, 3]);
    const d = nd.diag(m, { k: -1 });
    assert.equal(d.data, m.data);
    assert.equal(d.flags.writeable, false);
    const v = nd.array([1, 2]);
    const e = nd.diag(v);
    assert.notEqual(e.data, v.data);
    assert.equal(e.flags.writeable, true);
  });
  await t.step("meshgrid outputs are independent writable copies", () => {
    const [x, y] = nd.meshgrid([1, 2], [3, 4, 5]);
    assert.equal(x.flags.writeable, true);
    x.set([0, 0], 9);
    assert.equal(x.get(1, 0), 1n);
    assert.deepEqual(y.shape, [3, 2]);
    assert.deepEqual(nd.meshgrid().length, 0);
  });
  await t.step("empty is zero-filled; fromFunction calls fn per index", () => {
    assert.deepEqual(nd.empty([2]).toArray(), [0, 0]);
    const f = nd.fromFunction((i, j) => i * 10 + j, [2, 3], { dtype: "int32" });
    assert.deepEqual([f.dtype, f.toArray()], ["int32", [[0, 1, 2], [10, 11, 12]]]);
    assert.equal(nd.fromFunction(() => 1, [0]).size, 0);
    assert.equal(nd.fromFunction(() => 7, []).item(), 7);
  });
  await t.step("full and fullLike fill every element, complex too", () => {
    const z = nd.full([3], { re: 1, im: 2 }, { dtype: "complex64" });
    assert.deepEqual(z.toArray(), Array(3).fill({ re: 1, im: 2 }));
    assert.deepEqual(nd.fullLike([1.5, 2.5], 7).toArray(), [7, 7]);
    assert.equal(nd.full([2], 5n).dtype, "int64");
  });
  await t.step("identity, eye and tril/triu of other dtypes", () => {
    assert.deepEqual(nd.eye(2, { dtype: "uint64" }).toArray(), [[1n, 0n], [0n, 1n]]);
    assert.deepEqual(nd.eye(2, { m: 3, k: -5 }).toArray(), [[0, 0, 0], [0, 0, 0]]);
    const c = nd.triu(nd.full([2, 2], { re: 1, im: 1 }));
    assert.deepEqual(c.dtype, "complex128");
    assert.deepEqual(c.get(1, 0), { re: 0, im: 0 });
    assert.deepEqual(nd.tril(nd.ones([2, 2], { dtype: "float32" })).dtype, "float32");
  });
});

Deno.test("creation errors", () => {
  const cases: [() => unknown, string, string | RegExp][] = [
    [
      () => nd.zeros([-1]),
      "RangeError",
      "zeros: shape entries must be non-negative integers, got [-1]",
    ],
    [
      () => nd.ones("3" as never),
      "TypeError",
      "ones: shape must be a number or an array of numbers, got 3",
    ],
    [
      () => nd.empty([2], { dtype: "int3" as nd.DType }),
      "TypeError",
      /^empty: unknown dtype "int3"/,
    ],
    [
      () => nd.full([2.5], 1),
      "RangeError",
      "full: shape entries must be non-negative integers, got [2.5]",
    ],
    [
      () => nd.full([2], "x" as never),
      "TypeError",
      "full: cannot make an array element from string x",
    ],
    [
      () => nd.full([2], 300, { dtype: "uint8" }),
      "RangeError",
      "full: integer 300 is out of bounds for uint8",
    ],
    [
      () => nd.full([2], -1, { dtype: "uint64" }),
      "RangeError",
      "full: integer -1 is out of bounds for uint64",
    ],
    [
      () => nd.fullLike(nd.zeros([1], { dtype: "int8" }), 128),
      "RangeError",
      "fullLike: integer 128 is out of bounds for int8",
    ],
    [
      () => nd.fullLike([1], "x" as never),
      "TypeError",
      "fullLike: the fill value must be a number, bigint, boolean or {re, im}, got string x",
    ],
    [
      () => nd.full([1], null as never, { dtype: "int8" }),
      "TypeError",
      "full: the fill value must be a number, bigint, boolean or {re, im}, got null",
    ],
    [
      () => nd.zerosLike(["x"] as never),
      "TypeError",
      "zerosLike: cannot make an array element from string x",
    ],
    [
      () => nd.onesLike([1], { dtype: "q" as nd.DType }),
      "TypeError",
      /^onesLike: unknown dtype "q"/,
    ],
    [() => nd.arange(NaN), "TypeError", "arange: stop must be a finite number, got NaN"],
    [
      () => nd.arange(Infinity, 1),
      "TypeError",
      "arange: start must be a finite number, got Infinity",
    ],
    [
      () => nd.arange(0, 1, { step: "1" as never }),
      "TypeError",
      "arange: step must be a finite number, got 1",
    ],
    [() => nd.arange(0, 5, { step: 0 }), "RangeError", "arange: step cannot be zero"],
    [() => nd.arange(3, { dtype: "x" as nd.DType }), "TypeError", /^arange: unknown dtype "x"/],
    [
      () => nd.linspace(0, 1, { num: -1 }),
      "RangeError",
      "linspace: num must be a non-negative integer, got -1",
    ],
    [
      () => nd.linspace(0, 1, { num: 2.5 }),
      "RangeError",
      "linspace: num must be a non-negative integer, got 2.5",
    ],
    [
      () => nd.linspace(0, 1, { dtype: "x" as nd.DType }),
      "TypeError",
      /^linspace: unknown dtype "x"/,
    ],
    [
      () => nd.logspace(0, 1, { dtype: "x" as nd.DType }),
      "TypeError",
      /^logspace: unknown dtype "x"/,
    ],
    [() => nd.eye(2, { k: 0.5 }), "TypeError", "eye: k must be an integer, got 0.5"],
    [
      () => nd.eye(-1),
      "RangeError",
      "eye: shape entries must be non-negative integers, got [-1, -1]",
    ],
    [() => nd.diag([1], { k: 1.5 }), "TypeError", "diag: k must be an integer, got 1.5"],
    [() => nd.diag(nd.zeros([2, 2, 2])), "RangeError", "diag: input must be 1-D or 2-D, got 3-D"],
    [() => nd.diag(5), "RangeError", "diag: input must be 1-D or 2-D, got 0-D"],
    [() => nd.tril([1, 2]), "RangeError", "tril: input must be at least 2-D, got 1-D"],
    [() => nd.triu([[1]], { k: 0.5 }), "TypeError", "triu: k must be an integer, got 0.5"],
    [
      () => nd.meshgrid([1], { indexing: "xx" as "xy" }),
      "RangeError",
      'meshgrid: indexing must be "xy" or "ij", got "xx"',
    ],
    [() => nd.fromFunction(3 as never, [2]), "TypeError", "fromFunction: fn must be a function"],
    [
      () => nd.fromFunction(() => 1, [-2]),
      "RangeError",
      "fromFunction: shape entries must be non-negative integers, got [-2]",
    ],
  ];
  for (const [f, name, message] of cases) assert.throws(f, { name, message });
});
