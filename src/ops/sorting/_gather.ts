// Gathering elements by flat position through views of matching byte width (Uint8/Uint16/
// Uint32), so that one loop per width serves every dtype and values are copied bit for bit.
import { allocate, type DType, DTYPES, type TypedArray } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { ascontiguous } from "../../core/copy.ts";

/**
 * A new 1-D array of the elements of `a` (read in C order) at flat positions `pos` (all
 * assumed in range).
 */
export function gatherFlat<D extends DType>(a: NDArray<D>, pos: Int32Array): NDArray<D> {
  const c = ascontiguous(a);
  const out = allocate(a.dtype, pos.length);
  gatherInto(a.dtype, c.data, c.offset, pos, out);
  return new NDArray(a.dtype, out, [pos.length]);
}

/** `dst[j] = src[off + pos[j]]` for elements of `dtype`, bit for bit. */
export function gatherInto(
  dtype: DType,
  src: TypedArray,
  off: number,
  pos: Int32Array,
  dst: TypedArray,
): void {
  const size = DTYPES[dtype].itemsize;
  if (size === 1) {
    g8(bytes(src), off, pos, bytes(dst));
  } else if (size === 2) {
    g16(
      new Uint16Array(src.buffer, src.byteOffset, src.byteLength >>> 1),
      off,
      pos,
      new Uint16Array(dst.buffer, dst.byteOffset, dst.byteLength >>> 1),
    );
  } else {
    const w = size >>> 2;
    const s32 = new Uint32Array(src.buffer, src.byteOffset, src.byteLength >>> 2);
    const d32 = new Uint32Array(dst.buffer, dst.byteOffset, dst.byteLength >>> 2);
    if (w === 1) g32(s32, off, pos, d32);
    else gw(s32, off, pos, d32, w);
  }
}

function bytes(a: TypedArray): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function g8(s: Uint8Array, off: number, pos: Int32Array, d: Uint8Array): void {
  for (let j = 0; j < pos.length; j++) d[j] = s[off + pos[j]];
}

function g16(s: Uint16Array, off: number, pos: Int32Array, d: Uint16Array): void {
  for (let j = 0; j < pos.length; j++) d[j] = s[off + pos[j]];
}

function g32(s: Uint32Array, off: number, pos: Int32Array, d: Uint32Array): void {
  for (let j = 0; j < pos.length; j++) d[j] = s[off + pos[j]];
}

function gw(s: Uint32Array, off: number, pos: Int32Array, d: Uint32Array, w: number): void {
  if (w === 2) {
    for (let j = 0; j < pos.length; j++) {
      const p = 2 * (off + pos[j]);
      d[2 * j] = s[p];
      d[2 * j + 1] = s[p + 1];
    }
    return;
  }
  for (let j = 0; j < pos.length; j++) {
    const p = w * (off + pos[j]);
    for (let k = 0; k < w; k++) d[w * j + k] = s[p + k];
  }
}
