// Every ufunc of src/ops/elementwise.ts on every dtype against NumPy (fixtures_elementwise.py):
// result dtypes for all inputs and dtype pairs (dtypes.json) and values on edge-case inputs
// (<ufunc>.npz, loaded with nd.load).
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";
import { assertSameArray, loadNpz, readJson } from "../../core/_fixtures.ts";

type Row = Record<string, string | null>;
const TABLE = readJson<Record<string, Row | Record<string, Row>>>("elementwise", "dtypes.json");

/** The nd ufunc with NumPy's name `name`. */
const UFUNCS = new Map<string, nd.Ufunc>();
for (const v of Object.values(nd)) {
  if (typeof v === "function" && "ufuncName" in v) {
    UFUNCS.set((v as nd.Ufunc).ufuncName, v as nd.Ufunc);
  }
}

const SCALARS: Record<string, nd.Scalar> = {
  int: 2,
  float: 2.5,
  complex: { re: 0, im: 1 },
  bool: true,
  big: 300,
  neg: -1,
};
const ERROR_CLASS: Record<string, string> = {
  OverflowError: "RangeError",
  ValueError: "RangeError",
};

/** Checks one call against NumPy's outcome; returns a description of a mismatch, or null. */
function check(f: () => nd.NDArray, want: string | null, label: string): string | null {
  let got: string;
  try {
    got = f().dtype;
  } catch (e) {
    const name = (e as Error).name;
    if (want === null && name === "TypeError") return null;
    if (want !== null && ERROR_CLASS[want] === name) return null;
    got = `${name}: ${(e as Error).message}`;
  }
  return got === (want ?? "TypeError")
    ? null
    : `${label}: got ${got}, NumPy ${want ?? "TypeError"}`;
}

Deno.test("ufunc result dtypes match NumPy for every dtype and dtype pair", async (t) => {
  await t.step("every NumPy ufunc of the fixture exists in nd and vice versa", () => {
    assert.deepEqual([...UFUNCS.keys()].sort(), Object.keys(TABLE).sort());
  });
  for (const [name, row] of Object.entries(TABLE)) {
    const f = UFUNCS.get(name)!;
    await t.step(name, () => {
      const bad: (string | null)[] = [];
      for (const [a, r] of Object.entries(row)) {
        const x = nd.zeros([0], { dtype: a as nd.DType });
        if (f.nin === 1) {
          bad.push(check(() => f(x), r as string | null, `${name}(${a})`));
          continue;
        }
        for (const [b, want] of Object.entries(r as Row)) {
          if (b in SCALARS) {
            const x1 = nd.zeros([1], { dtype: a as nd.DType });
            bad.push(check(() => f(x1, SCALARS[b]), want, `${name}(${a}, ${b} scalar)`));
          } else {
            const y = nd.zeros([0], { dtype: b as nd.DType });
            bad.push(check(() => f(x, y), want, `${name}(${a}, ${b})`));
          }
        }
      }
      assert.deepEqual(bad.filter((m) => m !== null), []);
    });
  }
});

/** Results that must be bit-exact: arithmetic, comparisons, rounding, classification. */
const EXACT = new Set([
  "add",
  "subtract",
  "multiply",
  "divide",
  "floor_divide",
  "remainder",
  "fmod",
  "equal",
  "not_equal",
  "less",
  "less_equal",
  "greater",
  "greater_equal",
  "maximum",
  "minimum",
  "fmax",
  "fmin",
  "copysign",
  "logical_and",
  "logical_or",
  "logical_xor",
  "bitwise_and",
  "bitwise_or",
  "bitwise_xor",
  "left_shift",
  "right_shift",
  "negative",
  "positive",
  "absolute",
  "sign",
  "square",
  "reciprocal",
  "sqrt",
  "floor",
  "ceil",
  "trunc",
  "rint",
  "isnan",
  "isinf",
  "isfinite",
  "signbit",
  "logical_not",
  "invert",
  "conjugate",
  "deg2rad",
  "rad2deg",
]);
/** Relative tolerance by result dtype where results may differ in the last bits. */
const RTOL: Partial<Record<nd.DType, number>> = {
  float64: 1e-15,
  complex128: 1e-15,
  float32: 1e-6,
  complex64: 1e-6,
  float16: 1e-3,
};
/** Complex power goes through exp(b log a); its last digits differ from glibc's cpow. */
const RTOL_OVERRIDE: Record<string, number> = {
  "power complex128": 1e-13,
  "float_power complex128": 1e-13,
};
/**
 * Complex results NumPy computes with fused multiply-adds or float32 intermediates (complex
 * multiply, divide, abs, sign, sqrt ...): compared by modulus with RTOL, not bit for bit.
 */
const COMPLEX_EXACT = new Set([
  "add",
  "subtract",
  "negative",
  "positive",
  "conjugate",
  "maximum",
  "minimum",
  "fmax",
  "fmin",
  "rint",
]);
/** The sign of a zero result is unspecified (NumPy's SIMD and scalar loops disagree). */
const ZERO_SIGN_FREE = new Set(["maximum", "minimum", "fmax", "fmin"]);
/**
 * Elements where nd deliberately differs from NumPy, by `<ufunc> <key>`: the indices (in C
 * order) and why. These elements are not compared.
 */
const KNOWN: Record<string, { at: number[]; why: string }> = {
  "log1p complex64": {
    at: [9],
    why: "NumPy's complex64 log1p(1e-3+1e-3j) computes 1+z in float32 and loses 5 digits",
  },
};

/** Exponents and shift counts come from non-negative vectors (integer powers refuse < 0). */
const NONNEG = new Set(["power", "float_power", "left_shift", "right_shift"]);
const INPUTS = loadNpz("elementwise", "inputs.npz");

/** The operands fixtures_elementwise.py used for result `key` of ufunc `name`. */
function operands(name: string, nin: number, key: string): (nd.NDArray | nd.Scalar)[] {
  const [a, second] = key.split("_") as [nd.DType, string | undefined];
  if (nin === 1) return [INPUTS[`edge_${a}`]];
  const nn = (d: string) => NONNEG.has(name) && `edgenn_${d}` in INPUTS ? "nn" : "";
  if (second!.startsWith("s") && second!.slice(1) in SCALARS) {
    const kind = second!.slice(1);
    const s = kind === "int" && NONNEG.has(name) ? 3 : SCALARS[kind];
    return [INPUTS[`short_${a}`], s];
  }
  const b = second as nd.DType;
  const which = a === b ? "edge" : "short";
  const x = INPUTS[`${which}_${a}`], y = INPUTS[`${which}${nn(b)}_${b}`];
  return [x.reshape([-1, 1]), y.reshape([1, -1])];
}

Deno.test("ufunc values match NumPy on edge cases of every dtype", async (t) => {
  for (const name of Object.keys(TABLE)) {
    const f = UFUNCS.get(name)!;
    const data = loadNpz("elementwise", `${name}.npz`);
    await t.step(name, () => {
      const failures: string[] = [];
      let compared = 0;
      for (const [key, want] of Object.entries(data)) {
        const args = operands(name, f.nin, key);
        const got = f(...args);
        const x = args[0] as nd.NDArray;
        const cplx = x.dtype.startsWith("complex") || want.dtype.startsWith("complex");
        const exact = cplx ? COMPLEX_EXACT.has(name) : EXACT.has(name);
        const rtol = exact ? 0 : RTOL_OVERRIDE[`${name} ${want.dtype}`] ?? RTOL[want.dtype] ?? 0;
        const known = KNOWN[`${name} ${key}`];
        let expect = want;
        if (known) {
          expect = want.copy().reshape([-1]);
          for (const i of known.at) expect.setSlice([i], got.reshape([-1]).slice(i));
          expect = expect.reshape(want.shape);
        }
        try {
          assertSameArray(got, expect, {
            rtol,
            msg: `${name} ${key}`,
            zeroSign: !ZERO_SIGN_FREE.has(name),
          });
          compared++;
        } catch (e) {
          failures.push((e as Error).message.split("\n")[0]);
        }
      }
      assert.deepEqual(failures, []);
      assert.ok(compared >= (f.nin === 1 ? 5 : 60), `${name}: ${compared} results compared`);
    });
  }
});
