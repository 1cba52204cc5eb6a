/**
 * Copying values into an existing array: {@linkcode copyto}.
 *
 * @module
 */

import { NDArray } from "../../core/ndarray.ts";
import { type Casting, promoteWeak, weakKind } from "../../core/promotion.ts";
import { broadcastShapes, fmtShape, shapesEqual } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { copyInto } from "../../core/copy.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { checkIntFits } from "./_indices.ts";
import { checkCast, checkCasting } from "./_util.ts";

/** Options of {@linkcode copyto}. */
export interface CopytoOpts {
  /** A bool mask broadcast to `dst`'s shape: only elements where it is true are written. */
  where?: ArrayLike;
  /** Casting rule from `src`'s dtype to `dst`'s (default "same_kind"). */
  casting?: Casting;
}

function fits(shape: readonly number[], into: readonly number[]): boolean {
  try {
    return shapesEqual(broadcastShapes(shape, into), into);
  } catch {
    return false;
  }
}

/**
 * Copies `src` (broadcast) into `dst` in place (`np.copyto`), casting under the `casting`
 * rule (default "same_kind"). JS numbers are weak (NEP 50): an integer goes into any numeric
 * array it fits, a float into any float or complex array. `where` limits the copy to the
 * elements where a bool mask is true.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const d = nd.zeros([2, 3], { dtype: "float32" });
 * nd.copyto(d, [1, 2, 3]);
 * console.assert(d.toArray().flat().join() === "1,2,3,1,2,3");
 * nd.copyto(d, 7, { where: [[true, false, false], [false, false, true]] });
 * console.assert(d.toArray().flat().join() === "7,2,3,1,2,7");
 * ```
 */
export function copyto(dst: NDArray, src: ArrayLike, opts: CopytoOpts = {}): void {
  if (!(dst instanceof NDArray)) throw new TypeError("copyto: the destination must be an NDArray");
  const casting = checkCasting(opts.casting ?? "same_kind", "copyto");
  const w = weakKind(src);
  const s = toArray(src, "copyto");
  if (w !== undefined && w !== "bool") {
    checkCast(promoteWeak(dst.dtype, w), dst.dtype, casting, "copyto", "scalar");
    if (w === "int") checkIntFits(src as number | bigint, dst.dtype, "copyto");
  } else {
    checkCast(s.dtype, dst.dtype, casting, "copyto", w === "bool" ? "scalar" : "array data");
  }
  let mask: NDArray<"bool"> | undefined;
  if (opts.where !== undefined) {
    const wm = opts.where;
    if (
      (wm instanceof NDArray || ArrayBuffer.isView(wm)) && toArray(wm, "copyto").dtype !== "bool"
    ) {
      throw new TypeError(
        `copyto: where must be a bool array: cannot cast ${
          toArray(wm, "copyto").dtype
        } to bool according to the rule "safe"`,
      );
    }
    mask = toArray(wm, "copyto", "bool") as NDArray<"bool">;
  }
  if (!fits(s.shape, dst.shape)) {
    throw new TypeError(
      `copyto: could not broadcast input array from shape ${fmtShape(s.shape)} into shape ${
        fmtShape(dst.shape)
      }`,
    );
  }
  if (mask && !fits(mask.shape, dst.shape)) {
    throw new TypeError(
      `copyto: could not broadcast where mask from shape ${fmtShape(mask.shape)} into shape ${
        fmtShape(dst.shape)
      }`,
    );
  }
  if (!dst.flags.writeable) throw new TypeError("copyto: assignment destination is read-only");
  copyInto(dst, s, mask);
}
