/**
 * The categorical machinery of OneHotEncoder and OrdinalEncoder (scikit-learn's `_BaseEncoder`
 * and `utils._encode`): reading columns of numbers or strings, sorted unique categories with
 * the missing values (null, then NaN) last, mapping values to category indices, and Python's
 * spelling of values for messages and feature names.
 *
 * @module
 */

import { NDArray } from "../core/ndarray.ts";
import { fmtShape } from "../core/shape.ts";
import { describe, infError } from "./_validation.ts";

/**
 * One categorical value: a number (NaN is a missing value), a string, or null (a missing
 * value, Python's None).
 */
export type Category = number | string | null;

/**
 * What the encoders accept: a 2-D NDArray of numbers, or rows of numbers, strings and nulls
 * (each column all numbers or all strings, apart from missing values).
 */
export type CategoricalInput = NDArray | readonly (readonly Category[])[];

/** A column read from the input. */
export interface Column {
  values: Category[];
  /** "number", "string", or "missing" when every value is missing. */
  kind: "number" | "string" | "missing";
  /** Numbers spelled as floats in names ("1.0"): from a float array, or not all integers. */
  float: boolean;
  /** The numbers came from a float32 array (categories are float32; names use float32 digits). */
  f32?: boolean;
}

/** The columns of `X` (samples × features), checked. */
export function readColumns(X: CategoricalInput, name: string): Column[] {
  let rows: Category[][];
  let floatSource = false, f32 = false;
  if (X instanceof NDArray) {
    if (X.ndim !== 2) {
      throw new TypeError(
        `${name}: expected a 2-D array, got a ${X.ndim}-D array of shape ${fmtShape(X.shape)}`,
      );
    }
    if (X.dtype === "complex64" || X.dtype === "complex128") {
      throw new TypeError(`${name}: complex data is not supported: X has dtype ${X.dtype}`);
    }
    floatSource = X.dtype.startsWith("float");
    f32 = X.dtype === "float32";
    rows = (X.toArray() as unknown[][]).map((r) => r.map((v) => Number(v)));
  } else if (Array.isArray(X)) {
    rows = X.map((r, i) => {
      if (!Array.isArray(r)) {
        throw new TypeError(
          `${name}: expected a 2-D array (rows of values), got ${describe(r)} as row ${i}`,
        );
      }
      return r as Category[];
    });
  } else {
    throw new TypeError(
      `${name}: X must be an NDArray or an array of rows, got ${describe(X)}`,
    );
  }
  const n = rows.length;
  if (n === 0) {
    throw new TypeError(
      `${name}: found an array with 0 samples while a minimum of 1 is required`,
    );
  }
  const cols = rows[0].length;
  if (cols === 0) {
    throw new TypeError(
      `${name}: found an array with 0 features while a minimum of 1 is required`,
    );
  }
  const out: Column[] = [];
  for (let j = 0; j < cols; j++) {
    out.push({ values: new Array(n), kind: "missing", float: floatSource, f32 });
  }
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r.length !== cols) {
      throw new TypeError(
        `${name}: rows must all have the same length: row 0 has ${cols} values, row ${i} has ` +
          `${r.length}`,
      );
    }
    for (let j = 0; j < cols; j++) {
      let v = r[j] as unknown;
      if (v === undefined) v = null;
      const c = out[j];
      if (typeof v === "number") {
        if (v === Infinity || v === -Infinity) throw infError(name);
        if (v === v) {
          if (c.kind === "string") throw mixed(name, j);
          c.kind = "number";
          if (!Number.isInteger(v)) c.float = true;
        }
      } else if (typeof v === "string") {
        if (c.kind === "number") throw mixed(name, j);
        c.kind = "string";
      } else if (v !== null) {
        throw new TypeError(
          `${name}: values must be numbers, strings or null, got ${describe(v)} at row ${i}, ` +
            `column ${j}`,
        );
      }
      c.values[i] = v as Category;
    }
  }
  return out;
}

function mixed(name: string, j: number): TypeError {
  return new TypeError(
    `${name}: encoders require their input to be uniformly strings or numbers: column ${j} ` +
      `holds both`,
  );
}

/** Python's order of code points (JS `<` compares UTF-16 units). */
function cmpStrings(a: string, b: string): number {
  const ia = a[Symbol.iterator](), ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next(), y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const cx = x.value.codePointAt(0) as number, cy = y.value.codePointAt(0) as number;
    if (cx !== cy) return cx - cy;
  }
}

/** The sorted distinct values of `c`, then null, then NaN (scikit-learn's `_unique`). */
export function uniqueSorted(c: Column): Category[] {
  const seen = new Set<Category>(c.values);
  let hasNull = false, hasNaN = false;
  const vals: Category[] = [];
  for (const v of seen) {
    if (v === null) hasNull = true;
    else if (typeof v === "number" && v !== v) hasNaN = true;
    else vals.push(v);
  }
  if (c.kind === "string") (vals as string[]).sort(cmpStrings);
  else (vals as number[]).sort((a, b) => a - b);
  if (hasNull) vals.push(null);
  if (hasNaN) vals.push(NaN);
  return vals;
}

/** A lookup from category to index (SameValueZero: NaN finds NaN, -0 finds 0). */
export function indexOf(cats: readonly Category[]): Map<Category, number> {
  const m = new Map<Category, number>();
  cats.forEach((c, i) => {
    if (!m.has(c)) m.set(c, i);
  });
  return m;
}

/** The values of `c` not in `cats`, distinct and sorted as categories are. */
export function unknownValues(c: Column, cats: Map<Category, number>): Category[] {
  const diff = new Set<Category>();
  for (const v of c.values) if (!cats.has(v)) diff.add(v);
  return uniqueSorted({ values: [...diff], kind: c.kind, float: c.float });
}

/**
 * Python's `str` of a category, for feature names ("x0_1.0", "x1_a", "x2_None", "nan"); with
 * `f32`, NumPy's `str` of a float32 scalar (the shortest digits that round-trip through
 * float32: "0.1" for the float32 nearest 0.1).
 */
export function pyStr(v: Category, float: boolean, f32 = false): string {
  if (v === null) return "None";
  if (typeof v === "string") return v;
  if (v !== v) return "nan";
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  if (!float) return String(v);
  let d = v;
  if (f32) {
    for (let p = 1; p <= 9; p++) {
      const t = Number(v.toPrecision(p));
      if (Math.fround(t) === v) {
        d = t;
        break;
      }
    }
  }
  // Python's float repr: the shortest round-trip digits, positional for 1e-4 <= |v| < 1e16
  const exp = Number(v.toExponential().split("e")[1]);
  if (exp < -4 || exp >= 16) {
    const [mant, e] = d.toExponential().split("e");
    const de = Number(e);
    return `${mant}e${de < 0 ? "-" : "+"}${String(Math.abs(de)).padStart(2, "0")}`;
  }
  const s = String(d);
  return s.includes(".") ? s : `${s}.0`;
}

/** A category as in messages: strings quoted, NaN as NaN, null as null. */
export function fmtCategory(v: Category): string {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}

/** A list of categories as in messages: `["d", "e"]`. */
export function fmtCategories(vs: readonly Category[]): string {
  return `[${vs.map(fmtCategory).join(", ")}]`;
}

/** Checks a user-given categories list for `nFeatures` columns; copies it. */
export function checkGivenCategories(
  cats: unknown,
  nFeatures: number,
  name: string,
): Category[][] {
  if (!Array.isArray(cats) || cats.some((c) => !Array.isArray(c))) {
    throw new TypeError(
      `${name}: categories must be "auto" or an array of category lists, got ${describe(cats)}`,
    );
  }
  if (cats.length !== nFeatures) {
    throw new TypeError(
      `${name}: shape mismatch: categories has ${cats.length} lists but X has ${nFeatures} ` +
        `features`,
    );
  }
  return (cats as Category[][]).map((c) => c.slice());
}

/**
 * Checks that numeric categories given for column `j` are sorted (NaN last), as scikit-learn
 * requires of numerical categories.
 */
export function checkSortedNumeric(cats: readonly Category[], j: number, name: string): void {
  const nums = cats.filter((v) => !(typeof v === "number" && v !== v));
  for (let i = 1; i < nums.length; i++) {
    if (typeof nums[i] === "number" && (nums[i - 1] as number) > (nums[i] as number)) {
      throw new RangeError(
        `${name}: unsorted categories are not supported for numerical categories: column ${j} ` +
          `has ${fmtCategories(cats)}`,
      );
    }
  }
  const nan = cats.findIndex((v) => typeof v === "number" && v !== v);
  if (nan >= 0 && nan !== cats.length - 1) {
    throw new RangeError(
      `${name}: unsorted categories are not supported for numerical categories: NaN must come ` +
        `last in column ${j}`,
    );
  }
}
