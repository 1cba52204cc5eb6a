/**
 * `openMemmap`: NumPy's `np.lib.format.open_memmap`, a memmap of the data of a `.npy` file.
 *
 * @module
 */

import { checkDType, type DType } from "../core/dtype.ts";
import { checkShape } from "../core/shape.ts";
import { readNpyHeader, writeNpyHeader } from "./_npy_header.ts";
import { type Memmap, memmap, type MemmapMode } from "./memmap.ts";

/** Options of {@link openMemmap}. */
export interface OpenMemmapOpts {
  /** How the file is opened (default `"r+"`, as NumPy). */
  mode?: MemmapMode;
  /** With `"w+"`: the element type of the new file (default `"float64"`). */
  dtype?: DType;
  /** With `"w+"`: the shape of the new file (required). */
  shape?: number | readonly number[];
  /** With `"w+"`: write the data in column-major order (default false). */
  fortranOrder?: boolean;
  /** With `"w+"`: the format version, 1–3 (default: the smallest that fits, as NumPy). */
  version?: 1 | 2 | 3;
}

/**
 * Memory-maps the data of a `.npy` file (see `memmap`): `"r"`, `"r+"` and `"c"` read dtype,
 * shape and order from the header; `"w+"` writes a new file with the header NumPy would write
 * for `dtype` and `shape`, so NumPy can `np.load` it. Files in the other byte order than the
 * host's cannot be mapped (their elements would need swapping). Returns a `Memmap`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const path = Deno.makeTempFileSync({ suffix: ".npy" });
 * const out = nd.openMemmap(path, { mode: "w+", dtype: "float32", shape: [3, 2] });
 * out.setSlice([null, 1], 7);
 * out.close();
 * assert.deepEqual((nd.load(path) as nd.NDArray).toArray(), [[0, 7], [0, 7], [0, 7]]);
 * const m = nd.openMemmap(path, { mode: "r" });
 * assert.equal(m.dtype, "float32");
 * m.close();
 * Deno.removeSync(path);
 * ```
 */
export function openMemmap(path: string | URL, opts: OpenMemmapOpts = {}): Memmap {
  const file = path instanceof URL ? path.pathname : path;
  if (typeof file !== "string") {
    throw new TypeError(`openMemmap: expected a path string or URL, got ${typeof path}`);
  }
  const mode = opts.mode ?? "r+";
  const where = `openMemmap: ${JSON.stringify(file)}`;
  if (mode === "w+") {
    if (opts.shape === undefined) throw new TypeError('openMemmap: mode "w+" needs a shape');
    const dtype = checkDType(opts.dtype ?? "float64", "openMemmap");
    const shape = checkShape(opts.shape, "openMemmap");
    const fortran = opts.fortranOrder ?? false;
    const header = writeNpyHeader(dtype, shape, fortran, opts.version, where);
    Deno.writeFileSync(file, header); // create or truncate; memmap grows it to size
    return memmap(file, {
      mode: "r+",
      dtype,
      shape,
      offset: header.length,
      order: fortran ? "F" : "C",
    });
  }
  for (const k of ["dtype", "shape", "fortranOrder", "version"] as const) {
    if (opts[k] !== undefined) {
      throw new TypeError(`openMemmap: ${k} applies only to mode "w+" (the header has it)`);
    }
  }
  const h = readNpyHeader(readHead(file, where), where);
  if (h.swap) {
    throw new TypeError(
      `${where}: the data is ${h.descr}, in the other byte order than this machine's: ` +
        `it cannot be mapped, load it without mmapMode`,
    );
  }
  return memmap(file, {
    mode,
    dtype: h.dtype,
    shape: h.shape,
    offset: h.dataOffset,
    order: h.fortranOrder ? "F" : "C",
  });
}

/** The first bytes of the file, enough for any header (read until its length is known). */
function readHead(file: string, where: string): Uint8Array {
  let f: Deno.FsFile;
  try {
    f = Deno.openSync(file, { read: true });
  } catch (e) {
    throw new TypeError(`${where}: cannot open the file: ${(e as Error).message}`);
  }
  try {
    const readUpTo = (n: number): Uint8Array => {
      const buf = new Uint8Array(n);
      let got = 0;
      f.seekSync(0, Deno.SeekMode.Start);
      while (got < n) {
        const k = f.readSync(buf.subarray(got));
        if (k === null) break;
        got += k;
      }
      return buf.subarray(0, got);
    };
    const first = readUpTo(12);
    if (first.length < 10) return first; // readNpyHeader reports the truncation
    const major = first[6];
    const len = major === 1
      ? first[8] | (first[9] << 8)
      : new DataView(first.buffer, first.byteOffset).getUint32(8, true);
    return readUpTo((major === 1 ? 10 : 12) + len);
  } finally {
    f.close();
  }
}
