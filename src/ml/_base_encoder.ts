/**
 * What OneHotEncoder and OrdinalEncoder share (scikit-learn's `_BaseEncoder`): learning the
 * categories of each feature, and mapping samples to category indices with a mask of the
 * values that are unknown.
 *
 * @module
 */

import type { NDArray } from "../core/ndarray.ts";
import { Estimator } from "./_base.ts";
import {
  type CategoricalInput,
  type Category,
  checkGivenCategories,
  checkSortedNumeric,
  type Column,
  fmtCategories,
  indexOf,
  pyStr,
  readColumns,
  uniqueSorted,
  unknownValues,
} from "./_categories.ts";
import { describe, type Mat, toMat } from "./_validation.ts";

/** Category indices of every sample and feature, and which of them were known. */
export interface Encoded {
  rows: number;
  cols: number;
  /** Row-major category index (0 for an unknown value). */
  index: Int32Array;
  /** Row-major 1 where the value was a known category, 0 where it was unknown. */
  known: Uint8Array;
}

/** The base of the categorical encoders. */
export abstract class BaseEncoder extends Estimator {
  readonly #given: "auto" | readonly (readonly Category[])[];
  #categories: Category[][] = [];
  #lookups: Map<Category, number>[] = [];
  #float: boolean[] = [];
  #f32: boolean[] = [];

  /**
   * An encoder named `name` with options defaulting to `defaults`, and the `categories` option
   * (checked: "auto" or an array of category lists).
   */
  protected constructor(name: string, defaults: Record<string, unknown>, categories: unknown) {
    super(name, defaults);
    if (categories !== "auto" && !Array.isArray(categories)) {
      throw new TypeError(
        `${name}: categories must be "auto" or an array of category lists, got ${
          describe(categories)
        }`,
      );
    }
    this.#given = categories as "auto" | readonly (readonly Category[])[];
  }

  /** The `categories` option, as given. */
  protected get categoriesOption(): "auto" | readonly (readonly Category[])[] {
    return this.#given;
  }

  /**
   * The categories of each feature, in the order of the encoded columns (scikit-learn's
   * `categories_`; the `categories` option itself is in `getParams()`).
   */
  get categories(): Category[][] {
    this.checkFitted();
    return this.#categories.map((c) => c.slice());
  }

  /** The fitted categories (not copied), for subclasses. */
  protected get cats(): readonly (readonly Category[])[] {
    return this.#categories;
  }

  /** Category `c` of feature `j` as in feature names (Python's `str`, NumPy's for float32). */
  protected categoryName(j: number, c: Category): string {
    return pyStr(c, this.#float[j], this.#f32[j]);
  }

  /**
   * Reads `X` and learns its categories ("auto": sorted distinct values) or checks the ones of
   * the `categories` option (sorted if numeric; with `handleUnknown` "error", every value must
   * be among them). Records them only through {@linkcode BaseEncoder.commit}.
   */
  protected learn(
    X: CategoricalInput,
    handleUnknown: string,
  ): { columns: Column[]; categories: Category[][] } {
    const name = this.estimatorName, given = this.#given;
    const columns = readColumns(X, name);
    let categories: Category[][];
    if (given === "auto") categories = columns.map(uniqueSorted);
    else {
      categories = checkGivenCategories(given, columns.length, name);
      // scikit-learn casts given categories to X's dtype: numbers to float32 for float32 input
      categories = categories.map((cats, j) =>
        columns[j].f32 ? cats.map((v) => typeof v === "number" ? Math.fround(v) : v) : cats
      );
      // NumPy makes an all-number input a numeric array, and scikit-learn then requires sorted
      // categories; input with strings or nulls is an object array, where any order goes
      const numeric = columns.every((c) => c.kind !== "string" && !c.values.includes(null));
      categories.forEach((cats, j) => {
        if (numeric) checkSortedNumeric(cats, j, name);
        if (handleUnknown === "error") {
          const diff = unknownValues(columns[j], indexOf(cats));
          if (diff.length) {
            throw new RangeError(
              `${name}: found unknown categories ${fmtCategories(diff)} in column ` +
                `${j} during fit`,
            );
          }
        }
      });
    }
    return { columns, categories };
  }

  /** Records the learned categories and marks the encoder fitted. */
  protected commit(columns: Column[], categories: Category[][]): void {
    this.#categories = categories;
    this.#lookups = categories.map(indexOf);
    this.#float = columns.map((c, j) => c.float || categories[j].some(isFraction));
    this.#f32 = columns.map((c) => c.f32 === true);
    this.fitted(columns.length);
  }

  /**
   * The category index of every value of `X`; an unknown value throws with `handleUnknown`
   * "error", else it is marked unknown (index 0).
   */
  protected encode(X: CategoricalInput, handleUnknown: string): Encoded {
    this.checkFitted();
    const columns = readColumns(X, this.estimatorName);
    this.checkFeatures(columns.length);
    const rows = columns[0].values.length, cols = columns.length;
    const index = new Int32Array(rows * cols), known = new Uint8Array(rows * cols).fill(1);
    for (let j = 0; j < cols; j++) {
      const look = this.#lookups[j], vals = columns[j].values;
      let unknown = false;
      for (let i = 0; i < rows; i++) {
        const k = look.get(vals[i]);
        if (k === undefined) {
          unknown = true;
          known[i * cols + j] = 0;
        } else index[i * cols + j] = k;
      }
      if (unknown && handleUnknown === "error") {
        throw new RangeError(
          `${this.estimatorName}: found unknown categories ${
            fmtCategories(unknownValues(columns[j], look))
          } in column ${j} during transform`,
        );
      }
    }
    return { rows, cols, index, known };
  }

  /** The codes given to `inverseTransform` as a matrix; throws unless they have `cols` columns. */
  protected readCodes(X: NDArray | readonly (readonly number[])[], cols: number): Mat {
    this.checkFitted();
    const m = toMat(X, this.estimatorName);
    if (m.cols !== cols) {
      throw new TypeError(
        `${this.estimatorName}: the shape of the passed X is not correct: expected ${cols} ` +
          `columns, got ${m.cols}`,
      );
    }
    return m;
  }
}

function isFraction(v: Category): boolean {
  return typeof v === "number" && v === v && !Number.isInteger(v);
}
