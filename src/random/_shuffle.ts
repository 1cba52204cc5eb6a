/**
 * In-place shuffles as NumPy does them (`Generator.shuffle`, `RandomState.shuffle`): Fisher–Yates
 * from the last position down to 1, swapping whole sub-arrays along the axis, with indices
 * from `random_interval` (masked rejection).
 *
 * @module
 */

import { assertLive, NDArray } from "../core/ndarray.ts";
import { DTYPES } from "../core/dtype.ts";
import { normalizeAxis } from "../core/shape.ts";
import { swapaxes } from "../core/views.ts";
import type { BitGen } from "./_bitgen.ts";
import { randomInterval } from "./_bounded.ts";

/** Offsets (in buffer slots) of every element of one sub-array `a[i, ...]`, relative to it. */
function subOffsets(a: NDArray, lanes: number): number[] {
  let offs = [0];
  for (let d = 1; d < a.ndim; d++) {
    const next: number[] = [];
    for (const o of offs) {
      for (let k = 0; k < a.shape[d]; k++) next.push(o + k * a.strides[d] * lanes);
    }
    offs = next;
  }
  if (lanes === 2) offs = offs.flatMap((o) => [o, o + 1]);
  return offs;
}

/** Shuffles `x` in place along `axis`: an NDArray, or a JS array (axis 0 only). */
export function shuffleInPlace(bg: BitGen, x: unknown, axis: number, where: string): void {
  if (Array.isArray(x)) {
    if (axis !== 0) throw new RangeError(`${where}: axis must be 0 for a JS array, got ${axis}`);
    for (let i = x.length - 1; i > 0; i--) {
      const j = randomInterval(bg, i);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
    return;
  }
  if (!(x instanceof NDArray)) {
    throw new TypeError(
      `${where}: x must be an NDArray or a JS array, got ${x === null ? "null" : typeof x}`,
    );
  }
  assertLive(x, where);
  if (!x.flags.writeable) throw new TypeError(`${where}: array is read-only`);
  if (x.ndim === 0) {
    throw new RangeError(`${where}: axis ${axis} is out of bounds for array of dimension 0`);
  }
  const ax = normalizeAxis(axis, x.ndim, where);
  const v: NDArray = ax === 0 ? x : swapaxes(x, 0, ax);
  const n = v.shape[0];
  if (v.size === 0) return;
  const lanes = DTYPES[v.dtype].lanes;
  const data = v.data as unknown as { [i: number]: number | bigint };
  const step = v.strides[0] * lanes, base = v.offset * lanes;
  const offs = subOffsets(v, lanes);
  for (let i = n - 1; i > 0; i--) {
    const j = randomInterval(bg, i);
    if (i === j) continue;
    const pi = base + i * step, pj = base + j * step;
    for (const o of offs) {
      const t = data[pi + o];
      data[pi + o] = data[pj + o];
      data[pj + o] = t;
    }
  }
}
