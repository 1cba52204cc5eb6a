// The table NDArray's methods delegate to. The ops fill it in (src/ops/_install.ts) so that
// the core class does not import the ops and no import cycle forms.
import type { DType } from "./dtype.ts";
import type { NDArray, ReduceOpts } from "./ndarray.ts";
import type { Index } from "./_index_types.ts";
import type { ArrayLike } from "./_array_like.ts";

/** The operations NDArray's methods call. */
export interface MethodTable {
  slice(a: NDArray, index: readonly Index[]): NDArray;
  setSlice(a: NDArray, index: readonly Index[], value: ArrayLike): void;
  astype(a: NDArray, dtype: DType): NDArray;
  copy(a: NDArray): NDArray;
  reshape(a: NDArray, shape: number | readonly number[]): NDArray;
  transpose(a: NDArray, axes?: readonly number[]): NDArray;
  squeeze(a: NDArray, opts: { axis?: number | readonly number[] }): NDArray;
  ufunc(name: string, ...args: ArrayLike[]): NDArray;
  reduce(name: string, a: NDArray, opts?: ReduceOpts): NDArray;
  matmul(a: NDArray, b: ArrayLike): NDArray;
  dot(a: NDArray, b: ArrayLike): NDArray;
  repr(a: NDArray): string;
  display(a: NDArray): Record<string, string>;
}

function missing(name: string): never {
  throw new TypeError(`NDArray: method ${name} is not available: import nd through mod.ts`);
}

/** The live table; entries are replaced when the ops load. */
export const methods: MethodTable = {
  slice: () => missing("slice"),
  setSlice: () => missing("setSlice"),
  astype: () => missing("astype"),
  copy: () => missing("copy"),
  reshape: () => missing("reshape"),
  transpose: () => missing("transpose"),
  squeeze: () => missing("squeeze"),
  ufunc: (name) => missing(name),
  reduce: (name) => missing(name),
  matmul: () => missing("matmul"),
  dot: () => missing("dot"),
  repr: () => missing("toString"),
  display: () => missing("display"),
};
