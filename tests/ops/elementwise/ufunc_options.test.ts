// Ufunc options and rules beyond the value tables: out= (casting, broadcasting, overlap),
// where=, dtype=, NEP 50 weak-scalar bounds, bool refusals, complex arithmetic and parts, and
// every error of src/ops/ufunc.ts. Expected values were computed with NumPy 2.4.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";
import { makeUfunc } from "../../../src/ops/ufunc.ts";

const c = (re: number, im: number) => ({ re, im });

Deno.test("out=", async (t) => {
  await t.step("writes into out, returns it, broadcasts the inputs to its shape", () => {
    const out = nd.zeros([2, 3]);
    const r = nd.add(nd.arange(3), 1, { out });
    assert.equal(r, out);
    assert.deepEqual(out.toArray(), [[1, 2, 3], [1, 2, 3]]);
  });
  await t.step("the loop's dtype decides wrapping and rounding before the cast to out", () => {
    // np.add(int8 [127, -128, 100] twice, out=float64 zeros) -> [-2, 0, -56]
    const a = nd.array([127, -128, 100], { dtype: "int8" });
    assert.deepEqual(nd.add(a, a, { out: nd.zeros([3]) }).toArray(), [-2, 0, -56]);
    assert.deepEqual(nd.multiply(a, a, { out: nd.zeros([3], { dtype: "int16" }) }).toArray(), [
      1,
      0,
      16,
    ]);
    const f = nd.array([0.1], { dtype: "float32" });
    assert.equal(
      nd.add(f, nd.array([0.2], { dtype: "float32" }), { out: nd.zeros([1]) }).item(),
      0.30000001192092896,
    );
    const u = nd.array([1], { dtype: "uint32" });
    const o = nd.zeros([1], { dtype: "int64" });
    assert.equal(
      nd.subtract(u, nd.array([2], { dtype: "uint32" }), { out: o }).item(),
      4294967295n,
    );
    assert.equal(
      nd.sqrt(nd.array([2], { dtype: "int8" }), { out: nd.zeros([1]) }).item(),
      1.4140625,
    );
    // same_kind output casts are allowed: int16 results into int8 wrap.
    const w = nd.add(nd.array([200], { dtype: "int16" }), 0, {
      out: nd.zeros([1], { dtype: "int8" }),
    });
    assert.equal(w.item(), -56);
  });
  await t.step("overlapping inputs and out are read before they are written", () => {
    const x = nd.arange(5, { dtype: "float64" });
    nd.add(x.slice(":-1"), x.slice("1:"), { out: x.slice("1:") });
    assert.deepEqual(x.toArray(), [0, 1, 3, 5, 7]);
    const y = nd.arange(4, { dtype: "float64" });
    nd.negative(y, { out: y });
    assert.deepEqual(y.toArray(), [-0, -1, -2, -3]);
  });
  await t.step("out may be a strided view", () => {
    const base = nd.zeros([2, 4]);
    nd.multiply(nd.ones([2, 2]), 3, { out: base.slice(null, "::2") });
    assert.deepEqual(base.toArray(), [[3, 0, 3, 0], [3, 0, 3, 0]]);
  });
});

Deno.test("where= and dtype=", async (t) => {
  await t.step("where keeps out's values where false", () => {
    // o = full(-1); np.multiply(arange(6, int16).reshape(2,3), 2.5, out=o, where=[T,F,T])
    const o = nd.full([2, 3], -1, { dtype: "float64" });
    nd.multiply(nd.arange(6, { dtype: "int16" }).reshape([2, 3]), 2.5, {
      out: o,
      where: [true, false, true],
    });
    assert.deepEqual(o.toArray(), [[0, -1, 5], [7.5, -1, 12.5]]);
    const o8 = nd.full([3], 9, { dtype: "int8" });
    nd.add(nd.array([127, 0, 100], { dtype: "int8" }), 1, { out: o8, where: [true, false, true] });
    assert.deepEqual(o8.toArray(), [-128, 9, 101]);
    // With a casting out and a mask.
    const of = nd.full([2], 5.5);
    nd.add(nd.array([127, 1], { dtype: "int8" }), 1, { out: of, where: nd.array([true, false]) });
    assert.deepEqual(of.toArray(), [-128, 5.5]);
  });
  await t.step("where broadcasts and may be an NDArray", () => {
    const r = nd.add(nd.zeros([2, 2]), 1, { where: nd.array([[true], [false]]) });
    assert.deepEqual(r.toArray(), [[1, 1], [0, 0]]);
  });
  await t.step("dtype picks the loop; inputs cast with same_kind", () => {
    const a = nd.arange(6, { dtype: "int16" }).reshape([2, 3]);
    const r = nd.add(a, nd.array([1, 2, 3], { dtype: "uint8" }), { dtype: "float32" });
    assert.equal(r.dtype, "float32");
    assert.deepEqual(r.toArray(), [[1, 3, 5], [4, 6, 8]]);
    const i8 = nd.array([127, -128, 100], { dtype: "int8" });
    assert.deepEqual(nd.add(i8, i8, { dtype: "int16" }).toArray(), [254, -256, 200]);
    const l = nd.less(i8, 0, { dtype: "bool" });
    assert.deepEqual([l.dtype, l.toArray()], ["bool", [false, true, false]]);
    assert.equal(nd.add(nd.array([1.5]), 1, { dtype: "float32" }).dtype, "float32");
  });
});

Deno.test("weak scalars (NEP 50)", async (t) => {
  await t.step("JS integers that do not fit the array's integer dtype raise", () => {
    const u = nd.array([1, 2], { dtype: "uint8" });
    assert.throws(() => nd.add(u, 300), {
      name: "RangeError",
      message: "add: JS integer 300 is out of bounds for uint8",
    });
    assert.throws(() => u.add(-1), {
      name: "RangeError",
      message: "add: JS integer -1 is out of bounds for uint8",
    });
    assert.throws(() => nd.multiply(nd.zeros([1], { dtype: "int64" }), 2n ** 63n), {
      name: "RangeError",
      message: "multiply: JS integer 9223372036854775808 is out of bounds for int64",
    });
    assert.equal(nd.add(u, 255).dtype, "uint8");
    assert.equal(nd.add(u, 3.5).dtype, "float64");
    assert.equal(nd.add(u, 1e19).dtype, "float64"); // only a float can be that large
  });
  await t.step("comparisons and logic take any JS integer, as NumPy does", () => {
    const u64 = nd.array([1, 2], { dtype: "uint64" });
    assert.deepEqual(nd.equal(u64, -1).toArray(), [false, false]);
    assert.deepEqual(nd.less(u64, -1).toArray(), [false, false]);
    assert.deepEqual(nd.greater(u64, -1).toArray(), [true, true]);
    assert.deepEqual(nd.greater(nd.array([5n]), 2n ** 63n).toArray(), [false]);
    assert.deepEqual(nd.lessEqual(nd.array([5n]), 2n ** 63n).toArray(), [true]);
    assert.deepEqual(nd.notEqual(nd.array([255], { dtype: "uint8" }), 511).toArray(), [true]);
    assert.deepEqual(nd.logicalAnd(nd.array([0, 2], { dtype: "uint8" }), 300).toArray(), [
      false,
      true,
    ]);
    assert.deepEqual(nd.less(nd.array([-128, 127], { dtype: "int8" }), 128).toArray(), [
      true,
      true,
    ]);
  });
  await t.step("two scalars give NumPy's default types", () => {
    assert.equal(nd.add(1, 2).dtype, "int64");
    assert.equal(nd.add(1, 2.5).dtype, "float64");
    assert.equal(nd.add(1, c(0, 1)).dtype, "complex128");
    assert.equal(nd.add(true, true).dtype, "bool");
    assert.equal(nd.mod(-5, 3).item(), 1n);
  });
});

Deno.test("bool refusals", () => {
  const b = nd.array([true, false]);
  const cases: [() => unknown, string][] = [
    [
      () => nd.subtract(b, b),
      "subtract: the - operator (subtract) is not supported for bool arrays; use logicalXor or bitwiseXor instead",
    ],
    [
      () => nd.negative(b),
      "negative: the - operator (negative) is not supported for bool arrays; use invert or logicalNot instead",
    ],
    [() => nd.positive(b), "positive: positive is not supported for bool arrays"],
    [() => nd.sign(b), "sign: sign is not supported for bool arrays"],
  ];
  for (const [f, message] of cases) assert.throws(f, { name: "TypeError", message });
  // A bool with a number is fine (np.subtract([True], 1) == [0]).
  assert.deepEqual(nd.subtract(nd.array([true]), 1).toArray(), [0n]);
});

Deno.test("complex arithmetic and parts", () => {
  const z = nd.array([c(1, 2), c(-3.5, 0.5)]);
  const w = nd.array([c(0.5, -1), c(2, 0)]);
  assert.deepEqual(nd.add(z, w).toArray(), [c(1.5, 1), c(-1.5, 0.5)]);
  assert.deepEqual(nd.subtract(z, w).toArray(), [c(0.5, 3), c(-5.5, 0.5)]);
  assert.deepEqual(nd.multiply(z, w).toArray(), [c(2.5, 0), c(-7, 1)]);
  assert.deepEqual(nd.divide(z, w).toArray(), [c(-1.2000000000000002, 1.6), c(-1.75, 0.25)]);
  assert.deepEqual(nd.abs(z).toArray(), [2.23606797749979, 3.5355339059327378]);
  assert.equal(nd.abs(z).dtype, "float64");
  assert.equal(nd.abs(z.astype("complex64")).dtype, "float32");
  assert.deepEqual(nd.conj(z).toArray(), [c(1, -2), c(-3.5, -0.5)]);
  assert.deepEqual(nd.real(z).toArray(), [1, -3.5]);
  assert.deepEqual(nd.imag(z).toArray(), [2, 0.5]);
  assert.deepEqual(nd.exp(z).toArray(), [
    c(-1.1312043837568135, 2.4717266720048188),
    c(0.026500697106144142, 0.014477396811682678),
  ]);
  assert.deepEqual(nd.angle(z).toArray(), [1.1071487177940904, 2.999695598985629]);
  assert.deepEqual(nd.angle(z, { deg: true }).toArray(), [63.43494882292201, 171.86989764584402]);
  // real/imag of complex are writable views; of real arrays the array itself / read-only zeros.
  const v = nd.real(z);
  v.set([0], 10);
  assert.deepEqual(z.get(0), c(10, 2));
  nd.imag(z).set([1], -1);
  assert.deepEqual(z.get(1), c(-3.5, -1));
  const x = nd.arange(3, { dtype: "float32" });
  assert.equal(nd.real(x), x);
  const im = nd.imag(x);
  assert.deepEqual([im.dtype, im.toArray(), im.flags.writeable], ["float32", [0, 0, 0], false]);
  assert.equal(nd.real(nd.zeros([2], { dtype: "complex64" })).dtype, "float32");
  assert.deepEqual(nd.angle([1, -1]).toArray(), [0, Math.PI]);
});

Deno.test("ufunc metadata", () => {
  assert.equal(nd.add.nin, 2);
  assert.equal(nd.add.nout, 1);
  assert.equal(nd.add.identity, 0);
  assert.equal(nd.multiply.identity, 1);
  assert.equal(nd.maximum.identity, null);
  assert.equal(nd.sqrt.ufuncName, "sqrt");
  assert.equal(nd.sqrt.name, "sqrt");
  assert.deepEqual(nd.sqrt.types, ["e->e", "f->f", "d->d", "F->F", "D->D"]);
  assert.equal(nd.less.types[0], "??->?");
  assert.equal(nd.absolute.types.at(-1), "D->d");
  assert.equal(nd.add.types.at(-1), "DD->D");
  assert.equal(nd.mod, nd.remainder);
  assert.equal(nd.trueDivide, nd.divide);
});

Deno.test("ufunc.ts errors", () => {
  const a = nd.zeros([3]);
  const cases: [() => unknown, string, string | RegExp][] = [
    [() => nd.add(a), "TypeError", "add: expected 2 array argument(s), got 1"],
    [
      () => (nd.sqrt as (...x: unknown[]) => nd.NDArray)(a, a, a),
      "TypeError",
      "sqrt: expected 1 array argument(s), got 3",
    ],
    [() => nd.add(a, a, { dtype: "int4" as nd.DType }), "TypeError", /^add: unknown dtype "int4"/],
    [
      () => nd.sqrt(a, { dtype: "int8" }),
      "TypeError",
      "sqrt: no loop produces dtype int8: loops are float16, float32, float64, complex64, complex128",
    ],
    [
      () => nd.add(a, a, { dtype: "int64" }),
      "TypeError",
      'add: cannot cast input 0 from float64 to int64 with casting rule "same_kind"',
    ],
    [
      () => nd.bitwiseAnd(a, a),
      "TypeError",
      "bitwise_and: no loop matches input types (float64, float64): the loops take bool, int8, uint8, int16, uint16, int32, uint32, int64, uint64",
    ],
    [
      () => nd.floor(nd.zeros([1], { dtype: "complex64" })),
      "TypeError",
      /^floor: no loop matches input types \(complex64\)/,
    ],
    [
      () => nd.add(a, 1, { out: [0, 0, 0] as unknown as nd.NDArray }),
      "TypeError",
      "add: out must be an NDArray",
    ],
    [
      () => nd.add(a, 1, { out: nd.zeros([2, 2]) }),
      "TypeError",
      "broadcast: shapes [3] and [2,2] are not compatible: dimension 1 has sizes 3 and 2",
    ],
    [
      () => nd.add(nd.zeros([2, 3]), 1, { out: nd.zeros([3]) }),
      "TypeError",
      "add: non-broadcastable output operand with shape [3] doesn't match the broadcast shape [2,3]",
    ],
    [
      () => nd.add(a, 1, { out: nd.zeros([3], { dtype: "int64" }) }),
      "TypeError",
      'add: cannot cast output from float64 to int64 with casting rule "same_kind"',
    ],
    [
      () => nd.add(a, 1, { out: nd.broadcastTo(nd.zeros([1]), [3]) }),
      "TypeError",
      "add: output array is read-only",
    ],
    [
      () => nd.add(nd.zeros([2]), nd.zeros([3])),
      "TypeError",
      "broadcast: shapes [2] and [3] are not compatible: dimension 0 has sizes 2 and 3",
    ],
    [
      () => nd.add(a, 1, { where: [true, false] }),
      "TypeError",
      "broadcast: shapes [3] and [] and [2] are not compatible: dimension 0 has sizes 3 and 2",
    ],
    [
      () => nd.add(["x"] as never, 1),
      "TypeError",
      "add: cannot make an array element from string x",
    ],
    [
      () => nd.power(nd.array([2], { dtype: "int8" }), nd.array([-1], { dtype: "int8" })),
      "RangeError",
      "power: integers to negative integer powers are not allowed",
    ],
    [
      () => nd.power(nd.array([2n]), -1),
      "RangeError",
      "power: integers to negative integer powers are not allowed",
    ],
  ];
  for (const [f, name, message] of cases) assert.throws(f, { name, message });
  const noBody = makeUfunc({ name: "nobody", nin: 1, types: "d", body: () => null });
  assert.throws(() => noBody(nd.zeros([1])), {
    name: "TypeError",
    message: "nobody: float64 inputs are not supported yet",
  });
});
