// In-place value sorts of the contiguous rows of a C-contiguous work array, in NumPy's order and
// with the result of a stable sort: integers and bool go through _int_sort.ts (counting sort,
// radix sort or the typed array's native numeric `sort()`), int64/uint64 through the native
// `sort()`; floats are mapped to signed integers of the same width whose order is NumPy's (NaN
// largest), sorted the same way and mapped back, after which the run of zeros gets the input's
// order of -0.0/0.0 back and the NaN tail the input's NaNs (bit for bit, in input order).
// Complex rows are argsorted (stable merge sort) and gathered.
import { type DType, DTYPES, type TypedArray } from "../../core/dtype.ts";
import { LaneSorter, words } from "./_keys.ts";
import { IntRunSorter } from "./_int_sort.ts";

/** Sorts each of the `rows` contiguous rows of length `n` of `data` (a `dtype` buffer) in place. */
export function sortRows(dtype: DType, data: TypedArray, rows: number, n: number): void {
  if (n < 2 || rows === 0) return;
  switch (dtype) {
    case "float64":
      sortF64Rows(data as Float64Array, rows, n);
      return;
    case "float32": {
      const d = data as Float32Array;
      sortSmallFloatRows(new Int32Array(d.buffer, d.byteOffset, d.length), rows, n, 32);
      return;
    }
    case "float16": {
      const d = data as Float16Array;
      sortSmallFloatRows(new Int16Array(d.buffer, d.byteOffset, d.length), rows, n, 16);
      return;
    }
    case "complex64":
    case "complex128":
      sortComplexRows(dtype, data as Float64Array, rows, n);
      return;
    case "int64":
    case "uint64":
      for (let r = 0; r < rows; r++) data.subarray(r * n, r * n + n).sort();
      return;
    default: {
      const info = DTYPES[dtype];
      const size = info.itemsize as 1 | 2 | 4;
      const sorter = new IntRunSorter(size, info.kind === "i");
      for (let r = 0; r < rows; r++) sorter.sort(data.buffer, data.byteOffset + r * n * size, n);
    }
  }
}

/** Float32 (as Int32Array) or float16 (as Int16Array) bits. */
function sortSmallFloatRows(k: Int32Array | Int16Array, rows: number, n: number, bits: 16 | 32) {
  const SIGN = bits === 32 ? -0x80000000 : -0x8000; // the sign bit, as the signed view reads it
  const REST = bits === 32 ? 0x7fffffff : 0x7fff;
  const INF = bits === 32 ? 0x7f800000 : 0x7c00;
  const nanBits: number[] = [];
  const zeroSigns = new Uint8Array(n);
  const sorter = new IntRunSorter(bits === 32 ? 4 : 2, true);
  for (let r = 0; r < rows; r++) {
    const s = r * n, e = s + n;
    let neg = 0, zeros = 0, negZeros = 0;
    nanBits.length = 0;
    for (let i = s; i < e; i++) {
      const u = k[i];
      const m = u & REST;
      if (m > INF) {
        nanBits.push(u);
        k[i] = REST;
      } else if (m === 0) {
        zeroSigns[zeros++] = u < 0 ? 1 : 0;
        if (u < 0) {
          negZeros++;
          k[i] = 0;
        }
      } else if (u < 0) {
        neg++;
        k[i] = u ^ REST;
      }
    }
    sorter.sort(k.buffer, k.byteOffset + s * k.BYTES_PER_ELEMENT, n);
    for (let i = s; i < e; i++) {
      const u = k[i];
      if (u < 0) k[i] = u ^ REST;
    }
    if (negZeros > 0) {
      for (let z = 0; z < zeros; z++) k[s + neg + z] = zeroSigns[z] ? SIGN : 0;
    }
    for (let j = 0, p = e - nanBits.length; j < nanBits.length; j++, p++) k[p] = nanBits[j];
  }
}

function sortF64Rows(d: Float64Array, rows: number, n: number): void {
  const w = words(d);
  const keys = new BigInt64Array(d.buffer, d.byteOffset, d.length);
  const nanWords: number[] = [];
  const zeroSigns = new Uint8Array(n);
  for (let r = 0; r < rows; r++) {
    const s = r * n, e = s + n;
    let neg = 0, zeros = 0, negZeros = 0;
    nanWords.length = 0;
    for (let i = s; i < e; i++) {
      const h = w[2 * i + 1], l = w[2 * i];
      const m = h & 0x7fffffff;
      if (m > 0x7ff00000 || (m === 0x7ff00000 && l !== 0)) {
        nanWords.push(l, h);
        w[2 * i] = 0xffffffff;
        w[2 * i + 1] = 0x7fffffff;
      } else if (m === 0 && l === 0) {
        const sgn = h >>> 31;
        zeroSigns[zeros++] = sgn;
        negZeros += sgn;
        w[2 * i + 1] = 0;
      } else if (h & 0x80000000) {
        neg++;
        w[2 * i] = ~l;
        w[2 * i + 1] = h ^ 0x7fffffff;
      }
    }
    keys.subarray(s, e).sort();
    for (let i = s; i < e; i++) {
      const h = w[2 * i + 1];
      if (h & 0x80000000) {
        w[2 * i] = ~w[2 * i];
        w[2 * i + 1] = h ^ 0x7fffffff;
      }
    }
    if (negZeros > 0) {
      for (let z = 0, p = 2 * (s + neg); z < zeros; z++, p += 2) {
        w[p] = 0;
        w[p + 1] = zeroSigns[z] ? 0x80000000 : 0;
      }
    }
    for (let j = 0, p = 2 * (e - nanWords.length / 2); j < nanWords.length; j++, p++) {
      w[p] = nanWords[j];
    }
  }
}

function sortComplexRows(dtype: DType, d: Float64Array | Float32Array, rows: number, n: number) {
  const sorter = new LaneSorter(dtype, d, n);
  const tmp = new Float64Array(2 * n);
  for (let r = 0; r < rows; r++) {
    const s = r * n;
    sorter.load(s, 1);
    sorter.sort();
    const ix = sorter.ix;
    for (let j = 0; j < 2 * n; j++) tmp[j] = d[2 * s + j];
    for (let j = 0; j < n; j++) {
      d[2 * (s + j)] = tmp[2 * ix[j]];
      d[2 * (s + j) + 1] = tmp[2 * ix[j] + 1];
    }
  }
}
