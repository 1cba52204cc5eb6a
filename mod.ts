/**
 * nd: NumPy-style n-dimensional arrays for Deno.
 *
 * @example
 * ```ts
 * import * as nd from "./mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.arange(6).reshape([2, 3]);
 * assert(a.mul(2).toArray().flat().join() === "0,2,4,6,8,10");
 * ```
 *
 * @module
 */

import "./src/ops/_install.ts";

export { NDArray } from "./src/core/ndarray.ts";
export type { Flags, NestedArray, ReduceOpts } from "./src/core/ndarray.ts";
export type { Complex, DType, DTypeMap, ScalarMap, TypedArray } from "./src/core/dtype.ts";
export type { ArrayLike, NestedScalars, Scalar } from "./src/core/_array_like.ts";
export { newaxis } from "./src/core/_index_types.ts";
export type { Index } from "./src/core/_index_types.ts";
export { canCast, promoteTypes, resultType } from "./src/core/promotion.ts";
export { finfo, iinfo } from "./src/core/finfo.ts";
export type { FInfo, FloatDType, IInfo, InexactDType, IntDType } from "./src/core/finfo.ts";
export type { Casting, DTypeLike } from "./src/core/promotion.ts";
export { broadcastShapes } from "./src/core/shape.ts";
export type { Shape } from "./src/core/shape.ts";
export { array, asarray } from "./src/core/asarray.ts";
export type { ArrayOpts } from "./src/core/asarray.ts";
export { astype, copy, copyInto } from "./src/core/copy.ts";
export { setSlice, slice } from "./src/core/indexing.ts";
export {
  broadcastArrays,
  broadcastTo,
  expandDims,
  moveaxis,
  reshape,
  squeeze,
  swapaxes,
  transpose,
} from "./src/core/views.ts";
export { asStrided } from "./src/core/as_strided.ts";
export type { AsStridedOpts } from "./src/core/as_strided.ts";
export { slidingWindowView } from "./src/core/sliding_window_view.ts";
export type { SlidingWindowOpts } from "./src/core/sliding_window_view.ts";
export * from "./src/ops/creation.ts";
export * from "./src/ops/elementwise.ts";
export type {
  Ufunc,
  UfuncAccumulateOpts,
  UfuncAtIndices,
  UfuncOpts,
  UfuncReduceOpts,
} from "./src/ops/ufunc.ts";
export { withProtocol } from "./src/ufunc/protocol.ts";
export type { LoopBody, UfuncCall, UfuncMeta } from "./src/ufunc/protocol.ts";
export {
  array2string,
  formatFloatPositional,
  formatFloatScientific,
  repr,
} from "./src/core/print.ts";
export type {
  Array2StringOpts,
  FloatMode,
  FormatFloatOpts,
  FormatPositionalOpts,
  FormatScientificOpts,
  ReprOpts,
  SignMode,
  Trim,
} from "./src/core/print.ts";
export { displayBundle } from "./src/core/display.ts";
export { mallocInfo } from "./src/core/malloc_tuning.ts";
export type { MallocInfo } from "./src/core/malloc_tuning.ts";
export * from "./src/ops/reduce/mod.ts";
export { around, round } from "./src/ops/round.ts";
export { clip } from "./src/ops/clip.ts";
export { nanToNum } from "./src/ops/nan_to_num.ts";
export type { NanToNumOpts } from "./src/ops/nan_to_num.ts";
export { allclose, isclose } from "./src/ops/isclose.ts";
export type { IsCloseOpts } from "./src/ops/isclose.ts";
export { e, eulerGamma, inf, nan, pi } from "./src/core/constants.ts";
export { angle, imag, real } from "./src/ops/complex_parts.ts";
export * from "./src/ops/statistics/mod.ts";
export { dot, matmul } from "./src/linalg/matmul.ts";
export { inner, kron, outer, tensordot, trace, vdot } from "./src/linalg/products.ts";
export type { TensordotOpts, TraceOpts } from "./src/linalg/products.ts";
export { einsum } from "./src/linalg/einsum.ts";
export * as linalg from "./src/linalg/mod.ts";
export { backend } from "./src/backend/mod.ts";
export type { BackendInfo, UseOpts } from "./src/backend/mod.ts";
export * from "./src/ops/manipulation/mod.ts";
export * from "./src/ops/sorting/mod.ts";
export * from "./src/io/mod.ts";
export * as io from "./src/io/mod.ts";
export * as random from "./src/random/mod.ts";
export * as tenalg from "./src/tenalg/mod.ts";
export * as decomposition from "./src/decomposition/mod.ts";
export * as plot from "./src/plot/mod.ts";
export * as data from "./src/data/mod.ts";
export * as interop from "./src/interop/mod.ts";
export * as ml from "./src/ml/mod.ts";
export * as sparse from "./src/sparse/mod.ts";
export { frompyfunc } from "./src/ufunc/frompyfunc.ts";
export type { FrompyfuncOpts, PyUfunc } from "./src/ufunc/frompyfunc.ts";
export { vectorize } from "./src/ufunc/vectorize.ts";
export type { Vectorized, VectorizeOpts } from "./src/ufunc/vectorize.ts";
export { ufunc } from "./src/ufunc/compiled_ufunc.ts";
export type {
  CompiledUfunc,
  CompiledUfuncOpts,
  UfuncLoopDType,
} from "./src/ufunc/compiled_ufunc.ts";
export { kernel } from "./src/ufunc/kernel.ts";
export type {
  Kernel,
  KernelCallOpts,
  KernelDType,
  KernelOpts,
  KernelView,
} from "./src/ufunc/kernel.ts";
export {
  getNumThreads,
  isShared,
  PARALLEL_MIN_SIZE,
  setNumThreads,
  startWorkers,
  terminateWorkers,
  toShared,
  workerInfo,
} from "./src/ufunc/shared.ts";
export type { PoolInfo } from "./src/ufunc/shared.ts";
export * as testing from "./src/testing/mod.ts";
