// `map` and `filter`: user functions over elements, sync or async (map: up to `concurrency`
// calls in flight, results in input order).
import { NDArray } from "../core/ndarray.ts";
import { checkFunction, closeAsync, isAsyncFunction, isThenable, Node, resolve } from "./_node.ts";
import { kindOf } from "./_structure.ts";
import { type ElementSpec, UNKNOWN_CARDINALITY } from "./spec.ts";

/** The iterable of a node's sync items. */
export function items(node: Node): Iterable<unknown> {
  return { [Symbol.iterator]: () => node.iterSync() };
}

/** The async iterable of a node's items. */
export function itemsAsync(node: Node): AsyncIterable<unknown> {
  return { [Symbol.asyncIterator]: () => node.iterAsync() };
}

function promiseError(fn: string): TypeError {
  return new TypeError(
    `${fn}: the function returned a promise during synchronous iteration: ` +
      `declare it async (or pass { async: true }) and iterate with for await`,
  );
}

const DONE = Symbol("done");
type Result = typeof DONE | { value: unknown };

/** `map(fn, { concurrency })`. */
export class MapNode extends Node {
  constructor(
    input: Node,
    readonly fn: (x: unknown) => unknown,
    readonly concurrency: number,
    forceAsync: boolean,
  ) {
    checkFunction(fn, "map");
    super(
      [input],
      isAsyncFunction(fn)
        ? "map runs an async function"
        : concurrency > 1
        ? `map runs with concurrency ${concurrency}`
        : forceAsync
        ? "map was given { async: true }"
        : "",
    );
  }
  *iterSync(): Iterator<unknown> {
    const fn = this.fn;
    for (const x of items(this.inputs[0])) {
      const y = fn(resolve(x));
      if (isThenable(y)) throw promiseError("map");
      yield y;
    }
  }
  protected async *runAsync(): AsyncIterator<unknown> {
    const fn = this.fn, input = this.inputs[0].iterAsync();
    let chain: Promise<unknown> = Promise.resolve(), exhausted = false;
    const launch = (): Promise<Result> => {
      const pulled = chain.then(() =>
        exhausted ? { done: true as const, value: undefined } : input.next()
      );
      chain = pulled.catch(() => {});
      const p = pulled.then(async (r): Promise<Result> => {
        if (r.done) {
          exhausted = true;
          return DONE;
        }
        return { value: await fn(resolve(r.value)) };
      });
      p.catch(() => {}); // awaited in order below; this only silences early rejections
      return p;
    };
    const queue: Promise<Result>[] = [];
    try {
      for (let k = 0; k < this.concurrency; k++) queue.push(launch());
      for (;;) {
        const r = await queue.shift()!;
        if (r === DONE) return;
        queue.push(launch());
        yield r.value;
      }
    } finally {
      if (!exhausted) {
        exhausted = true;
        await chain;
        await closeAsync(input);
      }
    }
  }
  cardinality(): number {
    return this.inputs[0].cardinality();
  }
  spec(): ElementSpec | null {
    return null;
  }
  describe(): string {
    return this.concurrency > 1 ? `map(concurrency=${this.concurrency})` : "map";
  }
}

function truth(v: unknown): boolean {
  if (typeof v === "boolean") return v;
  if (v instanceof NDArray && v.dtype === "bool" && v.size === 1) return v.item() as boolean;
  throw new TypeError(
    `filter: the predicate must return a boolean or a size-1 bool NDArray, got ${
      v instanceof NDArray ? `an NDArray of dtype ${v.dtype} and size ${v.size}` : kindOf(v)
    }`,
  );
}

/** `filter(predicate)`. */
export class FilterNode extends Node {
  constructor(input: Node, readonly fn: (x: unknown) => unknown, forceAsync: boolean) {
    checkFunction(fn, "filter");
    super(
      [input],
      isAsyncFunction(fn)
        ? "filter runs an async predicate"
        : forceAsync
        ? "filter was given { async: true }"
        : "",
    );
  }
  *iterSync(): Iterator<unknown> {
    const fn = this.fn;
    for (const x of items(this.inputs[0])) {
      const keep = fn(resolve(x));
      if (isThenable(keep)) throw promiseError("filter");
      if (truth(keep)) yield x;
    }
  }
  protected async *runAsync(): AsyncIterator<unknown> {
    const fn = this.fn;
    for await (const x of itemsAsync(this.inputs[0])) {
      if (truth(await fn(resolve(x)))) yield x;
    }
  }
  cardinality(): number {
    return UNKNOWN_CARDINALITY;
  }
  spec(): ElementSpec | null {
    return this.inputs[0].spec();
  }
  describe(): string {
    return "filter";
  }
}
