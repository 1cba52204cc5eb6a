/**
 * The `.npy` format: one array per file, {@linkcode toNpy} and {@linkcode fromNpy}.
 *
 * ## Layout of a .npy file
 *
 * | bytes | content |
 * | ----- | ------- |
 * | 0–5 | the magic string: byte `0x93` then the ASCII letters `NUMPY` |
 * | 6, 7 | format version, major then minor: `1 0`, `2 0` or `3 0` |
 * | 8… | header length `HLEN`, little-endian unsigned: 2 bytes in version 1.0, 4 bytes in 2.0 and 3.0 |
 * | next `HLEN` | the header: a Python dict literal, then spaces, then one `\n` |
 * | the rest | the elements, `itemsize` bytes each, with no gaps |
 *
 * The header is text, encoded as Latin-1 in versions 1.0 and 2.0 and as UTF-8 in 3.0 (the
 * only difference between 2.0 and 3.0; the longer length field is what 2.0 adds over 1.0).
 * The dict has exactly three keys, and a reader rejects a header with any other set:
 *
 * - `'descr'`: the element type as NumPy's type string: a byte-order character (`<` little
 *   endian, `>` big endian, `|` not applicable for one-byte types, `=` the writer's native
 *   order), a kind letter (`b` bool, `i` signed and `u` unsigned integer, `f` float, `c`
 *   complex) and the size in bytes. nd reads and writes `<f8 <f4 <f2 <i8 <i4 <i2 |i1 <u8 <u4
 *   <u2 |u1 |b1 <c16 <c8` and reads the big-endian and `=` forms too. NumPy also writes
 *   strings (`<U5`, `|S3`), datetimes (`<M8[ns]`), raw bytes (`|V8`), Python objects (`|O`,
 *   whose data is a pickle) and structured types (a list of `(name, descr)` tuples instead of
 *   a string); nd rejects those with a `TypeError`.
 * - `'fortran_order'`: `True` when the elements are stored in column-major order (the first
 *   index varies fastest), `False` for row-major (C) order.
 * - `'shape'`: a tuple of non-negative ints: `(2, 3)`, `(5,)` for one dimension, `()` for a
 *   0-d array, which holds exactly one element.
 *
 * NumPy writes the keys sorted (`{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }`,
 * with a trailing comma and space), adds spaces so that the digits of the first dimension (the
 * last when `fortran_order`) could grow to 21 without moving the data, then pads with spaces
 * and a final `\n` until the magic, version, length and header together take a multiple of
 * 64 bytes (a whole extra 64 when they already do). The data therefore starts 64-byte
 * aligned, which lets readers map the file and view the elements in place. A writer uses
 * version 1.0 unless the header is longer than 65535 bytes (then 2.0), or 3.0 when the header
 * holds characters outside Latin-1 (never the case for nd's dtypes).
 *
 * Readers must accept: any amount of whitespace in the dict, the keys in any order, strings
 * in single or double quotes and, in versions 1.0 and 2.0, Python 2's `L` suffix on the
 * integers of the shape. Data after the last element is ignored.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { toArray } from "../core/asarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { encodeNpy, parseNpy } from "./_npy_data.ts";

/** Options of {@linkcode toNpy}. */
export interface ToNpyOpts {
  /**
   * Format version as `[major, minor]`: `[1, 0]`, `[2, 0]` or `[3, 0]`. By default 1.0, or
   * 2.0 when the header does not fit 1.0 (as NumPy).
   */
  version?: readonly [number, number];
}

/**
 * The bytes of a `.npy` file holding `a`, identical to what NumPy's `np.save` writes for the
 * same array. C-contiguous arrays are written in C order; arrays that are Fortran-contiguous
 * but not C-contiguous (a transposed matrix, say) are written in Fortran order with
 * `fortran_order: True`, as NumPy does; any other view is written in C order.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const bytes = nd.toNpy(nd.arange(6, { dtype: "int32" }).reshape([2, 3]));
 * console.assert(bytes.length === 128 + 24);
 * const head = new TextDecoder().decode(bytes.subarray(10, 70));
 * console.assert(head.startsWith("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }"));
 * ```
 */
export function toNpy(a: ArrayLike, opts: ToNpyOpts = {}): Uint8Array {
  const arr = toArray(a, "toNpy");
  const v = opts.version;
  let major: 1 | 2 | 3 | undefined;
  if (v !== undefined) {
    const ok = Array.isArray(v) && v.length === 2 && v[1] === 0 &&
      (v[0] === 1 || v[0] === 2 || v[0] === 3);
    if (!ok) {
      throw new RangeError(
        `toNpy: version ${JSON.stringify(v)} is not supported: expected [1, 0], [2, 0] or [3, 0]`,
      );
    }
    major = v[0] as 1 | 2 | 3;
  }
  return encodeNpy(arr, major, true, "toNpy")[0];
}

/**
 * The array stored in the bytes of a `.npy` file (format versions 1.0, 2.0 and 3.0, either
 * byte order, C or Fortran order).
 *
 * No copy is made when the data is in the host's byte order and suitably aligned (always the
 * case for a whole file read into a fresh buffer): the result is then a writeable view of
 * `bytes`' memory, so writes to one show in the other. `bytes` may be backed by a
 * `SharedArrayBuffer`. A file written with `fortran_order: True` gives an F-contiguous
 * array of the stored shape. Throws a `SyntaxError` for a malformed or truncated file and a
 * `TypeError` for element types nd does not have (strings, objects, structured dtypes).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const a = nd.array([[1, 2, 3], [4, 5, 6]], { dtype: "float32" });
 * const b = nd.fromNpy(nd.toNpy(a.T));
 * console.assert(b.dtype === "float32" && b.shape.join() === "3,2");
 * console.assert(b.flags.fContiguous && b.get(2, 1) === 6);
 * ```
 */
export function fromNpy(bytes: Uint8Array): NDArray {
  return parseNpy(bytes, "fromNpy");
}
