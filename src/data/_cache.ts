// `cache()` and `prefetch(n)`.
import { closeAsync, Node } from "./_node.ts";
import { items, itemsAsync } from "./_map.ts";
import type { ElementSpec } from "./spec.ts";
import { PageReleaser } from "./_slices.ts";

/** The cached items, releasing the memmap pages of rows behind the replay. */
function* replay(cached: readonly unknown[]): Generator<unknown, void, undefined> {
  const pages = new PageReleaser();
  for (const x of cached) {
    yield x;
    pages.see(x);
  }
  pages.flush();
}

/**
 * `cache()`: the first complete iteration keeps its items in memory; later iterations
 * replay them without running the input again. An iteration stopped early keeps nothing
 * (tf.data discards a partial in-memory cache too). Rows of sliced arrays are cached as
 * references (a memmap's pages are released behind the replay as they are behind a read).
 */
export class CacheNode extends Node {
  #items: unknown[] | null = null;
  constructor(input: Node) {
    super([input], "");
  }
  /** Whether a complete iteration has been cached. */
  get filled(): boolean {
    return this.#items !== null;
  }
  *iterSync(): Iterator<unknown> {
    if (this.#items !== null) {
      yield* replay(this.#items);
      return;
    }
    const buf: unknown[] = [];
    for (const x of items(this.inputs[0])) {
      buf.push(x);
      yield x;
    }
    this.#items ??= buf;
  }
  protected async *runAsync(): AsyncIterator<unknown> {
    if (this.#items !== null) {
      yield* replay(this.#items);
      return;
    }
    const buf: unknown[] = [];
    for await (const x of itemsAsync(this.inputs[0])) {
      buf.push(x);
      yield x;
    }
    this.#items ??= buf;
  }
  cardinality(): number {
    return this.inputs[0].cardinality();
  }
  spec(): ElementSpec | null {
    return this.inputs[0].spec();
  }
  describe(): string {
    return "cache";
  }
}

/**
 * `prefetch(n)`: in async iteration, keeps up to `n` items requested ahead of the consumer,
 * so that async work before it (reads, async maps) overlaps with the work after it. In
 * synchronous iteration there is nothing to overlap: items pass through.
 */
export class PrefetchNode extends Node {
  constructor(input: Node, readonly size: number) {
    super([input], "");
  }
  iterSync(): Iterator<unknown> {
    return this.inputs[0].iterSync();
  }
  protected async *runAsync(): AsyncIterator<unknown> {
    const input = this.inputs[0].iterAsync();
    if (this.size === 0) {
      yield* { [Symbol.asyncIterator]: () => input };
      return;
    }
    let chain: Promise<unknown> = Promise.resolve(), done = false;
    const pull = (): Promise<IteratorResult<unknown>> => {
      const p = chain.then(() => done ? { done: true as const, value: undefined } : input.next());
      chain = p.catch(() => {});
      p.catch(() => {});
      return p;
    };
    const queue: Promise<IteratorResult<unknown>>[] = [];
    try {
      for (let k = 0; k < this.size; k++) queue.push(pull());
      for (;;) {
        const r = await queue.shift()!;
        if (r.done) {
          done = true;
          return;
        }
        queue.push(pull());
        yield r.value;
      }
    } finally {
      if (!done) {
        done = true;
        await chain;
        await closeAsync(input);
      }
    }
  }
  override iterAsync(): AsyncIterator<unknown> {
    // Even over synchronous stages, the async iterator reads ahead.
    return this.runAsync();
  }
  cardinality(): number {
    return this.inputs[0].cardinality();
  }
  spec(): ElementSpec | null {
    return this.inputs[0].spec();
  }
  describe(): string {
    return `prefetch(${this.size})`;
  }
}
