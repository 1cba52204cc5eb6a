// Elementwise functions that map 0 to 0, applied to the stored values only (SciPy's list for
// sparse matrices). Duplicates are summed first (in place, as SciPy's `_deduped_data`):
// sqrt(a) + sqrt(b) is not sqrt(a + b).
import type { Ufunc } from "../ops/ufunc.ts";
import * as ew from "../ops/elementwise.ts";
import type { SparseMatrix } from "./_base.ts";
import { checkSparseDType } from "./_values.ts";

/** The zero-preserving functions matrices have as methods. */
export type UnaryName =
  | "sqrt"
  | "sin"
  | "tan"
  | "arcsin"
  | "arctan"
  | "sinh"
  | "tanh"
  | "arcsinh"
  | "arctanh"
  | "expm1"
  | "log1p"
  | "deg2rad"
  | "rad2deg"
  | "floor"
  | "ceil"
  | "trunc"
  | "rint"
  | "sign";

const UFUNCS: Record<UnaryName, Ufunc> = {
  sqrt: ew.sqrt,
  sin: ew.sin,
  tan: ew.tan,
  arcsin: ew.arcsin,
  arctan: ew.arctan,
  sinh: ew.sinh,
  tanh: ew.tanh,
  arcsinh: ew.arcsinh,
  arctanh: ew.arctanh,
  expm1: ew.expm1,
  log1p: ew.log1p,
  deg2rad: ew.deg2rad,
  rad2deg: ew.rad2deg,
  floor: ew.floor,
  ceil: ew.ceil,
  trunc: ew.trunc,
  rint: ew.rint,
  sign: ew.sign,
};

/** Applies `f` to the stored values of `a` after summing its duplicates. */
function applyDeduped(a: SparseMatrix, f: Ufunc, name: string): SparseMatrix {
  a.sumDuplicates();
  const vals = f(a.data);
  checkSparseDType(vals.dtype, name);
  return a.withData(vals);
}

/** The zero-preserving functions, by name: `UNARY.sqrt(m)` is `m.sqrt()`. */
export const UNARY: Readonly<Record<UnaryName, (a: SparseMatrix) => SparseMatrix>> = Object
  .freeze(
    Object.fromEntries(
      (Object.keys(UFUNCS) as UnaryName[]).map((name) => [
        name,
        (a: SparseMatrix) => applyDeduped(a, UFUNCS[name], name),
      ]),
    ) as Record<UnaryName, (a: SparseMatrix) => SparseMatrix>,
  );

/** Absolute values of the stored values (duplicates summed first; complex gives float). */
export function abs(a: SparseMatrix): SparseMatrix {
  return applyDeduped(a, ew.absolute, "abs");
}

/** The complex conjugate (linear, so duplicates stay). */
export function conj(a: SparseMatrix): SparseMatrix {
  return a.withData(ew.conjugate(a.data));
}
