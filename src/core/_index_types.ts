// The index entries `slice`/`setSlice` accept.
import type { NDArray } from "./ndarray.ts";

/** `nd.newaxis`: inserts a size-1 axis when used as an index entry. */
export const newaxis: unique symbol = Symbol.for("nd.newaxis");

/**
 * One entry of an index: an integer, a slice string (`"1:5:2"`, `":"`, `"::-1"`), `null` (the
 * same as `":"`), `"..."`, `newaxis`, an integer array or NDArray (fancy indexing), or a bool
 * array or NDArray (mask).
 */
export type Index =
  | number
  | string
  | null
  | typeof newaxis
  | NDArray
  | readonly number[]
  | readonly boolean[];
