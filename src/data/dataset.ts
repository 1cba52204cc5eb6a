/**
 * {@link Dataset}: tf.data-style input pipelines over NDArrays.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { checkCount, checkFunction, checkPositive, type Node, resolve } from "./_node.ts";
import { parseStructure } from "./_structure.ts";
import { SlicesNode, SliceSource } from "./_slices.ts";
import { rangeNode } from "./_range.ts";
import { GeneratorNode } from "./_generator.ts";
import { FilterNode, MapNode } from "./_map.ts";
import { BatchNode, UnbatchNode } from "./_batch.ts";
import { ShuffleNode } from "./_shuffle.ts";
import { ConcatNode, RepeatNode, SkipNode, TakeNode } from "./_control.ts";
import { CacheNode, PrefetchNode } from "./_cache.ts";
import { ZipNode } from "./_zip.ts";
import { type ElementSpec, formatSpec, INFINITE_CARDINALITY, UNKNOWN_CARDINALITY } from "./spec.ts";
import type {
  Batched,
  BatchOpts,
  FilterOpts,
  GeneratorFn,
  MapOpts,
  RangeDType,
  RangeOpts,
  ShuffleOpts,
  Sliced,
  Slices,
  Unbatched,
} from "./types.ts";

function checkOpts(opts: unknown, fn: string): Record<string, unknown> {
  if (opts === undefined) return {};
  if (opts === null || typeof opts !== "object") {
    throw new TypeError(
      `${fn}: options must be an object, got ${opts === null ? "null" : typeof opts}`,
    );
  }
  return opts as Record<string, unknown>;
}

function checkBool(v: unknown, fn: string, name: string, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== "boolean") {
    throw new TypeError(`${fn}: ${name} must be a boolean, got ${typeof v}`);
  }
  return v;
}

/** The pipeline as text: `fromTensorSlices → shuffle(100) → batch(32)`. */
function pipeline(node: Node): string {
  if (node.inputs.length === 0) return node.describe();
  if (node.inputs.length === 1) return `${pipeline(node.inputs[0])} → ${node.describe()}`;
  const name = node.describe().replace(/\(.*$/, "");
  return `${name}(${node.inputs.map(pipeline).join(", ")})`;
}

/**
 * A tf.data-style pipeline of elements: NDArrays, or tuples or objects of them. Build one
 * with {@link Dataset.fromTensorSlices}, {@link Dataset.fromGenerator},
 * {@link Dataset.range} or {@link Dataset.zip}, chain transformations (each returns a new
 * Dataset and leaves this one as it is), and iterate it with `for await`, or with `for ... of`
 * when every stage is synchronous ({@link Dataset.isSync}). Iterating again runs the
 * pipeline again (a shuffle reshuffles, a cache replays).
 *
 * Memory: elements of `fromTensorSlices` are read-only views (no copy), and a batch of them
 * copies just its rows into the batch's arrays, so a pipeline over a memmap larger than RAM
 * runs in bounded memory: the pages of rows already read, batched or replayed from a cache
 * are released as it goes, when the file is kernel-mapped (`--allow-ffi`, see
 * `nd.io.mapInfo`; a file read into memory is as large as it is).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const x = nd.arange(20).reshape([10, 2]), y = nd.arange(10);
 * const ds = nd.data.Dataset.fromTensorSlices([x, y])
 *   .shuffle(10, { seed: 0 })
 *   .batch(4, { dropRemainder: true });
 * assert.equal(ds.cardinality(), 2);
 * for (const [xb, yb] of ds) {
 *   assert.deepEqual(xb.shape, [4, 2]);
 *   assert.deepEqual(yb.shape, [4]);
 *   assert.equal(xb.get(0, 0), 2n * (yb.get(0) as bigint)); // rows stay paired
 * }
 * ```
 */
export class Dataset<T = unknown> {
  /** The last stage of the pipeline. */
  readonly #node: Node;

  /** Internal: datasets are made by the static factories and the chain methods. */
  private constructor(node: Node) {
    this.#node = node;
  }

  /**
   * The elements of the arrays along axis 0: `x`, a tuple `[x, y]` or an object
   * `{ k: x }` (JS arrays of numbers are data for one array, converted with `asarray`). All
   * arrays must have the same leading dimension. Elements are read-only views, not copies.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const x = nd.array([[0, 1], [2, 3], [4, 5]]);
   * const rows = [...nd.data.Dataset.fromTensorSlices({ x, y: [7, 8, 9] })];
   * assert.deepEqual(rows[1].x.toArray(), [2n, 3n]);
   * assert.equal(rows[2].y.item(), 9n);
   * assert.equal(rows[0].x.base, x); // a view
   * ```
   */
  static fromTensorSlices<const S extends Slices>(tensors: S): Dataset<Sliced<S>> {
    const leaves: NDArray[] = [];
    const t = parseStructure(tensors, "fromTensorSlices", leaves);
    return new Dataset(new SlicesNode(new SliceSource(t, leaves, "fromTensorSlices")));
  }

  /**
   * The values of a generator: `fn` (a generator function, sync or async, or any function
   * returning an iterable, async iterable or iterator, or a promise of one) is called anew
   * for every iteration. The cardinality is unknown. Sync generators keep the pipeline
   * synchronous.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const ds = nd.data.Dataset.fromGenerator(function* () {
   *   for (let i = 0; i < 5; i++) yield nd.full([2], i);
   * });
   * const b = [...ds.batch(2)];
   * assert.deepEqual(b.map((a) => a.shape[0]), [2, 2, 1]);
   * const asyncDs = nd.data.Dataset.fromGenerator(async function* () { yield 1; yield 2; });
   * const seen: number[] = [];
   * for await (const v of asyncDs) seen.push(v);
   * assert.deepEqual(seen, [1, 2]);
   * ```
   */
  static fromGenerator<T>(fn: GeneratorFn<T>): Dataset<T> {
    checkFunction(fn, "fromGenerator");
    return new Dataset(new GeneratorNode(fn));
  }

  /**
   * `start, start + step, ...` up to and excluding `stop`, as 0-d arrays (int64 unless
   * `dtype` says otherwise), as tf.data's `range`: `range(stop)`, `range(start, stop)` or
   * `range(start, stop, step)`, then optionally `{ dtype }`.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const ds = nd.data.Dataset.range(1, 10, 3);
   * assert.deepEqual([...ds].map((a) => a.item()), [1n, 4n, 7n]);
   * const f = nd.data.Dataset.range(4, { dtype: "float32" }).batch(4);
   * assert.deepEqual([...f][0].toArray(), [0, 1, 2, 3]);
   * ```
   */
  static range<D extends RangeDType = "int64">(
    stop: number,
    opts?: RangeOpts<D>,
  ): Dataset<NDArray<D>>;
  /** Numbers from `start` to `stop` (excluded). */
  static range<D extends RangeDType = "int64">(
    start: number,
    stop: number,
    opts?: RangeOpts<D>,
  ): Dataset<NDArray<D>>;
  /** Numbers from `start` to `stop` (excluded) by `step`. */
  static range<D extends RangeDType = "int64">(
    start: number,
    stop: number,
    step: number,
    opts?: RangeOpts<D>,
  ): Dataset<NDArray<D>>;
  static range(...args: unknown[]): Dataset<NDArray> {
    const last = args[args.length - 1];
    const opts = last !== null && typeof last === "object" ? args.pop() as RangeOpts : {};
    return new Dataset(rangeNode(args, opts.dtype));
  }

  /**
   * Elements of several datasets side by side, until the shortest ends: `zip(a, b)` or
   * `zip([a, b])` give tuples, `zip({ x: a, y: b })` objects.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const a = nd.data.Dataset.range(3), b = nd.data.Dataset.range(10, 20);
   * const z = nd.data.Dataset.zip({ a, b });
   * assert.deepEqual([...z].map((e) => e.b.item()), [10n, 11n, 12n]);
   * assert.equal(nd.data.Dataset.zip(a, b.repeat()).cardinality(), 3);
   * ```
   */
  static zip<const D extends readonly Dataset<unknown>[]>(
    ...datasets: D
  ): Dataset<{ -readonly [K in keyof D]: D[K] extends Dataset<infer U> ? U : never }>;
  /** Tuples of the elements of a list of datasets. */
  static zip<const D extends readonly Dataset<unknown>[]>(
    datasets: D,
  ): Dataset<{ -readonly [K in keyof D]: D[K] extends Dataset<infer U> ? U : never }>;
  /** Objects of the elements of an object of datasets. */
  static zip<D extends { readonly [key: string]: Dataset<unknown> }>(
    datasets: D,
  ): Dataset<{ -readonly [K in keyof D]: D[K] extends Dataset<infer U> ? U : never }>;
  static zip(...args: unknown[]): Dataset<unknown> {
    let list: unknown[], keys: string[] | null = null;
    if (args.length === 1 && Array.isArray(args[0])) list = args[0];
    else if (
      args.length === 1 && args[0] !== null && typeof args[0] === "object" &&
      !(args[0] instanceof Dataset)
    ) {
      keys = Object.keys(args[0]);
      list = keys.map((k) => (args[0] as Record<string, unknown>)[k]);
    } else list = args;
    if (list.length === 0) throw new TypeError("zip: expected at least one dataset");
    list.forEach((d, i) => {
      if (!(d instanceof Dataset)) {
        throw new TypeError(
          `zip: expected datasets, got ${d === null ? "null" : typeof d} at ${
            keys ? keys[i] : `position ${i}`
          }`,
        );
      }
    });
    return new Dataset(new ZipNode((list as Dataset<unknown>[]).map((d) => d.#node), keys));
  }

  /**
   * `fn` applied to every element. `fn` may be async (declared `async`, or flagged with
   * `{ async: true }`): up to `concurrency` calls then run at once, results in input order,
   * and the pipeline must be iterated with `for await`.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const sq = nd.data.Dataset.range(4).map((x) => x.mul(x));
   * assert.deepEqual([...sq].map((a) => a.item()), [0n, 1n, 4n, 9n]);
   * const slow = nd.data.Dataset.range(4).map(async (x) => {
   *   await new Promise((r) => setTimeout(r, 10 - 2 * Number(x.item())));
   *   return Number(x.item());
   * }, { concurrency: 4 });
   * const out: number[] = [];
   * for await (const v of slow) out.push(v);
   * assert.deepEqual(out, [0, 1, 2, 3]); // input order, though later calls finish first
   * ```
   */
  map<U>(fn: (x: T) => U, opts?: MapOpts): Dataset<Awaited<U>> {
    checkFunction(fn, "map");
    const o = checkOpts(opts, "map");
    const c = o.concurrency === undefined ? 1 : checkPositive(o.concurrency, "map", "concurrency");
    const forceAsync = checkBool(o.async, "map", "async", false);
    return new Dataset(
      new MapNode(this.#node, fn as (x: unknown) => unknown, c, forceAsync),
    );
  }

  /**
   * The elements for which `predicate` returns true (a boolean, or a size-1 bool NDArray).
   * The cardinality becomes unknown.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const odd = nd.data.Dataset.range(6).filter((x) => x.mod(2).equal(1));
   * assert.deepEqual([...odd].map((a) => a.item()), [1n, 3n, 5n]);
   * ```
   */
  filter(
    predicate: (x: T) => boolean | NDArray | Promise<boolean | NDArray>,
    opts?: FilterOpts,
  ): Dataset<T> {
    checkFunction(predicate, "filter");
    const o = checkOpts(opts, "filter");
    const forceAsync = checkBool(o.async, "filter", "async", false);
    return new Dataset(
      new FilterNode(this.#node, predicate as (x: unknown) => unknown, forceAsync),
    );
  }

  /**
   * Consecutive elements stacked `batchSize` at a time into arrays with a new leading axis
   * (tuples and objects are batched per entry; numbers become float64, bigints int64,
   * booleans bool). The last batch may be shorter unless `dropRemainder`. Every element
   * must have the same structure, shapes and dtypes. Batches are fresh arrays.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const b = [...nd.data.Dataset.range(5).batch(2)];
   * assert.deepEqual(b.map((a) => a.toArray()), [[0n, 1n], [2n, 3n], [4n]]);
   * assert.equal(nd.data.Dataset.range(5).batch(2, { dropRemainder: true }).cardinality(), 2);
   * ```
   */
  batch(batchSize: number, opts?: BatchOpts): Dataset<Batched<T>> {
    const n = checkPositive(batchSize, "batch", "batchSize");
    const o = checkOpts(opts, "batch");
    const drop = checkBool(o.dropRemainder, "batch", "dropRemainder", false);
    return new Dataset(new BatchNode(this.#node, n, drop));
  }

  /**
   * The inverse of `batch`: each element's arrays split along axis 0 into elements (views).
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const ds = nd.data.Dataset.range(5).batch(2).unbatch();
   * assert.deepEqual([...ds].map((a) => a.item()), [0n, 1n, 2n, 3n, 4n]);
   * ```
   */
  unbatch(): Dataset<Unbatched<T>> {
    return new Dataset(new UnbatchNode(this.#node));
  }

  /**
   * Elements in random order through a buffer of `bufferSize` (tf.data's algorithm: the
   * buffer starts with the first `bufferSize` elements; each output is a uniformly chosen
   * buffer entry, replaced by the next input element). A buffer at least as large as the
   * dataset gives a uniform permutation. With `seed`, the orders are reproducible.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const ds = nd.data.Dataset.range(6).shuffle(6, { seed: 42 });
   * const order = (d: typeof ds) => [...d].map((a) => Number(a.item()));
   * const first = order(ds), second = order(ds);
   * assert.deepEqual([...first].sort(), [0, 1, 2, 3, 4, 5]);
   * assert.notDeepEqual(first, second); // reshuffled on each iteration
   * assert.deepEqual(order(nd.data.Dataset.range(6).shuffle(6, { seed: 42 })), first);
   * ```
   */
  shuffle(bufferSize: number, opts?: ShuffleOpts): Dataset<T> {
    const n = checkPositive(bufferSize, "shuffle", "bufferSize");
    const o = checkOpts(opts, "shuffle");
    const seed = o.seed;
    if (
      seed !== undefined &&
      !((typeof seed === "number" && Number.isSafeInteger(seed) && seed >= 0) ||
        (typeof seed === "bigint" && seed >= 0n))
    ) {
      throw new RangeError(`shuffle: seed must be a non-negative integer, got ${String(seed)}`);
    }
    const re = checkBool(o.reshuffleEachIteration, "shuffle", "reshuffleEachIteration", true);
    return new Dataset(new ShuffleNode(this.#node, n, seed as number | bigint | undefined, re));
  }

  /**
   * The dataset `count` times over (forever without a count or with -1), running the
   * pipeline anew each time.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const ds = nd.data.Dataset.range(2).repeat(3);
   * assert.deepEqual([...ds].map((a) => a.item()), [0n, 1n, 0n, 1n, 0n, 1n]);
   * assert.equal([...nd.data.Dataset.range(2).repeat().take(5)].length, 5);
   * ```
   */
  repeat(count: number = -1): Dataset<T> {
    return new Dataset(new RepeatNode(this.#node, checkCount(count, "repeat", "count")));
  }

  /**
   * The first `count` elements (all for -1).
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * assert.equal(nd.data.Dataset.range(10).take(3).cardinality(), 3);
   * ```
   */
  take(count: number): Dataset<T> {
    return new Dataset(new TakeNode(this.#node, checkCount(count, "take", "count")));
  }

  /**
   * All but the first `count` elements (none for -1).
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * assert.deepEqual([...nd.data.Dataset.range(5).skip(3)].map((a) => a.item()), [3n, 4n]);
   * ```
   */
  skip(count: number): Dataset<T> {
    return new Dataset(new SkipNode(this.#node, checkCount(count, "skip", "count")));
  }

  /**
   * In `for await` iteration, requests up to `bufferSize` elements ahead of the consumer so
   * that async stages before it overlap with the work after it (0: no read-ahead). In
   * synchronous iteration elements pass through unchanged.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const ds = nd.data.Dataset.range(3).prefetch(2);
   * const seen: bigint[] = [];
   * for await (const x of ds) seen.push(x.item() as bigint);
   * assert.deepEqual(seen, [0n, 1n, 2n]);
   * ```
   */
  prefetch(bufferSize: number): Dataset<T> {
    if (typeof bufferSize !== "number" || !Number.isSafeInteger(bufferSize) || bufferSize < 0) {
      throw new RangeError(
        `prefetch: bufferSize must be a non-negative integer, got ${String(bufferSize)}`,
      );
    }
    return new Dataset(new PrefetchNode(this.#node, bufferSize));
  }

  /**
   * Keeps the elements of the first complete iteration in memory and replays them on later
   * iterations (the stages before it no longer run). Elements are cached as they are:
   * views stay views.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * let calls = 0;
   * const ds = nd.data.Dataset.range(3).map((x) => (calls++, x)).cache();
   * [...ds];
   * [...ds];
   * assert.equal(calls, 3);
   * ```
   */
  cache(): Dataset<T> {
    return new Dataset(new CacheNode(this.#node));
  }

  /**
   * The elements of this dataset, then those of `other` (same structure and dtypes).
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const ds = nd.data.Dataset.range(2).concatenate(nd.data.Dataset.range(5, 6));
   * assert.deepEqual([...ds].map((a) => a.item()), [0n, 1n, 5n]);
   * ```
   */
  concatenate(other: Dataset<T>): Dataset<T> {
    if (!(other instanceof Dataset)) {
      throw new TypeError(
        `concatenate: expected a Dataset, got ${other === null ? "null" : typeof other}`,
      );
    }
    return new Dataset(new ConcatNode(this.#node, other.#node));
  }

  /**
   * The number of elements, or {@link INFINITE_CARDINALITY} (-1) or
   * {@link UNKNOWN_CARDINALITY} (-2), by tf.data's rules.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const ds = nd.data.Dataset.range(10);
   * assert.equal(ds.batch(3).cardinality(), 4);
   * assert.equal(ds.repeat().cardinality(), nd.data.INFINITE_CARDINALITY);
   * assert.equal(ds.filter(() => true).cardinality(), nd.data.UNKNOWN_CARDINALITY);
   * ```
   */
  cardinality(): number {
    return this.#node.cardinality();
  }

  /**
   * The shape and dtype of each array in an element ({@link TensorSpec}s inside the
   * element's tuples and objects), or null where it is not known without running the
   * pipeline (after `map`, from a generator).
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const ds = nd.data.Dataset.fromTensorSlices([nd.zeros([8, 3]), nd.arange(8)]).batch(4);
   * assert.equal(nd.data.formatSpec(ds.elementSpec),
   *   "(TensorSpec(shape=[null, 3], dtype=float64), TensorSpec(shape=[null], dtype=int64))");
   * ```
   */
  get elementSpec(): ElementSpec | null {
    return this.#node.spec();
  }

  /**
   * True when every stage runs synchronously, so that `for ... of` works (`for await` always
   * does).
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * assert.equal(nd.data.Dataset.range(3).isSync, true);
   * assert.equal(nd.data.Dataset.range(3).map(async (x) => x).isSync, false);
   * ```
   */
  get isSync(): boolean {
    return this.#node.sync;
  }

  /** The elements, synchronously (throws a TypeError naming the first async stage if any). */
  [Symbol.iterator](): Iterator<T> {
    const node = this.#node;
    if (!node.sync) {
      throw new TypeError(
        `Dataset: cannot iterate synchronously: ${node.asyncWhy}: iterate with for await`,
      );
    }
    const it = node.iterSync();
    return {
      next(): IteratorResult<T> {
        const r = it.next();
        return r.done ? r : { done: false, value: resolve(r.value) as T };
      },
      return(value?: unknown): IteratorResult<T> {
        it.return?.();
        return { done: true, value: value as T };
      },
    };
  }

  /** The elements, asynchronously (any pipeline). */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    const it = this.#node.iterAsync();
    return {
      async next(): Promise<IteratorResult<T>> {
        const r = await it.next();
        return r.done ? r : { done: false, value: resolve(r.value) as T };
      },
      async return(value?: unknown): Promise<IteratorResult<T>> {
        await it.return?.();
        return { done: true, value: value as T };
      },
    };
  }

  /**
   * All elements in an array (async: works for every pipeline).
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const xs = await nd.data.Dataset.range(3).map(async (x) => x.mul(2)).toArray();
   * assert.deepEqual(xs.map((a) => a.item()), [0n, 2n, 4n]);
   * ```
   */
  async toArray(): Promise<T[]> {
    const out: T[] = [];
    for await (const x of this) out.push(x);
    return out;
  }

  /**
   * `fromTensorSlices → shuffle(100, seed=0) → batch(32)` with the element spec and the
   * cardinality.
   *
   * @example
   * ```ts
   * import * as nd from "../../mod.ts";
   * import assert from "node:assert/strict";
   * const s = String(nd.data.Dataset.range(10).batch(4));
   * assert.equal(s, "<Dataset range(0, 10) → batch(4)>\n" +
   *   "element_spec: TensorSpec(shape=[null], dtype=int64)\ncardinality: 3");
   * ```
   */
  toString(): string {
    const c = this.cardinality();
    const card = c === INFINITE_CARDINALITY
      ? "infinite"
      : c === UNKNOWN_CARDINALITY
      ? "unknown"
      : String(c);
    return `<Dataset ${pipeline(this.#node)}>\nelement_spec: ${
      formatSpec(this.elementSpec)
    }\ncardinality: ${card}`;
  }

  /** The MIME bundle Deno's Jupyter kernel displays (`text/plain`, `text/html`). */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const [head, spec, card] = this.toString().split("\n");
    return {
      "text/plain": this.toString(),
      "text/html": `<div><b>${esc(head.slice(1, -1))}</b><br>${esc(spec)}<br>${esc(card)}</div>`,
    };
  }

  /** Shows `toString()` in `console.log` under Deno. */
  [Symbol.for("Deno.customInspect")](): string {
    return this.toString();
  }
}
