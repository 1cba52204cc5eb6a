// Text of single values in assertion messages, as NumPy's testing module prints them: array
// elements through Python's float/complex/int formatting, and Python's `%g`.
import type { DType } from "../core/dtype.ts";
import { formatFloatPositional, formatFloatScientific } from "../core/print.ts";

/** One element as the comparison code sees it: a number, a bigint, or a complex pair. */
export type Value = number | bigint | { re: number; im: number };

/** Python's `repr(float(x))`: `3.0`, `0.1`, `1e-05`, `1.5e+20`, `nan` (trim "0"), or the
 * same without a lone `.0` (trim "-") as inside a complex number. */
function pyFloat(x: number, trim: "0" | "-", plus = false): string {
  if (Number.isNaN(x)) return plus ? "+nan" : "nan";
  const a = Math.abs(x);
  if (x === 0 || (a < 1e16 && a >= 1e-4)) {
    return formatFloatPositional(x, { trim, sign: plus });
  }
  if (a === Infinity) return x < 0 ? "-inf" : plus ? "+inf" : "inf";
  return formatFloatScientific(x, { trim: "-", sign: plus });
}

/**
 * One element as NumPy's testing messages show it. They format array elements with an
 * f-string, which turns NumPy floats into Python floats (float32 0.1 prints as
 * 0.10000000149011612) and complex numbers into Python complex numbers.
 */
export function scalarStr(v: Value, dtype: DType): string {
  if (dtype === "bool") return v ? "True" : "False";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") return dtype.startsWith("float") ? pyFloat(v, "0") : v.toString();
  const { re, im } = v;
  if (re === 0 && !Object.is(re, -0)) return pyFloat(im, "-") + "j";
  return `(${pyFloat(re, "-")}${pyFloat(im, "-", true)}j)`;
}

/** Python's `format(x, ".{digits}g")` (6 significant digits by default), rounding half to even
 * on the exact binary value as Python does. */
export function formatG(x: number, digits = 6): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x < 0 ? "-inf" : "inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const p = Math.max(digits, 1);
  const sci = formatFloatScientific(x, { precision: p - 1, unique: false });
  const [mant, expStr] = sci.split("e");
  const exp = Number(expStr);
  const strip = (t: string) => (t.includes(".") ? t.replace(/0+$/, "").replace(/\.$/, "") : t);
  if (exp >= -4 && exp < p) {
    return strip(formatFloatPositional(x, { precision: p - 1 - exp, unique: false }));
  }
  return `${strip(mant)}e${expStr[0]}${expStr.slice(1).padStart(2, "0")}`;
}
