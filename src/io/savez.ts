/**
 * {@linkcode savez}: write several arrays to an uncompressed `.npz` archive.
 *
 * @module
 */

import { buildNpz, type NpzArrays } from "./_npz.ts";
import { checkedPath, writeFileChunked } from "./_file.ts";

/**
 * Writes `arrays` to an `.npz` archive with the members stored uncompressed, appending
 * `.npz` to `path` when it lacks that extension (as NumPy's `np.savez`). `arrays` is a
 * record (each key becomes a member `key.npy`) or a list (members `arr_0.npy`,
 * `arr_1.npy`, ...). Synchronous; needs `--allow-write`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const dir = Deno.makeTempDirSync();
 * nd.savez(`${dir}/data`, { x: nd.arange(4), y: nd.eye(2) });
 * const { x, y } = nd.load(`${dir}/data.npz`);
 * console.assert(x.size === 4 && y.get(1, 1) === 1);
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function savez(path: string | URL, arrays: NpzArrays): void {
  const p = checkedPath(path, "savez", ".npz");
  writeFileChunked(p, [buildNpz(arrays, false, "savez")]);
}
