// Makes CSR/CSC/COO matrices from already valid parts without importing their modules: the
// class modules register themselves here when they load, so that the operations (imported by
// the base class) never import a class module and no `extends` can meet an unfinished module.
import type { NDArray } from "../core/ndarray.ts";
import type { CSR } from "./csr.ts";
import type { CSC } from "./csc.ts";
import type { COO } from "./coo.ts";

/** A matrix shape. */
export type Shape2 = readonly [number, number];

/** Marks parts made by nd itself, which the class constructors need not check again. */
export const TRUSTED: unique symbol = Symbol("nd.sparse.trusted");

/** What is known of a matrix's index order (unknown when absent). */
export interface OrderFlags {
  /** Set by nd's own kernels: the parts are valid and need no check. */
  [TRUSTED]?: boolean;
  /** Indices are non-decreasing within each row (CSR), column (CSC) or overall (COO). */
  sorted?: boolean;
  /** Sorted with no duplicate entries (SciPy's `has_canonical_format`). */
  canonical?: boolean;
}

type MakeCompressed<T> = (
  data: NDArray,
  indices: Int32Array,
  indptr: Int32Array,
  shape: Shape2,
  flags?: OrderFlags,
) => T;
type MakeCoo = (
  data: NDArray,
  row: Int32Array,
  col: Int32Array,
  shape: Shape2,
  flags?: OrderFlags,
) => COO;

/** The registered makers (filled by csr.ts, csc.ts and coo.ts). */
export const FACTORY: {
  csr?: MakeCompressed<CSR>;
  csc?: MakeCompressed<CSC>;
  coo?: MakeCoo;
} = {};

function missing(name: string): never {
  throw new TypeError(`sparse: ${name} is not loaded: import nd.sparse through its mod.ts`);
}

/** A CSR matrix from valid parts (not checked). */
export function newCsr(
  data: NDArray,
  indices: Int32Array,
  indptr: Int32Array,
  shape: Shape2,
  flags?: OrderFlags,
): CSR {
  return (FACTORY.csr ?? missing("CSR"))(data, indices, indptr, shape, flags);
}

/** A CSC matrix from valid parts (not checked). */
export function newCsc(
  data: NDArray,
  indices: Int32Array,
  indptr: Int32Array,
  shape: Shape2,
  flags?: OrderFlags,
): CSC {
  return (FACTORY.csc ?? missing("CSC"))(data, indices, indptr, shape, flags);
}

/** A CSR or CSC matrix from valid parts (not checked). */
export function newCompressed(
  format: "csr" | "csc",
  data: NDArray,
  indices: Int32Array,
  indptr: Int32Array,
  shape: Shape2,
  flags?: OrderFlags,
): CSR | CSC {
  return (format === "csr" ? newCsr : newCsc)(data, indices, indptr, shape, flags);
}

/** A COO matrix from valid parts (not checked). */
export function newCoo(
  data: NDArray,
  row: Int32Array,
  col: Int32Array,
  shape: Shape2,
  flags?: OrderFlags,
): COO {
  return (FACTORY.coo ?? missing("COO"))(data, row, col, shape, flags);
}

/** `m×n` as SciPy prints shapes: `(3, 4)`. */
export function fmtShape2(shape: Shape2): string {
  return `(${shape[0]}, ${shape[1]})`;
}
