/**
 * {@linkcode save}: write one array to a `.npy` file.
 *
 * @module
 */

import type { ArrayLike } from "../core/_array_like.ts";
import { toArray } from "../core/asarray.ts";
import { encodeNpy } from "./_npy_data.ts";
import { checkedPath, writeFileChunked } from "./_file.ts";

/**
 * Writes `a` to a `.npy` file, appending `.npy` to `path` when it lacks that extension (as
 * NumPy's `np.save`). The bytes are those of `toNpy`, which NumPy reads back
 * exactly. Synchronous (like NumPy, and convenient in notebooks); needs `--allow-write`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * const dir = Deno.makeTempDirSync();
 * nd.save(`${dir}/x`, nd.linspace(0, 1, { num: 5 }));
 * const x = nd.load(`${dir}/x.npy`);
 * console.assert(x.shape[0] === 5 && x.get(4) === 1);
 * Deno.removeSync(dir, { recursive: true });
 * ```
 */
export function save(path: string | URL, a: ArrayLike): void {
  const p = checkedPath(path, "save", ".npy");
  const parts = encodeNpy(toArray(a, "save"), undefined, false, "save");
  writeFileChunked(p, parts);
}
