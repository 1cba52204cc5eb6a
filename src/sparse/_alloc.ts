// Fresh output buffers, on transparent huge pages when large (src/core/huge_pages.ts): on the
// benchmark VM a fresh 12.8 MB spmm result cost 2–5 ms to fault in on 4 KiB pages, 0.5–1.5 ms on
// 2 MiB pages (allocate and fill after gc(), median of 40, scratch script).
import type { DType, DTypeMap } from "../core/dtype.ts";
import { adviseHugePages, allocateLarge } from "../core/huge_pages.ts";

/** Advises huge pages for the aligned interior of `a` when it is large (best effort). */
export const adviseHuge: (a: ArrayBufferView) => void = adviseHugePages;

/** A zeroed buffer for `n` elements of `dtype`. */
export function allocOut<D extends DType>(dtype: D, n: number): DTypeMap[D] {
  return allocateLarge(dtype, n);
}

/** A zeroed Int32Array of `n` elements. */
export function allocInt32(n: number): Int32Array {
  return allocateLarge("int32", n);
}
