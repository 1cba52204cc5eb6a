/**
 * `OrdinalEncoder`: each categorical feature as the integer index of its category
 * (scikit-learn's `sklearn.preprocessing.OrdinalEncoder`).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { BaseEncoder } from "./_base_encoder.ts";
import type { CategoricalInput, Category } from "./_categories.ts";
import { allocOut, floatArray } from "./_float_dtype.ts";
import { checkChoice, describe } from "./_validation.ts";

/** Options of {@linkcode OrdinalEncoder}. */
export interface OrdinalEncoderOpts {
  /** "auto" (the sorted distinct values seen in fit; default) or the categories of each feature. */
  categories?: "auto" | readonly (readonly Category[])[];
  /** The output dtype: "float64" (default) or "float32". */
  dtype?: "float64" | "float32";
  /** "error" (default) on a category unseen in fit, or "use_encoded_value" (`unknownValue`). */
  handleUnknown?: "error" | "use_encoded_value";
  /** The code of unseen categories with "use_encoded_value": an integer or NaN (default null). */
  unknownValue?: number | null;
  /** The code of missing values (NaN categories): NaN (default) or an integer. */
  encodedMissingValue?: number;
}

const DEFAULTS: Required<OrdinalEncoderOpts> = {
  categories: "auto",
  dtype: "float64",
  handleUnknown: "error",
  unknownValue: null,
  encodedMissingValue: NaN,
};
const NAME = "OrdinalEncoder";

/**
 * Encodes each categorical feature (numbers or strings) as the index of its value in the
 * feature's sorted categories (0, 1, 2...). As scikit-learn: a NaN is encoded as
 * `encodedMissingValue` (NaN by default; null, Python's None, is an ordinary category, sorted
 * last); an unseen category is an error, or `unknownValue` with
 * `handleUnknown: "use_encoded_value"` (null when inverted).
 *
 * Fitted attributes: `categories`, `nFeaturesIn`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const enc = new nd.ml.OrdinalEncoder().fit([["Male", 1], ["Female", 3], ["Female", 2]]);
 * assert.deepEqual(enc.categories, [["Female", "Male"], [1, 2, 3]]);
 * assert.deepEqual(enc.transform([["Female", 3], ["Male", 1]]).toArray(), [[0, 2], [1, 0]]);
 * assert.deepEqual(enc.inverseTransform([[1, 0], [0, 1]]), [["Male", 1], ["Female", 2]]);
 * ```
 */
export class OrdinalEncoder extends BaseEncoder {
  /** The output dtype. */
  readonly dtype: "float64" | "float32";
  /** What an unseen category does. */
  readonly handleUnknown: "error" | "use_encoded_value";
  /** The code of unseen categories with "use_encoded_value". */
  readonly unknownValue: number | null;
  /** The code of missing values. */
  readonly encodedMissingValue: number;
  #missing: (number | null)[] = [];

  /** An encoder with the given options (all optional). */
  constructor(opts: OrdinalEncoderOpts = {}) {
    const o = { ...DEFAULTS, ...opts };
    super(NAME, DEFAULTS, o.categories);
    this.dtype = checkChoice(NAME, "dtype", o.dtype, ["float64", "float32"] as const);
    this.handleUnknown = checkChoice(
      NAME,
      "handleUnknown",
      o.handleUnknown,
      ["error", "use_encoded_value"] as const,
    );
    const u = o.unknownValue;
    if (this.handleUnknown === "use_encoded_value") {
      if (typeof u !== "number" || !(Number.isInteger(u) || u !== u)) {
        throw new TypeError(
          `${NAME}: unknownValue should be an integer or NaN when handleUnknown is ` +
            `"use_encoded_value", got ${describe(u)}`,
        );
      }
    } else if (u !== null) {
      throw new TypeError(
        `${NAME}: unknownValue should only be set when handleUnknown is "use_encoded_value", ` +
          `got ${describe(u)}`,
      );
    }
    this.unknownValue = u;
    const e = o.encodedMissingValue;
    if (typeof e !== "number" || !(Number.isInteger(e) || e !== e)) {
      throw new TypeError(
        `${NAME}: encodedMissingValue should be an integer or NaN, got ${describe(e)}`,
      );
    }
    this.encodedMissingValue = e;
  }

  /** The options, as passed to the constructor (`categories` as given). */
  getParams(): Required<OrdinalEncoderOpts> {
    return {
      categories: this.categoriesOption,
      dtype: this.dtype,
      handleUnknown: this.handleUnknown,
      unknownValue: this.unknownValue,
      encodedMissingValue: this.encodedMissingValue,
    };
  }

  /** Learns the categories of each feature. */
  fit(X: CategoricalInput): this {
    const { columns, categories } = this.learn(X, this.handleUnknown);
    const u = this.unknownValue;
    if (this.handleUnknown === "use_encoded_value") {
      for (const cats of categories) {
        if (0 <= (u as number) && (u as number) < cats.length) {
          throw new RangeError(
            `${NAME}: the used value for unknownValue ${u} is one of the values already used ` +
              `for encoding the seen categories`,
          );
        }
      }
    }
    // scikit-learn's _missing_indices: the position of a NaN category (None is not missing)
    const missing = categories.map((cats) => {
      const k = cats.findIndex((c) => typeof c === "number" && c !== c);
      return k < 0 ? null : k;
    });
    const e = this.encodedMissingValue;
    if (e === e) {
      const bad = missing.flatMap((k, j) =>
        k !== null && 0 <= e && e < categories[j].length ? [j] : []
      );
      if (bad.length) {
        throw new RangeError(
          `${NAME}: encodedMissingValue (${e}) is already used to encode a known category in ` +
            `features: [${bad.join(", ")}]`,
        );
      }
    }
    this.commit(columns, categories);
    this.#missing = missing;
    return this;
  }

  /** The category index of every value (`encodedMissingValue` for NaN, `unknownValue` for unseen ones). */
  transform(X: CategoricalInput): NDArray<"float64" | "float32"> {
    const { rows, cols, index, known } = this.encode(X, this.handleUnknown);
    const out = allocOut(this.dtype, rows * cols);
    for (let i = 0, k = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++, k++) {
        out[k] = !known[k]
          ? this.unknownValue as number
          : index[k] === this.#missing[j]
          ? this.encodedMissingValue
          : index[k];
      }
    }
    return floatArray(this.dtype, out, [rows, cols]);
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform(X: CategoricalInput): NDArray<"float64" | "float32"> {
    return this.fit(X).transform(X);
  }

  /** The categories back from their codes (null for `unknownValue`). */
  inverseTransform(X: NDArray | readonly (readonly number[])[]): Category[][] {
    const cols = this.cats.length;
    const m = this.readCodes(X, cols);
    const same = (a: number, b: number | null) => a === b || (a !== a && b !== b && b !== null);
    const out: Category[][] = [];
    for (let i = 0, k = 0; i < m.rows; i++) {
      const row: Category[] = [];
      for (let j = 0; j < cols; j++, k++) {
        let v = m.data[k];
        const miss = this.#missing[j];
        if (miss !== null && same(v, this.encodedMissingValue)) v = miss;
        if (this.handleUnknown === "use_encoded_value" && same(v, this.unknownValue)) {
          row.push(null);
          continue;
        }
        const c = Math.trunc(v);
        if (!(c >= 0 && c < this.cats[j].length)) {
          throw new RangeError(
            `${NAME}: code ${m.data[k]} at row ${i}, column ${j} is not the code of a category ` +
              `(0 to ${this.cats[j].length - 1})`,
          );
        }
        row.push(this.cats[j][c]);
      }
      out.push(row);
    }
    return out;
  }

  /** The fitted attributes for the Jupyter display. */
  protected fittedAttributes(): Record<string, unknown> {
    return { categories: this.categories };
  }
}
