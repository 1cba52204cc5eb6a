/**
 * Einstein summation: {@linkcode einsum}.
 *
 * Plan: parse the subscripts (`_einsum_parse.ts`), take each operand's diagonal where a
 * label repeats (a strided view), check and broadcast the label sizes, cast every operand to
 * the result dtype, sum away labels that only one operand has and the output drops, then
 * contract the operands pairwise (greedily: the pair whose result is smallest first). Each
 * pairwise contraction is one (batched) `matmul`: the labels both operands keep become batch
 * axes, the other labels of each side are merged into one axis, and the labels summed over
 * into one more. Products without summed labels (outer, elementwise), and batches of tiny
 * products, are a broadcast `multiply` (then a `sum`) instead.
 *
 * @module
 */

import type { DType } from "../core/dtype.ts";
import type { NDArray } from "../core/ndarray.ts";
import { resultType } from "../core/promotion.ts";
import { shapeSize } from "../core/shape.ts";
import { toArray } from "../core/asarray.ts";
import { ascontiguous, copy } from "../core/copy.ts";
import { broadcastTo, reshape, transpose, view } from "../core/views.ts";
import type { ArrayLike } from "../core/_array_like.ts";
import { multiply } from "../ops/elementwise.ts";
import { sum } from "../ops/reduce/reductions.ts";
import { matmul } from "./matmul.ts";
import { labelName, parseSubscripts, planLabels } from "./_einsum_parse.ts";

/** An operand on the way: an array whose axes carry distinct labels. */
interface Factor {
  readonly a: NDArray;
  readonly labels: readonly number[];
  /** True when `a` is a new array, not a view of an input. */
  readonly fresh: boolean;
}

/** The size of each label and the operand it was first seen with that size in. */
type Sizes = Map<number, { size: number; operand: number }>;

/**
 * Merges axes that share a label into one diagonal axis (a view; their strides add up) and
 * records the label sizes: equal, or 1 (broadcast), across operands.
 */
function collapse(a: NDArray, labels: readonly number[], k: number, sizes: Sizes): Factor {
  const own: number[] = [], shape: number[] = [], strides: number[] = [];
  labels.forEach((l, i) => {
    const j = own.indexOf(l);
    if (j < 0) {
      own.push(l);
      shape.push(a.shape[i]);
      strides.push(a.strides[i]);
    } else if (shape[j] !== a.shape[i]) {
      throw new TypeError(
        `einsum: ${labelName(l)} is repeated in operand ${k} with sizes ${shape[j]} and ${
          a.shape[i]
        }: a diagonal needs equal sizes`,
      );
    } else strides[j] += a.strides[i];
  });
  own.forEach((l, i) => {
    const s = shape[i], seen = sizes.get(l);
    if (seen === undefined || (seen.size === 1 && s !== 1)) sizes.set(l, { size: s, operand: k });
    else if (s !== seen.size && s !== 1) {
      throw new TypeError(
        `einsum: ${labelName(l)} has size ${seen.size} in operand ${seen.operand} ` +
          `and ${s} in operand ${k}`,
      );
    }
  });
  const same = own.length === labels.length;
  return { a: same ? a : view(a, shape, strides), labels: own, fresh: false };
}

/** Sums `f` over the labels `drop` says, keeping its dtype. */
function sumOut(f: Factor, drop: (label: number) => boolean): Factor {
  const axes = f.labels.map((l, i) => (drop(l) ? i : -1)).filter((i) => i >= 0);
  if (axes.length === 0) return f;
  return {
    a: sum(f.a, { axis: axes, dtype: f.a.dtype }),
    labels: f.labels.filter((l) => !drop(l)),
    fresh: true,
  };
}

/** A view of `a` with axis `axis` (of size 1) repeated `n` times. */
function stretch(a: NDArray, axis: number, n: number): NDArray {
  const shape = a.shape.slice(), strides = a.strides.slice();
  shape[axis] = n;
  strides[axis] = 0;
  return view(a, shape, strides, a.offset, false);
}

/** A view of `f` with its axes in the order of `labels`; labels it lacks get size-1 axes. */
function arrange(f: Factor, labels: readonly number[]): NDArray {
  const shape: number[] = [], strides: number[] = [];
  for (const l of labels) {
    const i = f.labels.indexOf(l);
    shape.push(i < 0 ? 1 : f.a.shape[i]);
    strides.push(i < 0 ? 0 : f.a.strides[i]);
  }
  return view(f.a, shape, strides, f.a.offset, false);
}

/** Below this many multiply-adds per matrix, a batch of matmuls costs more than it computes. */
const SMALL_GEMM = 128;

/**
 * Contracts two factors. Labels in `keep` (the output's and those of the operands still to
 * come) survive; shared labels not kept are summed over. The work is one batched matmul:
 * shared kept labels are the batch, the other labels of each side merge into the rows and
 * columns, the summed labels into the inner axis. Without summed labels, or when the batch
 * holds many tiny products, a broadcast multiply (then a sum) does the same with less
 * overhead.
 */
function contractPair(x: Factor, y: Factor, keep: ReadonlySet<number>): Factor {
  const A = sumOut(x, (l) => !keep.has(l) && !y.labels.includes(l));
  const B = sumOut(y, (l) => !keep.has(l) && !A.labels.includes(l));
  const inA = new Set(A.labels), inB = new Set(B.labels);
  const batch = A.labels.filter((l) => inB.has(l) && keep.has(l));
  const summed = A.labels.filter((l) => inB.has(l) && !keep.has(l));
  const left = A.labels.filter((l) => !inB.has(l));
  const right = B.labels.filter((l) => !inA.has(l));
  const size = (l: number): number => {
    const i = A.labels.indexOf(l), j = B.labels.indexOf(l);
    return i < 0 ? B.a.shape[j] : j < 0 || A.a.shape[i] !== 1 ? A.a.shape[i] : B.a.shape[j];
  };
  const prod = (ls: readonly number[]) => ls.reduce((p, l) => p * size(l), 1);
  const labels = [...batch, ...left, ...right];
  if (
    summed.length === 0 || (prod(batch) > 1 && prod(left) * prod(right) * prod(summed) < SMALL_GEMM)
  ) {
    const order = [...labels, ...summed];
    const r = multiply(arrange(A, order), arrange(B, order));
    if (summed.length === 0) return { a: r, labels, fresh: true };
    const axes = summed.map((_, i) => labels.length + i);
    return { a: sum(r, { axis: axes, dtype: r.dtype }), labels, fresh: true };
  }
  let a = A.a, b = B.a;
  for (const l of summed) {
    const i = A.labels.indexOf(l), j = B.labels.indexOf(l);
    if (a.shape[i] === 1 && b.shape[j] !== 1) a = stretch(a, i, b.shape[j]);
    else if (b.shape[j] === 1 && a.shape[i] !== 1) b = stretch(b, j, a.shape[i]);
  }
  const axesA = (ls: readonly number[]) => ls.map((l) => A.labels.indexOf(l));
  const axesB = (ls: readonly number[]) => ls.map((l) => B.labels.indexOf(l));
  const at = transpose(a, { axes: [...axesA(batch), ...axesA(left), ...axesA(summed)] });
  const bt = transpose(b, { axes: [...axesB(batch), ...axesB(summed), ...axesB(right)] });
  const nb = batch.length;
  const leftShape = at.shape.slice(nb, nb + left.length);
  const sumShape = at.shape.slice(nb + left.length);
  const rightShape = bt.shape.slice(nb + summed.length);
  const m = shapeSize(leftShape), k = shapeSize(sumShape), n = shapeSize(rightShape);
  const r = matmul(
    reshape(at, [...at.shape.slice(0, nb), m, k]),
    reshape(bt, [...bt.shape.slice(0, nb), k, n]),
  );
  return {
    a: reshape(r, [...r.shape.slice(0, nb), ...leftShape, ...rightShape]),
    labels,
    fresh: true,
  };
}

/** The labels to keep when factors `i` and `j` are contracted: the output's and the others'. */
function keepFor(
  list: readonly Factor[],
  i: number,
  j: number,
  output: readonly number[],
): Set<number> {
  const keep = new Set(output);
  list.forEach((f, k) => {
    if (k !== i && k !== j) { for (const l of f.labels) keep.add(l); }
  });
  return keep;
}

/**
 * Contracts the factors pair by pair until one is left. With more than two, each step takes
 * the pair whose result is smallest compared with its inputs (NumPy's greedy rule: result size
 * minus the sizes of both inputs), the leftmost pair on ties; so chains go left to right
 * and outer products of unrelated operands are avoided when a contraction is available.
 */
function contractAll(factors: readonly Factor[], output: readonly number[], sizes: Sizes): Factor {
  const list = factors.slice();
  while (list.length > 1) {
    let bi = 0, bj = 1;
    if (list.length > 2) {
      let best = Infinity;
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const keep = keepFor(list, i, j, output);
          const labels = new Set([...list[i].labels, ...list[j].labels].filter((l) => keep.has(l)));
          let size = 1;
          for (const l of labels) size *= sizes.get(l)!.size;
          const cost = size - list[i].a.size - list[j].a.size;
          if (cost < best) [best, bi, bj] = [cost, i, j];
        }
      }
    }
    list[bi] = contractPair(list[bi], list[bj], keepFor(list, bi, bj, output));
    list.splice(bj, 1);
  }
  return list[0];
}

/**
 * Einstein summation over the operands (`np.einsum`). `subscripts` names the axes of each
 * operand with letters (`a`–`z`, `A`–`Z`), operands separated by commas; `...` stands for
 * broadcast axes. Labels shared between operands are multiplied together, a label repeated
 * within one operand takes its diagonal, and labels missing from the output are summed over.
 *
 * - Explicit mode, `"ij,jk->ik"`: the output lists its labels after `->` (each at most once,
 *   each from the inputs; `...` where the broadcast axes go).
 * - Implicit mode, `"ij,jk"`: the output is the broadcast axes, then the labels that appear
 *   exactly once, in ASCII order (capitals before lower case): `"ji"` transposes, `"ii"` is
 *   the trace.
 *
 * Sizes of one label must agree across operands, except that size 1 broadcasts. Whitespace is
 * ignored. The result dtype is the promoted dtype of the operands (JS numbers count as
 * int64/float64 arrays, as in NumPy); sums keep that dtype (integers wrap, bool is logical
 * or). Always returns a new C-contiguous array, 0-d when every label is summed over.
 *
 * Malformed subscripts (a character other than letters, `,`, `...`, `->`, more than one `->`,
 * an output label repeated or absent from the inputs, more or fewer terms than operands)
 * throw a `SyntaxError`; subscripts that do not fit the operands' shapes, and label sizes
 * that differ, a `TypeError`.
 *
 * @example
 * ```ts
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = nd.array([[1, 2], [3, 4]]);
 * assert.deepEqual(nd.einsum("ij,jk->ik", a, a).toArray(), [[7n, 10n], [15n, 22n]]);
 * assert.equal(nd.einsum("ii", a).item(), 5n); // trace
 * assert.deepEqual(nd.einsum("ii->i", a).toArray(), [1n, 4n]); // diagonal
 * assert.deepEqual(nd.einsum("ji", a).toArray(), [[1n, 3n], [2n, 4n]]); // implicit transpose
 * const x = nd.ones([5, 2, 3]), y = nd.ones([5, 3, 4]);
 * assert.deepEqual(nd.einsum("...ij,...jk->...ik", x, y).shape, [5, 2, 4]);
 * assert.throws(() => nd.einsum("ij,jk", nd.ones([2, 3]), nd.ones([4, 2])), {
 *   name: "TypeError",
 *   message: "einsum: label j has size 3 in operand 0 and 4 in operand 1",
 * });
 * ```
 */
export function einsum(subscripts: string, ...operands: ArrayLike[]): NDArray {
  if (typeof subscripts !== "string") {
    throw new TypeError(
      `einsum: subscripts must be a string like "ij,jk->ik", got ${typeof subscripts}`,
    );
  }
  const parsed = parseSubscripts(subscripts, operands.length);
  const arrays = operands.map((x) => toArray(x, "einsum"));
  const plan = planLabels(parsed, arrays.map((a) => a.ndim), subscripts);
  const dtype: DType = resultType(...arrays);
  const sizes: Sizes = new Map();
  let factors = arrays.map((a, k) => collapse(a, plan.inputs[k], k, sizes));
  factors = factors.map((f) =>
    f.a.dtype === dtype ? f : { a: copy(f.a, dtype), labels: f.labels, fresh: true }
  );
  const output = plan.output;
  const outSet = new Set(output);
  const count = new Map<number, number>();
  for (const f of factors) for (const l of f.labels) count.set(l, (count.get(l) ?? 0) + 1);
  factors = factors.map((f) => sumOut(f, (l) => count.get(l) === 1 && !outSet.has(l)));
  let cur = contractAll(factors, output, sizes);
  cur = sumOut(cur, (l) => !outSet.has(l));
  const t = transpose(cur.a, { axes: output.map((l) => cur.labels.indexOf(l)) });
  const shape = output.map((l) => sizes.get(l)!.size);
  const full = t.shape.every((s, i) => s === shape[i]) ? t : broadcastTo(t, shape);
  return cur.fresh && full === t ? ascontiguous(t) : copy(full);
}
