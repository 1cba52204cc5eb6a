/**
 * Fresh float64 output buffers for the transformers, on transparent huge pages when large
 * (`src/core/huge_pages.ts`): filling a fresh 160 MB result (1,000,000 × 20) on 4 KiB pages
 * cost ≈ 80 ms here, ≈ 10 ms on huge pages.
 *
 * @module
 */

import { allocateLarge } from "../core/huge_pages.ts";

/** A zeroed `Float64Array` of `n` elements, backed by huge pages when it is large and allowed. */
export function allocF64(n: number): Float64Array {
  return allocateLarge("float64", n);
}
