/**
 * {@linkcode load}: read a `.npy` file (one array) or an `.npz` archive (named arrays).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { MAGIC } from "./_npy_header.ts";
import { parseNpy } from "./_npy_data.ts";
import { parseNpz } from "./_npz.ts";
import { readFileChunked } from "./_file.ts";
import { openMemmap } from "./open_memmap.ts";

/** Options of {@linkcode load}. */
export interface LoadOpts {
  /**
   * Memory-map a `.npy` file instead of reading it (NumPy's `mmap_mode`): the result is a
   * `Memmap` over the file's data (see `openMemmap`; `"w+"` is refused here, as there is no
   * shape to create). Ignored for `.npz` archives, as in NumPy.
   */
  mmapMode?: "r" | "r+" | "w+" | "c" | null;
}

function hasPrefix(b: Uint8Array, prefix: ArrayLike<number>): boolean {
  if (b.length < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (b[k] !== prefix[k]) return false;
  return true;
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

/**
 * Reads an array from a `.npy` file, or the arrays of an `.npz` archive as a record keyed by
 * member name without `.npy`. The format is recognized from the file's first bytes, as NumPy
 * does; the static return type follows the extension (`.npy` → `NDArray`, `.npz` → record),
 * and a file whose contents contradict its extension is rejected with a `TypeError`.
 * Synchronous (like NumPy, and convenient in notebooks); needs `--allow-read`.
 *
 * Errors: `SyntaxError` for malformed or truncated files and for files that are neither
 * format, `TypeError` for element types nd lacks (strings, Python objects, structured
 * dtypes), `RangeError` for an `mmapMode` (memory mapping is not supported yet); file system
 * errors (`Deno.errors.NotFound`, ...) pass through.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const dir = Deno.makeTempDirSync();
 * nd.save(`${dir}/a.npy`, nd.arange(6, { dtype: "uint16" }).reshape([3, 2]));
 * const a = nd.load(`${dir}/a.npy`);
 * console.assert(a.dtype === "uint16" && a.shape.join() === "3,2" && a.get(2, 1) === 5);
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function load(path: `${string}.npy`, opts?: LoadOpts): NDArray;
export function load(path: `${string}.npz`, opts?: LoadOpts): Record<string, NDArray>;
export function load(
  path: string | URL,
  opts?: LoadOpts,
): NDArray | Record<string, NDArray>;
export function load(
  path: string | URL,
  opts: LoadOpts = {},
): NDArray | Record<string, NDArray> {
  if (typeof path !== "string" && !(path instanceof URL)) {
    throw new TypeError(
      `load: expected a path string or URL, got ${path === null ? "null" : typeof path}`,
    );
  }
  const mode = opts.mmapMode;
  const name = path instanceof URL ? path.pathname : path;
  if (mode !== undefined && mode !== null) {
    if (!["r", "r+", "c", "w+"].includes(mode)) {
      throw new RangeError(
        `load: mmapMode must be "r", "r+", "c" or null, got ${JSON.stringify(mode)}`,
      );
    }
    if (mode === "w+") {
      throw new RangeError(
        'load: mmapMode "w+" would create an empty file: use openMemmap(path, { mode: "w+", ' +
          "dtype, shape })",
      );
    }
    if (!name.endsWith(".npz")) return openMemmap(name, { mode });
  }
  const where = `load: ${JSON.stringify(path instanceof URL ? path.href : path)}`;
  const bytes = readFileChunked(path);
  if (hasPrefix(bytes, MAGIC)) {
    if (name.endsWith(".npz")) {
      throw new TypeError(`${where}: the file is a .npy file despite its .npz extension`);
    }
    return parseNpy(bytes, where);
  }
  if (hasPrefix(bytes, ZIP_LOCAL) || hasPrefix(bytes, ZIP_EMPTY)) {
    if (name.endsWith(".npy")) {
      throw new TypeError(`${where}: the file is an .npz archive despite its .npy extension`);
    }
    return parseNpz(bytes, where);
  }
  if (name.endsWith(".npy")) return parseNpy(bytes, where); // the magic-string error
  throw new SyntaxError(
    `${where}: the file is neither a .npy file nor an .npz archive: it starts with ${
      showStart(bytes)
    }`,
  );
}

function showStart(b: Uint8Array): string {
  if (b.length === 0) return "nothing (it is empty)";
  return `bytes ${[...b.subarray(0, 8)].map((x) => x.toString(16).padStart(2, "0")).join(" ")}`;
}
