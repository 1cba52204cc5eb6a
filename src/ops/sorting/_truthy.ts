// Truth values of every element in C order, as 0/1 bytes: nonzero for numbers (NaN counts as
// true), either part nonzero for complex, as NumPy's `nonzero` tests them.
import { DTYPES } from "../../core/dtype.ts";
import type { NDArray } from "../../core/ndarray.ts";
import { copy } from "../../core/copy.ts";

/** The truth value of each element of `a`, C order. May share memory with `a`: read only. */
export function truthy(a: NDArray): Uint8Array {
  if (a.dtype === "bool") {
    const c = a.flags.cContiguous ? a : copy(a);
    return (c.data as Uint8Array).subarray(c.offset, c.offset + c.size);
  }
  if (DTYPES[a.dtype].kind === "c") {
    const d = copy(a).data as Float64Array | Float32Array;
    const n = a.size;
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = d[2 * i] !== 0 || d[2 * i + 1] !== 0 ? 1 : 0;
    return out;
  }
  return copy(a, "bool").data as Uint8Array;
}

/** Positions (flat C-order) of the true bytes of `t`. */
export function truePositions(t: Uint8Array): Int32Array {
  const out = new Int32Array(countTrue(t) + 1); // one spare slot: the loop writes branch-free
  for (let i = 0, o = 0; i < t.length; i++) {
    out[o] = i;
    o += (t[i] + 255) >> 8; // 1 for any nonzero byte, without a branch
  }
  return out.subarray(0, out.length - 1);
}

/** The flat C-order positions of the true bytes of `t`, written as int64 words into `w`. */
export function writeTruePositions(t: Uint8Array, w: Int32Array): void {
  const pos = truePositions(t);
  for (let k = 0; k < pos.length; k++) w[2 * k] = pos[k];
}

/** The number of true bytes of `t`. */
export function countTrue(t: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < t.length; i++) count += (t[i] + 255) >> 8;
  return count;
}
