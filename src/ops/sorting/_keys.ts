// Sort keys of one lane of an array, in NumPy's order, ready for the stable kernels of
// _radix.ts / _complex_sort.ts. Reals become unsigned words whose unsigned order is NumPy's
// order: -0.0 and 0.0 get the same key, every NaN gets the largest key (NaNs last, equal to each
// other, so a stable sort keeps their input order). int64/uint64/float64 are read as two 32-bit
// words through a Uint32Array view, never as bigints.
import { type DType, DTYPES, type TypedArray } from "../../core/dtype.ts";
import { SortScratch, sortU32, sortU64 } from "./_radix.ts";
import { ComplexScratch, sortComplexKeys } from "./_complex_sort.ts";

/** How a dtype's keys are held: one word, two words, or a complex pair of doubles. */
export type KeyClass = "u32" | "u64" | "cplx";

/** The key class of a dtype. */
export function keyClass(dtype: DType): KeyClass {
  const info = DTYPES[dtype];
  if (info.kind === "c") return "cplx";
  return info.itemsize === 8 ? "u64" : "u32";
}

/** A Uint32Array over the same bytes as `data` (whose element size is a multiple of 4). */
export function words(data: TypedArray): Uint32Array {
  return new Uint32Array(data.buffer, data.byteOffset, data.byteLength >>> 2);
}

/** A Uint16Array over the same bytes as `data`. */
function halves(data: TypedArray): Uint16Array {
  return new Uint16Array(data.buffer, data.byteOffset, data.byteLength >>> 1);
}

/**
 * Loads and stably sorts the keys of one lane at a time. `ix` receives the positions (within the
 * lane) in sorted order. Scratch buffers are allocated once for lanes of up to `n` elements.
 */
export class LaneSorter {
  readonly dtype: DType;
  readonly cls: KeyClass;
  readonly n: number;
  /** The positions, in sorted order after `sort()`. */
  readonly ix: Int32Array;
  #bits: number;
  #k: Uint32Array;
  #lo: Uint32Array;
  #re: Float64Array;
  #im: Float64Array;
  #scratch: SortScratch | null = null;
  #cscratch: ComplexScratch | null = null;
  #u8: Uint8Array | null = null;
  #i8: Int8Array | null = null;
  #u16: Uint16Array | null = null;
  #i16: Int16Array | null = null;
  #u32: Uint32Array | null = null;
  #i32: Int32Array | null = null;
  #f32: Float32Array | null = null;
  #f64: Float64Array | null = null;

  constructor(dtype: DType, data: TypedArray, n: number) {
    this.dtype = dtype;
    this.cls = keyClass(dtype);
    this.n = n;
    this.ix = new Int32Array(n);
    this.#bits = DTYPES[dtype].itemsize * 8;
    const cplx = this.cls === "cplx";
    this.#k = new Uint32Array(cplx ? 0 : n);
    this.#lo = new Uint32Array(this.cls === "u64" ? n : 0);
    this.#re = new Float64Array(cplx ? n : 0);
    this.#im = new Float64Array(cplx ? n : 0);
    switch (dtype) {
      case "bool":
      case "uint8":
        this.#u8 = data as Uint8Array;
        break;
      case "int8":
        this.#i8 = data as Int8Array;
        break;
      case "uint16":
      case "float16":
        this.#u16 = halves(data);
        break;
      case "int16":
        this.#i16 = data as Int16Array;
        break;
      case "uint32":
      case "float32":
      case "float64":
      case "int64":
      case "uint64":
        this.#u32 = words(data);
        break;
      case "int32":
        this.#i32 = data as Int32Array;
        break;
      case "complex64":
        this.#f32 = data as Float32Array;
        break;
      case "complex128":
        this.#f64 = data as Float64Array;
        break;
    }
  }

  /**
   * Loads the keys of the lane starting at element `base` with step `stride`, taken in the order
   * `perm` (positions within the lane; the identity when omitted), and sets `ix` to `perm`.
   */
  load(base: number, stride: number, perm?: Int32Array): void {
    const n = this.n, k = this.#k, ix = this.ix;
    if (perm === undefined) {
      for (let j = 0; j < n; j++) ix[j] = j;
      perm = ix;
    } else if (perm !== ix) ix.set(perm.length === n ? perm : perm.subarray(0, n));
    switch (this.dtype) {
      case "bool":
      case "uint8": {
        const d = this.#u8!;
        for (let j = 0; j < n; j++) k[j] = d[base + perm[j] * stride];
        return;
      }
      case "int8": {
        const d = this.#i8!;
        for (let j = 0; j < n; j++) k[j] = d[base + perm[j] * stride] + 128;
        return;
      }
      case "uint16": {
        const d = this.#u16!;
        for (let j = 0; j < n; j++) k[j] = d[base + perm[j] * stride];
        return;
      }
      case "int16": {
        const d = this.#i16!;
        for (let j = 0; j < n; j++) k[j] = d[base + perm[j] * stride] + 32768;
        return;
      }
      case "float16": {
        const d = this.#u16!;
        for (let j = 0; j < n; j++) {
          const u = d[base + perm[j] * stride];
          k[j] = (u & 0x7fff) > 0x7c00
            ? 0xffff
            : u === 0x8000
            ? 0x8000
            : u & 0x8000
            ? u ^ 0xffff
            : u | 0x8000;
        }
        return;
      }
      case "uint32": {
        const d = this.#u32!;
        for (let j = 0; j < n; j++) k[j] = d[base + perm[j] * stride];
        return;
      }
      case "int32": {
        const d = this.#i32!;
        for (let j = 0; j < n; j++) k[j] = d[base + perm[j] * stride] ^ 0x80000000;
        return;
      }
      case "float32": {
        const d = this.#u32!;
        for (let j = 0; j < n; j++) {
          const u = d[base + perm[j] * stride];
          k[j] = (u & 0x7fffffff) > 0x7f800000
            ? 0xffffffff
            : u === 0x80000000
            ? 0x80000000
            : u & 0x80000000
            ? ~u
            : u | 0x80000000;
        }
        return;
      }
      case "float64":
        this.#loadF64(base, stride, perm);
        return;
      case "int64":
      case "uint64": {
        const d = this.#u32!, lo = this.#lo;
        const flip = this.dtype === "int64" ? 0x80000000 : 0;
        for (let j = 0; j < n; j++) {
          const p = 2 * (base + perm[j] * stride);
          lo[j] = d[p];
          k[j] = d[p + 1] ^ flip;
        }
        return;
      }
      case "complex64": {
        const d = this.#f32!, re = this.#re, im = this.#im;
        for (let j = 0; j < n; j++) {
          const p = 2 * (base + perm[j] * stride);
          re[j] = d[p];
          im[j] = d[p + 1];
        }
        return;
      }
      case "complex128": {
        const d = this.#f64!, re = this.#re, im = this.#im;
        for (let j = 0; j < n; j++) {
          const p = 2 * (base + perm[j] * stride);
          re[j] = d[p];
          im[j] = d[p + 1];
        }
        return;
      }
    }
  }

  #loadF64(base: number, stride: number, perm: Int32Array): void {
    f64Keys(this.#u32!, base, stride, perm, this.n, this.#k, this.#lo);
  }

  /** Sorts the loaded keys stably; `ix` then lists the positions in sorted order. */
  sort(): void {
    const n = this.n;
    if (this.cls === "cplx") {
      if (n < CPLX_RADIX_MIN) {
        this.#cscratch ??= new ComplexScratch(n);
        sortComplexKeys(this.#re, this.#im, this.ix, n, this.#cscratch);
      } else this.#sortComplexRadix();
      return;
    }
    this.#scratch ??= new SortScratch(n, this.cls === "u64");
    if (this.cls === "u64") sortU64(this.#k, this.#lo, this.ix, n, this.#scratch);
    else sortU32(this.#k, this.ix, n, this.#bits, this.#scratch);
  }

  /**
   * Complex keys as an LSD sort on three keys: the imaginary part, the real part, then the NaN
   * class (none < imaginary NaN < real NaN < both), with NaN parts keyed equal. Within a class
   * that is NumPy's lexicographic order.
   */
  #sortComplexRadix(): void {
    const n = this.n, re = this.#re, im = this.#im;
    if (this.#k.length < n) {
      this.#k = new Uint32Array(n);
      this.#lo = new Uint32Array(n);
    }
    const hi = this.#k, lo = this.#lo;
    const s = this.#scratch ??= new SortScratch(n, true);
    const order = new Int32Array(n);
    for (let j = 0; j < n; j++) order[j] = j;
    f64Keys(words(im), 0, 1, order, n, hi, lo);
    sortU64(hi, lo, order, n, s);
    f64Keys(words(re), 0, 1, order, n, hi, lo);
    sortU64(hi, lo, order, n, s);
    for (let q = 0; q < n; q++) {
      const j = order[q];
      hi[q] = (re[j] !== re[j] ? 2 : 0) + (im[j] !== im[j] ? 1 : 0);
    }
    sortU32(hi, order, n, 2, s);
    const ix = this.ix, loaded = ix.slice();
    for (let q = 0; q < n; q++) ix[q] = loaded[order[q]];
  }
}

const CPLX_RADIX_MIN = 256;

/**
 * Order keys (`hi`, `lo`) of float64 values read as words from `d` at elements
 * `base + perm[j] * stride`: -0.0 keyed as 0.0, every NaN as the largest key.
 */
function f64Keys(
  d: Uint32Array,
  base: number,
  stride: number,
  perm: Int32Array,
  n: number,
  hi: Uint32Array,
  lo: Uint32Array,
): void {
  for (let j = 0; j < n; j++) {
    const p = 2 * (base + perm[j] * stride);
    const h = d[p + 1], l = d[p];
    const m = h & 0x7fffffff;
    if (m > 0x7ff00000 || (m === 0x7ff00000 && l !== 0)) {
      hi[j] = 0xffffffff;
      lo[j] = 0xffffffff;
    } else if (h & 0x80000000) {
      if (m === 0 && l === 0) {
        hi[j] = 0x80000000;
        lo[j] = 0;
      } else {
        hi[j] = ~h;
        lo[j] = ~l;
      }
    } else {
      hi[j] = h | 0x80000000;
      lo[j] = l;
    }
  }
}
