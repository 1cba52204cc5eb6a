// Fresh output buffers on transparent huge pages. A new multi-megabyte typed array is zero
// pages that Linux maps 4 KiB at a time on first write: on the benchmark VM that cost 2–5 ms
// for 12.8 MB (a spmm result), against 0.5–1.5 ms on 2 MiB pages, the pages NumPy's
// allocator asks for with `madvise(MADV_HUGEPAGE)` on every allocation of 4 MiB or more
// (measured in a scratch script: allocate and fill 12.8 MB after gc(), median of 40). This
// does the same when the FFI permission is already granted (never prompting) and libc loads,
// and allocates plainly otherwise. The advice changes how pages are backed, never their
// contents; the range passed is the 2 MiB-aligned interior of the buffer just allocated,
// checked to lie inside it.
import { allocate, type DType, type DTypeMap } from "../core/dtype.ts";

const HUGE_THRESHOLD = 1 << 22; // bytes, as NumPy's default allocator
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

/** Advises huge pages for the aligned interior of `a` when it is large (best effort). */
export function adviseHuge(a: ArrayBufferView): void {
  if (a.byteLength < HUGE_THRESHOLD) return;
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

/** A zeroed buffer for `n` elements of `dtype` (see the module comment for large ones). */
export function allocOut<D extends DType>(dtype: D, n: number): DTypeMap[D] {
  const a = allocate(dtype, n);
  adviseHuge(a);
  return a;
}

/** A zeroed Int32Array of `n` elements (see the module comment for large ones). */
export function allocInt32(n: number): Int32Array {
  const a = new Int32Array(n);
  adviseHuge(a);
  return a;
}
