/**
 * The types of {@link Dataset} elements and of its methods' options.
 *
 * @module
 */

import type { DType } from "../core/dtype.ts";
import type { NDArray } from "../core/ndarray.ts";
import type { NestedScalars } from "../core/_array_like.ts";
import type { TypedArray } from "../core/dtype.ts";

/**
 * One dataset element: an NDArray (or a JS number, bigint or boolean, as generators and map
 * functions may produce), or a tuple (JS array) or object of elements.
 */
export type Element =
  | NDArray
  | number
  | bigint
  | boolean
  | readonly Element[]
  | { readonly [key: string]: Element };

/**
 * What `Dataset.fromTensorSlices` accepts: an NDArray (or JS data for one: nested arrays of
 * numbers, a typed array), or a tuple or object of them.
 */
export type Slices =
  | NDArray
  | NestedScalars
  | TypedArray
  | readonly Slices[]
  | { readonly [key: string]: Slices };

/** The element type of `fromTensorSlices(x)`: each array loses its leading dimension. */
export type Sliced<T> = T extends NDArray<infer D> ? NDArray<D>
  : T extends NestedScalars | TypedArray ? NDArray
  : T extends readonly unknown[] ? { -readonly [K in keyof T]: Sliced<T[K]> }
  : T extends object ? { -readonly [K in keyof T]: Sliced<T[K]> }
  : never;

/** The element type of `batch(n)` over elements of type T. */
export type Batched<T> = T extends NDArray<infer D> ? NDArray<D>
  : T extends number ? NDArray<"float64">
  : T extends bigint ? NDArray<"int64">
  : T extends boolean ? NDArray<"bool">
  : T extends readonly unknown[] ? { -readonly [K in keyof T]: Batched<T[K]> }
  : T extends object ? { -readonly [K in keyof T]: Batched<T[K]> }
  : never;

/** The element type of `unbatch()` over elements of type T. */
export type Unbatched<T> = T extends NDArray<infer D> ? NDArray<D>
  : T extends readonly unknown[] ? { -readonly [K in keyof T]: Unbatched<T[K]> }
  : T extends object ? { -readonly [K in keyof T]: Unbatched<T[K]> }
  : never;

/** The dtypes `Dataset.range` can make: real numbers. */
export type RangeDType = Exclude<DType, "bool" | "complex64" | "complex128">;

/**
 * What `Dataset.fromGenerator` calls: a (sync or async) generator function, or any function
 * returning an iterable, an async iterable, an iterator, or (for async iteration) a promise
 * of one.
 */
export type GeneratorFn<T> = () =>
  | Iterable<T>
  | AsyncIterable<T>
  | Iterator<T>
  | AsyncIterator<T>
  | PromiseLike<Iterable<T> | AsyncIterable<T> | Iterator<T> | AsyncIterator<T>>;

/** Options of `Dataset.range`. */
export interface RangeOpts<D extends RangeDType = "int64"> {
  /** Element dtype (default `"int64"`, as tf.data): a real numeric dtype. */
  dtype?: D;
}

/** Options of `map`. */
export interface MapOpts {
  /**
   * How many calls of an async function may run at once (default 1). Results come out in
   * input order either way; more than 1 makes the stage asynchronous.
   */
  concurrency?: number;
  /**
   * Marks a function that returns promises without being declared `async` (the stage then
   * awaits its results and can only be iterated with `for await`). Functions declared
   * `async` are detected without it.
   */
  async?: boolean;
}

/** Options of `filter`. */
export interface FilterOpts {
  /** As {@link MapOpts.async}: the predicate returns promises. */
  async?: boolean;
}

/** Options of `batch`. */
export interface BatchOpts {
  /** Drop the last batch when it is shorter than the batch size (default false). */
  dropRemainder?: boolean;
}

/** Options of `shuffle`. */
export interface ShuffleOpts {
  /**
   * Seed (a non-negative integer): iteration e of a seeded shuffle draws from
   * `nd.random.defaultRng([seed, e])`, so the sequence of orders is reproducible. Without
   * it, each iteration draws fresh OS entropy.
   */
  seed?: number | bigint;
  /**
   * A new order on every iteration (default true, as tf.data); false repeats the first
   * order (without a seed: one random seed drawn when `shuffle` is called).
   */
  reshuffleEachIteration?: boolean;
}
