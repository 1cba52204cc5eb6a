// array / asarray: dtype inference (NumPy's rules for Python values), copies vs no-copy,
// typed arrays, nested NDArrays, and every error of asarray.ts, copy.ts and dtype.ts.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { toArray } from "../../src/core/asarray.ts";
import { checkDType } from "../../src/core/dtype.ts";

// Nested NDArrays and typed arrays work at run time but ArrayLike's type does not list them.
const L = (x: unknown) => x as nd.ArrayLike;

Deno.test("array and asarray", async (t) => {
  await t.step("dtype inference matches np.array on the equivalent Python values", () => {
    // Expected dtypes from NumPy: np.array(v).dtype for the Python spelling of each value.
    const cases: [nd.ArrayLike, nd.DType, number[]][] = [
      [[1, 2], "int64", [2]],
      [[1, 2.5], "float64", [2]],
      [[true, false], "bool", [2]],
      [[true, 1], "int64", [2]],
      [[true, 1.5], "float64", [2]],
      [[1, { re: 0, im: 1 }], "complex128", [2]],
      [[[1n, 2n]], "int64", [1, 2]],
      [[2n ** 63n], "uint64", [1]], // np.array([2**63]).dtype == uint64
      [[2n ** 63n, 1], "float64", [2]], // uint64 and int64 promote to float64
      [[1e19], "float64", [1]], // only a float can be 1e19 in JS
      [[], "float64", [0]],
      [[[], []], "float64", [2, 0]],
      [3, "int64", []],
      [2.5, "float64", []],
      [false, "bool", []],
      [{ re: 1, im: 2 }, "complex128", []],
      [new Int16Array([1, 2]), "int16", [2]],
      [new Float16Array([1]), "float16", [1]],
      [L(new Uint8ClampedArray([1])), "uint8", [1]],
      [L([new Int8Array([1, 2]), new Int8Array([3, 4])]), "int8", [2, 2]],
      [L([new Int8Array([1]), new Uint8Array([3])]), "int16", [2, 1]],
      [L([nd.zeros([2], { dtype: "float32" }), [1, 2]]), "float64", [2, 2]],
      [L([nd.zeros([2], { dtype: "float32" }), nd.ones([2], { dtype: "float16" })]), "float32", [
        2,
        2,
      ]],
    ];
    for (const [v, dtype, shape] of cases) {
      const a = nd.array(v);
      assert.equal(
        a.dtype,
        dtype,
        JSON.stringify(v, (_k, x) => typeof x === "bigint" ? `${x}` : x),
      );
      assert.deepEqual(a.shape, shape);
    }
    assert.deepEqual(nd.array(L([nd.arange(2), nd.arange(2, 4)])).toArray(), [[0n, 1n], [2n, 3n]]);
  });

  await t.step("array always copies; asarray avoids copies", () => {
    const a = nd.arange(3);
    const c = nd.array(a);
    assert.notEqual(c.data, a.data);
    assert.equal(nd.asarray(a), a);
    assert.notEqual(nd.asarray(a, { dtype: "float64" }), a);
    assert.equal(nd.asarray(a, { dtype: "int64" }), a);
    const buf = new Float32Array([1, 2]);
    assert.equal(nd.asarray(buf).data, buf);
    assert.notEqual(nd.array(buf).data, buf);
    const f = nd.asarray(buf, { dtype: "float64" });
    assert.deepEqual([f.dtype, f.toArray()], ["float64", [1, 2]]);
    const t2 = nd.array(nd.arange(6).reshape([2, 3]).T);
    assert.deepEqual(t2.toArray(), [[0n, 3n], [1n, 4n], [2n, 5n]]);
    assert.equal(t2.flags.cContiguous, true);
  });

  await t.step("errors", () => {
    const cases: [() => unknown, string, string | RegExp][] = [
      [
        () => nd.array(["a"] as never),
        "TypeError",
        "array: cannot make an array element from string a",
      ],
      [
        () => nd.array(undefined as never),
        "TypeError",
        "array: cannot make an array element from undefined",
      ],
      [
        () => nd.array([null] as never),
        "TypeError",
        "array: cannot make an array element from null",
      ],
      [
        () => nd.array([{}] as never),
        "TypeError",
        "array: cannot make an array element from an object ([object Object])",
      ],
      [
        () => nd.array([[1], [2, 3]]),
        "TypeError",
        "array: inhomogeneous nested arrays: element [1] has length 2 where 1 was expected",
      ],
      [
        () => nd.array([1, [2]] as never),
        "TypeError",
        "array: inhomogeneous nested arrays: element [1] has extra dimensions",
      ],
      [
        () => nd.array([[1], 2] as never),
        "TypeError",
        "array: inhomogeneous nested arrays: element [1] is a scalar where a sequence of length 1 was expected",
      ],
      [
        () => nd.array(L([nd.zeros([2]), nd.zeros([3])])),
        "TypeError",
        "array: inhomogeneous nested arrays: element [1] has shape [3] where [2] was expected",
      ],
      [
        () => nd.array(new DataView(new ArrayBuffer(4)) as never),
        "TypeError",
        "array: unsupported typed array an object ([object DataView])",
      ],
      [
        () => nd.array([new DataView(new ArrayBuffer(4))] as never),
        "TypeError",
        "array: unsupported typed array an object ([object DataView])",
      ],
      [
        () => nd.array([2n ** 64n]),
        "RangeError",
        "array: integer 18446744073709551616 is out of bounds for int64 and uint64",
      ],
      [
        () => nd.array([-(2n ** 63n) - 1n]),
        "RangeError",
        "array: integer -9223372036854775809 is out of bounds for int64 and uint64",
      ],
      [
        () => nd.array([1], { dtype: "int4" as nd.DType }),
        "TypeError",
        /^array: unknown dtype "int4": expected one of bool, int8, /,
      ],
      [
        () => nd.asarray(["x"] as never),
        "TypeError",
        "asarray: cannot make an array element from string x",
      ],
      [
        () => nd.asarray([1], { dtype: "x" as nd.DType }),
        "TypeError",
        /^asarray: unknown dtype "x"/,
      ],
      [
        () => toArray(["x"] as never, "myFn"),
        "TypeError",
        "myFn: cannot make an array element from string x",
      ],
      [
        () => nd.add(["x"] as never, 1),
        "TypeError",
        "add: cannot make an array element from string x",
      ],
      [() => checkDType(3, "zeros"), "TypeError", /^zeros: unknown dtype 3: expected one of /],
      [() => nd.astype(nd.zeros([1]), "x" as nd.DType), "TypeError", 'astype: unknown dtype "x"'],
      [
        () => nd.copyInto(nd.zeros([2, 3]), nd.zeros([4])),
        "TypeError",
        "copyto: could not broadcast input of shape [4] into destination of shape [2,3]",
      ],
      [
        () => nd.copyInto(nd.zeros([3]), nd.zeros([2, 3])),
        "TypeError",
        "copyto: could not broadcast input of shape [2,3] into destination of shape [3]",
      ],
      [
        () => nd.copyInto(nd.broadcastTo(nd.zeros([1]), [3]), nd.zeros([3])),
        "TypeError",
        "copyto: assignment destination is read-only",
      ],
    ];
    for (const [f, name, message] of cases) assert.throws(f, { name, message });
  });
});

Deno.test("copy and copyInto", async (t) => {
  await t.step("copy is C-contiguous, owns its data, and casts", () => {
    const a = nd.arange(6).reshape([2, 3]).T;
    const c = nd.copy(a);
    assert.deepEqual([c.flags.cContiguous, c.base], [true, null]);
    assert.deepEqual(c.toArray(), a.toArray());
    const f = nd.copy(a, "float32");
    assert.deepEqual([f.dtype, f.toArray()[2]], ["float32", [2, 5]]);
  });
  await t.step("copyInto broadcasts, casts, honours where, and handles overlap", () => {
    const d = nd.zeros([2, 3], { dtype: "int16" });
    nd.copyInto(d, nd.array([1.9, -2.9, 70000]));
    assert.deepEqual(d.toArray(), [[1, -2, 4464], [1, -2, 4464]]);
    nd.copyInto(d, nd.array(9), nd.array([[true], [false]]));
    assert.deepEqual(d.toArray(), [[9, 9, 9], [1, -2, 4464]]);
    // Overlapping source and destination: a shifted view of the same buffer.
    const x = nd.arange(6);
    nd.copyInto(x.slice("1:"), x.slice(":-1"));
    assert.deepEqual(x.toArray(), [0n, 0n, 1n, 2n, 3n, 4n]);
    const y = nd.arange(6);
    nd.copyInto(y, y.slice("::-1"));
    assert.deepEqual(y.toArray(), [5n, 4n, 3n, 2n, 1n, 0n]);
    const z = nd.arange(4, { dtype: "float64" });
    nd.copyInto(z, z);
    assert.deepEqual(z.toArray(), [0, 1, 2, 3]);
    // Complex sources into real destinations keep the real part; into bool, either part.
    const c = nd.array([{ re: 1.5, im: 2 }, { re: 0, im: -1 }]);
    const r = nd.zeros([2]);
    nd.copyInto(r, c);
    assert.deepEqual(r.toArray(), [1.5, 0]);
    const b = nd.zeros([2], { dtype: "bool" });
    nd.copyInto(b, c);
    assert.deepEqual(b.toArray(), [true, true]);
    const cc = nd.zeros([2], { dtype: "complex64" });
    nd.copyInto(cc, nd.array([2n ** 60n + 2n ** 36n + 1n, 3n]));
    assert.deepEqual(cc.toArray(), [{ re: 2 ** 60 + 2 ** 37, im: 0 }, { re: 3, im: 0 }]);
  });
  await t.step("zero-size copies", () => {
    const e = nd.zeros([0, 3], { dtype: "complex64" });
    assert.deepEqual(nd.copy(e).shape, [0, 3]);
    nd.copyInto(e, nd.array(1));
    assert.equal(e.size, 0);
  });
});
