/**
 * What a {@link Dataset}'s elements look like ({@link TensorSpec}, {@link ElementSpec}) and
 * how many there are (the cardinality constants), as tf.data reports them.
 *
 * @module
 */

import type { DType } from "../core/dtype.ts";

/**
 * The cardinality of a dataset that never ends (`repeat()` without a count), tf.data's
 * `tf.data.INFINITE_CARDINALITY`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const ds = nd.data.Dataset.range(3).repeat();
 * assert.equal(ds.cardinality(), nd.data.INFINITE_CARDINALITY);
 * ```
 */
export const INFINITE_CARDINALITY = -1;

/**
 * The cardinality of a dataset whose length is not known without running it (after
 * `filter`, or from a generator), tf.data's `tf.data.UNKNOWN_CARDINALITY`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const ds = nd.data.Dataset.range(10).filter((x) => (x.item() as bigint) % 2n === 0n);
 * assert.equal(ds.cardinality(), nd.data.UNKNOWN_CARDINALITY);
 * ```
 */
export const UNKNOWN_CARDINALITY = -2;

/**
 * The shape and dtype of one array in a dataset's elements, tf.data's `tf.TensorSpec`. A
 * `null` dimension is one that varies between elements (the leading dimension of batches
 * made without `dropRemainder`, whose last batch may be shorter).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const ds = nd.data.Dataset.fromTensorSlices(nd.zeros([10, 3])).batch(4);
 * const spec = ds.elementSpec as nd.data.TensorSpec;
 * assert.deepEqual(spec.shape, [null, 3]);
 * assert.equal(spec.toString(), "TensorSpec(shape=[null, 3], dtype=float64)");
 * ```
 */
export class TensorSpec {
  /** Dimensions; `null` where elements differ. */
  readonly shape: readonly (number | null)[];
  /** The element type. */
  readonly dtype: DType;

  /** A spec of the given shape and dtype. */
  constructor(shape: readonly (number | null)[], dtype: DType) {
    this.shape = Object.freeze(shape.slice());
    this.dtype = dtype;
  }

  /** `TensorSpec(shape=[null, 3], dtype=float64)`. */
  toString(): string {
    return `TensorSpec(shape=[${
      this.shape.map((d) => d ?? "null").join(", ")
    }], dtype=${this.dtype})`;
  }
}

/**
 * The structure of a dataset's elements: a {@link TensorSpec} per array, inside the same
 * tuples and objects as the elements.
 */
export type ElementSpec =
  | TensorSpec
  | readonly ElementSpec[]
  | { readonly [key: string]: ElementSpec };

/**
 * `spec` as text: `(TensorSpec(...), TensorSpec(...))` for tuples, `{x: TensorSpec(...)}` for
 * objects, `unknown` for null.
 *
 * @example
 * ```ts
 * import { formatSpec, TensorSpec } from "./spec.ts";
 * import assert from "node:assert/strict";
 * const s = { x: new TensorSpec([2], "float32") };
 * assert.equal(formatSpec(s), "{x: TensorSpec(shape=[2], dtype=float32)}");
 * assert.equal(formatSpec(null), "unknown");
 * ```
 */
export function formatSpec(spec: ElementSpec | null): string {
  if (spec === null) return "unknown";
  if (spec instanceof TensorSpec) return spec.toString();
  if (Array.isArray(spec)) return `(${spec.map(formatSpec).join(", ")})`;
  const o = spec as { readonly [key: string]: ElementSpec };
  return `{${Object.keys(o).map((k) => `${k}: ${formatSpec(o[k])}`).join(", ")}}`;
}
