// The data part of .npy files: encoding an array's elements after a header, and viewing or
// copying the elements of a file as an NDArray (see npy.ts for the format).

import { type DType, DTYPES, viewBuffer } from "../core/dtype.ts";
import { NDArray } from "../core/ndarray.ts";
import { fStrides, shapeSize } from "../core/shape.ts";
import { copyInto } from "../core/copy.ts";
import { readNpyHeader, writeNpyHeader } from "./_npy_header.ts";

/**
 * The bytes of a .npy file for `arr`: one buffer when `joined`, else `[header, data]` where
 * `data` is a view of `arr`'s memory when `arr` is contiguous (so that a file can be written
 * without copying the elements).
 */
export function encodeNpy(
  arr: NDArray,
  major: 1 | 2 | 3 | undefined,
  joined: boolean,
  where: string,
): Uint8Array[] {
  const { cContiguous, fContiguous } = arr.flags;
  // Every empty array is both C- and F-contiguous in NumPy, so it is written in C order.
  const fortran = arr.size > 0 && !cContiguous && fContiguous;
  const header = writeNpyHeader(arr.dtype, arr.shape, fortran, major, where);
  const n = arr.size;
  const itemsize = DTYPES[arr.dtype].itemsize;
  const nbytes = n * itemsize;
  const d = arr.data;
  // One block of memory starting at the first element: the bytes as they are. (An empty
  // view's offset may lie past the end of its buffer: no view then.)
  const block = nbytes > 0 && (cContiguous || fContiguous)
    ? new Uint8Array(d.buffer, d.byteOffset + arr.offset * itemsize, nbytes)
    : undefined;
  if (!joined && block) return [header, block];
  const start = joined ? header.length : 0;
  const out = new Uint8Array(start + nbytes);
  if (joined) out.set(header);
  if (block) {
    out.set(block, start);
  } else if (nbytes > 0) {
    // `start` is 0 or a multiple of 64, so the data region is aligned for any dtype.
    const dst = new NDArray(arr.dtype, viewBuffer(arr.dtype, out.buffer, start, n), arr.shape);
    copyInto(dst, arr);
  }
  return joined ? [out] : [header, out];
}

function swapBytes(b: Uint8Array, width: number): void {
  const n = b.length;
  if (width === 2) {
    for (let i = 0; i < n; i += 2) {
      const t = b[i];
      b[i] = b[i + 1];
      b[i + 1] = t;
    }
  } else {
    const half = width >> 1;
    for (let i = 0; i < n; i += width) {
      for (let j = 0; j < half; j++) {
        const t = b[i + j];
        b[i + j] = b[i + width - 1 - j];
        b[i + width - 1 - j] = t;
      }
    }
  }
}

/**
 * The array whose elements sit at `bytes[start..]`, in the dtype, order and shape given:
 * a view of `bytes`' memory when no conversion is needed and the typed array's alignment
 * allows, else a copy (byte-swapped, or with bools normalized to 0/1, when needed).
 */
export function arrayFromBytes(
  bytes: Uint8Array,
  start: number,
  dtype: DType,
  shape: readonly number[],
  fortranOrder: boolean,
  swap: boolean,
  where: string,
): NDArray {
  const info = DTYPES[dtype];
  const n = shapeSize(shape);
  const nbytes = n * info.itemsize;
  const have = bytes.length - start;
  if (have < nbytes) {
    throw new SyntaxError(
      `${where}: truncated data: shape (${shape.join(", ")}${
        shape.length === 1 ? "," : ""
      }) of ${dtype} needs ${nbytes} bytes after the header, the file has ${have}`,
    );
  }
  const region = bytes.subarray(start, start + nbytes);
  const width = info.itemsize / info.lanes;
  let badBool = false;
  if (dtype === "bool") {
    for (let i = 0; i < nbytes; i++) {
      if (region[i] > 1) {
        badBool = true;
        break;
      }
    }
  }
  let data;
  if (!swap && !badBool && region.byteOffset % width === 0) {
    data = viewBuffer(dtype, region.buffer, region.byteOffset, n);
  } else {
    const copy = new Uint8Array(nbytes);
    copy.set(region);
    if (swap) swapBytes(copy, width);
    if (badBool) {
      for (let i = 0; i < nbytes; i++) copy[i] = copy[i] === 0 ? 0 : 1;
    }
    data = viewBuffer(dtype, copy.buffer, 0, n);
  }
  return new NDArray(dtype, data, shape, fortranOrder ? fStrides(shape) : undefined);
}

/** {@linkcode fromNpy} with the caller's name in error messages. */
export function parseNpy(bytes: Uint8Array, where: string): NDArray {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`${where}: expected a Uint8Array, got ${describe(bytes)}`);
  }
  const h = readNpyHeader(bytes, where);
  return arrayFromBytes(bytes, h.dataOffset, h.dtype, h.shape, h.fortranOrder, h.swap, where);
}

function describe(x: unknown): string {
  if (x === null || x === undefined) return String(x);
  if (typeof x === "object") return Object.prototype.toString.call(x).slice(8, -1);
  return typeof x;
}
