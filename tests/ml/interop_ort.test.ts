// nd.interop and ONNX Runtime: toOrt/fromOrt on every dtype, memory sharing, and a MatMul+Add
// ONNX model (written byte by byte in examples/onnx_model.ts) run on nd inputs by onnxruntime-web
// (WebAssembly) and onnxruntime-node (native addon), checked against nd.matmul.
import assert from "node:assert/strict";
import fc from "fast-check";
import * as nd from "../../mod.ts";
import * as interop from "../../src/interop/mod.ts";
import * as ortWeb from "onnxruntime-web";
import { matmulAddModel, type OnnxFloat } from "../../examples/onnx_model.ts";

type Ort = typeof ortWeb;

/** onnxruntime-node, or the reason it cannot load here. */
async function loadOrtNode(): Promise<Ort | string> {
  try {
    return (await import("onnxruntime-node")) as unknown as Ort;
  } catch (e) {
    return `onnxruntime-node did not load: ${(e as Error).message}`;
  }
}

async function checkModel(ort: Ort, dtype: OnnxFloat): Promise<void> {
  const rng = nd.random.defaultRng(7);
  const k = 5, m = 3, n = 8;
  const w = rng.standardNormal({ size: [k, m] }).astype(dtype);
  const b = rng.standardNormal({ size: [m] }).astype(dtype);
  const x = rng.standardNormal({ size: [n, k] }).astype(dtype);
  const bytes = matmulAddModel(
    dtype,
    k,
    m,
    w.data as Float32Array | Float64Array,
    b.data as Float32Array | Float64Array,
  );
  const session = await ort.InferenceSession.create(bytes);
  try {
    const feeds = { X: interop.toOrt(x, ort) };
    const out = await session.run(feeds);
    const y = interop.fromOrt(out.Y);
    assert.equal(y.dtype, dtype);
    assert.deepEqual(y.shape, [n, m]);
    const expected = nd.matmul(x, w).add(b);
    nd.testing.assertAllClose(y, expected, { rtol: dtype === "float32" ? 1e-5 : 1e-12 });
    // A strided (transposed) input is copied into C order first.
    const xt = rng.standardNormal({ size: [k, n] }).astype(dtype).T;
    const yt = interop.fromOrt((await session.run({ X: interop.toOrt(xt, ort) })).Y);
    nd.testing.assertAllClose(yt, nd.matmul(xt, w).add(b), {
      rtol: dtype === "float32" ? 1e-5 : 1e-12,
    });
  } finally {
    await session.release();
  }
}

Deno.test("interop: ONNX Runtime", async (t) => {
  await t.step(
    "onnxruntime-web runs a MatMul+Add model on nd inputs (float32, float64)",
    async () => {
      await checkModel(ortWeb, "float32");
      await checkModel(ortWeb, "float64");
    },
  );

  const ortNode = await loadOrtNode();
  if (typeof ortNode === "string") console.log(`skipping the onnxruntime-node step: ${ortNode}`);
  await t.step({
    name: "onnxruntime-node runs the same model (native addon)",
    ignore: typeof ortNode === "string",
    fn: async () => {
      await checkModel(ortNode as Ort, "float32");
      await checkModel(ortNode as Ort, "float64");
    },
  });

  await t.step("toOrt/fromOrt keep every real dtype, shape and value", () => {
    const cases: [nd.DType, unknown][] = [
      ["float32", [[1.5, -2], [3, 4]]],
      ["float64", [[1e300, -2], [3, Math.PI]]],
      ["float16", [0.5, -1, 65504]],
      ["int8", [-128, 127]],
      ["int16", [-32768, 32767]],
      ["int32", [[-(2 ** 31), 2 ** 31 - 1]]],
      ["int64", [-(2n ** 63n), 2n ** 63n - 1n]],
      ["uint8", [0, 255]],
      ["uint16", [0, 65535]],
      ["uint32", [0, 2 ** 32 - 1]],
      ["uint64", [0n, 2n ** 64n - 1n]],
      ["bool", [true, false, true]],
    ];
    for (const [dtype, values] of cases) {
      const a = nd.array(values as nd.ArrayLike, { dtype });
      const o = interop.toOrt(a, ortWeb);
      assert.equal(o.type, dtype);
      assert.deepEqual(o.dims, a.shape);
      const back = interop.fromOrt(o);
      assert.equal(back.dtype, dtype);
      nd.testing.assertArrayEqual(back, a);
    }
    const scalar = interop.toOrt(nd.array(2.5), ortWeb);
    assert.deepEqual(scalar.dims, []);
    assert.equal(interop.fromOrt(scalar).item(), 2.5);
  });

  await t.step("memory: shared by default, copied on request or when not C-contiguous", () => {
    const a = nd.array([[1, 2], [3, 4]], { dtype: "float32" });
    const shared = interop.toOrt(a, ortWeb);
    a.set([0, 0], 9);
    assert.equal((shared.data as Float32Array)[0], 9);
    const copied = interop.toOrt(a, ortWeb, { copy: true });
    a.set([0, 0], 1);
    assert.equal((copied.data as Float32Array)[0], 9);
    const t2 = interop.toOrt(a.T, ortWeb); // strided: copied into C order
    assert.deepEqual(Array.from(t2.data as Float32Array), [1, 3, 2, 4]);
    // A row of a matrix is a contiguous view: handed over without a copy.
    const row = interop.toOrt(a.slice(1), ortWeb);
    a.set([1, 1], 40);
    assert.deepEqual(Array.from(row.data as Float32Array), [3, 40]);
    const back = interop.fromOrt(shared);
    assert.equal(back.data, shared.data);
    assert.equal(back.flags.writeable, true);
    const own = interop.fromOrt(shared, { copy: true });
    assert.notEqual(own.data.buffer, (shared.data as Float32Array).buffer);
  });

  await t.step("fromOrtAsync reads through getData", async () => {
    const o = new ortWeb.Tensor("int64", BigInt64Array.from([1n, 2n, 3n]), [3]);
    nd.testing.assertArrayEqual(await interop.fromOrtAsync(o), nd.array([1n, 2n, 3n]));
    const f16 = new ortWeb.Tensor("float16", new Uint16Array([0x3c00, 0xc000]), [2]);
    assert.deepEqual(interop.fromOrt(f16).toArray(), [1, -2]);
  });

  await t.step("round trips of random float64 and int64 arrays (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 24 }),
        fc.array(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), {
          minLength: 1,
          maxLength: 24,
        }),
        (fs, is) => {
          const f = nd.array(fs, { dtype: "float64" });
          nd.testing.assertArrayEqual(interop.fromOrt(interop.toOrt(f, ortWeb)), f);
          const i = nd.array(is, { dtype: "int64" });
          nd.testing.assertArrayEqual(interop.fromOrt(interop.toOrt(i, ortWeb)), i);
        },
      ),
    );
  });

  await t.step("errors", async () => {
    assert.throws(() => interop.toOrt(nd.zeros([2]), null as unknown as Ort), {
      name: "TypeError",
      message:
        'toOrt: expected the ONNX Runtime module (import * as ort from "onnxruntime-web"), got null',
    });
    assert.throws(() => interop.toOrt(nd.zeros([2], { dtype: "complex128" }), ortWeb), {
      name: "TypeError",
      message:
        "toOrt: ONNX Runtime has no complex128 tensors: pass the parts (nd.real, nd.imag) instead",
    });
    assert.throws(() => interop.toOrt(nd.zeros([2]), ortWeb, { copy: 1 as unknown as boolean }), {
      name: "TypeError",
      message: "toOrt: copy must be a boolean, got number",
    });
    assert.throws(() => interop.fromOrt(new ortWeb.Tensor("string", ["a"], [1])), {
      name: "TypeError",
      message: "fromOrt: ONNX Runtime type string has no NDArray equivalent",
    });
    assert.throws(() => interop.fromOrt(42 as unknown as interop.OrtTensor), {
      name: "TypeError",
      message: "fromOrt: expected an ONNX Runtime tensor, got number",
    });
    const onGpu = {
      type: "float32",
      dims: [1],
      location: "gpu-buffer",
      data: undefined,
      getData: () => Promise.resolve(new Float32Array([7])),
    };
    assert.throws(() => interop.fromOrt(onGpu), {
      name: "TypeError",
      message: "fromOrt: the tensor's data is on gpu-buffer: use fromOrtAsync, which downloads it",
    });
    assert.deepEqual((await interop.fromOrtAsync(onGpu)).toArray(), [7]);
    const wrongData = { ...onGpu, location: "cpu", data: new Float64Array(1) };
    assert.throws(() => interop.fromOrt(wrongData), {
      name: "TypeError",
      message: "fromOrt: expected the float32 tensor's data in a Float32Array, got Float64Array",
    });
    await assert.rejects(() => interop.fromOrtAsync(null as unknown as interop.OrtTensor), {
      name: "TypeError",
      message: "fromOrtAsync: expected an ONNX Runtime tensor, got null",
    });
  });
});
