// Scratch memory for kernel temporaries, kept between calls: a fresh multi-megabyte buffer
// costs its page faults every time (measured 6.5 ms for 12.8 MB after a collection on the
// benchmark machine, against 0.1 ms to overwrite a warm one). The buffer grows to the largest
// request and stays; each kernel takes it whole and releases it before returning (JS runs
// one kernel at a time per thread, and kernels never call user code while they hold it).

import { adviseHuge } from "./_alloc.ts";

let buffer = new ArrayBuffer(0);

/** At least `bytes` bytes of scratch (contents undefined). */
export function scratch(bytes: number): ArrayBuffer {
  if (buffer.byteLength < bytes) {
    const grown = Math.max(bytes, Math.floor(buffer.byteLength * 1.5));
    buffer = new ArrayBuffer(0); // drop the old one before allocating the new one
    buffer = new ArrayBuffer(grown);
    adviseHuge(new Uint8Array(buffer));
  }
  return buffer;
}

/** Bytes `n` rounded up to a multiple of 8 (aligned offsets for every typed array). */
export function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
