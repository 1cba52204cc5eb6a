/**
 * NDArrays to and from ONNX Runtime tensors: {@link toOrt}, {@link fromOrt},
 * {@link fromOrtAsync}.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import type { DType, TypedArray } from "../core/dtype.ts";
import { toArray } from "../core/asarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { copyOpt, flatData, wrap } from "./_common.ts";

/** ONNX Runtime's element types that have an NDArray dtype. */
export type OrtType =
  | "float32"
  | "float64"
  | "float16"
  | "int8"
  | "int16"
  | "int32"
  | "int64"
  | "uint8"
  | "uint16"
  | "uint32"
  | "uint64"
  | "bool";

/** The parts of an ONNX Runtime tensor (`ort.Tensor`) that nd reads. */
export interface OrtTensor {
  /** The element type (`"float32"`, `"int64"`, ...). */
  readonly type: string;
  /** The shape. */
  readonly dims: readonly number[];
  /** Where the data is: `"cpu"` (or `"cpu-pinned"`) for tensors whose `data` can be read. */
  readonly location?: string;
  /** The elements (CPU tensors). */
  readonly data: unknown;
  /** Downloads the elements (any location). */
  getData(): Promise<unknown>;
}

/**
 * The parts of an ONNX Runtime module that nd calls (`ort.Tensor`): pass
 * `import * as ort from "onnxruntime-web"` or `"onnxruntime-node"`. nd does not depend on
 * either.
 */
export interface OrtModule {
  /** `new ort.Tensor(type, data, dims)`. */
  readonly Tensor: new (
    type: OrtType,
    data: Exclude<TypedArray, Float16Array>,
    dims: readonly number[],
  ) => OrtTensor;
}

/** Options of {@link toOrt}. */
export interface ToOrtOpts {
  /** Always copy (default false: C-contiguous arrays are handed over without a copy). */
  copy?: boolean;
}

/** Options of {@link fromOrt} and {@link fromOrtAsync}. */
export interface FromOrtOpts {
  /** Copy the data (default false: the NDArray shares the tensor's typed array). */
  copy?: boolean;
}

/**
 * An ONNX Runtime tensor of `a`'s values and shape (`new ort.Tensor(dtype, data, shape)`
 * of the module passed in). Every real dtype maps to the ORT type of the same name (bool to
 * `"bool"` over the same 0/1 bytes, float16 through a `Float16Array`); complex arrays have no
 * ORT type and throw. When `a` is C-contiguous the tensor wraps `a`'s memory without a copy
 * (ORT reads it when the session runs); `{ copy: true }` copies.
 *
 * Runtimes (checked under Deno 2.9.6): `onnxruntime-web` runs on its WebAssembly CPU backend
 * with no setup (the .wasm file is found next to the package; Deno grants the read); and
 * `onnxruntime-node` loads its native addon (`--allow-ffi`; the package ships the Linux,
 * macOS and Windows binaries).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import * as ort from "onnxruntime-web";
 * import assert from "node:assert/strict";
 * const t = nd.interop.toOrt(nd.arange(6).reshape([2, 3]), ort);
 * assert.equal(t.type, "int64");
 * assert.deepEqual(t.dims, [2, 3]);
 * assert.deepEqual(nd.interop.fromOrt(t).toArray(), [[0n, 1n, 2n], [3n, 4n, 5n]]);
 * ```
 */
export function toOrt<M extends OrtModule>(
  a: NDArray | ArrayLike,
  ort: M,
  opts?: ToOrtOpts,
): InstanceType<M["Tensor"]> {
  if (ort === null || typeof ort !== "object" || typeof (ort as OrtModule).Tensor !== "function") {
    throw new TypeError(
      `toOrt: expected the ONNX Runtime module (import * as ort from "onnxruntime-web"), got ${
        ort === null ? "null" : typeof ort
      }`,
    );
  }
  const share = !copyOpt(opts, "toOrt");
  const x = toArray(a as ArrayLike, "toOrt");
  if (x.dtype === "complex64" || x.dtype === "complex128") {
    throw new TypeError(
      `toOrt: ONNX Runtime has no ${x.dtype} tensors: pass the parts (nd.real, nd.imag) instead`,
    );
  }
  const data = flatData(x, share), dims = x.shape.slice();
  const Tensor = ort.Tensor as OrtModule["Tensor"];
  if (x.dtype === "float16") {
    try {
      return new Tensor("float16", data as unknown as Uint16Array, dims) as InstanceType<
        M["Tensor"]
      >;
    } catch {
      // Runtimes that predate Float16Array take the bits in a Uint16Array.
      const bits = new Uint16Array(data.buffer, data.byteOffset, data.length);
      return new Tensor("float16", bits, dims) as InstanceType<M["Tensor"]>;
    }
  }
  return new Tensor(
    x.dtype as OrtType,
    data as Exclude<TypedArray, Float16Array>,
    dims,
  ) as InstanceType<M["Tensor"]>;
}

const FROM_ORT: Record<string, DType> = {
  float32: "float32",
  float64: "float64",
  float16: "float16",
  int8: "int8",
  int16: "int16",
  int32: "int32",
  int64: "int64",
  uint8: "uint8",
  uint16: "uint16",
  uint32: "uint32",
  uint64: "uint64",
  bool: "bool",
};

const CTOR: Record<DType, string> = {
  float32: "Float32Array",
  float64: "Float64Array",
  float16: "Float16Array",
  int8: "Int8Array",
  int16: "Int16Array",
  int32: "Int32Array",
  int64: "BigInt64Array",
  uint8: "Uint8Array",
  uint16: "Uint16Array",
  uint32: "Uint32Array",
  uint64: "BigUint64Array",
  bool: "Uint8Array",
  complex64: "",
  complex128: "",
};

function checkOrtTensor(t: unknown, fn: string): [OrtTensor, DType] {
  if (t === null || typeof t !== "object" || !Array.isArray((t as OrtTensor).dims)) {
    throw new TypeError(
      `${fn}: expected an ONNX Runtime tensor, got ${t === null ? "null" : typeof t}`,
    );
  }
  const tt = t as OrtTensor, dtype = FROM_ORT[tt.type];
  if (dtype === undefined) {
    throw new TypeError(`${fn}: ONNX Runtime type ${tt.type} has no NDArray equivalent`);
  }
  return [tt, dtype];
}

function fromData(t: OrtTensor, dtype: DType, data: unknown, share: boolean, fn: string): NDArray {
  let d = data;
  if (dtype === "float16" && d instanceof Uint16Array) {
    d = new Float16Array(d.buffer, d.byteOffset, d.length);
  }
  if (!ArrayBuffer.isView(d) || d.constructor.name !== CTOR[dtype]) {
    throw new TypeError(
      `${fn}: expected the ${t.type} tensor's data in a ${CTOR[dtype]}, got ${
        (d as object)?.constructor?.name ?? typeof d
      }`,
    );
  }
  return wrap(dtype, d as TypedArray, t.dims, share, true);
}

/**
 * An NDArray of a CPU ONNX Runtime tensor's data, with its dims and the dtype of the same
 * name. By default it shares the tensor's typed array (writeable, as the tensor's own data
 * is); `{ copy: true }` copies. Tensors on a GPU location need {@link fromOrtAsync}.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import * as ort from "onnxruntime-web";
 * import assert from "node:assert/strict";
 * const t = new ort.Tensor("float32", new Float32Array([1, 2, 3, 4]), [2, 2]);
 * const a = nd.interop.fromOrt(t);
 * assert.deepEqual(a.toArray(), [[1, 2], [3, 4]]);
 * assert.equal(a.data, t.data); // shared
 * ```
 */
export function fromOrt(t: OrtTensor, opts?: FromOrtOpts): NDArray {
  const share = !copyOpt(opts, "fromOrt");
  const [tt, dtype] = checkOrtTensor(t, "fromOrt");
  if (tt.location !== undefined && !tt.location.startsWith("cpu")) {
    throw new TypeError(
      `fromOrt: the tensor's data is on ${tt.location}: use fromOrtAsync, which downloads it`,
    );
  }
  return fromData(tt, dtype, tt.data, share, "fromOrt");
}

/**
 * As {@link fromOrt} for a tensor at any location: the data comes from `await t.getData()`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import * as ort from "onnxruntime-web";
 * import assert from "node:assert/strict";
 * const t = new ort.Tensor("int32", new Int32Array([5, 6]), [2]);
 * assert.deepEqual((await nd.interop.fromOrtAsync(t)).toArray(), [5, 6]);
 * ```
 */
export async function fromOrtAsync(t: OrtTensor, opts?: FromOrtOpts): Promise<NDArray> {
  const share = !copyOpt(opts, "fromOrtAsync");
  const [tt, dtype] = checkOrtTensor(t, "fromOrtAsync");
  return fromData(tt, dtype, await tt.getData(), share, "fromOrtAsync");
}
