// `shuffle(bufferSize, { seed, reshuffleEachIteration })` with tf.data's buffer semantics:
// fill a buffer with the first `bufferSize` items; then repeatedly hand out a uniformly
// chosen buffer slot and refill it with the next input item (once the input is exhausted,
// the last slot moves into the emptied one). The k-th choice among `len` slots is
// `floor(u_k * len)` where u_k are the doubles of `nd.random.defaultRng([seed, epoch])`.
import { defaultRng, type Generator } from "../random/generator.ts";
import { Node } from "./_node.ts";
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

/** `shuffle(bufferSize, { seed, reshuffleEachIteration })`. */
export class ShuffleNode extends Node {
  #epoch = 0;
  readonly #seed: number | bigint;
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
  readonly seeded: boolean;

  /** The generator of the next iteration. */
  #rng(): Generator {
    if (!this.seeded && this.reshuffle) return defaultRng();
    const epoch = this.reshuffle ? this.#epoch++ : 0;
    return defaultRng([this.#seed, epoch]);
  }

  *iterSync(): Iterator<unknown> {
    const pick = chooser(this.#rng()), size = this.bufferSize, buf: unknown[] = [];
    const it = items(this.inputs[0])[Symbol.iterator]();
    let open = true;
    try {
      while (buf.length < size) {
        const r = it.next();
        if (r.done) {
          open = false;
          break;
        }
        buf.push(r.value);
      }
      while (buf.length > 0) {
        const j = pick(buf.length), out = buf[j];
        if (open) {
          const r = it.next();
          if (!r.done) {
            buf[j] = r.value;
            yield out;
            continue;
          }
          open = false;
        }
        const last = buf.pop();
        if (j < buf.length) buf[j] = last;
        yield out;
      }
    } finally {
      if (open) it.return?.();
    }
  }

  protected async *runAsync(): AsyncIterator<unknown> {
    const pick = chooser(this.#rng()), size = this.bufferSize, buf: unknown[] = [];
    const it = itemsAsync(this.inputs[0])[Symbol.asyncIterator]();
    let open = true;
    try {
      while (buf.length < size) {
        const r = await it.next();
        if (r.done) {
          open = false;
          break;
        }
        buf.push(r.value);
      }
      while (buf.length > 0) {
        const j = pick(buf.length), out = buf[j];
        if (open) {
          const r = await it.next();
          if (!r.done) {
            buf[j] = r.value;
            yield out;
            continue;
          }
          open = false;
        }
        const last = buf.pop();
        if (j < buf.length) buf[j] = last;
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
