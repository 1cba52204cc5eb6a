// `Dataset.fromGenerator`: elements from a (sync or async) generator function, called anew
// for every iteration. The function may also return an iterator (`{ next }`), an async
// iterable, or a promise of any of these (async iteration only).
import { isAsyncFunction, isThenable, Node, syncToAsync } from "./_node.ts";
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

function iterator(x: unknown): x is Iterator<unknown> {
  return x !== null && typeof x === "object" &&
    typeof (x as Iterator<unknown>).next === "function";
}

function notIterable(x: unknown): TypeError {
  return new TypeError(
    "fromGenerator: the function must return an iterable, an async iterable or an iterator, " +
      `got ${isThenable(x) ? "a promise" : kindOf(x)}`,
  );
}

/** An iterator's results awaited: `next()` may return values or promises of them. */
function awaited(it: Iterator<unknown>): AsyncIterator<unknown> {
  return {
    next: async () => await it.next(),
    return: async () => (await it.return?.()) ?? { done: true, value: undefined },
  };
}

/** The async iterator of whatever the function returned. */
function asyncOf(x: unknown): AsyncIterator<unknown> {
  if (asyncIterable(x)) return x[Symbol.asyncIterator]();
  if (iterable(x)) return syncToAsync(x[Symbol.iterator]());
  if (iterator(x)) return awaited(x);
  throw notIterable(x);
}

/** `Dataset.fromGenerator`. */
export class GeneratorNode extends Node {
  constructor(readonly fn: GeneratorFn<unknown>) {
    super([], isAsyncFunction(fn) ? "fromGenerator was given an async function" : "");
  }
  iterSync(): Iterator<unknown> {
    const x = this.fn();
    if (iterable(x)) return x[Symbol.iterator]();
    if (asyncIterable(x) || isThenable(x)) {
      throw new TypeError(
        `fromGenerator: the function returned ${
          isThenable(x) ? "a promise" : "an async iterable"
        } during synchronous iteration: iterate with for await, or declare the function async`,
      );
    }
    if (iterator(x)) return x;
    throw notIterable(x);
  }
  protected async *runAsync(): AsyncGenerator<unknown, void, undefined> {
    let x: unknown = this.fn();
    if (isThenable(x)) x = await x;
    const it = asyncOf(x);
    let done = false;
    try {
      for (;;) {
        const r = await it.next();
        if (r.done) {
          done = true;
          return;
        }
        yield r.value;
      }
    } finally {
      if (!done) await it.return?.();
    }
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
