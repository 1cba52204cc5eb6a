// Every error of the ufunc methods and of the `casting` option: class and message, and that
// nothing changes on error.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { withProtocol } from "../../src/ufunc/protocol.ts";
import type { UfuncAccumulateOpts, UfuncReduceOpts } from "../../src/ops/ufunc.ts";

function throws(f: () => unknown, cls: typeof TypeError | typeof RangeError, message: string) {
  assert.throws(f, (e: unknown) => {
    assert(e instanceof cls, `expected ${cls.name}, got ${String(e)}`);
    assert.equal((e as Error).message, message);
    return true;
  });
}

Deno.test("ufunc methods: non-binary ufuncs", async (t) => {
  await t.step("unary ufuncs have no reduce, accumulate, reduceat or outer", () => {
    throws(
      () => nd.sqrt.reduce([1]),
      TypeError,
      "sqrt.reduce: reduce only supported for binary functions",
    );
    throws(
      () => nd.negative.accumulate([1]),
      TypeError,
      "negative.accumulate: accumulate only supported for binary functions",
    );
    throws(
      () => nd.absolute.reduceat([1], [0]),
      TypeError,
      "absolute.reduceat: reduceat only supported for binary functions",
    );
    throws(
      () => nd.sqrt.outer([1], [2]),
      TypeError,
      "sqrt.outer: outer product only supported for binary functions",
    );
  });
  await t.step("ufuncs with several outputs or inputs", () => {
    const two = withProtocol((...args) => nd.add(...args), {
      name: "two_out",
      nin: 2,
      nout: 2,
      identity: null,
    });
    throws(
      () => two.reduce([1, 2]),
      TypeError,
      "two_out.reduce: reduce only supported for functions returning a single value",
    );
    throws(
      () => two.at(nd.zeros([2]), 0, 1),
      TypeError,
      "two_out.at: at only supported for functions returning a single value",
    );
    const three = withProtocol(() => nd.zeros([1]), {
      name: "three_in",
      nin: 3,
      nout: 1,
      identity: null,
    });
    throws(
      () => three.at(nd.zeros([2]), 0, 1),
      TypeError,
      "three_in.at: only unary and binary ufuncs are supported, got nin=3",
    );
  });
});

Deno.test("ufunc.reduce errors", async (t) => {
  await t.step("axes", () => {
    throws(
      () => nd.add.reduce([1, 2], { axis: 1 }),
      RangeError,
      "add.reduce: axis 1 is out of bounds for array of dimension 1",
    );
    throws(
      () => nd.add.reduce([1, 2], { axis: -2 }),
      RangeError,
      "add.reduce: axis -2 is out of bounds for array of dimension 1",
    );
    throws(
      () => nd.add.reduce([[1, 2]], { axis: [0, 0] }),
      RangeError,
      "add.reduce: repeated axis 0 in [0, 0]",
    );
    throws(
      () => nd.add.reduce([[1, 2]], { axis: 1.5 }),
      TypeError,
      "add.reduce: axis must be an integer, got 1.5",
    );
    throws(
      () => nd.subtract.reduce([[1, 2]], { axis: null }),
      RangeError,
      "subtract.reduce: reduction operation 'subtract' is not reorderable, so at most one axis may be specified",
    );
    throws(
      () => nd.power.reduce([[1, 2]], { axis: [0, 1] }),
      RangeError,
      "power.reduce: reduction operation 'power' is not reorderable, so at most one axis may be specified",
    );
  });
  await t.step("empty reductions without identity", () => {
    throws(
      () => nd.maximum.reduce([]),
      RangeError,
      "maximum.reduce: zero-size array to reduction operation maximum which has no identity",
    );
    throws(
      () => nd.subtract.reduce(nd.zeros([3, 0]), { axis: 1 }),
      RangeError,
      "subtract.reduce: zero-size array to reduction operation subtract which has no identity",
    );
    throws(
      () => nd.add.reduce([], { initial: null }),
      RangeError,
      "add.reduce: zero-size array to reduction operation add which has no identity",
    );
    // An empty result needs no identity; an initial value replaces it.
    assert.deepEqual(nd.maximum.reduce(nd.zeros([0, 3]), { axis: 1 }).shape, [0]);
    assert.equal(nd.maximum.reduce([], { initial: 5 }).item(), 5);
  });
  await t.step("where without identity or initial", () => {
    throws(
      () => nd.maximum.reduce([1, 2], { where: [true, false] }),
      RangeError,
      "maximum.reduce: reduction operation 'maximum' does not have an identity, so to use a where mask one has to specify 'initial'",
    );
    throws(
      () => nd.add.reduce([[1, 2, 3]], { where: [true, false] }),
      TypeError,
      "add.reduce: where mask of shape [2] cannot be broadcast to the input shape [1,3]",
    );
  });
  await t.step("loops and dtypes", () => {
    throws(
      () => nd.equal.reduce([1, 2, 3]),
      TypeError,
      "equal.reduce: no loop matching the specified signature and casting was found for ufunc equal",
    );
    throws(
      () => nd.logicalXor.reduce([1, 2], { dtype: "int8" }),
      TypeError,
      "logical_xor.reduce: no loop matching the specified signature and casting was found for ufunc logical_xor",
    );
    throws(
      () => nd.subtract.reduce([true, false]),
      TypeError,
      "subtract.reduce: the - operator (subtract) is not supported for bool arrays; use logicalXor or bitwiseXor instead",
    );
    throws(
      () => nd.bitwiseOr.reduce([1.5, 2]),
      TypeError,
      "bitwise_or.reduce: no loop matches input types (float64, float64): the loops take bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64",
    );
    throws(
      () => nd.add.reduce([1, 2], { dtype: "int7" as nd.DType }),
      TypeError,
      'add.reduce: unknown dtype "int7": expected one of bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64, float16, float32, float64, complex64, complex128',
    );
  });
  await t.step("initial", () => {
    throws(
      () => nd.add.reduce(nd.array([1, 2], { dtype: "int8" }), { dtype: "int8", initial: 1000 }),
      RangeError,
      "add.reduce: initial 1000 is out of bounds for int8",
    );
    throws(
      () => nd.add.reduce([1, 2], { initial: "a" as unknown as number }),
      TypeError,
      "add.reduce: initial must be a number, bigint, boolean or { re, im }, got a",
    );
  });
  await t.step("out", () => {
    throws(
      () => nd.add.reduce([1, 2], { out: nd.zeros([1]) }),
      TypeError,
      "add.reduce: output parameter for reduction operation add has the wrong number of dimensions: found 1 but expected 0",
    );
    throws(
      () => nd.add.reduce(nd.ones([2, 3]), { out: nd.zeros([2]) }),
      TypeError,
      "add.reduce: output shape [2] does not match the result shape [3]",
    );
    throws(
      () => nd.add.reduce([1, 2], { out: [0] as unknown as nd.NDArray }),
      TypeError,
      "add.reduce: out must be an NDArray",
    );
    const ro = nd.zeros([]);
    ro.flags.writeable = false;
    throws(
      () => nd.add.reduce([1, 2], { out: ro }),
      TypeError,
      "add.reduce: output array is read-only",
    );
  });
  await t.step("options", () => {
    throws(
      () => nd.add.reduce([1, 2], 0 as unknown as UfuncReduceOpts),
      TypeError,
      "add.reduce: options must be an object like { axis: 0 }, got 0",
    );
  });
});

Deno.test("ufunc.accumulate and ufunc.reduceat errors", async (t) => {
  await t.step("accumulate", () => {
    throws(() => nd.add.accumulate(3), TypeError, "add.accumulate: cannot accumulate on a scalar");
    throws(
      () => nd.add.accumulate([[1, 2]], { axis: null } as unknown as UfuncAccumulateOpts),
      RangeError,
      "add.accumulate: accumulate does not allow multiple axes",
    );
    throws(
      () => nd.add.accumulate([[1, 2]], { axis: [0, 1] } as unknown as UfuncAccumulateOpts),
      RangeError,
      "add.accumulate: accumulate does not allow multiple axes",
    );
    throws(
      () => nd.add.accumulate([[1, 2]], { axis: 2 }),
      RangeError,
      "add.accumulate: axis 2 is out of bounds for array of dimension 2",
    );
    throws(
      () => nd.add.accumulate([1, 2, 3], { out: nd.zeros([2]) }),
      TypeError,
      "add.accumulate: output shape [2] does not match the result shape [3]",
    );
    throws(
      () => nd.equal.accumulate([1, 2]),
      TypeError,
      "equal.accumulate: no loop matching the specified signature and casting was found for ufunc equal",
    );
  });
  await t.step("reduceat", () => {
    throws(() => nd.add.reduceat(3, [0]), TypeError, "add.reduceat: cannot reduceat on a scalar");
    throws(
      () => nd.add.reduceat(nd.arange(8), [0, 8]),
      RangeError,
      "add.reduceat: index 8 out-of-bounds in add.reduceat [0, 8)",
    );
    throws(
      () => nd.add.reduceat(nd.arange(8), [-1]),
      RangeError,
      "add.reduceat: index -1 out-of-bounds in add.reduceat [0, 8)",
    );
    throws(
      () => nd.add.reduceat([], [0]),
      RangeError,
      "add.reduceat: index 0 out-of-bounds in add.reduceat [0, 0)",
    );
    throws(
      () => nd.add.reduceat([1, 2, 3], [[0, 1]]),
      TypeError,
      "add.reduceat: indices must be 1-D, got shape [1,2]",
    );
    throws(
      () => nd.add.reduceat([1, 2, 3], [true]),
      TypeError,
      "add.reduceat: indices must be integers, got dtype bool",
    );
    throws(
      () => nd.add.reduceat([[1, 2]], [0], { axis: [0, 1] } as unknown as UfuncAccumulateOpts),
      RangeError,
      "add.reduceat: reduceat does not allow multiple axes",
    );
    throws(
      () => nd.add.reduceat(nd.ones([2, 3]), [0, 1], { axis: 1, out: nd.zeros([2, 3]) }),
      TypeError,
      "add.reduceat: output shape [2,3] does not match the result shape [2,2]",
    );
  });
});

Deno.test("ufunc.at errors leave the array unchanged", async (t) => {
  const fresh = () => nd.arange(4);
  const same = (a: nd.NDArray) => assert.deepEqual(a.toArray(), [0n, 1n, 2n, 3n]);
  await t.step("operands", () => {
    const a = fresh();
    throws(() => nd.add.at(a, [0, 1]), TypeError, "add.at: second operand needed for ufunc");
    throws(
      () => nd.negative.at(a, [0], 1),
      TypeError,
      "negative.at: second operand provided when ufunc is unary",
    );
    throws(
      () => nd.add.at([1, 2] as unknown as nd.NDArray, [0], 1),
      TypeError,
      "add.at: a must be an NDArray (it is modified in place)",
    );
    throws(
      () => nd.add.at(a, [0, 1], [1, 2, 3]),
      TypeError,
      "add.at: value array of shape [3] could not be broadcast to indexing result of shape [2]",
    );
    same(a);
  });
  await t.step("read-only arrays", () => {
    const a = fresh();
    a.flags.writeable = false;
    throws(() => nd.add.at(a, [0], 1), TypeError, "add.at: array is read-only");
    same(a);
  });
  await t.step("indices", () => {
    const a = fresh();
    throws(
      () => nd.add.at(a, [4], 1),
      RangeError,
      "add.at: index 4 is out of bounds for axis 0 with size 4",
    );
    throws(
      () => nd.add.at(a, [0.5], 1),
      TypeError,
      "add.at: arrays used as indices must be of integer or boolean type, got float64",
    );
    const m = nd.zeros([2, 3]);
    throws(
      () => nd.add.at(m, [nd.array([0]), nd.array([3])], 1),
      RangeError,
      "add.at: index 3 is out of bounds for axis 1 with size 3",
    );
    same(a);
  });
  await t.step("an error in the middle of the loop", () => {
    const a = fresh();
    // 2 ** 1 is fine, then the second occurrence of index 1 raises: nothing is written.
    throws(
      () => nd.power.at(a, [2, 1, 1], nd.array([1, 2, -1])),
      RangeError,
      "power: integers to negative integer powers are not allowed",
    );
    same(a);
  });
  await t.step("results that are not arrays", () => {
    const f = nd.frompyfunc((x: unknown) => `<${x}>`, { nin: 1 });
    const a = nd.arange(3, { dtype: "float64" } as never) as nd.NDArray;
    throws(
      () => f.at(a, [0, 1]),
      TypeError,
      "frompyfunc.at: the ufunc must return an NDArray here, got a JS array",
    );
  });
});

Deno.test("casting option errors", async (t) => {
  const i8 = nd.array([1, 2, 3], { dtype: "int8" });
  const i16 = nd.array([1, 2, 3], { dtype: "int16" });
  const f = nd.array([1.5, 2, 3]);
  await t.step("inputs", () => {
    throws(
      () => nd.add(i8, i16, { casting: "no" }),
      TypeError,
      'add: cannot cast input 0 from int8 to int16 with casting rule "no"',
    );
    throws(
      () => nd.add(i8, i16, { casting: "equiv" }),
      TypeError,
      'add: cannot cast input 0 from int8 to int16 with casting rule "equiv"',
    );
    throws(
      () => nd.add(i8, 1.5, { casting: "no" }),
      TypeError,
      'add: cannot cast input 0 from int8 to float64 with casting rule "no"',
    );
    throws(
      () => nd.divide(i8, i8, { casting: "equiv" }),
      TypeError,
      'divide: cannot cast input 0 from int8 to float64 with casting rule "equiv"',
    );
    throws(
      () => nd.sqrt(i8, { casting: "no" }),
      TypeError,
      'sqrt: cannot cast input 0 from int8 to float16 with casting rule "no"',
    );
    throws(
      () => nd.add(f, f, { dtype: "int8" }),
      TypeError,
      'add: cannot cast input 0 from float64 to int8 with casting rule "same_kind"',
    );
    throws(
      () => nd.add(i8, i8, { dtype: "int16", casting: "no" }),
      TypeError,
      'add: cannot cast input 0 from int8 to int16 with casting rule "no"',
    );
  });
  await t.step("output", () => {
    throws(
      () => nd.add(f, f, { out: nd.zeros([3], { dtype: "float32" }), casting: "safe" }),
      TypeError,
      'add: cannot cast output from float64 to float32 with casting rule "safe"',
    );
    throws(
      () => nd.add(f, f, { out: nd.zeros([3], { dtype: "int8" }) }),
      TypeError,
      'add: cannot cast output from float64 to int8 with casting rule "same_kind"',
    );
    throws(
      () => nd.add(i8, i8, { out: nd.zeros([3], { dtype: "int16" }), casting: "no" }),
      TypeError,
      'add: cannot cast output from int8 to int16 with casting rule "no"',
    );
  });
  await t.step("unknown rules", () => {
    throws(
      () => nd.add(f, f, { casting: "bogus" as nd.Casting }),
      RangeError,
      'add: casting must be one of "no", "equiv", "safe", "same_kind", "unsafe", got "bogus"',
    );
  });
  await t.step("outer passes the options on", () => {
    throws(
      () => nd.add.outer(i8, i16, { casting: "no" }),
      TypeError,
      'add: cannot cast input 0 from int8 to int16 with casting rule "no"',
    );
  });
});
