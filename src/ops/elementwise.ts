/**
 * NumPy's elementwise functions as {@linkcode Ufunc} objects. Each takes arrays or JS
 * scalars with broadcasting and `{ out, where, dtype }` options; the result dtype follows
 * NumPy 2's loop tables (e.g. `sqrt` of int8 is float16, true division of ints is float64).
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.array([1, 2, 3], { dtype: "uint8" });
 * assert(nd.add(a, 3).dtype === "uint8");
 * assert(nd.divide(a, 2).toArray().join() === "0.5,1,1.5");
 * assert(nd.mod(-5, 3).item() === 1n);
 * ```
 *
 * @module
 */

import { type DType, DTYPES } from "../core/dtype.ts";
import { type Body, makeUfunc, type Ufunc, type UfuncDef } from "./ufunc.ts";
import "./_math_helpers.ts";

type Cat = "bool" | "int" | "int32" | "big" | "float" | "cplx";
function cat(d: DType): Cat {
  const i = DTYPES[d];
  if (i.kind === "b") return "bool";
  if (i.kind === "c") return "cplx";
  if (i.kind === "f") return "float";
  if (i.bigint) return "big";
  return i.itemsize === 4 ? "int32" : "int";
}

const INTS = "bBhHiIqQ";
const FLOATS = "efd";
const CPLX = "FD";
const ALL = "?" + INTS + FLOATS + CPLX;
const NUM = INTS + FLOATS + CPLX;

/** A body from a real expression template (`$0`, `$1` are the inputs). */
const expr = (template: string): Body => (x, r) =>
  `${r[0]} = ${template.replace(/\$(\d)/g, (_, i) => x[Number(i)])};`;
/** A body for complex loops from re/im expression templates (`$0r`, `$0i`, ...). */
const cexpr = (re: string, im: string): Body => (x, r) => {
  const sub = (t: string) => t.replace(/\$(\d)([ri])/g, (_, i, p) => x[Number(i)] + p);
  return `${r[0]}r = ${sub(re)}; ${r[0]}i = ${sub(im)};`;
};
/** A body of statements using `$0r`.. and assigning `@r`/`@i` (complex) or `@` (real). */
const stmts = (template: string): Body => (x, r) =>
  "{ " +
  template.replace(/\$(\d)([ri]?)/g, (_, i, p) => x[Number(i)] + p).replace(/@/g, r[0]) + " }";

const CDIV = `const ar = $0r, ai = $0i, br = $1r, bi = $1i;
      const abr = Math.abs(br), abi = Math.abs(bi);
      if (abr >= abi) {
        if (abr === 0 && abi === 0) { @r = ar / abr; @i = ai / abr; }
        else { const rat = bi / br, scl = 1.0 / (br + bi * rat); @r = (ar + ai * rat) * scl; @i = (ai - ar * rat) * scl; }
      } else { const rat = br / bi, scl = 1.0 / (bi + br * rat); @r = (ar * rat + ai) * scl; @i = (ai * rat - ar) * scl; }`;
const CLOG = `@r = Math.log(Math.hypot($0r, $0i)); @i = Math.atan2($0i, $0r);`;
const CSQRT = `if ($0r === 0 && $0i === 0) { @r = 0; @i = $0i; }
      else { const t = Math.sqrt((Math.abs($0r) + Math.hypot($0r, $0i)) / 2);
        if ($0r >= 0) { @r = t; @i = $0i / (2 * t); } else { @r = Math.abs($0i) / (2 * t); @i = copysign(t, $0i); } }`;
const CNZ = (i: number) => `($${i}r !== 0 || $${i}i !== 0)`;

function def(
  name: string,
  nin: 1 | 2,
  types: string,
  body: (d: DType, c: Cat) => Body | null,
  extra: Partial<UfuncDef> = {},
): Ufunc {
  return makeUfunc({ name, nin, types, body: (d) => body(d, cat(d)), ...extra });
}

const refuseBool = (what: string, hint?: string) => (ins: readonly DType[]) =>
  ins.every((d) => d === "bool")
    ? `${what} is not supported for bool arrays${hint ? `; ${hint}` : ""}`
    : null;
const toFloat = (
  common: DType,
) => (DTYPES[common].kind === "b" || DTYPES[common].kind === "i" || DTYPES[common].kind === "u"
  ? "float64"
  : common);

// ---- arithmetic ----

/** Elementwise `a + b` (logical or for bool). */
export const add: Ufunc = def(
  "add",
  2,
  ALL,
  (_d, c) =>
    c === "cplx"
      ? cexpr("$0r + $1r", "$0i + $1i")
      : c === "bool"
      ? expr("$0 | $1")
      : expr("$0 + $1"),
  { identity: 0 },
);
/** Elementwise `a - b`. */
export const subtract: Ufunc = def(
  "subtract",
  2,
  NUM,
  (_d, c) => c === "cplx" ? cexpr("$0r - $1r", "$0i - $1i") : expr("$0 - $1"),
  {
    refuse: refuseBool("the - operator (subtract)", "use logicalXor or bitwiseXor instead"),
  },
);
/** Elementwise `a * b` (logical and for bool). */
export const multiply: Ufunc = def(
  "multiply",
  2,
  ALL,
  (_d, c) =>
    c === "cplx"
      ? cexpr("$0r * $1r - $0i * $1i", "$0r * $1i + $0i * $1r")
      : c === "int32"
      ? expr("Math.imul($0, $1)")
      : c === "bool"
      ? expr("$0 & $1")
      : expr("$0 * $1"),
  { identity: 1 },
);
/** Elementwise true division; integer inputs give float64. */
export const divide: Ufunc = def(
  "divide",
  2,
  FLOATS + CPLX,
  (_d, c) => c === "cplx" ? stmts(CDIV) : expr("$0 / $1"),
  { resolve: toFloat },
);
/** Alias of {@linkcode divide}. */
export const trueDivide: Ufunc = divide;
/** Elementwise floor division with Python's rounding (toward -inf); 0 for integer division by 0. */
export const floorDivide: Ufunc = def(
  "floor_divide",
  2,
  INTS + FLOATS,
  (_d, c) =>
    c === "float"
      ? expr("pyFloorDiv($0, $1)")
      : c === "big"
      ? expr("bigFloorDiv($0, $1)")
      : expr("intFloorDiv($0, $1)"),
);
/** Elementwise remainder with the sign of the divisor (Python's `%`); 0 for integer `% 0`. */
export const remainder: Ufunc = def(
  "remainder",
  2,
  INTS + FLOATS,
  (_d, c) =>
    c === "float"
      ? expr("pyMod($0, $1)")
      : c === "big"
      ? expr("bigMod($0, $1)")
      : expr("intMod($0, $1)"),
);
/** Alias of {@linkcode remainder}. */
export const mod: Ufunc = remainder;
/** C's fmod: remainder with the sign of the dividend. */
export const fmod: Ufunc = def(
  "fmod",
  2,
  INTS + FLOATS,
  (_d, c) =>
    c === "float"
      ? expr("$0 % $1")
      : c === "big"
      ? expr("($1 === 0n ? 0n : $0 % $1)")
      : expr("($1 === 0 ? 0 : $0 % $1)"),
);
const CPOW = `if ($1r === 0 && $1i === 0) { @r = 1; @i = 0; }
      else if ($0r === 0 && $0i === 0) { if ($1r > 0) { @r = 0; @i = 0; } else { @r = NaN; @i = NaN; } }
      else if ($1i === 0 && $1r === 1) { @r = $0r; @i = $0i; }
      else if ($1i === 0 && $1r === 2) { @r = $0r * $0r - $0i * $0i; @i = $0r * $0i + $0i * $0r; }
      else if ($1i === 0 && $1r === 3) {
        const sr = $0r * $0r - $0i * $0i, si = $0r * $0i + $0i * $0r;
        @r = $0r * sr - $0i * si; @i = $0r * si + $0i * sr;
      } else if ($1i === 0 && Number.isInteger($1r) && Math.abs($1r) < 100) {
        let n = Math.abs($1r), br = $0r, bi = $0i, pr = 1, pi = 0;
        while (n > 0) { if (n & 1) { const t = pr * br - pi * bi; pi = pr * bi + pi * br; pr = t; }
          n >>= 1; if (n > 0) { const t2 = br * br - bi * bi; bi = br * bi + bi * br; br = t2; } }
        if ($1r < 0) {
          const abr = Math.abs(pr), abi = Math.abs(pi);
          if (abr >= abi) { const rat = pi / pr, scl = 1.0 / (pr + pi * rat); @r = scl; @i = -rat * scl; }
          else { const rat = pr / pi, scl = 1.0 / (pi + pr * rat); @r = rat * scl; @i = -scl; }
        } else { @r = pr; @i = pi; }
      } else {
        const lr = Math.log(Math.hypot($0r, $0i)), li = Math.atan2($0i, $0r);
        cExp($1r * lr - $1i * li, $1r * li + $1i * lr); @r = CT[0]; @i = CT[1];
      }`;
/** Elementwise power; integer powers wrap, negative integer exponents raise a RangeError. */
export const power: Ufunc = def(
  "power",
  2,
  INTS + FLOATS + CPLX,
  (d, c) =>
    c === "cplx"
      ? stmts(CPOW)
      : c === "float"
      ? expr("fpow($0, $1)")
      : c === "big"
      ? expr(`ipow64($0, $1, ${d === "uint64"})`)
      : expr("ipow($0, $1)"),
);
/** Power computed in float64 (or complex128). */
export const floatPower: Ufunc = def(
  "float_power",
  2,
  "dD",
  (_d, c) => c === "cplx" ? stmts(CPOW) : expr("fpow($0, $1)"),
);
/** Alias spelled as NumPy does. */
export const float_power: Ufunc = floatPower;
/** Elementwise `-a`. */
export const negative: Ufunc = def(
  "negative",
  1,
  NUM,
  (_d, c) => c === "cplx" ? cexpr("-$0r", "-$0i") : expr("-$0"),
  {
    refuse: refuseBool("the - operator (negative)", "use invert or logicalNot instead"),
  },
);
/** Elementwise `+a` (a copy). */
export const positive: Ufunc = def(
  "positive",
  1,
  NUM,
  (_d, c) => c === "cplx" ? cexpr("$0r", "$0i") : expr("$0"),
  {
    refuse: refuseBool("positive"),
  },
);
/** Elementwise absolute value; complex gives its magnitude (a real dtype). */
export const absolute: Ufunc = def(
  "absolute",
  1,
  ALL,
  (_d, c) =>
    c === "cplx"
      ? expr("Math.hypot($0r, $0i)")
      : c === "float"
      ? expr("Math.abs($0)")
      : c === "bool"
      ? expr("$0")
      : c === "big"
      ? expr("($0 < 0n ? -$0 : $0)")
      : expr("($0 < 0 ? -$0 : $0)"),
  { out: "real" },
);
/** Alias of {@linkcode absolute}. */
export const abs: Ufunc = absolute;
/** -1, 0 or 1 by sign (NaN stays NaN; complex gives `z / |z|`). */
export const sign: Ufunc = def(
  "sign",
  1,
  NUM,
  (_d, c) =>
    c === "cplx"
      ? stmts(
        "const m = Math.hypot($0r, $0i); if (m === 0) { @r = 0; @i = 0; } " +
          "else if (m === Infinity && $0r === $0r && $0i === $0i && " +
          "!(Math.abs($0r) === Infinity && Math.abs($0i) === Infinity)) { " +
          "@r = Math.abs($0r) === Infinity ? Math.sign($0r) : 0; " +
          "@i = Math.abs($0i) === Infinity ? Math.sign($0i) : 0; } " +
          "else { @r = $0r / m; @i = $0i / m; }",
      )
      : c === "big"
      ? expr("($0 > 0n ? 1n : $0 < 0n ? -1n : 0n)")
      : expr("($0 > 0 ? 1 : $0 < 0 ? -1 : $0 === 0 ? 0 : $0)"),
  { refuse: refuseBool("sign") },
);
/** Elementwise `a * a`. */
export const square: Ufunc = def(
  "square",
  1,
  NUM,
  (_d, c) =>
    c === "cplx"
      ? cexpr("$0r * $0r - $0i * $0i", "2 * $0r * $0i")
      : c === "int32"
      ? expr("Math.imul($0, $0)")
      : expr("$0 * $0"),
);
/**
 * Elementwise `1 / a` (integer division for integer dtypes; `1 / 0` gives what NumPy gives on
 * x86-64: the minimum for int32 and int64, 0 for the other integer types).
 */
export const reciprocal: Ufunc = def(
  "reciprocal",
  1,
  NUM,
  (d, c) =>
    c === "cplx"
      ? stmts(
        "if (Math.abs($0i) <= Math.abs($0r)) { const q = $0i / $0r, d = $0r + $0i * q; " +
          "@r = 1 / d; @i = -q / d; } else { const q = $0r / $0i, d = $0r * q + $0i; " +
          "@r = q / d; @i = -1 / d; }",
      )
      : c === "float"
      ? expr("1 / $0")
      : c === "big"
      ? expr(`($0 === 0n ? ${d === "int64" ? "-(2n ** 63n)" : "0n"} : 1n / $0)`)
      : expr(`($0 === 0 ? ${d === "int32" ? -(2 ** 31) : 0} : Math.trunc(1 / $0))`),
);

// ---- exponentials, logarithms, powers ----

const LN2 = Math.LN2, LN10 = Math.LN10;
const floatOnly = (fn: string, complex?: Body) => (_d: DType, c: Cat) =>
  c === "cplx" ? complex ?? null : expr(`${fn}($0)`);
/** A complex body calling a helper of _math_helpers.ts that leaves its result in CT. */
const ccall = (fn: string) => stmts(`${fn}($0r, $0i); @r = CT[0]; @i = CT[1];`);

/** Elementwise square root. */
export const sqrt: Ufunc = def("sqrt", 1, FLOATS + CPLX, floatOnly("Math.sqrt", stmts(CSQRT)));
/** Elementwise cube root. */
export const cbrt: Ufunc = def("cbrt", 1, FLOATS, floatOnly("Math.cbrt"));
/** Elementwise `e ** a`. */
export const exp: Ufunc = def("exp", 1, FLOATS + CPLX, floatOnly("fexp", ccall("cExp")));
/** Elementwise `2 ** a`. */
export const exp2: Ufunc = def(
  "exp2",
  1,
  FLOATS + CPLX,
  (_d, c) =>
    c === "cplx"
      ? stmts(`cExp($0r * ${LN2}, $0i * ${LN2}); @r = CT[0]; @i = CT[1];`)
      : expr("2 ** $0"),
);
/** Elementwise `exp(a) - 1`, accurate near 0. */
export const expm1: Ufunc = def(
  "expm1",
  1,
  FLOATS + CPLX,
  (_d, c) =>
    c === "cplx"
      ? stmts(
        "const s = Math.sin($0i / 2); @r = Math.expm1($0r) * Math.cos($0i) - 2 * s * s; " +
          "@i = Math.exp($0r) * Math.sin($0i);",
      )
      : expr("Math.expm1($0)"),
);
/** Elementwise natural logarithm. */
export const log: Ufunc = def("log", 1, FLOATS + CPLX, floatOnly("Math.log", stmts(CLOG)));
/** Elementwise base-2 logarithm. */
export const log2: Ufunc = def(
  "log2",
  1,
  FLOATS + CPLX,
  floatOnly("Math.log2", stmts(CLOG + ` @r /= ${LN2}; @i /= ${LN2};`)),
);
/** Elementwise base-10 logarithm. */
export const log10: Ufunc = def(
  "log10",
  1,
  FLOATS + CPLX,
  floatOnly("Math.log10", stmts(CLOG + ` @r /= ${LN10}; @i /= ${LN10};`)),
);
/** Elementwise `log(1 + a)`, accurate near 0. */
export const log1p: Ufunc = def(
  "log1p",
  1,
  FLOATS + CPLX,
  (_d, c) =>
    c === "cplx"
      ? stmts(`const zr = $0r + 1, zi = $0i; ` + CLOG.replace(/\$0r/g, "zr").replace(/\$0i/g, "zi"))
      : expr("Math.log1p($0)"),
);

// ---- trigonometry ----

/** Elementwise sine. */
export const sin: Ufunc = def("sin", 1, FLOATS + CPLX, floatOnly("Math.sin", ccall("cSin")));
/** Elementwise cosine. */
export const cos: Ufunc = def("cos", 1, FLOATS + CPLX, floatOnly("Math.cos", ccall("cCos")));
/** Elementwise tangent. */
export const tan: Ufunc = def("tan", 1, FLOATS + CPLX, floatOnly("Math.tan", ccall("cTan")));
/** Elementwise inverse sine. */
export const arcsin: Ufunc = def(
  "arcsin",
  1,
  FLOATS + CPLX,
  floatOnly("Math.asin", ccall("cAsin")),
);
/** Elementwise inverse cosine. */
export const arccos: Ufunc = def(
  "arccos",
  1,
  FLOATS + CPLX,
  floatOnly("Math.acos", ccall("cAcos")),
);
/** Elementwise inverse tangent. */
export const arctan: Ufunc = def(
  "arctan",
  1,
  FLOATS + CPLX,
  floatOnly("Math.atan", ccall("cAtan")),
);
/** Elementwise `atan2(a, b)` with the quadrant of `(b, a)`. */
export const arctan2: Ufunc = def("arctan2", 2, FLOATS, () => expr("Math.atan2($0, $1)"));
/** Elementwise `sqrt(a**2 + b**2)` without overflow. */
export const hypot: Ufunc = def("hypot", 2, FLOATS, () => expr("Math.hypot($0, $1)"));
/** Elementwise hyperbolic sine. */
export const sinh: Ufunc = def("sinh", 1, FLOATS + CPLX, floatOnly("Math.sinh", ccall("cSinh")));
/** Elementwise hyperbolic cosine. */
export const cosh: Ufunc = def("cosh", 1, FLOATS + CPLX, floatOnly("Math.cosh", ccall("cCosh")));
/** Elementwise hyperbolic tangent. */
export const tanh: Ufunc = def("tanh", 1, FLOATS + CPLX, floatOnly("Math.tanh", ccall("cTanh")));
/** Elementwise inverse hyperbolic sine. */
export const arcsinh: Ufunc = def(
  "arcsinh",
  1,
  FLOATS + CPLX,
  floatOnly("Math.asinh", ccall("cAsinh")),
);
/** Elementwise inverse hyperbolic cosine. */
export const arccosh: Ufunc = def(
  "arccosh",
  1,
  FLOATS + CPLX,
  floatOnly("Math.acosh", ccall("cAcosh")),
);
/** Elementwise inverse hyperbolic tangent. */
export const arctanh: Ufunc = def(
  "arctanh",
  1,
  FLOATS + CPLX,
  floatOnly("Math.atanh", ccall("cAtanh")),
);
/** `x * k` as NumPy computes it: float32 and float16 multiply by a float32 constant `k32`. */
const scaleBy = (d: DType, k: number, k32: number): Body =>
  d === "float64" ? expr(`($0 * ${k})`) : expr(`Math.fround($0 * ${k32})`);
/** Degrees to radians. */
export const deg2rad: Ufunc = def(
  "deg2rad",
  1,
  FLOATS,
  (d) => scaleBy(d, Math.PI / 180, Math.fround(Math.fround(Math.PI) / 180)),
);
/** Radians to degrees. */
export const rad2deg: Ufunc = def(
  "rad2deg",
  1,
  FLOATS,
  (d) => scaleBy(d, 180 / Math.PI, Math.fround(180 / Math.fround(Math.PI))),
);

// ---- rounding ----

const intIdentity = (fn: string) => (_d: DType, c: Cat) =>
  c === "float" ? expr(`${fn}($0)`) : expr("$0");
/** Elementwise floor. */
export const floor: Ufunc = def("floor", 1, "?" + INTS + FLOATS, intIdentity("Math.floor"));
/** Elementwise ceiling. */
export const ceil: Ufunc = def("ceil", 1, "?" + INTS + FLOATS, intIdentity("Math.ceil"));
/** Elementwise truncation toward zero. */
export const trunc: Ufunc = def("trunc", 1, "?" + INTS + FLOATS, intIdentity("Math.trunc"));
/** Round to the nearest integer, halves to even. */
export const rint: Ufunc = def(
  "rint",
  1,
  FLOATS + CPLX,
  (_d, c) => c === "cplx" ? cexpr("rint($0r)", "rint($0i)") : expr("rint($0)"),
);

// ---- comparisons, extrema ----

/** NumPy's complex ordering: the real parts decide only when no imaginary part is NaN. */
const CLT = (op: string) => `$0r ${op} $1r && $0i === $0i && $1i === $1i`;
const cmp = (name: string, op: string, cplx: string) =>
  def(
    name,
    2,
    ALL,
    (_d, c) => c === "cplx" ? stmts(`@ = (${cplx}) ? 1 : 0;`) : expr(`($0 ${op} $1 ? 1 : 0)`),
    { out: "bool" },
  );
/** Elementwise `a == b` (bool). */
export const equal: Ufunc = cmp("equal", "===", "$0r === $1r && $0i === $1i");
/** Elementwise `a != b` (bool). */
export const notEqual: Ufunc = cmp("not_equal", "!==", "$0r !== $1r || $0i !== $1i");
/** Elementwise `a < b` (bool; complex compares lexicographically). */
export const less: Ufunc = cmp("less", "<", `(${CLT("<")}) || ($0r === $1r && $0i < $1i)`);
/** Elementwise `a <= b` (bool). */
export const lessEqual: Ufunc = cmp(
  "less_equal",
  "<=",
  `(${CLT("<")}) || ($0r === $1r && $0i <= $1i)`,
);
/** Elementwise `a > b` (bool). */
export const greater: Ufunc = cmp("greater", ">", `(${CLT(">")}) || ($0r === $1r && $0i > $1i)`);
/** Elementwise `a >= b` (bool). */
export const greaterEqual: Ufunc = cmp(
  "greater_equal",
  ">=",
  `(${CLT(">")}) || ($0r === $1r && $0i >= $1i)`,
);

const CMAX = (ge: string, propagate: boolean) =>
  propagate
    ? `if ($0r !== $0r || $0i !== $0i) { @r = $0r; @i = $0i; } else if ($1r !== $1r || $1i !== $1i) { @r = $1r; @i = $1i; }
      else if (${ge}) { @r = $0r; @i = $0i; } else { @r = $1r; @i = $1i; }`
    : `if ($1r !== $1r || $1i !== $1i) { @r = $0r; @i = $0i; } else if ($0r !== $0r || $0i !== $0i) { @r = $1r; @i = $1i; }
      else if (${ge}) { @r = $0r; @i = $0i; } else { @r = $1r; @i = $1i; }`;
const GE = "$0r > $1r || ($0r === $1r && $0i >= $1i)";
const LE = "$0r < $1r || ($0r === $1r && $0i <= $1i)";
/** Elementwise maximum; NaN propagates. */
export const maximum: Ufunc = def(
  "maximum",
  2,
  ALL,
  (_d, c) =>
    c === "cplx"
      ? stmts(CMAX(GE, true))
      : c === "float"
      ? expr("($0 >= $1 || $0 !== $0 ? $0 : $1)")
      : expr("($0 >= $1 ? $0 : $1)"),
);
/** Elementwise minimum; NaN propagates. */
export const minimum: Ufunc = def(
  "minimum",
  2,
  ALL,
  (_d, c) =>
    c === "cplx"
      ? stmts(CMAX(LE, true))
      : c === "float"
      ? expr("($0 <= $1 || $0 !== $0 ? $0 : $1)")
      : expr("($0 <= $1 ? $0 : $1)"),
);
/** Elementwise maximum ignoring NaN. */
export const fmax: Ufunc = def(
  "fmax",
  2,
  ALL,
  (_d, c) =>
    c === "cplx"
      ? stmts(CMAX(GE, false))
      : c === "float"
      ? expr("($0 >= $1 || $1 !== $1 ? $0 : $1)")
      : expr("($0 >= $1 ? $0 : $1)"),
);
/** Elementwise minimum ignoring NaN. */
export const fmin: Ufunc = def(
  "fmin",
  2,
  ALL,
  (_d, c) =>
    c === "cplx"
      ? stmts(CMAX(LE, false))
      : c === "float"
      ? expr("($0 <= $1 || $1 !== $1 ? $0 : $1)")
      : expr("($0 <= $1 ? $0 : $1)"),
);

// ---- floating-point classification ----

/** Elementwise test for NaN. */
export const isnan: Ufunc = def(
  "isnan",
  1,
  ALL,
  (_d, c) =>
    c === "cplx"
      ? expr("($0r !== $0r || $0i !== $0i ? 1 : 0)")
      : c === "float"
      ? expr("($0 !== $0 ? 1 : 0)")
      : expr("0"),
  { out: "bool" },
);
/** Elementwise test for ±infinity. */
export const isinf: Ufunc = def(
  "isinf",
  1,
  ALL,
  (_d, c) =>
    c === "cplx"
      ? expr("(Math.abs($0r) === Infinity || Math.abs($0i) === Infinity ? 1 : 0)")
      : c === "float"
      ? expr("(Math.abs($0) === Infinity ? 1 : 0)")
      : expr("0"),
  { out: "bool" },
);
/** Elementwise test for finite values (not NaN, not infinite). */
export const isfinite: Ufunc = def(
  "isfinite",
  1,
  ALL,
  (_d, c) =>
    c === "cplx"
      ? expr("(Number.isFinite($0r) && Number.isFinite($0i) ? 1 : 0)")
      : c === "float"
      ? expr("(Number.isFinite($0) ? 1 : 0)")
      : expr("1"),
  { out: "bool" },
);
/** Elementwise sign bit (true for negative numbers and -0). */
export const signbit: Ufunc = def("signbit", 1, FLOATS, () => expr("signbit($0)"), { out: "bool" });
/** Magnitude of `a` with the sign of `b`. */
export const copysign: Ufunc = def("copysign", 2, FLOATS, () => expr("copysign($0, $1)"));

// ---- logic and bits ----

const truthy = (c: Cat, i: number) =>
  c === "cplx" ? CNZ(i) : c === "big" ? `$${i} !== 0n` : `$${i} !== 0`;
const logic = (name: string, op: (a: string, b: string) => string) =>
  def(name, 2, ALL, (_d, c) => stmts(`@ = (${op(truthy(c, 0), truthy(c, 1))}) ? 1 : 0;`), {
    out: "bool",
  });
/** Elementwise logical and (bool). */
export const logicalAnd: Ufunc = logic("logical_and", (a, b) => `(${a}) && (${b})`);
/** Elementwise logical or (bool). */
export const logicalOr: Ufunc = logic("logical_or", (a, b) => `(${a}) || (${b})`);
/** Elementwise logical xor (bool). */
export const logicalXor: Ufunc = logic("logical_xor", (a, b) => `(${a}) !== (${b})`);
/** Elementwise logical not (bool). */
export const logicalNot: Ufunc = def(
  "logical_not",
  1,
  ALL,
  (_d, c) => stmts(`@ = (${truthy(c, 0)}) ? 0 : 1;`),
  { out: "bool" },
);
/** Elementwise bitwise and. */
export const bitwiseAnd: Ufunc = def("bitwise_and", 2, "?" + INTS, () => expr("($0 & $1)"));
/** Elementwise bitwise or. */
export const bitwiseOr: Ufunc = def("bitwise_or", 2, "?" + INTS, () => expr("($0 | $1)"));
/** Elementwise bitwise xor. */
export const bitwiseXor: Ufunc = def("bitwise_xor", 2, "?" + INTS, () => expr("($0 ^ $1)"));
/** Elementwise bitwise not (logical not for bool). */
export const invert: Ufunc = def(
  "invert",
  1,
  "?" + INTS,
  (_d, c) => c === "bool" ? expr("($0 ^ 1)") : expr("~$0"),
);
/** Elementwise `a << b`; shifts past the width give 0. */
export const leftShift: Ufunc = def(
  "left_shift",
  2,
  INTS,
  (d, c) =>
    c === "big"
      ? expr("($1 >= 64n || $1 < 0n ? 0n : $0 << $1)")
      : expr(`($1 >= ${DTYPES[d].itemsize * 8} || $1 < 0 ? 0 : $0 << $1)`),
);
/** Elementwise `a >> b` (arithmetic for signed types); shifts past the width give 0 or -1. */
export const rightShift: Ufunc = def(
  "right_shift",
  2,
  INTS,
  (d, c) =>
    c === "big"
      ? expr("($1 >= 64n || $1 < 0n ? ($0 < 0n ? -1n : 0n) : $0 >> $1)")
      : d === "uint32"
      ? expr("($1 >= 32 || $1 < 0 ? 0 : $0 >>> $1)")
      : expr(`($1 >= ${DTYPES[d].itemsize * 8} || $1 < 0 ? ($0 < 0 ? -1 : 0) : $0 >> $1)`),
);

// ---- complex parts ----

/** Elementwise complex conjugate (identity on real dtypes). */
export const conjugate: Ufunc = def(
  "conjugate",
  1,
  NUM,
  (_d, c) => c === "cplx" ? cexpr("$0r", "-$0i") : expr("$0"),
);
/** Alias of {@linkcode conjugate}. */
export const conj: Ufunc = conjugate;
