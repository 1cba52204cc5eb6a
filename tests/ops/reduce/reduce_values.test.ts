// Reductions against NumPy (fixtures_reduce.py): sum, prod, mean, std, var, min, max,
// argmin, argmax, any, all, cumsum, cumprod and the nan* variants over every axis
// combination (None, single, negative, lists), keepdims and ddof, on contiguous, transposed
// and strided views of a (2, 3, 4) array of every dtype.
import assert from "node:assert/strict";
import * as nd from "../../../mod.ts";
import { DTYPE_NAMES } from "../../../src/core/dtype.ts";
import { assertSameArray, loadNpz } from "../../core/_fixtures.ts";

const DTYPES: readonly nd.DType[] = DTYPE_NAMES;

type Fn = (a: nd.NDArray, opts: Record<string, unknown>) => nd.NDArray;
const fn = (op: string) => (nd as unknown as Record<string, Fn>)[op];

function parseAxis(s: string): number | number[] | undefined {
  if (s === "N") return undefined;
  const parts = s.slice(1).split("_").map(Number);
  return parts.length === 1 ? parts[0] : parts;
}

/** The same axes spelled other ways (negative, reordered, listed), as NumPy accepts them. */
function spellings(axis: number | number[] | undefined, single: boolean): unknown[] {
  if (axis === undefined) {
    return single ? [undefined, null] : [undefined, null, [0, 1, 2], [-1, 0, 1]];
  }
  if (typeof axis === "number") return single ? [axis, axis - 3] : [axis, axis - 3, [axis]];
  return [axis, axis.slice().reverse(), axis.map((a) => a - 3)];
}

function views(data: Record<string, nd.NDArray>): Record<string, nd.NDArray> {
  const b = data.base;
  const v: Record<string, nd.NDArray> = {
    c: b,
    T: nd.transpose(b, { axes: [2, 0, 1] }),
    s: b.slice(null, "::2", "::-1"),
  };
  if (data.nanbase) v.n = data.nanbase;
  return v;
}

/**
 * Relative tolerances where NumPy's arithmetic differs from nd's in the last bits:
 * - NumPy multiplies complex64 in float32 (with fused multiply-adds), nd in float64 rounded
 *   once: complex64 products, and var/std of complex input, which NumPy squares as
 *   `x * conj(x)` (a complex multiply, with fused multiply-adds for complex128 too);
 * - NumPy's SIMD float32 product reductions associate the factors differently.
 * Everything else is compared bit for bit.
 */
function rtolFor(op: string, out: nd.DType, input: nd.DType): number {
  const moment = ["var", "std", "nanvar", "nanstd"].includes(op);
  if (op.endsWith("prod") && (out === "complex64" || out === "float32")) return 1e-6;
  if (moment && input === "complex64") return 1e-6;
  if (moment && input === "complex128") return 1e-15;
  return 0;
}

/**
 * Cases where NumPy's iterator buffers a non-contiguous float16 input into one run (so its
 * float32 accumulator never rounds to float16 in between) while nd rounds between runs.
 */
const KNOWN_RTOL: Record<string, number> = { "float16 s.prod.a1_2": 1e-3 };

Deno.test("reductions match NumPy on every dtype, axis combination and layout", async (t) => {
  for (const dtype of DTYPES) {
    const data = loadNpz("reduce", `${dtype}.npz`);
    await t.step(dtype, () => {
      const v = views(data);
      const failures: string[] = [];
      let compared = 0;
      for (const [key, want] of Object.entries(data)) {
        if (key === "base" || key === "nanbase") continue;
        const [view, op, ax, dd] = key.split(".");
        const single = ["argmin", "argmax", "cumsum", "cumprod"].includes(op);
        const axis = parseAxis(ax);
        const rtol = KNOWN_RTOL[`${dtype} ${view}.${op}.${ax}`] ?? rtolFor(op, want.dtype, dtype);
        for (const spelled of spellings(axis, single)) {
          for (const keepdims of op.startsWith("cum") ? [false] : [false, true]) {
            const opts: Record<string, unknown> = { axis: spelled };
            if (keepdims) opts.keepdims = true;
            if (dd !== "d0") opts.ddof = Number(dd.slice(1));
            const label = `${view}.${op} axis=${
              JSON.stringify(spelled)
            } keepdims=${keepdims} ${dd}`;
            try {
              const got = fn(op)(v[view], opts);
              let expect = want;
              if (keepdims) {
                const red = axis === undefined
                  ? [0, 1, 2]
                  : typeof axis === "number"
                  ? [axis]
                  : axis;
                expect = want.reshape(v[view].shape.map((n, i) => (red.includes(i) ? 1 : n)));
              }
              assertSameArray(got, expect, { rtol, msg: label });
              compared++;
            } catch (e) {
              failures.push(`${label}: ${(e as Error).message.split("\n")[0]}`);
            }
          }
        }
      }
      assert.deepEqual(failures, []);
      assert.ok(compared > 300, `${compared} results compared`);
    });
  }
});
