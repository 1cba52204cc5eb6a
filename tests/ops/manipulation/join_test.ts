// concatenate, stack, hstack, vstack, dstack, columnStack, atleast1d/2d/3d.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";
import { assertValues } from "./_helpers.ts";

const a23 = () => nd.arange(6).reshape([2, 3]);

Deno.test("concatenate", async (t) => {
  await t.step("joins along an axis into a new C-contiguous array", () => {
    const a = a23(), b = nd.arange(6, 12).reshape([2, 3]);
    const r0 = nd.concatenate([a, b]);
    assertValues(r0, [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]);
    assert.equal(r0.base, null);
    assert.ok(r0.flags.cContiguous);
    assertValues(nd.concatenate([a, b], { axis: 1 }), [[0, 1, 2, 6, 7, 8], [3, 4, 5, 9, 10, 11]]);
    assertValues(nd.concatenate([a, b], { axis: -2 }), r0.toArray());
    // Writing to the result leaves the inputs alone.
    r0.set([0, 0], 99);
    assert.equal(a.get(0, 0), 0n);
  });
  await t.step("axis null flattens every input (0-d inputs allowed)", () => {
    const r = nd.concatenate([a23().T, nd.array(7), [8, 9]], { axis: null });
    assertValues(r, [0, 3, 1, 4, 2, 5, 7, 8, 9]);
  });
  await t.step("result dtype: promotion, weak JS scalars, dtype option", () => {
    const u8 = nd.zeros([2], { dtype: "uint8" }), i8 = nd.zeros([2], { dtype: "int8" });
    assert.equal(nd.concatenate([u8, i8]).dtype, "int16");
    assert.equal(nd.concatenate([u8, [300]]).dtype, "int64"); // a JS list is a strong int64 array
    const w = nd.concatenate([u8, 500], { axis: null }); // a JS number is weak
    assert.equal(w.dtype, "uint8");
    assertValues(w, [0, 0, 244]);
    assert.equal(nd.concatenate([u8, 2.5], { axis: null }).dtype, "float64");
    const f = nd.concatenate([a23(), a23()], { dtype: "float32" });
    assert.equal(f.dtype, "float32");
    const c = nd.concatenate([nd.array([1.7, -1.2])], { dtype: "int8", casting: "unsafe" });
    assertValues(c, [1, -1]);
    assert.equal(
      nd.concatenate([nd.zeros([0]), nd.zeros([3], { dtype: "int8" })]).dtype,
      "float64",
    );
  });
  await t.step("empty pieces and an NDArray as the sequence", () => {
    const r = nd.concatenate([nd.zeros([2, 0]), nd.ones([2, 3])], { axis: 1 });
    assert.deepEqual(r.shape, [2, 3]);
    assertValues(nd.concatenate(a23()), [0, 1, 2, 3, 4, 5]); // iterates over rows
  });
  await t.step("out: written and returned, inputs overlapping it are read first", () => {
    const out = nd.zeros([4, 3], { dtype: "int8" });
    const r = nd.concatenate([a23(), a23()], { out });
    assert.equal(r, out);
    assertValues(out, [[0, 1, 2], [3, 4, 5], [0, 1, 2], [3, 4, 5]]);
    const x = nd.arange(4);
    nd.concatenate([x.slice("2:"), x.slice(":2")], { out: x });
    assertValues(x, [2, 3, 0, 1]);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.concatenate([]), {
      name: "TypeError",
      message: "concatenate: need at least one array to concatenate",
    });
    assert.throws(() => nd.concatenate([nd.array(1), nd.array(2)]), {
      name: "TypeError",
      message: "concatenate: zero-dimensional arrays cannot be concatenated",
    });
    assert.throws(() => nd.concatenate([a23(), nd.arange(3)]), {
      name: "TypeError",
      message:
        "concatenate: all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)",
    });
    assert.throws(() => nd.concatenate([a23(), nd.zeros([2, 4])]), {
      name: "TypeError",
      message:
        "concatenate: all the input array dimensions except for the concatenation axis must match exactly: along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 4",
    });
    assert.throws(() => nd.concatenate([a23(), a23()], { axis: 2 }), {
      name: "RangeError",
      message: "concatenate: axis 2 is out of bounds for array of dimension 2",
    });
    assert.throws(() => nd.concatenate([a23()], { axis: 0.5 }), {
      name: "TypeError",
      message: "concatenate: axis must be an integer, got 0.5",
    });
    assert.throws(
      () => nd.concatenate([a23(), nd.zeros([2, 3], { dtype: "float32" })], { dtype: "int32" }),
      {
        name: "TypeError",
        message:
          'concatenate: cannot cast array data from float32 to int32 according to the rule "same_kind"',
      },
    );
    assert.throws(() => nd.concatenate([a23()], { casting: "bad" as nd.Casting }), {
      name: "RangeError",
      message:
        'concatenate: casting must be one of "no", "equiv", "safe", "same_kind" or "unsafe", got "bad"',
    });
    assert.throws(() => nd.concatenate([a23()], { out: nd.zeros([2, 3]), dtype: "float64" }), {
      name: "TypeError",
      message: "concatenate: only one of out and dtype may be given, but both were",
    });
    assert.throws(() => nd.concatenate([a23()], { out: [1] as unknown as nd.NDArray }), {
      name: "TypeError",
      message: "concatenate: out must be an NDArray, got 1",
    });
    assert.throws(() => nd.concatenate([a23(), a23()], { out: nd.zeros([3, 3]) }), {
      name: "TypeError",
      message: "concatenate: output array has the wrong shape [3,3]: expected [4,3]",
    });
    const ro = nd.zeros([2, 3]);
    ro.flags.writeable = false;
    assert.throws(() => nd.concatenate([a23()], { out: ro }), {
      name: "TypeError",
      message: "concatenate: output array is read-only",
    });
    assert.throws(() => nd.concatenate(nd.array(3)), {
      name: "TypeError",
      message: "concatenate: iteration over a 0-d array",
    });
    assert.throws(() => nd.concatenate(5 as unknown as nd.NDArray[]), {
      name: "TypeError",
      message: "concatenate: expected a sequence of arrays, got 5",
    });
    assert.throws(() => nd.concatenate([[1, [2]] as unknown as nd.ArrayLike]), {
      name: "TypeError",
      message: /^concatenate: inhomogeneous nested arrays/,
    });
  });
});

Deno.test("stack", async (t) => {
  await t.step("adds a new axis anywhere", () => {
    const a = nd.array([1, 2]), b = nd.array([3, 4]);
    assertValues(nd.stack([a, b]), [[1, 2], [3, 4]]);
    assertValues(nd.stack([a, b], { axis: 1 }), [[1, 3], [2, 4]]);
    assertValues(nd.stack([a, b], { axis: -1 }), [[1, 3], [2, 4]]);
    assertValues(nd.stack([nd.array(1), nd.array(2)]), [1, 2]);
    assert.deepEqual(nd.stack([a23(), a23(), a23()], { axis: 2 }).shape, [2, 3, 3]);
    assertValues(nd.stack(a23()), a23().toArray());
  });
  await t.step("dtypes: promotion (JS scalars become strong arrays), dtype option", () => {
    assert.equal(
      nd.stack([nd.zeros([2], { dtype: "uint8" }), nd.zeros([2], { dtype: "float16" })]).dtype,
      "float16",
    );
    assert.equal(nd.stack([nd.array(1, { dtype: "uint8" }), 5]).dtype, "int64");
    assert.equal(nd.stack([1, 2]).dtype, "int64");
    assert.equal(nd.stack([a23(), a23()], { dtype: "float32" }).dtype, "float32");
    const out = nd.zeros([2, 2, 3]);
    assert.equal(nd.stack([a23(), a23()], { out }), out);
  });
  await t.step("errors", () => {
    assert.throws(() => nd.stack([]), {
      name: "TypeError",
      message: "stack: need at least one array to stack",
    });
    assert.throws(() => nd.stack([a23(), nd.arange(3)]), {
      name: "TypeError",
      message:
        "stack: all input arrays must have the same shape: the array at index 0 has shape [2,3] and the array at index 1 has shape [3]",
    });
    assert.throws(() => nd.stack([a23(), a23()], { axis: 3 }), {
      name: "RangeError",
      message: "stack: axis 3 is out of bounds for array of dimension 3",
    });
    assert.throws(() => nd.stack([nd.zeros([2])], { dtype: "int8" }), {
      name: "TypeError",
      message:
        'stack: cannot cast array data from float64 to int8 according to the rule "same_kind"',
    });
  });
});

Deno.test("hstack, vstack, dstack, columnStack", async (t) => {
  await t.step("values and shapes", () => {
    assertValues(nd.hstack([1, 2]), [1, 2]);
    assertValues(nd.hstack([[1, 2], [3]]), [1, 2, 3]);
    assert.deepEqual(nd.hstack([nd.zeros([2, 1]), nd.ones([2, 2])]).shape, [2, 3]);
    assertValues(nd.vstack([1, 2]), [[1], [2]]);
    assertValues(nd.vstack([[1, 2], [[3, 4], [5, 6]]]), [[1, 2], [3, 4], [5, 6]]);
    assertValues(nd.dstack([1, 2]), [[[1, 2]]]);
    assertValues(nd.dstack([[1, 2], [3, 4]]), [[[1, 3], [2, 4]]]);
    assertValues(nd.columnStack([1, 2]), [[1, 2]]);
    assertValues(nd.columnStack([[1, 2], [[3], [4]]]), [[1, 3], [2, 4]]);
    assert.equal(nd.hstack([nd.zeros([2], { dtype: "uint8" }), 5]).dtype, "int64");
    assert.equal(nd.vstack([[1], [2]], { dtype: "float32" }).dtype, "float32");
    assert.equal(
      nd.columnStack([nd.zeros([2], { dtype: "uint8" }), nd.zeros([2], { dtype: "float32" })])
        .dtype,
      "float32",
    );
  });
  await t.step("errors name the function", () => {
    assert.throws(() => nd.hstack([]), {
      name: "TypeError",
      message: "hstack: need at least one array to concatenate",
    });
    assert.throws(() => nd.hstack([nd.zeros([3]), nd.zeros([2, 3])]), {
      name: "TypeError",
      message:
        "hstack: all the input arrays must have same number of dimensions, but the array at index 0 has 1 dimension(s) and the array at index 1 has 2 dimension(s)",
    });
    assert.throws(() => nd.vstack([nd.zeros([3]), nd.zeros([2, 4])]), {
      name: "TypeError",
      message:
        "vstack: all the input array dimensions except for the concatenation axis must match exactly: along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 4",
    });
    assert.throws(() => nd.dstack([]), {
      name: "TypeError",
      message: "dstack: need at least one array to concatenate",
    });
    assert.throws(() => nd.columnStack([[1, 2], [1, 2, 3]]), {
      name: "TypeError",
      message: /^columnStack: all the input array dimensions/,
    });
  });
});

Deno.test("atleast1d, atleast2d, atleast3d", async (t) => {
  await t.step("shapes as NumPy, views of the input", () => {
    const s = nd.array(5);
    const v1 = nd.atleast1d(s), v2 = nd.atleast2d(s), v3 = nd.atleast3d(s);
    assert.deepEqual([v1.shape, v2.shape, v3.shape], [[1], [1, 1], [1, 1, 1]]);
    assert.equal(v1.base, s);
    v3.set([0, 0, 0], 9);
    assert.equal(s.item(), 9n);
    const r = nd.arange(3);
    assert.equal(nd.atleast1d(r), r);
    assert.deepEqual(nd.atleast2d(r).shape, [1, 3]);
    assert.deepEqual(nd.atleast3d(r).shape, [1, 3, 1]);
    assert.deepEqual(nd.atleast3d(a23()).shape, [2, 3, 1]);
    assert.deepEqual(nd.atleast3d(nd.zeros([1, 2, 3, 4])).shape, [1, 2, 3, 4]);
    assertValues(nd.atleast3d(a23()), [[[0], [1], [2]], [[3], [4], [5]]]);
  });
  await t.step("several arguments give a list", () => {
    const [x, y] = nd.atleast2d(1, [2, 3]);
    assert.deepEqual([x.shape, y.shape], [[1, 1], [1, 2]]);
    assert.throws(() => nd.atleast1d([1, [2]] as unknown as nd.ArrayLike), {
      name: "TypeError",
      message: /^atleast1d: inhomogeneous nested arrays/,
    });
  });
});
