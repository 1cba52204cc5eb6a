// `Dataset.fromGenerator`: elements from a (sync or async) generator function, called anew
// for every iteration.
import { isAsyncFunction, Node, syncToAsync } from "./_node.ts";
import { kindOf } from "./_structure.ts";
import { type ElementSpec, UNKNOWN_CARDINALITY } from "./spec.ts";

import type { GeneratorFn } from "./types.ts";

function iterable(x: unknown): x is Iterable<unknown> {
  return x !== null && typeof x === "object" &&
    typeof (x as Iterable<unknown>)[Symbol.iterator] === "function";
}

function asyncIterable(x: unknown): x is AsyncIterable<unknown> {
  return x !== null && typeof x === "object" &&
    typeof (x as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function";
}

/** `Dataset.fromGenerator`. */
export class GeneratorNode extends Node {
  constructor(readonly fn: GeneratorFn<unknown>) {
    super([], isAsyncFunction(fn) ? "fromGenerator was given an async generator function" : "");
  }
  #call(): unknown {
    const it = this.fn();
    if (!iterable(it) && !asyncIterable(it)) {
      throw new TypeError(
        `fromGenerator: the function must return an iterable or async iterable, got ${kindOf(it)}`,
      );
    }
    return it;
  }
  iterSync(): Iterator<unknown> {
    const it = this.#call();
    if (!iterable(it)) {
      throw new TypeError(
        "fromGenerator: the function returned an async iterable during synchronous iteration: " +
          "iterate with for await, or declare the function async",
      );
    }
    return it[Symbol.iterator]();
  }
  protected runAsync(): AsyncIterator<unknown> {
    const it = this.#call();
    if (asyncIterable(it)) return it[Symbol.asyncIterator]();
    return syncToAsync((it as Iterable<unknown>)[Symbol.iterator]());
  }
  override iterAsync(): AsyncIterator<unknown> {
    // A plain function may still return an async iterable: decide on what it returns.
    return this.runAsync();
  }
  cardinality(): number {
    return UNKNOWN_CARDINALITY;
  }
  spec(): ElementSpec | null {
    return null;
  }
  describe(): string {
    return "fromGenerator";
  }
}
