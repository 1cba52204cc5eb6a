/**
 * `nd.data`: tf.data-style input pipelines over NDArrays.
 *
 * A {@link Dataset} is built from arrays (`fromTensorSlices`, sliced along axis 0 into
 * views), a generator (`fromGenerator`), a `range`, or by `zip`ping datasets, then
 * transformed with chained `map`, `filter`, `batch`, `unbatch`, `shuffle`, `repeat`,
 * `take`, `skip`, `prefetch`, `cache` and `concatenate`, with tf.data's semantics and
 * cardinality rules. Datasets are async-iterable (`for await`) and, when every stage is
 * synchronous, iterable (`for ... of`). Batches of rows are copied straight from the source
 * arrays (one `set` per contiguous run, or an index gather after a shuffle), so that a
 * pipeline over a memmap larger than RAM runs in bounded memory.
 *
 * Differences from tf.data: elements are NDArrays (read-only views for sliced arrays) and JS
 * values, not tensors, and batches of JS numbers are float64; there is no graph tracing, so
 * the element spec after `map` is unknown (`null`); `map({ concurrency })` and `prefetch`
 * overlap async work on one thread (no background threads), and synchronous map functions
 * run one at a time; `cache()` keeps elements in memory only (no file cache); shuffle seeds
 * go through `nd.random` (reproducible, not tf.data's numbers); `range` takes integers only.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const x = nd.random.defaultRng(0).random([100, 3]);
 * const y = nd.arange(100);
 * const ds = nd.data.Dataset.fromTensorSlices({ x, y }).shuffle(100, { seed: 1 }).batch(32);
 * let rows = 0;
 * for (const b of ds) {
 *   assert.equal(b.x.shape[1], 3);
 *   rows += b.y.shape[0];
 * }
 * assert.equal(rows, 100);
 * assert.equal(ds.cardinality(), 4);
 * ```
 *
 * @module
 */

export { Dataset } from "./dataset.ts";
export { formatSpec, INFINITE_CARDINALITY, TensorSpec, UNKNOWN_CARDINALITY } from "./spec.ts";
export type { ElementSpec } from "./spec.ts";
export type {
  Batched,
  BatchOpts,
  Element,
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
