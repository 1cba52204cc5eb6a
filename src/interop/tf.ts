/**
 * NDArrays to and from TensorFlow.js tensors: {@link toTf}, {@link fromTf},
 * {@link fromTfAsync}.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { DType, TypedArray } from "../core/dtype.ts";
import { astype } from "../core/copy.ts";
import { toArray } from "../core/asarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { checkTf, copyOpt, flatData, toInt32, wrap } from "./_common.ts";

/** The parts of a TensorFlow.js tensor that nd reads (any backend's `tf.Tensor` has them). */
export interface TfTensor {
  /** `"float32"`, `"int32"`, `"bool"`, `"complex64"` or `"string"`. */
  readonly dtype: string;
  /** The tensor's shape. */
  readonly shape: readonly number[];
  /** True once `dispose()` ran. */
  readonly isDisposed: boolean;
  /** The values, synchronously. */
  dataSync(): unknown;
  /** The values, asynchronously. */
  data(): Promise<unknown>;
  /** Frees the tensor's memory in its backend. */
  dispose(): void;
}

/**
 * The parts of the TensorFlow.js module that nd calls: pass the module itself
 * (`import * as tf from "@tensorflow/tfjs"`, or tfjs-core with a backend). nd does not
 * depend on TensorFlow.js. The parameters are typed `never` so that the module of any tfjs
 * version type-checks; nd calls `tf.tensor(values, shape, dtype)` with a Float32Array,
 * Int32Array or Uint8Array and `tf.complex(real, imag)` with two float32 tensors.
 */
export interface TfModule {
  /** `tf.tensor(values, shape, dtype)`. */
  tensor(values: never, shape: never, dtype: never): TfTensor;
  /** `tf.complex(real, imag)`. */
  complex(real: never, imag: never): TfTensor;
}

/** The calls nd makes, with the argument types it passes. */
interface TfCalls {
  tensor(
    values: Float32Array | Int32Array | Uint8Array,
    shape: number[],
    dtype: "float32" | "int32" | "bool",
  ): TfTensor;
  complex(real: TfTensor, imag: TfTensor): TfTensor;
}

/** Options of {@link toTf}. */
export interface ToTfOpts {
  /**
   * Always copy the elements (default false: float32, int32 and bool arrays that are
   * C-contiguous are handed to tfjs without a copy, and the tensor then shares their memory).
   */
  copy?: boolean;
}

/** Options of {@link fromTf} and {@link fromTfAsync}. */
export interface FromTfOpts {
  /**
   * Copy the values into a writeable array (default false: the NDArray is a read-only view
   * of the typed array tfjs returns, which on the CPU backend is the tensor's own memory).
   */
  copy?: boolean;
}

/**
 * A TensorFlow.js tensor of `a`'s values and shape, made with the `tf` module passed in.
 *
 * - float32, int32 and bool: tfjs's own dtypes. When `a` is C-contiguous the typed array is
 *   handed over as is: the CPU backend keeps it, so the tensor shares `a`'s memory (writing
 *   into `a` afterwards changes the tensor; `{ copy: true }` prevents it). Other backends
 *   (WebGL, WASM) upload a copy.
 * - float64 and float16 become float32: float64 values are rounded to the nearest float32
 *   (magnitudes above 3.4028235e38 become ±Infinity, below 1.4e-45 become ±0; NaN stays NaN).
 * - int8, int16, uint8 and uint16 become int32 (exactly); int64, uint64 and uint32 become int32
 *   after checking every value fits (a RangeError names the first that does not).
 * - complex64 and complex128 become a tfjs complex64 tensor (`tf.complex` of float32 parts).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import * as tf from "@tensorflow/tfjs";
 * import assert from "node:assert/strict";
 * tf.env().set("IS_NODE", false); // no "use tfjs-node" banner
 * await tf.setBackend("cpu");
 * const a = nd.array([[1, 2], [3, 4]], { dtype: "float32" });
 * const t = nd.interop.toTf(a, tf);
 * assert.deepEqual(t.shape, [2, 2]);
 * assert.deepEqual(Array.from(t.matMul(t).dataSync()), [7, 10, 15, 22]);
 * a.set([0, 0], 5); // shared memory on the CPU backend
 * assert.equal(t.dataSync()[0], 5);
 * assert.equal(nd.interop.toTf(nd.arange(3), tf).dtype, "int32"); // int64 → int32, checked
 * ```
 */
export function toTf<M extends TfModule>(
  a: NDArray | ArrayLike,
  tf: M,
  opts?: ToTfOpts,
): ReturnType<M["tensor"]> {
  const mod = checkTf(tf, "toTf") as unknown as TfCalls;
  const share = !copyOpt(opts, "toTf");
  const x = toArray(a as ArrayLike, "toTf");
  const shape = x.shape.slice();
  const make = (): TfTensor => {
    switch (x.dtype) {
      case "float32":
      case "int32":
      case "bool":
        return mod.tensor(
          flatData(x, share) as Float32Array | Int32Array | Uint8Array,
          shape,
          x.dtype,
        );
      case "float64":
      case "float16":
        return mod.tensor(astype(x, "float32").data, shape, "float32");
      case "int8":
      case "int16":
      case "uint8":
      case "uint16":
        return mod.tensor(astype(x, "int32").data, shape, "int32");
      case "int64":
      case "uint64":
      case "uint32":
        return mod.tensor(toInt32(x, "toTf", "tfjs"), shape, "int32");
      case "complex64":
      case "complex128": {
        const parts = flatData(astype(x, "complex64"), true) as Float32Array;
        const re = new Float32Array(x.size), im = new Float32Array(x.size);
        for (let i = 0; i < x.size; i++) {
          re[i] = parts[2 * i];
          im[i] = parts[2 * i + 1];
        }
        const tr = mod.tensor(re, shape, "float32"), ti = mod.tensor(im, shape, "float32");
        const c = mod.complex(tr, ti);
        tr.dispose();
        ti.dispose();
        return c;
      }
    }
  };
  return make() as ReturnType<M["tensor"]>;
}

const FROM_TF: Record<string, [DType, new (n: number) => TypedArray]> = {
  float32: ["float32", Float32Array],
  int32: ["int32", Int32Array],
  bool: ["bool", Uint8Array],
  complex64: ["complex64", Float32Array],
};

function checkTensor(t: unknown, fn: string): [TfTensor, DType] {
  if (
    t === null || typeof t !== "object" || typeof (t as TfTensor).dataSync !== "function" ||
    !Array.isArray((t as TfTensor).shape)
  ) {
    throw new TypeError(
      `${fn}: expected a TensorFlow.js tensor, got ${t === null ? "null" : typeof t}`,
    );
  }
  const tt = t as TfTensor;
  if (tt.isDisposed) throw new TypeError(`${fn}: the tensor is disposed`);
  const d = FROM_TF[tt.dtype];
  if (d === undefined) {
    throw new TypeError(`${fn}: tfjs dtype ${tt.dtype} has no NDArray equivalent`);
  }
  return [tt, d[0]];
}

function fromValues(
  t: TfTensor,
  dtype: DType,
  values: unknown,
  share: boolean,
  fn: string,
): NDArray {
  const ctor = FROM_TF[t.dtype][1];
  if (!(values instanceof ctor)) {
    throw new TypeError(
      `${fn}: expected the ${t.dtype} tensor's values in a ${ctor.name}, got ${
        (values as object)?.constructor?.name ?? typeof values
      }`,
    );
  }
  return wrap(dtype, values as TypedArray, t.shape, share, false);
}

/**
 * An NDArray of a TensorFlow.js tensor's values (`dataSync`), with its shape and the
 * matching dtype (float32, int32, bool, complex64). By default a read-only view of the
 * typed array tfjs returns (on the CPU backend, for float32 and int32, the tensor's own
 * memory: tensors are immutable, so the view cannot be written); `{ copy: true }` gives a
 * writeable copy.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import * as tf from "@tensorflow/tfjs";
 * import assert from "node:assert/strict";
 * tf.env().set("IS_NODE", false);
 * await tf.setBackend("cpu");
 * const a = nd.interop.fromTf(tf.tensor([[1, 2, 3]], [1, 3], "int32"));
 * assert.equal(a.dtype, "int32");
 * assert.deepEqual(a.toArray(), [[1, 2, 3]]);
 * assert.equal(a.flags.writeable, false);
 * ```
 */
export function fromTf(t: TfTensor, opts?: FromTfOpts): NDArray {
  const share = !copyOpt(opts, "fromTf");
  const [tt, dtype] = checkTensor(t, "fromTf");
  return fromValues(tt, dtype, tt.dataSync(), share, "fromTf");
}

/**
 * As {@link fromTf}, reading the values with `await t.data()` (which does not block on
 * GPU backends).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import * as tf from "@tensorflow/tfjs";
 * import assert from "node:assert/strict";
 * tf.env().set("IS_NODE", false);
 * await tf.setBackend("cpu");
 * const a = await nd.interop.fromTfAsync(tf.ones([2]), { copy: true });
 * a.set([0], 3);
 * assert.deepEqual(a.toArray(), [3, 1]);
 * ```
 */
export async function fromTfAsync(t: TfTensor, opts?: FromTfOpts): Promise<NDArray> {
  const share = !copyOpt(opts, "fromTfAsync");
  const [tt, dtype] = checkTensor(t, "fromTfAsync");
  return fromValues(tt, dtype, await tt.data(), share, "fromTfAsync");
}
