/**
 * `nd.io.chunks`: consecutive views along one axis, for out-of-core work.
 *
 * @module
 */

import type { DType } from "../core/dtype.ts";
import type { NDArray } from "../core/ndarray.ts";
import { normalizeAxis } from "../core/shape.ts";
import { toArray } from "../core/asarray.ts";
import type { Index } from "../core/_index_types.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { Memmap } from "./memmap.ts";

/** Options of {@link chunks}. */
export interface ChunksOpts {
  /** The axis to cut along (default 0). */
  axis?: number;
  /** The most positions of `axis` in one chunk (required, ≥ 1). */
  size: number;
  /**
   * For (views of) a memmap: once the next chunk is asked for, let the kernel drop the pages
   * of the one before (writing changes back first; see `Memmap.releasePages`), so that memory
   * stays bounded by about one chunk. Default true; the data stays valid either way.
   */
  release?: boolean;
}

/**
 * The consecutive views of `a` holding at most `size` positions of `axis` each, in order
 * (the last may be shorter). Views, not copies: over a memmap each chunk touches only its own
 * pages, and the pages of a chunk already handed out are released when the next one is asked
 * for, so a file larger than memory can be reduced or written one chunk at a time in bounded
 * memory.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.arange(10).reshape([5, 2]);
 * const parts = [...nd.io.chunks(a, { size: 2 })].map((c) => c.shape[0]);
 * assert.deepEqual(parts, [2, 2, 1]);
 * let total = 0n;
 * for (const c of nd.io.chunks(a, { axis: 1, size: 1 })) total += nd.sum(c).item() as bigint;
 * assert.equal(total, 45n);
 * ```
 */
export function* chunks<D extends DType>(
  a: NDArray<D> | ArrayLike,
  opts: ChunksOpts,
): Generator<NDArray<D>, void, undefined> {
  const arr = toArray(a as ArrayLike, "chunks") as NDArray<D>;
  if (typeof opts !== "object" || opts === null) {
    throw new TypeError("chunks: options with a size are required, e.g. { size: 1024 }");
  }
  const size = opts.size;
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 1) {
    throw new RangeError(`chunks: size must be a positive integer, got ${String(size)}`);
  }
  if (arr.ndim === 0) throw new TypeError("chunks: cannot cut a 0-dimensional array");
  const axis = normalizeAxis(opts.axis ?? 0, arr.ndim, "chunks");
  const release = opts.release ?? true;
  if (typeof release !== "boolean") {
    throw new TypeError(`chunks: release must be a boolean, got ${typeof release}`);
  }
  const root = arr instanceof Memmap ? arr : arr.base instanceof Memmap ? arr.base : null;
  const n = arr.shape[axis];
  const idx: Index[] = arr.shape.map(() => null);
  for (let start = 0; start < n; start += size) {
    idx[axis] = `${start}:${Math.min(start + size, n)}`;
    const part = arr.slice(...idx) as NDArray<D>;
    yield part;
    if (release && root !== null && !root.closed) root.releasePages(part);
  }
}
