// Fills NDArray's method table with the ops (see src/core/_methods.ts).
import { methods } from "../core/_methods.ts";
import { setSlice, slice } from "../core/indexing.ts";
import { astype, copy } from "../core/copy.ts";
import { reshape, squeeze, transpose } from "../core/views.ts";
import * as ew from "./elementwise.ts";
import type { Ufunc } from "./ufunc.ts";

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
