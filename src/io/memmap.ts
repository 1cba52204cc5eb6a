/**
 * `memmap`: NumPy's `np.memmap`, an array whose elements live in a file.
 *
 * @module
 */

import { type DType, DTYPES, viewBuffer } from "../core/dtype.ts";
import { assertLive, NDArray } from "../core/ndarray.ts";
import { cStrides, fmtShape, fStrides, shapeSize } from "../core/shape.ts";
import { checkDType } from "../core/dtype.ts";
import { mapFile, type MapInfo, mapInfo as info, type Mapping } from "./_mmap.ts";

/**
 * How a memmap opens its file (NumPy's modes): `"r"` read-only; `"r+"` read and write an
 * existing file; `"w+"` create or overwrite, then read and write; `"c"` copy-on-write (writes
 * change memory only, never the file).
 */
export type MemmapMode = "r" | "r+" | "w+" | "c";

/** Options of {@link memmap}. */
export interface MemmapOpts {
  /** Element type (default `"uint8"`, as NumPy). */
  dtype?: DType;
  /** How the file is opened (default `"r+"`, as NumPy). */
  mode?: MemmapMode;
  /**
   * The array's shape. Required for `"w+"`; otherwise defaults to a 1-D array of everything
   * after `offset`. For `"r+"` a shape larger than the file grows the file.
   */
  shape?: number | readonly number[];
  /** Byte position of the first element in the file (default 0). */
  offset?: number;
  /** `"C"` (row-major, default) or `"F"` (column-major) element order in the file. */
  order?: "C" | "F";
}

/**
 * Whether files are mapped by the kernel (`"mmap"`: with the `ffi` permission, on Linux and
 * macOS) or read into memory and written back on `flush`/`close` (`"file"`), and why.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * assert(["mmap", "file"].includes(nd.io.mapInfo().backing));
 * ```
 */
export function mapInfo(): MapInfo {
  return info();
}

/**
 * An NDArray whose elements live in a file (see {@link memmap}). Views and results of
 * operations are ordinary NDArrays; views keep reading and writing the file's pages.
 */
export class Memmap<D extends DType = DType> extends NDArray<D> {
  /** The file's path. */
  readonly filename: string;
  /** The mode the file was opened with. */
  readonly mode: MemmapMode;
  /** Byte position of the first element in the file. */
  readonly fileOffset: number;
  /** `"mmap"` (kernel mapping) or `"file"` (read into memory, written back on flush). */
  readonly backing: "mmap" | "file";
  #map: Mapping | null;

  /** Use {@link memmap} or `openMemmap` to make one. */
  constructor(
    map: Mapping | null,
    dtype: D,
    shape: readonly number[],
    strides: readonly number[],
    filename: string,
    mode: MemmapMode,
    fileOffset: number,
  ) {
    const n = shapeSize(shape);
    const data = map === null
      ? viewBuffer(dtype, new ArrayBuffer(0), 0, 0)
      : viewBuffer(dtype, map.buffer, map.delta, n);
    super(dtype, data, shape, strides, 0, null, mode !== "r");
    this.#map = map;
    this.filename = filename;
    this.mode = mode;
    this.fileOffset = fileOffset;
    this.backing = map?.backing ?? info().backing;
  }

  /**
   * Writes changes to the file (`"r+"`, `"w+"`; nothing to do for `"r"` and `"c"`). With a
   * kernel mapping this is `msync`: the data is on disk when it returns.
   */
  flush(): void {
    this.#map?.flush();
  }

  /**
   * Flushes, then unmaps the file. Afterwards this array and every view of it hold no memory:
   * using one throws a `TypeError` (nd never touches the unmapped pages). Safe to call twice.
   */
  close(): void {
    this.#map?.release();
    this.#map = null;
  }

  /**
   * Lets the kernel drop the pages holding `part` (this array or a view of it; default: all
   * of it) from memory, writing changes back first (`"r+"`, `"w+"`): they are read from the
   * file again when next used. This is how a file larger than memory is streamed with a
   * bounded footprint (`nd.io.chunks` does it for each chunk it has handed out). No-op for
   * `"c"` (changes live only in memory) and for the file-backed fallback.
   */
  releasePages(part: NDArray = this): void {
    assertLive(this, "releasePages");
    if (!(part instanceof NDArray) || part.data.buffer !== this.data.buffer) {
      throw new TypeError("releasePages: part must be this memmap or a view of it");
    }
    if (part.size === 0 || this.#map === null) return;
    let lo = part.offset, hi = part.offset;
    for (let i = 0; i < part.ndim; i++) {
      const span = (part.shape[i] - 1) * part.strides[i];
      if (span < 0) lo += span;
      else hi += span;
    }
    const size = DTYPES[this.dtype].itemsize; // element 0 is byte 0 of the mapped range
    this.#map.drop(lo * size, (hi + 1) * size);
  }

  /** True once {@link close} has run (or for an empty map). */
  get closed(): boolean {
    return this.#map === null;
  }
}

/**
 * Maps a file of raw elements as an array (NumPy's `np.memmap`). With the `ffi` permission the
 * kernel maps it (no copy: only the pages touched are read, and writes go back to the file);
 * without it the range is read into memory and written back by `flush()`/`close()` — the same
 * API either way (see {@link mapInfo}). `offset` is in bytes; a range whose offset is not a
 * multiple of the item size is read into memory the same way, since typed arrays need aligned
 * elements (the result's `backing` is then `"file"`). Returns a {@link Memmap}.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const path = Deno.makeTempFileSync({ suffix: ".dat" });
 * const w = nd.memmap(path, { dtype: "float64", mode: "w+", shape: [2, 3] });
 * w.setSlice([1], [4, 5, 6]);
 * w.close(); // flushed to disk
 * const r = nd.memmap(path, { dtype: "float64", mode: "r", shape: [2, 3] });
 * assert.deepEqual(r.toArray(), [[0, 0, 0], [4, 5, 6]]);
 * assert.equal(nd.memmap(path, { dtype: "float64", mode: "r" }).shape[0], 6);
 * r.close();
 * Deno.removeSync(path);
 * ```
 */
export function memmap<D extends DType = "uint8">(
  path: string | URL,
  opts: MemmapOpts & { dtype?: D } = {},
): Memmap<D> {
  const file = path instanceof URL ? path.pathname : path;
  if (typeof file !== "string") {
    throw new TypeError(`memmap: expected a path string or URL, got ${typeof path}`);
  }
  const mode = opts.mode ?? "r+";
  if (!["r", "r+", "w+", "c"].includes(mode)) {
    throw new RangeError(
      `memmap: mode must be one of "r", "r+", "w+", "c", got ${JSON.stringify(mode)}`,
    );
  }
  const dtype = checkDType(opts.dtype ?? "uint8", "memmap") as D;
  const itemsize = DTYPES[dtype].itemsize;
  const offset = opts.offset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new RangeError(`memmap: offset must be a non-negative integer, got ${offset}`);
  }
  const order = opts.order ?? "C";
  if (order !== "C" && order !== "F") {
    throw new RangeError(`memmap: order must be "C" or "F", got ${JSON.stringify(order)}`);
  }
  let shape: number[] | undefined;
  if (opts.shape !== undefined) {
    const s = typeof opts.shape === "number" ? [opts.shape] : opts.shape;
    if (!Array.isArray(s) || s.some((d) => !Number.isSafeInteger(d) || d < 0)) {
      throw new RangeError(
        `memmap: shape entries must be non-negative integers, got ${JSON.stringify(opts.shape)}`,
      );
    }
    shape = s.slice();
  }
  if (mode === "w+" && shape === undefined) {
    throw new TypeError('memmap: mode "w+" needs a shape');
  }
  const where = `memmap: ${JSON.stringify(file)}`;
  let size: number;
  if (mode === "w+") {
    size = 0;
    Deno.writeFileSync(file, new Uint8Array(0)); // create or truncate
  } else {
    try {
      size = Deno.statSync(file).size;
    } catch (e) {
      throw new TypeError(`${where}: cannot open the file: ${(e as Error).message}`);
    }
  }
  if (shape === undefined) {
    const avail = size - offset;
    if (avail <= 0) {
      throw new RangeError(
        `${where}: no data after offset ${offset} in a file of ${size} bytes`,
      );
    }
    if (avail % itemsize !== 0) {
      throw new RangeError(
        `${where}: the ${avail} bytes after offset ${offset} are not a whole number of ` +
          `${dtype} elements (${itemsize} bytes each)`,
      );
    }
    shape = [avail / itemsize];
  }
  const n = shapeSize(shape);
  const bytes = n * itemsize;
  if (offset + bytes > size) {
    if (mode === "r" || mode === "c") {
      throw new RangeError(
        `${where}: shape ${fmtShape(shape)} of ${dtype} needs ${offset + bytes} bytes, the ` +
          `file has ${size}`,
      );
    }
    Deno.truncateSync(file, offset + bytes); // r+ and w+ grow the file, as NumPy
  }
  const strides = order === "C" ? cStrides(shape) : fStrides(shape);
  if (bytes === 0) {
    throw new RangeError(`${where}: cannot map an empty array (shape ${fmtShape(shape)})`);
  }
  const kind = mode === "r" ? "readonly" : mode === "c" ? "private-rw" : "shared";
  // An offset that is not a multiple of the item size cannot be mapped (typed arrays need
  // aligned elements): that range is read into memory instead (`backing` tells which).
  const map = mapFile(file, offset, bytes, kind, itemsize);
  return new Memmap(map, dtype, shape, strides, file, mode, offset);
}
