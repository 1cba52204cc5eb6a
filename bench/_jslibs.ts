// Typed facades over the untyped comparison libraries (ndarray, ndarray-ops, numjs).
import ndarrayUntyped from "ndarray";
import opsUntyped from "ndarray-ops";
import NdArrayUntyped from "numjs/src/ndarray.js";

/** The subset of scijs `ndarray` views the benchmarks use. */
export interface SciND {
  data: Float64Array | Float32Array;
  shape: number[];
  stride: number[];
  offset: number;
  pick(...index: (number | null)[]): SciND;
  transpose(...axes: number[]): SciND;
  step(...steps: number[]): SciND;
  hi(...ends: number[]): SciND;
  lo(...starts: number[]): SciND;
  get(...index: number[]): number;
}

/** `ndarray(data, shape?, stride?, offset?)`. */
export const ndarray = ndarrayUntyped as unknown as (
  data: Float64Array | Float32Array,
  shape?: number[],
  stride?: number[],
  offset?: number,
) => SciND;

/** The subset of `ndarray-ops` the benchmarks use (first argument is the output). */
export interface SciOps {
  assign(out: SciND, a: SciND): void;
  add(out: SciND, a: SciND, b: SciND): void;
  addeq(out: SciND, a: SciND): void;
  mul(out: SciND, a: SciND, b: SciND): void;
  exp(out: SciND, a: SciND): void;
  subs(out: SciND, a: SciND, s: number): void;
  assigns(out: SciND, s: number): void;
  sum(a: SciND): number;
}
/** `ndarray-ops`. */
export const ops = opsUntyped as unknown as SciOps;

/** The subset of numjs' `NdArray` the benchmarks use. */
export interface NjArray {
  selection: SciND;
  add(x: NjArray, copy?: boolean): NjArray;
  exp(copy?: boolean): NjArray;
  sum(): number;
  clone(): NjArray;
}
/** numjs' `NdArray` class, imported without numjs' index (which needs the native `sharp`). */
export const NjNdArray = NdArrayUntyped as unknown as new (selection: SciND) => NjArray;
