// `shuffle(bufferSize, { seed, reshuffleEachIteration })` with tf.data's buffer semantics:
// fill a buffer with the first `bufferSize` items; then repeatedly hand out a uniformly
// chosen buffer slot and refill it with the next input item (once the input is exhausted,
// the last slot moves into the emptied one). The k-th choice among `len` slots is
// `floor(u_k * len)` where u_k are the doubles of `nd.random.defaultRng([seed, epoch])`.
import { defaultRng, type Generator } from "../random/generator.ts";
import { Node, Row, type Source } from "./_node.ts";
import { items, itemsAsync } from "./_map.ts";
import type { ElementSpec } from "./spec.ts";

/** Uniform indices in [0, len) from a block of the generator's doubles. */
function chooser(rng: Generator): (len: number) => number {
  const bg = rng.bitGenerator, block = new Float64Array(1024);
  let p = block.length;
  return (len) => {
    if (p === block.length) {
      bg.fillDoubles(block, 0, block.length);
      p = 0;
    }
    return Math.floor(block[p++] * len);
  };
}

/**
 * The shuffle buffer. While every item is a row of one source it keeps just the row numbers
 * in a typed array (a buffer of Row objects would live long enough to be promoted to V8's
 * old generation, which made a 10k-row shuffle twice as slow); any other item switches it to
 * a plain array of items.
 */
class ShuffleBuffer {
  length = 0;
  #src: Source | null = null;
  #rows: Float64Array | null;
  #items: unknown[] | null = null;
  constructor(readonly size: number) {
    this.#rows = new Float64Array(Math.min(size, 1 << 16));
  }
  #toItems(): unknown[] {
    const out = new Array<unknown>(this.length);
    for (let k = 0; k < this.length; k++) out[k] = new Row(this.#src!, this.#rows![k]);
    this.#rows = null;
    return this.#items = out;
  }
  /** Puts `x` in slot `j` (`j === length` appends). */
  put(j: number, x: unknown): void {
    if (j === this.length) this.length++;
    const rows = this.#rows;
    if (rows !== null && x instanceof Row && (x.src === this.#src || this.#src === null)) {
      this.#src = x.src;
      if (j >= rows.length) {
        const grown = new Float64Array(Math.min(this.size, rows.length * 2));
        grown.set(rows);
        this.#rows = grown;
      }
      this.#rows![j] = x.i;
      return;
    }
    (this.#items ?? this.#toItems())[j] = x;
  }
  /** The item in slot `j`. */
  get(j: number): unknown {
    return this.#rows !== null ? new Row(this.#src!, this.#rows[j]) : this.#items![j];
  }
  /** Empties slot `j` by moving the last item into it. */
  removeSwap(j: number): void {
    const last = --this.length;
    if (this.#rows !== null) this.#rows[j] = this.#rows[last];
    else {
      this.#items![j] = this.#items![last];
      this.#items!.length = last;
    }
  }
}

/** `shuffle(bufferSize, { seed, reshuffleEachIteration })`. */
export class ShuffleNode extends Node {
  #epoch = 0;
  readonly #seed: number | bigint;
  readonly seeded: boolean;
  constructor(
    input: Node,
    readonly bufferSize: number,
    seed: number | bigint | undefined,
    readonly reshuffle: boolean,
  ) {
    super([input], "");
    this.seeded = seed !== undefined;
    // Unseeded and not reshuffled: one random seed, drawn now, for every iteration.
    this.#seed = seed ?? (reshuffle ? 0 : defaultRng().integers(2n ** 53n) as bigint);
  }

  /** The generator of the next iteration. */
  #rng(): Generator {
    if (!this.seeded && this.reshuffle) return defaultRng();
    const epoch = this.reshuffle ? this.#epoch++ : 0;
    return defaultRng([this.#seed, epoch]);
  }

  *iterSync(): Iterator<unknown> {
    const pick = chooser(this.#rng()), size = this.bufferSize, buf = new ShuffleBuffer(size);
    const it = items(this.inputs[0])[Symbol.iterator]();
    let open = true;
    try {
      while (buf.length < size) {
        const r = it.next();
        if (r.done) {
          open = false;
          break;
        }
        buf.put(buf.length, r.value);
      }
      while (buf.length > 0) {
        const j = pick(buf.length), out = buf.get(j);
        if (open) {
          const r = it.next();
          if (!r.done) {
            buf.put(j, r.value);
            yield out;
            continue;
          }
          open = false;
        }
        buf.removeSwap(j);
        yield out;
      }
    } finally {
      if (open) it.return?.();
    }
  }

  protected async *runAsync(): AsyncIterator<unknown> {
    const pick = chooser(this.#rng()), size = this.bufferSize, buf = new ShuffleBuffer(size);
    const it = itemsAsync(this.inputs[0])[Symbol.asyncIterator]();
    let open = true;
    try {
      while (buf.length < size) {
        const r = await it.next();
        if (r.done) {
          open = false;
          break;
        }
        buf.put(buf.length, r.value);
      }
      while (buf.length > 0) {
        const j = pick(buf.length), out = buf.get(j);
        if (open) {
          const r = await it.next();
          if (!r.done) {
            buf.put(j, r.value);
            yield out;
            continue;
          }
          open = false;
        }
        buf.removeSwap(j);
        yield out;
      }
    } finally {
      if (open) await it.return?.();
    }
  }

  cardinality(): number {
    return this.inputs[0].cardinality();
  }
  spec(): ElementSpec | null {
    return this.inputs[0].spec();
  }
  describe(): string {
    const s = this.seeded ? `, seed=${this.#seed}` : "";
    return `shuffle(${this.bufferSize}${s}${
      this.reshuffle ? "" : ", reshuffleEachIteration=false"
    })`;
  }
}
