// The NDArray class: construction checks, element access, flags, methods, and their errors.
import assert from "node:assert/strict";
import * as nd from "../../mod.ts";
import { NDArray } from "../../src/core/ndarray.ts";

Deno.test("NDArray", async (t) => {
  await t.step("metadata", () => {
    const a = nd.zeros([2, 3], { dtype: "complex64" });
    assert.equal(a.ndim, 2);
    assert.equal(a.size, 6);
    assert.equal(a.itemsize, 8);
    assert.equal(a.nbytes, 48);
    assert.equal(a.data.length, 12);
    assert.deepEqual(a.strides, [3, 1]);
    assert.deepEqual(a.T.shape, [3, 2]);
    assert.equal(a.base, null);
    assert.throws(() => (a.shape as number[]).push(1), TypeError);
  });

  await t.step("constructor accepts in-bounds strides, offsets and negative strides", () => {
    const buf = new Float64Array([0, 1, 2, 3, 4, 5]);
    const r = new NDArray("float64", buf, [3], [-2], 5);
    assert.deepEqual(r.toArray(), [5, 3, 1]);
    const z = new NDArray("float64", buf, [0, 100], [1000, 1000], 0);
    assert.equal(z.size, 0);
    const b = new NDArray("float64", buf, [4, 3], [0, 1], 3);
    assert.deepEqual(b.toArray()[3], [3, 4, 5]);
    const c = new NDArray("complex64", new Float32Array([1, 2, 3, 4]), [2]);
    assert.deepEqual(c.get(1), { re: 3, im: 4 });
  });

  await t.step("get, set, item, toArray with every storage kind", () => {
    const i = nd.array([[1, 2], [3, 4]]);
    assert.equal(i.get(-1, -2), 3n);
    i.set([0, -1], 7n);
    assert.equal(i.item(1), 7n);
    assert.equal(i.item(1, 1), 4n);
    assert.equal(i.item(-1), 4n);
    const b = nd.array([true, false]);
    assert.equal(b.get(0), true);
    b.set([1], 5);
    assert.equal(b.get(1), true);
    const c = nd.zeros([2], { dtype: "complex128" });
    c.set([1], { re: 1, im: -2 });
    c.set([0], 3);
    assert.deepEqual(c.toArray(), [{ re: 3, im: 0 }, { re: 1, im: -2 }]);
    const u = nd.zeros([1], { dtype: "uint8" });
    u.set([0], 257);
    assert.equal(u.item(), 1);
    u.set([0], -1.5);
    assert.equal(u.item(), 255);
    const f = nd.zeros([1], { dtype: "float16" });
    f.set([0], 0.1);
    assert.equal(f.item(), Math.f16round(0.1));
    const big = nd.zeros([1], { dtype: "uint64" });
    big.set([0], -1n);
    assert.equal(big.item(), 2n ** 64n - 1n);
    const s = nd.array(2.5);
    assert.equal(s.ndim, 0);
    assert.equal(s.item(), 2.5);
    assert.equal(s.get(), 2.5);
    assert.equal(s.toArray(), 2.5);
    assert.deepEqual(nd.zeros([2, 0]).toArray(), [[], []]);
  });

  await t.step("flags: writeable can be cleared and restored unless the base is read-only", () => {
    const a = nd.zeros([3]);
    const v = a.slice("1:");
    a.flags.writeable = false;
    assert.equal(a.flags.writeable, false);
    assert.throws(() => a.set([0], 1), {
      name: "TypeError",
      message: "set: assignment destination is read-only",
    });
    const w = a.slice("1:");
    assert.equal(w.flags.writeable, false);
    assert.throws(() => (w.flags.writeable = true), {
      name: "TypeError",
      message: "flags: cannot make writeable a view of a read-only array",
    });
    a.flags.writeable = true;
    v.set([0], 4);
    assert.equal(a.get(1), 4);
    assert.equal(w.flags.writeable, false, "a view made while read-only stays so");
    w.flags.writeable = true;
    w.set([0], 5);
    assert.equal(a.get(1), 5);
  });

  await t.step("methods delegate to the functions", () => {
    const a = nd.arange(6).reshape([2, 3]);
    assert.deepEqual(a.add(1).toArray(), [[1n, 2n, 3n], [4n, 5n, 6n]]);
    assert.deepEqual(a.sub(1).neg().abs().toArray()[0], [1n, 0n, 1n]);
    assert.deepEqual(a.mul(2).div(4).toArray()[1], [1.5, 2, 2.5]);
    assert.deepEqual(a.pow(2).mod(5).toArray()[1], [4n, 1n, 0n]);
    assert.deepEqual(a.equal(1).toArray()[0], [false, true, false]);
    assert.deepEqual(a.notEqual(1).toArray()[0], [true, false, true]);
    assert.deepEqual(a.less(1).toArray()[0], [true, false, false]);
    assert.deepEqual(a.lessEqual(1).toArray()[0], [true, true, false]);
    assert.deepEqual(a.greater(4).toArray()[1], [false, false, true]);
    assert.deepEqual(a.greaterEqual(4).toArray()[1], [false, true, true]);
    assert.equal(a.sum().item(), 15n);
    assert.equal(a.prod({ axis: 1 }).item(1), 60n);
    assert.equal(a.mean().item(), 2.5);
    assert.equal(a.var().item(), 35 / 12);
    assert.equal(a.std({ ddof: 1 }).item(), Math.sqrt(3.5));
    assert.equal(a.min().item(), 0n);
    assert.equal(a.max({ axis: 0 }).item(2), 5n);
    assert.equal(a.argmin().item(), 0n);
    assert.equal(a.argmax({ axis: 1 }).item(0), 2n);
    assert.deepEqual(a.cumsum({ axis: 1 }).toArray()[1], [3n, 7n, 12n]);
    assert.deepEqual(a.astype("float32").dtype, "float32");
    assert.deepEqual(a.squeeze().shape, [2, 3]);
    assert.deepEqual(a.matmul(a.T).toArray(), [[5n, 14n], [14n, 50n]]);
    assert.deepEqual(a.slice(0).dot(a.slice(1)).item(), 14n);
    assert.equal(typeof a.toString(), "string");
  });

  await t.step("errors", () => {
    const buf = new Float64Array(6);
    const a = nd.arange(6).reshape([2, 3]);
    const cases: [() => unknown, string, string][] = [
      [
        () => new NDArray("float64", buf, [2, 3], [1]),
        "TypeError",
        "NDArray: strides [1] do not match shape [2,3]",
      ],
      [
        () => new NDArray("float64", buf, [2, 3], [3, 1], 1),
        "RangeError",
        "NDArray: shape [2,3], strides [3,1] and offset 1 reach elements 1..6 outside a buffer of 6 elements",
      ],
      [
        () => new NDArray("float64", buf, [3], [-1], 1),
        "RangeError",
        "NDArray: shape [3], strides [-1] and offset 1 reach elements -1..1 outside a buffer of 6 elements",
      ],
      [
        () => new NDArray("complex128", buf, [4]),
        "RangeError",
        "NDArray: shape [4], strides [1] and offset 0 reach elements 0..3 outside a buffer of 3 elements",
      ],
      [
        () => new NDArray("float64", buf, [2], [1], 0.5),
        "RangeError",
        "NDArray: shape [2], strides [1] and offset 0.5 reach elements 0.5..1.5 outside a buffer of 6 elements",
      ],
      [() => a.get(0), "RangeError", "get: expected 2 indices for shape [2,3], got 1"],
      [() => a.get(0, 1.5), "TypeError", "get: indices must be integers, got 1.5"],
      [() => a.get(2, 0), "RangeError", "get: index 2 is out of bounds for axis 0 with size 2"],
      [
        () => a.set([0, -4], 1),
        "RangeError",
        "set: index -4 is out of bounds for axis 1 with size 3",
      ],
      [() => a.set([0], 1), "RangeError", "set: expected 2 indices for shape [2,3], got 1"],
      [() => a.item(), "RangeError", "item: can only convert an array of size 1, not size 6"],
      [() => a.item(6), "RangeError", "item: index 6 is out of bounds for size 6"],
      [() => a.item(-7), "RangeError", "item: index -7 is out of bounds for size 6"],
      [() => a.item(0.5), "TypeError", "item: indices must be integers, got 0.5"],
      [() => a.item(0, 3), "RangeError", "item: index 3 is out of bounds for axis 1 with size 3"],
    ];
    for (const [f, name, message] of cases) assert.throws(f, { name, message });
  });

  await t.step("methods throw clearly when the ops are not loaded", async () => {
    // A fresh process that imports only the class, not mod.ts.
    const url = new URL("../../src/core/ndarray.ts", import.meta.url).href;
    const code = `import { NDArray } from "${url}";
      try { new NDArray("float64", new Float64Array(2), [2]).add(1); }
      catch (e) { console.log(e.name + "|" + e.message); }`;
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["eval", "--no-check", code],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(
      new TextDecoder().decode(out.stdout).trim(),
      "TypeError|NDArray: method add is not available: import nd through mod.ts",
    );
  });
});
