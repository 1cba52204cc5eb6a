// The types of values the public functions accept as arrays.
import type { Complex, TypedArray } from "./dtype.ts";
import type { NDArray } from "./ndarray.ts";

/** A JS scalar an NDArray element can be made from. */
export type Scalar = number | bigint | boolean | Complex;

/** Nested JS arrays of scalars, any depth. */
export type NestedScalars = Scalar | readonly NestedScalars[];

/**
 * Anything the functions accept as an array: an NDArray, a JS scalar, nested JS arrays of
 * scalars, or a typed array.
 */
export type ArrayLike = NDArray | NestedScalars | TypedArray;
