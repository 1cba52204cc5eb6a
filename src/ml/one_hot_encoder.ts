/**
 * `OneHotEncoder`: one 0/1 column per category of each feature (scikit-learn's
 * `sklearn.preprocessing.OneHotEncoder`, dense output).
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { BaseEncoder } from "./_base_encoder.ts";
import { type CategoricalInput, type Category, fmtCategories, indexOf } from "./_categories.ts";
import { allocOut, floatArray } from "./_float_dtype.ts";
import { checkChoice, describe } from "./_validation.ts";

/** Options of {@linkcode OneHotEncoder}. */
export interface OneHotEncoderOpts {
  /** "auto" (the sorted distinct values seen in fit; default) or the categories of each feature. */
  categories?: "auto" | readonly (readonly Category[])[];
  /**
   * Drop one category per feature: null (default: keep all), "first", "if_binary" (only for
   * two-category features) or the category to drop for each feature.
   */
  drop?: null | "first" | "if_binary" | readonly Category[];
  /** The output dtype: "float64" (default) or "float32". */
  dtype?: "float64" | "float32";
  /** "error" (default) on a category unseen in fit, or "ignore" (all zeros for that feature). */
  handleUnknown?: "error" | "ignore";
}

const DEFAULTS: Required<OneHotEncoderOpts> = {
  categories: "auto",
  drop: null,
  dtype: "float64",
  handleUnknown: "error",
};
const NAME = "OneHotEncoder";

/**
 * Encodes categorical features (numbers or strings) as one-hot columns, feature by feature in
 * the order of `categories`, as scikit-learn does with `sparse_output=False`. Missing values
 * (null, NaN) are categories of their own, sorted last. With `drop`, the dropped category is
 * encoded as all zeros; with `handleUnknown: "ignore"`, so is an unseen one.
 *
 * Fitted attributes: `categories` (per feature, including a dropped one), `dropIdx` (the
 * index of the dropped category of each feature, null where none is, or null when nothing is
 * dropped), `nFeaturesIn`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const enc = new nd.ml.OneHotEncoder({ handleUnknown: "ignore" });
 * enc.fit([["Male", 1], ["Female", 3], ["Female", 2]]);
 * assert.deepEqual(enc.categories, [["Female", "Male"], [1, 2, 3]]);
 * assert.deepEqual(enc.transform([["Female", 1], ["Male", 4]]).toArray(), [
 *   [1, 0, 1, 0, 0],
 *   [0, 1, 0, 0, 0],
 * ]);
 * assert.deepEqual(enc.inverseTransform([[0, 1, 1, 0, 0], [0, 0, 0, 1, 0]]), [
 *   ["Male", 1],
 *   [null, 2],
 * ]);
 * assert.deepEqual(enc.getFeatureNamesOut(["gender", "group"]), [
 *   "gender_Female", "gender_Male", "group_1", "group_2", "group_3",
 * ]);
 * ```
 */
export class OneHotEncoder extends BaseEncoder {
  /** What to drop. */
  readonly drop: null | "first" | "if_binary" | readonly Category[];
  /** The output dtype. */
  readonly dtype: "float64" | "float32";
  /** What an unseen category does. */
  readonly handleUnknown: "error" | "ignore";
  #dropIdx: (number | null)[] | null = null;

  /** An encoder with the given options (all optional). */
  constructor(opts: OneHotEncoderOpts = {}) {
    const o = { ...DEFAULTS, ...opts };
    super(NAME, DEFAULTS, o.categories);
    if (o.drop !== null && o.drop !== "first" && o.drop !== "if_binary" && !Array.isArray(o.drop)) {
      throw new RangeError(
        `${NAME}: drop must be null, "first", "if_binary" or an array of categories, got ${
          describe(o.drop)
        }`,
      );
    }
    this.drop = o.drop;
    this.dtype = checkChoice(NAME, "dtype", o.dtype, ["float64", "float32"] as const);
    this.handleUnknown = checkChoice(
      NAME,
      "handleUnknown",
      o.handleUnknown,
      ["error", "ignore"] as const,
    );
  }

  /** The options, as passed to the constructor (`categories` as given). */
  getParams(): Required<OneHotEncoderOpts> {
    return {
      categories: this.categoriesOption,
      drop: this.drop,
      dtype: this.dtype,
      handleUnknown: this.handleUnknown,
    };
  }

  /** The index in `categories[j]` of the category dropped from feature j (null: none). */
  get dropIdx(): (number | null)[] | null {
    this.checkFitted();
    return this.#dropIdx && this.#dropIdx.slice();
  }

  /** Learns the categories of each feature. */
  fit(X: CategoricalInput): this {
    const { columns, categories } = this.learn(X, this.handleUnknown);
    const dropIdx = this.#computeDrop(categories, columns.map((c) => c.f32 === true));
    this.commit(columns, categories);
    this.#dropIdx = dropIdx;
    return this;
  }

  #computeDrop(categories: Category[][], f32: boolean[]): (number | null)[] | null {
    const d = this.drop;
    if (d === null) return null;
    if (d === "first") return categories.map(() => 0);
    if (d === "if_binary") return categories.map((c) => c.length === 2 ? 0 : null);
    if (d.length !== categories.length) {
      throw new TypeError(
        `${NAME}: drop should have one category per feature (${categories.length}), got ` +
          `${d.length}`,
      );
    }
    const missing: string[] = [];
    const idx = d.map((v, j) => {
      // NumPy compares the float32 categories with the number in float32
      const k = indexOf(categories[j]).get(f32[j] && typeof v === "number" ? Math.fround(v) : v);
      if (k === undefined) missing.push(`${fmtCategories([v])} of feature ${j}`);
      return k ?? 0;
    });
    if (missing.length) {
      throw new RangeError(
        `${NAME}: the categories to drop were not found in the training data: ` +
          missing.join(", "),
      );
    }
    return idx;
  }

  /** The number of output columns of each feature, and their sum. */
  #widths(): { widths: number[]; total: number } {
    const drop = this.#dropIdx;
    const widths = this.cats.map((c, j) => drop && drop[j] !== null ? c.length - 1 : c.length);
    return { widths, total: widths.reduce((a, b) => a + b, 0) };
  }

  /** The one-hot encoding of `X`: samples × (categories of every feature, minus dropped ones). */
  transform(X: CategoricalInput): NDArray<"float64" | "float32"> {
    const { rows, cols, index, known } = this.encode(X, this.handleUnknown);
    const { widths, total } = this.#widths();
    const out = allocOut(this.dtype, rows * total);
    for (let i = 0; i < rows; i++) {
      let start = i * total;
      for (let j = 0; j < cols; j++) {
        const k = i * cols + j;
        let c = index[k];
        const drop = this.#dropIdx?.[j] ?? null;
        if (known[k] && c !== drop) {
          if (drop !== null && c > drop) c--;
          out[start + c] = 1;
        }
        start += widths[j];
      }
    }
    return floatArray(this.dtype, out, [rows, total]);
  }

  /** `fit(X)` then `transform(X)`. */
  fitTransform(X: CategoricalInput): NDArray<"float64" | "float32"> {
    return this.fit(X).transform(X);
  }

  /**
   * The categories back from one-hot rows: each feature's block gives the category of its
   * largest value; an all-zero block gives the dropped category, or null (unknown) with
   * `handleUnknown: "ignore"`.
   */
  inverseTransform(X: NDArray | readonly (readonly number[])[]): Category[][] {
    const { widths, total } = this.#widths();
    const m = this.readCodes(X, total);
    const cols = this.cats.length;
    const out: Category[][] = Array.from({ length: m.rows }, () => new Array(cols));
    let start = 0;
    for (let j = 0; j < cols; j++) {
      const cats = this.cats[j], w = widths[j];
      const drop = this.#dropIdx?.[j] ?? null;
      const kept = drop === null ? cats : cats.filter((_, c) => c !== drop);
      for (let i = 0; i < m.rows; i++) {
        if (w === 0) {
          out[i][j] = cats[drop as number];
          continue;
        }
        const o = i * m.cols + start;
        let best = 0, sum = 0;
        for (let c = 0; c < w; c++) {
          const v = m.data[o + c];
          sum += v;
          if (v > m.data[o + best]) best = c;
        }
        if (sum !== 0) out[i][j] = kept[best];
        else if (drop !== null) out[i][j] = cats[drop];
        else if (this.handleUnknown === "ignore") out[i][j] = null;
        else {
          throw new RangeError(
            `${NAME}: sample ${i} cannot be inverted when drop is null and handleUnknown is ` +
              `"error" because feature ${j} is all zeros`,
          );
        }
      }
      start += w;
    }
    return out;
  }

  /** The output column names: `${feature}_${category}` (features named x0, x1... by default). */
  getFeatureNamesOut(inputFeatures?: readonly string[]): string[] {
    this.checkFitted();
    const cols = this.cats.length;
    const names = inputFeatures ?? Array.from({ length: cols }, (_, j) => `x${j}`);
    if (names.length !== cols) {
      throw new TypeError(
        `${NAME}: inputFeatures should have length ${cols}, got ${names.length}`,
      );
    }
    const out: string[] = [];
    for (let j = 0; j < cols; j++) {
      const drop = this.#dropIdx?.[j] ?? null;
      this.cats[j].forEach((c, k) => {
        if (k !== drop) out.push(`${names[j]}_${this.categoryName(j, c)}`);
      });
    }
    return out;
  }

  /** The fitted attributes for the Jupyter display. */
  protected fittedAttributes(): Record<string, unknown> {
    return { categories: this.categories, dropIdx: this.dropIdx };
  }
}
