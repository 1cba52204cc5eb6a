/**
 * {@link toTfDataset}: an `nd.data.Dataset` as a `tf.data.Dataset` that
 * `model.fitDataset` consumes.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { Dataset } from "../data/dataset.ts";
import { INFINITE_CARDINALITY } from "../data/spec.ts";
import { isPlainObject, kindOf } from "../data/_structure.ts";
import { type TfModule, toTf } from "./tf.ts";
import { checkTf } from "./_common.ts";

/** The parts of a `tf.data.Dataset` that nd sets. */
export interface TfDataset {
  /** Number of elements, `Infinity`, or null when unknown. */
  size: number | null;
}

/** The parts of the TensorFlow.js module {@link toTfDataset} calls (`tf.data.generator`). */
export interface TfDataModule extends TfModule {
  /** `tf.data`. */
  readonly data: {
    /**
     * `tf.data.generator(fn)`: a dataset whose iterators come from `fn()` (typed `never`
     * as {@link TfModule}'s methods; nd passes a function returning a sync or async
     * iterator of tensor containers).
     */
    generator(fn: never): TfDataset;
  };
}

/** An element as tfjs tensors: `[x, y]` at the top becomes `{ xs, ys }`. */
function toContainer(x: unknown, tf: TfModule, top: boolean): unknown {
  if (
    x instanceof NDArray || typeof x === "number" || typeof x === "bigint" ||
    typeof x === "boolean"
  ) {
    return toTf(x as NDArray, tf);
  }
  if (Array.isArray(x)) {
    if (top && x.length === 2) {
      return { xs: toContainer(x[0], tf, false), ys: toContainer(x[1], tf, false) };
    }
    return x.map((v) => toContainer(v, tf, false));
  }
  if (isPlainObject(x)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(x)) out[k] = toContainer(x[k], tf, false);
    return out;
  }
  throw new TypeError(`toTfDataset: cannot convert ${kindOf(x)} to a tensor`);
}

/**
 * A `tf.data.Dataset` (made with `tf.data.generator` of the `tf` module passed in) whose
 * elements are `ds`'s elements as tensors (converted by `toTf`, so float64 becomes float32
 * and int64 int32): an element `[x, y]` becomes `{ xs, ys }`, the form `model.fitDataset`
 * expects; objects keep their keys (`{ xs, ys }` passes through), single arrays become
 * single tensors. Each tfjs iteration (each epoch of `fitDataset`) iterates `ds` anew, so a
 * shuffle reshuffles; the dataset's `size` is `ds`'s cardinality when known. fitDataset
 * disposes the tensors of each batch it trains on; other consumers should dispose them.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import * as tf from "@tensorflow/tfjs";
 * import assert from "node:assert/strict";
 * tf.env().set("IS_NODE", false);
 * await tf.setBackend("cpu");
 * const x = nd.linspace(-1, 1, { num: 64 }).reshape([64, 1]);
 * const y = x.mul(3).add(1);
 * const ds = nd.data.Dataset.fromTensorSlices([x, y]).shuffle(64, { seed: 0 }).batch(16);
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
 * model.compile({ optimizer: tf.train.sgd(0.1), loss: "meanSquaredError" });
 * const h = await model.fitDataset(nd.interop.toTfDataset(ds, tf), { epochs: 5, verbose: 0 });
 * const loss = h.history.loss as number[];
 * assert(loss[4] < loss[0]);
 * ```
 */
export function toTfDataset<M extends TfDataModule>(
  ds: Dataset<unknown>,
  tf: M,
): ReturnType<M["data"]["generator"]> {
  if (!(ds instanceof Dataset)) {
    throw new TypeError(`toTfDataset: expected an nd.data.Dataset, got ${kindOf(ds)}`);
  }
  const mod = checkTf(tf, "toTfDataset") as unknown as {
    readonly data?: {
      generator(fn: () => Iterator<unknown> | AsyncIterator<unknown>): TfDataset;
    };
  };
  if (mod.data === null || typeof mod.data?.generator !== "function") {
    throw new TypeError(
      "toTfDataset: the tf module has no data.generator (load @tensorflow/tfjs-data)",
    );
  }
  const convert = (v: unknown) => toContainer(v, tf, true);
  const out = mod.data!.generator(() => {
    if (ds.isSync) {
      const it = ds[Symbol.iterator]();
      return {
        next(): IteratorResult<unknown> {
          const r = it.next();
          return r.done ? r : { done: false, value: convert(r.value) };
        },
      };
    }
    const it = ds[Symbol.asyncIterator]();
    return {
      async next(): Promise<IteratorResult<unknown>> {
        const r = await it.next();
        return r.done ? r : { done: false, value: convert(r.value) };
      },
    };
  });
  const c = ds.cardinality();
  if (c >= 0) out.size = c;
  else if (c === INFINITE_CARDINALITY) out.size = Infinity;
  return out as ReturnType<M["data"]["generator"]>;
}
