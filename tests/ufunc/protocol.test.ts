// The ufunc protocol: metadata, withProtocol on any elementwise function, option handling of
// the methods, the index forms of `at`, and the casting option (values checked in NumPy 2.4).
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { withProtocol } from "../../src/ufunc/protocol.ts";

Deno.test("ufunc metadata is NumPy's", async (t) => {
  await t.step("names, arity and identities", () => {
    // np.<name>.identity for every binary ufunc of nd (None → null).
    const identities: [nd.Ufunc, string, number | boolean | null][] = [
      [nd.add, "add", 0],
      [nd.subtract, "subtract", null],
      [nd.multiply, "multiply", 1],
      [nd.divide, "divide", null],
      [nd.floorDivide, "floor_divide", null],
      [nd.remainder, "remainder", null],
      [nd.power, "power", null],
      [nd.arctan2, "arctan2", null],
      [nd.hypot, "hypot", 0],
      [nd.maximum, "maximum", null],
      [nd.fmin, "fmin", null],
      [nd.equal, "equal", null],
      [nd.logicalAnd, "logical_and", true],
      [nd.logicalOr, "logical_or", false],
      [nd.logicalXor, "logical_xor", false],
      [nd.bitwiseAnd, "bitwise_and", -1],
      [nd.bitwiseOr, "bitwise_or", 0],
      [nd.bitwiseXor, "bitwise_xor", 0],
      [nd.leftShift, "left_shift", null],
      [nd.copysign, "copysign", null],
    ];
    for (const [u, name, id] of identities) {
      assert.equal(u.name, name);
      assert.equal(u.ufuncName, name);
      assert.equal(u.nin, 2);
      assert.equal(u.nout, 1);
      assert.equal(u.identity, id, name);
    }
    assert.equal(nd.sqrt.nin, 1);
    assert.equal(nd.sqrt.identity, null);
    assert.deepEqual(nd.sqrt.types, ["e->e", "f->f", "d->d", "F->F", "D->D"]);
    assert(Object.isFrozen(nd.add.types));
  });
  await t.step("methods exist on every ufunc", () => {
    for (const u of [nd.add, nd.sqrt, nd.less]) {
      for (const m of ["reduce", "accumulate", "reduceat", "outer", "at"] as const) {
        assert.equal(typeof u[m], "function");
      }
    }
  });
});

Deno.test("withProtocol makes a full ufunc of any elementwise function", async (t) => {
  // A call that accepts no options at all: the methods must not need `out` or `where`.
  const calls: number[] = [];
  const call = (...args: unknown[]) => {
    calls.push(args.length);
    return nd.subtract(args[0] as nd.NDArray, args[1] as nd.NDArray);
  };
  const sub = withProtocol(call, {
    name: "my_sub",
    nin: 2,
    nout: 1,
    identity: null,
    types: ["dd->d"],
  });
  await t.step("metadata", () => {
    assert.equal(sub.name, "my_sub");
    assert.equal(sub.nin, 2);
    assert.equal(sub.identity, null);
    assert.deepEqual(sub.types, ["dd->d"]);
    assert.equal(sub, call as unknown, "the same function object");
  });
  await t.step("methods", () => {
    const x = nd.array([[10, 1, 2], [5, 3, 1]], { dtype: "float64" });
    assert.deepEqual(sub.reduce(x, { axis: 1 }).toArray(), [7, 1]);
    assert.deepEqual(sub.reduce(x, { axis: 1, where: [true, false, true], initial: 0 }).toArray(), [
      -12,
      -6,
    ]);
    assert.deepEqual(sub.accumulate(x, { axis: 1 }).toArray(), [[10, 9, 7], [5, 2, 1]]);
    assert.deepEqual(sub.reduceat(x, [0, 2], { axis: 1 }).toArray(), [[9, 2], [2, 1]]);
    assert.deepEqual(sub.outer([1, 2], [10, 20]).toArray(), [[-9n, -19n], [-8n, -18n]]);
    const a = nd.zeros([3]);
    sub.at(a, [0, 0, 2], 1);
    assert.deepEqual(a.toArray(), [-2, 0, -1]);
    assert(calls.every((n) => n === 2), "called without options");
  });
  await t.step("ufuncs without typed loops (frompyfunc) pass values as they are", () => {
    const cat = nd.frompyfunc((a: unknown, b: unknown) => Number(a) * 10 + Number(b), {
      nin: 2,
      identity: 0,
    });
    assert.equal(cat.reduce([1, 2, 3]).item(), 123);
    assert.equal(cat.reduce([]).item(), 0, "identity for empty reductions only");
    assert.deepEqual(cat.accumulate([1, 2, 3]).toArray(), [1, 12, 123]);
    const a = nd.zeros([2]);
    cat.at(a, [1, 1], 7);
    assert.deepEqual(a.toArray(), [0, 77]);
  });
});

Deno.test("ufunc.reduce options", async (t) => {
  const x = nd.arange(6).reshape([2, 3]);
  await t.step("axis defaults to 0; null is every axis; [] is none", () => {
    assert.deepEqual(nd.subtract.reduce(x).toArray(), [-3n, -3n, -3n]);
    assert.equal(nd.add.reduce(x, { axis: null }).item(), 15n);
    assert.deepEqual(nd.subtract.reduce(x, { axis: [] }).toArray(), x.toArray());
    assert.equal(nd.subtract.reduce(3).item(), 3n, "0-d input: nothing to reduce");
  });
  await t.step("keepdims, out, dtype", () => {
    assert.deepEqual(nd.maximum.reduce(x, { axis: 1, keepdims: true }).shape, [2, 1]);
    const out = nd.zeros([2, 1], { dtype: "int8" });
    const r = nd.add.reduce(x, { axis: 1, keepdims: true, out });
    assert.equal(r, out);
    assert.deepEqual(out.toArray(), [[3], [12]]);
    assert.equal(nd.add.reduce(nd.array([1, 2], { dtype: "int8" })).dtype, "int64");
    assert.equal(nd.add.reduce(nd.array([1, 2], { dtype: "uint8" })).dtype, "uint64");
    assert.equal(nd.subtract.reduce(nd.array([1, 2], { dtype: "uint8" })).item(), 255);
    assert.equal(nd.add.reduce(nd.array([1.5, 2.5]), { dtype: "int8" }).item(), 3);
    assert.equal(nd.divide.reduce([8, 2, 2]).item(), 2);
    assert.equal(nd.hypot.reduce(nd.array([3, 4], { dtype: "int8" })).dtype, "float16");
    assert.equal(nd.logicalXor.reduce(nd.array([1, 2, 3], { dtype: "int8" })).item(), true);
  });
  await t.step("initial and the identity", () => {
    assert.equal(nd.add.reduce([1, 2, 3], { initial: 10 }).item(), 16n);
    assert.equal(
      nd.add.reduce(nd.array([1, 2, 3], { dtype: "int8" }), { initial: 1.5 }).item(),
      7n,
    );
    assert.equal(nd.subtract.reduce([1, 2, 3], { initial: 10 }).item(), 4n);
    assert.equal(nd.hypot.reduce([-3]).item(), 3, "starts from the identity 0");
    assert.equal(nd.hypot.accumulate([-3]).item(0), -3, "accumulate copies the first element");
    assert.equal(nd.bitwiseAnd.reduce(nd.array([], { dtype: "uint8" })).item(), 255);
    assert.equal(nd.minimum.reduce(nd.array([], { dtype: "int8" }), { initial: 5 }).item(), 5);
    assert.equal(
      (nd.add.reduce(nd.array([{ re: 1, im: 1 }]), { initial: 1 }).item() as nd.Complex).re,
      2,
    );
  });
  await t.step("where", () => {
    const f = nd.array([1, 2, 3], { dtype: "float64" });
    assert.equal(nd.add.reduce(f, { where: [true, false, true] }).item(), 4);
    assert.equal(nd.add.reduce(f, { where: false }).item(), 0);
    assert.equal(nd.maximum.reduce(f, { where: [true, false, true], initial: 0 }).item(), 3);
    assert.equal(nd.maximum.reduce(f, { where: false, initial: 5 }).item(), 5);
    const m = nd.ones([2, 3]);
    assert.deepEqual(nd.add.reduce(m, { axis: 1, where: [[true], [false]] }).toArray(), [3, 0]);
  });
});

Deno.test("ufunc.accumulate, reduceat and outer options", async (t) => {
  const m = nd.arange(6, { dtype: "float64" } as never) as nd.NDArray;
  const M = m.reshape([2, 3]);
  await t.step("accumulate", () => {
    assert.deepEqual(nd.add.accumulate(M).toArray(), [[0, 1, 2], [3, 5, 7]]);
    assert.deepEqual(nd.add.accumulate(M, { axis: 1 }).toArray(), [[0, 1, 3], [3, 7, 12]]);
    assert.deepEqual(nd.add.accumulate(M, { axis: [0] }).toArray(), [[0, 1, 2], [3, 5, 7]]);
    assert.equal(nd.add.accumulate(nd.array([1, 2], { dtype: "int8" })).dtype, "int64");
    assert.equal(nd.multiply.accumulate([true, true]).dtype, "int64");
    assert.deepEqual(nd.add.accumulate([1.5, 2, 3], { dtype: "int8" }).toArray(), [1, 3, 6]);
    const out = nd.zeros([3], { dtype: "int8" });
    assert.equal(nd.add.accumulate([1.5, 2, 3], { out }), out);
    assert.deepEqual(out.toArray(), [1, 3, 6]);
    assert.deepEqual(nd.maximum.accumulate([NaN, 1, 2]).toArray().map(String), [
      "NaN",
      "NaN",
      "NaN",
    ]);
    assert.deepEqual(nd.fmax.accumulate([NaN, 1, 2]).toArray().map(String), ["NaN", "1", "2"]);
    assert.deepEqual(nd.add.accumulate(nd.zeros([0])).shape, [0]);
  });
  await t.step("reduceat", () => {
    assert.deepEqual(nd.add.reduceat(m, [0, 4, 4, 5]).toArray(), [6, 4, 4, 5]);
    assert.deepEqual(nd.add.reduceat(M, [0, 2], { axis: 1 }).toArray(), [[1, 2], [7, 5]]);
    assert.deepEqual(nd.subtract.reduceat(nd.arange(8), [0, 4, 2]).toArray(), [-6n, 4n, -23n]);
    assert.deepEqual(nd.add.reduceat(nd.arange(8), [0.5]).toArray(), [28n]);
    assert.deepEqual(nd.add.reduceat(nd.arange(8), []).shape, [0]);
    assert.equal(nd.add.reduceat(nd.arange(8, { dtype: "int8" } as never), [0, 4]).dtype, "int64");
  });
  await t.step("outer", () => {
    const i8 = nd.array([1, 2, 3], { dtype: "int8" });
    assert.deepEqual(nd.add.outer([1, 2], [10, 20, 30]).toArray(), [[11n, 21n, 31n], [
      12n,
      22n,
      32n,
    ]]);
    assert.equal(nd.add.outer(i8, 1).dtype, "int64", "JS scalars become arrays (strong)");
    assert.equal(nd.add.outer(1, 2).item(), 3n);
    assert.deepEqual(nd.add.outer(M, [1, 2, 3]).shape, [2, 3, 3]);
    assert.equal(nd.add.outer(i8, i8, { dtype: "float32" }).dtype, "float32");
    const out = nd.zeros([3, 3]);
    assert.equal(nd.add.outer(i8, i8, { out }), out);
    assert.equal(out.get(2, 2), 6);
    assert.deepEqual(nd.less.outer(i8, [1.5]).toArray(), [[true], [false], [false]]);
  });
});

Deno.test("ufunc.at index forms", async (t) => {
  await t.step("integers, lists, slices, masks, tuples, ellipsis", () => {
    const a = nd.arange(4, { dtype: "float64" } as never) as nd.NDArray;
    nd.add.at(a, 2, 5);
    assert.deepEqual(a.toArray(), [0, 1, 7, 3]);
    nd.add.at(a, "1:3", 1);
    assert.deepEqual(a.toArray(), [0, 2, 8, 3]);
    nd.add.at(a, [-1, -1], 1);
    assert.deepEqual(a.toArray(), [0, 2, 8, 5]);
    nd.add.at(a, [true, false, true, false], 1);
    assert.deepEqual(a.toArray(), [1, 2, 9, 5]);
    nd.add.at(a, "...", 1);
    assert.deepEqual(a.toArray(), [2, 3, 10, 6]);
    nd.add.at(a, [], 1);
    assert.deepEqual(a.toArray(), [2, 3, 10, 6]);
    const m = nd.arange(6, { dtype: "float64" } as never).reshape([2, 3]) as nd.NDArray;
    nd.add.at(m, [nd.array([0, 1, 1]), nd.array([2, 0, 0])], 1);
    assert.deepEqual(m.toArray(), [[0, 1, 3], [5, 4, 5]]);
    nd.add.at(m, [null, [0, 0]], 1);
    assert.deepEqual(m.toArray(), [[2, 1, 3], [7, 4, 5]]);
    nd.add.at(m, [1, "0:2"], 1);
    assert.deepEqual(m.toArray(), [[2, 1, 3], [8, 5, 5]]);
    nd.add.at(m, [0, 0], [[1, 2, 3], [10, 20, 30]]);
    assert.deepEqual(m.toArray(), [[13, 23, 36], [8, 5, 5]]);
    const z = nd.array(3, { dtype: "float64" });
    nd.add.at(z, [], 1);
    assert.equal(z.item(), 4);
  });
  await t.step("the values are an array (strong dtype); results are cast back", () => {
    const a = nd.zeros([4], { dtype: "int8" });
    nd.add.at(a, [0, 1, 1, 3], 1.5);
    assert.deepEqual(a.toArray(), [1, 2, 0, 1]);
    const b = nd.zeros([2], { dtype: "int8" });
    nd.add.at(b, [0, 1], 300);
    assert.deepEqual(b.toArray(), [44, 44]);
    const c = nd.arange(4);
    nd.divide.at(c, [0, 1], 2);
    assert.deepEqual(c.toArray(), [0n, 0n, 2n, 3n]);
    const u = nd.array([1, 2], { dtype: "uint8" });
    nd.subtract.at(u, [0, 0], 1);
    assert.deepEqual(u.toArray(), [255, 2]);
  });
  await t.step("views write through to their base", () => {
    const base = nd.zeros([2, 4]);
    const v = base.slice(null, "::2");
    nd.add.at(v, [nd.array([0, 1, 1]), nd.array([1, 0, 0])], 1);
    assert.deepEqual(base.toArray(), [[0, 0, 1, 0], [2, 0, 0, 0]]);
  });
});

Deno.test("casting option of ufunc calls", () => {
  const i8 = nd.array([1, 2, 3], { dtype: "int8" });
  const i16 = nd.array([1, 2, 3], { dtype: "int16" });
  const f = nd.array([1, 2, 3], { dtype: "float64" });
  assert.equal(nd.add(i8, i16, { casting: "safe" }).dtype, "int16");
  assert.equal(nd.add(i8, 1, { casting: "no" }).dtype, "int8", "weak scalars are not cast");
  assert.equal(nd.divide(i8, i8, { casting: "safe" }).dtype, "float64");
  assert.equal(nd.sqrt(i8, { casting: "same_kind" }).dtype, "float16");
  assert.equal(nd.add(i8, i8, { dtype: "int16", casting: "safe" }).dtype, "int16");
  assert.deepEqual(nd.add(f, f, { dtype: "int8", casting: "unsafe" }).toArray(), [2, 4, 6]);
  const out = nd.zeros([3], { dtype: "float32" });
  nd.add(f, f, { out, casting: "same_kind" });
  assert.deepEqual(out.toArray(), [2, 4, 6]);
  const o8 = nd.zeros([3], { dtype: "int8" });
  nd.add(f, f, { out: o8, casting: "unsafe" });
  assert.deepEqual(o8.toArray(), [2, 4, 6]);
  const c = nd.zeros([1]);
  nd.add(nd.array([{ re: 1, im: 1 }]), 1, { out: c, casting: "unsafe" });
  assert.equal(c.item(), 2);
});
