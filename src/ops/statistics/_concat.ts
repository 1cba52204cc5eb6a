// Joining arrays along an existing axis (for diff's prepend/append).
import { allocate } from "../../core/dtype.ts";
import { NDArray } from "../../core/ndarray.ts";
import { resultType } from "../../core/promotion.ts";
import { copyInto } from "../../core/copy.ts";
import { view } from "../../core/views.ts";

/** `arrays` joined along `axis` in their promoted dtype; shape errors name `where`. */
export function concatAlong(arrays: readonly NDArray[], axis: number, where: string): NDArray {
  const first = arrays[0];
  arrays.forEach((a, i) => {
    if (a.ndim !== first.ndim) {
      throw new TypeError(
        `${where}: all the input arrays must have the same number of dimensions: array 0 has ${first.ndim}, array ${i} has ${a.ndim}`,
      );
    }
    a.shape.forEach((s, d) => {
      if (d !== axis && s !== first.shape[d]) {
        throw new TypeError(
          `${where}: all the input array dimensions except for the concatenation axis must match exactly: array ${i} has size ${s} along axis ${d}, array 0 has ${
            first.shape[d]
          }`,
        );
      }
    });
  });
  const dtype = resultType(...arrays.map((a) => a.dtype));
  const shape = first.shape.slice();
  shape[axis] = arrays.reduce((t, a) => t + a.shape[axis], 0);
  const out = new NDArray(dtype, allocate(dtype, shape.reduce((p, s) => p * s, 1)), shape);
  let at = 0;
  for (const a of arrays) {
    const part = a.shape.slice();
    if (a.size > 0) {
      copyInto(view(out, part, out.strides, at * out.strides[axis]), a);
    }
    at += part[axis];
  }
  return out;
}
