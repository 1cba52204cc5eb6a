/**
 * Fresh float64 output buffers for the transformers. A large new `Float64Array` is zero pages
 * that the kernel maps in 4 KiB at a time on first write: filling a 160 MB result that way costs
 * more than the arithmetic (≈ 80 ms for 1,000,000 × 20 here). NumPy's allocator asks Linux for
 * transparent huge pages on allocations of 4 MiB and more (`madvise(MADV_HUGEPAGE)`), which
 * cuts that to ≈ 10 ms; this does the same when the FFI permission is already granted (never
 * prompting) and libc loads, and allocates plainly otherwise. The advice only changes how the
 * pages are backed, never their contents: the range passed is the 2 MiB-aligned interior of
 * the buffer just allocated, checked to lie inside it.
 *
 * @module
 */

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

/** A zeroed `Float64Array` of `n` elements, backed by huge pages when it is large and allowed. */
export function allocF64(n: number): Float64Array {
  const a = new Float64Array(n);
  if (a.byteLength < HUGE_THRESHOLD) return a;
  madvise ??= loadMadvise();
  if (madvise === null) return a;
  try {
    const p = Deno.UnsafePointer.of(a);
    if (p === null) return a;
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
  return a;
}
