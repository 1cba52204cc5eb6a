// nd.interop and TensorFlow.js (npm:@tensorflow/tfjs@4.22.0, CPU backend): dtype mapping,
// memory sharing, the float64 → float32 cast and the int64 → int32 range check, fromTf, and
// toTfDataset feeding model.fitDataset from nd pipelines (sync and async) with a loss that
// decreases.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as tf from "@tensorflow/tfjs";
import * as nd from "../../mod.ts";
import * as data from "../../src/data/mod.ts";
import * as interop from "../../src/interop/mod.ts";

tf.env().set("IS_NODE", false); // the CPU backend's "use tfjs-node" banner
await tf.setBackend("cpu");

Deno.test("interop: toTf and fromTf", async (t) => {
  await t.step("float32, int32 and bool share memory with the CPU backend", () => {
    const cases: [nd.DType, unknown][] = [
      ["float32", [[1.5, 2], [3, 4]]],
      ["int32", [[1, -2], [3, 4]]],
      ["bool", [[true, false], [false, true]]],
    ];
    for (const [dtype, values] of cases) {
      const a = nd.array(values as nd.ArrayLike, { dtype });
      const ten = interop.toTf(a, tf);
      assert.equal(ten.dtype, dtype);
      assert.deepEqual(ten.shape, [2, 2]);
      // dataSync hands back the backend's own array for float32 and int32 (a copy for bool).
      if (dtype !== "bool") assert.equal((ten.dataSync() as Float32Array).buffer, a.data.buffer);
      a.set([1, 1], 0); // the tensor sees writes into the shared memory
      assert.equal(ten.dataSync()[3], 0, dtype);
      const copied = interop.toTf(a, tf, { copy: true });
      assert.notEqual((copied.dataSync() as Float32Array).buffer, a.data.buffer);
      ten.dispose();
      copied.dispose();
    }
    // Views: a contiguous row is shared; a transposed view is copied into C order.
    const m = nd.array([[1, 2, 3], [4, 5, 6]], { dtype: "float32" });
    const row = interop.toTf(m.slice(1), tf);
    assert.deepEqual(Array.from(row.dataSync()), [4, 5, 6]);
    assert.equal((row.dataSync() as Float32Array).buffer, m.data.buffer);
    const tr = interop.toTf(m.T, tf);
    assert.deepEqual(tr.shape, [3, 2]);
    assert.deepEqual(Array.from(tr.dataSync()), [1, 4, 2, 5, 3, 6]);
    const scalar = interop.toTf(nd.array(2.5, { dtype: "float32" }), tf);
    assert.deepEqual(scalar.shape, []);
    assert.equal(scalar.dataSync()[0], 2.5);
    tf.dispose([row, tr, scalar]);
  });

  await t.step("float64 and float16 become float32 (rounded to nearest)", () => {
    const values = [
      1 / 3,
      Math.PI,
      1e-50,
      -1e300,
      3.4028235677973366e38,
      3.4028235677973366e38 * 1.0000001,
      NaN,
    ];
    const ten = interop.toTf(nd.array(values), tf);
    assert.equal(ten.dtype, "float32");
    assert.deepEqual(Array.from(ten.dataSync()), values.map(Math.fround));
    assert.deepEqual(
      Array.from(interop.toTf(nd.array([0.5, 65504], { dtype: "float16" }), tf).dataSync()),
      [0.5, 65504],
    );
    // Any JS data goes through asarray first.
    const fromJs = interop.toTf([[1.25, 2]], tf);
    assert.equal(fromJs.dtype, "float32");
    assert.deepEqual(fromJs.shape, [1, 2]);
  });

  await t.step("small integers become int32; 64-bit and uint32 values are range-checked", () => {
    for (const dtype of ["int8", "int16", "uint8", "uint16"] as const) {
      const a = nd.array([[0, 1], [2, 100]], { dtype });
      const ten = interop.toTf(a, tf);
      assert.equal(ten.dtype, "int32");
      assert.deepEqual(Array.from(ten.dataSync()), [0, 1, 2, 100]);
    }
    const ok = interop.toTf(nd.array([-(2n ** 31n), 2n ** 31n - 1n]), tf);
    assert.equal(ok.dtype, "int32");
    assert.deepEqual(Array.from(ok.dataSync()), [-(2 ** 31), 2 ** 31 - 1]);
    assert.throws(() => interop.toTf(nd.array([0n, 2n ** 31n]), tf), {
      name: "RangeError",
      message: "toTf: int64 value 2147483648 at flat index 1 does not fit in tfjs's int32 " +
        "(-2147483648..2147483647)",
    });
    assert.throws(() => interop.toTf(nd.array([2 ** 32 - 1], { dtype: "uint32" }), tf), {
      name: "RangeError",
      message: "toTf: uint32 value 4294967295 at flat index 0 does not fit in tfjs's int32 " +
        "(-2147483648..2147483647)",
    });
    assert.throws(() => interop.toTf(nd.array([[1n], [2n ** 64n - 1n]], { dtype: "uint64" }), tf), {
      name: "RangeError",
      message: "toTf: uint64 value 18446744073709551615 at flat index 1 does not fit in tfjs's " +
        "int32 (-2147483648..2147483647)",
    });
    assert.equal(interop.toTf(nd.array([7n], { dtype: "uint64" }), tf).dataSync()[0], 7);
  });

  await t.step("complex arrays become tfjs complex64", () => {
    const z = nd.array([1, 2, 3]).add(nd.array([0.5, -1, 0]).mul(nd.array({ re: 0, im: 1 })));
    const ten = interop.toTf(z, tf);
    assert.equal(ten.dtype, "complex64");
    assert.deepEqual(Array.from(tf.real(ten).dataSync()), [1, 2, 3]);
    assert.deepEqual(Array.from(tf.imag(ten).dataSync()), [0.5, -1, 0]);
    const back = interop.fromTf(ten);
    assert.equal(back.dtype, "complex64");
    nd.testing.assertAllClose(back, z);
  });

  await t.step("fromTf: dtype, shape, read-only view by default, copy on request", async () => {
    const f = tf.tensor([[1, 2, 3], [4, 5, 6]], [2, 3], "float32");
    const a = interop.fromTf(f);
    assert.equal(a.dtype, "float32");
    assert.deepEqual(a.shape, [2, 3]);
    assert.deepEqual(a.toArray(), [[1, 2, 3], [4, 5, 6]]);
    assert.equal(a.flags.writeable, false);
    assert.throws(() => a.set([0, 0], 9), { message: "set: assignment destination is read-only" });
    const c = interop.fromTf(f, { copy: true });
    c.set([0, 0], 9);
    assert.equal(f.dataSync()[0], 1);
    assert.equal(interop.fromTf(tf.tensor([1, 2], [2], "int32")).dtype, "int32");
    const b = interop.fromTf(tf.tensor([true, false], [2], "bool"));
    assert.equal(b.dtype, "bool");
    assert.deepEqual(b.toArray(), [true, false]);
    assert.deepEqual(interop.fromTf(tf.scalar(3)).shape, []);
    const viaData = await interop.fromTfAsync(tf.ones([2, 2], "int32"));
    assert.deepEqual(viaData.toArray(), [[1, 1], [1, 1]]);
  });

  await t.step("round trips nd → tf → nd (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), {
          minLength: 1,
          maxLength: 30,
        }),
        (fs, is) => {
          const f = nd.array(fs, { dtype: "float32" });
          nd.testing.assertArrayEqual(interop.fromTf(interop.toTf(f, tf)), f);
          const i64 = nd.array(is.map(BigInt));
          nd.testing.assertArrayEqual(interop.fromTf(interop.toTf(i64, tf)), i64.astype("int32"));
          const d = nd.array(fs.map((v) => v * 1.1), { dtype: "float64" });
          nd.testing.assertArrayEqual(interop.fromTf(interop.toTf(d, tf)), d.astype("float32"));
        },
      ),
    );
  });

  await t.step("errors", async () => {
    assert.throws(() => interop.toTf(nd.zeros([2]), {} as typeof tf), {
      name: "TypeError",
      message:
        'toTf: expected the TensorFlow.js module (import * as tf from "@tensorflow/tfjs"), got object',
    });
    assert.throws(() => interop.toTf(nd.zeros([2]), tf, { copy: "yes" as unknown as boolean }), {
      name: "TypeError",
      message: "toTf: copy must be a boolean, got string",
    });
    assert.throws(() => interop.toTf(nd.zeros([2]), tf, 3 as never), {
      name: "TypeError",
      message: "toTf: options must be an object, got number",
    });
    const gone = tf.ones([2]);
    gone.dispose();
    assert.throws(() => interop.fromTf(gone), {
      name: "TypeError",
      message: "fromTf: the tensor is disposed",
    });
    assert.throws(() => interop.fromTf(tf.tensor(["a", "b"])), {
      name: "TypeError",
      message: "fromTf: tfjs dtype string has no NDArray equivalent",
    });
    assert.throws(() => interop.fromTf([1, 2] as never), {
      name: "TypeError",
      message: "fromTf: expected a TensorFlow.js tensor, got object",
    });
    const fake = { dtype: "float32", shape: [2], isDisposed: false, dataSync: () => [1, 2] };
    assert.throws(() => interop.fromTf(fake as never), {
      name: "TypeError",
      message: "fromTf: expected the float32 tensor's values in a Float32Array, got Array",
    });
    await assert.rejects(() => interop.fromTfAsync(gone), {
      name: "TypeError",
      message: "fromTfAsync: the tensor is disposed",
    });
  });
});

Deno.test("interop: toTfDataset and model.fitDataset", async (t) => {
  await t.step("elements become tensor containers; size follows the cardinality", async () => {
    const x = nd.arange(12, { dtype: "float64" }).reshape([6, 2]), y = nd.arange(6);
    const pairs = interop.toTfDataset(data.Dataset.fromTensorSlices([x, y]).batch(4), tf);
    assert.equal(pairs.size, 2);
    const items = await pairs.toArray();
    const first = items[0] as { xs: tf.Tensor; ys: tf.Tensor };
    assert.equal(first.xs.dtype, "float32");
    assert.deepEqual(first.xs.shape, [4, 2]);
    assert.equal(first.ys.dtype, "int32");
    assert.deepEqual(Array.from(first.ys.dataSync()), [0, 1, 2, 3]);
    const objs = interop.toTfDataset(data.Dataset.fromTensorSlices({ a: x, b: { c: y } }), tf);
    const o = (await objs.take(1).toArray())[0] as { a: tf.Tensor; b: { c: tf.Tensor } };
    assert.deepEqual(o.a.shape, [2]);
    assert.deepEqual(o.b.c.shape, []);
    const single = await interop.toTfDataset(data.Dataset.fromTensorSlices(x), tf).toArray();
    assert.ok(single[0] instanceof tf.Tensor);
    const triple = await interop.toTfDataset(data.Dataset.fromTensorSlices([x, y, y]), tf)
      .toArray();
    assert.equal((triple[0] as tf.Tensor[]).length, 3);
    assert.equal(interop.toTfDataset(data.Dataset.range(3).repeat(), tf).size, Infinity);
    assert.equal(interop.toTfDataset(data.Dataset.range(3).filter(() => true), tf).size, null);
    // Each tfjs iteration runs the nd pipeline anew: a seeded shuffle reshuffles.
    const shuffled = interop.toTfDataset(data.Dataset.range(20).shuffle(20, { seed: 1 }), tf);
    const order = async () => (await shuffled.toArray()).map((v) => (v as tf.Tensor).dataSync()[0]);
    assert.notDeepEqual(await order(), await order());
    const numbers = await interop.toTfDataset(data.Dataset.fromGenerator(() => [1.5, 2n, true]), tf)
      .toArray();
    assert.deepEqual(numbers.map((v) => (v as tf.Tensor).dtype), ["float32", "int32", "bool"]);
  });

  /** Trains y = 2·x0 - 3·x1 + 0.5 from an nd pipeline; returns the loss of each epoch. */
  async function train(ds: data.Dataset<unknown>, epochs: number): Promise<number[]> {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    model.compile({ optimizer: tf.train.sgd(0.1), loss: "meanSquaredError" });
    const before = tf.memory().numTensors;
    const h = await model.fitDataset(interop.toTfDataset(ds, tf), { epochs, verbose: 0 });
    // fitDataset disposed every batch it was handed (only the model's variables remain).
    assert.ok(
      tf.memory().numTensors - before < 20,
      `${tf.memory().numTensors - before} tensors left`,
    );
    model.dispose();
    return h.history.loss as number[];
  }

  const rng = nd.random.defaultRng(0);
  const x = rng.uniform(-1, 1, { size: [256, 2] });
  const y = x.matmul(nd.array([[2], [-3]])).add(0.5);

  await t.step(
    "fitDataset trains on a shuffled, batched nd pipeline: the loss decreases",
    async () => {
      const ds = data.Dataset.fromTensorSlices([x, y]).shuffle(256, { seed: 0 }).batch(32);
      const loss = await train(ds, 8);
      assert.equal(loss.length, 8);
      assert.ok(loss[7] < loss[0] / 10, `loss ${loss[0]} → ${loss[7]}`);
      for (let i = 1; i < loss.length; i++) assert.ok(loss[i] < loss[i - 1] * 1.05, `epoch ${i}`);
    },
  );

  await t.step("fitDataset over an async pipeline with { xs, ys } objects", async () => {
    const ds = data.Dataset.fromTensorSlices([x, y])
      .map(async ([a, b]) => {
        await Promise.resolve(); // stands for async work: a read, a decode
        return { xs: a, ys: b };
      }, { concurrency: 4 })
      .batch(64)
      .prefetch(2);
    assert.equal(ds.isSync, false);
    const loss = await train(ds, 6);
    assert.ok(loss[5] < loss[0], `loss ${loss[0]} → ${loss[5]}`);
  });

  await t.step("errors", () => {
    assert.throws(() => interop.toTfDataset([1, 2] as never, tf), {
      name: "TypeError",
      message: "toTfDataset: expected an nd.data.Dataset, got an array",
    });
    assert.throws(
      () => interop.toTfDataset(data.Dataset.range(2), { tensor: tf.tensor } as never),
      {
        name: "TypeError",
        message: "toTfDataset: the tf module has no data.generator (load @tensorflow/tfjs-data)",
      },
    );
    assert.throws(() => interop.toTfDataset(data.Dataset.range(2), null as never), {
      name: "TypeError",
      message:
        'toTfDataset: expected the TensorFlow.js module (import * as tf from "@tensorflow/tfjs"), got null',
    });
  });

  await t.step("errors while iterating", async () => {
    const bad = interop.toTfDataset(data.Dataset.fromGenerator(() => ["text"]), tf);
    await assert.rejects(() => bad.toArray(), {
      name: "TypeError",
      message:
        "Error thrown while iterating through a dataset: toTfDataset: cannot convert a string to a tensor",
    });
  });
});
