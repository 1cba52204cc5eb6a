// Building and reading .npz archives (see npz.ts), with the caller's name in errors.

import { unzipSync, type Zippable, zipSync } from "fflate";
import { NDArray } from "../core/ndarray.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { MAGIC } from "./_npy_header.ts";
import { encodeNpy, parseNpy } from "./_npy_data.ts";
import { toArray } from "../core/asarray.ts";

/** Arrays to store in an `.npz`: by name, or a list (named `arr_0`, `arr_1`, ...). */
export type NpzArrays = Readonly<Record<string, ArrayLike>> | readonly ArrayLike[];

// A fixed timestamp (the earliest a zip can hold) makes the archive depend only on its data.
const MTIME = new Date(1980, 0, 1, 0, 0, 0);

function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The name → array pairs of an `NpzArrays`, checked. */
export function npzEntries(arrays: NpzArrays, where: string): [string, ArrayLike][] {
  if (Array.isArray(arrays)) return arrays.map((a, i) => [`arr_${i}`, a]);
  if (
    arrays === null || typeof arrays !== "object" || arrays instanceof NDArray ||
    ArrayBuffer.isView(arrays)
  ) {
    const what = arrays instanceof NDArray
      ? "an NDArray (pass [a] or {name: a})"
      : arrays === null
      ? "null"
      : ArrayBuffer.isView(arrays)
      ? "a typed array (pass [a] or {name: a})"
      : typeof arrays;
    throw new TypeError(
      `${where}: expected a record of arrays or a list of arrays, got ${what}`,
    );
  }
  return Object.keys(arrays).map((k) => [k, (arrays as Record<string, ArrayLike>)[k]]);
}

/** `toNpz` with the caller's name in error messages. */
export function buildNpz(arrays: NpzArrays, compressed: boolean, where: string): Uint8Array {
  const entries = npzEntries(arrays, where);
  const files: Zippable = {};
  const level = compressed ? 6 : 0;
  for (const [name, a] of entries) {
    const arr = toArray(a, `${where}: array ${JSON.stringify(name)}`);
    const bytes = encodeNpy(arr, undefined, true, where)[0];
    setOwn(files as Record<string, unknown>, `${name}.npy`, [bytes, { level }]);
  }
  return zipSync(files, { mtime: MTIME });
}

function startsWithMagic(b: Uint8Array): boolean {
  if (b.length < MAGIC.length) return false;
  for (let k = 0; k < MAGIC.length; k++) if (b[k] !== MAGIC[k]) return false;
  return true;
}

/** `fromNpz` with the caller's name in error messages. */
export function parseNpz(bytes: Uint8Array, where: string): Record<string, NDArray> {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`${where}: expected a Uint8Array, got ${typeof bytes}`);
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new SyntaxError(
      `${where}: not a valid zip archive: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const out: Record<string, NDArray> = {};
  for (const name of Object.keys(files)) {
    const member = files[name];
    const isNpy = name.endsWith(".npy");
    // Like NumPy, a member is an array when it starts with the .npy magic; a member named
    // *.npy must be one. Other members (directories, text files) are skipped.
    if (!isNpy && !startsWithMagic(member)) continue;
    const key = isNpy ? name.slice(0, -4) : name;
    setOwn(out, key, parseNpy(member, `${where}: member ${JSON.stringify(name)}`));
  }
  return out;
}
