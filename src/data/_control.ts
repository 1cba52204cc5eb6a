// `take`, `skip`, `repeat` and `concatenate`: which items pass, and how often.
import { Node } from "./_node.ts";
import { items, itemsAsync } from "./_map.ts";
import { type ElementSpec, INFINITE_CARDINALITY, UNKNOWN_CARDINALITY } from "./spec.ts";
import { mergeSpecs } from "./_structure.ts";

/** `take(count)`: the first `count` items (all for -1). */
export class TakeNode extends Node {
  constructor(input: Node, readonly count: number) {
    super([input], "");
  }
  *iterSync(): Iterator<unknown> {
    if (this.count === 0) return;
    let k = 0;
    for (const x of items(this.inputs[0])) {
      yield x;
      if (++k === this.count) return;
    }
  }
  protected async *runAsync(): AsyncIterator<unknown> {
    if (this.count === 0) return;
    let k = 0;
    for await (const x of itemsAsync(this.inputs[0])) {
      yield x;
      if (++k === this.count) return;
    }
  }
  cardinality(): number {
    const c = this.inputs[0].cardinality();
    if (this.count === -1) return c;
    if (c === UNKNOWN_CARDINALITY) return c;
    return c === INFINITE_CARDINALITY ? this.count : Math.min(c, this.count);
  }
  spec(): ElementSpec | null {
    return this.inputs[0].spec();
  }
  describe(): string {
    return `take(${this.count})`;
  }
}

/** `skip(count)`: all but the first `count` items (none for -1). */
export class SkipNode extends Node {
  constructor(input: Node, readonly count: number) {
    super([input], "");
  }
  *iterSync(): Iterator<unknown> {
    if (this.count === -1) return;
    let k = 0;
    for (const x of items(this.inputs[0])) if (k++ >= this.count) yield x;
  }
  protected async *runAsync(): AsyncIterator<unknown> {
    if (this.count === -1) return;
    let k = 0;
    for await (const x of itemsAsync(this.inputs[0])) if (k++ >= this.count) yield x;
  }
  cardinality(): number {
    const c = this.inputs[0].cardinality();
    if (c < 0) return c;
    return this.count === -1 ? 0 : Math.max(0, c - this.count);
  }
  spec(): ElementSpec | null {
    return this.inputs[0].spec();
  }
  describe(): string {
    return `skip(${this.count})`;
  }
}

/**
 * `repeat(count)`: the input `count` times (forever for -1), iterating it anew each time (so
 * a shuffle before it reshuffles). Stops when a pass yields nothing, as tf.data does.
 */
export class RepeatNode extends Node {
  constructor(input: Node, readonly count: number) {
    super([input], "");
  }
  *iterSync(): Iterator<unknown> {
    for (let r = 0; this.count === -1 || r < this.count; r++) {
      let any = false;
      for (const x of items(this.inputs[0])) {
        any = true;
        yield x;
      }
      if (!any) return;
    }
  }
  protected async *runAsync(): AsyncIterator<unknown> {
    for (let r = 0; this.count === -1 || r < this.count; r++) {
      let any = false;
      for await (const x of itemsAsync(this.inputs[0])) {
        any = true;
        yield x;
      }
      if (!any) return;
    }
  }
  cardinality(): number {
    const c = this.inputs[0].cardinality();
    if (this.count === -1) return c === 0 ? 0 : INFINITE_CARDINALITY;
    if (this.count === 0) return 0;
    return c < 0 ? c : c * this.count;
  }
  spec(): ElementSpec | null {
    return this.inputs[0].spec();
  }
  describe(): string {
    return this.count === -1 ? "repeat()" : `repeat(${this.count})`;
  }
}

/** `concatenate(other)`: the items of one input, then of the other. */
export class ConcatNode extends Node {
  readonly #spec: ElementSpec | null;
  constructor(a: Node, b: Node) {
    super([a, b], "");
    const sa = a.spec(), sb = b.spec();
    if (sa !== null && sb !== null) {
      const m = mergeSpecs(sa, sb);
      if (m === undefined) {
        throw new TypeError(
          "concatenate: the datasets' elements differ in structure or dtype",
        );
      }
      this.#spec = m;
    } else this.#spec = null;
  }
  *iterSync(): Iterator<unknown> {
    yield* items(this.inputs[0]);
    yield* items(this.inputs[1]);
  }
  protected async *runAsync(): AsyncIterator<unknown> {
    yield* itemsAsync(this.inputs[0]);
    yield* itemsAsync(this.inputs[1]);
  }
  cardinality(): number {
    const a = this.inputs[0].cardinality(), b = this.inputs[1].cardinality();
    if (a === INFINITE_CARDINALITY || b === INFINITE_CARDINALITY) return INFINITE_CARDINALITY;
    if (a === UNKNOWN_CARDINALITY || b === UNKNOWN_CARDINALITY) return UNKNOWN_CARDINALITY;
    return a + b;
  }
  spec(): ElementSpec | null {
    return this.#spec;
  }
  describe(): string {
    return "concatenate";
  }
}
