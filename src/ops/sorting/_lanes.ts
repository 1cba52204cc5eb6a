// Walking an array lane by lane (the 1-D runs along one axis) and writing int64 index results
// without creating bigints.
import { allocate } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { normalizeAxis } from "../../core/shape.ts";

/**
 * The element offset of the first element of every lane along `axis`, for an array of this
 * shape, strides and offset, listed in C order of the other axes.
 */
export function laneStarts(
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  axis: number,
): Float64Array {
  const dims: number[] = [], steps: number[] = [];
  let count = 1;
  for (let i = 0; i < shape.length; i++) {
    if (i === axis) continue;
    dims.push(shape[i]);
    steps.push(strides[i]);
    count *= shape[i];
  }
  const out = new Float64Array(count);
  if (count === 0) return out;
  const m = dims.length;
  const idx = new Array<number>(m).fill(0);
  let p = offset;
  for (let r = 0; r < count; r++) {
    out[r] = p;
    for (let d = m - 1; d >= 0; d--) {
      idx[d]++;
      p += steps[d];
      if (idx[d] < dims[d]) break;
      p -= steps[d] * dims[d];
      idx[d] = 0;
    }
  }
  return out;
}

/** A new C-contiguous int64 array of `shape` and an Int32Array over its words (lo, hi pairs). */
export function newIndexArray(shape: readonly number[]): [NDArray<"int64">, Int32Array] {
  const data = allocate("int64", shapeProduct(shape));
  return [
    new NDArray("int64", data, shape),
    new Int32Array(data.buffer, data.byteOffset, data.length * 2),
  ];
}

function shapeProduct(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/** Writes `n` non-negative indices `ix` into int64 words `w` at element `base`, step `stride`. */
export function writeIndices(
  w: Int32Array,
  base: number,
  stride: number,
  ix: Int32Array,
  n: number,
): void {
  if (stride === 1) {
    for (let j = 0, p = 2 * base; j < n; j++, p += 2) w[p] = ix[j];
  } else {
    for (let j = 0; j < n; j++) w[2 * (base + j * stride)] = ix[j];
  }
}

/** The sort axis from an `axis` option: -1 by default, null flattens (reported as null). */
export function sortAxis(
  axis: number | null | undefined,
  ndim: number,
  where: string,
): number | null {
  if (axis === null) return null;
  return normalizeAxis(axis ?? -1, ndim, where);
}

const KINDS = ["quicksort", "mergesort", "heapsort", "stable"];

/** Checks a `kind` option of sort/argsort (every kind gives the same, stable, result). */
export function checkKind(kind: unknown, where: string): void {
  if (kind === undefined || kind === null) return;
  if (typeof kind !== "string" || !KINDS.includes(kind)) {
    throw new RangeError(
      `${where}: kind must be one of "quicksort", "mergesort", "heapsort" or "stable", got ${
        JSON.stringify(kind)
      }`,
    );
  }
}
