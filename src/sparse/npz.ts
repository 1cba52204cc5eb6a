/**
 * Sparse matrices in `.npz` files, in SciPy's `save_npz`/`load_npz` layout: members
 * `indices`, `indptr` (CSR/CSC) or `row`, `col` (COO), then `format` (a 0-d byte string
 * `b"csr"`), `shape` (int64, length 2) and `data`. Files written here load in SciPy as
 * `csr_matrix`/`csc_matrix`/`coo_matrix`, and SciPy's files (also its sparse arrays, which add
 * `_is_array`, and COO files with `coords`) load here. The numeric members go through nd's
 * own .npy encoder and decoder; the zip container is fflate's, as in nd's `savez`.
 *
 * @module
 */
import { unzipSync, type Zippable, zipSync } from "fflate";
import { NDArray } from "../core/ndarray.ts";
import { fromNpy, toNpy } from "../io/npy.ts";
import { slice } from "../core/indexing.ts";
import type { SparseMatrix } from "./_base.ts";
import type { Compressed } from "./_compressed.ts";
import { decodeString, encodeByteString } from "./_npz_format.ts";
import { csr } from "./csr.ts";
import { csc } from "./csc.ts";
import { coo } from "./coo.ts";

/** Options of {@linkcode saveNpz}. */
export interface SaveNpzOpts {
  /** Deflate the members (default true, as SciPy's `save_npz`). */
  compressed?: boolean;
}

const MTIME = new Date(1980, 0, 1, 0, 0, 0);

/** The bytes of an `.npz` file holding `m` in SciPy's layout. */
export function toNpzBytes(m: SparseMatrix, opts: SaveNpzOpts = {}): Uint8Array {
  if (typeof m !== "object" || m === null || !("format" in m) || !("tocsr" in m)) {
    throw new TypeError("saveNpz: expected a sparse matrix");
  }
  const level = (opts.compressed ?? true) ? 6 : 0;
  const members: [string, Uint8Array][] = [];
  if (m.format === "coo") {
    const c = m as unknown as { row: Int32Array; col: Int32Array };
    members.push(["row", toNpy(c.row)], ["col", toNpy(c.col)]);
  } else {
    const c = m as Compressed;
    members.push(["indices", toNpy(c.indices)], ["indptr", toNpy(c.indptr)]);
  }
  members.push(
    ["format", encodeByteString(m.format)],
    ["shape", toNpy(new NDArray("int64", BigInt64Array.from(m.shape.map(BigInt)), [2]))],
    ["data", toNpy(m.data)],
  );
  const files: Zippable = {};
  for (const [name, bytes] of members) files[`${name}.npy`] = [bytes, { level }];
  return zipSync(files, { mtime: MTIME });
}

/** The sparse matrix in the bytes of an `.npz` file written by SciPy's `save_npz` or nd. */
export function fromNpzBytes(bytes: Uint8Array, where = "loadNpz"): SparseMatrix {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new SyntaxError(
      `${where}: not a valid zip archive: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (!("format.npy" in files)) {
    throw new TypeError(`${where}: the file does not contain a sparse matrix: no format member`);
  }
  const format = decodeString(files["format.npy"]);
  if (format === null) {
    throw new TypeError(`${where}: the format member is not a 0-d string array`);
  }
  const get = (name: string): NDArray => {
    const b = files[`${name}.npy`];
    if (b === undefined) {
      throw new TypeError(`${where}: a ${format} matrix needs a ${name} member, the file has none`);
    }
    return fromNpy(b);
  };
  const shapeArr = get("shape");
  const shape = (shapeArr.toArray() as (number | bigint)[]).map(Number);
  const data = get("data");
  if (format === "csr" || format === "csc") {
    const init = { data, indices: get("indices"), indptr: get("indptr"), shape };
    return format === "csr" ? csr(init) : csc(init);
  }
  if (format === "coo") {
    if ("coords.npy" in files && !("row.npy" in files)) {
      const coords = get("coords");
      if (coords.ndim !== 2 || coords.shape[0] !== 2) {
        throw new TypeError(`${where}: only 2-D COO matrices are supported`);
      }
      return coo({ data, row: slice(coords, 0), col: slice(coords, 1), shape });
    }
    return coo({ data, row: get("row"), col: get("col"), shape });
  }
  throw new TypeError(
    `${where}: format ${JSON.stringify(format)} is not supported: nd reads csr, csc and coo`,
  );
}

function pathText(path: string | URL): string {
  return path instanceof URL ? path.href : path;
}

/**
 * Writes `m` to an `.npz` file in SciPy's `save_npz` layout (".npz" is appended to a string
 * path without it, as NumPy does). Needs `--allow-write`.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const dir = Deno.makeTempDirSync();
 * sparse.saveNpz(`${dir}/m.npz`, sparse.fromDense([[0, 1.5], [2, 0]]));
 * const back = sparse.loadNpz(`${dir}/m.npz`);
 * assert.equal(back.format, "csr");
 * assert.deepEqual(back.toDense().toArray(), [[0, 1.5], [2, 0]]);
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function saveNpz(path: string | URL, m: SparseMatrix, opts: SaveNpzOpts = {}): void {
  if (typeof path !== "string" && !(path instanceof URL)) {
    throw new TypeError(`saveNpz: expected a path string or URL, got ${typeof path}`);
  }
  const file = typeof path === "string" && !path.endsWith(".npz") ? `${path}.npz` : path;
  Deno.writeFileSync(file, toNpzBytes(m, opts));
}

/**
 * Reads a sparse matrix from an `.npz` file written by SciPy's `save_npz` (matrices or
 * arrays) or by {@linkcode saveNpz}. The arrays are checked as `csr()`/`csc()`/`coo()` check
 * them; int64 indices are converted to Int32Array. Needs `--allow-read`.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import assert from "node:assert/strict";
 * const dir = Deno.makeTempDirSync();
 * sparse.saveNpz(`${dir}/c`, sparse.coo({ data: [1, 2], row: [0, 0], col: [1, 1], shape: [1, 2] }));
 * const back = sparse.loadNpz(`${dir}/c.npz`);
 * assert.equal(back.format, "coo");
 * assert.equal(back.nnz, 2); // COO duplicates are stored as they are
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function loadNpz(path: string | URL): SparseMatrix {
  if (typeof path !== "string" && !(path instanceof URL)) {
    throw new TypeError(`loadNpz: expected a path string or URL, got ${typeof path}`);
  }
  return fromNpzBytes(Deno.readFileSync(path), `loadNpz: ${JSON.stringify(pathText(path))}`);
}
