/**
 * {@linkcode savezCompressed}: write several arrays to a deflated `.npz` archive.
 *
 * @module
 */

import { buildNpz, type NpzArrays } from "./_npz.ts";
import { checkedPath, writeFileChunked } from "./_file.ts";

/**
 * Like {@linkcode savez} but deflates each member (NumPy's `np.savez_compressed`), appending
 * `.npz` to `path` when it lacks that extension. Synchronous; needs `--allow-write`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const dir = Deno.makeTempDirSync();
 * nd.savezCompressed(`${dir}/z.npz`, [nd.zeros([1000])]);
 * console.assert(Deno.statSync(`${dir}/z.npz`).size < 1000);
 * console.assert(nd.load(`${dir}/z.npz`).arr_0.size === 1000);
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function savezCompressed(path: string | URL, arrays: NpzArrays): void {
  const p = checkedPath(path, "savezCompressed", ".npz");
  writeFileChunked(p, [buildNpz(arrays, true, "savezCompressed")]);
}
