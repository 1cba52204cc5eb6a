/**
 * {@linkcode random}: a sparse matrix with uniformly random structure and values, drawn as
 * SciPy's `scipy.sparse.random` draws them from a NumPy `Generator`.
 *
 * @module
 */
import type { NDArray } from "../core/ndarray.ts";
import { type DType, DTYPES } from "../core/dtype.ts";
import { astype } from "../core/copy.ts";
import { iinfo } from "../core/finfo.ts";
import { defaultRng, Generator } from "../random/generator.ts";
import type { IntegerDType } from "../random/_integers.ts";
import type { SparseFormat, SparseMatrix } from "./_base.ts";
import { newCoo } from "./_factory.ts";
import { checkShape2 } from "./_check.ts";
import { checkSparseDType, wrapData } from "./_values.ts";
import { checkFormat } from "./from_dense.ts";

/** Options of {@linkcode random}. */
export interface RandomOpts {
  /** Fraction of entries stored, in [0, 1] (default 0.01). */
  density?: number;
  /** The result's format (default `"coo"`, as SciPy). */
  format?: SparseFormat;
  /** The generator to draw from (default: `nd.random.defaultRng()`, unseeded). */
  rng?: Generator;
  /** The values' dtype (default float64). */
  dtype?: DType;
}

/** Python's `round` for non-negative numbers: half to even. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x), d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * An `m`×`n` matrix with `round(density·m·n)` stored entries at distinct positions drawn
 * uniformly without replacement, and values uniform in [0, 1) (floats; real and imaginary
 * parts for complex), or uniform over the dtype's range (integers). The draws are SciPy's:
 * `rng.choice(m·n, k, replace=False)` unravelled in column-major order, then the values, so
 * `random(m, n, { density, rng: nd.random.defaultRng(s) })` equals SciPy's
 * `random(m, n, density, rng=np.random.default_rng(s))` entry for entry.
 *
 * @example
 * ```ts
 * import * as sparse from "./mod.ts";
 * import * as nd from "../../mod.ts";
 * import assert from "node:assert/strict";
 * const a = sparse.random(4, 5, { density: 0.25, rng: nd.random.defaultRng(0), format: "csr" });
 * assert.equal(a.nnz, 5);
 * assert.equal(a.format, "csr");
 * ```
 */
export function random(m: number, n: number, opts: RandomOpts = {}): SparseMatrix {
  const shape = checkShape2([m, n], "random");
  const density = opts.density ?? 0.01;
  if (typeof density !== "number" || !(density >= 0 && density <= 1)) {
    throw new RangeError(`random: density must be between 0 and 1, got ${String(density)}`);
  }
  const format = checkFormat(opts.format ?? "coo", "random");
  const dtype = checkSparseDType(opts.dtype ?? "float64", "random");
  const rng = opts.rng ?? defaultRng();
  if (!(rng instanceof Generator)) {
    throw new TypeError("random: rng must be an nd.random.Generator (nd.random.defaultRng(seed))");
  }
  const total = shape[0] * shape[1];
  if (total > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`random: m·n = ${total} is past the integers a double holds exactly`);
  }
  const k = roundHalfEven(density * total);
  const row = new Int32Array(k), col = new Int32Array(k);
  if (k > 0) {
    const raveled = rng.choice(total, { size: k, replace: false }) as NDArray;
    const idx = raveled.data as BigInt64Array | Float64Array;
    for (let t = 0; t < k; t++) {
      const v = Number(idx[raveled.offset + t]);
      row[t] = v % shape[0];
      col[t] = Math.floor(v / shape[0]);
    }
  }
  return newCoo(values(rng, dtype, k), row, col, shape).asformat(format);
}

/** SciPy's default data sampler for `dtype`. */
function values(rng: Generator, dtype: DType, k: number): NDArray {
  const info = DTYPES[dtype];
  if (info.kind === "i" || info.kind === "u") {
    const ii = iinfo(dtype as Parameters<typeof iinfo>[0]);
    const v = rng.integers(ii.min, ii.max, { size: k, dtype: dtype as IntegerDType });
    return v as NDArray;
  }
  if (info.kind === "c") {
    const re = rng.uniform(0, 1, { size: k }).data as Float64Array;
    const im = rng.uniform(0, 1, { size: k }).data as Float64Array;
    const z = new Float64Array(2 * k);
    for (let t = 0; t < k; t++) {
      z[2 * t] = re[t];
      z[2 * t + 1] = im[t];
    }
    const c = wrapData("complex128", z, k);
    return dtype === "complex128" ? c : astype(c, dtype);
  }
  const u = rng.uniform(0, 1, { size: k });
  return dtype === "float64" ? u : astype(u, dtype);
}
