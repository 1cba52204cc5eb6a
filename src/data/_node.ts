// The internal pipeline: a Dataset wraps a Node; each chained method adds one.
//
// Sources that slice arrays (fromTensorSlices, range, unbatch) pass `Row`s down the pipeline
// instead of elements: a Row names a row of a `Source` and costs one small object. Stages
// that never look inside elements (shuffle, take, skip, repeat, cache, prefetch,
// concatenate) pass Rows through untouched, and `batch` turns a run of Rows of one source
// into a batch by copying those rows straight into the batch's buffers (`Source.gather`)
// without making a view per element. Every place where user code sees an element (map and
// filter functions, iteration) goes through `resolve`, which makes the element's views.
import type { ElementSpec } from "./spec.ts";

/** Rows with a common leading dimension, elements of which are made on demand. */
export interface Source {
  /** Number of rows. */
  readonly length: number;
  /** Row `i` as an element (views into the source's arrays). */
  element(i: number): unknown;
  /** Rows `idx[0..n)` stacked into a batch (fresh arrays). */
  gather(idx: Int32Array | number[], n: number): unknown;
  /** Rows per page-release step for memmap-backed arrays (0: never release). */
  readonly releaseEvery: number;
  /** Lets the kernel drop the pages of rows [from, to) of memmap-backed arrays. */
  release(from: number, to: number): void;
}

/** A reference to row `i` of `src`, standing for `src.element(i)` inside the pipeline. */
export class Row {
  constructor(readonly src: Source, readonly i: number) {}
}

/** The element an item stands for. */
export function resolve(x: unknown): unknown {
  return x instanceof Row ? x.src.element(x.i) : x;
}

/** One stage of a pipeline. */
export abstract class Node {
  /** The stages this one reads from. */
  readonly inputs: readonly Node[];
  /** True when this stage and every stage before it can run synchronously. */
  readonly sync: boolean;
  /** Why the pipeline cannot run synchronously (the first async stage), or "". */
  readonly asyncWhy: string;

  constructor(inputs: readonly Node[], ownAsync: string) {
    this.inputs = inputs;
    const up = inputs.find((n) => !n.sync);
    this.asyncWhy = up ? up.asyncWhy : ownAsync;
    this.sync = this.asyncWhy === "";
  }

  /** Items, synchronously (only called when `sync`). */
  abstract iterSync(): Iterator<unknown>;
  /** Items, asynchronously (only called when not `sync`). */
  protected abstract runAsync(): AsyncIterator<unknown>;
  /** Number of elements, or the tf.data cardinality constants. */
  abstract cardinality(): number;
  /** The elements' spec, or null when not known without running the pipeline. */
  abstract spec(): ElementSpec | null;
  /** The stage as text: `batch(32)`. */
  abstract describe(): string;

  /** Items, asynchronously: the synchronous iterator wrapped when every stage is sync. */
  iterAsync(): AsyncIterator<unknown> {
    return this.sync ? syncToAsync(this.iterSync()) : this.runAsync();
  }
}

/** An async iterator over a sync one (no async generator: one promise per item). */
export function syncToAsync<T>(it: Iterator<T>): AsyncIterator<T> {
  return {
    next(): Promise<IteratorResult<T>> {
      try {
        return Promise.resolve(it.next());
      } catch (e) {
        return Promise.reject(e);
      }
    },
    return(value?: unknown): Promise<IteratorResult<T>> {
      try {
        return Promise.resolve(
          it.return?.(value as T) ?? { done: true as const, value: value as T },
        );
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
}

const AsyncFunction = (async () => {}).constructor;
const AsyncGeneratorFunction = (async function* () {}).constructor;

/** Whether `f` is declared `async` (an async function or async generator function). */
export function isAsyncFunction(f: unknown): boolean {
  return f instanceof AsyncFunction || f instanceof AsyncGeneratorFunction;
}

/** Whether `x` is a promise or another thenable. */
export function isThenable(x: unknown): x is PromiseLike<unknown> {
  return x !== null && (typeof x === "object" || typeof x === "function") &&
    typeof (x as { then?: unknown }).then === "function";
}

/** Checks a count argument: an integer ≥ -1 (-1: all). */
export function checkCount(count: unknown, where: string, name: string): number {
  if (typeof count !== "number" || !Number.isInteger(count) || count < -1) {
    throw new RangeError(
      `${where}: ${name} must be an integer >= -1 (-1 for all), got ${String(count)}`,
    );
  }
  return count;
}

/** Checks a positive integer argument. */
export function checkPositive(n: unknown, where: string, name: string): number {
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`${where}: ${name} must be a positive integer, got ${String(n)}`);
  }
  return n;
}

/** Checks that `f` is a function. */
export function checkFunction(f: unknown, where: string): void {
  if (typeof f !== "function") {
    throw new TypeError(`${where}: expected a function, got ${f === null ? "null" : typeof f}`);
  }
}

/** Closes an iterator that is left before its end, ignoring what it returns. */
export function close(it: Iterator<unknown>): void {
  it.return?.();
}

/** As {@link close}, for async iterators. */
export async function closeAsync(it: AsyncIterator<unknown>): Promise<void> {
  await it.return?.();
}
