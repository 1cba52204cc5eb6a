/**
 * Transparent huge pages for large fresh buffers, as NumPy's allocator asks for them.
 *
 * A new multi-megabyte typed array is zero pages that Linux maps 4 KiB at a time on first write;
 * on the project's VM filling a fresh 160 MB result cost ≈ 80 ms that way, ≈ 10 ms on 2 MiB
 * pages (NumPy calls `madvise(MADV_HUGEPAGE)` on every allocation of 4 MiB or more). This does
 * the same where it can — Linux, the `ffi` permission already granted (never prompting), libc
 * loaded — and nothing otherwise. The advice changes how pages are backed, never their
 * contents; the range passed is the 2 MiB-aligned interior of the buffer, checked to lie inside
 * it. Used for the large outputs of `nd.ml` and `nd.sparse`; measured there (the THP setting
 * and the host decide how much it helps: on this VM it ranged from a large gain to none).
 *
 * @module
 */

import { allocate, type DType, type DTypeMap } from "./dtype.ts";

/** Buffers of at least this many bytes are advised (NumPy's threshold). */
export const HUGE_PAGE_THRESHOLD: number = 1 << 22;

const HUGE_PAGE = 2n * 1024n * 1024n;
const MADV_HUGEPAGE = 14;

type Madvise = (p: Deno.PointerValue, len: bigint, advice: number) => number;
let madvise: Madvise | null | undefined;

function loadMadvise(): Madvise | null {
  try {
    if (Deno.build.os !== "linux") return null;
    if (Deno.permissions.querySync({ name: "ffi" }).state !== "granted") return null;
    const lib = Deno.dlopen("libc.so.6", {
      madvise: { parameters: ["pointer", "usize", "i32"], result: "i32" },
    });
    return (p, len, advice) => lib.symbols.madvise(p, len, advice) as number;
  } catch {
    return null;
  }
}

/**
 * Advises huge pages for the aligned interior of a fresh buffer of at least
 * {@link HUGE_PAGE_THRESHOLD} bytes (best effort; call before the first write).
 *
 * @example
 * ```ts
 * import { adviseHugePages } from "./huge_pages.ts";
 * const a = new Float64Array(1 << 20); // 8 MiB
 * adviseHugePages(a); // a no-op where it cannot apply
 * a.fill(1);
 * ```
 */
export function adviseHugePages(a: ArrayBufferView): void {
  if (a.byteLength < HUGE_PAGE_THRESHOLD) return;
  madvise ??= loadMadvise();
  if (madvise === null) return;
  try {
    const p = Deno.UnsafePointer.of(a as Uint8Array);
    if (p === null) return;
    const addr = BigInt(Deno.UnsafePointer.value(p));
    const end = addr + BigInt(a.byteLength);
    const lo = (addr + HUGE_PAGE - 1n) / HUGE_PAGE * HUGE_PAGE;
    const hi = end / HUGE_PAGE * HUGE_PAGE;
    if (lo >= addr && hi <= end && hi > lo) {
      madvise(Deno.UnsafePointer.create(lo), hi - lo, MADV_HUGEPAGE);
    }
  } catch {
    madvise = null;
  }
}

/**
 * A zeroed buffer for `n` elements of `dtype`, on huge pages when it is large (see the module).
 *
 * @example
 * ```ts
 * import { allocateLarge } from "./huge_pages.ts";
 * import assert from "node:assert/strict";
 * assert.equal(allocateLarge("float64", 1 << 20).length, 1 << 20);
 * ```
 */
export function allocateLarge<D extends DType>(dtype: D, n: number): DTypeMap[D] {
  const a = allocate(dtype, n);
  adviseHugePages(a);
  return a;
}
