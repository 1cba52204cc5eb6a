// Fills NDArray's method table with the ops (see src/core/_methods.ts).
import { methods } from "../core/_methods.ts";
import { setSlice, slice } from "../core/indexing.ts";
import { astype, copy } from "../core/copy.ts";
import { reshape, squeeze, transpose } from "../core/views.ts";
import * as ew from "./elementwise.ts";
import type { Ufunc } from "./ufunc.ts";
import type { NDArray } from "../core/ndarray.ts";

const ufuncs = ew as unknown as Record<string, Ufunc>;

methods.slice = (a, index) => slice(a, ...index);
methods.setSlice = setSlice;
methods.astype = astype;
methods.copy = copy;
methods.reshape = reshape;
methods.transpose = (a, axes) => transpose(a, { axes });
methods.squeeze = squeeze;
methods.ufunc = (name, ...args) => ufuncs[name](...args);
import { repr } from "../core/print.ts";
import { displayBundle } from "../core/display.ts";

methods.repr = repr;
methods.display = displayBundle;
import * as red from "./reduce/mod.ts";

const reductions: Record<string, (a: NDArray, opts?: object) => NDArray> = {
  sum: red.sum,
  prod: red.prod,
  mean: red.mean,
  std: red.std,
  var: red.var,
  min: red.min,
  max: red.max,
  argmin: red.argmin,
  argmax: red.argmax,
  cumsum: red.cumsum,
};
methods.reduce = (name, a, opts) => reductions[name](a, opts as object);
import { dot, matmul } from "../linalg/matmul.ts";

methods.matmul = matmul;
methods.dot = dot;
