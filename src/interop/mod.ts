/**
 * `nd.interop`: NDArrays and datasets to and from machine-learning frameworks. The framework
 * module is passed in (`toTf(a, tf)`, `toOrt(a, ort)`): nd depends on none of them.
 *
 * - TensorFlow.js: {@link toTf}, {@link fromTf}, {@link fromTfAsync}, and
 *   {@link toTfDataset} (an `nd.data.Dataset` as a `tf.data.Dataset` for
 *   `model.fitDataset`). Checked with `npm:@tensorflow/tfjs@4.22.0` on its CPU backend.
 * - ONNX Runtime: {@link toOrt}, {@link fromOrt}, {@link fromOrtAsync}, for
 *   `npm:onnxruntime-web` (WebAssembly, no setup under Deno) or `npm:onnxruntime-node`
 *   (native addon, `--allow-ffi`); both checked at 1.30.0 under Deno 2.9.6.
 * - PyTorch and NumPy: the bridge is a file. `.npy` (one array) and `.npz` (several) are
 *   NumPy's own formats, written by `nd.save` / `nd.savez` and read by `nd.load`, and
 *   PyTorch reads them through NumPy: `torch.from_numpy(np.load("x.npy"))` (and
 *   `np.save("y.npy", t.numpy())` the other way). Large arrays can be opened without
 *   reading them (`nd.load(path, { mmapMode: "r" })`, `np.load(path, mmap_mode="r")`).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * // Deno side: write features for PyTorch.
 * const dir = Deno.makeTempDirSync();
 * const x = nd.arange(6, { dtype: "float32" }).reshape([2, 3]);
 * nd.save(`${dir}/x.npy`, x);
 * // Python side:  t = torch.from_numpy(np.load("x.npy"))   # a float32 tensor of shape (2, 3)
 * //               np.save("y.npy", (t * 2).numpy())
 * // Back in Deno (here the file is written by nd itself, as NumPy would write it):
 * nd.save(`${dir}/y.npy`, x.mul(2));
 * const y = nd.load(`${dir}/y.npy`);
 * assert.equal(y.dtype, "float32");
 * assert.deepEqual(y.toArray(), [[0, 2, 4], [6, 8, 10]]);
 * Deno.removeSync(dir, { recursive: true });
 * ```
 *
 * @module
 */

export { fromTf, fromTfAsync, toTf } from "./tf.ts";
export type { FromTfOpts, TfModule, TfTensor, ToTfOpts } from "./tf.ts";
export { toTfDataset } from "./tf_dataset.ts";
export type { TfDataModule, TfDataset } from "./tf_dataset.ts";
export { fromOrt, fromOrtAsync, toOrt } from "./ort.ts";
export type { FromOrtOpts, OrtModule, OrtTensor, OrtType, ToOrtOpts } from "./ort.ts";
