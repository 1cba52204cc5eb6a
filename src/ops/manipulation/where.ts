/**
 * Choosing elements from two arrays by a condition: {@linkcode where} (three-argument form).
 *
 * @module
 */

import { allocate, type DType, DTYPES } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { type DTypeLike, resultType, weakKind } from "../../core/promotion.ts";
import { broadcastShapes, broadcastStrides, fmtShape, shapeSize } from "../../core/shape.ts";
import { toArray } from "../../core/asarray.ts";
import { type LoopSpec, type Operand, runLoop } from "../../core/_kernel.ts";
import type { ArrayLike } from "../../core/_array_like.ts";
import { notEqual } from "../elementwise.ts";

const SPECS = new Map<DType, LoopSpec>();
function whereSpec(dtype: DType): LoopSpec {
  let s = SPECS.get(dtype);
  if (!s) {
    s = {
      key: `where:${dtype}`,
      loopIn: ["bool", dtype, dtype],
      loopOut: [dtype],
      body: DTYPES[dtype].kind === "c"
        ? (x, r) =>
          `if (${x[0]}) { ${r[0]}r = ${x[1]}r; ${r[0]}i = ${x[1]}i; } else { ${r[0]}r = ${x[2]}r; ${
            r[0]
          }i = ${x[2]}i; }`
        : (x, r) => `${r[0]} = ${x[0]} ? ${x[1]} : ${x[2]};`,
    };
    SPECS.set(dtype, s);
  }
  return s;
}

function operand(a: NDArray, shape: readonly number[]): Operand {
  return {
    data: a.data,
    dtype: a.dtype,
    offset: a.offset,
    strides: broadcastStrides(a.shape, a.strides, shape),
  };
}

/**
 * Elements of `x` where `cond` is true and of `y` elsewhere (`np.where(cond, x, y)`), with
 * broadcasting. The result dtype is `resultType(x, y)` (NEP 50: JS numbers are weak, so
 * `where(c, uint8Array, 0)` stays uint8). Any dtype works as a condition (non-zero is true,
 * NaN is true). A new array. The one-argument form `where(cond)` is `nonzero(cond)`.
 *
 * @example
 * ```ts
 * import * as nd from "../../../mod.ts";
 * const a = nd.arange(5);
 * const r = nd.where(a.less(2), a, a.mul(10));
 * console.assert(r.toArray().join() === "0,1,20,30,40");
 * const u = nd.where([true, false], nd.array([1, 2], { dtype: "uint8" }), 7);
 * console.assert(u.dtype === "uint8" && u.toArray().join() === "1,7");
 * console.assert(nd.where([[true], [false]], [1, 2], 0.5).shape.join() === "2,2");
 * ```
 */
export function where(cond: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray {
  const n = arguments.length;
  if (n !== 3) {
    throw new TypeError(
      `where: expected 3 arguments (cond, x, y), got ${n}: use nonzero(cond) for the one-argument form`,
    );
  }
  let c = toArray(cond, "where");
  if (DTYPES[c.dtype].kind === "c") c = notEqual(c, 0);
  const xs = toArray(x, "where"), ys = toArray(y, "where");
  const weak = (v: ArrayLike, arr: NDArray): DTypeLike => {
    const w = weakKind(v);
    return w !== undefined && w !== "bool" ? v as DTypeLike : arr;
  };
  const dtype = resultType(weak(x, xs), weak(y, ys));
  let shape: number[];
  try {
    shape = broadcastShapes(c.shape, xs.shape, ys.shape);
  } catch {
    throw new TypeError(
      `where: operands could not be broadcast together: cond ${fmtShape(c.shape)}, x ${
        fmtShape(xs.shape)
      }, y ${fmtShape(ys.shape)}`,
    );
  }
  const out = new NDArray(dtype, allocate(dtype, shapeSize(shape)), shape);
  runLoop(whereSpec(dtype), shape, [
    operand(c, shape),
    operand(xs, shape),
    operand(ys, shape),
    operand(out, shape),
  ]);
  return out;
}
